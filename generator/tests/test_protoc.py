"""l8gen.protoc.run_plugin: official protoc output from a FileDescriptorSet, in a temporary directory."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

import pytest
from l8gen import protoc
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


def test_every_generator_writes_into_one_archive_in_a_temporary_dir_that_is_removed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fds = compile_proto(PROTO, "p/v1/a.proto")
    seen: list[tuple[list[str], list[str]]] = []  # (protoc's arguments, the temp dir's files while it runs)
    real = protoc.run_protoc

    def spy(args: Sequence[str]) -> tuple[int, str]:
        result = real(args)
        seen.append((list(args), sorted(p.name for p in tmp_path.rglob("*"))))
        return result

    monkeypatch.setattr(protoc, "run_protoc", spy)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    files = run_plugin(fds, ["p/v1/a.proto"], ["--python_out", "--pyi_out"])
    [(args, present)] = seen
    outs = [a.split("=", 1)[1] for a in args if a.startswith(("--python_out=", "--pyi_out="))]
    assert len(outs) == 2 and outs[0] == outs[1] and outs[0].endswith(".zip")
    assert [name for name in present if not name.startswith("l8gen-protoc-")] == ["in.pb", "out.zip"]
    assert sorted(files) == ["p/v1/a_pb2.py", "p/v1/a_pb2.pyi"]
    assert list(tmp_path.iterdir()) == []  # the temporary directory and the archive are gone


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


def test_without_source_info_protoc_gets_the_descriptors_without_comments(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from google.protobuf import descriptor_pb2

    fds = compile_proto("// A comment.\n" + PROTO, "p/v1/a.proto")
    assert fds.file[-1].source_code_info.location  # the input has source info
    given: list[descriptor_pb2.FileDescriptorSet] = []
    real = protoc.run_protoc

    def spy(args: Sequence[str]) -> tuple[int, str]:
        [path] = [a.split("=", 1)[1] for a in args if a.startswith("--descriptor_set_in=")]
        given.append(descriptor_pb2.FileDescriptorSet.FromString(Path(path).read_bytes()))
        return real(args)

    monkeypatch.setattr(protoc, "run_protoc", spy)
    plain = run_plugin(fds, ["p/v1/a.proto"], ["--python_out"], source_info=False)
    full = run_plugin(fds, ["p/v1/a.proto"], ["--python_out"])
    assert [f.HasField("source_code_info") for f in given[0].file] == [False] * len(fds.file)
    assert given[1] == fds and plain == full
    assert [f.name for f in given[0].file] == [f.name for f in fds.file]
    assert fds.file[-1].source_code_info.location  # the caller's descriptors are left as they were
