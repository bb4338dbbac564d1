"""l8compat.gates: coverage, strict known-failing lists, zero executed."""

from __future__ import annotations

from pathlib import Path

import pytest
from l8compat.cases import Case
from l8compat.gates import (
    KnownFailingError,
    apply_known_failing,
    coverage_gate,
    executed_gate,
    known_failing_gate,
    load_known_failing,
)
from l8compat.protos import Api, Rpc
from l8compat.results import CaseResult


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


def _result(rpc: Rpc, name: str, outcome: str, lang: str = "python") -> CaseResult:
    return CaseResult(
        lang, rpc.service, rpc.name, name, f"{rpc.service_short}.{rpc.name}/{name}", "happy", outcome, 1.0
    )


def test_coverage_counts_executed_cases_per_rpc_and_language(api: Api) -> None:
    rpcs = api.api_rpcs()
    cases = [_case(r, f"c{i}") for r in rpcs for i in range(3)]
    results = [_result(r, f"c{i}", "pass") for r in rpcs for i in range(3)]
    assert coverage_gate(api, cases, results, ["python"]).ok
    results[0].outcome = "skip"
    gate = coverage_gate(api, cases, results, ["python"])
    assert not gate.ok and f"{rpcs[0].key} (2)" in gate.detail[0]
    assert not coverage_gate(api, cases[1:], results, ["python"]).ok
    assert coverage_gate(api, cases[1:], results, ["python"], partial="--case x").skipped


def test_known_failing_outcomes() -> None:
    rpc = Rpc("spec.proto.runtime.v1.Runtime", "GetState", "a", "b", "unary", "client")
    known = {"Runtime.GetState/a": "SDK bug #1"}
    assert apply_known_failing(_result(rpc, "a", "fail"), known).outcome == "known_fail"
    xpass = apply_known_failing(_result(rpc, "a", "pass"), known)
    assert xpass.outcome == "xpass" and "remove the entry" in xpass.reason
    assert apply_known_failing(_result(rpc, "b", "fail"), known).outcome == "fail"


def test_known_failing_gate_rejects_stale_and_unmatched_entries() -> None:
    rpc = Rpc("spec.proto.runtime.v1.Runtime", "GetState", "a", "b", "unary", "client")
    cases = [_case(rpc, "a")]
    gate = known_failing_gate(cases, [_result(rpc, "a", "xpass")], {"python": {"Runtime.GetState/zzz": "r"}})
    assert not gate.ok
    assert any("matches no case" in d for d in gate.detail)
    assert any("passed but is listed" in d for d in gate.detail)
    assert known_failing_gate(
        cases, [_result(rpc, "a", "known_fail")], {"python": {"Runtime.GetState/a": "r"}}
    ).ok


def test_known_failing_file_needs_a_reason(tmp_path: Path) -> None:
    (tmp_path / "go.yaml").write_text("- case: Runtime.GetState/a\n  reason: ''\n")
    with pytest.raises(KnownFailingError, match="reason must not be empty"):
        load_known_failing("go", tmp_path)
    (tmp_path / "go.yaml").write_text("- case: Runtime.GetState/a\n  reason: SDK lacks x\n")
    assert load_known_failing("go", tmp_path) == {"Runtime.GetState/a": "SDK lacks x"}
    assert load_known_failing("cpp", tmp_path) == {}


def test_zero_executed_fails() -> None:
    rpc = Rpc("spec.proto.runtime.v1.Runtime", "GetState", "a", "b", "unary", "client")
    assert not executed_gate([], ["python"]).ok
    assert not executed_gate([_result(rpc, "a", "skip")], ["python"]).ok
    assert executed_gate([_result(rpc, "a", "fail")], ["python"]).ok
    assert not executed_gate([_result(rpc, "a", "pass")], ["python", "go"]).ok
