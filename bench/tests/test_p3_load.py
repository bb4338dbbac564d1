"""Tests for bench/p3_qps.py's load: a ``--calls`` round makes exactly that many calls (the instruction row
divides a round's count by it), against the real echo server."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.common import PYTHON, ROOT, dev_env, stop, wait_ready  # noqa: E402
from bench.p3_qps import _load  # noqa: E402


@pytest.fixture
def echo() -> Iterator[tuple[str, subprocess.Popen[str]]]:
    proc = subprocess.Popen([PYTHON, "-m", "bench.echo_server"], stdout=subprocess.PIPE, text=True,
                            env={**dev_env(), "PYTHONPATH": str(ROOT)})
    try:
        yield wait_ready(proc, 60), proc
    finally:
        stop(proc)


def test_a_calls_round_makes_exactly_that_many_calls_with_several_in_flight(
    echo: tuple[str, subprocess.Popen[str]],
) -> None:
    result = asyncio.run(_load(echo[0], seconds=0, in_flight=8, calls=37, warmup=0))
    assert result["calls"] == 37
