"""Execute every documentation example against the reference runtime and print the counts.

Place: ``nox -s examples`` and the ``docs`` CI step run ``python docs/tests/examples/run.py``. It finds the
blocks (``blocks.py``), starts ``l8-runtime`` (embedded mode, a free port, quiet), hands each language's
blocks to its runner in one batch (``run_python``, ``run_node``, ``run_go``, ``run_cpp``), prints
``examples: N blocks found; executed: ...; from-checkout: N; skipped: N; untested: N`` and exits 1 on a
failed or untested block or a stale skip entry. ``--only python,go`` limits the languages (the others count
as not run, and the check fails).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import blocks as docblocks  # noqa: E402
import run_cpp  # noqa: E402
import run_go  # noqa: E402
import run_node  # noqa: E402
import run_python  # noqa: E402
from runtime import QUIET, runtime  # noqa: E402

Runner = Callable[[list[docblocks.Block], str, Path], dict[str, tuple[bool, str]]]
RUNNERS: dict[str, Runner] = {
    "python": run_python.run,
    "ts": run_node.run,
    "go": run_go.run,
    "cpp": run_cpp.run,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--only", default="", help="comma-separated runners (python,ts,go,cpp)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every block's result")
    args = parser.parse_args(argv)
    only = [x for x in args.only.split(",") if x]
    found = docblocks.all_blocks()
    skip_list = docblocks.skips()
    owners = {b: docblocks.runner(b, skip_list) for b in found}
    failures: list[str] = []
    executed: Counter[str] = Counter()
    passed: Counter[str] = Counter()
    durations: dict[str, float] = {}
    os.environ.update(QUIET)  # the runners' processes inherit it
    with runtime() as endpoint, tempfile.TemporaryDirectory(prefix="l8-examples-") as tmp:
        for name, run in RUNNERS.items():
            mine = [b for b, (owner, _) in owners.items() if owner == name]
            if not mine or (only and name not in only):
                continue
            started = time.monotonic()
            results = run(mine, endpoint, Path(tmp))
            durations[name] = time.monotonic() - started
            for block in mine:
                ok, detail = results.get(block.name, (False, "the runner reported no result"))
                executed[name] += 1
                passed[name] += ok
                if not ok or args.verbose:
                    print(
                        f"  {'ok  ' if ok else 'FAIL'} {name:<6} {block.name} ({block.path}:{block.line}): "
                        f"{(detail.strip().splitlines() or [''])[0][:300]}"
                    )
                if not ok:
                    failures.append(block.name)
        if not only or "go" in only:  # the Go SDK's Example functions with // Output: (need a runtime)
            started = time.monotonic()
            go_examples = run_go.sdk_examples(endpoint)
            durations["go Example"] = time.monotonic() - started
            for name, (ok, detail) in go_examples.items():
                if not ok or args.verbose:
                    print(f"  {'ok  ' if ok else 'FAIL'} go     {name} (sdks/go, -tags l8examples): "
                          f"{(detail.strip().splitlines() or [''])[-1][:300]}")
                if not ok:
                    failures.append(name)
            passed_examples = sum(ok for ok, _ in go_examples.values())
            print(f"go Example functions with // Output: {passed_examples}/{len(go_examples)} passed "
                  f"in {durations['go Example']:.1f}s (sdks/go/example_runtime_test.go, -tags l8examples)")
    kinds = Counter(owner for owner, _ in owners.values())
    for block, (owner, reason) in owners.items():
        if owner == "untested" or (owner in RUNNERS and block.fence in RUNNERS and not executed[owner]):
            failures.append(block.name)
            print(f"  UNTESTED {block.path}:{block.line} `{block.info}`: {reason or 'runner not run'}")
    for stale in docblocks.unused_skips(found, skip_list):
        failures.append(stale.first_line)
        print(f"  STALE skip.toml entry (matches no block): {stale.path}: {stale.first_line!r}")
    per_lang = ", ".join(
        f"{n} {passed[n]}/{executed[n]} passed in {durations.get(n, 0):.1f}s" for n in RUNNERS if n in kinds
    )
    readme = sum(1 for b in found if not b.reference)
    print(
        f"examples: {len(found)} blocks found ({readme} in READMEs, {len(found) - readme} in the reference); "
        f"executed {sum(executed.values())} ({per_lang}); from-checkout {kinds['from-checkout']} "
        f"(docs/tests/test_from_checkout.py); skipped {kinds['skip']} (skip.toml); "
        f"untested {kinds['untested']}; failed {len(set(failures))}"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
