"""Classification of an API change: buf's breaking findings + the IR diff -> semver class -> applied bump.

Place: evolution.diff (I/O) -> **classify** (pure) -> text/JSON output, changelog, release. Rules:
- any buf violation (FILE: the SDK source contract; WIRE_JSON: wire and JSON compatibility) -> ``major``;
- else any addition (service, RPC, message, field, enum, enum value) -> ``minor``;
- else any documentation/behaviour/option change -> ``patch``; else ``none``.
The *applied* bump is the class, except before 1.0.0: a breaking change bumps the minor version (0.1.3 ->
0.2.0), as SemVer §4 allows and Cargo/npm practice expects; both are reported.
"""

from __future__ import annotations

from l8gen.evolution.buf import Violation
from l8gen.evolution.images import version_key
from l8gen.evolution.irdiff import KIND_LABELS, Change
from l8gen.records import record

SEMVER = ("none", "patch", "minor", "major")


def mark_wire(file_violations: tuple[Violation, ...], wire: tuple[Violation, ...]) -> tuple[Violation, ...]:
    """FILE violations with ``wire`` set where WIRE_JSON reported the same file:line, followed by WIRE_JSON
    violations at locations FILE did not report (e.g. when buf.yaml ignores a FILE rule)."""
    wire_at = {(v.file, v.line) for v in wire}
    file_at = {(v.file, v.line) for v in file_violations}
    marked = [
        Violation(v.rule, v.file, v.line, v.column, v.message, wire=(v.file, v.line) in wire_at)
        for v in file_violations
    ]
    marked += [
        Violation(v.rule, v.file, v.line, v.column, v.message, wire=True)
        for v in wire
        if (v.file, v.line) not in file_at
    ]
    return tuple(sorted(marked, key=lambda v: (v.file, v.line, v.column, v.rule, v.message)))


def applied_bump(change_class: str, version: str) -> str:
    """The bump a release applies: the class, but ``major`` -> ``minor`` while the major version is 0."""
    if change_class == "major" and version_key(version)[0] == 0:
        return "minor"
    return change_class


def bump_version(version: str, bump: str) -> str:
    major, minor, patch = version_key(version)
    if bump == "major":
        return f"{major + 1}.0.0"
    if bump == "minor":
        return f"{major}.{minor + 1}.0"
    if bump == "patch":
        return f"{major}.{minor}.{patch + 1}"
    if bump == "none":
        return version
    raise ValueError(f"unknown bump {bump!r}")


@record
class DiffReport:
    """The result of ``l8gen diff``. ``version`` is the version of the API compared against."""

    against: str
    against_kind: str
    against_source: str
    proto_root: str
    version: str
    breaking: tuple[Violation, ...]
    wire_breaking: tuple[Violation, ...]
    added: tuple[Change, ...]
    changed: tuple[Change, ...]

    @property
    def semver(self) -> str:
        if self.breaking or self.wire_breaking:
            return "major"
        if self.added:
            return "minor"
        return "patch" if self.changed else "none"

    @property
    def bump(self) -> str:
        return applied_bump(self.semver, self.version)

    @property
    def next_version(self) -> str:
        return bump_version(self.version, self.bump)

    def to_json(self) -> dict[str, object]:
        return {
            "against": {"ref": self.against, "kind": self.against_kind, "source": self.against_source},
            "breaking": [v.to_json() for v in self.breaking],
            "wire_breaking": [v.to_json() for v in self.wire_breaking],
            "added": [c.to_json() for c in self.added],
            "changed": [c.to_json() for c in self.changed],
            "semver": self.semver,
            "bump": self.bump,
            "version": self.version,
            "next_version": self.next_version,
        }

    def render_text(self) -> str:
        root = self.proto_root.rstrip("/") + "/" if self.proto_root else ""
        lines = [f"l8gen diff: {self.proto_root or '.'} against {self.against} ({self.against_source})"]

        def where(file: str, line: int, column: int = 0) -> str:
            return f"{root}{file}:{line}" + (f":{column}" if column else "")

        if self.breaking:
            wired = sum(1 for v in self.breaking if v.wire)
            lines += [
                "",
                f"Breaking ({len(self.breaking)}; buf FILE = the SDK source contract; {wired} marked "
                "[wire] also break deployed clients/servers = buf WIRE_JSON):",
            ]
            lines += [
                f"  ! {where(v.file, v.line, v.column)}: {v.rule}{' [wire]' if v.wire else ''}: {v.message}"
                for v in self.breaking
            ]
        if self.added:
            lines += ["", f"Added ({len(self.added)}):"]
            lines += [f"  + {c.detail}  ({where(c.file, c.line)})" for c in self.added]
        if self.changed:
            lines += ["", f"Changed ({len(self.changed)}):"]
            lines += [f"  ~ {c.detail}  ({where(c.file, c.line)})" for c in self.changed]
        lines += ["", self.verdict()]
        return "\n".join(lines) + "\n"

    def verdict(self) -> str:
        if self.semver == "none":
            return f"Result: no API change since {self.against} (bump none; version stays {self.version})."
        why = {"major": "breaking", "minor": "additions only", "patch": "documentation/behaviour only"}
        text = f"Result: {self.semver} change ({why[self.semver]}) -> bump {self.bump}"
        if self.bump != self.semver:
            text += " (before 1.0.0 a breaking change bumps the minor version)"
        return text + f": {self.version} -> {self.next_version}."


def label(change: Change) -> str:
    """``RPC `a.b.C.D``` style label of an element for the changelog."""
    return f"{KIND_LABELS[change.kind]} `{change.element}`"
