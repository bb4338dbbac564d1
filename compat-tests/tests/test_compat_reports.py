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
