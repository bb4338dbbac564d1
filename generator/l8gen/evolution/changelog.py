"""CHANGELOG.md in the Keep-a-Changelog format, one section per release, written from ``l8gen diff``.

Place: evolution.release -> **changelog** (pure text in, text out; release does the file I/O). A section
has the categories Added / Changed / Deprecated / Removed / Fixed / Security; buf's deletions go to Removed,
its other violations to Changed (both marked **Breaking**, and "wire/JSON" when deployed clients and
servers are affected), IR additions to Added, documentation/behaviour changes to Changed. Notes written by
hand under ``## [Unreleased]`` move into the new section, merged per category (generated entries first).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from l8gen.evolution import EvolutionError
from l8gen.evolution.buf import Violation
from l8gen.evolution.classify import DiffReport, label
from l8gen.evolution.irdiff import Change
from l8gen.ir.model import Api

CATEGORIES = ("Added", "Changed", "Deprecated", "Removed", "Fixed", "Security")
UNRELEASED = "## [Unreleased]"
HEADER = f"""# Changelog

All notable changes to the l8sdk API and its SDKs (Python, Node/TypeScript, Go, C++; one version for all)
are documented in this file. `l8gen release` writes each section from `l8gen diff` (buf breaking + IR diff);
notes written by hand under [Unreleased] are moved into the next release.

The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/), and this project adheres to
[Semantic Versioning](https://semver.org/spec/v2.0.0.html). Before 1.0.0 a breaking change bumps the minor
version (0.1.x -> 0.2.0), as do additions; documentation and behaviour fixes bump the patch version.

{UNRELEASED}
"""


def _breaking(v: Violation) -> str:
    tag = "**Breaking (wire/JSON):**" if v.wire else "**Breaking:**"
    return f"{tag} {v.message} (`{v.file}:{v.line}`, {v.rule})"


def _change(c: Change) -> str:
    if c.change == "added":
        return label(c)
    if c.change == "doc":
        what = c.detail.split(":", 1)[0]
        return f"{what[0].upper()}{what[1:]}: {label(c)}"
    return c.detail.replace(c.element, f"`{c.element}`", 1)


def entries_for(report: DiffReport) -> dict[str, list[str]]:
    """The generated bullets of a release, per category."""
    removed = [_breaking(v) for v in report.breaking if "DELETE" in v.rule]
    changed = [_breaking(v) for v in report.breaking if "DELETE" not in v.rule]
    changed += [_change(c) for c in report.changed]
    out = {"Added": [_change(c) for c in report.added], "Changed": changed, "Removed": removed}
    return {k: v for k, v in out.items() if v}


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def initial_entries(api: Api) -> dict[str, list[str]]:
    """The first release lists what the API holds: services with their RPC counts."""
    rpcs = sum(len(s.methods) for s in api.services)
    messages = sum(1 for m in api.messages if not m.is_map_entry)
    bullets = [
        "Initial release of the API and the SDKs: "
        f"{_count(len(api.services), 'service')}, {_count(rpcs, 'RPC')}, {_count(messages, 'message')}, "
        f"{_count(len(api.enums), 'enum')}:"
    ]
    bullets += [f"  - service `{s.full_name}` ({_count(len(s.methods), 'RPC')})" for s in api.services]
    return {"Added": bullets}


def _split(body: str) -> tuple[list[str], dict[str, list[str]]]:
    """Hand-written notes: free lines before the first ``### X`` and the bullets of each category."""
    preamble: list[str] = []
    cats: dict[str, list[str]] = {}
    current: list[str] = preamble
    for line in body.splitlines():
        match = re.match(r"^###\s+(.+?)\s*$", line)
        if match:
            current = cats.setdefault(match.group(1), [])
        elif line.strip():
            current.append(line)
    return preamble, cats


def render_section(
    version: str, date: str, intro: str, entries: Mapping[str, Sequence[str]], notes: str = ""
) -> str:
    preamble, hand = _split(notes)
    lines = [f"## [{version}] - {date}", "", intro, ""]
    if preamble:
        lines += [*preamble, ""]
    names = [*CATEGORIES, *sorted(set(hand) - set(CATEGORIES))]
    for name in names:
        bullets = [
            *(f"- {b}" if not b.startswith("  ") else b for b in entries.get(name, ())),
            *hand.get(name, ()),
        ]
        if bullets:
            lines += [f"### {name}", "", *bullets, ""]
    return "\n".join(lines)


def insert(
    existing: str | None, version: str, date: str, intro: str, entries: Mapping[str, Sequence[str]]
) -> str:
    """``existing`` (None: no file yet) with a new release section right below ``## [Unreleased]``."""
    text = existing if existing else HEADER
    if re.search(rf"^## \[{re.escape(version)}\]", text, re.MULTILINE):
        raise EvolutionError(f"CHANGELOG.md already has a section for {version}")
    if UNRELEASED not in text:
        first = re.search(r"^## \[", text, re.MULTILINE)
        at = first.start() if first else len(text)
        text = text[:at].rstrip("\n") + f"\n\n{UNRELEASED}\n\n" + text[at:].lstrip("\n")
    start = text.index(UNRELEASED) + len(UNRELEASED)
    following = re.search(r"^## \[", text[start:], re.MULTILINE)
    end = start + following.start() if following else len(text)
    section = render_section(version, date, intro, entries, notes=text[start:end])
    rest = text[end:].strip("\n")
    return text[:start] + "\n\n" + section.rstrip("\n") + "\n" + (f"\n{rest}\n" if rest else "")
