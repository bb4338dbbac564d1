"""Tests for bench/report.py: a ``--only`` run merges into results.json instead of dropping other rows."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench import report  # noqa: E402
from bench.common import Row  # noqa: E402


def _row(metric: str, measured: str, bench: str = "", run_at: str = "") -> Row:
    return Row(metric, measured, "<= 1x", "met", bench=bench, run_at=run_at)


def _previous(tmp_path: Path, rows: list[Row]) -> Path:
    path = tmp_path / "results.json"
    path.write_text(json.dumps({"quick": False, "rows": [r.as_dict() for r in rows]}))
    return path


def test_only_run_replaces_its_bench_rows_in_place_and_keeps_the_others(tmp_path: Path) -> None:
    old = [_row("P1 a", "old", "p1", "t0"), _row("P1 b", "old", "p1", "t0"), _row("P3 q", "kept", "p3", "t1")]
    new = [_row("P1 a", "new", "p1", "t2")]  # P1 b is no longer produced: it goes
    rows = report.merged(_previous(tmp_path, old), new, ["p1"])
    assert [(r.metric, r.measured, r.run_at) for r in rows] == [("P1 a", "new", "t2"), ("P3 q", "kept", "t1")]


def test_rows_of_an_older_file_without_bench_keys_are_matched_by_metric(tmp_path: Path) -> None:
    old = [_row("P1 a", "old"), _row("P2 x", "kept")]
    new = [_row("P1 a", "new", "p1", "t2"), _row("P1 c", "added", "p1", "t2")]
    rows = report.merged(_previous(tmp_path, old), new, ["p1"])
    assert [(r.metric, r.measured) for r in rows] == [("P1 a", "new"), ("P1 c", "added"), ("P2 x", "kept")]


def test_table_header_says_when_each_bench_was_measured(tmp_path: Path) -> None:
    table = report.markdown([_row("P1 a", "1", "p1", "2026-12-05 09:22 UTC"),
                             _row("P3 q", "2", "p3", "2026-12-04 20:58 UTC")], quick=False)
    assert "rows measured at: p1 2026-12-05 09:22 UTC, p3 2026-12-04 20:58 UTC." in table


def test_no_previous_file_writes_just_this_run(tmp_path: Path) -> None:
    new = [_row("P1 a", "new", "p1", "t2")]
    assert report.merged(tmp_path / "missing.json", new, ["p1"]) == new
