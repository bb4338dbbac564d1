"""The suite's output: bench/results.json (every figure, per pair) and bench/RESULTS.md (the table).

Place in the pipeline: last stage of bench/run.py; turns the ``Row``s of every bench module into the two
files and decides the exit status of ``--quick`` (only instruction-count rows are asserted).
"""

from __future__ import annotations

import json
import platform
import time
from collections.abc import Sequence
from pathlib import Path

from bench.common import Row

STAMP = "%Y-%m-%d %H:%M UTC"

HEADER = ("| metric | measured | goal | verdict | note |\n"
          "|---|---|---|---|---|\n")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _runs(rows: Sequence[Row]) -> str:
    """``p1 2026-12-05 09:22 UTC, p2 ...``: when each bench's rows were measured (first-seen order)."""
    seen: dict[str, str] = {}
    for row in rows:
        if row.bench and row.bench not in seen:
            seen[row.bench] = row.run_at
    return ", ".join(f"{bench} {at}" for bench, at in seen.items())


def markdown(rows: Sequence[Row], quick: bool) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"`nox -s bench{' -- --quick' if quick else ''}` on {platform.machine()} "
        f"({platform.python_implementation()} {platform.python_version()}); rows measured at: {_runs(rows)}. "
        "A run with `--only` replaces the rows of the benches it ran and keeps the others. "
        "A/B = paired rounds A B A B ...; ratios pair by pair (min and median). Timings are reported, never "
        "asserted; instruction counts (callgrind) are.",
        "",
        HEADER.rstrip("\n"),
    ]
    for row in rows:
        lines.append(f"| {_cell(row.metric)} | {_cell(row.measured)} | {_cell(row.goal)} | "
                     f"{_cell(row.verdict)} | {_cell(row.note)} |")
    return "\n".join(lines) + "\n"


def stamp(rows: Sequence[Row], bench: str) -> None:
    """Mark ``rows`` as measured now by ``bench``."""
    now = time.strftime(STAMP, time.gmtime())
    for row in rows:
        row.bench, row.run_at = bench, now


def merged(previous: Path, rows: Sequence[Row], ran: Sequence[str]) -> list[Row]:
    """The rows of ``previous`` (a results.json) with those of the benches in ``ran`` replaced by ``rows``,
    in the earlier order; rows of benches that did not run are kept with their own ``run_at``. A row that
    earlier results hold without a ``bench`` key is replaced when this run produced the same metric."""
    if not previous.is_file():
        return list(rows)
    try:
        old = [Row(**item) for item in json.loads(previous.read_text())["rows"]]
    except (ValueError, KeyError, TypeError):
        return list(rows)  # an unreadable or older-format file: start afresh
    fresh = {row.metric for row in rows}
    out: list[Row] = []
    placed: set[str] = set()
    for row in old:
        if row.bench and row.bench in ran:
            bench = row.bench
        elif row.metric in fresh:
            bench = next(r.bench for r in rows if r.metric == row.metric)
        else:
            out.append(row)
            continue
        if bench not in placed:  # the new rows of that bench go where its old rows were
            out.extend(r for r in rows if r.bench == bench)
            placed.add(bench)
    out.extend(r for r in rows if r.bench not in placed and r not in out)
    return out


def write(rows: Sequence[Row], out_dir: Path, quick: bool) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    results = out_dir / "results.json"
    table = out_dir / "RESULTS.md"
    results.write_text(json.dumps({"quick": quick, "rows": [r.as_dict() for r in rows]}, indent=2) + "\n")
    table.write_text(markdown(rows, quick))
    return results, table


def failures(rows: Sequence[Row]) -> list[Row]:
    """Rows whose goal is asserted (instruction counts) and missed."""
    return [r for r in rows if r.asserted and r.verdict != "met"]
