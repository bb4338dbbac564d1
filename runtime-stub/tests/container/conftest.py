"""Fixtures for the container smoke tests: the runtime image (built only when its inputs changed) and one
running runtime container per session. Stale labelled containers of dead sessions are removed first."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from l8dev.toolchain.runtime_container import (
    Runtime,
    ensure_runtime_image,
    remove_stale_containers,
    start_runtime,
)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "container: needs a Docker engine and the runtime image (nox -s smoke)"
    )


@pytest.fixture(scope="session")
def runtime_image() -> str:
    removed = remove_stale_containers()
    if removed:
        print(f"removed stale l8sdk containers: {', '.join(removed)}")
    return ensure_runtime_image()


@pytest.fixture(scope="session")
def runtime(runtime_image: str) -> Iterator[Runtime]:
    rt = start_runtime(runtime_image)
    print(f"\n{runtime_image}: {rt.readiness}")
    try:
        yield rt
    finally:
        rt.container.stop()
