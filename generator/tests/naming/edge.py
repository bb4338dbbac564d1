"""The edge-case proto shared by the per-language naming golden tables."""

from __future__ import annotations

from l8gen.ir.model import Api

from tests.conftest import api_of

EDGE_FIELDS = (
    "class def async from import self request type id delete default constructor function package interface "
    "func range go chan new namespace register errno NULL storeName IPv6Address OAuth2Token c2s ds18b20 "
    "ALL_CAPS sse_kms_keyId timeout metadata ctx opts err plain_name"
).split()
EDGE_RPCS = "GetState SignURL GetNextId Import Delete New Close HTTPServerStatus".split()

EDGE_PROTO = (
    'syntax = "proto3";\npackage edge.v1;\n\n'
    "message Edge {\n"
    + "".join(f"  string {name} = {i};\n" for i, name in enumerate(EDGE_FIELDS, 1))
    + "}\n\nservice ObjectStorageService {\n"
    + "".join(f"  rpc {rpc}(Edge) returns (Edge) {{}}\n" for rpc in EDGE_RPCS)
    + "}\n\nservice runtime {\n  rpc SayHello(Edge) returns (Edge) {}\n}\n"
)


def edge_api() -> Api:
    return api_of(EDGE_PROTO, "edge/v1/edge.proto")
