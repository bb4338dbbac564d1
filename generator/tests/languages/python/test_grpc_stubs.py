"""l8gen.languages.python.grpc_stubs: the rendered ``*_pb2_grpc.py`` equals grpcio-tools' own plugin output.

The reference is the real plugin (``grpc_tools``, a dev dependency only) run by its bundled protoc on the
same descriptors, for this repository's API, every generality-corpus API and the edge fragments (comments of
every kind, nested and imported types, every streaming shape, a file name with ``-``, a file without
services, a service without methods).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from google.protobuf import descriptor_pb2
from l8gen.descriptors import compile_protos
from l8gen.languages.python.grpc_stubs import GRPC_TOOLS_VERSION, render_grpc_modules

from tests.conftest import FRAGMENTS, PROTO_ROOT

grpc_tools = pytest.importorskip("grpc_tools")
CORPUS = Path(__file__).resolve().parents[2] / "apis"
EDGES = sorted(p.relative_to(FRAGMENTS).as_posix() for p in (FRAGMENTS / "grpc_stubs").glob("*.proto"))
ROOTS: dict[str, tuple[Path, list[str] | None]] = {
    "repo": (PROTO_ROOT, None),
    "fragments": (FRAGMENTS, EDGES),
    **{api.name: (api / "proto", None) for api in sorted(CORPUS.iterdir()) if (api / "proto").is_dir()},
}


def official(
    root: Path, names: list[str] | None = None
) -> tuple[descriptor_pb2.FileDescriptorSet, list[str], dict[str, str]]:
    """Descriptors of ``root`` and grpc_tools' ``--grpc_python_out`` files, run in a temporary directory."""
    import tempfile

    from grpc_tools import protoc

    compiled = compile_protos(root, names)
    with tempfile.TemporaryDirectory() as tmp:
        fds_path = Path(tmp) / "in.pb"
        fds_path.write_bytes(compiled.fds.SerializeToString())
        out = Path(tmp) / "out"
        out.mkdir()
        code = protoc.main(
            ["protoc", f"--descriptor_set_in={fds_path}", f"--grpc_python_out={out}", *compiled.files]
        )
        assert code == 0
        files = {p.relative_to(out).as_posix(): p.read_text() for p in out.rglob("*.py")}
    return compiled.fds, list(compiled.files), files


def test_the_reproduced_plugin_is_the_installed_one() -> None:
    from importlib.metadata import version

    assert version("grpcio-tools") == GRPC_TOOLS_VERSION


@pytest.mark.parametrize("name", sorted(ROOTS))
def test_every_file_matches_the_official_plugin_byte_for_byte(name: str) -> None:
    fds, files, expected = official(*ROOTS[name])
    rendered = render_grpc_modules(fds, files)
    assert sorted(rendered) == sorted(expected)
    for path, text in expected.items():
        assert rendered[path] == text, path


def test_the_edge_fragment_exercises_what_it_claims() -> None:
    _, _, expected = official(FRAGMENTS, EDGES)
    text = expected["grpc_stubs/stub_edges_pb2_grpc.py"]
    assert "grpc_stubs/stub_edges_pb2_grpc.py depends on" in text
    assert "from google.protobuf import wrappers_pb2 as google_dot_protobuf_dot_wrappers__pb2" in text
    assert "\nfrom grpc_stubs import other_types_pb2 as grpc__stubs_dot_other__types__pb2\n" in text
    assert "grpc__stubs_dot_stub__edges__pb2.Outer.Inner.SerializeToString" in text
    for arity in ("unary_unary", "unary_stream", "stream_unary", "stream_stream"):
        assert f"channel.{arity}(" in text
    assert "trailing comment of Edges" in text and "Detached from the service." in text
    assert "class SecondStub" in text
    assert "class " not in expected["grpc_stubs/no_services_pb2_grpc.py"]
