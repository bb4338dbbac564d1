"""Secret stores: inline, JSON file (nested keys), environment."""

from __future__ import annotations

import json

import pytest
from l8_runtime.components.base import ComponentConfigError
from l8_runtime.components.secrets import EnvSecretStore, FileSecretStore, SecretStore
from l8_runtime.errors import ApiError


def test_inline_secret_is_a_single_value_map(make):
    store = make(SecretStore, **{"db-password": "s3cr3t"})
    assert store.get("db-password") == {"db-password": "s3cr3t"}


def test_missing_secret_is_not_found(make):
    with pytest.raises(ApiError) as exc:
        make(SecretStore).get("nope")
    assert exc.value.code == "NOT_FOUND"


def test_bulk_returns_every_secret(make):
    store = make(SecretStore, a="1", b="2")
    assert store.bulk() == {"a": {"a": "1"}, "b": {"b": "2"}}


def test_file_store_flattens_nested_keys(make, tmp_path):
    path = tmp_path / "secrets.json"
    path.write_text(json.dumps({"db": {"user": "u", "pass": "p"}, "top": "t"}))
    store = make(FileSecretStore, secretsFile=str(path))
    assert store.get("db:pass") == {"db:pass": "p"}
    assert sorted(store.bulk()) == ["db:pass", "db:user", "top"]


def test_file_store_sees_edits(make, tmp_path):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"k": "1"}))
    store = make(FileSecretStore, secretsFile=str(path))
    path.write_text(json.dumps({"k": "2"}))
    assert store.get("k") == {"k": "2"}


def test_file_store_needs_a_readable_file(make, tmp_path):
    with pytest.raises(ComponentConfigError):
        make(FileSecretStore)
    with pytest.raises(ComponentConfigError):
        make(FileSecretStore, secretsFile=str(tmp_path / "missing.json"))


def test_env_store_with_prefix(make, monkeypatch):
    monkeypatch.setenv("L8TEST_TOKEN", "abc")
    store = make(EnvSecretStore, prefix="L8TEST_")
    assert store.get("TOKEN") == {"TOKEN": "abc"}


def test_mutant_secret_wrong_value(make, mutant):
    store = make(SecretStore, ctx_=mutant("secret-wrong-value"), a="1", b="2")
    assert store.get("a") != {"a": "1"}
