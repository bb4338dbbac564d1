"""l8gen.descriptors: proto/ -> FileDescriptorSet through grpcio-tools' protoc, errors as file:line:col."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from l8gen.descriptors import compile_protos, find_proto_files, start_compile
from l8gen.errors import ProtoError

from tests.conftest import PROTO_ROOT, compile_proto


def test_compiles_the_real_api_with_imports_and_source_info() -> None:
    compiled = compile_protos(PROTO_ROOT)
    names = {f.name for f in compiled.fds.file}
    assert "spec/proto/runtime/v1/runtime.proto" in compiled.files
    assert "l8/control/v1/control.proto" in compiled.files
    assert "google/protobuf/empty.proto" in names  # --include_imports
    assert "google/protobuf/empty.proto" not in compiled.files
    runtime = next(f for f in compiled.fds.file if f.name == "spec/proto/runtime/v1/runtime.proto")
    assert runtime.source_code_info.location  # --include_source_info


def test_find_proto_files_is_sorted_and_relative() -> None:
    files = find_proto_files(PROTO_ROOT)
    assert files == sorted(files)
    assert all(not f.startswith("/") and f.endswith(".proto") for f in files)


def test_compile_proto_helper_keeps_the_given_name() -> None:
    fds = compile_proto('syntax = "proto3";\npackage x;\nmessage A { int32 b = 1; }\n', "x/a.proto")
    assert [f.name for f in fds.file] == ["x/a.proto"]


def _write(root: Path, name: str, text: str) -> None:
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(text)


def test_syntax_error_reports_file_line_column(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _write(
        tmp_path / "proto", "pkg/bad.proto", 'syntax = "proto3";\npackage pkg;\nmessage X { int32 a = 1 }\n'
    )
    with pytest.raises(ProtoError) as info:
        compile_protos(Path("proto"))
    assert str(info.value).startswith("proto/pkg/bad.proto:3:25: ")
    assert 'Expected ";"' in str(info.value)


def test_unknown_import_reports_file_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _write(
        tmp_path / "proto",
        "pkg/imp.proto",
        'syntax = "proto3";\npackage pkg;\nimport "nope/missing.proto";\n',
    )
    with pytest.raises(ProtoError) as info:
        compile_protos(Path("proto"))
    message = str(info.value)
    assert 'proto/pkg/imp.proto:3:1: Import "nope/missing.proto" was not found' in message


def test_empty_or_missing_root_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ProtoError, match="no .proto files"):
        compile_protos(tmp_path)
    with pytest.raises(ProtoError, match="not a directory"):
        compile_protos(tmp_path / "missing")


def test_start_compile_defers_a_bad_proto_root_to_result(tmp_path: Path) -> None:
    with start_compile(tmp_path / "missing") as pending:  # no error yet: the caller checks its own first
        with pytest.raises(ProtoError, match="proto root is not a directory"):
            pending.result()


def test_a_pending_compile_keeps_its_files_until_it_is_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with start_compile(PROTO_ROOT) as pending:
        assert [p.name[:6] for p in tmp_path.iterdir()] == ["l8gen-"]  # protoc writes there meanwhile
        compiled = pending.result()
    assert compiled.files == compile_protos(PROTO_ROOT).files
    assert not any(p.name.startswith("l8gen-") for p in tmp_path.iterdir())


def test_a_protoc_that_cannot_run_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from l8gen import descriptors

    not_executable = tmp_path / "protoc"
    not_executable.write_text("")
    monkeypatch.setattr(descriptors, "protoc_executable", lambda: not_executable)
    with start_compile(PROTO_ROOT) as pending, pytest.raises(ProtoError, match="protoc could not run"):
        pending.result()


def test_without_source_info_copies_in_order_and_keeps_only_the_named_files_source_info() -> None:
    from l8gen.descriptors import without_source_info

    fds = compile_proto(
        '// Top.\nsyntax = "proto3";\nimport "dep.proto";\nmessage T { D d = 1; }\n', "top.proto",
        extra={"dep.proto": '// Dep.\nsyntax = "proto3";\nmessage D {}\n'},
    )
    assert [f.name for f in fds.file] == ["dep.proto", "top.proto"]
    assert all(f.source_code_info.location for f in fds.file)
    reordered = without_source_info(reversed(fds.file), keep={"top.proto"})
    assert [f.name for f in reordered.file] == ["top.proto", "dep.proto"]
    assert [f.HasField("source_code_info") for f in reordered.file] == [True, False]
    assert reordered.file[0] == fds.file[1]  # a kept file is copied whole
    assert all(f.source_code_info.location for f in fds.file)  # the given descriptors are unchanged
