"""Mutation self-test: for every runtime `--mutate NAME` bug, the compat suite must report failures.

Place in the pipeline: nox -s compat-mutants -> this module -> one pytest run of compat-tests/run per mutant
(plus a clean baseline run of every case, first; then ``--jobs`` mutant runs at once, each with its own
container) -> compat-tests/results/mutants/{mutants.json, mutants.md}. A case
"catches" a mutant when it passes against the correct runtime and fails against the mutant. Against a mutant
only the cases that call an RPC reaching the mutated spot run (the runtime lists those RPCs with the mutation,
``--list-mutations``' third column; ``--all-cases`` runs every case). The run fails when any mutant is caught
by no case, or when the baseline itself does not pass.

CLI: python -m l8compat.mutants [--languages python] [--only NAME ...] [--jobs N] [--baseline RESULTS_DIR]
[pytest args after --] (``--baseline``: a clean run's results, e.g. compat-python's in ``nox -s ci``).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import IO, Any

from .protos import REPO_ROOT
from .reports import RESULTS_DIR

RUN_DIR = Path(__file__).resolve().parents[1] / "run"
OUT_DIR = RESULTS_DIR / "mutants"


def list_mutations() -> dict[str, tuple[str, str]]:
    """Mutation name -> (description, comma-separated RPC globs reaching it; "" when the runtime names none),
    from the runtime's own CLI (`l8-runtime --list-mutations`)."""
    exe = shutil.which("l8-runtime", path=str(Path(sys.executable).parent)) or shutil.which("l8-runtime")
    if exe is None:
        raise SystemExit(
            "compat-mutants: no `l8-runtime` executable to list mutations (install runtime-stub/)"
        )
    proc = subprocess.run([exe, "--list-mutations"], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"compat-mutants: `l8-runtime --list-mutations` failed: {proc.stderr.strip()}")
    out = {}
    for line in proc.stdout.splitlines():
        if line.strip():
            name, _, rest = line.partition("\t")
            text, _, rpcs = rest.partition("\t")
            out[name.strip()] = (text.strip(), rpcs.strip())
    if not out:
        raise SystemExit("compat-mutants: the runtime lists no mutations")
    return out


def _run(
    name: str, languages: str, extra: Sequence[str], out: IO[str], uses: str = ""
) -> tuple[dict[str, Any], float]:
    results = OUT_DIR / name
    shutil.rmtree(results, ignore_errors=True)
    cmd = [
        sys.executable,
        "-m",
        "pytest",
        str(RUN_DIR),
        "-q",
        "-p",
        "no:cacheprovider",
        "--no-header",
        f"--results-dir={results}",
        "-rN",
        *extra,
    ]
    if languages:
        cmd.append(f"--languages={languages}")
    if name != "baseline":
        cmd.append(f"--mutant={name}")
    if uses:
        cmd.append(f"--uses={uses}")
    started = time.monotonic()
    proc = subprocess.run(cmd, cwd=REPO_ROOT, capture_output=True, text=True, check=False)
    elapsed = time.monotonic() - started
    (results).mkdir(parents=True, exist_ok=True)
    (results / "pytest.log").write_text(proc.stdout + proc.stderr)
    matrix = results / "matrix.json"
    if not matrix.exists():
        tail = "\n".join((proc.stdout + proc.stderr).splitlines()[-30:])
        raise SystemExit(
            f"compat-mutants: run {name!r} wrote no matrix.json (exit {proc.returncode}):\n{tail}"
        )
    return json.loads(matrix.read_text()), elapsed


def _outcomes(matrix: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(r["language"], r["case_id"]): r for r in matrix["results"]}


def run(argv: Sequence[str], stdin: IO[str], stdout: IO[str], stderr: IO[str]) -> int:
    del stdin
    parser = argparse.ArgumentParser(prog="compat-mutants", description=__doc__.splitlines()[0])
    parser.add_argument("--languages", default="python")
    parser.add_argument("--only", nargs="*", default=[])
    parser.add_argument("--all-cases", action="store_true", help="every case against each mutant")
    parser.add_argument("--jobs", type=int, default=2, help="mutant runs at once (default 2)")
    parser.add_argument("--baseline", type=Path, default=None,
                        help="results dir of a clean run of the same languages to use as the baseline "
                             "(its matrix.json) instead of running it")
    args, extra = parser.parse_known_args(list(argv))
    args.extra = [a for a in extra if a != "--"]
    mutations = list_mutations()
    unknown = sorted(set(args.only) - set(mutations))
    if unknown:
        stderr.write(f"compat-mutants: unknown mutation(s) {unknown}; known: {sorted(mutations)}\n")
        return 2
    chosen = args.only or sorted(mutations)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    if args.baseline is not None:
        base, base_s = json.loads((args.baseline / "matrix.json").read_text()), 0.0
        stdout.write(f"compat-mutants: baseline = {args.baseline / 'matrix.json'}\n")
        meta, wanted = base["meta"], set(args.languages.split(","))
        if meta.get("mutant") or meta.get("target") or set(meta["languages"]) != wanted:
            stderr.write(f"compat-mutants: {args.baseline} is not a clean run of {args.languages} against "
                         "the reference runtime\n")
            return 2
    else:
        stdout.write(f"compat-mutants: baseline run ({args.languages})\n")
        stdout.flush()
        base, base_s = _run("baseline", args.languages, args.extra, stdout)
    base_rows = _outcomes(base)
    base_bad = sorted(
        f"{k[0]} {k[1]}: {r['outcome']}"
        for k, r in base_rows.items()
        if r["outcome"] in ("fail", "error", "xpass")
    )
    stdout.write(
        f"compat-mutants: baseline {len(base_rows)} results in {base_s:.0f}s, {len(base_bad)} not passing\n"
    )
    report: dict[str, Any] = {
        "languages": args.languages,
        "baseline": {"duration_s": round(base_s, 1), "not_passing": base_bad},
        "mutants": {},
    }
    failed = bool(base_bad)
    runs = {}
    # the cases each mutant runs: those calling the RPCs that reach it (every case with --all-cases)
    uses_of = {name: "" if args.all_cases else mutations[name][1] for name in chosen}
    # The mutant runs are independent (own container, own results dir) and mostly wait on the timeouts of
    # the cases a mutant breaks, so --jobs of them run at once; they are reported in name order.
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for name in chosen:
            uses = uses_of[name]
            stdout.write(f"compat-mutants: --mutate {name} (cases calling {uses or 'any RPC'}) ...\n")
            stdout.flush()
            runs[name] = pool.submit(_run, name, args.languages, args.extra, stdout, uses)
    for name in chosen:
        matrix, secs = runs[name].result()
        if matrix["meta"].get("mutant") != name:
            stderr.write(f"compat-mutants: run for {name} did not record the mutant\n")
            return 2
        caught, errors = [], []
        for key, row in _outcomes(matrix).items():
            baseline_ok = base_rows.get(key, {}).get("outcome") == "pass"
            if row["outcome"] == "fail" and baseline_ok:
                caught.append({"language": key[0], "case": key[1], "reason": row["reason"][:300]})
            elif row["outcome"] == "error" and baseline_ok:
                errors.append({"language": key[0], "case": key[1], "reason": row["reason"][:300]})
        report["mutants"][name] = {
            "description": mutations[name][0],
            "cases_run": len(matrix["results"]),
            "uses": uses_of[name],
            "caught_by": caught,
            "errors": errors,
            "duration_s": round(secs, 1),
        }
        verdict = f"CAUGHT by {len(caught)} case(s)" if caught else "NOT CAUGHT"
        failed = failed or not caught
        ran = len(matrix["results"])
        stdout.write(f"compat-mutants: {name}: {verdict} of {ran} run ({secs:.0f}s)\n")
        for c in caught[:12]:
            stdout.write(f"    {c['language']} {c['case']}\n")
    (OUT_DIR / "mutants.json").write_text(json.dumps(report, indent=1, sort_keys=True) + "\n")
    lines = [
        "# Mutation self-test",
        "",
        f"Languages: {args.languages}. Baseline: {len(base_bad)} not passing.",
        "",
        "| mutant | description | caught by |",
        "|---|---|---|",
    ]
    for name, m in report["mutants"].items():
        cases = ", ".join(f"`{c['case']}`" for c in m["caught_by"]) or "**NOT CAUGHT**"
        lines.append(f"| `{name}` | {m['description']} | {cases} |")
    (OUT_DIR / "mutants.md").write_text("\n".join(lines) + "\n")
    stdout.write(f"compat-mutants: wrote {OUT_DIR / 'mutants.md'}\n")
    missed = [n for n, m in report["mutants"].items() if not m["caught_by"]]
    if missed:
        stderr.write(f"compat-mutants: FAILED: mutant(s) not caught: {', '.join(missed)}\n")
    if base_bad:
        stderr.write(
            "compat-mutants: FAILED: the baseline run does not pass:\n  " + "\n  ".join(base_bad[:20]) + "\n"
        )
    return 1 if failed else 0


def main() -> None:
    sys.exit(run(sys.argv[1:], sys.stdin, sys.stdout, sys.stderr))


if __name__ == "__main__":
    main()
