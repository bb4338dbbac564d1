"""evolution.changelog: Keep-a-Changelog sections from a diff report, inserted below [Unreleased]."""

from __future__ import annotations

import pytest
from l8gen.evolution import EvolutionError
from l8gen.evolution.buf import Violation
from l8gen.evolution.changelog import HEADER, entries_for, initial_entries, insert
from l8gen.evolution.classify import DiffReport
from l8gen.evolution.irdiff import Change

from tests.conftest import api_of


def _report(**kw: object) -> DiffReport:
    base: dict[str, object] = dict(
        against="v0.1.0",
        against_kind="release",
        against_source="proto/releases/v0.1.0.binpb",
        proto_root="proto",
        version="0.1.0",
        breaking=(),
        wire_breaking=(),
        added=(),
        changed=(),
    )
    base.update(kw)
    return DiffReport(**base)  # type: ignore[arg-type]


DELETED = Violation(
    "RPC_NO_DELETE", "e.proto", 25, 1, 'Previously present RPC "SendEmail" was deleted.', wire=True
)
RENAMED = Violation("FIELD_SAME_NAME", "e.proto", 90, 10, 'Field "2" changed name from "a" to "b".')
ADDED = Change("added", "rpc", "e.v1.Mail.Resend", "e.proto", 40, "RPC e.v1.Mail.Resend (unary)")
DOC = Change(
    "doc", "field", "e.v1.Content.text", "e.proto", 112, "documentation changed: field e.v1.Content.text"
)


def test_entries_sort_breaking_into_removed_and_changed() -> None:
    entries = entries_for(_report(breaking=(DELETED, RENAMED), added=(ADDED,), changed=(DOC,)))
    assert entries == {
        "Added": ["RPC `e.v1.Mail.Resend`"],
        "Changed": [
            '**Breaking:** Field "2" changed name from "a" to "b". (`e.proto:90`, FIELD_SAME_NAME)',
            "Documentation changed: field `e.v1.Content.text`",
        ],
        "Removed": [
            '**Breaking (wire/JSON):** Previously present RPC "SendEmail" was deleted. (`e.proto:25`, '
            "RPC_NO_DELETE)"
        ],
    }


def test_first_section_creates_the_file_with_header_and_unreleased() -> None:
    text = insert(None, "0.2.0", "2026-01-02", "Intro line.", {"Added": ["RPC `x`"], "Removed": ["thing"]})
    assert text == HEADER + (
        "\n## [0.2.0] - 2026-01-02\n\nIntro line.\n\n### Added\n\n- RPC `x`\n\n### Removed\n\n- thing\n"
    )


def test_new_section_goes_above_older_ones_and_unreleased_notes_move_in() -> None:
    first = insert(None, "0.1.0", "2026-01-01", "First.", {"Added": ["Initial"]})
    with_notes = first.replace(
        "## [Unreleased]\n",
        "## [Unreleased]\n\nA hand-written note.\n\n### Fixed\n\n- Fixed a typo.\n\n"
        "### Added\n\n- A hand-written addition.\n",
    )
    text = insert(with_notes, "0.2.0", "2026-02-01", "Second.", {"Added": ["RPC `y`"]})
    unreleased, rest = text.split("## [Unreleased]\n", 1)[1].split("## [0.2.0]", 1)
    assert unreleased == "\n"
    second, older = rest.split("## [0.1.0]", 1)
    assert second == (
        " - 2026-02-01\n\nSecond.\n\nA hand-written note.\n\n"
        "### Added\n\n- RPC `y`\n- A hand-written addition.\n\n"
        "### Fixed\n\n- Fixed a typo.\n\n"
    )
    assert older.startswith(" - 2026-01-01\n\nFirst.\n\n### Added\n\n- Initial\n")


def test_same_version_twice_is_an_error() -> None:
    text = insert(None, "0.1.0", "2026-01-01", "First.", {"Added": ["Initial"]})
    with pytest.raises(EvolutionError, match="already has a section for 0.1.0"):
        insert(text, "0.1.0", "2026-01-02", "Again.", {"Added": ["x"]})


def test_file_without_unreleased_gets_one() -> None:
    text = insert(
        "# Changelog\n\n## [0.1.0] - 2026-01-01\n\n- old\n", "0.2.0", "2026-02-02", "Next.", {"Added": ["z"]}
    )
    assert text == (
        "# Changelog\n\n## [Unreleased]\n\n## [0.2.0] - 2026-02-02\n\nNext.\n\n### Added\n\n- z\n\n"
        "## [0.1.0] - 2026-01-01\n\n- old\n"
    )


def test_initial_entries_list_services_with_rpc_counts() -> None:
    api = api_of(
        'syntax = "proto3";\npackage d.v1;\nmessage A {}\n'
        "service S { rpc M(A) returns (A); rpc N(A) returns (A); }\n"
    )
    assert initial_entries(api) == {
        "Added": [
            "Initial release of the API and the SDKs: 1 service, 2 RPCs, 1 message, 0 enums:",
            "  - service `d.v1.S` (2 RPCs)",
        ]
    }
