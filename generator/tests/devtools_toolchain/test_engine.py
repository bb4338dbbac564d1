"""Tests for l8dev.toolchain.engine: stale pid files (the real start and host-gateway: container smoke)."""

from __future__ import annotations

import io
import os
from pathlib import Path

from l8dev.toolchain import engine


def test_stale_pidfile_of_a_dead_process_is_removed(tmp_path: Path) -> None:
    pidfile = tmp_path / "docker.pid"
    pidfile.write_text("999999999")
    out = io.StringIO()
    engine._clear_stale_pidfile(out, pidfile)
    assert not pidfile.exists()
    assert "removed stale" in out.getvalue()


def test_pidfile_naming_a_non_dockerd_process_is_stale(tmp_path: Path) -> None:
    pidfile = tmp_path / "docker.pid"
    pidfile.write_text(str(os.getpid()))  # alive, but it is pytest, not dockerd
    engine._clear_stale_pidfile(io.StringIO(), pidfile)
    assert not pidfile.exists()


def test_missing_pidfile_is_left_alone(tmp_path: Path) -> None:
    out = io.StringIO()
    engine._clear_stale_pidfile(out, tmp_path / "absent.pid")
    assert out.getvalue() == ""
