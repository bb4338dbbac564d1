"""Unit tests of the compat runner (l8compat): loader, templating, matching, gates, reports, driver."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from l8compat.protos import Api, load_api  # noqa: E402


@pytest.fixture(scope="session")
def api() -> Api:
    return load_api()


@pytest.fixture
def case_file(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write a YAML case file under tmp_path/cases/<service>/ and return its path."""

    def write(text: str, name: str = "runtime/state.yaml") -> Path:
        path = tmp_path / "cases" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
        return path

    return write
