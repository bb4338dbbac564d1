"""``ir.values.resolve_roles``: the value-layer roles of ``[tool.l8gen.values]`` are checked against the API,
and a generic (non-Layotto) API that declares them gets the helpers (Python, Go and C++ checked here)."""

from __future__ import annotations

from typing import Any

import pytest
from l8gen.errors import ConfigError
from l8gen.ir.values import resolve_roles
from l8gen.languages.cpp.target import TARGET as CPP
from l8gen.languages.go.target import TARGET as GO
from l8gen.languages.python.layer import build_context
from l8gen.targets.base import GenOptions

from tests.conftest import api_of, compile_proto

PROTO = """
syntax = "proto3";
package kv.v1;
message Tag { string v = 1; }
message Entry { string id = 1; bytes blob = 2; Tag tag = 3; }
message PutRequest { string bucket = 1; repeated Entry entries = 2; }
message PutResponse {}
message ReadRequest { string bucket = 1; string id = 2; }
message ReadResponse { bytes blob = 1; string tag = 2; }
message DropRequest { string bucket = 1; string id = 2; Tag tag = 3; }
message LeaseRequest { string bucket = 1; string name = 2; int64 ttl = 3; }
message LeaseResponse { bool granted = 1; }
message FreeRequest { string bucket = 1; string name = 2; }
message Follow { string bucket = 1; repeated string ids = 2; }
service Store {
  rpc Put(PutRequest) returns (PutResponse);
  rpc Read(ReadRequest) returns (ReadResponse);
  rpc Drop(DropRequest) returns (PutResponse);
  rpc Lease(LeaseRequest) returns (LeaseResponse);
  rpc Free(FreeRequest) returns (PutResponse);
  rpc Watch(stream Follow) returns (stream ReadResponse);
}
"""

TABLES: dict[str, dict[str, Any]] = {
    "state": {"save": "kv.v1.Store.Put", "get": "kv.v1.Store.Read", "delete": "kv.v1.Store.Drop",
              "address": ["bucket"], "items": "entries", "key": "id", "value": "blob", "etag": "tag",
              "data": "blob"},
    "lock": {"lock": "kv.v1.Store.Lease", "unlock": "kv.v1.Store.Free", "address": ["bucket", "name"],
             "expire": "ttl", "acquired": "granted"},
    "watch": {"rpc": "kv.v1.Store.Watch", "address": ["bucket"], "keys": "ids"},
}


def test_roles_of_a_generic_api_resolve() -> None:
    roles = resolve_roles(api_of(PROTO), TABLES)
    assert roles.state is not None and roles.state.etag_message == "kv.v1.Tag"
    assert roles.state.etag_field == "v" and roles.state.bulk_get is None
    assert roles.lock is not None and roles.lock.address == ("bucket", "name")
    assert roles.publish is None and roles.watch is not None


@pytest.mark.parametrize(("role", "key", "value", "message"), [
    ("state", "save", "kv.v1.Store.Nope", "no such RPC"),
    ("state", "value", "id", "must be a bytes field"),
    ("lock", "acquired", "missing", "has no field 'missing'"),
    ("watch", "rpc", "kv.v1.Store.Read", "bidirectional stream"),
])
def test_a_wrong_table_is_a_config_error(role: str, key: str, value: str, message: str) -> None:
    tables = {role: {**TABLES[role], key: value}}
    with pytest.raises(ConfigError, match=message):
        resolve_roles(api_of(PROTO), tables)


def test_a_role_of_another_api_is_skipped() -> None:
    roles = resolve_roles(api_of(PROTO), {**TABLES, "publish": {"rpc": "other.v1.Bus.Publish"}})
    assert roles.publish is None and roles.state is not None


def test_unknown_roles_are_rejected() -> None:
    with pytest.raises(ConfigError, match="unknown roles"):
        resolve_roles(api_of(PROTO), {"cache": {}})


def test_generic_api_gets_the_value_layer_in_python_and_go() -> None:
    opts = GenOptions(values=TABLES)
    ctx = build_context(api_of(PROTO), opts)
    assert ctx["values"] is not None and ctx["values"].save.name == "put"
    files = GO.generate(api_of(PROTO), compile_proto(PROTO), opts)
    text = files["values.go"]
    assert "func (v *Values) Lock(ctx context.Context, bucket string, name string, expire int64)" in text
    assert "Tag: valueEtag(o.etag)" in text and "GetGranted()" in text
    assert "values.go" not in GO.generate(api_of(PROTO), compile_proto(PROTO), GenOptions())


def test_generic_api_gets_the_value_layer_in_cpp() -> None:
    opts = GenOptions(values=TABLES)
    files = CPP.generate(api_of(PROTO), compile_proto(PROTO), opts)
    header, source = files["include/l8/values.h"], files["src/values.cc"]
    lock = "Result<ScopedLock> Lock(const std::string& bucket, const std::string& name, std::int64_t expire,"
    assert lock in header and "explicit Values(StoreClient store);" in header
    assert "using ConfigWatchMessage = ::kv::v1::ReadResponse;" in header
    assert "item->mutable_tag()->set_v(*etag);" in source and "response->granted()" in source
    assert "GetMany" not in header and "Publish" not in header  # no bulk_get / publish roles declared
    assert "Values values() const;" in files["include/l8/client.h"]
    # the runtime tests and the example are this repository's API's scenario
    assert "tests/values_test.cc" not in files and "examples/orders/main.cc" not in files
    plain = CPP.generate(api_of(PROTO), compile_proto(PROTO), GenOptions())
    assert "include/l8/values.h" not in plain and "values()" not in plain["include/l8/client.h"]
