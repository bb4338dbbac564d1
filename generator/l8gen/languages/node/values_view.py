"""The TypeScript view of the value layer (``src/values.ts``: one-key state, JSON, lock guard, watch).

Pipeline place: ``node.target`` calls ``build(api, methods, props, roles)`` with the roles
``ir.values.resolve_roles`` resolved from ``[tool.l8gen.values]``; this module computes the names the
``values.ts.j2`` template prints: the client sub-client property and method behind each role, protobuf-es
property names of the role fields and parameter names of the address fields. None without roles.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from l8gen.errors import TemplateError
from l8gen.ir.model import Api, Method
from l8gen.ir.values import ValueRoles
from l8gen.languages.node.naming import TypeScriptNaming
from l8gen.languages.node.view import TsMethod
from l8gen.records import record

__all__ = ["TsCall", "TsValues", "build"]

_OWN = frozenset({"key", "keys", "value", "items", "options", "expire", "handler", "etag", "timeoutMs",
                  "request", "response", "data", "kind"})


@record
class TsCall:
    """One value-layer call in TypeScript: the sub-client method and the request fields."""

    target: str  # "store.putItem" (sub-client property . method)
    address: tuple[tuple[str, str], ...]  # (parameter, protobuf-es property)

    @property
    def params(self) -> str:
        return "".join(f"{p}: string, " for p, _ in self.address)

    @property
    def fields(self) -> str:
        return "".join(f"{f}: {p}, " if f != p else f"{f}, " for p, f in self.address)


@record
class TsValues:
    """The TypeScript value layer: its save/get/delete calls."""

    save: TsCall | None
    get: TsCall | None
    delete: TsCall | None
    bulk_get: TsCall | None
    publish: TsCall | None
    lock: TsCall | None
    unlock: TsCall | None
    watch: TsCall | None
    etag_message: bool
    f: Mapping[str, str]  # role -> protobuf-es property


def _prop(api: Api, message: str, name: str) -> str:
    return TypeScriptNaming.es_field(next(f for f in api.message(message).fields if f.name == name))


def _call(api: Api, methods: Mapping[str, TsMethod], props: Mapping[str, str], method: Method,
          address: Sequence[str]) -> TsCall:
    rpc = "/".join(method.full_name.rsplit(".", 1))
    if rpc not in methods or rpc not in props:
        raise TemplateError(f"node: value-layer RPC {method.full_name} is not a client method")
    params = []
    for name in address:
        prop = _prop(api, method.input_type, name)
        params.append((prop + "_" if prop in _OWN else prop, prop))
    return TsCall(f"{props[rpc]}.{methods[rpc].ts_name}", tuple(params))


def build(api: Api, methods: Mapping[str, TsMethod], props: Mapping[str, str], roles: ValueRoles
          ) -> TsValues | None:
    if not roles.any:
        return None
    f: dict[str, str] = {}
    save = get = delete = bulk = publish = lock = unlock = watch = None
    etag_message = False
    if (st := roles.state) is not None:
        save, get, delete = (_call(api, methods, props, m, st.address) for m in (st.save, st.get, st.delete))
        f.update(items=_prop(api, st.save.input_type, st.items), key=_prop(api, st.item, st.key),
                 value=_prop(api, st.item, st.value), etag=_prop(api, st.item, st.etag),
                 data=_prop(api, st.get.output_type, st.data),
                 get_etag=_prop(api, st.get.output_type, st.etag))
        if st.etag_message:
            etag_message = True
            f["etag_field"] = _prop(api, st.etag_message, st.etag_field)
        if st.bulk_get is not None:
            bulk = _call(api, methods, props, st.bulk_get, st.address)
            f.update(keys=_prop(api, st.bulk_get.input_type, st.keys),
                     bulk_items=_prop(api, st.bulk_get.output_type, st.bulk_items),
                     bulk_key=_prop(api, st.bulk_item, st.key), bulk_data=_prop(api, st.bulk_item, st.data),
                     bulk_etag=_prop(api, st.bulk_item, st.etag))
    if (pub := roles.publish) is not None:
        publish = _call(api, methods, props, pub.rpc, pub.address)
        f.update(publish_data=_prop(api, pub.rpc.input_type, pub.data),
                 content_type=_prop(api, pub.rpc.input_type, pub.content_type))
    if (lk := roles.lock) is not None:
        lock = _call(api, methods, props, lk.lock, lk.address)
        unlock = _call(api, methods, props, lk.unlock, lk.address)
        expire = next(x for x in api.message(lk.lock.input_type).fields if x.name == lk.expire)
        wide = expire.type.name in {"int64", "uint64", "sint64", "fixed64", "sfixed64"}
        f["expire_type"] = ("string" if expire.js_string else "bigint") if wide else "number"
        f.update(expire=_prop(api, lk.lock.input_type, lk.expire),
                 acquired=_prop(api, lk.lock.output_type, lk.acquired))
    if (w := roles.watch) is not None:
        watch = _call(api, methods, props, w.rpc, w.address)
        f["watch_keys"] = _prop(api, w.rpc.input_type, w.keys)
    return TsValues(save, get, delete, bulk, publish, lock, unlock, watch, etag_message, f)
