"""l8gen.plugin: protoc-gen-l8 through grpc_tools.protoc --plugin, the same code path as the CLI."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from google.protobuf.compiler import plugin_pb2
from l8gen import plugin
from l8gen.descriptors import wkt_include_dir

from tests.conftest import ListingTarget, cli

PLUGIN = shutil.which("protoc-gen-l8", path=str(Path(sys.executable).parent)) or shutil.which("protoc-gen-l8")


def _request(workspace: Path, parameter: str) -> plugin_pb2.CodeGeneratorRequest:
    from l8gen.descriptors import compile_protos

    compiled = compile_protos(workspace / "proto")
    return plugin_pb2.CodeGeneratorRequest(
        file_to_generate=list(compiled.files), parameter=parameter, proto_file=list(compiled.fds.file)
    )


def test_respond_produces_the_same_files_as_the_cli(
    workspace: Path, listing_target: ListingTarget, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace)
    response = plugin.respond(_request(workspace, "target=listing"))
    assert response.error == ""
    assert response.supported_features & plugin_pb2.CodeGeneratorResponse.FEATURE_PROTO3_OPTIONAL
    files = {f.name: f.content for f in response.file}
    assert cli("generate", "--target", "listing")[0] == 0
    on_disk = {
        p.relative_to(workspace).as_posix(): p.read_text()
        for p in (workspace / "sdks").rglob("*")
        if p.is_file()
    }
    assert files == on_disk


def test_user_errors_go_to_response_error(
    workspace: Path, listing_target: ListingTarget, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace)
    assert "unknown target 'nope'" in plugin.respond(_request(workspace, "target=nope")).error
    assert "expected key=value" in plugin.respond(_request(workspace, "listing")).error


def test_run_reads_stdin_and_writes_stdout(
    workspace: Path, listing_target: ListingTarget, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace)
    stdin = io.BytesIO(_request(workspace, "target=listing").SerializeToString())
    stdout = io.BytesIO()
    assert plugin.run([], stdin, stdout, io.StringIO()) == 0
    response = plugin_pb2.CodeGeneratorResponse.FromString(stdout.getvalue())
    assert "sdks/listing/index.txt" in {f.name for f in response.file}
    err = io.StringIO()
    assert plugin.run([], io.BytesIO(b"\xff\xff garbage"), io.BytesIO(), err) == 2
    assert "not a CodeGeneratorRequest" in err.getvalue()


def test_protoc_runs_the_plugin_and_fails_cleanly_on_collisions(tmp_path: Path) -> None:
    """End to end through protoc: the real python target, then a collision reported by protoc."""
    assert PLUGIN, "protoc-gen-l8 entry point not installed (pip install -e .)"
    proto = tmp_path / "proto"
    (proto / "demo").mkdir(parents=True)
    (proto / "demo/d.proto").write_text(
        'syntax = "proto3";\npackage demo;\nmessage M { string v = 1; }\n'
        "service S { rpc GetURL(M) returns (M); rpc GetUrl(M) returns (M); }\n"
    )
    out = tmp_path / "out"
    out.mkdir()
    cmd = [
        sys.executable,
        "-m",
        "grpc_tools.protoc",
        f"-I{proto}",
        f"-I{wkt_include_dir()}",
        f"--plugin=protoc-gen-l8={PLUGIN}",
        f"--l8_out={out}",
        "--l8_opt=target=python",
        "demo/d.proto",
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path, check=False)
    assert proc.returncode != 0
    assert "rpc demo.S.GetURL (demo/d.proto:4)" in proc.stderr and "'get_url'" in proc.stderr
    (proto / "demo/d.proto").write_text(
        (proto / "demo/d.proto").read_text().replace(" rpc GetUrl(M) returns (M);", "")
    )
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path, check=False)
    assert proc.returncode == 0, proc.stderr
    assert (out / "sdks/python/src/l8sdk/_pb/demo/d_pb2.py").is_file()
    assert (out / "sdks/python/.l8gen-manifest.json").is_file()
