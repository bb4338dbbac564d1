"""The value layer's roles: which RPCs and fields of an API play "save one key", "lock", "watch", ...

Pipeline place: ``[tool.l8gen.values]`` (root pyproject.toml, CONTRACTS §7) is read by ``config`` into
``GenOptions.values`` (plain tables); every language view calls ``resolve_roles(api, opts.values)`` once to
turn them into ``ValueRoles``: the named RPCs and fields are looked up in the IR and their types checked,
so a wrong table fails generation with a clear ``ConfigError`` instead of producing broken SDKs. Nothing
here knows an API: the tables name the RPCs and fields (this repository's: the root pyproject.toml).

Roles (all optional, each table independent):

- ``state``: ``save`` (request: ``address`` fields + repeated ``items`` of item messages with ``key``,
  ``value`` bytes and ``etag``), ``get`` (request: ``address`` + ``key``; response: ``data`` bytes +
  ``etag`` string), ``delete`` (request: ``address`` + ``key`` + ``etag``), optional ``bulk_get``
  (request: ``address`` + repeated string ``keys``; response: repeated ``bulk_items`` with ``key``,
  ``data``, ``etag``). An ``etag`` is a string or a message with exactly one string field.
- ``publish``: ``rpc`` (request: ``address`` + ``data`` bytes + ``content_type`` string).
- ``lock``: ``lock`` / ``unlock`` (both requests: ``address``; lock request: int ``expire``; lock
  response: bool ``acquired``).
- ``watch``: ``rpc``, a bidirectional stream whose request has ``address`` + repeated string ``keys``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from l8gen.errors import ConfigError
from l8gen.ir.model import Api, Field, Message, Method
from l8gen.records import record

__all__ = ["LockRoles", "PublishRoles", "StateRoles", "ValueRoles", "WatchRoles", "resolve_roles"]

_INTS = {"int32", "int64", "uint32", "uint64", "sint32", "sint64", "fixed32", "fixed64", "sfixed32",
         "sfixed64"}


@record
class StateRoles:
    """The RPCs that save items and get and delete one key (a bulk get too, if any), with their fields."""

    save: Method
    get: Method
    delete: Method
    bulk_get: Method | None
    address: tuple[str, ...]  # request fields naming the store (first parameters of every helper)
    items: str  # repeated item field of the save request
    item: str  # full name of the item message
    key: str
    value: str
    etag: str
    etag_message: str  # full name of the etag message ("" when the etag is a plain string)
    etag_field: str  # the etag message's string field ("" when the etag is a plain string)
    data: str
    keys: str  # "" without bulk_get
    bulk_items: str  # "" without bulk_get
    bulk_item: str  # full name of the bulk item message ("" without bulk_get)


@record
class PublishRoles:
    """The RPC that publishes one event, with its fields by role."""

    rpc: Method
    address: tuple[str, ...]
    data: str
    content_type: str


@record
class LockRoles:
    """The RPCs that take and release a lock, with their fields by role."""

    lock: Method
    unlock: Method
    address: tuple[str, ...]
    expire: str
    acquired: str


@record
class WatchRoles:
    """The RPC that watches configuration keys, with its fields by role."""

    rpc: Method
    address: tuple[str, ...]
    keys: str


@record
class ValueRoles:
    """Every role group ``[tool.l8gen.values]`` names, resolved against the API (None: not configured)."""

    state: StateRoles | None = None
    publish: PublishRoles | None = None
    lock: LockRoles | None = None
    watch: WatchRoles | None = None

    @property
    def any(self) -> bool:
        return any((self.state, self.publish, self.lock, self.watch))


class _Absent(Exception):
    """A role names a service the API does not have: the table is for another API; the role is skipped."""


class _Table:
    """One ``[tool.l8gen.values.<role>]`` table with typed look-ups into the API."""

    def __init__(self, api: Api, role: str, table: Mapping[str, Any]) -> None:
        self.api, self.role, self.table = api, role, table

    def fail(self, text: str) -> ConfigError:
        return ConfigError(f"[tool.l8gen.values.{self.role}] {text}")

    def text(self, key: str, default: str | None = None) -> str:
        value = self.table.get(key, default)
        if not isinstance(value, str) or not value:
            raise self.fail(f"{key} must be a non-empty string")
        return value

    def names(self, key: str) -> tuple[str, ...]:
        value = self.table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.fail(f"{key} must be a list of field names")
        return tuple(value)

    def method(self, key: str) -> Method:
        full = self.text(key)
        service, _, name = full.rpartition(".")
        try:
            methods = self.api.service(service).methods
        except KeyError:
            raise _Absent(service) from None
        found = next((m for m in methods if m.name == name), None)
        if found is None:
            raise self.fail(f"{key} = {full!r}: no such RPC in the API (want <service full name>.<RPC>)")
        return found

    def field(self, message: str, name: str, kind: str, repeated: bool = False) -> Field:
        msg: Message = self.api.message(message)
        found = next((f for f in msg.fields if f.name == name), None)
        if found is None:
            raise self.fail(f"{msg.full_name} has no field {name!r}")
        ok = {"string": found.type.name == "string", "bytes": found.type.name == "bytes",
              "bool": found.type.name == "bool", "int": found.type.name in _INTS,
              "message": found.type.kind == "message" and not found.is_map}.get(kind, False)
        if not ok or found.repeated != repeated or (repeated and found.is_map):
            want = f"{'repeated ' if repeated else ''}{kind}"
            raise self.fail(f"{msg.full_name}.{name} must be a {want} field")
        return found

    def address(self, *messages: str) -> tuple[str, ...]:
        names = self.names("address")
        for message in messages:
            for name in names:
                self.field(message, name, "string")
        return names


def _etag(t: _Table, message: str, name: str) -> tuple[str, str]:
    """(etag message, its string field) or ("", "") for a string etag field."""
    field = next((f for f in t.api.message(message).fields if f.name == name), None)
    if field is not None and field.type.kind == "message" and not field.repeated:
        strings = [f for f in t.api.message(field.type.name).fields if f.type.name == "string"]
        if len(t.api.message(field.type.name).fields) != 1 or len(strings) != 1:
            raise t.fail(f"{message}.{name}: an etag message must have exactly one string field")
        return field.type.name, strings[0].name
    t.field(message, name, "string")
    return "", ""


def _state(t: _Table) -> StateRoles:
    save, get, delete = t.method("save"), t.method("get"), t.method("delete")
    key, value, etag, data = t.text("key"), t.text("value"), t.text("etag"), t.text("data")
    address = t.address(save.input_type, get.input_type, delete.input_type)
    items = t.text("items")
    item = t.field(save.input_type, items, "message", repeated=True).type.name
    t.field(item, key, "string")
    t.field(item, value, "bytes")
    etag_message, etag_field = _etag(t, item, etag)
    if _etag(t, delete.input_type, etag) != (etag_message, etag_field):
        raise t.fail(f"{delete.input_type}.{etag} must have the type of {item}.{etag}")
    for message in (get.input_type, delete.input_type):
        t.field(message, key, "string")
    t.field(get.output_type, data, "bytes")
    t.field(get.output_type, etag, "string")
    bulk, keys, bulk_items, bulk_item = None, "", "", ""
    if "bulk_get" in t.table:
        bulk = t.method("bulk_get")
        t.address(bulk.input_type)
        keys, bulk_items = t.text("keys"), t.text("bulk_items")
        t.field(bulk.input_type, keys, "string", repeated=True)
        bulk_item = t.field(bulk.output_type, bulk_items, "message", repeated=True).type.name
        t.field(bulk_item, key, "string")
        t.field(bulk_item, data, "bytes")
        t.field(bulk_item, etag, "string")
    for m in (save, get, delete, *([bulk] if bulk else [])):
        if m.shape != "unary":
            raise t.fail(f"{m.full_name} must be a unary RPC")
    return StateRoles(save, get, delete, bulk, address, items, item, key, value, etag, etag_message,
                      etag_field, data, keys, bulk_items, bulk_item)


def _publish(t: _Table) -> PublishRoles:
    rpc = t.method("rpc")
    data, content_type = t.text("data"), t.text("content_type")
    t.field(rpc.input_type, data, "bytes")
    t.field(rpc.input_type, content_type, "string")
    return PublishRoles(rpc, t.address(rpc.input_type), data, content_type)


def _lock(t: _Table) -> LockRoles:
    lock, unlock = t.method("lock"), t.method("unlock")
    expire, acquired = t.text("expire"), t.text("acquired")
    t.field(lock.input_type, expire, "int")
    t.field(lock.output_type, acquired, "bool")
    return LockRoles(lock, unlock, t.address(lock.input_type, unlock.input_type), expire, acquired)


def _watch(t: _Table) -> WatchRoles:
    rpc = t.method("rpc")
    if rpc.shape != "bidi":
        raise t.fail(f"{rpc.full_name} must be a bidirectional stream")
    keys = t.text("keys")
    t.field(rpc.input_type, keys, "string", repeated=True)
    return WatchRoles(rpc, t.address(rpc.input_type), keys)


_ROLES = {"state": _state, "publish": _publish, "lock": _lock, "watch": _watch}


def resolve_roles(api: Api, tables: Mapping[str, Mapping[str, Any]]) -> ValueRoles:
    """Validate ``[tool.l8gen.values]`` against ``api``. A role whose RPCs belong to a service the API does
    not have is skipped (the table describes another API, e.g. the repository's own table while generating
    test fragments); a missing RPC of a present service, or a wrong field, is a ``ConfigError``."""
    unknown = sorted(set(tables) - set(_ROLES))
    if unknown:
        raise ConfigError(f"[tool.l8gen.values]: unknown roles {unknown} (known: {sorted(_ROLES)})")
    resolved: dict[str, Any] = {}
    for role, build in _ROLES.items():
        if role in tables:
            table = tables[role]
            if not isinstance(table, Mapping):
                raise ConfigError(f"[tool.l8gen.values.{role}] must be a table")
            try:
                resolved[role] = build(_Table(api, role, table))
            except _Absent:
                continue
    return ValueRoles(**resolved)
