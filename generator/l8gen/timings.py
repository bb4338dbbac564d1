"""``l8gen generate --timings``: where one run's time went, as phase marks printed to stderr at its end.

Pipeline place: an edge concern beside the CLI. ``cli`` turns the marks on for ``--timings``; ``orchestrate``
and ``pipeline`` call ``mark`` as each phase ends, from any thread (a target's marks come from the
thread that runs it, so the marks of targets that run side by side interleave). Off, the default, ``mark``
tests one module global. Times are wall-clock from the import of this module, which ``l8gen.cli`` imports
first: the interpreter's own start before it is not seen from inside, so the report also prints that moment
as seconds since the epoch, for a caller that timed the process from outside (bench/p1_generate.py).
"""

from __future__ import annotations

import re
import time

STARTED = time.time()
_marks: list[tuple[float, str]] | None = None


def enable() -> None:
    """Record the marks of this run (``--timings``)."""
    global _marks
    _marks = []


def disable() -> None:
    """Stop recording and forget the marks (the CLI, once it printed them)."""
    global _marks
    _marks = None


def mark(phase: str) -> None:
    """``phase`` has just ended (no-op unless ``enable``d)."""
    if _marks is not None:
        _marks.append((time.time(), phase))


def report() -> str:
    """The marks in time order: ms since the start, ms since the line before, the phase that ended."""
    lines = [f"l8gen timings: ms from l8gen.cli's start (at {STARTED:.6f} s since the epoch), "
             "ms since the line before, the phase that ended"]
    previous = STARTED
    for at, phase in sorted(_marks or ()):
        lines.append(f"{(at - STARTED) * 1000:9.1f} {(at - previous) * 1000:+8.1f}  {phase}")
        previous = at
    return "\n".join(lines) + "\n"


def parse(text: str) -> tuple[float, list[tuple[float, str]]]:
    """A ``report`` read back (from a run's stderr): (its start in seconds since the epoch, [(ms, phase)])."""
    started = re.search(r"^l8gen timings: .*\(at ([0-9.]+) s since the epoch\)", text, re.MULTILINE)
    if started is None:
        raise ValueError("no l8gen timings report in the text")
    marks = re.findall(r"^ *([0-9.]+) +[+-][0-9.]+  (.+)$", text[started.end():], re.MULTILINE)
    return float(started.group(1)), [(float(ms), phase) for ms, phase in marks]
