"""The output edge of the pipeline: {path: text} -> sdks/<lang>/ through a manifest.

Only this module writes into sdks/. Each SDK directory holds ``.l8gen-manifest.json`` (generator name and
version, input digest, every generated file with its sha256). Writing is write-if-changed; files listed by
the previous manifest but not generated any more are removed (with their emptied directories); ``--check``
plans the same changes, touches nothing and reports a unified diff.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from l8gen import __version__
from l8gen.caches import atomic_write
from l8gen.records import record

MANIFEST = ".l8gen-manifest.json"


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@record
class Manifest:
    """The manifest of an SDK directory: the input digest it was generated from and every file's hash."""

    input_digest: str
    files: Mapping[str, str]  # path -> sha256
    version: str = __version__

    def render(self) -> str:
        data = {
            "generator": "l8gen",
            "version": self.version,
            "input_digest": self.input_digest,
            "files": dict(sorted(self.files.items())),
        }
        return json.dumps(data, indent=2, sort_keys=False) + "\n"

    @classmethod
    def for_files(cls, files: Mapping[str, str], input_digest: str) -> Manifest:
        return cls(input_digest=input_digest, files={p: sha256_text(t) for p, t in sorted(files.items())})


def read_manifest(out_dir: Path) -> Manifest | None:
    """The manifest in ``out_dir``, or None when missing or unreadable (treated as a first generation)."""
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
        files = data["files"]
        if not isinstance(files, dict):
            return None
        return Manifest(
            input_digest=str(data["input_digest"]), files=dict(files), version=str(data["version"])
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def with_manifest(files: Mapping[str, str], input_digest: str) -> dict[str, str]:
    """``files`` plus the manifest describing them (the complete content of an SDK dir we own)."""
    out = dict(sorted(files.items()))
    out[MANIFEST] = Manifest.for_files(files, input_digest).render()
    return out


def _read(path: Path) -> str | None:
    try:
        return path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


@dataclass
class Plan:
    """What writing ``files`` into ``out_dir`` would change."""

    out_dir: Path
    writes: dict[str, str] = field(default_factory=dict)  # path -> new text (new or changed files)
    old: dict[str, str | None] = field(default_factory=dict)  # path -> current text (None: missing)
    deletes: list[str] = field(default_factory=list)  # stale files to remove
    unchanged: int = 0

    @property
    def clean(self) -> bool:
        return not self.writes and not self.deletes

    def diff(self, label: str = "") -> str:
        """Unified diff from the current tree to the generated one (paths shown relative to the cwd-ish
        ``label`` prefix, e.g. ``sdks/python``)."""
        import difflib  # only --check with drift shows a diff

        prefix = label.rstrip("/") + "/" if label else ""
        chunks: list[str] = []
        for path in sorted(set(self.writes) | set(self.deletes)):
            before = self.old.get(path) or ""
            after = self.writes.get(path, "")
            from_name = f"a/{prefix}{path}" if self.old.get(path) is not None else "/dev/null"
            to_name = f"b/{prefix}{path}" if path in self.writes else "/dev/null"
            lines = difflib.unified_diff(
                before.splitlines(keepends=True), after.splitlines(keepends=True), from_name, to_name
            )
            text = "".join(
                line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
            )
            chunks.append(text or f"Binary or unreadable file differs: {prefix}{path}\n")
        return "".join(chunks)


def plan(out_dir: Path, files: Mapping[str, str]) -> Plan:
    """Compare the generated ``files`` (manifest included) with ``out_dir``; reads only."""
    result = Plan(out_dir=out_dir)
    for path, text in sorted(files.items()):
        current = _read(out_dir / path)
        if current == text:
            result.unchanged += 1
        else:
            result.writes[path] = text
            result.old[path] = current
    previous = read_manifest(out_dir)
    if previous is not None:
        for path in sorted(previous.files):
            if path not in files and (out_dir / path).is_file():
                result.deletes.append(path)
                result.old[path] = _read(out_dir / path)
    return result


def apply(result: Plan) -> None:
    """Carry out a plan: write changed files (the manifest last), delete stale ones, prune empty dirs."""
    ordered = sorted(result.writes, key=lambda p: (p == MANIFEST, p))
    made: set[Path] = set()
    for path in ordered:
        target = result.out_dir / path
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        atomic_write(target, result.writes[path].encode("utf-8"))
    for path in result.deletes:
        target = result.out_dir / path
        target.unlink(missing_ok=True)
        parent = target.parent
        while parent != result.out_dir and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent


def is_up_to_date(out_dir: Path, input_digest: str) -> bool:
    """Cache check: the manifest records ``input_digest`` and every listed file is on disk unmodified."""
    manifest = read_manifest(out_dir)
    if manifest is None or manifest.input_digest != input_digest or manifest.version != __version__:
        return False
    for path, digest in manifest.files.items():
        try:
            if hashlib.sha256((out_dir / path).read_bytes()).hexdigest() != digest:
                return False
        except OSError:
            return False
    return True
