"""Shared fixtures of the runtime tests: a RuntimeContext on a temp dir with controllable clocks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from l8_runtime.components.base import Component
from l8_runtime.context import RuntimeContext


class FakeClock:
    """A clock tests move by hand (monotonic and wall share it, starting at a fixed epoch)."""

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def ctx(tmp_path: Path, clock: FakeClock) -> RuntimeContext:
    return RuntimeContext(scratch_dir=tmp_path / "scratch", monotonic=clock, wall=clock)


@pytest.fixture
def make(ctx: RuntimeContext) -> Callable[..., Any]:
    def build(
        cls: type[Component], name: str = "c1", ctx_: RuntimeContext | None = None, **metadata: str
    ) -> Any:
        return cls(name, metadata, ctx_ or ctx)

    return build


@pytest.fixture
def mutant(ctx: RuntimeContext) -> Callable[[str], RuntimeContext]:
    """A context like ``ctx`` with one deliberate bug switched on."""

    def with_mutation(name: str) -> RuntimeContext:
        return RuntimeContext(
            scratch_dir=ctx.scratch_dir, monotonic=ctx.monotonic, wall=ctx.wall, mutation=name
        )

    return with_mutation
