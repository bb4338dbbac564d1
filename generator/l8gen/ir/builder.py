"""Stage 2 of the pipeline: FileDescriptorSet -> ``ir.model.Api`` (built once, sorted by full name)."""

from __future__ import annotations

from collections.abc import Sequence

from google.protobuf import descriptor_pb2

from l8gen.ir.model import Api, ProtoFile


def build_api(
    fds: descriptor_pb2.FileDescriptorSet,
    files_to_generate: Sequence[str],
    app_services: Sequence[str] = (),
    internal_packages: Sequence[str] = (),
) -> Api:
    wanted = set(files_to_generate)
    files = tuple(
        sorted(
            (
                ProtoFile(name=f.name, package=f.package, dependencies=tuple(f.dependency), options={})
                for f in fds.file
                if f.name in wanted
            ),
            key=lambda f: f.name,
        )
    )
    return Api(files=files, services=(), messages=(), enums=())
