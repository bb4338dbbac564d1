"""The mutation self-test's orchestration (l8compat.mutants): mutant runs at once, verdicts per mutant.

The pytest run per mutant (a container each) is replaced by a function that takes time and returns a matrix,
so these tests check only what the module decides: which runs overlap, what is reported in which order, and
when the self-test fails. The real runs are CI's compat-mutants step.
"""

from __future__ import annotations

import io
import json
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from l8compat import mutants

CASES = ("Runtime.GetState/get", "Runtime.SaveState/save")


def _matrix(failing: tuple[str, ...], mutant: str | None) -> dict[str, Any]:
    results = [{"language": "python", "case_id": c, "outcome": "fail" if c in failing else "pass",
                "reason": "expected data" if c in failing else ""} for c in CASES]
    return {"meta": {"mutant": mutant}, "results": results}


@pytest.fixture
def fake_runs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[tuple[str, float, float]]:
    """Two mutations: `b-caught` breaks one case, `a-missed` none; every run takes 0.3 s."""
    spans: list[tuple[str, float, float]] = []
    lock = threading.Lock()
    breaks = {"baseline": (), "a-missed": (), "b-caught": ("Runtime.GetState/get",)}

    def run(name: str, languages: str, extra: Any, out: Any, uses: str = "") -> tuple[dict[str, Any], float]:
        start = time.monotonic()
        time.sleep(0.3)
        with lock:
            spans.append((name, start, time.monotonic()))
        return _matrix(breaks[name], None if name == "baseline" else name), 0.3

    monkeypatch.setattr(mutants, "OUT_DIR", tmp_path)
    monkeypatch.setattr(mutants, "_run", run)
    monkeypatch.setattr(mutants, "list_mutations",
                        lambda: {"b-caught": ("stale reads", "Runtime/GetState"), "a-missed": ("no-op", "")})
    return spans


def _overlap(spans: list[tuple[str, float, float]], a: str, b: str) -> bool:
    (_, s1, e1), (_, s2, e2) = [next(s for s in spans if s[0] == n) for n in (a, b)]
    return s1 < e2 and s2 < e1


def test_two_jobs_run_the_mutants_at_once_after_the_baseline(
    fake_runs: list[tuple[str, float, float]],
) -> None:
    mutants.run(["--jobs", "2"], io.StringIO(), io.StringIO(), io.StringIO())
    assert _overlap(fake_runs, "a-missed", "b-caught")
    baseline_end = next(e for n, _, e in fake_runs if n == "baseline")
    assert all(s >= baseline_end for n, s, _ in fake_runs if n != "baseline")


def test_one_job_runs_them_one_after_the_other(fake_runs: list[tuple[str, float, float]]) -> None:
    mutants.run(["--jobs", "1"], io.StringIO(), io.StringIO(), io.StringIO())
    assert not _overlap(fake_runs, "a-missed", "b-caught")


def test_verdicts_are_reported_in_name_order_and_a_missed_mutant_fails(
    fake_runs: list[tuple[str, float, float]], tmp_path: Path
) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = mutants.run(["--jobs", "2"], io.StringIO(), out, err)
    verdicts = [line for line in out.getvalue().splitlines() if "CAUGHT" in line]
    assert verdicts == ["compat-mutants: a-missed: NOT CAUGHT of 2 run (0s)",
                        "compat-mutants: b-caught: CAUGHT by 1 case(s) of 2 run (0s)"]
    assert code == 1 and "not caught: a-missed" in err.getvalue()
    assert "`Runtime.GetState/get`" in (tmp_path / "mutants.md").read_text()


def _write_baseline(path: Path, meta: dict[str, Any]) -> Path:
    path.mkdir()
    (path / "matrix.json").write_text(json.dumps({"meta": meta, "results": _matrix((), None)["results"]}))
    return path


def test_a_given_clean_run_is_the_baseline_and_none_is_run(
    fake_runs: list[tuple[str, float, float]], tmp_path: Path
) -> None:
    clean = _write_baseline(tmp_path / "python", {"mutant": "", "target": "", "languages": {"python": {}}})
    out = io.StringIO()
    mutants.run(["--jobs", "2", f"--baseline={clean}"], io.StringIO(), out, io.StringIO())
    assert "baseline" not in [name for name, _, _ in fake_runs]
    assert "compat-mutants: b-caught: CAUGHT by 1 case(s) of 2 run (0s)" in out.getvalue()


@pytest.mark.parametrize("meta", [
    {"mutant": "etag-ignored", "target": "", "languages": {"python": {}}},
    {"mutant": "", "target": "reference-variant", "languages": {"python": {}}},
    {"mutant": "", "target": "", "languages": {"go": {}}},
])
def test_a_baseline_that_is_not_a_clean_run_of_the_languages_is_refused(
    fake_runs: list[tuple[str, float, float]], tmp_path: Path, meta: dict[str, Any]
) -> None:
    err = io.StringIO()
    baseline = _write_baseline(tmp_path / "r", meta)
    code = mutants.run([f"--baseline={baseline}"], io.StringIO(), io.StringIO(), err)
    assert code == 2 and "is not a clean run of python" in err.getvalue() and not fake_runs
