"""evolution.classify: semver class, the pre-1.0 rule, version bumps, wire marking."""

from __future__ import annotations

import pytest
from l8gen.evolution import EvolutionError
from l8gen.evolution.buf import Violation
from l8gen.evolution.classify import DiffReport, applied_bump, bump_version, mark_wire
from l8gen.evolution.irdiff import Change

ADDED = Change("added", "rpc", "a.v1.S.M", "a.proto", 7, "RPC a.v1.S.M (unary)")
DOC = Change("doc", "field", "a.v1.M.f", "a.proto", 9, "documentation changed: field a.v1.M.f")
FIELD_NAME = Violation("FIELD_SAME_NAME", "a.proto", 12, 10, 'Field "1" changed name.')


def _report(version: str = "0.3.1", **kw: object) -> DiffReport:
    base: dict[str, object] = dict(
        against="v" + version,
        against_kind="release",
        against_source="proto/releases/x.binpb",
        proto_root="proto",
        version=version,
        breaking=(),
        wire_breaking=(),
        added=(),
        changed=(),
    )
    base.update(kw)
    return DiffReport(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kw", "semver"),
    [
        ({}, "none"),
        ({"changed": (DOC,)}, "patch"),
        ({"added": (ADDED,), "changed": (DOC,)}, "minor"),
        ({"breaking": (FIELD_NAME,), "added": (ADDED,)}, "major"),
        ({"wire_breaking": (FIELD_NAME,)}, "major"),
    ],
)
def test_semver_class(kw: dict[str, object], semver: str) -> None:
    assert _report(**kw).semver == semver


def test_breaking_before_1_0_bumps_minor_and_says_so() -> None:
    report = _report("0.3.1", breaking=(FIELD_NAME,))
    assert (report.semver, report.bump, report.next_version) == ("major", "minor", "0.4.0")
    assert "before 1.0.0 a breaking change bumps the minor version" in report.verdict()


def test_breaking_from_1_0_bumps_major() -> None:
    report = _report("1.2.3", breaking=(FIELD_NAME,))
    assert (report.bump, report.next_version) == ("major", "2.0.0")


@pytest.mark.parametrize(
    ("version", "bump", "expected"),
    [
        ("0.1.0", "patch", "0.1.1"),
        ("0.1.7", "minor", "0.2.0"),
        ("1.9.9", "major", "2.0.0"),
        ("2.0.0", "none", "2.0.0"),
    ],
)
def test_bump_version(version: str, bump: str, expected: str) -> None:
    assert bump_version(version, bump) == expected


def test_additions_before_1_0_stay_minor() -> None:
    assert applied_bump("minor", "0.1.0") == "minor"


def test_bad_version_is_a_clear_error() -> None:
    with pytest.raises(EvolutionError, match="not X.Y.Z"):
        bump_version("1.0", "patch")


def test_mark_wire_flags_same_location_and_keeps_wire_only_findings() -> None:
    other = Violation("FIELD_SAME_JSTYPE", "a.proto", 30, 3, "jstype changed")
    wire_only = Violation("FIELD_WIRE_JSON_COMPATIBLE_TYPE", "b.proto", 5, 3, "type changed")
    wire_same = Violation("FIELD_SAME_NAME", "a.proto", 12, 10, 'Field "1" changed name.')
    marked = mark_wire((FIELD_NAME, other), (wire_same, wire_only))
    assert [(v.rule, v.wire) for v in marked] == [
        ("FIELD_SAME_NAME", True),
        ("FIELD_SAME_JSTYPE", False),
        ("FIELD_WIRE_JSON_COMPATIBLE_TYPE", True),
    ]


def test_json_shape() -> None:
    data = _report(added=(ADDED,)).to_json()
    assert set(data) == {
        "against",
        "breaking",
        "wire_breaking",
        "added",
        "changed",
        "semver",
        "bump",
        "version",
        "next_version",
    }
    assert data["added"] == [
        {
            "change": "added",
            "kind": "rpc",
            "element": "a.v1.S.M",
            "file": "a.proto",
            "line": 7,
            "detail": "RPC a.v1.S.M (unary)",
        }
    ]
