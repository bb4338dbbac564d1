"""Acceptance of issue #15 (generic texts): SDKs generated for another API (fixtures/other_api) carry none of
this repo's API names, texts, default port or environment variables - with no profile they get the generic
defaults, and with a profile they get its values."""

from __future__ import annotations

import functools
import json
import tomllib
from typing import Any

import pytest
from l8gen import pipeline
from l8gen.descriptors import compile_protos
from l8gen.errors import ConfigError
from l8gen.profile import profile_from_table
from l8gen.targets.base import GenOptions

from tests.api_profile.names import NameMatcher, api_names
from tests.conftest import PROTO_ROOT, REPO

OTHER = REPO / "generator" / "tests" / "fixtures" / "other_api"
TARGETS = ("python", "node", "go", "cpp")
PACKAGES = {"python": {"package": "pingsdk"}, "node": {"package": "@acme/ping"},
            "go": {"module": "example.com/ping"}, "cpp": {"namespace": "ping"}}


def _this_repo_literals() -> list[str]:
    """Layotto's name, port and environment variable names, read from this repo's [tool.l8gen.api]."""
    api = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["l8gen"]["api"]
    return [api["name"], str(api["default_port"]), *api["env"].values(), *api["keywords"][:1]]


def generated(profile: dict[str, Any] | None = None) -> dict[str, dict[str, str]]:
    """The four SDKs of the other API with ``profile`` as its [tool.l8gen.api] (generated once each)."""
    return _generated(json.dumps(profile or {}, sort_keys=True))


@functools.cache
def _generated(profile: str) -> dict[str, dict[str, str]]:
    compiled = compile_protos(OTHER)
    opts = GenOptions(languages=PACKAGES, api=profile_from_table(json.loads(profile), "test"))
    return pipeline.generate(compiled.fds, list(compiled.files), opts, TARGETS)


def test_no_text_of_this_repos_api_in_another_apis_sdks() -> None:
    matcher = NameMatcher(api_names(PROTO_ROOT), _this_repo_literals())
    out = generated()
    assert sorted(out) == sorted(TARGETS) and all(out.values())
    leaks = {f"{lang}/{path}": sorted(set(found))
             for lang, files in out.items() for path, text in files.items() if (found := matcher.find(text))}
    assert leaks == {}


def test_generic_defaults_come_from_the_sdk_name_and_the_proto_package() -> None:
    connection = generated()["python"]["src/pingsdk/connection.py"]
    assert "DEFAULT_PORT = 50051" in connection
    assert 'ENDPOINT_ENV = "PINGSDK_GRPC_ENDPOINT"' in connection
    assert 'TOKEN_ENV = "PINGSDK_API_TOKEN"' in connection
    assert '"description": "Node/TypeScript SDK for the ping.v1 API' in generated()["node"]["package.json"]


def test_a_profile_sets_texts_port_and_variables() -> None:
    profile = {"name": "Acme", "title": "the Acme ping API", "default_port": 7001,
               "keywords": ["acme", "ping"], "env": {"endpoint": "ACME_ADDR", "host": "ACME_HOST"}}
    out = generated(profile)
    connection = out["python"]["src/pingsdk/connection.py"]
    assert "DEFAULT_PORT = 7001" in connection and 'ENDPOINT_ENV = "ACME_ADDR"' in connection
    assert 'HOST_ENV = "ACME_HOST"' in connection and 'PORT_ENV = "PINGSDK_GRPC_PORT"' in connection
    assert 'keywords = ["acme", "ping"]' in out["python"]["pyproject.toml"]
    assert "the Acme ping API" in out["go"]["README.md"] and "DefaultPort = 7001" in out["go"]["endpoint.go"]
    assert '"7001"' in out["cpp"]["src/options.cc"] and "ACME_ADDR" in out["node"]["src/runtime/endpoint.ts"]


@pytest.mark.parametrize(("features", "message"), [
    ({"example": "ping.v1.Pinger.Nope"}, "example = 'ping.v1.Pinger.Nope': no such RPC"),
    ({"example": "ping.v1.Pinger.Pings"}, "is a server_stream RPC; the role needs unary"),
    ({"upload_example": "ping.v1.Pinger.Echo"}, "is a bidi RPC"),
    ({"callback_event": "ping.v1.Pinger.Ping"}, "no such RPC in the API's app services"),
])
def test_feature_rpcs_are_checked_against_the_api(features: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        generated({"features": features})
