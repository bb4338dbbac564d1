"""naming.go: golden edge-case table, initialisms, protoc-gen-go names, trailing-underscore escape."""

from __future__ import annotations

import pytest
from l8gen.errors import NamingError
from l8gen.naming.go import KEYWORDS, GoNaming, exported, go_camel_case, unexported

from tests.naming.clashes import clash_api, clash_params
from tests.naming.edge import EDGE_FIELDS, EDGE_RPCS, edge_api

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
    names = {f.name: GoNaming.go_field(f) for f in edge.fields if f.name in GO_FIELDS}
    assert names == GO_FIELDS
    assert (
        go_camel_case("_leading") == "XLeading"
        and go_camel_case("a.b_c") == "ABC"
        and go_camel_case("a.B") == "A_B"
    )


def test_go_type_and_enum_value_names() -> None:
    from tests.conftest import fragments_api

    _, _, api = fragments_api()
    naming = GoNaming(api)
    assert naming.go_type("l8test.nested.Outer.Inner.Deeper") == "Outer_Inner_Deeper"
    assert naming.go_type("l8test.nested.lowercase_message") == "LowercaseMessage"
    assert naming.enum_value("l8test.nested.Outer.Inner.Kind", "KIND_ONE") == "Outer_Inner_KIND_ONE"
    assert naming.enum_value("l8test.maps.Color", "COLOR_RED") == "Color_COLOR_RED"


def test_keywords_escape_with_one_trailing_underscore() -> None:
    naming = GoNaming(edge_api(), client_members=())
    for word in KEYWORDS:
        assert naming.escape(word) == word + "_"


def test_default_client_members_collide_with_close_rpc() -> None:
    with pytest.raises(
        NamingError, match=r"rpc edge\.v1\.ObjectStorageService\.Close \(edge/v1/edge\.proto:\d+\)"
    ):
        GoNaming(edge_api())


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
