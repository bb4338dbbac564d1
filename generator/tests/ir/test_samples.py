"""ir.samples: the smallest valid request of a type as proto3 JSON (what driver tests send)."""

from __future__ import annotations

import json

from l8gen.ir.samples import minimal_json

from tests.conftest import api_of

PROTO2 = """syntax = "proto2";
package p.v1;
enum Mode { MODE_FAST = 0; MODE_SLOW = 1; }
message Inner { required int64 id = 1; optional string note = 2; }
message Req { required string key = 1; optional int32 limit = 2 [default = 10]; required Mode mode = 3;
              required Inner inner = 4; required bool flag = 5; required bytes blob = 6; }
"""

WKT = """syntax = "proto3";
package w.v1;
import "google/protobuf/wrappers.proto";
import "google/protobuf/timestamp.proto";
import "google/protobuf/empty.proto";
service S {
  rpc A(google.protobuf.StringValue) returns (google.protobuf.Empty);
  rpc B(google.protobuf.Timestamp) returns (google.protobuf.Empty);
  rpc C(google.protobuf.Empty) returns (google.protobuf.Int64Value);
}
message Plain { string name = 1; }
"""


def test_required_fields_get_their_defaults_recursively() -> None:
    api = api_of(PROTO2, "p.proto")
    assert json.loads(minimal_json(api, "p.v1.Req")) == {
        "key": "", "mode": "MODE_FAST", "inner": {"id": "0"}, "flag": False, "blob": ""}


def test_well_known_types_use_their_json_forms() -> None:
    api = api_of(WKT, "w.proto")
    assert minimal_json(api, "google.protobuf.StringValue") == '""'
    assert minimal_json(api, "google.protobuf.Timestamp") == '"1970-01-01T00:00:00Z"'
    assert minimal_json(api, "google.protobuf.Int64Value") == '"0"'
    assert minimal_json(api, "google.protobuf.Empty") == "{}"
    assert minimal_json(api, "w.v1.Plain") == "{}"
