"""``slow-tests``: every language's slow SDK test side by side (idle waits such as the 50 s reconnect outage).

Pipeline place: a CI step after the ``sdk-<name>`` steps (whose builds it reuses). A language's ``slow``
hook (``[dev] slow`` of its ``language.toml``) returns a ``SlowTest``: the one test of its SDK that mostly
waits, and the command that runs only it. ``nox -s sdk-<name>`` on its own runs that test with the SDK's
others. ``nox -s ci`` sets ``L8_SLOW_TESTS=separate`` when this step is part of the run: the sdk steps (and
``tests``) then leave the slow tests out, and this step runs them all at once -- four 50 s outages cost
about one of them instead of four -- in the background: the later CI steps run while they wait, and
``nox -s ci`` collects their verdicts after its last step (``base.BACKGROUND``). Each test is one JUnit case
of ``junit-slow-tests.xml``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import nox

from l8dev.languages import hook, with_hook
from l8dev.sessions.base import (
    BACKGROUND,
    CI_DIR,
    Watched,
    ci_step,
    dev_env,
    ensure_dev_venv,
    in_ci,
    junit_path,
)

STEP = "slow-tests"
SEPARATE_ENV = "L8_SLOW_TESTS"
TIMEOUT_S = 300.0


@dataclass(frozen=True)
class SlowTest:
    """One slow test of a language: its id in reports, the test-runner selector (a name pattern or a path
    the language's own runner understands: the check hook uses it to leave the test out), the command that
    runs only it, from ``cwd``, and ``expect``: text its output must contain (for a runner that exits 0 when
    the selector matched nothing)."""

    test_id: str
    selector: str
    cwd: Path
    argv: list[str] = field(default_factory=list)
    expect: str = ""


# language, test, exit code (-1: the expected text is missing), seconds, output
Row = tuple[str, SlowTest, int, float, str]


def separate() -> bool:
    """True inside ``nox -s ci`` when its ``slow-tests`` step will run the slow tests."""
    return os.environ.get(SEPARATE_ENV) == "separate"


def slow_tests() -> dict[str, SlowTest]:
    """Each registered language's slow test, by language name (a language without a ``slow`` hook has
    none)."""
    found: dict[str, SlowTest] = {}
    for spec in with_hook("slow"):
        make = hook(spec, "slow")
        assert make is not None
        found[spec.name] = make()
    return found


def write_junit(path: Path, rows: list[Row]) -> None:
    """One test case per language: passed when the command exited 0, else a failure with the output's tail."""
    failures = sum(1 for row in rows if row[2] != 0)
    suite = ET.Element("testsuite", name=STEP, tests=str(len(rows)), failures=str(failures), errors="0",
                       skipped="0", time=f"{sum(row[3] for row in rows):.3f}")
    for name, test, code, seconds, output in rows:
        case = ET.SubElement(suite, "testcase", classname=f"{STEP}.{name}", name=test.test_id,
                             time=f"{seconds:.3f}")
        if code != 0:
            failure = ET.SubElement(case, "failure", message=f"exit {code}: {' '.join(test.argv)}")
            failure.text = output[-4000:]
    ET.ElementTree(suite).write(path, encoding="utf-8", xml_declaration=True)


Running = dict[str, tuple[SlowTest, Watched, Path]]


def start_all(tests: dict[str, SlowTest], env: dict[str, str], log_dir: Path,
              timeout_s: float = TIMEOUT_S) -> Running:
    """Start every test's command at once, output to ``log_dir/slow-<language>.log``; one still running
    ``timeout_s`` after its start is killed."""
    running: Running = {}
    for name, test in tests.items():
        log = log_dir / f"slow-{name}.log"
        program = shutil.which(test.argv[0], path=env.get("PATH")) or test.argv[0]
        with log.open("wb") as out:
            proc = subprocess.Popen([program, *test.argv[1:]], cwd=test.cwd, env=env, stdout=out,
                                    stderr=subprocess.STDOUT)
        running[name] = (test, Watched(proc, timeout_s), log)
    return running


def wait_all(running: Running) -> list[Row]:
    """Wait for every started command. Each row's time is that command's own run."""
    rows: list[Row] = []
    for name, (test, watched, log) in running.items():
        code = watched.wait()
        if watched.killed:
            with log.open("a") as out:
                out.write(f"\n[{STEP}] killed after {watched.seconds:.0f} s\n")
        output = log.read_text("utf-8", errors="replace")
        if code == 0 and test.expect not in output:
            code = -1
            output += f"\n[{STEP}] exit 0 but the output lacks {test.expect!r}: the test did not run\n"
        rows.append((name, test, code, watched.seconds, output))
    return rows


def run_all(tests: dict[str, SlowTest], env: dict[str, str], log_dir: Path,
            timeout_s: float = TIMEOUT_S) -> list[Row]:
    """Start every test's command at once and wait for all (``start_all`` + ``wait_all``)."""
    return wait_all(start_all(tests, env, log_dir, timeout_s))


@nox.session(name=STEP)
@ci_step(STEP)
def run_slow_tests(session: nox.Session) -> None:
    """Run every language's slow SDK test at once (each with its own runner), one JUnit case each."""
    ensure_dev_venv(session)
    env = {**os.environ, **dev_env()}
    env.pop(SEPARATE_ENV, None)  # the commands select the slow test themselves
    tests = slow_tests()
    for name, test in tests.items():
        session.log(f"{STEP}: {name}: {' '.join(test.argv)} (in {test.cwd})")
    CI_DIR.mkdir(parents=True, exist_ok=True)
    running = start_all(tests, env, CI_DIR)
    if in_ci():  # they mostly wait: the later steps run meanwhile, run_ci waits for them at the end
        def finish() -> float:
            report(session, wait_all(running))
            return max((watched.ended for _, watched, _ in running.values()), default=time.monotonic())

        BACKGROUND[STEP] = finish
        session.log(f"{STEP}: running in the background; `nox -s ci` waits for them after its last step")
        return
    report(session, wait_all(running))


def report(session: nox.Session, rows: list[Row]) -> None:
    """Log each slow test's verdict, write its JUnit case; session.error when one failed."""
    for name, test, code, seconds, _ in rows:
        session.log(f"{STEP}: {name} {test.test_id}: {'ok' if code == 0 else f'FAILED (exit {code})'} "
                    f"in {seconds:.1f}s")
    write_junit(junit_path(STEP), rows)
    failed = [row for row in rows if row[2] != 0]
    for name, _, _, _, output in failed:
        session.log(f"--- {name} output (tail) ---\n{output[-3000:]}")
    if failed:
        session.error(f"slow tests failed: {', '.join(row[0] for row in failed)}")
    if not rows:
        session.log(f"{STEP}: no registered language declares a slow test")
