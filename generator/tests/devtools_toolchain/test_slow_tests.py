"""Tests for ``nox -s slow-tests`` (l8dev.sessions.slow): the SDKs' slow tests run side by side, each
judged by its own exit code and expected output, one JUnit case each."""

from __future__ import annotations

import os
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from l8dev.languages import languages
from l8dev.sessions.slow import SlowTest, run_all, slow_tests, start_all, wait_all, write_junit


def sleeper(tmp_path: Path, seconds: float, code: int = 0, say: str = "done") -> SlowTest:
    script = f"import sys, time; time.sleep({seconds}); print({say!r}); sys.exit({code})"
    return SlowTest(f"sleep-{seconds}-{code}", "", tmp_path, [sys.executable, "-c", script], "done")


def test_commands_run_at_once_and_each_keeps_its_own_time(tmp_path: Path) -> None:
    tests = {"a": sleeper(tmp_path, 1.0), "b": sleeper(tmp_path, 1.0), "c": sleeper(tmp_path, 0.2)}
    started = time.monotonic()
    rows = run_all(tests, dict(os.environ), tmp_path)
    wall = time.monotonic() - started
    assert [row[2] for row in rows] == [0, 0, 0]
    assert wall < 1.9, f"three sleeps of 2.2 s in all took {wall:.1f} s: not side by side"
    seconds = {row[0]: row[3] for row in rows}
    assert seconds["c"] < 0.8 <= seconds["a"]


def test_a_failing_command_and_one_that_ran_nothing_both_fail(tmp_path: Path) -> None:
    tests = {"bad": sleeper(tmp_path, 0.0, code=3), "empty": sleeper(tmp_path, 0.0, say="no tests to run")}
    rows = {row[0]: row for row in run_all(tests, dict(os.environ), tmp_path)}
    assert rows["bad"][2] == 3
    assert rows["empty"][2] == -1 and "lacks 'done'" in rows["empty"][4]
    junit = tmp_path / "junit.xml"
    write_junit(junit, list(rows.values()))
    suite = ET.parse(junit).getroot()
    assert (suite.get("tests"), suite.get("failures")) == ("2", "2")
    classes = {case.get("classname") for case in suite.iter("testcase")}
    assert classes == {"slow-tests.bad", "slow-tests.empty"}


def test_a_command_past_the_timeout_is_killed(tmp_path: Path) -> None:
    rows = run_all({"stuck": sleeper(tmp_path, 30.0)}, dict(os.environ), tmp_path, timeout_s=0.5)
    assert rows[0][2] != 0 and rows[0][3] < 5
    assert "killed after" in rows[0][4]


def test_every_builtin_sdk_declares_its_slow_test() -> None:
    found = slow_tests()
    assert set(found) == {"python", "node", "go", "cpp"} & set(languages())
    for name, test in found.items():
        assert test.cwd.is_dir(), name
        assert test.argv and test.selector, name


def test_a_test_collected_long_after_it_ended_keeps_its_own_time(tmp_path: Path) -> None:
    running = start_all({"quick": sleeper(tmp_path, 0.2)}, dict(os.environ), tmp_path)
    time.sleep(1.5)  # nox -s ci collects background work after its last step
    [row] = wait_all(running)
    assert row[2] == 0 and 0.2 <= row[3] < 1.0, f"{row[3]:.2f} s"
