"""naming.cpp: golden edge-case table, the trailing-underscore escape, protobuf C++ names."""

from __future__ import annotations

import pytest
from l8gen.errors import NamingError
from l8gen.naming.cpp import KEYWORDS, CppNaming

from tests.naming.clashes import clash_api, clash_params
from tests.naming.edge import EDGE_FIELDS, EDGE_RPCS, edge_api

PARAMS = {
    "class": "class_",
    "def": "def",
    "async": "async",
    "from": "from",
    "import": "import_",
    "self": "self_",
    "request": "request_",
    "type": "type",
    "id": "id",
    "delete": "delete_",
    "default": "default_",
    "constructor": "constructor",
    "function": "function",
    "package": "package",
    "interface": "interface",
    "func": "func",
    "range": "range",
    "go": "go",
    "chan": "chan",
    "new": "new_",
    "namespace": "namespace_",
    "register": "register_",
    "errno": "errno_",
    "NULL": "null",
    "storeName": "store_name",
    "IPv6Address": "ipv6_address",
    "OAuth2Token": "oauth2_token",
    "c2s": "c2s",
    "ds18b20": "ds18b20",
    "ALL_CAPS": "all_caps",
    "sse_kms_keyId": "sse_kms_key_id",
    "timeout": "timeout_",
    "metadata": "metadata_",
    "ctx": "ctx_",
    "opts": "opts_",
    "err": "err_",
    "plain_name": "plain_name",
}
METHODS = {rpc: rpc for rpc in EDGE_RPCS}  # gRPC C++ keeps RPC names as written


def test_golden_tables_cover_the_edge_proto() -> None:
    assert set(PARAMS) == set(EDGE_FIELDS)


def test_param_golden_table() -> None:
    api = edge_api()
    naming = CppNaming(api, client_members=())
    edge = api.message("edge.v1.Edge")
    assert {f.name: naming.param(edge, f) for f in edge.fields} == PARAMS


def test_method_and_service_golden_table() -> None:
    api = edge_api()
    naming = CppNaming(api, client_members=())
    service = api.service("edge.v1.ObjectStorageService")
    assert {m.name: naming.method(m) for m in service.methods} == METHODS
    assert [naming.service(s) for s in api.services] == ["ObjectStorageService", "runtime"]


def test_protobuf_names() -> None:
    api = edge_api()
    naming = CppNaming(api, client_members=())
    edge = api.message("edge.v1.Edge")
    accessors = {f.name: naming.pb_accessor(f) for f in edge.fields}
    assert (accessors["storeName"], accessors["class"], accessors["NULL"]) == ("storename", "class_", "null")
    assert naming.pb_type("edge.v1.Edge") == "::edge::v1::Edge"
    assert naming.namespace("spec.proto.runtime.v1") == "spec::proto::runtime::v1"
    assert naming.namespace("a.namespace.new") == "a::namespace_::new_"


def test_nested_types() -> None:
    from tests.conftest import fragments_api

    _, _, api = fragments_api()
    naming = CppNaming(api)
    assert naming.pb_type("l8test.nested.Outer.Inner.Deeper") == "::l8test::nested::Outer_Inner_Deeper"
    assert naming.pb_type("l8test.nested.Outer.Inner", qualified=False) == "Outer_Inner"


def test_keywords_and_macros_escape_with_one_trailing_underscore() -> None:
    naming = CppNaming(edge_api(), client_members=())
    for word in sorted(KEYWORDS | {"errno", "NULL", "assert", "EOF"}):
        assert naming.escape(word) == word + "_"


def test_close_rpc_collides_with_the_close_member() -> None:
    with pytest.raises(NamingError, match="generated member 'Close'"):
        CppNaming(edge_api())


@pytest.mark.parametrize(("name", "collides"), clash_params("cpp"))
def test_clash_fragments(name: str, collides: bool) -> None:
    api = clash_api(name)
    if collides:
        with pytest.raises(NamingError, match=rf" \({name}:\d+\) and .* \({name}:\d+\) both map to"):
            CppNaming(api)
    else:
        CppNaming(api)


def test_fragments_and_the_real_api_name_without_collisions() -> None:
    from l8gen.descriptors import compile_protos
    from l8gen.ir.builder import build_api

    from tests.conftest import PROTO_ROOT, fragments_api

    _, _, fragments = fragments_api()
    compiled = compile_protos(PROTO_ROOT)
    for api in (fragments, build_api(compiled.fds, compiled.files)):
        naming = CppNaming(api)
        for service in api.services:
            assert naming.service(service)
            assert all(naming.method(m) for m in service.methods)
