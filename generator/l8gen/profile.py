"""The API profile: what is specific to one API, as data (``[tool.l8gen.api]``; CONTRACTS §7).

Pipeline place: ``config`` parses the table into an ``ApiProfile`` (held by ``GenOptions.api``); the IR
builder resolves it against the API's shape into ``ir.model.Features`` (``ir.features``), which every
language view reads. Nothing in the generator names an RPC, a service, a port or an environment variable of
a particular API: this repo's values live in its root pyproject.toml, another API configures its own or
gets the generic defaults below.

Keys (all optional)::

    [tool.l8gen.api]
    name = "Acme"                         # the server the SDK talks to, in prose ("<name>'s variables")
    title = "the Acme store API"          # what the SDK is for (descriptions, READMEs, doc comments)
    url = "https://acme.example"          # link for ``name`` in READMEs
    homepage = "https://github.com/acme/sdk"  # package metadata homepage, repository, issues (none if empty)
    keywords = ["..."]                    # package metadata keywords
    default_port = 7000                   # port of the default endpoint 127.0.0.1:<port>
    [tool.l8gen.api.env]                  # endpoint environment variables
    endpoint = "ACME_ENDPOINT"  token = "ACME_TOKEN"  host = "ACME_HOST"  port = "ACME_PORT"
    [tool.l8gen.api.features]             # RPCs (full names "pkg.Service.Method") by role
    topic_subscription = "..."            # bidi stream: subscribe request, events acknowledged one by one
    config_watch = "..."                  # server/bidi stream watching configuration keys
    example = "..."                       # unary RPC the SDK tests, hello programs and consumers call
    upload_example = "..."                # upload RPC the compat driver's upload_file op streams into
    callback_listing = "..."              # app service RPC: which topics the app subscribes to
    callback_event = "..."                # app service RPC: one pushed event, answered with an ack status

Generic defaults: ``name`` = the proto package of the first client service, ``title`` = "the <name> API",
no url/homepage, keywords ``["grpc", "sdk"]``, port 50051, environment variables ``<PREFIX>_GRPC_ENDPOINT``,
``<PREFIX>_API_TOKEN``, ``<PREFIX>_GRPC_HOST``, ``<PREFIX>_GRPC_PORT`` with PREFIX = the upper-cased SDK name
(``[tool.l8gen.python] package``), no features.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from l8gen.errors import ConfigError
from l8gen.records import record

GENERIC_PORT = 50051
FEATURE_ROLES = (
    "topic_subscription", "config_watch", "example", "upload_example", "callback_listing", "callback_event"
)
_ENV_KEYS = ("endpoint", "token", "host", "port")
_TOP_KEYS = ("name", "title", "url", "homepage", "keywords", "default_port", "env", "features")
_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@record
class EnvNames:
    """Environment variables the SDKs read for the endpoint (empty: derived from the SDK name)."""

    endpoint: str = ""
    token: str = ""
    host: str = ""
    port: str = ""

    def resolved(self, sdk_name: str) -> EnvNames:
        prefix = re.sub(r"[^A-Za-z0-9]+", "_", sdk_name).strip("_").upper() or "SDK"
        return EnvNames(
            self.endpoint or f"{prefix}_GRPC_ENDPOINT",
            self.token or f"{prefix}_API_TOKEN",
            self.host or f"{prefix}_GRPC_HOST",
            self.port or f"{prefix}_GRPC_PORT",
        )


@record
class ApiProfile:
    """``[tool.l8gen.api]`` as parsed (defaults unresolved: empty strings mean "generic default")."""

    name: str = ""
    title: str = ""
    url: str = ""
    homepage: str = ""
    keywords: tuple[str, ...] | None = None
    default_port: int = GENERIC_PORT
    env: EnvNames = EnvNames()
    features: tuple[tuple[str, str], ...] = ()  # (role, RPC full name), sorted by role
    source: str = "[tool.l8gen.api.features]"  # where the features were read (for error messages)

    def feature(self, role: str) -> str:
        return dict(self.features).get(role, "")


def _string(table: Mapping[str, Any], key: str, where: str) -> str:
    value = table.get(key, "")
    if not isinstance(value, str):
        raise ConfigError(f"{where}: {key} must be a string")
    return value


def _unknown(table: Mapping[str, Any], known: tuple[str, ...], where: str) -> None:
    extra = sorted(set(table) - set(known))
    if extra:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(extra)} (known: {', '.join(known)})")


def _table(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where} must be a table")
    return value


def profile_from_table(value: Any, where: str) -> ApiProfile:
    """Parse ``[tool.l8gen.api]`` (``where`` names the file in error messages)."""
    at = f"{where}: [tool.l8gen.api]"
    table = _table(value, at)
    _unknown(table, _TOP_KEYS, at)
    keywords = table.get("keywords")
    listed = isinstance(keywords, list) and all(isinstance(k, str) for k in keywords)
    if keywords is not None and not listed:
        raise ConfigError(f"{at}: keywords must be a list of strings")
    port = table.get("default_port", GENERIC_PORT)
    if not isinstance(port, int) or isinstance(port, bool) or not 1 <= port <= 65535:
        raise ConfigError(f"{at}: default_port must be a number from 1 to 65535, not {port!r}")
    env_at = f"{where}: [tool.l8gen.api.env]"
    env = _table(table.get("env", {}), env_at)
    _unknown(env, _ENV_KEYS, env_at)
    names = {key: _string(env, key, env_at) for key in _ENV_KEYS}
    for key, name in names.items():
        if name and not _ENV_NAME.match(name):
            raise ConfigError(f"{env_at}: {key} = {name!r} is not an environment variable name")
    feat_at = f"{where}: [tool.l8gen.api.features]"
    features = _table(table.get("features", {}), feat_at)
    _unknown(features, FEATURE_ROLES, feat_at)
    roles = tuple(sorted((role, _string(features, role, feat_at)) for role in features))
    return ApiProfile(
        name=_string(table, "name", at),
        title=_string(table, "title", at),
        url=_string(table, "url", at),
        homepage=_string(table, "homepage", at),
        keywords=None if keywords is None else tuple(keywords),
        default_port=port,
        env=EnvNames(**names),
        features=tuple((role, rpc) for role, rpc in roles if rpc),
        source=feat_at.rstrip(":"),
    )
