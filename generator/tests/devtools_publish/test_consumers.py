"""The publish smoke test's consumer programs come from the API's own templates ([tool.l8gen] templates,
``<dir>/<language>/_consumer/``), found through the configuration by ``l8dev.publish.installs``."""

from __future__ import annotations

from pathlib import Path

import pytest
from l8dev.publish.installs import PROGRAMS, consumer_file
from l8dev.publish.release import PublishError
from l8gen.languages import discover

from tests.conftest import REPO


def test_every_publishing_language_finds_its_consumer_program_through_the_configuration() -> None:
    publishing = sorted(name for name, spec in discover().items() if spec.publish)
    assert sorted(PROGRAMS) == publishing
    for language, name in PROGRAMS.items():
        path = consumer_file(REPO, language, name)
        assert path == REPO / "proto" / "sdk-templates" / language / "_consumer" / name
        assert path.read_text(encoding="utf-8").strip()


def test_another_api_brings_its_own_program(tmp_path: Path) -> None:
    (tmp_path / "tpl" / "go" / "_consumer").mkdir(parents=True)
    (tmp_path / "tpl" / "go" / "_consumer" / "main.go").write_text("package main\n")
    (tmp_path / "pyproject.toml").write_text('[tool.l8gen]\ntemplates = "tpl"\n')
    assert consumer_file(tmp_path, "go", "main.go").read_text() == "package main\n"
    with pytest.raises(PublishError, match="no python consumer program smoke_client.py"):
        consumer_file(tmp_path, "python", "smoke_client.py")
