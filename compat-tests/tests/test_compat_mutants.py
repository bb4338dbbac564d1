"""The mutation self-test's orchestration (l8compat.mutants): mutant runs at once, verdicts per mutant.

The pytest run per mutant (a container each) is replaced by a fake that returns a matrix and records the runs'
order and how many were in flight at once (no sleeps), so these tests check only what the module decides:
which runs overlap, what is reported in which order, and when the self-test fails. The real runs are CI's
compat-mutants step.
"""

from __future__ import annotations

import io
import json
import threading
from pathlib import Path
from typing import Any

import pytest
from l8compat import mutants

CASES = ("Runtime.GetState/get", "Runtime.SaveState/save")
BREAKS = {"baseline": (), "a-missed": (), "b-caught": ("Runtime.GetState/get",)}  # the cases each run fails


def _matrix(failing: tuple[str, ...], mutant: str | None) -> dict[str, Any]:
    results = [{"language": "python", "case_id": c, "outcome": "fail" if c in failing else "pass",
                "reason": "expected data" if c in failing else ""} for c in CASES]
    return {"meta": {"mutant": mutant}, "results": results}


class FakeRuns:
    """Stands in for ``mutants._run``: records every start and end in order and how many mutant runs were
    in flight at once. With ``patience`` > 0 a mutant run waits up to that long for another one to be in
    flight too, so runs that may overlap do overlap (and runs that must not, cannot hide it by luck)."""

    def __init__(self) -> None:
        self.log: list[tuple[str, str]] = []  # ("start" | "end", run name)
        self.most_at_once = 0
        self.patience = 0.0
        self._in_flight = 0
        self._changed = threading.Condition()

    def run(
        self, name: str, languages: str, extra: Any, out: Any, uses: str = ""
    ) -> tuple[dict[str, Any], float]:
        with self._changed:
            self.log.append(("start", name))
            if name != "baseline":
                self._in_flight += 1
                self.most_at_once = max(self.most_at_once, self._in_flight)
                self._changed.notify_all()
                self._changed.wait_for(lambda: self.most_at_once >= 2, timeout=self.patience)
                self._in_flight -= 1
            self.log.append(("end", name))
        return _matrix(BREAKS[name], None if name == "baseline" else name), 0.3

    def names(self) -> list[str]:
        return [name for event, name in self.log if event == "start"]


@pytest.fixture
def fake_runs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> FakeRuns:
    """Two mutations: `b-caught` breaks one case, `a-missed` none; every run reports 0.3 s."""
    fake = FakeRuns()
    monkeypatch.setattr(mutants, "OUT_DIR", tmp_path)
    monkeypatch.setattr(mutants, "_run", fake.run)
    monkeypatch.setattr(mutants, "list_mutations",
                        lambda: {"b-caught": ("stale reads", "Runtime/GetState"), "a-missed": ("no-op", "")})
    return fake


def test_two_jobs_run_the_mutants_at_once_after_the_baseline(fake_runs: FakeRuns) -> None:
    fake_runs.patience = 10.0  # each mutant run waits for the other (runs one after the other: no company)
    mutants.run(["--jobs", "2"], io.StringIO(), io.StringIO(), io.StringIO())
    assert fake_runs.most_at_once == 2
    baseline_end = fake_runs.log.index(("end", "baseline"))
    assert all(fake_runs.log.index(("start", n)) > baseline_end for n in ("a-missed", "b-caught"))


def test_one_job_runs_them_one_after_the_other(fake_runs: FakeRuns) -> None:
    fake_runs.patience = 0.5  # time enough for a second run to start if the module started one
    mutants.run(["--jobs", "1"], io.StringIO(), io.StringIO(), io.StringIO())
    assert fake_runs.most_at_once == 1 and sorted(fake_runs.names()) == ["a-missed", "b-caught", "baseline"]


def test_verdicts_are_reported_in_name_order_and_a_missed_mutant_fails(
    fake_runs: FakeRuns, tmp_path: Path
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


def test_a_given_clean_run_is_the_baseline_and_none_is_run(fake_runs: FakeRuns, tmp_path: Path) -> None:
    clean = _write_baseline(tmp_path / "python", {"mutant": "", "target": "", "languages": {"python": {}}})
    out = io.StringIO()
    mutants.run(["--jobs", "2", f"--baseline={clean}"], io.StringIO(), out, io.StringIO())
    assert sorted(fake_runs.names()) == ["a-missed", "b-caught"]
    assert "compat-mutants: b-caught: CAUGHT by 1 case(s) of 2 run (0s)" in out.getvalue()


@pytest.mark.parametrize("meta", [
    {"mutant": "etag-ignored", "target": "", "languages": {"python": {}}},
    {"mutant": "", "target": "reference-variant", "languages": {"python": {}}},
    {"mutant": "", "target": "", "languages": {"go": {}}},
])
def test_a_baseline_that_is_not_a_clean_run_of_the_languages_is_refused(
    fake_runs: FakeRuns, tmp_path: Path, meta: dict[str, Any]
) -> None:
    err = io.StringIO()
    baseline = _write_baseline(tmp_path / "r", meta)
    code = mutants.run([f"--baseline={baseline}"], io.StringIO(), io.StringIO(), err)
    assert code == 2 and "is not a clean run of python" in err.getvalue() and not fake_runs.log
