"""Where each proto file's Go package lives (the layout the official Go plugins are told to follow).

Pipeline place: helper of ``go.target`` (IR -> Go view). The identifiers protoc-gen-go / protoc-gen-go-grpc
give to proto elements (``GetUserIdRequest``, ``HTTPExtension_Verb``, field ``Data``) are computed by
``l8gen.languages.go.naming`` (``go_type``, ``go_field``, ``go_camel_case``), with our own idiomatic names.

Package layout: a proto file ``spec/proto/<dir>/<f>.proto`` becomes Go package ``<module>/proto/<dir>``, any
other file ``<dir>/<f>.proto`` ``<module>/proto/<dir>``; the package name follows buf's convention (last
proto package component, joined with the one before it when it is a version: ``spec.proto.runtime.v1`` ->
``runtimev1``, ``spec.proto.extension.v1.s3`` -> ``s3``). Well-known types stay in google.golang.org/protobuf.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping

from l8gen.errors import NamingError
from l8gen.ir.model import ProtoFile
from l8gen.records import record

_VERSION = re.compile(r"^v\d+((alpha|beta)\d*)?$")

# google/protobuf/<name>.proto -> Go import path (protobuf-go's well-known type packages).
WELL_KNOWN: Mapping[str, str] = {
    "google/protobuf/any.proto": "google.golang.org/protobuf/types/known/anypb",
    "google/protobuf/api.proto": "google.golang.org/protobuf/types/known/apipb",
    "google/protobuf/duration.proto": "google.golang.org/protobuf/types/known/durationpb",
    "google/protobuf/empty.proto": "google.golang.org/protobuf/types/known/emptypb",
    "google/protobuf/field_mask.proto": "google.golang.org/protobuf/types/known/fieldmaskpb",
    "google/protobuf/source_context.proto": "google.golang.org/protobuf/types/known/sourcecontextpb",
    "google/protobuf/struct.proto": "google.golang.org/protobuf/types/known/structpb",
    "google/protobuf/timestamp.proto": "google.golang.org/protobuf/types/known/timestamppb",
    "google/protobuf/type.proto": "google.golang.org/protobuf/types/known/typepb",
    "google/protobuf/wrappers.proto": "google.golang.org/protobuf/types/known/wrapperspb",
    "google/protobuf/descriptor.proto": "google.golang.org/protobuf/types/descriptorpb",
}

def _package_name(proto_package: str) -> str:
    parts = [p for p in proto_package.split(".") if p]
    if not parts:
        return "pb"
    name = parts[-1]
    if _VERSION.match(name) and len(parts) > 1:
        name = parts[-2] + name
    name = re.sub(r"[^a-z0-9]", "", name.lower())
    if not name or name[0].isdigit():
        name = "pb" + name
    return name


@record
class GoPackage:
    """Where the official plugins put the Go code of a proto file."""

    import_path: str  # github.com/l8sdk/l8sdk-go/proto/runtime/v1
    name: str  # runtimev1 (the package clause)
    out_dir: str  # proto/runtime/v1 (relative to the module root); "" for packages outside the module


def package_layout(files: Iterable[ProtoFile], module: str) -> dict[str, GoPackage]:
    """{proto file name: GoPackage} for our own files.

    A proto directory holding one proto package maps to one Go package directory (``spec/proto/x/v1`` ->
    ``proto/x/v1``, anything else ``d`` -> ``proto/d``); when several proto packages share a directory, each
    gets a subdirectory named after its Go package name (``proto/d/<name>``)."""
    files = sorted(files, key=lambda f: f.name)
    packages_in: dict[str, set[str]] = {}
    for proto in files:
        packages_in.setdefault(posixpath.dirname(proto.name), set()).add(proto.package)
    layout: dict[str, GoPackage] = {}
    for proto in files:
        directory = posixpath.dirname(proto.name)
        if directory.startswith("spec/proto/"):
            rel = directory[len("spec/"):]
        else:
            rel = posixpath.join("proto", directory) if directory else "proto"
        name = _package_name(proto.package)
        if len(packages_in[directory]) > 1:
            rel = posixpath.join(rel, name)
        layout[proto.name] = GoPackage(f"{module}/{rel}", name, rel)
    by_path: dict[str, str] = {}
    for file_name, package in sorted(layout.items()):
        proto_package = next(f.package for f in files if f.name == file_name)
        other = by_path.setdefault(package.out_dir, proto_package)
        if other != proto_package:
            raise NamingError(
                f"{file_name}: proto packages {other} and {proto_package} both map to the Go package "
                f"{package.out_dir}; give one of them a distinct last component"
            )
    return layout


def import_path_of(file_name: str, layout: Mapping[str, GoPackage]) -> str:
    """Go import path of the code generated for ``file_name`` (ours, or a well-known type)."""
    if file_name in layout:
        return layout[file_name].import_path
    if file_name in WELL_KNOWN:
        return WELL_KNOWN[file_name]
    raise NamingError(f"{file_name}: no Go package known for this import (only google/protobuf well-known "
                      "types can be imported from outside proto/)")


def package_name_of(import_path: str, layout: Mapping[str, GoPackage]) -> str:
    for package in layout.values():
        if package.import_path == import_path:
            return package.name
    return import_path.rsplit("/", 1)[-1]
