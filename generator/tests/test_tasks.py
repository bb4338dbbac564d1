"""l8gen.tasks: work begun on its own thread; ``result()`` waits and returns its value or raises its error."""

from __future__ import annotations

import threading

import pytest
from l8gen.tasks import Task


def test_the_work_runs_while_the_caller_goes_on() -> None:
    go_on = threading.Event()
    # the work waits for the caller: if Task ran it before returning, the wait would time out
    task = Task(lambda: go_on.wait(timeout=10) and threading.current_thread().name)
    go_on.set()
    assert task.result() == "l8gen-task"


def test_result_returns_the_value_of_the_call_with_its_arguments() -> None:
    task = Task(lambda a, b: (a, b, threading.get_ident()), "x", 2)
    a, b, ident = task.result()
    assert (a, b) == ("x", 2) and ident != threading.get_ident()
    assert task.exception() is None


def test_the_work_s_exception_is_raised_by_result_and_given_by_exception() -> None:
    def fail() -> None:
        raise KeyError("missing")

    task = Task(fail)
    with pytest.raises(KeyError, match="missing"):
        task.result()
    assert isinstance(task.exception(), KeyError)
