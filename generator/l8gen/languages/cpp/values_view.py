"""The C++ view of the value layer (``values.h``/``values.cc``: state, payloads, ScopedLock, ConfigWatch).

Pipeline place: ``cpp.target`` calls ``build(api, view, roles)`` with the roles ``ir.values.resolve_roles``
resolved from ``[tool.l8gen.values]``; this module computes every C++ name the ``values.h.j2`` and
``values.cc.j2`` templates print: the service client behind each role (its class and the ``Values`` member
holding a copy), protoc's request/response types and field accessors, and the parameter names of the
address fields. None when the API declares no roles.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from l8gen.errors import TemplateError
from l8gen.ir.model import Api, Method
from l8gen.ir.values import ValueRoles
from l8gen.languages.cpp.naming import CppNaming
from l8gen.languages.cpp.view import CPP_SCALARS, CppService, CppView
from l8gen.records import record

__all__ = ["CppCall", "CppValues", "build"]

# Parameter and local names of the helpers: an address field with one of them gets a trailing "_".
_OWN = frozenset({"key", "keys", "value", "items", "options", "call", "expire", "handler", "etag", "request",
                  "response", "data", "item", "out", "ready_timeout", "state", "self"})


@record
class CppCall:
    """One value-layer call in C++: the service client, its member and the request fields."""

    cls: str  # the service client class ("StoreClient")
    member: str  # the Values member holding the service client ("store_")
    accessor: str  # the Client accessor of that service ("store")
    method: str  # client method ("GetItem")
    request: str  # protoc's request type
    response: str  # protoc's response type
    address: tuple[tuple[str, str], ...]  # (C++ parameter, protoc accessor) of the address fields

    @property
    def params(self) -> str:
        """``const std::string& store_name, `` (the address parameters, each followed by ", ")."""
        return "".join(f"const std::string& {p}, " for p, _ in self.address)

    @property
    def args(self) -> str:
        """``store_name, `` (the address parameters as arguments, each followed by ", ")."""
        return "".join(f"{p}, " for p, _ in self.address)

    @property
    def sets(self) -> tuple[str, ...]:
        """``set_store_name(store_name)`` (setters of the address fields, without the object)."""
        return tuple(f"set_{a}({p})" for p, a in self.address)


@record
class CppValues:
    """The C++ value layer: the service clients it holds and its save/get/delete calls."""

    services: tuple[tuple[str, str, str], ...]  # (client class, Values member, Client accessor)
    save: CppCall | None
    get: CppCall | None
    delete: CppCall | None
    bulk_get: CppCall | None
    publish: CppCall | None
    lock: CppCall | None
    unlock: CppCall | None
    watch: CppCall | None
    item: str  # protoc type of the state item
    etag_message: bool  # the etag is a message with one string field (else a string field)
    expire_type: str  # C++ type of the lock's expire field
    f: Mapping[str, str]  # role -> protoc accessor


def _acc(api: Api, message: str, name: str) -> str:
    return CppNaming.pb_accessor(next(f for f in api.message(message).fields if f.name == name))


def _find(view: CppView, method: Method) -> tuple[CppService, str]:
    service_name = method.full_name.rpartition(".")[0]
    for service in view.services:
        if service.full_name == service_name:
            for m in service.methods:
                if m.name == method.name:
                    return service, m.ident
    raise TemplateError(f"cpp: value-layer RPC {method.full_name} is not a client method")


def _call(api: Api, naming: CppNaming, view: CppView, method: Method, address: Sequence[str]) -> CppCall:
    service, ident = _find(view, method)
    params = []
    for name in address:
        param = naming.escape(name)
        params.append((param + "_" if param in _OWN else param, _acc(api, method.input_type, name)))
    return CppCall(service.cls, service.member, service.accessor, ident, naming.pb_type(method.input_type),
                   naming.pb_type(method.output_type), tuple(params))


def build(api: Api, view: CppView, roles: ValueRoles, overrides: Mapping[str, str] | None = None
          ) -> CppValues | None:
    if not roles.any:
        return None
    naming = CppNaming(api, overrides)

    def mk(method: Method, address: Sequence[str]) -> CppCall:
        return _call(api, naming, view, method, address)

    f: dict[str, str] = {}
    save = get = delete = bulk = publish = lock = unlock = watch = None
    item, etag_message, expire_type = "", False, ""
    if (st := roles.state) is not None:
        save, get, delete = (mk(m, st.address) for m in (st.save, st.get, st.delete))
        item = naming.pb_type(st.item)
        f.update(items=_acc(api, st.save.input_type, st.items), key=_acc(api, st.item, st.key),
                 value=_acc(api, st.item, st.value), etag=_acc(api, st.item, st.etag),
                 get_key=_acc(api, st.get.input_type, st.key), data=_acc(api, st.get.output_type, st.data),
                 get_etag=_acc(api, st.get.output_type, st.etag),
                 delete_key=_acc(api, st.delete.input_type, st.key),
                 delete_etag=_acc(api, st.delete.input_type, st.etag))
        if st.etag_message:
            etag_message = True
            f["etag_field"] = _acc(api, st.etag_message, st.etag_field)
        if st.bulk_get is not None:
            bulk = mk(st.bulk_get, st.address)
            f.update(keys=_acc(api, st.bulk_get.input_type, st.keys),
                     bulk_items=_acc(api, st.bulk_get.output_type, st.bulk_items),
                     bulk_key=_acc(api, st.bulk_item, st.key), bulk_data=_acc(api, st.bulk_item, st.data),
                     bulk_etag=_acc(api, st.bulk_item, st.etag))
    if (pub := roles.publish) is not None:
        publish = mk(pub.rpc, pub.address)
        f.update(publish_data=_acc(api, pub.rpc.input_type, pub.data),
                 content_type=_acc(api, pub.rpc.input_type, pub.content_type))
    if (lk := roles.lock) is not None:
        lock, unlock = mk(lk.lock, lk.address), mk(lk.unlock, lk.address)
        expire = next(x for x in api.message(lk.lock.input_type).fields if x.name == lk.expire)
        expire_type = CPP_SCALARS[expire.type.name]
        f.update(expire=_acc(api, lk.lock.input_type, lk.expire),
                 acquired=_acc(api, lk.lock.output_type, lk.acquired))
    if (w := roles.watch) is not None:
        watch = mk(w.rpc, w.address)
        f["watch_keys"] = _acc(api, w.rpc.input_type, w.keys)
    members = {c.member for c in (save, get, delete, bulk, publish, lock, unlock, watch) if c is not None}
    services = tuple((s.cls, s.member, s.accessor) for s in view.services if s.member in members)
    return CppValues(services, save, get, delete, bulk, publish, lock, unlock, watch, item, etag_message,
                     expire_type, f)
