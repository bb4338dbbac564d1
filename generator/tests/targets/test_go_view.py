"""l8gen.languages.go.view (naming.go, flat mode): Go layer identifiers, collisions, examples, imports."""

from __future__ import annotations

import pytest
from l8gen.errors import NamingError
from l8gen.ir.builder import build_api
from l8gen.languages.go.view import GoView, build_view

from tests.conftest import FRAGMENTS, api_of, compile_proto

MODULE = "example.com/sdk"
HEAD = 'syntax = "proto3";\npackage p.v1;\nmessage M { string name = 1; bytes data = 2; }\n'


def view_of(text: str, overrides: dict[str, str] | None = None) -> GoView:
    return build_view(api_of(HEAD + text), MODULE, "1.0.0", overrides or {})


def test_methods_use_go_initialisms_and_call_the_plugin_names() -> None:
    view = view_of("service S { rpc GetNextId(M) returns (M); rpc SignUrl(M) returns (M); }")
    methods = {m.proto_name: m for m in view.methods}
    assert (methods["GetNextId"].name, methods["GetNextId"].stub_name) == ("GetNextID", "GetNextId")
    assert methods["SignUrl"].name == "SignURL"
    assert methods["GetNextId"].req == "pv1.M"
    assert methods["GetNextId"].rpc == "p.v1.S/GetNextId"


def test_helpers_per_shape() -> None:
    view = view_of(
        "service S { rpc Up(stream M) returns (M); rpc Down(M) returns (stream M); rpc Chat(stream M) returns"
        " (stream M); rpc Plain(M) returns (M); }"
    )
    m = {x.proto_name: x for x in view.methods}
    assert (m["Up"].open_name, m["Up"].from_reader, m["Up"].from_path, m["Up"].upload_field) == (
        "OpenUp", "UpFromReader", "UpFromPath", "Data")
    assert (m["Down"].to_writer, m["Down"].download_field) == ("DownToWriter", "Data")
    assert m["Chat"].open_name == m["Chat"].from_reader == m["Chat"].to_writer == ""
    assert m["Plain"].open_name == ""
    assert set(view.examples) >= {"unary", "server_stream", "client_stream", "bidi", "upload", "download"}


def test_no_upload_helper_without_exactly_one_bytes_field() -> None:
    view = view_of("message Two { bytes a = 1; bytes b = 2; }\nservice S { rpc Up(stream Two) returns (M); }")
    (method,) = view.methods
    assert method.open_name == "OpenUp" and method.from_reader == "" and method.upload_field == ""


def test_same_rpc_name_in_two_services_is_qualified() -> None:
    view = view_of("service A { rpc Get(M) returns (M); }\n"
                   "service B { rpc Get(M) returns (M); rpc Put(M) returns (M); }")
    assert sorted(m.name for m in view.methods) == ["AGet", "BGet", "Put"]
    assert [s.stub_field for s in view.services] == ["stubA", "stubB"]


def test_override_resolves_a_cross_service_clash() -> None:
    text = "service A { rpc Get(M) returns (M); }\nservice B { rpc Get(M) returns (M); }"
    view = view_of(text, {"p.v1.A.Get": "Fetch"})
    assert sorted(m.name for m in view.methods) == ["Fetch", "Get"]


def test_rpc_named_like_a_client_member_fails_with_the_fix() -> None:
    with pytest.raises(NamingError, match=r"rpc p\.v1\.S\.Close .*'Close'.*go\.overrides"):
        view_of("service S { rpc Close(M) returns (M); }")
    view = view_of("service S { rpc Close(M) returns (M); }", {"p.v1.S.Close": "CloseSession"})
    assert [m.name for m in view.methods] == ["CloseSession"]


def test_helper_name_clashing_with_an_rpc_fails() -> None:
    with pytest.raises(NamingError, match="open helper of rpc p.v1.S.Up"):
        view_of("service S { rpc Up(stream M) returns (M); rpc OpenUp(M) returns (M); }")


@pytest.mark.parametrize("fragment", ["clashes/snake_methods.proto", "clashes/escaped_rpcs.proto",
                                      "clashes/field_case.proto"])
def test_clash_fragments_fail_for_go(fragment: str) -> None:
    text = (FRAGMENTS / fragment).read_text()
    assert "go" in text.splitlines()[0]  # the fragment says Go must reject it
    api = build_api(compile_proto(text, fragment), [fragment])
    with pytest.raises(NamingError):
        build_view(api, MODULE, "1.0.0", {})


def test_doc_comments_start_with_the_go_name() -> None:
    view = view_of(
        "service S {\n  // GetNextId returns the next id.\n  rpc GetNextId(M) returns (M);\n"
        "  // Reads something.\n  rpc Read(M) returns (M);\n  rpc Bare(M) returns (M);\n}"
    )
    docs = {m.proto_name: m.doc for m in view.methods}
    assert docs["GetNextId"] == ("GetNextID returns the next id.",)
    assert docs["Read"] == ("Read calls p.v1.S/Read.", "", "Reads something.")
    assert docs["Bare"] == ("Bare calls p.v1.S/Bare.",)


def test_stub_aliases_avoid_the_templates_imports() -> None:
    api = api_of('syntax = "proto3";\npackage x.grpc;\nmessage M {}\nservice S { rpc Get(M) returns (M); }',
                 name="x/grpc/s.proto")
    view = build_view(api, MODULE, "1.0.0", {})
    (imp,) = [i for i in view.imports if i.path.startswith(MODULE)]
    assert imp.alias == "grpcpb" and view.methods[0].req == "grpcpb.M"


def test_retryable_lists_the_idempotent_client_rpcs() -> None:
    view = view_of(
        "service S { rpc Get(M) returns (M) { option idempotency_level = NO_SIDE_EFFECTS; }\n"
        "rpc Set(M) returns (M) { option idempotency_level = IDEMPOTENT; }\n rpc Add(M) returns (M); }"
    )
    assert view.retryable == (("p.v1.S", "Get"), ("p.v1.S", "Set"))
    assert view.examples["unary_idempotent"].proto_name == "Get"
    assert view.examples["unary_mutating"].proto_name == "Add"


def test_flattened_signatures_get_flat_methods_with_field_types() -> None:
    text = """
service S {
  rpc Put(PutRequest) returns (PutRequest);
}
enum Mode { MODE_UNSPECIFIED = 0; }
message Item { string k = 1; }
message PutRequest {
  string store_name = 1;
  repeated Item items = 2;
  map<string, int64> sizes = 3;
  Mode mode = 4;
  optional int32 ttl = 5;
  oneof pick { string a = 6; bytes b = 7; }
}
"""
    sigs = {"p.v1.S.Put": ("store_name,items", "store_name,sizes,mode,ttl,b")}
    api = build_api(compile_proto(HEAD + text), ["test.proto"], signatures=sigs)
    put = build_view(api, MODULE, "1.0.0", {}).services[0].methods[0]
    one, two = put.flats
    assert (one.name, two.name) == ("PutFlat", "PutFlat2")
    assert one.params == "storeName string, items []*pv1.Item"
    assert two.params == "storeName string, sizes map[string]int64, mode pv1.Mode, ttl int32, b []byte"
    assert two.init == ("StoreName: storeName, Sizes: sizes, Mode: mode, Ttl: &ttl, "
                        "Pick: &pv1.PutRequest_B{B: b}")
    assert one.call == "PutFlat(ctx, storeName, items)"
