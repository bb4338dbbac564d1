"""Shared test helpers: inline protos -> FileDescriptorSet / IR, the fragment protos, the repo layout."""

from __future__ import annotations

import dataclasses
import functools
import io
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import pytest
from google.protobuf import descriptor_pb2
from l8gen.cli import run
from l8gen.config import load_options
from l8gen.descriptors import compile_protos, protoc_executable
from l8gen.ir.builder import build_api
from l8gen.ir.model import Api
from l8gen.profile import ApiProfile

REPO = Path(__file__).resolve().parents[2]
PROTO_ROOT = REPO / "proto"
FRAGMENTS = Path(__file__).resolve().parent / "fragments"


def compile_proto(
    text: str, name: str = "test.proto", extra: Mapping[str, str] | None = None
) -> descriptor_pb2.FileDescriptorSet:
    """Compile the inline proto ``text`` (stored as ``name``; ``extra`` = more files it may import) with
    l8gen's protoc, exactly like ``l8gen generate`` does, and return the FileDescriptorSet."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for path, body in {name: text, **(extra or {})}.items():
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_text(body)
        return compile_protos(root, [name]).fds


@functools.cache
def system_protoc() -> str:
    """The machine's protoc, the one the C++ SDK builds with: the first ``protoc`` on PATH whose version is
    that of the installed libprotobuf (``pkg-config``; Debian's 3.21), so neither l8gen's own protoc 35 nor
    any other virtualenv's on PATH is taken. Without pkg-config: the first that is not l8gen's."""
    own = protoc_executable().resolve()
    probe = subprocess.run(["pkg-config", "--modversion", "protobuf"], capture_output=True, text=True,
                           check=False) if shutil.which("pkg-config") else None
    library = probe.stdout.strip() if probe is not None and probe.returncode == 0 else ""
    for directory in os.environ.get("PATH", "").split(os.pathsep):
        candidate = Path(directory) / "protoc"
        if not (candidate.is_file() and os.access(candidate, os.X_OK)) or candidate.resolve() == own:
            continue
        if library:
            version = subprocess.run([str(candidate), "--version"], capture_output=True, text=True,
                                     check=False)
            if version.stdout.split()[-1:] != [library]:
                continue
        return str(candidate)
    raise FileNotFoundError(f"no protoc {library} on PATH (apt-get install protobuf-compiler)")


def api_of(
    text: str,
    name: str = "test.proto",
    app_services: Sequence[str] = (),
    internal_packages: Sequence[str] = (),
) -> Api:
    """IR of an inline proto."""
    return build_api(compile_proto(text, name), [name], app_services, internal_packages)


def repo_endpoint_profile() -> ApiProfile:
    """This repo's API profile without its feature RPCs (they name RPCs of proto/): the endpoint variables
    and port the generated SDKs' connection vectors use."""
    return dataclasses.replace(load_options(REPO / "pyproject.toml").api, features=())


def fragment_files() -> list[str]:
    """The fragment protos that must generate in every language (clashes/ excluded)."""
    return sorted(
        p.relative_to(FRAGMENTS).as_posix() for p in FRAGMENTS.rglob("*.proto") if "clashes" not in p.parts
    )


def fragments_api() -> tuple[descriptor_pb2.FileDescriptorSet, list[str], Api]:
    files = fragment_files()
    fds = compile_protos(FRAGMENTS, files).fds
    return fds, files, build_api(fds, files)


def cli(*argv: str) -> tuple[int, str, str]:
    """Run ``l8gen`` in-process; returns (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), io.StringIO(), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A scratch repo: proto/ with one small API and a pyproject.toml with [tool.l8gen]."""
    proto = tmp_path / "proto" / "demo" / "v1"
    proto.mkdir(parents=True)
    (proto / "demo.proto").write_text(DEMO_PROTO)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.l8gen]\nversion = "1.2.3"\n[tool.l8gen.python]\npackage = "demosdk"\n'
    )
    return tmp_path


DEMO_PROTO = """syntax = "proto3";
package demo.v1;

// Greeter says hello.
service Greeter {
  // Greets one person.
  rpc SayHello(HelloRequest) returns (HelloReply) {}
}

message HelloRequest {
  string name = 1;
}

message HelloReply {
  string message = 1;
}
"""


class ListingTarget:
    """A small real target for CLI/writer/plugin tests that must not depend on the SDK templates: one file per
    service listing its RPCs with Python names (so naming collisions surface), plus an index."""

    name = "listing"
    out_dir = "sdks/listing"

    def generate(self, api: Api, fds: descriptor_pb2.FileDescriptorSet, opts: object) -> dict[str, str]:
        from l8gen.languages.python.naming import PythonNaming
        from l8gen.targets.base import GenOptions

        assert isinstance(opts, GenOptions)
        naming = PythonNaming(api, opts.overrides_for("python"))
        files = {"index.txt": "".join(f"{s.full_name}\n" for s in api.services)}
        for service in api.services:
            lines = [f"{naming.method(m)} {m.shape} {m.doc.summary}\n" for m in service.methods]
            files[f"services/{naming.service(service)}.txt"] = "".join(lines)
        return dict(sorted(files.items()))


@pytest.fixture
def listing_target() -> Iterator[ListingTarget]:
    from l8gen.targets import REGISTRY

    target = ListingTarget()
    REGISTRY.register(target)
    yield target
    REGISTRY.unregister(target.name)
