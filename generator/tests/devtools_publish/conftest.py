"""Fixtures for the publishing tests: a scratch repository with [tool.l8gen] and one "generated" SDK dir."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from l8dev.publish.release import Release, load_release
from l8gen.writer import MANIFEST, Manifest


def write_sdk(sdk_dir: Path, files: dict[str, str]) -> None:
    """Write ``files`` and the manifest `l8gen generate` would write for them."""
    for rel, text in files.items():
        (sdk_dir / rel).parent.mkdir(parents=True, exist_ok=True)
        (sdk_dir / rel).write_text(text)
    (sdk_dir / MANIFEST).write_text(Manifest.for_files(files, "digest").render())


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.l8gen]\nversion = "0.3.1"\n[tool.l8gen.go]\nmodule = "example.com/Acme/l8sdk-go"\n'
    )
    return tmp_path


@pytest.fixture
def release(repo: Path) -> Release:
    return load_release(repo)


def read_json(path: Path) -> dict[str, object]:
    data = json.loads(path.read_text())
    assert isinstance(data, dict)
    return data
