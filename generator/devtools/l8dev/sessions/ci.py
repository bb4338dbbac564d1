"""``nox -s ci``: every registered CI step in one run, a per-step timing table and one summary line.

Pipeline place: what ``.ci/run`` (the README's test command) executes. The order comes from the noxfile's
``CI_ORDER``; a registered step it does not name runs after those, so a new step is never silently skipped.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from typing import TypeVar

import nox
from nox.command import CommandFailed

from l8dev.sessions.base import BACKGROUND, CI_DIR, CI_STARTED_ENV, CI_STEPS, Step, ci_steps_only
from l8dev.sessions.slow import SEPARATE_ENV as SLOW_ENV
from l8dev.sessions.slow import STEP as SLOW_STEP

T = TypeVar("T")


def ordered_steps(order: Sequence[str]) -> list[tuple[str, Step]]:
    """The registered steps, those named in ``order`` first (in that order); unknown names are an error."""
    registered = dict(CI_STEPS)
    missing = [name for name in order if name not in registered]
    if missing:
        raise ValueError(f"CI_ORDER names steps no session registers: {', '.join(missing)}")
    rest = [name for name, _ in CI_STEPS if name not in order]
    return [(name, registered[name]) for name in [*order, *rest]]


def junit_counts() -> tuple[int, int, int]:
    """(passed, failed, skipped) over every JUnit file the steps wrote into ``CI_DIR``."""
    passed = failed = skipped = 0
    for path in sorted(CI_DIR.glob("junit-*.xml")):
        for suite in ET.parse(path).getroot().iter("testsuite"):
            tests_ = int(suite.get("tests", 0))
            fail = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
            skip = int(suite.get("skipped", 0))
            passed, failed, skipped = passed + tests_ - fail - skip, failed + fail, skipped + skip
    return passed, failed, skipped


def junit_failures(limit: int = 20) -> list[str]:
    """``<junit file>: <test id>: <first line of the message>`` for every failed or erroring test case (at
    most ``limit``), so the closing lines of a CI log name what failed even when the step output scrolled
    away."""
    found: list[str] = []
    for path in sorted(CI_DIR.glob("junit-*.xml")):
        for case in ET.parse(path).getroot().iter("testcase"):
            for bad in (*case.findall("failure"), *case.findall("error")):
                message = (bad.get("message") or bad.text or "").strip().splitlines()
                first = message[0][:200] if message else ""
                test_id = "::".join(part for part in (case.get("classname"), case.get("name")) if part)
                found.append(f"{path.stem}: {test_id}: {first}")
    return found[:limit]


def ccache_counts() -> tuple[int, int]:
    """(hits, misses) of the machine's ccache so far; (0, 0) without ccache. The step table shows each
    step's difference, so the log proves which C++ builds were served by the cache."""
    exe = shutil.which("ccache")
    if exe is None:
        return 0, 0
    proc = subprocess.run([exe, "--print-stats"], capture_output=True, text=True, check=False)
    stats = dict(line.split("\t", 1) for line in proc.stdout.splitlines() if "\t" in line)
    number = {key: int(value) for key, value in stats.items() if value.strip().isdigit()}
    hits = number.get("direct_cache_hit", 0) + number.get("preprocessed_cache_hit", 0)
    return hits, number.get("cache_miss", 0)


def outcome_of(run: Callable[[], T]) -> tuple[str, T | None]:
    """Run one step (or wait for its background work): ("ok", its result), or ("skipped" or "FAILED (why)",
    None); a failing step does not stop the run."""
    try:
        return "ok", run()
    except CommandFailed as exc:
        return f"FAILED ({exc.reason or 'command failed'})", None
    except Exception as exc:  # session.error / session.skip inside a step
        return "skipped" if type(exc).__name__ == "_SessionSkip" else f"FAILED ({exc})", None


def step_line(
    name: str, outcome: str, seconds: float, ccache: tuple[int, int], label: str = "ci step"
) -> str:
    """One row of the closing step table (the ccache column only for steps that compiled C++)."""
    cache = f"  ccache {ccache[0]} hit / {ccache[1]} miss" if any(ccache) else ""
    return f"{label} {name:<18} {outcome:<16} {seconds:7.1f}s{cache}"


def run_ci(session: nox.Session, order: Sequence[str]) -> None:
    """Run the steps; ``L8_CI_STEPS=bootstrap,smoke`` (comma-separated) runs only those."""
    CI_DIR.mkdir(parents=True, exist_ok=True)
    for old in CI_DIR.glob("*"):
        old.unlink()
    os.environ[CI_STARTED_ENV] = repr(time.time())  # what a step may reuse from an earlier step of this run
    steps = ordered_steps(order)
    only = ci_steps_only()
    unknown = sorted(set(only) - {name for name, _ in steps})
    if unknown:
        session.error(f"L8_CI_STEPS names unknown steps: {', '.join(unknown)}")
    if SLOW_STEP in [name for name, _ in steps if not only or name in only]:
        os.environ[SLOW_ENV] = "separate"  # the sdk steps leave their slow test to that step
    results: list[tuple[str, str, float, tuple[int, int]]] = []
    run_start, started = time.monotonic(), {}
    for name, step in steps:
        if only and name not in only:
            continue
        session.log(f"===== ci step: {name} =====")
        start, cache_before = time.monotonic(), ccache_counts()
        started[name] = start
        outcome, _ = outcome_of(functools.partial(step, session))
        seconds = time.monotonic() - start
        cache_after = ccache_counts()
        ccache = (cache_after[0] - cache_before[0], cache_after[1] - cache_before[1])
        results.append((name, outcome, seconds, ccache))
    for name, finish in list(BACKGROUND.items()):  # steps that left work running: wait for it now
        session.log(f"===== ci step: {name} (waiting for its background work) =====")
        outcome, ended = outcome_of(finish)  # finish() waits and says when the work ended
        seconds = (time.monotonic() if ended is None else ended) - started[name]  # its start to its end
        results = [(n, f"{outcome} (background)", seconds, c) if n == name else (n, o, t, c)
                   for n, o, t, c in results]
        del BACKGROUND[name]
    passed, failed, skipped = junit_counts()
    failed_steps = [name for name, outcome, _, _ in results if outcome.startswith("FAILED")]
    failed = max(failed, len(failed_steps))  # a failed lint/check step counts even without a test report
    for name, outcome, seconds, ccache in results:
        session.log(step_line(name, outcome, seconds, ccache))
    hits, misses = sum(r[3][0] for r in results), sum(r[3][1] for r in results)
    # the run's wall time: a background step's time overlaps the steps after it
    session.log(step_line("", "", time.monotonic() - run_start, (hits, misses), label="ci total"))
    for line in junit_failures():
        session.log(f"ci failed test {line}")
    summary = f"ci: {passed} passed, {failed} failed, {skipped} skipped"
    (CI_DIR / "summary.txt").write_text(summary + "\n")
    print(summary, flush=True)
    if failed_steps:
        session.error(f"failed steps: {', '.join(failed_steps)}")
