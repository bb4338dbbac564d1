"""Imports and helpers of generated files follow what each file uses (Node client.ts, Go service files and
import blocks, the drivers' per-shape helpers): no upload or stream imports for an API without them."""

from __future__ import annotations

import re

import pytest
from l8gen import pipeline
from l8gen.targets.base import GenOptions

from tests.conftest import compile_proto

WKT_ONLY = """syntax = "proto3";
package ping.v1;
import "google/protobuf/empty.proto";
service Ping {
  rpc Ping(google.protobuf.Empty) returns (google.protobuf.Empty);
}
"""

SHAPES = """syntax = "proto3";
package shapes.v1;
message M { string v = 1; }
service S {
  rpc Unary(M) returns (M);
  rpc Down(M) returns (stream M);
}
"""


def _generate(text: str, target: str) -> dict[str, str]:
    fds = compile_proto(text, "api.proto")
    return pipeline.generate(fds, ["api.proto"], GenOptions(), [target])[target]


@pytest.fixture(scope="module")
def node_shapes() -> dict[str, str]:
    return _generate(SHAPES, "node")


def _imported(ts: str, module: str) -> set[str]:
    names: set[str] = set()
    for match in re.finditer(r'import (?:type )?\{ ([^}]*) \} from "' + re.escape(module) + '";', ts):
        names |= {n.strip() for n in match.group(1).split(",")}
    return names


def test_node_client_imports_no_upload_types_without_an_upload_rpc(node_shapes: dict[str, str]) -> None:
    client = node_shapes["src/client.ts"]
    assert "UploadOptions" not in _imported(client, "./runtime/calls.js")
    assert "ByteSource" not in _imported(client, "./runtime/streams.js")


def test_node_client_imports_the_stream_type_of_each_shape_used(node_shapes: dict[str, str]) -> None:
    assert _imported(node_shapes["src/client.ts"], "./runtime/streams.js") == {"ServerStream"}


def test_node_driver_defines_only_the_helpers_of_used_shapes(node_shapes: dict[str, str]) -> None:
    table = node_shapes["compat-driver/src/table.ts"]
    defined = set(re.findall(r"^function (\w+)<", table, re.M))
    assert defined == {"unary", "serverStream"}


def test_go_service_file_of_a_wkt_only_service_does_not_import_its_stub_package() -> None:
    files = _generate(WKT_ONLY, "go")
    service = next(text for path, text in files.items() if path.startswith("service_"))
    assert "pingv1" not in service
    assert "pingv1 " in files["client.go"]  # the stub client is still constructed there


def test_go_import_blocks_list_each_path_once() -> None:
    files = _generate(WKT_ONLY, "go")
    for path, text in files.items():
        if path.endswith(".go") and "import (" in text:
            block = text.split("import (", 1)[1].split(")", 1)[0]
            paths = re.findall(r'"([^"]+)"', block)
            assert len(paths) == len(set(paths)), path


def test_node_imports_protobuf_es_escaped_type_names() -> None:
    files = _generate('syntax = "proto3";\npackage t.v1;\nmessage class { string a = 1; }\n'
                      "service S {\n  rpc Get(class) returns (class);\n}\n", "node")
    assert "class$" in _imported(files["src/client.ts"], "./gen/api_pb.js")
