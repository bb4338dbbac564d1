"""Merging per-session matrices into one language x RPC grid: compat-tests/results/matrix.{json,md,html}.

Place in the pipeline: the nox sessions compat-<lang> and compat each write their run to
compat-tests/results/<session>/ (so one session never overwrites another's); this module then rebuilds the
combined reports from the newest run of every language found there. Each language keeps its own run's
metadata (runtime mode, endpoint, start time, gates) in the combined JSON, so a grid assembled from several
runs says so. Mutant, version-skew and conformance runs (results/mutants/, results/skew/,
results/conformance/) are never merged.

CLI: python -m l8compat.merge [--root compat-tests/results]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from .protos import load_api
from .reports import RESULTS_DIR, write_all
from .results import CaseResult, LanguageInfo, Run, RunMeta, StepRecord

EXCLUDED = {"mutants", "skew", "logs", "conformance"}


def newest_runs(root: Path) -> dict[str, dict[str, Any]]:
    """language -> the newest non-mutant run (matrix.json of a direct child of root) that includes it."""
    best: dict[str, dict[str, Any]] = {}
    for path in sorted(root.glob("*/matrix.json")):
        if path.parent.name in EXCLUDED:
            continue
        data = json.loads(path.read_text())
        meta = data.get("meta", {})
        if meta.get("mutant"):
            continue
        for lang in {r["language"] for r in data.get("results", [])} | set(meta.get("languages", {})):
            if "@" in lang:
                continue
            if lang not in best or meta.get("started", "") > best[lang]["meta"].get("started", ""):
                best[lang] = {**data, "source": str(path.parent.name)}
    return best


def _result(row: dict[str, Any]) -> CaseResult:
    steps = [StepRecord(**s) for s in row.get("steps", [])]
    fields = {k: v for k, v in row.items() if k != "steps"}
    return CaseResult(**fields, steps=steps)


def merge(root: Path) -> Run | None:
    runs = newest_runs(root)
    if not runs:
        return None
    modes = sorted({r["meta"]["runtime_mode"] for r in runs.values()})
    meta = RunMeta(runtime_mode=modes[0] if len(modes) == 1 else "mixed:" + ",".join(modes))
    meta.started = min(r["meta"].get("started", "") for r in runs.values())
    meta.duration_s = sum(
        float(r["meta"].get("duration_s", 0)) for r in {v["source"]: v for v in runs.values()}.values()
    )
    targets = sorted({r["meta"].get("target", "") or "reference" for r in runs.values()})
    if len(targets) > 1:  # verdicts compare languages: across different runtimes they mean nothing
        meta.notes.append(f"MIXED TARGETS {', '.join(targets)}: no verdicts (different runtimes)")
    run = Run(meta)
    gated: set[str] = set()
    for lang, data in sorted(runs.items()):
        m = data["meta"]
        info = m.get("languages", {}).get(lang, {"language": lang})
        meta.languages[lang] = LanguageInfo(**info)
        meta.engine = meta.engine or m.get("engine", "")
        meta.runtime_endpoint = meta.runtime_endpoint or m.get("runtime_endpoint", "")
        meta.runtime_args = meta.runtime_args or m.get("runtime_args", [])
        meta.target = ",".join(targets) if len(targets) > 1 else m.get("target", "")
        meta.target_profile = meta.target_profile or m.get("target_profile", "")
        meta.reference = meta.reference and bool(m.get("reference", True))
        meta.wedged += [w for w in m.get("wedged", []) if w.startswith(f"{lang} ")]
        meta.notes.append(
            f"{lang}: from results/{data['source']} ({m['runtime_mode']}, started {m.get('started')})"
        )
        for name, gate in m.get("gates", {}).items() if data["source"] not in gated else ():
            prev = meta.gates.setdefault(name, {"ok": True, "detail": [], "skipped": ""})
            prev["ok"] = prev["ok"] and bool(gate.get("ok"))
            prev["detail"] += [f"[results/{data['source']}] {d}" for d in gate.get("detail", [])]
            prev["skipped"] = prev["skipped"] or gate.get("skipped", "")
        gated.add(data["source"])
        run.results.extend(_result(r) for r in data["results"] if r["language"] == lang)
    return run


def run(argv: Sequence[str], stdin: IO[str], stdout: IO[str], stderr: IO[str]) -> int:
    del stdin
    parser = argparse.ArgumentParser(prog="l8compat.merge", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--root", type=Path, default=RESULTS_DIR)
    args = parser.parse_args(list(argv))
    merged = merge(args.root)
    if merged is None:
        stderr.write(f"l8compat.merge: no run under {args.root}/*/matrix.json\n")
        return 1
    for path in write_all(merged, list(load_api().api_rpcs()), args.root):
        stdout.write(f"compat: merged {', '.join(sorted(merged.meta.languages))} -> {path}\n")
    return 0


def main() -> None:
    sys.exit(run(sys.argv[1:], sys.stdin, sys.stdout, sys.stderr))


if __name__ == "__main__":
    main()
