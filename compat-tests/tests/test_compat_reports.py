"""l8compat.reports: matrix.json fields, Markdown grid, self-contained HTML, the process-mode warning."""

from __future__ import annotations

import json
from pathlib import Path

from l8compat.protos import Rpc
from l8compat.reports import render_html, render_markdown, write_all
from l8compat.results import CaseResult, LanguageInfo, Run, RunMeta, StepRecord

RPC = Rpc("spec.proto.runtime.v1.Runtime", "GetState", "a", "b", "unary", "client")


def _run(mode: str = "container") -> Run:
    meta = RunMeta(
        runtime_mode=mode,
        runtime_endpoint="127.0.0.1:1",
        started="t",
        languages={"python": LanguageInfo("python", sdk_version="0.1.0")},
    )
    run = Run(meta)
    run.results.append(
        CaseResult("python", RPC.service, RPC.name, "ok", "Runtime.GetState/ok", "happy", "pass", 2)
    )
    bad = CaseResult(
        "python",
        RPC.service,
        RPC.name,
        "bad",
        "Runtime.GetState/bad",
        "error",
        "fail",
        3,
        reason="steps[0] call: response.data: expected 'dg==', got ''",
    )
    bad.steps.append(
        StepRecord("steps", 0, "call", "f.yaml:3", 1.0, False, {"op": "call"}, {"ok": True}, "x")
    )
    run.results.append(bad)
    return run


def test_json_has_the_matrix_fields_and_mode(tmp_path: Path) -> None:
    write_all(_run(), [RPC], tmp_path)
    data = json.loads((tmp_path / "matrix.json").read_text())
    assert data["meta"]["runtime_mode"] == "container"
    row = data["results"][1]
    for key in ("language", "service", "rpc", "case", "outcome", "duration_ms", "reason"):
        assert key in row
    assert row["outcome"] == "fail" and row["steps"][0]["where"] == "f.yaml:3"


def test_markdown_grid_counts_passes_and_lists_failures() -> None:
    md = render_markdown(_run(), [RPC])
    assert "| Runtime | GetState | ❌ 1/2 |" in md
    assert "`Runtime.GetState/bad` **fail**" in md


def test_process_mode_is_loud_in_both_reports() -> None:
    assert "LOCAL PROCESS" in render_markdown(_run("process"), [RPC])
    page = render_html(_run("process"), [RPC])
    assert "LOCAL PROCESS" in page and "class='banner warn'" in page


def test_html_is_self_contained_and_escapes() -> None:
    run = _run()
    run.results[1].reason = "<script>x</script>"
    page = render_html(run, [RPC])
    assert "<script>x" not in page and "&lt;script&gt;" in page
    assert "src=" not in page and "<link" not in page
    assert "#d33c3c" in page  # the failing cell's colour


def _two_sdk_deviation_run() -> Run:
    run = _run()
    run.meta.languages["go"] = LanguageInfo("go", sdk_version="0.1.0")
    for r in list(run.results):
        twin = CaseResult(**{**r.__dict__, "language": "go", "steps": list(r.steps)})
        run.results.append(twin)
    for r in run.results:
        if r.outcome == "fail":
            r.observed, r.expected = {"status": "DEADLINE_EXCEEDED", "message": "late"}, {"status": "OK"}
    run.results.append(
        CaseResult(
            "python",
            RPC.service,
            RPC.name,
            "u",
            "Runtime.GetState/u",
            "happy",
            "unsupported",
            0,
            reason="target t lacks Runtime.GetState",
        )
    )
    return run


def test_json_conformance_view_validates_against_the_schema(tmp_path: Path) -> None:
    import jsonschema

    write_all(_two_sdk_deviation_run(), [RPC], tmp_path)
    data = json.loads((tmp_path / "matrix.json").read_text())
    schema = json.loads((Path(__file__).parents[1] / "schema" / "matrix.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema)
    view = data["conformance"][RPC.key]
    (dev,) = view["deviations"]
    assert dev["case"] == "Runtime.GetState/bad" and dev["languages"] == ["go", "python"]
    assert dev["observed"]["status"] == "DEADLINE_EXCEEDED" and dev["expected"]["status"] == "OK"
    assert view["unsupported"] == [
        {"case": "Runtime.GetState/u", "reason": "target t lacks Runtime.GetState"}
    ]
    bad = [r for r in data["results"] if r["case"] == "bad"]
    assert {r["verdict"] for r in bad} == {"runtime_deviation"}


def test_html_and_markdown_show_the_conformance_view(tmp_path: Path) -> None:
    write_all(_two_sdk_deviation_run(), [RPC], tmp_path)
    page = (tmp_path / "matrix.html").read_text()
    assert "<h2>Runtime conformance</h2>" in page and "id='conformance'" in page
    assert "runtime deviation" in page and "DEADLINE_EXCEEDED" in page
    md = (tmp_path / "matrix.md").read_text()
    assert "## Runtime conformance" in md
    assert "| Runtime.GetState/bad | runtime deviation | go,python | DEADLINE_EXCEEDED" in md
