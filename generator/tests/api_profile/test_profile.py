"""l8gen.profile + config: [tool.l8gen.api] parsed with clear errors (file and key); this repo's profile."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from l8gen.config import load_options
from l8gen.errors import ConfigError
from l8gen.profile import GENERIC_PORT, ApiProfile, EnvNames, profile_from_table

from tests.conftest import REPO


def test_this_repos_profile_is_read_from_the_root_pyproject() -> None:
    api = load_options(REPO / "pyproject.toml").api
    assert api.default_port != GENERIC_PORT and api.name and api.title
    roles = dict(api.features)
    assert set(roles) == {"topic_subscription", "config_watch", "example", "upload_example",
                          "callback_listing", "callback_event"}
    assert all(rpc.count(".") >= 2 for rpc in roles.values())  # full names package.Service.Method


def test_an_empty_table_is_the_generic_profile() -> None:
    empty = profile_from_table({}, "x")
    assert empty.source == "x: [tool.l8gen.api.features]"
    assert dataclasses.replace(empty, source=ApiProfile().source) == ApiProfile()
    assert EnvNames().resolved("my-sdk") == EnvNames("MY_SDK_GRPC_ENDPOINT", "MY_SDK_API_TOKEN",
                                                     "MY_SDK_GRPC_HOST", "MY_SDK_GRPC_PORT")
    assert EnvNames(endpoint="ADDR").resolved("s").endpoint == "ADDR"


@pytest.mark.parametrize(("table", "message"), [
    ({"nme": "x"}, r"\[tool.l8gen.api\]: unknown key\(s\) nme"),
    ({"default_port": 0}, "default_port must be a number from 1 to 65535"),
    ({"default_port": "80"}, "default_port must be a number"),
    ({"keywords": "grpc"}, "keywords must be a list of strings"),
    ({"title": 3}, "title must be a string"),
    ({"env": {"endpoint": "NOT A NAME"}}, r"\[tool.l8gen.api.env\]: endpoint = 'NOT A NAME' is not an"),
    ({"env": {"home": "X"}}, r"\[tool.l8gen.api.env\]: unknown key\(s\) home"),
    ({"features": {"subscription": "a.B.C"}}, r"\[tool.l8gen.api.features\]: unknown key\(s\) subscription"),
    ({"features": "a.B.C"}, r"\[tool.l8gen.api.features\] must be a table"),
])
def test_bad_tables_name_the_file_and_the_key(table: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message) as err:
        profile_from_table(table, "cfg.toml")
    assert str(err.value).startswith("cfg.toml: ")


def test_errors_from_a_pyproject_name_it(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.l8gen.api]\ndefault_port = 70000\n')
    with pytest.raises(ConfigError, match=f"{path}: \\[tool.l8gen.api\\]: default_port"):
        load_options(path)
