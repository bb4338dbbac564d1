"""The documentation rule of proto/: every element of the compiled API carries a comment (helpers:
descriptor_facts).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from descriptor_facts import file_by_name
from google.protobuf import descriptor_pb2

# --------------------------------------------------------------------------------------------------------
# documentation: every element has a comment

# Field numbers of the descriptor protos, used in SourceCodeInfo.Location.path.
_FILE_MESSAGE, _FILE_ENUM, _FILE_SERVICE = 4, 5, 6
_MSG_FIELD, _MSG_NESTED, _MSG_ENUM, _MSG_ONEOF = 2, 3, 4, 8
_ENUM_VALUE = 2
_SERVICE_METHOD = 2


def _elements(f: descriptor_pb2.FileDescriptorProto) -> Iterator[tuple[tuple[int, ...], str]]:
    """(source path, printable full name) of every element that must be documented."""

    def enum(
        path: tuple[int, ...], full: str, e: descriptor_pb2.EnumDescriptorProto
    ) -> Iterator[tuple[tuple[int, ...], str]]:
        yield path, f"enum {full}"
        for i, v in enumerate(e.value):
            yield (*path, _ENUM_VALUE, i), f"enum value {full}.{v.name}"

    def message(
        path: tuple[int, ...], full: str, m: descriptor_pb2.DescriptorProto
    ) -> Iterator[tuple[tuple[int, ...], str]]:
        if m.options.map_entry:
            return  # synthetic map entry types have no source of their own
        yield path, f"message {full}"
        for i, fld in enumerate(m.field):
            yield (*path, _MSG_FIELD, i), f"field {full}.{fld.name}"
        for i, o in enumerate(m.oneof_decl):
            synthetic = any(fld.proto3_optional and fld.oneof_index == i for fld in m.field)
            if not synthetic:
                yield (*path, _MSG_ONEOF, i), f"oneof {full}.{o.name}"
        for i, n in enumerate(m.nested_type):
            yield from message((*path, _MSG_NESTED, i), f"{full}.{n.name}", n)
        for i, e in enumerate(m.enum_type):
            yield from enum((*path, _MSG_ENUM, i), f"{full}.{e.name}", e)

    for i, m in enumerate(f.message_type):
        yield from message((_FILE_MESSAGE, i), f"{f.package}.{m.name}", m)
    for i, e in enumerate(f.enum_type):
        yield from enum((_FILE_ENUM, i), f"{f.package}.{e.name}", e)
    for i, s in enumerate(f.service):
        yield (_FILE_SERVICE, i), f"service {f.package}.{s.name}"
        for j, meth in enumerate(s.method):
            yield (_FILE_SERVICE, i, _SERVICE_METHOD, j), f"rpc {f.package}.{s.name}/{meth.name}"


def undocumented(f: descriptor_pb2.FileDescriptorProto) -> list[str]:
    comments = {
        tuple(loc.path): (loc.leading_comments + loc.trailing_comments).strip()
        for loc in f.source_code_info.location
    }
    return [name for path, name in _elements(f) if not comments.get(path)]


def test_every_element_is_documented(api_fds: descriptor_pb2.FileDescriptorSet, api_proto_file: str) -> None:
    f = file_by_name(api_fds, api_proto_file)
    assert f.source_code_info.location, "compiled without source info"
    assert undocumented(f) == []


def test_documentation_check_catches_a_missing_comment(
    compile_proto: Callable[..., descriptor_pb2.FileDescriptorSet],
) -> None:
    fds = compile_proto(
        {
            "frag/v1/frag.proto": 'syntax = "proto3";\npackage frag.v1;\n'
            "// Documented.\nmessage M {\n  // Documented.\n  string a = 1;\n  string b = 2;\n}\n"
            "// Documented.\nenum E {\n  E_UNSPECIFIED = 0;\n}\n"
        }
    )
    (f,) = [f for f in fds.file if f.name == "frag/v1/frag.proto"]
    assert undocumented(f) == ["field frag.v1.M.b", "enum value frag.v1.E.E_UNSPECIFIED"]
