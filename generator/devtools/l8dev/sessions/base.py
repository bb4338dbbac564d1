"""Shared plumbing of the nox sessions: the one dev virtualenv, running tools from it, CI step registry.

Pipeline place: imported by every ``l8dev.sessions`` module. Conventions:
- Every session is ``venv_backend="none"`` and runs its tools from ONE shared dev virtualenv, ``.nox/dev``
  (``DEV_PACKAGES`` installed editable by uv), created on first use and reinstalled only when a pyproject.toml
  changes. ``dev_run(session, ...)`` puts the venv, the pinned Go plugins (``.cache/bin``) and
  ``node_modules/.bin`` first on PATH.
- ``@ci_step("name")`` (under ``@nox.session``) adds a session to ``nox -s ci``; the noxfile's ``CI_ORDER``
  fixes the order, steps it does not name run after those, in registration order. A test step writes JUnit
  XML to ``junit_path(name)`` so ``ci`` can print one closing summary line.
- ``nox -s demo`` runs each SDK's tour program (docs/tests/examples/tour.py) against a local runtime.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import nox

ROOT = Path(__file__).resolve().parents[4]
DEV_VENV = ROOT / ".nox" / "dev"
CI_DIR = ROOT / ".cache" / "ci"
# generator/devtools: l8dev (dev tooling, not in the l8gen wheel); sdks/python[dev]: grpc type stubs
DEV_PACKAGES = (".[dev]", "generator/devtools", "sdks/python[dev]", "runtime-stub")
# The dev venv's installer: uv resolves and installs the four editable packages and their ~80 pinned
# dependencies in ~4 s where pip takes ~55 s (cold or warm cache alike); see docs/ARCHITECTURE.md.
UV_VERSION = "0.13.9"
# ccache sees paths relative to the repository, so C++ builds of the same sources in other trees hit the cache
CPP_CCACHE = {"CCACHE_BASEDIR": str(ROOT), "CCACHE_NOHASHDIR": "1"}

Step = Callable[[nox.Session], None]
CI_STEPS: list[tuple[str, Step]] = []


def ci_step(name: str) -> Callable[[Step], Step]:
    """Register a session function as a step of `nox -s ci`."""

    def register(func: Step) -> Step:
        CI_STEPS.append((name, func))
        return func

    return register


# `nox -s ci` sets this to its start time (seconds since the epoch): a step may then reuse what an earlier
# step of the same run wrote (written_this_run); outside a CI run nothing is reused.
CI_STARTED_ENV = "L8_CI_STARTED"


# Inside `nox -s ci`, a step whose work mostly waits may leave it running while the later steps run: it puts
# a function here that waits for that work, fails like a step would (session.error) and returns when the
# work ended (time.monotonic()); run_ci calls each after the last step and reports it in the step table.
BACKGROUND: dict[str, Callable[[], float]] = {}


class Watched:
    """A started process and a thread that waits for it, so its exit code and exit time are known however
    late someone asks (a background step's time is its own, not the time until run_ci collected it). One
    still running ``timeout_s`` after it was started is killed (``killed``)."""

    def __init__(self, proc: subprocess.Popen[bytes], timeout_s: float | None = None) -> None:
        self.proc, self.started, self.killed = proc, time.monotonic(), False
        self.code, self.ended = -1, 0.0
        self._thread = threading.Thread(target=self._watch, args=(timeout_s,), daemon=True)
        self._thread.start()

    def _watch(self, timeout_s: float | None) -> None:
        try:
            code = self.proc.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            self.killed = True
            self.proc.kill()
            code = self.proc.wait()
        self.code, self.ended = code, time.monotonic()

    def wait(self) -> int:
        """Block until the process has exited; its exit code."""
        self._thread.join()
        return self.code

    @property
    def seconds(self) -> float:
        """How long it ran (after ``wait``)."""
        return self.ended - self.started


class Background:
    """A command left running with the dev venv's environment (``dev_env``, plus ``env``) and its output in
    ``log`` (``nice``: its CPU priority, 19 the lowest), watched (``Watched``) so its exit code and end time
    are known however late ``finish`` is called. ``argv[0]`` is looked up on the dev PATH."""

    def __init__(self, argv: list[str], log: Path, *, env: dict[str, str] | None = None,
                 nice: int = 0) -> None:
        self.log = log
        log.parent.mkdir(parents=True, exist_ok=True)
        merged = {**os.environ, **dev_env(), **(env or {})}
        program = shutil.which(argv[0], path=merged["PATH"]) or argv[0]
        with log.open("wb") as out:
            proc = subprocess.Popen([program, *argv[1:]], cwd=ROOT, env=merged, stdout=out,
                                    stderr=subprocess.STDOUT,
                                    preexec_fn=(lambda: os.nice(nice)) if nice else None)
        self.watched = Watched(proc)

    def finish(self, session: nox.Session, what: str, fail: bool = True) -> float:
        """Wait; log the output's tail; ``session.error`` when it failed (unless ``fail`` is False); return
        when it ended (``time.monotonic()``)."""
        code = self.watched.wait()
        tail = self.log.read_text("utf-8", errors="replace")[-3000:]
        session.log(f"{what}: exit {code} after {self.watched.seconds:.1f}s ({self.log})\n{tail}")
        if code != 0 and fail:
            session.error(f"{what} failed (exit {code}): {self.log}")
        return self.watched.ended


def ci_steps_only() -> list[str]:
    """The steps ``L8_CI_STEPS`` names (comma-separated): a `nox -s ci` that runs only those; [] = all."""
    return [n for n in os.environ.get("L8_CI_STEPS", "").split(",") if n]


def in_ci() -> bool:
    """True inside `nox -s ci` (run_ci sets CI_STARTED_ENV)."""
    return bool(os.environ.get(CI_STARTED_ENV))


def written_this_run(path: Path) -> bool:
    """True inside `nox -s ci` when ``path`` was written after the run started (by one of its steps)."""
    started = os.environ.get(CI_STARTED_ENV)
    return bool(started) and path.is_file() and path.stat().st_mtime >= float(started or 0)


def junit_path(step: str) -> Path:
    """Where a test step writes its JUnit XML for the ci summary."""
    CI_DIR.mkdir(parents=True, exist_ok=True)
    return CI_DIR / f"junit-{step}.xml"


def dev_env() -> dict[str, str]:
    """PATH and VIRTUAL_ENV of the dev venv. Python may write bytecode (``PYTHONDONTWRITEBYTECODE`` empty, so
    off, even when the machine sets it): the checkout's packages are installed editable, so without
    ``__pycache__`` every l8gen / l8-runtime / pytest process would compile them from source again."""
    path = os.pathsep.join(
        [str(DEV_VENV / "bin"), str(ROOT / ".cache" / "bin"), str(ROOT / "node_modules" / ".bin")]
    )
    return {
        "PATH": f"{path}{os.pathsep}{os.environ.get('PATH', '')}",
        "VIRTUAL_ENV": str(DEV_VENV),
        "PYTHONDONTWRITEBYTECODE": "",
    }


def ensure_dev_venv(session: nox.Session) -> None:
    """Create/refresh the shared dev venv when absent or when a pyproject.toml changed."""
    if sys.version_info[:2] != (3, 11):
        session.error(f"run nox with Python 3.11 (the project's and the images' Python), not {sys.version}")
    packages = [p for p in DEV_PACKAGES if (ROOT / p.split("[")[0] / "pyproject.toml").exists()]
    digest = hashlib.sha256(sys.version.encode())
    for package in packages:
        digest.update(package.encode() + (ROOT / package.split("[")[0] / "pyproject.toml").read_bytes())
    stamp = DEV_VENV / ".l8-installed"
    if stamp.exists() and stamp.read_text().strip() == digest.hexdigest():
        return
    python = str(DEV_VENV / "bin" / "python")
    if not Path(python).exists():
        session.run(sys.executable, "-m", "venv", str(DEV_VENV), external=True)  # with pip: tools use it
    editable = [arg for p in packages for arg in ("-e", p)]
    session.run(python, "-m", "pip", "install", "--quiet", f"uv=={UV_VERSION}", external=True)
    # uv reads no pip configuration: the machine's extra wheel directory (PIP_FIND_LINKS) is passed on
    links = [arg for d in os.environ.get("PIP_FIND_LINKS", "").split() for arg in ("--find-links", d)]
    session.run(str(DEV_VENV / "bin" / "uv"), "pip", "install", "--quiet", "--python", python, *links,
                *editable, external=True)
    stamp.write_text(digest.hexdigest() + "\n")
    session.log(f"dev venv {DEV_VENV.relative_to(ROOT)} installed: {' '.join(packages)}")


def dev_run(session: nox.Session, *args: str, env: dict[str, str] | None = None, **kwargs: Any) -> Any:
    """Run a command with the dev venv, .cache/bin and node_modules/.bin first on PATH."""
    ensure_dev_venv(session)
    merged = {**dev_env(), **(env or {})}
    program = shutil.which(args[0], path=merged["PATH"]) or args[0]  # nox looks programs up in its own PATH
    return session.run(program, *args[1:], env=merged, external=True, **kwargs)


def pytest_step(session: nox.Session, step: str, *args: str, allow_empty: bool = False) -> None:
    """pytest with JUnit XML for the ci summary (exit 5, nothing collected, allowed with ``allow_empty``)."""
    codes = [0, 5] if allow_empty else [0]
    junit = junit_path(step)
    junit.unlink(missing_ok=True)
    dev_run(
        session, "python", "-m", "pytest", f"--junitxml={junit}", *args, *session.posargs, success_codes=codes
    )
