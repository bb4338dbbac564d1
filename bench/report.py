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

HEADER = ("| metric | measured (this run) | goal | verdict | note |\n"
          "|---|---|---|---|---|\n")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(rows: Sequence[Row], quick: bool) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"`nox -s bench{' -- --quick' if quick else ''}` on {platform.machine()} "
        f"({platform.python_implementation()} {platform.python_version()}), "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}. A/B = paired rounds A B A B ...; "
        "ratios pair by pair (min and median). Timings are reported, never asserted; instruction counts "
        "(callgrind) are.",
        "",
        HEADER.rstrip("\n"),
    ]
    for row in rows:
        lines.append(f"| {_cell(row.metric)} | {_cell(row.measured)} | {_cell(row.goal)} | "
                     f"{_cell(row.verdict)} | {_cell(row.note)} |")
    return "\n".join(lines) + "\n"


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
