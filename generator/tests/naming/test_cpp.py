"""naming.cpp: golden edge-case table, the trailing-underscore escape, protoc 3.21's C++ names."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from google.protobuf import descriptor_pb2, text_format
from l8gen.errors import NamingError
from l8gen.languages.cpp.naming import KEYWORDS, MACRO_FIELD_NAMES, PROTOC_KEYWORDS, CppNaming
from l8gen.languages.cpp.target import descriptor_text

from tests.conftest import api_of, compile_proto, system_protoc
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
    assert (accessors["errno"], accessors["import"], accessors["self"]) == ("errno_", "import", "self")
    assert naming.pb_type("edge.v1.Edge") == "::edge::v1::Edge"
    assert naming.namespace("spec.proto.runtime.v1") == "spec::proto::runtime::v1"
    assert naming.namespace("a.namespace.new") == "a::namespace_::new_"


def test_nested_types() -> None:
    from tests.conftest import fragments_api

    _, _, api = fragments_api()
    naming = CppNaming(api)
    assert naming.pb_type("l8test.nested.Outer.Inner.Deeper") == "::l8test::nested::Outer_Inner_Deeper"
    assert naming.pb_type("l8test.nested.Outer.Inner", qualified=False) == "Outer_Inner"


KEYWORD_PROTO = """syntax = "proto3";
package kw.v1;
message class { message default { int32 x = 1; } enum namespace { register = 0; } map<string, int32> m = 1; }
message Plain { message Inner { message Deeper {} } }
enum Errno { ERRNO_UNSPECIFIED = 0; }
enum new { NEW_UNSPECIFIED = 0; }
message Macros { string errno = 1; string major = 2; string delete = 3; string NULL = 4; string Body = 5;
                 string requires = 6; }
"""


def test_keyword_named_messages_follow_protoc() -> None:
    naming = CppNaming(api_of(KEYWORD_PROTO))
    classes = {
        "kw.v1.class": "class_",
        "kw.v1.class.default": "class__default",  # the parent's "_" kept, then "_" + name
        "kw.v1.class.namespace": "class__namespace",
        "kw.v1.class.MEntry": "class__MEntry_DoNotUse",
        "kw.v1.Plain.Inner.Deeper": "Plain_Inner_Deeper",
        "kw.v1.new": "new_",
        "kw.v1.Errno": "Errno",
    }
    assert {n: naming.pb_type(n, qualified=False) for n in classes} == classes
    assert naming.pb_type("kw.v1.class.default") == "::kw::v1::class__default"


def test_pb_type_namespace_is_the_package_unescaped() -> None:
    text = ('syntax = "proto3"; package std.grpc; import "google/protobuf/empty.proto";\n'
            "message M { google.protobuf.Empty e = 1; }")
    naming = CppNaming(api_of(text))
    assert naming.pb_type("google.protobuf.Empty") == "::google::protobuf::Empty"  # not ::google_::
    assert naming.pb_type("std.grpc.M") == "::std::grpc::M"
    assert naming.namespace("std.grpc") == "std_::grpc_"  # our own namespaces are escaped


def test_macro_and_keyword_named_fields_accessors() -> None:
    naming = CppNaming(api_of(KEYWORD_PROTO))
    macros = naming.api.message("kw.v1.Macros")
    accessors = {f.name: naming.pb_accessor(f) for f in macros.fields}
    assert accessors == {
        "errno": "errno_",  # a macro: renamed by the C++ target, see targets.cpp.descriptor_text
        "major": "major_",
        "delete": "delete_",
        "NULL": "null",  # lower-cased first: no longer a keyword
        "Body": "body",
        "requires": "requires",  # a C++20 keyword protoc 3.21 does not know
    }
    assert naming.pb_accessor("data") == "data"
    assert MACRO_FIELD_NAMES.isdisjoint(PROTOC_KEYWORDS)


def test_protoc_names_match_what_debian_protoc_generates(tmp_path: Path) -> None:
    """pb_type and pb_accessor against the header Debian's protoc makes from the descriptors the C++ target
    ships (macro-named fields renamed)."""
    shipped = text_format.Parse(
        descriptor_text(compile_proto(KEYWORD_PROTO), ["test.proto"]).split("\n", 1)[1],
        descriptor_pb2.FileDescriptorSet(),
    )
    (tmp_path / "api.pb").write_bytes(shipped.SerializeToString())
    subprocess.run([system_protoc(), "--descriptor_set_in=api.pb", "--cpp_out=.", "test.proto"], check=True,
                   cwd=tmp_path)
    header = (tmp_path / "test.pb.h").read_text()
    naming = CppNaming(api_of(KEYWORD_PROTO))
    for full_name in ("kw.v1.class", "kw.v1.class.default", "kw.v1.Plain.Inner.Deeper", "kw.v1.Macros"):
        assert f"class {naming.pb_type(full_name, qualified=False)} final" in header
    assert f"class {naming.pb_type('kw.v1.class.MEntry', qualified=False)} " in header
    for full_name in ("kw.v1.class.namespace", "kw.v1.new", "kw.v1.Errno"):
        assert f"enum {naming.pb_type(full_name, qualified=False)} : int" in header
    for field in naming.api.message("kw.v1.Macros").fields:
        assert f"const std::string& {naming.pb_accessor(field)}() const;" in header, field.name


def test_keywords_and_macros_escape_with_one_trailing_underscore() -> None:
    naming = CppNaming(edge_api(), client_members=())
    for word in sorted(KEYWORDS | {"errno", "NULL", "assert", "EOF"}):
        assert naming.escape(word) == word + "_"


def test_close_rpc_is_escaped_clear_of_the_close_member() -> None:
    api = edge_api()
    close = next(m for m in api.service("edge.v1.ObjectStorageService").methods if m.name == "Close")
    assert CppNaming(api).method(close) == "Close_"
    with pytest.raises(NamingError, match="generated member 'Close'"):
        CppNaming(api, {"edge.v1.ObjectStorageService.Close": "Close"})


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
