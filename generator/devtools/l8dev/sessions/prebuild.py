"""``prebuild``: each language's SDK build started early in ``nox -s ci``, at the lowest CPU priority.

Pipeline place: the CI step right after ``bootstrap``. A language's ``prebuild`` hook (``[dev] prebuild`` of
its ``language.toml``) returns a ``Prebuild``: the commands (run in order in the repository root) that build
what its ``sdk-<name>`` check builds first -- for C++ the one shared CMake tree, the longest compile of a cold
run. In ``nox -s ci`` they run in the background under ``nice 19``, so they only take CPU the steps before
``sdk-<name>`` leave idle (the callgrind benches use one core; the harness steps mostly wait); that step
waits for its language's prebuild (``wait_for``) and then finds its build (nearly) up to date. While one
runs, ``PREBUILDING_ENV`` names its language, and steps that would build in the same tree keep out of it
(bench-quick's C++ rows). Outside ``nox -s ci``, ``nox -s prebuild`` runs the commands in the foreground.
"""

from __future__ import annotations

import os
import shlex
from typing import NamedTuple

import nox

from l8dev.languages import hook, with_hook
from l8dev.sessions.base import BACKGROUND, CI_DIR, Background, ci_step, ci_steps_only, dev_run, in_ci

STEP = "prebuild"
PREBUILDING_ENV = "L8_PREBUILDING"  # comma-separated: the languages whose prebuild is still running
NICE = 19


class Prebuild(NamedTuple):
    """What a language's ``prebuild`` hook returns: commands run in order, with ``env`` added."""

    commands: list[list[str]]
    env: dict[str, str]


_RUNNING: dict[str, Background] = {}


def building() -> list[str]:
    """The languages whose prebuild this CI run started and no step has waited for yet."""
    return [name for name in os.environ.get(PREBUILDING_ENV, "").split(",") if name]


def _set_building(names: list[str]) -> None:
    os.environ[PREBUILDING_ENV] = ",".join(names)


def _wanted(name: str) -> bool:
    """A language's prebuild only helps a run that has its sdk step (``L8_CI_STEPS`` may leave it out)."""
    only = ci_steps_only()
    return not only or f"sdk-{name}" in only


@nox.session(name=STEP)
@ci_step(STEP)
def prebuild(session: nox.Session) -> None:
    """Start every language's prebuild (``[dev] prebuild``) in the background at nice 19 (``nox -s ci``), or
    run them here and now (on its own)."""
    for spec in with_hook(STEP):
        make = hook(spec, STEP)
        assert make is not None
        work: Prebuild = make()
        if not in_ci():
            for command in work.commands:
                dev_run(session, *command, env=work.env)
            continue
        if not _wanted(spec.name):
            session.log(f"prebuild: {spec.name}: its sdk step is not in this run")
            continue
        script = " && ".join(shlex.join(command) for command in work.commands)
        log = CI_DIR / f"prebuild-{spec.name}.log"
        _RUNNING[spec.name] = Background(["sh", "-c", script], log, env=work.env, nice=NICE)
        _set_building([*building(), spec.name])
        session.log(f"prebuild: {spec.name}: started at nice {NICE} ({script} > {log})")
    if _RUNNING:
        BACKGROUND[STEP] = lambda: _finish_all(session)


def wait_for(session: nox.Session, name: str) -> None:
    """Before language ``name``'s own build: wait for its prebuild, if this run started one. A failed
    prebuild is logged here and fails the prebuild step; the check's own build then shows the error."""
    work = _RUNNING.get(name)
    if work is None:
        return
    if work.watched.proc.poll() is None:
        session.log(f"prebuild: {name}: waiting for the background build")
    work.finish(session, f"prebuild: {name}", fail=False)
    _set_building([n for n in building() if n != name])


def _finish_all(session: nox.Session) -> float:
    """The step's background work: every prebuild waited for; fails when one failed."""
    ended, failed = 0.0, []
    for name, work in _RUNNING.items():
        code = work.watched.wait()
        ended = max(ended, work.watched.ended)
        if code != 0:
            failed.append(f"{name} (exit {code}, {work.log})")
    _set_building([])
    if failed:
        session.error(f"prebuild failed: {', '.join(failed)}")
    return ended
