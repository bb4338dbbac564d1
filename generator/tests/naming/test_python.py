"""naming.python: golden edge-case table, the trailing-underscore escape, overrides, collisions."""

from __future__ import annotations

import keyword

import pytest
from l8gen.errors import NamingError
from l8gen.languages.python.naming import RESERVED, PythonNaming

from tests.naming.clashes import clash_api, clash_params
from tests.naming.edge import EDGE_FIELDS, EDGE_RPCS, edge_api

PARAMS = {
    "class": "class_",
    "def": "def_",
    "async": "async_",
    "from": "from_",
    "import": "import_",
    "self": "self_",
    "request": "request_",
    "type": "type_",
    "id": "id_",
    "delete": "delete",
    "default": "default",
    "constructor": "constructor",
    "function": "function",
    "package": "package",
    "interface": "interface",
    "func": "func",
    "range": "range_",
    "go": "go",
    "chan": "chan",
    "new": "new",
    "namespace": "namespace",
    "register": "register",
    "errno": "errno",
    "NULL": "null",
    "storeName": "store_name",
    "IPv6Address": "ipv6_address",
    "OAuth2Token": "oauth2_token",
    "c2s": "c2s",
    "ds18b20": "ds18b20",
    "ALL_CAPS": "all_caps",
    "sse_kms_keyId": "sse_kms_key_id",
    "timeout": "timeout_",
    "metadata": "metadata",
    "ctx": "ctx_",
    "opts": "opts_",
    "err": "err_",
    "plain_name": "plain_name",
}
METHODS = {
    "GetState": "get_state",
    "SignURL": "sign_url",
    "GetNextId": "get_next_id",
    "Import": "import_",
    "Delete": "delete",
    "New": "new",
    "Close": "close",
    "HTTPServerStatus": "http_server_status",
}


def test_golden_tables_cover_the_edge_proto() -> None:
    assert set(PARAMS) == set(EDGE_FIELDS) and set(METHODS) == set(EDGE_RPCS)


def test_param_golden_table() -> None:
    api = edge_api()
    naming = PythonNaming(api)
    edge = api.message("edge.v1.Edge")
    assert {f.name: naming.param(edge, f) for f in edge.fields} == PARAMS


def test_method_and_service_golden_table() -> None:
    api = edge_api()
    naming = PythonNaming(api)
    service = api.service("edge.v1.ObjectStorageService")
    assert {m.name: naming.method(m) for m in service.methods} == METHODS
    assert [naming.service_attr(s) for s in api.services] == ["object_storage_service", "runtime"]


def test_every_keyword_is_reserved_and_escaped_by_one_trailing_underscore() -> None:
    naming = PythonNaming(edge_api())
    for word in [*keyword.kwlist, *keyword.softkwlist]:
        assert word in RESERVED
        assert naming.escape(word) == word + "_"
    assert naming.escape("store_name") == "store_name"


def test_generated_identifiers_are_valid_python_and_not_keywords() -> None:
    api = edge_api()
    naming = PythonNaming(api)
    edge = api.message("edge.v1.Edge")
    for ident in [naming.param(edge, f) for f in edge.fields] + list(
        map(naming.method, api.services[0].methods)
    ):
        assert ident.isidentifier() and not keyword.iskeyword(ident) and not keyword.issoftkeyword(ident)


def test_rpc_named_like_a_client_member_is_escaped_and_an_override_names_it() -> None:
    api = edge_api()
    close = next(m for m in api.service("edge.v1.ObjectStorageService").methods if m.name == "Close")
    assert PythonNaming(api, client_members=["close"]).method(close) == "close_"
    with pytest.raises(NamingError) as info:
        PythonNaming(api, {"edge.v1.ObjectStorageService.Close": "close"}, client_members=["close"])
    assert "rpc edge.v1.ObjectStorageService.Close (edge/v1/edge.proto:" in str(info.value)
    assert "generated member 'close'" in str(info.value)
    naming = PythonNaming(
        api, {"edge.v1.ObjectStorageService.Close": "close_stream"}, client_members=["close"]
    )
    assert naming.method(api.service("edge.v1.ObjectStorageService").methods[6]) == "close_stream"


def test_field_override_is_used_verbatim() -> None:
    api = edge_api()
    naming = PythonNaming(api, {"edge.v1.Edge.class": "klass"})
    edge = api.message("edge.v1.Edge")
    assert naming.param(edge, edge.fields[0]) == "klass"


def test_unknown_override_is_an_error() -> None:
    with pytest.raises(NamingError, match="edge.v1.Nope"):
        PythonNaming(edge_api(), {"edge.v1.Nope": "x"})


def test_flat_methods_put_all_services_in_one_scope() -> None:
    api = edge_api()
    naming = PythonNaming(api, flat_methods=True)  # SayHello exists once: no clash
    assert naming.method(api.service("edge.v1.runtime").methods[0]) == "say_hello"


def test_module_aliases_are_unique_for_same_base_names() -> None:
    from tests.conftest import fragments_api

    _, _, api = fragments_api()
    naming = PythonNaming(api, package="fragsdk")
    a = naming.module("same_name/a/common.proto")
    b = naming.module("same_name/b/common.proto")
    assert (a.alias, b.alias) == ("a_common_pb2", "b_common_pb2")
    assert a.module == "fragsdk._pb.same_name.a.common_pb2"
    assert naming.module("maps.proto").alias == "maps_pb2"
    assert naming.message_ref("l8test.nested.Outer.Inner.Deeper") == "nested_pb2.Outer.Inner.Deeper"


def test_a_file_name_with_a_hyphen_gets_protocs_module_name() -> None:
    from tests.conftest import fragments_api

    _, _, api = fragments_api()
    module = PythonNaming(api, package="fragsdk").module("grpc_stubs/stub-edges.proto")
    assert (module.module, module.alias) == ("fragsdk._pb.grpc_stubs.stub_edges_pb2", "stub_edges_pb2")


def test_annotations() -> None:
    from tests.conftest import fragments_api

    _, _, api = fragments_api()
    naming = PythonNaming(api)
    maps = {f.name: naming.field_annotation(f) for f in api.message("l8test.maps.Maps").fields}
    assert maps["labels"] == "Mapping[str, str]"
    assert maps["items_by_id"] == "Mapping[int, maps_pb2.Item]"
    outer = {f.name: naming.field_annotation(f) for f in api.message("l8test.nested.Outer").fields}
    assert outer == {"inner": "nested_pb2.Outer.Inner", "many": "Sequence[nested_pb2.Outer.Inner.Deeper]"}


@pytest.mark.parametrize(("name", "collides"), clash_params("python"))
def test_clash_fragments(name: str, collides: bool) -> None:
    api = clash_api(name)
    if collides:
        with pytest.raises(NamingError, match=rf" \({name}:\d+\) and .* \({name}:\d+\) both map to"):
            PythonNaming(api)
    else:
        PythonNaming(api)


def test_same_service_name_in_two_packages_gets_a_package_prefix() -> None:
    from tests.conftest import fragments_api

    _, _, api = fragments_api()
    naming = PythonNaming(api)
    assert naming.service(api.service("l8test.same_name.a.Hello")) == "a_hello"
    assert naming.service(api.service("l8test.same_name.b.Hello")) == "b_hello"
    assert naming.service(api.service("l8test.streaming.Streamer")) == "streamer"
    assert naming.service_class(api.service("l8test.same_name.a.Hello"), suffix="Client") == "AHelloClient"
    assert (
        naming.service_class(api.service("l8test.streaming.Streamer"), "Async", "Client")
        == "AsyncStreamerClient"
    )


def test_fragments_and_the_real_api_name_without_collisions() -> None:
    from l8gen.descriptors import compile_protos
    from l8gen.ir.builder import build_api

    from tests.conftest import PROTO_ROOT, fragments_api

    _, _, fragments = fragments_api()
    compiled = compile_protos(PROTO_ROOT)
    for api in (fragments, build_api(compiled.fds, compiled.files)):
        naming = PythonNaming(api)
        for service in api.services:
            assert naming.service(service)
            assert all(naming.method(m) for m in service.methods)
