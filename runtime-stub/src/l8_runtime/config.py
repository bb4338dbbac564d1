"""Runtime configuration: Layotto-like component maps from JSON/YAML files, CLI overrides and the defaults.

Place in the runtime: first step of start-up. ``load_config`` turns a file (or nothing: embedded mode) plus
``--set`` overrides into a :class:`RuntimeConfig`, validated against the known APIs; the registry then
builds one component per entry. The file format is Layotto's ``grpc_config`` object::

    {"app": {"app_id": "my-app", "grpc_callback_host": "127.0.0.1", "grpc_callback_port": 9999},
     "state": {"state_demo": {"type": "in-memory", "metadata": {}}}, ...}

A whole MOSN/Layotto config file (``servers[].listeners[]...config.grpc_config``) is accepted too, with
Layotto's component types (redis, etcd, zookeeper, ...) mapped to local equivalents by layotto_types.py
(one warning per mapped component, kept in ``RuntimeConfig.warnings``) and its array-style metadata
(``[{"name": k, "value": v}, ...]``). A relative ``secretsFile`` that does not exist relative to the
working directory (Layotto's rule) is looked up next to the config file.
Metadata values are strings, as in Layotto; scalars from YAML are converted, nested values JSON-encoded.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any, NamedTuple

from .layotto_types import UnmappableComponent, map_component

# API keys of Layotto's grpc_config that the runtime serves, with a label used in error messages.
API_LABELS: dict[str, str] = {
    "hellos": "hello component",
    "config_store": "configuration store",
    "rpcs": "rpc component",
    "pub_subs": "pubsub",
    "state": "state store",
    "file": "file store",
    "oss": "object storage",
    "lock": "lock store",
    "sequencer": "sequencer store",
    "bindings": "binding",
    "secret_store": "secret store",
    "cryption": "cryption component",
    "email": "email component",
    "phone": "phone call component",
    "sms": "sms component",
}
IGNORED_KEYS = ("custom_component", "extends", "pluggable", "tracing", "metric")

SECRET_DEMO = {"db-password": "s3cr3t", "api-key": "k-123"}


class ConfigError(ValueError):
    """A configuration mistake; the CLI prints it and exits with status 2."""


class ComponentSpec(NamedTuple):
    """One configured component: its runtime type and metadata. (Here a NamedTuple and plain classes, not
    dataclasses: creating a dataclass costs ~0.5 ms of the runtime's start-up, bench/notes.py.)"""

    type: str
    metadata: dict[str, str]


class AppSpec:
    """The `app` section: the app id and where the app's callback server listens."""

    def __init__(self, app_id: str = "l8-app", grpc_callback_host: str = "127.0.0.1",
                 grpc_callback_port: int = 0) -> None:
        self.app_id, self.grpc_callback_host, self.grpc_callback_port = (
            app_id, grpc_callback_host, grpc_callback_port
        )

    @property
    def callback_address(self) -> str | None:
        return f"{self.grpc_callback_host}:{self.grpc_callback_port}" if self.grpc_callback_port else None


class RuntimeConfig:
    """The effective configuration: the app, the components of each API, mapping warnings."""

    def __init__(self) -> None:
        self.app = AppSpec()
        self.apis: dict[str, dict[str, ComponentSpec]] = {}
        self.warnings: list[str] = []  # one per component mapped from a Layotto type
        # the components are the embedded defaults, untouched by the user (no file, no component override):
        # the server builds them on first use (components/registry.py)
        self.builtin_components = False

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"app": dict(self.app.__dict__)}
        for api in sorted(self.apis):
            out[api] = {
                n: {"type": s.type, "metadata": dict(s.metadata)} for n, s in sorted(self.apis[api].items())
            }
        return out


def default_config(data_dir: bool = False) -> dict[str, Any]:
    """Embedded mode: in-memory components for every API with the names of CONTRACTS §6."""

    def c(type_: str, **metadata: str) -> dict[str, Any]:
        return {"type": type_, "metadata": dict(metadata)}

    cfg: dict[str, Any] = {
        "app": {"app_id": "l8-app"},
        "hellos": {"helloworld": c("helloworld", hello="greetings")},
        "config_store": {"config_demo": c("in-memory")},
        "rpcs": {"echo": c("echo")},
        "pub_subs": {"pub_subs_demo": c("in-memory")},
        "state": {"state_demo": c("in-memory")},
        "file": {"file_demo": c("local")},
        "oss": {"oss_demo": c("local")},
        "lock": {"lock_demo": c("in-memory")},
        "sequencer": {"sequencer_demo": c("in-memory")},
        "bindings": {"echo": c("echo"), "recorder": c("recorder")},
        "secret_store": {"secret_demo": c("in-memory", **SECRET_DEMO)},
        "cryption": {"cryption_demo": c("local.aesgcm")},
        "email": {"email_demo": c("recorder")},
        "phone": {"phone_demo": c("recorder")},
        "sms": {"sms_demo": c("recorder")},
    }
    if data_dir:
        cfg["state"]["state_sqlite"] = c("sqlite")
    return cfg


def read_config_file(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config file: {exc.strerror}") from None
    import yaml  # here, not at module level: an embedded-mode start (no --config) never loads it

    try:
        if path.suffix.lower() == ".json":
            raw = json.loads(text)
        else:
            raw = yaml.safe_load(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{path}:{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark is not None else str(path)
        raise ConfigError(f"{where}: invalid YAML: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: the top level must be an object")
    found = _find_grpc_config(raw)
    return found if found is not None else raw


def _find_grpc_config(node: Any) -> dict[str, Any] | None:
    """Dig a Layotto/MOSN file for ``config.grpc_config`` (the runtime part)."""
    if isinstance(node, dict):
        found = node.get("grpc_config")
        if isinstance(found, dict):
            return found
        children = list(node.values())
    elif isinstance(node, list):
        children = node
    else:
        return None
    for child in children:
        found = _find_grpc_config(child)
        if found is not None:
            return found
    return None


def apply_override(raw: dict[str, Any], assignment: str) -> None:
    """Apply one ``--set PATH=VALUE``: ``app.app_id=x``, ``state.s1.type=sqlite``,
    ``state.s1.metadata.KEY=V``; ``state.s1=`` (empty) removes a component."""
    path, sep, value = assignment.partition("=")
    parts = path.strip().split(".")
    if not sep or not path.strip():
        raise ConfigError(f"--set {assignment!r}: expected PATH=VALUE")
    head = parts[0]
    if head == "app" and len(parts) == 2:
        raw.setdefault("app", {})[parts[1]] = value
        return
    if head not in API_LABELS:
        raise ConfigError(
            f"--set {assignment!r}: unknown API {head!r}; known: app, {', '.join(sorted(API_LABELS))}"
        )
    if len(parts) == 2 and value == "":
        (raw.get(head) or {}).pop(parts[1], None)
        return
    if len(parts) == 3 and parts[2] == "type":
        raw.setdefault(head, {}).setdefault(parts[1], {})["type"] = value
        return
    if len(parts) >= 4 and parts[2] == "metadata":
        comp = raw.setdefault(head, {}).setdefault(parts[1], {})
        comp.setdefault("metadata", {})[".".join(parts[3:])] = value
        return
    raise ConfigError(f"--set {assignment!r}: expected API.NAME.type=T, API.NAME.metadata.KEY=V or API.NAME=")


def _as_metadata(where: str, value: Any) -> dict[str, str]:
    if value is None:
        return {}
    if isinstance(value, list):  # Layotto's array style: [{"name": "redisHost", "value": "..."}, ...]
        pairs: dict[str, Any] = {}
        for i, entry in enumerate(value):
            if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"]:
                raise ConfigError(f'{where}.metadata[{i}]: expected {{"name": ..., "value": ...}}')
            pairs[entry["name"]] = entry.get("value")
        value = pairs
    if not isinstance(value, dict):
        raise ConfigError(f"{where}.metadata: expected an object or a list of name/value pairs")
    out: dict[str, str] = {}
    for k, v in value.items():
        if isinstance(v, str):
            out[str(k)] = v
        elif isinstance(v, bool):
            out[str(k)] = "true" if v else "false"
        elif isinstance(v, int | float):
            out[str(k)] = str(v)
        elif v is None:
            out[str(k)] = ""
        else:
            out[str(k)] = json.dumps(v, sort_keys=True)
    return out


def parse_config(raw: dict[str, Any], source: str = "<config>") -> RuntimeConfig:
    cfg = RuntimeConfig()
    app = raw.get("app") or {}
    if not isinstance(app, dict):
        raise ConfigError(f"{source}: app: expected an object")
    cfg.app.app_id = str(app.get("app_id", cfg.app.app_id))
    cfg.app.grpc_callback_host = str(app.get("grpc_callback_host") or "127.0.0.1")
    try:
        cfg.app.grpc_callback_port = int(app.get("grpc_callback_port") or 0)
    except (TypeError, ValueError):
        raise ConfigError(f"{source}: app.grpc_callback_port: expected an integer") from None
    for key, value in raw.items():
        if key == "app" or key in IGNORED_KEYS:
            continue
        if key not in API_LABELS:
            known = ", ".join(["app", *sorted(API_LABELS)])
            raise ConfigError(f"{source}: unknown key {key!r}; known: {known}")
        if value is None:
            continue
        if not isinstance(value, dict):
            raise ConfigError(f"{source}: {key}: expected an object of named components")
        comps: dict[str, ComponentSpec] = {}
        for name, spec in value.items():
            where = f"{source}: {key}.{name}"
            if not isinstance(spec, dict):
                raise ConfigError(f"{where}: expected an object with `type` and `metadata`")
            type_ = spec.get("type")
            if not isinstance(type_, str) or not type_:
                raise ConfigError(f"{where}: `type` is required")
            # Layotto also allows metadata entries next to `type` (e.g. helloworld's "hello").
            extra = {k: v for k, v in spec.items() if k not in ("type", "metadata")}
            metadata = _as_metadata(where, extra) | _as_metadata(where, spec.get("metadata"))
            try:
                type_, metadata, warning = map_component(key, str(name), type_, metadata)
            except UnmappableComponent as exc:
                raise ConfigError(f"{source}: {exc}") from None
            if warning is not None:
                cfg.warnings.append(f"{source}: {warning}")
            comps[str(name)] = ComponentSpec(type_, metadata)
        cfg.apis[key] = comps
    return cfg


def load_config(
    path: Path | None, overrides: list[str] | None = None, *, data_dir: bool = False
) -> RuntimeConfig:
    raw = read_config_file(path) if path is not None else default_config(data_dir)
    raw = copy.deepcopy(raw)
    for assignment in overrides or []:
        apply_override(raw, assignment)
    cfg = parse_config(raw, str(path) if path is not None else "<embedded>")
    if path is not None:
        _secrets_next_to(cfg, path.parent)
    cfg.builtin_components = path is None and all(o.startswith("app.") for o in overrides or [])
    return cfg


def _secrets_next_to(cfg: RuntimeConfig, config_dir: Path) -> None:
    for name, spec in cfg.apis.get("secret_store", {}).items():
        file = spec.metadata.get("secretsFile", "")
        if spec.type == "local.file" and file and not Path(file).is_absolute() and not Path(file).exists():
            beside = config_dir / file
            if beside.exists():
                cfg.apis["secret_store"][name] = ComponentSpec(
                    spec.type, spec.metadata | {"secretsFile": str(beside)}
                )
