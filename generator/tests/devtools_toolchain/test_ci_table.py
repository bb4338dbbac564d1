"""Tests for the closing step table of ``nox -s ci`` (l8dev.sessions.ci): per-step ccache column, total."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from l8dev.sessions import base, ci
from l8dev.sessions.ci import ccache_counts, junit_failures, step_line


def test_step_line_shows_ccache_only_for_steps_that_compiled() -> None:
    compiled = step_line("sdk-cpp", "ok", 79.24, (40, 2))
    assert compiled.startswith("ci step sdk-cpp") and compiled.endswith("79.2s  ccache 40 hit / 2 miss")
    assert "ccache" not in step_line("lint", "ok", 4.0, (0, 0))


def test_ccache_counts_see_a_real_compile_as_a_miss_then_a_hit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if shutil.which("ccache") is None or shutil.which("c++") is None:
        pytest.skip("ccache or c++ not installed (nox -s bootstrap)")
    env = {"CCACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    source = tmp_path / "unit.cpp"
    source.write_text(f"int answer() {{ return {tmp_path.stat().st_ino % 1000}; }}\n")
    compile_ = ["ccache", "c++", "-c", str(source), "-o", str(tmp_path / "unit.o")]
    monkeypatch.setenv("CCACHE_DIR", env["CCACHE_DIR"])  # a private cache: other builds do not count here
    before = ccache_counts()
    subprocess.run(compile_, check=True, env=env)
    after_miss = ccache_counts()
    subprocess.run(compile_, check=True, env=env)
    after_hit = ccache_counts()
    assert after_miss[1] == before[1] + 1 and after_hit[0] == after_miss[0] + 1


def test_junit_failures_name_each_failed_test_of_a_real_pytest_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "test_sample.py").write_text(
        "def test_good():\n    assert 1 + 1 == 2\n\n"
        "def test_bad():\n    assert 'etag' == 'stale', 'etag mismatch'\n"
    )
    report = tmp_path / "ci" / "junit-tests.xml"
    report.parent.mkdir()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            f"--junitxml={report}",
            str(tmp_path / "test_sample.py"),
        ],
        cwd=tmp_path,
        capture_output=True,
        check=False,
    )
    monkeypatch.setattr(ci, "CI_DIR", report.parent)
    failures = junit_failures()
    assert len(failures) == 1
    assert failures[0].startswith("junit-tests: test_sample::test_bad: AssertionError: etag mismatch")


class RecordingSession:
    """The two methods of nox.Session that run_ci and its steps call (log, error), recording the log."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def log(self, line: str) -> None:
        self.lines.append(line)

    def error(self, message: str) -> None:
        raise RuntimeError(message)


def test_a_background_step_is_waited_for_after_the_last_step_and_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []

    def slow(_: object) -> None:  # leaves its work running, like slow-tests inside `nox -s ci`
        events.append("slow started")
        def finish() -> float:
            time.sleep(0.3)
            events.append("slow collected")
            return time.monotonic()

        base.BACKGROUND["slow"] = finish

    def later(_: object) -> None:
        events.append("later step ran")

    def broken_background(_: object) -> None:
        def finish() -> float:
            raise RuntimeError("slow tests failed: go")

        base.BACKGROUND["broken"] = finish

    monkeypatch.setattr(ci, "CI_DIR", tmp_path)
    steps = [("slow", slow), ("later", later), ("broken", broken_background)]
    monkeypatch.setattr(ci, "CI_STEPS", steps)
    monkeypatch.setattr(ci, "ccache_counts", lambda: (0, 0))
    monkeypatch.delenv("L8_CI_STEPS", raising=False)
    session = RecordingSession()
    with pytest.raises(RuntimeError, match="failed steps: broken"):
        ci.run_ci(session, ["slow", "later", "broken"])  # type: ignore[arg-type]
    assert events == ["slow started", "later step ran", "slow collected"]
    table = {line.split()[2]: line for line in session.lines if line.startswith("ci step ")}
    assert "ok (background)" in table["slow"]
    assert "FAILED (slow tests failed: go) (background)" in table["broken"]
    assert float(table["slow"].split()[-1].rstrip("s")) >= 0.3  # its time runs to the end of its work
    assert not base.BACKGROUND
