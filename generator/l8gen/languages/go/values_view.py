"""The Go view of the value layer (``values.go``: one-key state, JSON values/events, lock guard, watch).

Pipeline place: ``go.target`` calls ``build(api, view, roles)`` with the roles ``ir.values.resolve_roles``
resolved from ``[tool.l8gen.values]``; this module computes every Go name the ``values.go.j2`` template
prints (client methods, request types, struct fields, getters, parameter names, imports). None when the API
declares no roles.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from l8gen.errors import TemplateError
from l8gen.ir.model import Api, Method
from l8gen.ir.values import ValueRoles
from l8gen.languages.go.naming import GoNaming, go_camel_case, unexported
from l8gen.languages.go.view import GoImport, GoView
from l8gen.records import record

__all__ = ["GoCall", "GoValues", "build"]

# Parameter and local names of the helpers: an address field with one of them gets a trailing "_".
_OWN = frozenset({"ctx", "key", "keys", "value", "items", "opts", "expire", "handler", "r", "req", "err",
                  "data", "kind", "o", "v", "w", "stream", "unlock", "out", "item", "states"})
_GO_KEYWORDS = frozenset({"break", "case", "chan", "const", "continue", "default", "defer", "else",
                          "fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map",
                          "package", "range", "return", "select", "struct", "switch", "type", "var"})
_INT_TYPES = {"int32": "int32", "sint32": "int32", "sfixed32": "int32", "int64": "int64", "sint64": "int64",
              "sfixed64": "int64", "uint32": "uint32", "fixed32": "uint32", "uint64": "uint64",
              "fixed64": "uint64"}


@record
class GoCall:
    """One value-layer call in Go: the client method, its request type and fields."""

    method: str  # *Client method ("PutItem")
    req: str  # request Go type without pointer ("storev1.PutItemRequest")
    resp: str
    address: tuple[tuple[str, str], ...]  # (Go parameter, struct field) of the address fields

    @property
    def params(self) -> str:
        """``storeName string, `` (the address parameters, each followed by ", ")."""
        return "".join(f"{p} string, " for p, _ in self.address)

    @property
    def fields(self) -> str:
        """``StoreName: storeName, `` (the address fields of a composite literal)."""
        return "".join(f"{f}: {p}, " for p, f in self.address)


@record
class GoValues:
    """The Go value layer: its imports and its save/get/delete calls."""

    imports: tuple[GoImport, ...]
    save: GoCall | None
    get: GoCall | None
    delete: GoCall | None
    bulk_get: GoCall | None
    publish: GoCall | None
    lock: GoCall | None
    unlock: GoCall | None
    watch: GoCall | None
    item: str  # Go type of the state item
    etag_type: str  # Go type of the etag message ("" for a string etag)
    expire_type: str  # Go type of the lock's expire field
    f: Mapping[str, str]  # role -> Go struct field / getter suffix


def _type(api: Api, view: GoView, full_name: str) -> str:
    message = api.message(full_name)
    return f"{view.aliases[message.package]}.{go_camel_case('.'.join(message.local_path))}"


def _param(field: str) -> str:
    name = unexported(field)
    return name + "_" if name in _OWN or name in _GO_KEYWORDS else name


def _call(api: Api, view: GoView, method: Method, address: Sequence[str]) -> GoCall:
    go = view.method(method.full_name)
    if go is None:
        raise TemplateError(f"go: value-layer RPC {method.full_name} is not a client method")
    request = api.message(method.input_type)
    params = tuple((_param(f), GoNaming.go_field(request, f)) for f in address)
    return GoCall(go.name, go.req, go.resp, params)


def build(api: Api, view: GoView, roles: ValueRoles) -> GoValues | None:
    if not roles.any:
        return None
    fields: dict[str, str] = {}
    aliases: set[str] = set()
    save = get = delete = bulk = publish = lock = unlock = watch = None
    item = etag_type = expire_type = ""
    field = GoNaming.go_field
    if (st := roles.state) is not None:
        save, get, delete = (_call(api, view, m, st.address) for m in (st.save, st.get, st.delete))
        item_msg = api.message(st.item)
        item = _type(api, view, st.item)
        fields.update(items=field(api.message(st.save.input_type), st.items), key=field(item_msg, st.key),
                      value=field(item_msg, st.value), etag=field(item_msg, st.etag),
                      get_data=field(api.message(st.get.output_type), st.data),
                      get_etag=field(api.message(st.get.output_type), st.etag),
                      delete_key=field(api.message(st.delete.input_type), st.key),
                      delete_etag=field(api.message(st.delete.input_type), st.etag),
                      get_key=field(api.message(st.get.input_type), st.key))
        if st.etag_message:
            etag_type = _type(api, view, st.etag_message)
            fields["etag_field"] = field(api.message(st.etag_message), st.etag_field)
        if st.bulk_get is not None:
            bulk = _call(api, view, st.bulk_get, st.address)
            bulk_item = api.message(st.bulk_item)
            fields.update(keys=field(api.message(st.bulk_get.input_type), st.keys),
                          bulk_items=field(api.message(st.bulk_get.output_type), st.bulk_items),
                          bulk_key=field(bulk_item, st.key), bulk_data=field(bulk_item, st.data),
                          bulk_etag=field(bulk_item, st.etag))
    if (pub := roles.publish) is not None:
        publish = _call(api, view, pub.rpc, pub.address)
        request = api.message(pub.rpc.input_type)
        fields.update(publish_data=field(request, pub.data), content_type=field(request, pub.content_type))
    if (lk := roles.lock) is not None:
        lock, unlock = _call(api, view, lk.lock, lk.address), _call(api, view, lk.unlock, lk.address)
        request = api.message(lk.lock.input_type)
        fields.update(expire=field(request, lk.expire),
                      acquired=field(api.message(lk.lock.output_type), lk.acquired))
        expire_type = _INT_TYPES[next(f for f in request.fields if f.name == lk.expire).type.name]
    if (w := roles.watch) is not None:
        watch = _call(api, view, w.rpc, w.address)
        fields["watch_keys"] = field(api.message(w.rpc.input_type), w.keys)
    for call in (save, get, delete, bulk, publish, lock, unlock, watch):
        if call is not None:
            aliases.add(call.req.split(".", 1)[0])
    if watch is not None:
        aliases.add(watch.resp.split(".", 1)[0])
    for ref in (item, etag_type):
        if ref:
            aliases.add(ref.split(".", 1)[0])
    imports = tuple(i for i in view.imports if i.alias in aliases)
    return GoValues(imports, save, get, delete, bulk, publish, lock, unlock, watch, item, etag_type,
                    expire_type, fields)
