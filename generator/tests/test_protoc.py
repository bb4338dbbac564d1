"""l8gen.protoc.run_plugin: official protoc output from a FileDescriptorSet, in a temporary directory."""

from __future__ import annotations

import pytest
from l8gen.errors import ProtoError
from l8gen.protoc import run_plugin

from tests.conftest import compile_proto, system_protoc

PROTO = (
    'syntax = "proto3";\npackage p.v1;\nmessage A { string b = 1; }\nservice S { rpc Get(A) returns (A); }\n'
)


def test_python_out_flags_return_the_generated_files() -> None:
    fds = compile_proto(PROTO, "p/v1/a.proto")
    files = run_plugin(fds, ["p/v1/a.proto"], ["--python_out", "--pyi_out"])
    assert sorted(files) == ["p/v1/a_pb2.py", "p/v1/a_pb2.pyi"]
    assert "class A(_message.Message)" in files["p/v1/a_pb2.pyi"]
    assert "\r" not in "".join(files.values())


def test_out_placeholder_is_expanded() -> None:
    fds = compile_proto(PROTO, "p/v1/a.proto")
    assert list(run_plugin(fds, ["p/v1/a.proto"], ["--python_out={out}"])) == ["p/v1/a_pb2.py"]


def test_plugin_failure_raises_proto_error() -> None:
    fds = compile_proto(PROTO, "p/v1/a.proto")
    with pytest.raises(ProtoError, match="failed"):
        run_plugin(fds, ["p/v1/missing.proto"], ["--python_out"])


def test_external_protoc_executable() -> None:
    fds = compile_proto(PROTO, "p/v1/a.proto")
    files = run_plugin(fds, ["p/v1/a.proto"], ["--cpp_out"], protoc=system_protoc())
    assert sorted(files) == ["p/v1/a.pb.cc", "p/v1/a.pb.h"]
