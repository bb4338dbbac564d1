"""Version skew in l8compat: `<lang>@<X.Y.Z>` drivers on older SDK trees, their coverage, known failures."""

from __future__ import annotations

from pathlib import Path

import pytest
from l8compat.cases import Case
from l8compat.drivers import BUILD_DIR, DriverBuildError, load_registry, skew_spec
from l8compat.gates import coverage_gate, load_known_failing
from l8compat.protos import REPO_ROOT, Api, Rpc
from l8compat.results import CaseResult


def test_skew_spec_rebases_the_language_entry_onto_the_old_tree(tmp_path: Path) -> None:
    current = load_registry()["python"]
    old = skew_spec("python@0.1.0", tmp_path)
    assert current.cwd == REPO_ROOT / "sdks/python"
    assert (old.cwd, old.marker) == (
        tmp_path / "0.1.0/sdks/python",
        tmp_path / "0.1.0/sdks/python/compat_driver",
    )
    assert old.start == current.start  # same interpreter and module; the tree differs
    assert dict(old.env) == {"PYTHONPATH": str(tmp_path / "0.1.0/sdks/python/src")}
    assert dict(current.env) == {"PYTHONPATH": str(REPO_ROOT / "sdks/python/src")}
    go = skew_spec("go@0.1.0", tmp_path)
    assert go.build_dir == BUILD_DIR / "go@0.1.0"
    assert go.start == (str(BUILD_DIR / "go@0.1.0" / "l8-compat-driver-go"),)


@pytest.mark.parametrize(
    ("language", "root", "message"),
    [
        ("python@1.0", Path("/x"), "expected <language>@<X.Y.Z>"),
        ("cobol@0.1.0", Path("/x"), "expected"),
        ("python@0.1.0", None, "needs --sdk-root DIR"),
    ],
)
def test_skew_spec_errors(language: str, root: Path | None, message: str) -> None:
    with pytest.raises(DriverBuildError, match=message):
        skew_spec(language, root)


def test_older_sdk_inherits_its_language_known_failing_list(tmp_path: Path) -> None:
    (tmp_path / "python.yaml").write_text("- case: Runtime.GetState/a\n  reason: SDK bug\n")
    assert load_known_failing("python@0.1.0", tmp_path) == {"Runtime.GetState/a": "SDK bug"}
    (tmp_path / "python@0.1.0.yaml").write_text("[]\n")
    assert load_known_failing("python@0.1.0", tmp_path) == {}


def _case(rpc: Rpc, name: str) -> Case:
    return Case(
        f"{rpc.service_short}.{rpc.name}/{name}",
        name,
        rpc,
        "happy",
        "",
        (),
        "normal",
        None,
        (),
        (),
        (),
        "f.yaml",
        1,
        frozenset({rpc.key}),
    )


def test_coverage_of_an_older_sdk_counts_only_the_rpcs_its_driver_knows(api: Api) -> None:
    rpcs = api.api_rpcs()
    newest = rpcs[-1]  # pretend it was added after the old release: its cases are skipped for python@0.1.0
    cases = [_case(r, f"c{i}") for r in rpcs for i in range(3)]
    results = [
        CaseResult(
            "python@0.1.0",
            r.service,
            r.name,
            f"c{i}",
            f"{r.service_short}.{r.name}/c{i}",
            "happy",
            "skip" if r is newest else "pass",
            1.0,
        )
        for r in rpcs
        for i in range(3)
    ]
    assert not coverage_gate(api, cases, results, ["python@0.1.0"]).ok
    known = {"python@0.1.0": {r.key for r in rpcs if r is not newest}}
    assert coverage_gate(api, cases, results, ["python@0.1.0"], known_rpcs=known).ok
    results[0].outcome = "skip"  # a known RPC with too few executed cases still fails the gate
    assert not coverage_gate(api, cases, results, ["python@0.1.0"], known_rpcs=known).ok
