"""Stage 2 helper (IR -> data the views embed): the smallest valid request of a message type, as proto3 JSON.

The SDK tests and compat-driver tests of every language send "a request" of an example RPC through their
drivers' JSON protocol (CONTRACTS §4). ``{}`` is not a valid proto3 JSON value for every type: a well-known
wrapper is a bare JSON value (``StringValue`` -> ``""``), a ``Timestamp`` a string, and a proto2 message with
``required`` fields must carry them. ``minimal_json`` computes that value from the IR once, so templates
embed it and never reason about types.
"""

from __future__ import annotations

import json
from typing import Any

from l8gen.ir.model import Api, Message, TypeRef

# proto3 JSON of a default instance of the well-known types whose JSON form is not an object.
_WKT = {
    "google.protobuf.DoubleValue": 0, "google.protobuf.FloatValue": 0, "google.protobuf.Int64Value": "0",
    "google.protobuf.UInt64Value": "0", "google.protobuf.Int32Value": 0, "google.protobuf.UInt32Value": 0,
    "google.protobuf.BoolValue": False, "google.protobuf.StringValue": "", "google.protobuf.BytesValue": "",
    "google.protobuf.Timestamp": "1970-01-01T00:00:00Z", "google.protobuf.Duration": "0s",
    "google.protobuf.FieldMask": "", "google.protobuf.Value": None, "google.protobuf.ListValue": [],
}
_SCALAR_64 = {"int64", "uint64", "sint64", "fixed64", "sfixed64"}


def minimal_value(api: Api, type_name: str) -> Any:
    """The proto3 JSON value (as Python data) of a default ``type_name`` with its required fields set."""
    if type_name in _WKT:
        return _WKT[type_name]
    try:
        message = api.message(type_name)
    except KeyError:
        return {}  # another well-known message (Empty, Struct, Any): an object
    return _required_fields(api, message)


def _required_fields(api: Api, message: Message) -> dict[str, Any]:
    return {f.json_name: _default(api, f.type) for f in message.fields if f.required}


def _default(api: Api, ref: TypeRef) -> Any:
    if ref.kind == "scalar":
        if ref.name == "bool":
            return False
        if ref.name in ("string", "bytes"):
            return ""
        return "0" if ref.name in _SCALAR_64 else 0
    if ref.kind == "enum":
        return api.enum(ref.name).values[0].name
    return minimal_value(api, ref.name)


def minimal_json(api: Api, type_name: str) -> str:
    """``minimal_value`` as compact JSON text (``{}`` for most request messages)."""
    return json.dumps(minimal_value(api, type_name), separators=(",", ":"))
