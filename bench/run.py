"""The benchmark suite's entry point: `nox -s bench [-- --quick] [--only p1,p2,...]`.

Place in the pipeline: runs each bench module (p1_generate, p2_client, p2_native, p2_cpp, p3_qps, p5_files,
startup) in turn, prints every row (metric, measured, goal, verdict), writes bench/results.json +
bench/RESULTS.md (bench/report.py). Exit status 1 only when ``--quick`` and an instruction-count goal is
missed (CI); timings are reported, never asserted. A module that cannot run (e.g. valgrind missing) gives
a row saying so.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path

from bench import notes, report
from bench.common import Row

MODULES = {"p1": "bench.p1_generate", "p2": "bench.p2_client", "p2-native": "bench.p2_native",
           "p2-cpp": "bench.p2_cpp", "p3": "bench.p3_qps", "p5": "bench.p5_files", "startup": "bench.startup"}


def run(only: list[str], quick: bool) -> list[Row]:
    rows: list[Row] = []
    for key in only:
        started = time.monotonic()
        try:
            produced: list[Row] = importlib.import_module(MODULES[key]).rows(quick)
        except Exception as exc:  # one failing bench must not hide the others
            produced = [Row(f"{key}: could not run", f"{type(exc).__name__}: {exc}"[:300], "-", "ERROR",
                            asserted=key.startswith("p2"))]
        for row in produced:
            for prefix, note in notes.NOTES.items():
                if row.metric.startswith(prefix) and row.verdict != "met":
                    row.note = f"{row.note}; {note}" if row.note else note
            print(f"{row.metric}\n    {row.measured}\n    goal {row.goal}: {row.verdict}"
                  + (f"\n    note: {row.note}" if row.note else ""), flush=True)
        report.stamp(produced, key)
        print(f"[{key} took {time.monotonic() - started:.1f} s]", flush=True)
        rows.extend(produced)
    return rows + notes.STATIC_ROWS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="short rounds (CI): asserts instruction counts")
    parser.add_argument("--only", default=",".join(MODULES), help=f"comma-separated of {', '.join(MODULES)}")
    parser.add_argument("--out-dir", type=Path, default=Path(__file__).resolve().parent)
    args = parser.parse_args(argv)
    only = [k for k in args.only.split(",") if k]
    unknown = sorted(set(only) - set(MODULES))
    if unknown:
        parser.error(f"unknown bench {unknown}; known: {', '.join(MODULES)}")
    rows = run(only, args.quick)
    results, table = report.write(report.merged(args.out_dir / "results.json", rows, only),
                                  args.out_dir, args.quick)
    print(f"wrote {results} and {table}")
    failed = report.failures(rows)
    if failed and args.quick:
        print("instruction-count goals missed: " + "; ".join(r.metric for r in failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
