"""The C++ target (targets.cpp) on the real API: package layout, one method and one driver entry per RPC,
determinism, the descriptor text Debian's protoc reads, and option errors. Building the output is
test_cpp_build.py's job."""

from __future__ import annotations

import functools
import random
import re
import subprocess
from pathlib import Path

import pytest
from google.protobuf import descriptor_pb2, text_format
from l8gen.config import load_options
from l8gen.descriptors import compile_protos
from l8gen.errors import ConfigError, NamingError
from l8gen.languages.cpp.target import TARGET, cmake_version, descriptor_text
from l8gen.pipeline import api_from
from l8gen.targets import REGISTRY
from l8gen.targets.base import GenOptions

from tests.conftest import PROTO_ROOT, REPO, compile_proto, system_protoc


@functools.cache
def real_inputs() -> tuple[descriptor_pb2.FileDescriptorSet, tuple[str, ...], GenOptions]:
    compiled = compile_protos(PROTO_ROOT)
    return compiled.fds, compiled.files, load_options(REPO / "pyproject.toml")


@functools.cache
def real_output() -> dict[str, str]:
    fds, files, opts = real_inputs()
    api = api_from(fds, files, opts)
    return TARGET.generate(api, fds, opts)


def test_registered_under_its_name() -> None:
    assert REGISTRY["cpp"].out_dir == "sdks/cpp"


def test_package_layout() -> None:
    out = real_output()
    for path in ("CMakeLists.txt", "README.md", "cmake/l8sdkConfig.cmake.in", "proto/api.fds.txtpb",
                 "proto/google/rpc/status.proto", "proto/grpc/health/v1/health.proto", "include/l8/client.h",
                 "include/l8/sdk.h", "include/l8/subscription.h", "include/l8/app_callback.h",
                 "src/connection.cc", "compat-driver/main.cc", "compat-driver/rpc_table.cc",
                 "tests/endpoint_test.cc", "tests/consumer/CMakeLists.txt"):
        assert path in out, path
    assert list(out) == sorted(out)
    assert all("\r" not in text for text in out.values())


def test_every_client_rpc_has_a_method_and_a_driver_entry() -> None:
    out = real_output()
    fds, files, opts = real_inputs()
    api = api_from(fds, files, opts)
    client_rpcs = [(s, m) for s in api.client_services for m in s.methods]
    assert len(client_rpcs) == 60
    headers = "".join(text for path, text in out.items() if path.endswith("_client.h"))
    table = out["compat-driver/rpc_table.cc"]
    for service, method in client_rpcs:
        assert re.search(rf"> {method.name}\((const|std::istream)", headers), method.full_name
        assert f'"{service.full_name}", "{method.name}"' in table, method.full_name
    assert table.count("Entry<") == 60
    hello = out["compat-driver/main.cc"]
    assert hello.count("rpcs.push_back(") == 62  # the 60 client RPCs and the 2 AppCallback RPCs it serves


def test_idempotency_decides_retries() -> None:
    source = real_output()["src/runtime_client.cc"]
    assert '"spec.proto.runtime.v1.Runtime/GetState", true' in source
    assert '"spec.proto.runtime.v1.Runtime/SaveState", false' in source


def test_proto_comments_become_doxygen() -> None:
    header = real_output()["include/l8/runtime_client.h"]
    assert "  /// Reads the value stored under one key of a `state` store." in header


def test_upload_helpers_for_the_chunked_rpcs() -> None:
    out = real_output()
    assert "PutFileFromStream(std::istream& data" in out["include/l8/runtime_client.h"]
    oss = out["include/l8/object_storage_service_client.h"]
    for rpc in ("PutObject", "UploadPart", "AppendObject"):
        assert f"{rpc}FromFile(const std::string& path" in oss


def test_internal_control_package_is_left_out() -> None:
    out = real_output()
    assert "l8/control" not in out["proto/api.fds.txtpb"]
    assert not any("control" in path for path in out)


def test_deterministic_and_independent_of_descriptor_order() -> None:
    fds, files, opts = real_inputs()
    shuffled = descriptor_pb2.FileDescriptorSet()
    protos = list(fds.file)
    random.Random(7).shuffle(protos)
    shuffled.file.extend(protos)
    api = api_from(shuffled, list(reversed(files)), opts)
    assert TARGET.generate(api, shuffled, opts) == real_output()


def test_no_tool_versions_or_timestamps() -> None:
    for path, text in real_output().items():
        assert not re.search(r"20\d\d-\d\d-\d\d|protoc \d|libprotoc", text), path


def test_descriptor_text_round_trips() -> None:
    fds, files, _ = real_inputs()
    text = descriptor_text(fds, [f for f in files if not f.startswith("l8/")])
    parsed = text_format.Parse(text, descriptor_pb2.FileDescriptorSet())
    names = [f.name for f in parsed.file]
    assert names == sorted(names)
    assert "google/protobuf/empty.proto" in names  # imports travel along
    assert all(not f.HasField("source_code_info") for f in parsed.file)


def test_debian_protoc_encodes_the_descriptor_text(tmp_path: Path) -> None:
    source = tmp_path / "api.fds.txtpb"
    source.write_text(real_output()["proto/api.fds.txtpb"])
    include = Path("/usr/include")
    with source.open("rb") as stdin:
        proc = subprocess.run(
            [system_protoc(), "--encode=google.protobuf.FileDescriptorSet", f"-I{include}",
             "google/protobuf/descriptor.proto"], stdin=stdin, capture_output=True, check=False)
    assert proc.returncode == 0, proc.stderr.decode()
    decoded = descriptor_pb2.FileDescriptorSet.FromString(proc.stdout)
    assert "spec/proto/runtime/v1/runtime.proto" in [f.name for f in decoded.file]


def test_cmake_version_takes_the_numeric_prefix() -> None:
    assert cmake_version("1.2.3") == "1.2.3"
    assert cmake_version("0.4.0-rc.1") == "0.4.0"
    with pytest.raises(ConfigError):
        cmake_version("dev")


def test_bad_namespace_is_a_config_error() -> None:
    fds, files, opts = real_inputs()
    api = api_from(fds, files, opts)
    with pytest.raises(ConfigError, match=r"\[tool.l8gen.cpp\] namespace"):
        TARGET.generate(api, fds, GenOptions(languages={"cpp": {"namespace": "l8-sdk"}}))


def test_nested_namespace_moves_the_include_dir() -> None:
    fds, files, opts = real_inputs()
    api = api_from(fds, files, opts)
    out = TARGET.generate(api, fds, GenOptions(languages={"cpp": {"namespace": "acme::l8"}},
                                               app_services=opts.app_services,
                                               internal_packages=opts.internal_packages))
    assert "include/acme/l8/client.h" in out
    assert "namespace acme::l8 {" in out["include/acme/l8/client.h"]
    assert "add_library(acme::l8::sdk ALIAS l8sdk)" in out["CMakeLists.txt"]


def test_macro_named_fields_are_renamed_keeping_their_json_name() -> None:
    fds = compile_proto("""syntax = "proto3";
package m.v1;
message M { string errno = 1; string assert = 2; string delete = 3; message N { int32 major = 1; } }
""")
    parsed = text_format.Parse(descriptor_text(fds, ["test.proto"]), descriptor_pb2.FileDescriptorSet())
    (message,) = next(f for f in parsed.file if f.name == "test.proto").message_type
    assert [(f.name, f.json_name) for f in message.field] == [
        ("errno_", "errno"), ("assert_", "assert"), ("delete", "delete")]  # keywords: protoc escapes those
    assert [(f.name, f.json_name) for f in message.nested_type[0].field] == [("major_", "major")]


def test_gnu_keyword_typeof_field_is_renamed() -> None:
    fds = compile_proto('syntax = "proto3";\npackage m.v1;\nmessage M { string typeof = 1; }\n')
    parsed = text_format.Parse(descriptor_text(fds, ["test.proto"]), descriptor_pb2.FileDescriptorSet())
    (message,) = next(f for f in parsed.file if f.name == "test.proto").message_type
    assert [(f.name, f.json_name) for f in message.field] == [("typeof_", "typeof")]


def test_macro_rename_refuses_to_clash() -> None:
    fds = compile_proto("""syntax = "proto3";
package m.v1;
message M { string Errno = 1; string errno_ = 2; }
""")
    with pytest.raises(NamingError, match="Errno_"):
        descriptor_text(fds, ["test.proto"])
