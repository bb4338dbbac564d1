"""l8compat.engine: which labelled containers count as stale (never one a live run is using)."""

from __future__ import annotations

import os

from l8compat.engine import OWNER_LABEL, STALE_AFTER_S, is_stale


def test_stopped_containers_are_stale() -> None:
    assert is_stale("exited", {OWNER_LABEL: str(os.getpid())}, 1.0)


def test_running_container_of_a_live_run_is_kept() -> None:
    assert not is_stale("running", {OWNER_LABEL: str(os.getpid())}, STALE_AFTER_S * 10)


def test_running_container_of_a_dead_run_is_stale() -> None:
    dead = 2**22 + 12345  # above the default pid_max: no such process
    assert is_stale("running", {OWNER_LABEL: str(dead)}, 1.0)


def test_foreign_running_container_is_stale_only_when_old() -> None:
    assert not is_stale("running", {}, 60.0)
    assert is_stale("running", {}, STALE_AFTER_S + 1)
