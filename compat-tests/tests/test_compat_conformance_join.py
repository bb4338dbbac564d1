"""l8compat.conformance with several reference runs (CI joins compat-python's and compat-go's matrices):
the joined run is judged like one run of both languages."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from l8compat import conformance


def _matrix(rows: list[tuple[str, str, str, float]], seconds: float, **meta: Any) -> dict[str, Any]:
    results = [{"language": lang, "case_id": case, "outcome": outcome, "duration_ms": ms, "reason": ""}
               for lang, case, outcome, ms in rows]
    return {"meta": {"duration_s": seconds, **meta}, "results": results}


def _write(root: Path, name: str, matrix: dict[str, Any]) -> Path:
    (root / name).mkdir()
    (root / name / "matrix.json").write_text(json.dumps(matrix))
    return root / name


def test_join_adds_durations_and_keeps_every_result() -> None:
    python = _matrix([("python", "a", "pass", 10.0)], 20.0, wedged=["python x"])
    go = _matrix([("go", "a", "pass", 12.0), ("go", "b", "skip", 0.0)], 25.0)
    joined = conformance.join([python, go])
    assert joined["meta"] == {"duration_s": 45.0, "wedged": ["python x"]}
    rows = [(r["language"], r["case_id"]) for r in joined["results"]]
    assert rows == [("python", "a"), ("go", "a"), ("go", "b")]


def test_two_reference_dirs_are_judged_as_one_run(tmp_path: Path) -> None:
    python = _write(tmp_path, "python", _matrix([("python", "a", "pass", 1000.0)], 20.0))
    go = _write(tmp_path, "go", _matrix([("go", "a", "pass", 1000.0)], 25.0))
    rows = [("python", "a", "pass", 1100.0), ("go", "a", "pass", 1000.0)]
    variant = _write(tmp_path, "variant", _matrix(rows, 30.0, target="reference-variant"))
    out, err = io.StringIO(), io.StringIO()
    code = conformance.run([f"--reference={python}", f"--reference={go}", f"--variant={variant}"], out, err)
    assert code == 0, err.getvalue()
    assert "30.0s vs reference 45.0s (cases passed in both: 2.1s vs 2.0s)" in out.getvalue()


def test_the_total_counts_only_cases_both_runs_executed() -> None:
    """Start-up outside the cases does not count (the runs' wall times differ by 50 %), a case only one run
    passed does not count, and a slower common total beyond 20 % is a problem."""
    reference = _matrix([("python", "a", "pass", 1000.0), ("python", "b", "pass", 5000.0)], 60.0)
    variant = _matrix([("python", "a", "pass", 1150.0), ("python", "b", "unsupported", 0.0)], 30.0)
    assert conformance.common_seconds(reference, variant) == (1.0, 1.15)
    assert conformance.check(reference, variant) == [
        "variant run has languages ['python']: 'all SDKs agree' needs at least two"]
    slower = _matrix([("python", "a", "pass", 1300.0), ("python", "b", "unsupported", 0.0)], 30.0)
    assert any("outside ±20%" in p for p in conformance.check(reference, slower))


def test_a_deviation_waiting_out_its_deadline_is_left_out_of_the_total() -> None:
    """A case that passed in the reference and is a classified runtime deviation in the variant (here: 1 s
    against 0.1 s) counts in neither total; the cases that passed in both are within 20 %."""
    reference = _matrix([("python", "a", "pass", 1000.0), ("python", "d", "pass", 100.0)], 60.0)
    deviation = {"language": "python", "case_id": "d", "outcome": "known_deviation", "duration_ms": 1000.0,
                 "reason": "", "verdict": "runtime_deviation", "observed": {"status": "DEADLINE_EXCEEDED"}}
    variant = _matrix([("python", "a", "pass", 1100.0)], 30.0)
    variant["results"].append(deviation)
    assert conformance.common_seconds(reference, variant) == (1.0, 1.1)
    assert not any("outside" in p for p in conformance.check(reference, variant))
