"""naming.typescript: golden edge-case table, the trailing-``$`` escape, protobuf-es field names."""

from __future__ import annotations

import pytest
from l8gen.errors import NamingError
from l8gen.languages.node.naming import KEYWORDS, TypeScriptNaming

from tests.naming.clashes import clash_api, clash_params
from tests.naming.edge import EDGE_FIELDS, EDGE_RPCS, edge_api

PARAMS = {
    "class": "class$",
    "def": "def",
    "async": "async$",
    "from": "from",
    "import": "import$",
    "self": "self$",
    "request": "request$",
    "type": "type$",
    "id": "id",
    "delete": "delete$",
    "default": "default$",
    "constructor": "constructor$",
    "function": "function$",
    "package": "package$",
    "interface": "interface$",
    "func": "func",
    "range": "range",
    "go": "go",
    "chan": "chan",
    "new": "new$",
    "namespace": "namespace$",
    "register": "register",
    "errno": "errno",
    "NULL": "null$",
    "storeName": "storeName",
    "IPv6Address": "ipv6Address",
    "OAuth2Token": "oauth2Token",
    "c2s": "c2s",
    "ds18b20": "ds18b20",
    "ALL_CAPS": "allCaps",
    "sse_kms_keyId": "sseKmsKeyId",
    "timeout": "timeout$",
    "metadata": "metadata$",
    "ctx": "ctx$",
    "opts": "opts$",
    "err": "err$",
    "plain_name": "plainName",
}
# Method names are properties: keywords are legal there, only object-builtin names are escaped.
METHODS = {
    "GetState": "getState",
    "SignURL": "signUrl",
    "GetNextId": "getNextId",
    "Import": "import",
    "Delete": "delete",
    "New": "new",
    "Close": "close",
    "HTTPServerStatus": "httpServerStatus",
}


def test_golden_tables_cover_the_edge_proto() -> None:
    assert set(PARAMS) == set(EDGE_FIELDS) and set(METHODS) == set(EDGE_RPCS)


def test_param_golden_table() -> None:
    api = edge_api()
    naming = TypeScriptNaming(api, client_members=())
    edge = api.message("edge.v1.Edge")
    assert {f.name: naming.param(edge, f) for f in edge.fields} == PARAMS


def test_method_and_service_golden_table() -> None:
    api = edge_api()
    naming = TypeScriptNaming(api, client_members=())
    service = api.service("edge.v1.ObjectStorageService")
    assert {m.name: naming.method(m) for m in service.methods} == METHODS
    assert [naming.service(s) for s in api.services] == ["objectStorageService", "runtime"]
    assert naming.service_class(service) == "ObjectStorageServiceClient"


def test_member_escape_only_touches_object_builtins() -> None:
    naming = TypeScriptNaming(edge_api(), client_members=())
    assert naming.member("constructor") == "constructor$"
    assert naming.member("toString") == "toString$"
    assert naming.member("delete") == "delete"


def test_keywords_escape_with_one_trailing_dollar() -> None:
    naming = TypeScriptNaming(edge_api(), client_members=())
    for word in KEYWORDS:
        assert naming.escape(word) == word + "$"


def test_es_field_names() -> None:
    api = edge_api()
    names = {f.name: TypeScriptNaming.es_field(f) for f in api.message("edge.v1.Edge").fields}
    assert names["sse_kms_keyId"] == "sseKmsKeyId"
    assert names["storeName"] == "storeName"
    assert names["constructor"] == "constructor$"
    assert names["class"] == "class"


def test_close_rpc_is_escaped_clear_of_the_close_member() -> None:
    api = edge_api()
    close = next(m for m in api.service("edge.v1.ObjectStorageService").methods if m.name == "Close")
    assert TypeScriptNaming(api).method(close) == "close$"
    with pytest.raises(NamingError, match="generated member 'close'"):
        TypeScriptNaming(api, {"edge.v1.ObjectStorageService.Close": "close"})


@pytest.mark.parametrize(("name", "collides"), clash_params("node"))
def test_clash_fragments(name: str, collides: bool) -> None:
    api = clash_api(name)
    if collides:
        with pytest.raises(NamingError, match=rf" \({name}:\d+\) and .* \({name}:\d+\) both map to"):
            TypeScriptNaming(api)
    else:
        TypeScriptNaming(api)


def test_fragments_and_the_real_api_name_without_collisions() -> None:
    from l8gen.descriptors import compile_protos
    from l8gen.ir.builder import build_api

    from tests.conftest import PROTO_ROOT, fragments_api

    _, _, fragments = fragments_api()
    compiled = compile_protos(PROTO_ROOT)
    for api in (fragments, build_api(compiled.fds, compiled.files)):
        naming = TypeScriptNaming(api)
        for service in api.services:
            assert naming.service(service)
            assert all(naming.method(m) for m in service.methods)
