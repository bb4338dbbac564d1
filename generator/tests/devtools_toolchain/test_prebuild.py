"""Tests for the ``prebuild`` CI step (l8dev.sessions.prebuild): a language's build started early, nice 19."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from l8dev.sessions import base, prebuild

from .test_ci_table import RecordingSession


def _language(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, commands: list[list[str]]) -> None:
    """One registered language, ``fake``, whose prebuild hook returns ``commands``."""
    spec = SimpleNamespace(name="fake")
    monkeypatch.setattr(prebuild, "with_hook", lambda name: [spec] if name == "prebuild" else [])
    monkeypatch.setattr(prebuild, "hook", lambda s, name: lambda: prebuild.Prebuild(commands, {"MARK": "m"}))
    monkeypatch.setattr(prebuild, "CI_DIR", tmp_path)
    monkeypatch.setattr(prebuild, "_RUNNING", {})
    monkeypatch.setattr(base, "BACKGROUND", {})
    monkeypatch.setattr(prebuild, "BACKGROUND", base.BACKGROUND)
    monkeypatch.setenv(base.CI_STARTED_ENV, "1")  # inside `nox -s ci`
    monkeypatch.delenv("L8_CI_STEPS", raising=False)
    monkeypatch.delenv(prebuild.PREBUILDING_ENV, raising=False)


def _script(body: str) -> list[str]:
    return [sys.executable, "-c", body]


def test_the_build_runs_in_the_background_at_nice_19_until_its_sdk_step_waits(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    gate, out = tmp_path / "gate", tmp_path / "out"
    # the second command runs only after the first, and waits for the gate: the step must not wait for it
    first = _script(f"import os, pathlib; pathlib.Path({str(out)!r}).write_text("
                    "f'{os.nice(0)} {os.environ[\"MARK\"]}')")
    second = _script(f"import pathlib, time\n"
                     f"while not pathlib.Path({str(gate)!r}).exists(): time.sleep(0.02)")
    _language(monkeypatch, tmp_path, [first, second])
    session: Any = RecordingSession()
    prebuild.prebuild(session)
    assert prebuild.building() == ["fake"] and "prebuild" in base.BACKGROUND
    assert prebuild._RUNNING["fake"].watched.proc.poll() is None  # still running: the step returned
    gate.touch()
    prebuild.wait_for(session, "fake")
    assert out.read_text() == "19 m"  # the lowest priority, with the hook's env
    assert prebuild.building() == []  # others may use the tree now
    ended = base.BACKGROUND["prebuild"]()
    assert ended == prebuild._RUNNING["fake"].watched.ended


def test_a_failed_prebuild_fails_its_step_but_not_the_sdk_step_that_waits(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _language(monkeypatch, tmp_path, [_script("import sys; print('compile error in x.cc'); sys.exit(3)"),
                                      _script("print('never runs')")])
    session: Any = RecordingSession()
    prebuild.prebuild(session)
    prebuild.wait_for(session, "fake")  # logs, does not raise: the check's own build shows the error
    assert any("exit 3" in line and "compile error in x.cc" in line for line in session.lines)
    assert "never runs" not in (tmp_path / "prebuild-fake.log").read_text()
    with pytest.raises(RuntimeError, match=r"prebuild failed: fake \(exit 3"):
        base.BACKGROUND["prebuild"]()


def test_a_run_without_the_languages_sdk_step_starts_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _language(monkeypatch, tmp_path, [_script("print('built')")])
    monkeypatch.setenv("L8_CI_STEPS", "prebuild,lint")
    session: Any = RecordingSession()
    prebuild.prebuild(session)
    assert prebuild._RUNNING == {} and "prebuild" not in base.BACKGROUND and prebuild.building() == []
    assert not (tmp_path / "prebuild-fake.log").exists()


def test_the_bench_keeps_out_of_the_cpp_tree_while_it_is_prebuilt(monkeypatch: pytest.MonkeyPatch) -> None:
    from bench import p2_cpp

    monkeypatch.setenv(prebuild.PREBUILDING_ENV, "cpp")
    rows = p2_cpp.rows(quick=True)
    assert [r.verdict for r in rows] == ["not measured", "not measured"]
    assert all("prebuild" in r.measured for r in rows)
    assert os.environ[prebuild.PREBUILDING_ENV] == "cpp"
