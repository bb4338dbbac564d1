"""Test helpers for the API definitions in proto/ (first stage of the pipeline: proto -> descriptors).

`compile_proto()` turns .proto sources into a `FileDescriptorSet` with grpcio-tools' bundled protoc, the
same compiler the generator uses, with imports and source info included so that comments can be checked.
It compiles either the whole proto/ tree or inline sources given as text (for fragment tests).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

import grpc_tools  # type: ignore[import-untyped]
import pytest
from google.protobuf import descriptor_pb2

PROTO_ROOT = Path(__file__).resolve().parents[1]
# google/protobuf/*.proto as shipped inside grpcio-tools (any.proto, empty.proto, descriptor.proto ...).
WELL_KNOWN_INCLUDE = Path(grpc_tools.__file__).resolve().parent / "_proto"


class ProtoCompileError(Exception):
    """protoc rejected the input; the message is protoc's own output (file:line: error)."""


def api_proto_files(root: Path = PROTO_ROOT) -> list[str]:
    """All .proto files of the API tree, relative to `root`, sorted (test fragments excluded)."""
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*.proto")
        if "tests" not in p.relative_to(root).parts
    )


def compile_proto(
    sources: Mapping[str, str] | None = None, *, root: Path = PROTO_ROOT
) -> descriptor_pb2.FileDescriptorSet:
    """Compile proto sources into a FileDescriptorSet (--include_imports --include_source_info).

    With `sources=None` every .proto file under `root` (default: proto/) is compiled. With `sources`
    ({relative path: proto text}) the texts are written to a temporary directory and compiled; `root` is
    still on the include path, so fragments may import the API protos.
    """
    with tempfile.TemporaryDirectory(prefix="l8-protoc-") as tmp:
        tmp_dir = Path(tmp)
        include_dirs = [root, WELL_KNOWN_INCLUDE]
        if sources is None:
            files = api_proto_files(root)
        else:
            src_dir = tmp_dir / "src"
            for name, text in sources.items():
                path = src_dir / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
            include_dirs.insert(0, src_dir)
            files = sorted(sources)
        out = tmp_dir / "out.binpb"
        cmd = [
            sys.executable,
            "-m",
            "grpc_tools.protoc",
            *(f"--proto_path={d}" for d in include_dirs),
            "--include_imports",
            "--include_source_info",
            f"--descriptor_set_out={out}",
            *files,
        ]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            raise ProtoCompileError(proc.stderr.strip() or proc.stdout.strip())
        return descriptor_pb2.FileDescriptorSet.FromString(out.read_bytes())


@pytest.fixture(scope="session")
def api_fds() -> descriptor_pb2.FileDescriptorSet:
    """The whole proto/ tree compiled once per session."""
    return compile_proto()


@pytest.fixture(name="compile_proto")
def _compile_proto_fixture() -> Callable[..., descriptor_pb2.FileDescriptorSet]:
    """`compile_proto` for tests (imported through a fixture: test modules never import conftest)."""
    return compile_proto


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrize `api_proto_file` over every .proto file of proto/ (one test per file)."""
    if "api_proto_file" in metafunc.fixturenames:
        metafunc.parametrize("api_proto_file", api_proto_files())
