"""The conformance self-test: the harness judging a second runtime must classify every difference.

Place in the pipeline: `nox -s compat-conformance` runs the matrix twice with the same languages — against
the reference runtime (results/conformance/reference/) and against the `reference-variant` target profile
(the reference image with renamed components, no object storage, PublishEvent waiting for the ack;
results/conformance/variant/) — then this module compares the two matrix.json files:
- the variant run has 0 "error" and 0 unclassified "fail": every case that did not pass there is
  "unsupported" or a runtime deviation (verdict runtime_deviation: every SDK observed the same status) with
  the observed status recorded;
- no runtime deviation in the reference run (the same cases are green there);
- time: the variant run's total within ±20 % of the reference run's -- the total of the cases that passed
  in both runs (a run's wall time also holds container and driver start-up, which a reference joined from
  two runs pays twice; a deviation waits out its deadline by design) --, no case wedged, and no case that
  both runs executed more than STALL_S slower in the variant (a stall would show here).

CLI: python -m l8compat.conformance --reference DIR [--reference DIR ...] --variant DIR (several reference
dirs, e.g. one run per language, are joined: results together, durations added).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

TOLERANCE = 0.20
STALL_S = 3.0
EXECUTED = ("pass", "fail", "error", "known_fail", "known_deviation", "xpass")


def _load(directory: Path) -> dict[str, Any]:
    path = directory / "matrix.json"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no matrix (run the matrix into {directory} first)")
    data: dict[str, Any] = json.loads(path.read_text())
    return data


def join(runs: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """One reference run from runs of one language each (compat-python's and compat-go's matrices in CI):
    their results together, their durations added, any wedged case of either."""
    if len(runs) == 1:
        return runs[0]
    meta = {"duration_s": round(sum(float(r["meta"]["duration_s"]) for r in runs), 1),
            "wedged": [w for r in runs for w in r["meta"].get("wedged", [])]}
    return {"meta": meta, "results": [row for r in runs for row in r["results"]]}


def common_seconds(reference: dict[str, Any], variant: dict[str, Any]) -> tuple[float, float]:
    """Seconds the cases that passed in both runs took in each (reference, variant). A case whose outcome
    differs is a classified deviation that behaves differently by design (e.g. it waits out a deadline the
    reference meets): its time is judged by the per-case stall check, not in the total."""
    ref = {(r["language"], r["case_id"]): float(r["duration_ms"]) for r in reference["results"]
           if r["outcome"] == "pass"}
    var = {(r["language"], r["case_id"]): float(r["duration_ms"]) for r in variant["results"]
           if r["outcome"] == "pass"}
    both = ref.keys() & var.keys()
    return sum(ref[k] for k in both) / 1000, sum(var[k] for k in both) / 1000


def check(reference: dict[str, Any], variant: dict[str, Any], tolerance: float = TOLERANCE) -> list[str]:
    """Problems with the variant run's classification and timing ([] = the harness did its job)."""
    problems: list[str] = []
    langs = sorted({r["language"] for r in variant["results"]})
    if len(langs) < 2:
        problems.append(f"variant run has languages {langs}: 'all SDKs agree' needs at least two")
    for r in variant["results"]:
        where = f"variant {r['language']} {r['case_id']}"
        if r["outcome"] in ("pass", "unsupported"):
            continue
        if r["outcome"] not in ("fail", "known_deviation"):
            problems.append(f"{where}: {r['outcome']} (expected pass, unsupported or a runtime deviation)")
        elif r.get("verdict") != "runtime_deviation":
            problems.append(
                f"{where}: {r['outcome']} with verdict {r.get('verdict')!r}, not runtime_deviation"
            )
        elif not r.get("observed", {}).get("status"):
            problems.append(f"{where}: runtime deviation without an observed status")
    for r in reference["results"]:
        if r["outcome"] not in ("pass", "skip", "known_fail"):
            problems.append(f"reference {r['language']} {r['case_id']}: {r['outcome']}: {r['reason'][:200]}")
    ref_s, var_s = common_seconds(reference, variant)
    if abs(var_s - ref_s) > ref_s * tolerance:
        problems.append(f"the cases that passed in both runs took {var_s:.1f}s in the variant run, "
                        f"{ref_s:.1f}s in the reference: outside ±{tolerance:.0%}")
    problems += [f"variant: {w} wedged the runtime" for w in variant["meta"].get("wedged", [])]
    ref_ms = {(r["language"], r["case_id"]): float(r["duration_ms"]) for r in reference["results"]}
    for r in variant["results"]:
        before = ref_ms.get((r["language"], r["case_id"]))
        if (
            r["outcome"] in EXECUTED
            and before is not None
            and float(r["duration_ms"]) - before > STALL_S * 1000
        ):
            problems.append(
                f"variant {r['language']} {r['case_id']}: {float(r['duration_ms']) / 1000:.1f}s vs "
                f"{before / 1000:.1f}s in the reference run (stall?)"
            )
    return problems


def summary(reference: dict[str, Any], variant: dict[str, Any]) -> str:
    counts: dict[str, int] = {}
    for r in variant["results"]:
        key = r["outcome"] + (f"/{r['verdict']}" if r.get("verdict") else "")
        counts[key] = counts.get(key, 0) + 1
    ref_s, var_s = common_seconds(reference, variant)
    return (
        f"variant ({variant['meta'].get('target')}): "
        + ", ".join(f"{k}={v}" for k, v in sorted(counts.items()))
        + f"; {variant['meta']['duration_s']}s vs reference {reference['meta']['duration_s']}s"
        + f" (cases passed in both: {var_s:.1f}s vs {ref_s:.1f}s)"
    )


def run(argv: Sequence[str], stdout: IO[str], stderr: IO[str]) -> int:
    parser = argparse.ArgumentParser(prog="l8compat.conformance", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--reference", type=Path, action="append", required=True,
                        help="a reference run's results dir; repeat to join runs of one language each")
    parser.add_argument("--variant", type=Path, required=True)
    args = parser.parse_args(list(argv))
    try:
        reference, variant = join([_load(d) for d in args.reference]), _load(args.variant)
    except (OSError, json.JSONDecodeError) as exc:
        stderr.write(f"l8compat.conformance: {exc}\n")
        return 2
    stdout.write(f"compat: {summary(reference, variant)}\n")
    problems = check(reference, variant)
    for p in problems:
        stderr.write(f"l8compat.conformance: {p}\n")
    if not problems:
        stdout.write("compat: conformance self-test OK: every difference classified, no stall\n")
    return 1 if problems else 0


def main() -> None:
    sys.exit(run(sys.argv[1:], sys.stdout, sys.stderr))


if __name__ == "__main__":
    main()
