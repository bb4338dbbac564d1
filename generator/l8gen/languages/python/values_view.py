"""The Python view of the value layer (``values.py``: one-key state, JSON events, lock guard, watch).

Pipeline place: ``layer.build_context`` calls ``build(b, by_name, roles)`` with the roles that
``ir.values.resolve_roles`` resolved from ``[tool.l8gen.values]``; this module turns them into the names the
``values.py.j2`` template prints: the sub-client method behind each role, parameter names for the
address fields, qualified message classes and the imports. None when the API declares no roles.
"""

from __future__ import annotations

import keyword
from collections.abc import Mapping, Sequence

from l8gen.errors import TemplateError
from l8gen.ir.model import Method
from l8gen.ir.values import ValueRoles
from l8gen.languages.python.imports import Imports
from l8gen.languages.python.views import MethodView, ViewBuilder
from l8gen.records import record

__all__ = ["Call", "ValuesView", "build"]

# Names the helpers use for their own parameters: an address field with one of them gets a trailing "_".
_OWN = frozenset({"self", "key", "keys", "value", "values", "items", "etag", "timeout", "handler", "expire",
                  "content_type", "ready_timeout"})


@record
class Call:
    """One role's RPC as the helpers call it: ``self._c.<attr>.<name>(<request>(...), timeout=...)``."""

    attr: str
    name: str
    request: str  # qualified request class
    address: tuple[tuple[str, str], ...]  # (parameter, proto field) of the address fields


@record
class ValuesView:
    """The Python value layer: its imports and its save/get/delete calls."""

    import_block: str
    aio_import_block: str
    save: Call | None
    get: Call | None
    delete: Call | None
    bulk_get: Call | None
    publish: Call | None
    lock: Call | None
    unlock: Call | None
    watch: Call | None
    item: str  # qualified state item class
    etag_message: str  # qualified etag class ("" for a string etag)
    fields: Mapping[str, str]  # role -> proto field name (key, value, etag, items, data, ...)


def _field(name: str) -> str:
    if keyword.iskeyword(name):
        raise TemplateError(f"python: value-layer field {name!r} is a Python keyword")
    return name


def _call(b: ViewBuilder, by_name: Mapping[str, MethodView], method: Method,
          address: Sequence[str]) -> Call:
    view = by_name[method.full_name]
    params = tuple((_field(f) + "_" if f in _OWN else f, _field(f)) for f in address)
    return Call(view.attr, view.name, b.naming.message_ref(method.input_type), params)


def build(b: ViewBuilder, by_name: Mapping[str, MethodView], roles: ValueRoles) -> ValuesView | None:
    if not roles.any:
        return None
    types: set[str] = set()
    fields: dict[str, str] = {}
    save = get = delete = bulk = publish = lock = unlock = watch = None
    item = etag_message = ""
    if (st := roles.state) is not None:
        save, get, delete = (_call(b, by_name, m, st.address) for m in (st.save, st.get, st.delete))
        bulk = _call(b, by_name, st.bulk_get, st.address) if st.bulk_get is not None else None
        types |= {st.save.input_type, st.get.input_type, st.delete.input_type, st.item}
        item = b.naming.message_ref(st.item)
        if st.etag_message:
            types.add(st.etag_message)
            etag_message = b.naming.message_ref(st.etag_message)
        if st.bulk_get is not None:
            types.add(st.bulk_get.input_type)
        fields.update(items=st.items, key=st.key, value=st.value, etag=st.etag, etag_field=st.etag_field,
                      data=st.data, keys=st.keys, bulk_items=st.bulk_items)
    if (pub := roles.publish) is not None:
        publish = _call(b, by_name, pub.rpc, pub.address)
        types.add(pub.rpc.input_type)
        fields.update(publish_data=pub.data, content_type=pub.content_type)
    if (lk := roles.lock) is not None:
        lock, unlock = _call(b, by_name, lk.lock, lk.address), _call(b, by_name, lk.unlock, lk.address)
        types |= {lk.lock.input_type, lk.unlock.input_type}
        fields.update(expire=lk.expire, acquired=lk.acquired)
    if (w := roles.watch) is not None:
        watch = _call(b, by_name, w.rpc, w.address)
        types.add(w.rpc.input_type)
        fields.update(watch_keys=w.keys)
    for name in fields.values():
        if name:
            _field(name)
    pkg = b.package
    sync = Imports({pkg}).add("json").add("threading")
    sync.add("collections.abc", "Callable", "Iterable", "Mapping")
    sync.add("dataclasses", "dataclass").add("types", "TracebackType").add("typing", "Any")
    sync.add(f"{pkg}.errors", "L8Error")
    b.pb_import(sync, types)
    aio = Imports({pkg}).add("collections.abc", "Iterable", "Mapping").add("types", "TracebackType")
    aio.add("typing", "Any").add(f"{pkg}.values", "Value", "encode", "values_of")
    b.pb_import(aio, types)
    return ValuesView(sync.render(), aio.render(), save, get, delete, bulk, publish, lock, unlock, watch,
                      item, etag_message, fields)
