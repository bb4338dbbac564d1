"""Running the ecosystems' own tools (python -m build, twine, npm, go, cmake) for the publishing steps.

Place: used by ``build``, ``gomod``, ``smoke`` and ``upload``. Every external command goes through
:func:`run_tool`: it is echoed to the log, its output captured, and a failure becomes a :class:`PublishError`
carrying the command and the tail of its output (no traceback for a failed tool). :class:`Steps` times the
named steps of one language and prints them.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shlex
import subprocess
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from l8dev.publish.release import PublishError

TAIL_LINES = 40


def run_tool(
    args: Sequence[str],
    log: TextIO,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float = 1800,
    quiet: bool = False,
) -> str:
    """Run ``args`` (environment = os.environ updated with ``env``; a value of "" unsets), return stdout.

    stderr is merged into the returned text only for the error message; stdout is returned alone so that
    callers can parse it (e.g. ``npm pack --json``)."""
    merged = dict(os.environ)
    for key, value in (env or {}).items():
        if value == "":
            merged.pop(key, None)
        else:
            merged[key] = value
    where = f" (in {cwd})" if cwd else ""
    if not quiet:
        log.write(f"  $ {shlex.join(args)}{where}\n")
        log.flush()
    try:
        proc = subprocess.run(
            list(args), cwd=cwd, env=merged, capture_output=True, text=True, timeout=timeout, check=False
        )
    except FileNotFoundError as exc:
        raise PublishError(f"{args[0]}: not found ({exc.strerror}); run `nox -s bootstrap`") from exc
    except subprocess.TimeoutExpired as exc:
        raise PublishError(f"{shlex.join(args)}: no result after {timeout:.0f}s") from exc
    if proc.returncode != 0:
        lines = (proc.stdout + proc.stderr).rstrip().splitlines()
        tail = "\n".join("    " + line for line in lines[-TAIL_LINES:])
        raise PublishError(f"`{shlex.join(args)}`{where} exited {proc.returncode}:\n{tail}")
    return proc.stdout


@dataclass
class Steps:
    """Wall-clock time of the named steps of one language (printed as they finish)."""

    language: str
    log: TextIO
    times: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        self.log.write(f"[{self.language}] {name}\n")
        self.log.flush()
        start = time.monotonic()
        try:
            yield
        finally:
            self.times[name] = round(time.monotonic() - start, 1)
            self.log.write(f"[{self.language}] {name}: {self.times[name]:.1f}s\n")
            self.log.flush()

    @property
    def total(self) -> float:
        return round(sum(self.times.values()), 1)


def parse_args(
    parser: argparse.ArgumentParser,
    argv: Sequence[str],
    stdout: TextIO,
    stderr: TextIO,
) -> argparse.Namespace | int:
    """``parser.parse_args`` writing help/usage errors to the given streams; an int is the exit code."""
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            return parser.parse_args(list(argv))
    except SystemExit as exc:
        return 0 if exc.code == 0 else 2
