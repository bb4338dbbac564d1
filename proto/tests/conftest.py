"""Test helpers for the API definitions in proto/ (first stage of the pipeline: proto -> descriptors).

`compile_proto()` turns .proto sources into a `FileDescriptorSet` through the generator's own compiler
(``l8gen.descriptors``), with imports and source info included so that comments can be checked.
It compiles either the whole proto/ tree or inline sources given as text (for fragment tests).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from google.protobuf import descriptor_pb2
from l8gen.descriptors import ProtoError, compile_protos, find_proto_files

PROTO_ROOT = Path(__file__).resolve().parents[1]

# protoc rejected the input; the message is protoc's own output (file:line: error). The generator's error.
ProtoCompileError = ProtoError


def api_proto_files(root: Path = PROTO_ROOT) -> list[str]:
    """All .proto files of the API tree, relative to `root`, sorted (test fragments excluded)."""
    return [name for name in find_proto_files(root) if "tests" not in Path(name).parts]


def compile_proto(
    sources: Mapping[str, str] | None = None, *, root: Path = PROTO_ROOT
) -> descriptor_pb2.FileDescriptorSet:
    """Compile proto sources into a FileDescriptorSet (imports and source info) with the generator's own
    compiler (``l8gen.descriptors.compile_protos``: the one way proto/ becomes descriptors).

    With `sources=None` every .proto file under `root` (default: proto/) is compiled. With `sources`
    ({relative path: proto text}) the texts are written to a temporary directory and compiled; `root` is
    still on the include path, so fragments may import the API protos.
    """
    if sources is None:
        return compile_protos(root, api_proto_files(root)).fds
    with tempfile.TemporaryDirectory(prefix="l8-protoc-") as tmp:
        src_dir = Path(tmp)
        for name, text in sources.items():
            path = src_dir / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return compile_protos(src_dir, sorted(sources), include=(root,)).fds


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
