"""Fixtures of the gRPC-level tests (see rt_harness.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from l8_runtime.config import RuntimeConfig
from rt_harness import RunningRuntime


@pytest.fixture
def start_runtime() -> Iterator[Any]:
    started: list[RunningRuntime] = []

    def start(config: RuntimeConfig | None = None, **kwargs: Any) -> RunningRuntime:
        rt = RunningRuntime(config, **kwargs)
        started.append(rt)
        return rt

    yield start
    for rt in started:
        rt.stop()


@pytest.fixture
def runtime(start_runtime: Any) -> RunningRuntime:
    """Embedded mode with the control service on."""
    return start_runtime(enable_control=True)
