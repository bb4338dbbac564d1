"""Regression tests of the four problems found judging a foreign runtime (issue #20), plus verdicts.

1. a cleanup template error must not replace the case's own failure;
2. external mode must not run AppCallback cases the runtime cannot reach (fixed port or unsupported);
3. a call that never returns (PublishEvent waiting for an ack) must end the case quickly, not stall the run;
4. the coverage gate must not fail an external target for unsupported/skipped cases.
The executor runs real cases against a scripted driver process (the line protocol, answers chosen per RPC);
the external-target test attaches to a real gRPC server serving grpc.health.v1.
"""

from __future__ import annotations

import json
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from concurrent import futures
from pathlib import Path

import grpc
import pytest
from grpc_health.v1 import health, health_pb2_grpc
from l8compat.cases import Case, load_cases, load_file
from l8compat.driver import DriverProcess
from l8compat.engine import Runtime, free_port
from l8compat.executor import LanguageSession
from l8compat.gates import coverage_gate
from l8compat.protos import Api
from l8compat.results import CaseResult, Run, RunMeta, StepRecord
from l8compat.runner import Harness, Options
from l8compat.targets import load_profile
from l8compat.verdicts import classify

SCRIPTED = """
import json, os, sys
answers = json.loads(os.environ["ANSWERS"])
rpcs = json.loads(os.environ["RPCS"])
for line in sys.stdin:
    req = json.loads(line)
    op = req["op"]
    if op == "hello":
        out = {"id": req["id"], "ok": True, "language": "test", "sdk_version": "0", "rpcs": rpcs}
    elif op == "call":
        a = answers.get(req["rpc"], {"response": {}})
        if a == "hang":
            continue
        out = {"id": req["id"], "ok": "error" not in a, **a}
    else:
        out = {"id": req["id"], "ok": True}
    print(json.dumps(out), flush=True)
    if op == "quit":
        break
"""


@pytest.fixture
def session_for(api: Api, tmp_path: Path) -> Iterator[Callable[..., LanguageSession]]:
    made: list[LanguageSession] = []

    def make(answers: dict[str, object], **kw: object) -> LanguageSession:
        script = tmp_path / "drv.py"
        script.write_text(textwrap.dedent(SCRIPTED))
        env = {"ANSWERS": json.dumps(answers), "RPCS": json.dumps([r.key for r in api.rpcs])}

        def start() -> DriverProcess:
            d = DriverProcess("test", [sys.executable, str(script)], tmp_path, env, tmp_path / "drv.log")
            d.start(timeout_s=20)
            return d

        rt = Runtime("external", endpoint="127.0.0.1:1", callback_port=int(str(kw.pop("callback_port", 0))))
        s = LanguageSession("test", api, rt, start, None, "run1", **kw)  # type: ignore[arg-type]
        s.start()
        made.append(s)
        return s

    yield make
    for s in made:
        s.stop()


def _case(api: Api, case_file: Callable[[str, str], Path], text: str, name: str = "runtime/x.yaml") -> Case:
    path = case_file(text, name)
    (case,) = load_file(path, api, path.parents[1])
    return case


def test_1_cleanup_template_error_is_reported_beside_the_real_failure(
    api: Api, case_file: Callable[[str, str], Path], session_for: Callable[..., LanguageSession]
) -> None:
    case = _case(
        api,
        case_file,
        """
        service: Runtime
        cases:
          - name: c
            rpc: GetState
            kind: happy
            steps:
              - call: GetState
                request: {storeName: state_demo, key: k}
                capture: {etag: response.etag}
            cleanup:
              - call: DeleteState
                request: {storeName: state_demo, key: "{{ vars.etag.missing }}"}
        """,
    )
    session = session_for(
        {"GetState": {"error": {"code": "UNIMPLEMENTED", "message": "store type not supported"}}}
    )
    result = session.run_case(case)
    assert result.outcome == "fail"
    assert "store type not supported" in result.reason  # the case's own failure, not the cleanup's
    assert "(cleanup)" in result.cleanup_problem and "etag" in result.cleanup_problem
    assert result.observed["status"] == "UNIMPLEMENTED" and result.expected["status"] == "OK"


def test_1b_cleanup_failure_of_a_passing_case_still_fails_it(
    api: Api, case_file: Callable[[str, str], Path], session_for: Callable[..., LanguageSession]
) -> None:
    case = _case(
        api,
        case_file,
        """
        service: Runtime
        cases:
          - name: c
            rpc: GetState
            kind: happy
            steps:
              - call: GetState
                request: {storeName: state_demo, key: k}
            cleanup:
              - call: DeleteState
                request: {storeName: state_demo, key: k}
        """,
    )
    result = session_for({"DeleteState": {"error": {"code": "INTERNAL", "message": "boom"}}}).run_case(case)
    assert result.outcome == "fail" and "(cleanup)" in result.reason and "INTERNAL" in result.cleanup_problem


def _callback_case(api: Api) -> Case:
    return next(
        c for c in load_cases(api) if "callback" in c.requires and c.rpc.service_short == "AppCallback"
    )


def test_2_callback_cases_are_unsupported_without_a_reachable_port(
    api: Api, session_for: Callable[..., LanguageSession]
) -> None:
    result = session_for({}, callback_ok=False).run_case(_callback_case(api))
    assert result.outcome == "unsupported" and "callback" in result.reason


@pytest.fixture
def health_server() -> Iterator[str]:
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=2))
    health_pb2_grpc.add_HealthServicer_to_server(health.HealthServicer(), server)  # type: ignore[no-untyped-call]
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    yield f"127.0.0.1:{port}"
    server.stop(0)


@pytest.mark.parametrize("fixed", [True, False])
def test_2b_external_target_uses_the_profiles_fixed_callback_port(
    api: Api, tmp_path: Path, health_server: str, fixed: bool
) -> None:
    port = free_port()
    cb = f"callback: {{port: {port}, host: 10.1.2.3}}\n" if fixed else ""
    profile = tmp_path / "ext.yaml"
    profile.write_text(f"address: {health_server}\n{cb}")
    h = Harness(api, load_cases(api), Options(target=str(profile), languages=[], results_dir=tmp_path))
    rt = h.ensure_runtime()
    assert rt.mode == "external" and rt.endpoint == health_server
    assert h.callback_ok is fixed
    if fixed:
        assert (rt.callback_port, rt.callback_host) == (port, "10.1.2.3")
    h.finish()


def test_3_a_call_that_never_returns_ends_the_case_not_the_run(
    api: Api,
    case_file: Callable[[str, str], Path],
    session_for: Callable[..., LanguageSession],
    tmp_path: Path,
) -> None:
    case = _case(
        api,
        case_file,
        """
        service: Runtime
        cases:
          - name: c
            rpc: PublishEvent
            kind: happy
            steps:
              - call: PublishEvent
                request: {pubsubName: pub_subs_demo, topic: t, data: ""}
        """,
    )
    profile = tmp_path / "p.yaml"
    profile.write_text("address: h:1\ncase_timeout_s: 2\n")
    session = session_for({"PublishEvent": "hang"}, target=load_profile(profile))
    started = time.monotonic()
    result = session.run_case(case)
    assert time.monotonic() - started < 8  # the 2 s case budget, plus a driver restart
    assert result.outcome == "fail" and result.wedged and result.observed["status"] == "NO_REPLY"
    assert session.run_case(case).wedged  # the driver was restarted: the next case runs (and hangs) again


def test_3b_publishing_into_a_hand_acked_raw_stream_must_declare_it(
    api: Api, case_file: Callable[[str, str], Path]
) -> None:
    from l8compat.cases import CaseError

    text = """
        service: Runtime
        cases:
          - name: c
            rpc: SubscribeTopicEvents
            kind: stream
            steps:
              - open: s
                rpc: SubscribeTopicEvents
              - send: s
                message: {initialRequest: {pubsubName: pub_subs_demo, topic: t}}
              - call: PublishEvent
                request: {pubsubName: pub_subs_demo, topic: t}
        """
    with pytest.raises(CaseError, match="publish_returns_before_ack"):
        load_file(case_file(text, "runtime/a.yaml"), api, case_file(text, "runtime/a.yaml").parents[1])
    tagged = text.replace(
        "kind: stream", "kind: stream\n            capabilities: [publish_returns_before_ack]"
    )
    path = case_file(tagged, "runtime/b.yaml")
    with pytest.raises(CaseError, match="timeout_ms"):
        load_file(path, api, path.parents[1])


def _result(lang: str, case_id: str, outcome: str, status: str = "") -> CaseResult:
    r = CaseResult(lang, "spec.proto.runtime.v1.Runtime", "GetState", case_id, case_id, "happy", outcome, 1.0)
    if outcome != "pass":
        r.steps = [StepRecord("steps", 0, "call", "w", 1.0, False)]
        r.observed = {"status": status}
    return r


def test_4_coverage_gate_counts_unsupported_and_skipped_for_a_foreign_target(api: Api) -> None:
    cases = load_cases(api)
    results = [_result("python", c.id, "unsupported") for c in cases[:10]]
    results += [_result("python", c.id, "skip") for c in cases[10:12]]
    results += [_result("python", c.id, "pass") for c in cases[12:]]
    foreign = coverage_gate(api, cases, results, ["python"], reference=False)
    assert foreign.ok and any("unsupported 10, skipped 2" in d for d in foreign.detail)
    assert not coverage_gate(api, cases, results, ["python"], reference=True).ok


def test_verdicts_all_agree_is_runtime_deviation_disagreement_names_the_odd_one() -> None:
    run = Run(RunMeta("container"))
    run.results = [
        _result("python", "A", "fail", "DEADLINE_EXCEEDED"),
        _result("go", "A", "fail", "DEADLINE_EXCEEDED"),
        _result("node", "A", "fail", "DEADLINE_EXCEEDED"),
        _result("python", "B", "pass"),
        _result("go", "B", "fail", "INTERNAL"),
        _result("node", "B", "pass"),
        _result("python", "C", "fail", "NOT_FOUND"),
    ]
    classify(run)
    assert {r.verdict for r in run.results if r.case_id == "A"} == {"runtime_deviation"}
    go_b = next(r for r in run.results if r.case_id == "B" and r.language == "go")
    assert go_b.verdict == "sdk_fault" and go_b.odd_one_out == ["go"]
    assert run.results[-1].verdict == ""  # one language: nothing to compare with


def test_a_profile_naming_nothing_stops_the_run_before_it_starts(api: Api, tmp_path: Path) -> None:
    from l8compat.targets import TargetError

    profile = tmp_path / "stale.yaml"
    profile.write_text("address: 127.0.0.1:1\nknown_deviations: [{case: Runtime.GetState/gone, reason: r}]\n")
    with pytest.raises(TargetError, match="Runtime.GetState/gone matches no case"):
        Harness(api, load_cases(api), Options(target=str(profile), languages=[], results_dir=tmp_path))


def test_known_deviations_are_strict() -> None:
    from l8compat.gates import apply_known_deviation, outcome_gate

    listed = {"A": "publish waits for the ack"}
    failed = apply_known_deviation(_result("python", "A", "fail", "DEADLINE_EXCEEDED"), listed, "t")
    passed = apply_known_deviation(_result("go", "A", "pass"), listed, "t")
    other = apply_known_deviation(_result("go", "B", "fail", "INTERNAL"), listed, "t")
    assert failed.outcome == "known_deviation" and failed.known_failing_reason == listed["A"]
    assert passed.outcome == "xpass" and "known_deviations" in passed.reason
    assert other.outcome == "fail"
    gate = outcome_gate([failed, passed, other])
    assert not gate.ok and len(gate.detail) == 2  # the xpass and the unlisted failure, not the deviation


def test_no_verdicts_across_runs_against_different_targets() -> None:
    run = Run(RunMeta("mixed:container,external", target="layotto,reference"))
    run.results = [_result("python", "A", "fail", "INTERNAL"), _result("go", "A", "fail", "INTERNAL")]
    classify(run)
    assert [r.verdict for r in run.results] == ["", ""]
    run.meta.target = "layotto"
    classify(run)
    assert [r.verdict for r in run.results] == ["runtime_deviation", "runtime_deviation"]
