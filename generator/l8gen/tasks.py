"""Work that runs on its own thread while the caller goes on: one ``Task`` per call, ``result()`` waits.

Pipeline place: ``pipeline.Generation`` runs each target's start work and generation as a ``Task`` (much of
their time is waiting on protoc plugins: other processes, the GIL released). ``concurrent.futures`` would do
the same with a pool, but importing it imports ``logging`` (~5-7 ms of a ~0.2 s ``l8gen generate --target
python``, measured: ``import concurrent.futures`` after the modules the run imports anyway), for a pool in
which every task had its own thread. A task's thread is not a daemon: a process that leaves early still
waits for it, as for a pool's threads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Task(Generic[T]):
    """``fn(*args)`` begun on a new thread; ``result()`` returns its value or raises its exception."""

    def __init__(self, fn: Callable[..., T], *args: Any) -> None:
        self._fn, self._args = fn, args
        self._value: T | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="l8gen-task")
        self._thread.start()

    def _run(self) -> None:
        try:
            self._value = self._fn(*self._args)
        except BaseException as exc:  # handed to whoever waits, as a Future does
            self._error = exc

    def wait(self) -> None:
        """Return once the work has ended (either way)."""
        self._thread.join()

    def exception(self) -> BaseException | None:
        """The exception the work raised (None if it returned), once it has ended."""
        self.wait()
        return self._error

    def result(self) -> T:
        """The work's value, once it has ended; its exception is raised here."""
        self.wait()
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[return-value]
