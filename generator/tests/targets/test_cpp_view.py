"""The C++ view (targets._cpp_view): SDK identifiers, upload and Layotto helpers (protoc names: naming)."""

from __future__ import annotations

import pytest
from l8gen.errors import NamingError
from l8gen.languages.cpp.view import build_view

from tests.conftest import api_of, compile_proto

STREAMS_PROTO = """syntax = "proto3";
package up.v1;
message Chunk { string name = 1; bytes data = 2; }
message TwoBlobs { bytes a = 1; bytes b = 2; }
message InOneof { oneof x { bytes data = 1; string text = 2; } }
message Done {}
service Files {
  rpc Put(stream Chunk) returns (Done);
  rpc PutTwo(stream TwoBlobs) returns (Done);
  rpc PutOneof(stream InOneof) returns (Done);
  rpc Get(Chunk) returns (stream Chunk) { option idempotency_level = NO_SIDE_EFFECTS; }
}
"""


def test_upload_helper_only_for_a_single_plain_bytes_field() -> None:
    api = api_of(STREAMS_PROTO)
    methods = {m.name: m for m in api.service("up.v1.Files").methods}
    assert methods["Put"].upload_field == "data"
    assert methods["PutTwo"].upload_field is None
    assert methods["PutOneof"].upload_field is None
    assert methods["Get"].upload_field is None  # not client streaming
    view = build_view(api)
    (files,) = view.services
    put = next(m for m in files.methods if m.name == "Put")
    assert put.upload is not None
    assert (put.upload.stream_ident, put.upload.file_ident, put.upload.accessor) == (
        "PutFromStream", "PutFromFile", "data")


def test_service_view_names() -> None:
    view = build_view(api_of(STREAMS_PROTO))
    (files,) = view.services
    assert (files.cls, files.accessor, files.member, files.header) == (
        "FilesClient", "files", "files_", "files_client.h")
    assert files.stub == "::up::v1::Files"
    assert files.grpc_header == "test.grpc.pb.h"
    get = next(m for m in files.methods if m.name == "Get")
    assert (get.shape, get.idempotent, get.rpc) == ("server_stream", True, "up.v1.Files/Get")
    assert get.request == "::up::v1::Chunk"


def test_feature_helpers_absent_without_configured_features() -> None:
    view = build_view(api_of(STREAMS_PROTO))
    assert (view.events, view.subscription, view.app, view.upload_rpc, view.runtime) == (None,) * 5


def test_rpc_names_that_are_template_locals_are_escaped() -> None:
    api = api_of("""syntax = "proto3";
package loc.v1;
message M {}
service S { rpc request(M) returns (M); rpc path(M) returns (M); rpc Get(M) returns (M); }
""")
    (service,) = build_view(api).services
    assert [m.ident for m in service.methods] == ["request_", "path_", "Get"]
    assert [m.stub_method for m in service.methods] == ["request", "path", "Get"]


def test_accessor_named_like_a_client_member_is_escaped() -> None:
    api = api_of("""syntax = "proto3";
package clash.v1;
message M {}
service Endpoint { rpc Get(M) returns (M); }
""")
    (service,) = build_view(api).services
    assert (service.cls, service.accessor) == ("EndpointClient", "endpoint_")


def test_rpc_named_like_an_sdk_type_is_escaped_but_a_service_is_not() -> None:
    """An RPC ``ServerStream`` would change the meaning of ``ServerStream<...>`` inside the client class."""
    api = api_of("""syntax = "proto3";
package clash.v1;
message M {}
service Result {
  rpc ServerStream(M) returns (stream M);
  rpc CallOptions(M) returns (M);
  rpc Get(M) returns (M);
}
""")
    (service,) = build_view(api).services
    assert service.cls == "ResultClient"
    assert sorted(m.ident for m in service.methods) == ["CallOptions_", "Get", "ServerStream_"]


def test_services_whose_accessors_collide_fail_with_a_hint() -> None:
    api = api_of("""syntax = "proto3";
package clash.v1;
message M {}
service HTTPProxy { rpc Get(M) returns (M); }
service HttpProxy { rpc Get(M) returns (M); }
""")
    with pytest.raises(NamingError, match=r"http_proxy.*cpp\.overrides"):
        build_view(api)


def test_accessor_collision_names_both_services_with_file_and_line() -> None:
    api = api_of("""syntax = "proto3";
package clash.v1;
message M {}
service HTTPProxy { rpc Get(M) returns (M); }
service HttpProxy { rpc Get(M) returns (M); }
""")
    with pytest.raises(NamingError) as err:
        build_view(api)
    assert "(test.proto:4)" in str(err.value)
    assert "(test.proto:5)" in str(err.value)


def test_override_renames_the_service() -> None:
    api = api_of("""syntax = "proto3";
package clash.v1;
message M {}
service Channel { rpc Get(M) returns (M); }
""")
    (service,) = build_view(api, {"clash.v1.Channel": "Pipe"}).services
    assert (service.cls, service.accessor) == ("PipeClient", "pipe")


def test_internal_packages_get_no_client() -> None:
    fds = compile_proto("""syntax = "proto3";
package ctl.v1;
message M {}
service Control { rpc Get(M) returns (M); }
""")
    from l8gen.ir.builder import build_api

    api = build_api(fds, ["test.proto"], (), ("ctl.v1",))
    view = build_view(api)
    assert view.services == ()
    assert view.all_rpcs == ()


FLAT_PROTO = """syntax = "proto3";
package f.v1;
service S { rpc Put(PutRequest) returns (PutRequest); }
enum Mode { MODE_UNSPECIFIED = 0; }
message Item { string k = 1; }
message PutRequest {
  string store_name = 1;
  repeated Item items = 2;
  map<string, int64> sizes = 3;
  Mode mode = 4;
  repeated string keys = 5;
  bytes data = 6;
}
"""


def test_flattened_signatures_are_overloads_with_protoc_setters() -> None:
    from l8gen.ir.builder import build_api

    sigs = {"f.v1.S.Put": ("store_name,items,sizes,mode,keys,data",)}
    api = build_api(compile_proto(FLAT_PROTO), ["test.proto"], signatures=sigs)
    (flat,) = build_view(api, {}).services[0].methods[0].flats
    assert flat.params == (
        "const std::string& store_name, const std::vector<::f::v1::Item>& items, "
        "const std::map<std::string, std::int64_t>& sizes, ::f::v1::Mode mode, "
        "const std::vector<std::string>& keys, const std::string& data_")
    assert flat.sets == (
        "request.set_store_name(store_name);", "for (const auto& v : items) *request.add_items() = v;",
        "request.mutable_sizes()->insert(sizes.begin(), sizes.end());", "request.set_mode(mode);",
        "for (const auto& v : keys) request.add_keys(v);", "request.set_data(data_);")
