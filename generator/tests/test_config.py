"""l8gen.config: [tool.l8gen] -> GenOptions."""

from __future__ import annotations

from pathlib import Path

import pytest
from l8gen.config import load_options
from l8gen.errors import ConfigError

from tests.conftest import REPO


def test_root_pyproject_is_read() -> None:
    opts = load_options(REPO / "pyproject.toml")
    assert opts.python_package == "l8sdk" and opts.cpp_namespace == "l8"
    assert opts.app_services == ("spec.proto.runtime.v1.AppCallback",)
    assert opts.internal_packages == ("l8.control.v1",)


def test_overrides_and_defaults(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.l8gen]\n[tool.l8gen.overrides.go]\n"a.B.c" = "C2"\n')
    opts = load_options(path, tmp_path)
    assert opts.overrides_for("go") == {"a.B.c": "C2"} and opts.overrides_for("python") == {}
    assert opts.version == "0.1.0" and opts.user_templates == tmp_path
    assert load_options(tmp_path / "missing.toml").python_package == "l8sdk"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[tool.l8gen]\nversion = 1\n", "version must be a string"),
        ("[tool.l8gen]\napp_services = 'x'\n", "app_services must be a list of strings"),
        ("[tool.l8gen]\noverrides = { go = { x = 1 } }\n", "must map proto full names to strings"),
        ("[tool.l8gen\n", "pyproject.toml"),
    ],
)
def test_bad_config(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_options(path)
