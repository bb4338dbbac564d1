"""naming.go: golden edge-case table, initialisms, protoc-gen-go names, trailing-underscore escape, the flat
*l8.Client method scope."""

from __future__ import annotations

import re

import pytest
from google.protobuf.descriptor_pb2 import FileDescriptorSet
from l8gen.errors import NamingError
from l8gen.ir.model import Api
from l8gen.languages.go.naming import KEYWORDS, GoNaming, exported, go_camel_case, unexported
from l8gen.languages.go.protogen import package_layout
from l8gen.languages.go.stubs import generate_stubs

from tests.conftest import api_of, compile_proto, fragments_api
from tests.naming.clashes import clash_api, clash_params
from tests.naming.edge import EDGE_FIELDS, EDGE_RPCS, edge_api

MODULE = "example.com/sdk"

PARAMS = {
    "class": "class",
    "def": "def",
    "async": "async",
    "from": "from",
    "import": "import_",
    "self": "self",
    "request": "request_",
    "type": "type_",
    "id": "id",
    "delete": "delete_",
    "default": "default_",
    "constructor": "constructor",
    "function": "function",
    "package": "package_",
    "interface": "interface_",
    "func": "func_",
    "range": "range_",
    "go": "go_",
    "chan": "chan_",
    "new": "new_",
    "namespace": "namespace",
    "register": "register",
    "errno": "errno",
    "NULL": "null",
    "storeName": "storeName",
    "IPv6Address": "ipv6Address",
    "OAuth2Token": "oauth2Token",
    "c2s": "c2s",
    "ds18b20": "ds18b20",
    "ALL_CAPS": "allCaps",
    "sse_kms_keyId": "sseKMSKeyID",
    "timeout": "timeout",
    "metadata": "metadata_",
    "ctx": "ctx_",
    "opts": "opts_",
    "err": "err_",
    "plain_name": "plainName",
}
METHODS = {
    "GetState": "GetState",
    "SignURL": "SignURL",
    "GetNextId": "GetNextID",
    "Import": "Import",
    "Delete": "Delete",
    "New": "New",
    "Close": "Close",
    "HTTPServerStatus": "HTTPServerStatus",
}
GO_FIELDS = {  # protoc-gen-go's struct field names (no initialisms)
    "class": "Class",
    "storeName": "StoreName",
    "IPv6Address": "IPv6Address",
    "id": "Id",
    "sse_kms_keyId": "SseKmsKeyId",
    "ALL_CAPS": "ALL_CAPS",
    "c2s": "C2S",
    "NULL": "NULL",
    "plain_name": "PlainName",
    "ds18b20": "Ds18B20",
}


def test_golden_tables_cover_the_edge_proto() -> None:
    assert set(PARAMS) == set(EDGE_FIELDS) and set(METHODS) == set(EDGE_RPCS)


def test_param_golden_table() -> None:
    api = edge_api()
    naming = GoNaming(api, client_members=())
    edge = api.message("edge.v1.Edge")
    assert {f.name: naming.param(edge, f) for f in edge.fields} == PARAMS


def test_method_and_service_golden_table() -> None:
    api = edge_api()
    naming = GoNaming(api, client_members=())
    service = api.service("edge.v1.ObjectStorageService")
    assert {m.name: naming.method(m) for m in service.methods} == METHODS
    assert [naming.service(s) for s in api.services] == ["ObjectStorageService", "Runtime"]


@pytest.mark.parametrize(
    ("name", "exp", "unexp"),
    [
        ("id", "ID", "id"),
        ("url", "URL", "url"),
        ("http_url", "HTTPURL", "httpURL"),
        ("api_key", "APIKey", "apiKey"),
        ("json_body", "JSONBody", "jsonBody"),
        ("ttl", "TTL", "ttl"),
        ("acl", "ACL", "acl"),
        ("content_md5", "ContentMD5", "contentMD5"),
        ("sse_kms_key_id", "SSEKMSKeyID", "sseKMSKeyID"),
        ("store_id", "StoreID", "storeID"),
        ("HTTPServer", "HTTPServer", "httpServer"),
        ("OAuth2Token", "OAuth2Token", "oauth2Token"),
        ("IPv6Address", "IPv6Address", "ipv6Address"),
        ("ABC", "Abc", "abc"),
        ("GetNextId", "GetNextID", "getNextID"),
    ],
)
def test_initialisms(name: str, exp: str, unexp: str) -> None:
    assert (exported(name), unexported(name)) == (exp, unexp)


def test_go_field_matches_protoc_gen_go() -> None:
    api = edge_api()
    edge = api.message("edge.v1.Edge")
    names = {f.name: GoNaming.go_field(edge, f) for f in edge.fields if f.name in GO_FIELDS}
    assert names == GO_FIELDS


@pytest.mark.parametrize(
    ("proto", "go"),
    [
        ("store_name", "StoreName"),
        ("GetNextId", "GetNextId"),
        ("sse_kms_keyId", "SseKmsKeyId"),
        ("maxKeys", "MaxKeys"),
        ("_private", "XPrivate"),
        ("_leading", "XLeading"),
        ("ds18b20", "Ds18B20"),
        ("c2s", "C2S"),
        ("ALL_CAPS", "ALL_CAPS"),
        ("Outer.Inner", "Outer_Inner"),
        ("a.B", "A_B"),
        ("a.b_c", "ABC"),
        ("lowercase_message", "LowercaseMessage"),
        ("Outer.inner", "OuterInner"),
    ],
)
def test_go_camel_case_follows_protoc_gen_go(proto: str, go: str) -> None:
    assert go_camel_case(proto) == go


def test_go_type_and_enum_value_names() -> None:
    _, _, api = fragments_api()
    naming = GoNaming(api)
    assert naming.go_type("l8test.nested.Outer.Inner.Deeper") == "Outer_Inner_Deeper"
    assert naming.go_type("l8test.nested.lowercase_message") == "LowercaseMessage"
    assert naming.enum_value("l8test.nested.Outer.Inner.Kind", "KIND_ONE") == "Outer_Inner_KIND_ONE"
    assert naming.enum_value("l8test.maps.Color", "COLOR_RED") == "Color_COLOR_RED"


LOWER_NESTED = (
    'syntax = "proto3"; package q;\n'
    "message Outer { message inner { string x_y = 1; enum kind { K0 = 0; } } inner i = 1; }\n"
    "message lower_case { message Deep {} }\n"
)


def test_lower_case_nested_message_drops_the_dot() -> None:
    naming = GoNaming(api_of(LOWER_NESTED, name="q/q.proto"))
    # not Outer_Inner: protoc-gen-go drops a '.' before a lower-case letter
    assert naming.go_type("q.Outer.inner") == "OuterInner"
    assert naming.go_type("q.Outer.inner.kind") == "OuterInnerKind"
    assert naming.go_type("q.lower_case.Deep") == "LowerCase_Deep"
    assert naming.enum_value("q.Outer.inner.kind", "K0") == "OuterInner_K0"


def test_field_named_like_a_generated_method_gets_a_suffix() -> None:
    api = api_of('syntax = "proto3"; package p; message M { string reset = 1; string descriptor = 2; '
                 "string get_x = 3; string x = 4; }")
    message = api.message("p.M")
    assert GoNaming.go_field(message, "reset") == "Reset_"
    assert GoNaming.go_field(message, "descriptor") == "Descriptor_"
    assert GoNaming.go_field(message, "x") == "X_"  # GetX is taken by the field get_x


def _plugin_code(fds: FileDescriptorSet, files: list[str], api: Api) -> str:
    """The Go code the real protoc-gen-go / protoc-gen-go-grpc generate for ``files``."""
    return "\n".join(generate_stubs(fds, files, package_layout(api.files, MODULE), MODULE).values())


def test_message_and_field_names_match_the_real_plugin_output() -> None:
    fds, files, api = fragments_api()
    code = _plugin_code(fds, files, api)
    declared = set(re.findall(r"^type (\w+) struct", code, re.MULTILINE))
    naming = GoNaming(api)
    messages = [m for m in api.messages if not m.is_map_entry and not m.full_name.startswith("google.")]
    assert messages
    for message in messages:
        assert naming.go_type(message.full_name) in declared, message.full_name
        for field in message.fields:
            if field.oneof is None:
                ident = GoNaming.go_field(message, field)
                assert re.search(rf"^\t{ident} +\S", code, re.MULTILINE), field.name
    for enum in api.enums:
        if not enum.full_name.startswith("google."):
            for value in enum.values:
                const = naming.enum_value(enum.full_name, value.name)
                enum_type = naming.go_type(enum.full_name)
                assert re.search(rf"^\t{const} +{enum_type} = ", code, re.MULTILINE), value.name


def test_lower_case_nested_names_match_the_real_plugin() -> None:
    fds = compile_proto(LOWER_NESTED, name="q/q.proto")
    api = api_of(LOWER_NESTED, name="q/q.proto")
    code = _plugin_code(fds, ["q/q.proto"], api)
    declared = re.findall(r"^type (\w+) (?:struct|int32)", code, re.MULTILINE)
    naming = GoNaming(api)
    assert sorted(declared) == sorted(naming.go_type(e.full_name) for e in (*api.messages, *api.enums))
    assert "OuterInner" in declared
    assert re.search(r"^\tOuterInner_K0 +OuterInnerKind = 0$", code, re.MULTILINE)


def test_keywords_escape_with_one_trailing_underscore() -> None:
    naming = GoNaming(edge_api(), client_members=())
    for word in KEYWORDS:
        assert naming.escape(word) == word + "_"


def test_close_rpc_is_escaped_clear_of_the_default_client_members() -> None:
    api = edge_api()
    close = next(m for m in api.service("edge.v1.ObjectStorageService").methods if m.name == "Close")
    assert GoNaming(api).method(close) == "Close_"
    with pytest.raises(
        NamingError, match=r"rpc edge\.v1\.ObjectStorageService\.Close \(edge/v1/edge\.proto:\d+\)"
    ):
        GoNaming(api, {"edge.v1.ObjectStorageService.Close": "Close"})


@pytest.mark.parametrize(("name", "collides"), clash_params("go"))
def test_clash_fragments(name: str, collides: bool) -> None:
    api = clash_api(name)
    if collides:
        with pytest.raises(NamingError, match=rf" \({name}:\d+\) and .* \({name}:\d+\) both map to"):
            GoNaming(api)
    else:
        GoNaming(api)


def test_fragments_and_the_real_api_name_without_collisions() -> None:
    from l8gen.descriptors import compile_protos
    from l8gen.ir.builder import build_api

    from tests.conftest import PROTO_ROOT, fragments_api

    _, _, fragments = fragments_api()
    compiled = compile_protos(PROTO_ROOT)
    for api in (fragments, build_api(compiled.fds, compiled.files)):
        naming = GoNaming(api)
        for service in api.services:
            assert naming.service(service)
            assert all(naming.method(m) for m in service.methods)


def test_flat_methods_qualify_rpcs_sharing_a_name_across_services() -> None:
    _, _, api = fragments_api()  # same_name/{a,b}/common.proto: a.Hello/SayHello and b.Hello/SayHello
    naming = GoNaming(api, flat_methods=True)
    names = {m.full_name: naming.method(m) for s in api.services for m in s.methods}
    assert names["l8test.same_name.a.Hello.SayHello"] == "AHelloSayHello"
    assert names["l8test.same_name.b.Hello.SayHello"] == "BHelloSayHello"
    assert names["l8test.nested.Nested.GetInner"] == "GetInner"  # unique names stay unqualified
    assert len(set(names.values())) == len(names)


def test_flat_methods_override_wins_over_qualification() -> None:
    _, _, api = fragments_api()
    naming = GoNaming(api, {"l8test.same_name.a.Hello.SayHello": "Hi"}, flat_methods=True)
    method = api.service("l8test.same_name.a.Hello").methods[0]
    other = api.service("l8test.same_name.b.Hello").methods[0]
    assert (naming.method(method), naming.method(other)) == ("Hi", "SayHello")


def test_flat_helpers_share_the_client_method_scope() -> None:
    api = api_of('syntax = "proto3"; package h; message M { bytes data = 1; }\n'
                 "service S { rpc Put(stream M) returns (M); rpc OpenPut(M) returns (M); }")
    naming = GoNaming(api, flat_methods=True)
    put = api.service("h.S").methods[0]
    clash = r"\*l8\.Client: rpc h\.S\.OpenPut .* and open helper of rpc h\.S\.Put .* both map to 'OpenPut'"
    with pytest.raises(NamingError, match=clash):
        naming.helper(put, "open")
    assert naming.helper(put, "from_reader") == "PutFromReader"
    assert naming.file_stem(api.service("h.S")) == "s"
