"""The compiled API definitions (proto/ -> FileDescriptorSet) as the descriptor tests read them: constants
and helpers shared by ``test_services``, ``test_messages``, ``test_quirks`` and ``test_documentation``.

Pipeline place: first stage (proto -> descriptors). The expected values in the tests are transcribed from
shared/reference/layotto-api-facts.md (sections 1.1-1.10).
"""

from __future__ import annotations

from collections.abc import Iterator

from google.protobuf import descriptor_pb2

FDP = descriptor_pb2.FieldDescriptorProto
RT = "spec.proto.runtime.v1"
EXT = "spec.proto.extension.v1"
CONTROL_PACKAGE = "l8.control.v1"

# --------------------------------------------------------------------------------------------------------
# descriptor helpers


def layotto_files(fds: descriptor_pb2.FileDescriptorSet) -> list[descriptor_pb2.FileDescriptorProto]:
    """The Layotto API files: everything compiled from proto/ except well-known types and the control API."""
    return [f for f in fds.file if not f.name.startswith("google/") and f.package != CONTROL_PACKAGE]


def services(fds: descriptor_pb2.FileDescriptorSet) -> dict[str, descriptor_pb2.ServiceDescriptorProto]:
    return {f"{f.package}.{s.name}": s for f in layotto_files(fds) for s in f.service}


def file_by_name(fds: descriptor_pb2.FileDescriptorSet, name: str) -> descriptor_pb2.FileDescriptorProto:
    matches = [f for f in fds.file if f.name == name]
    assert matches, f"{name} was not compiled"
    return matches[0]


def _walk_messages(
    prefix: str, messages: list[descriptor_pb2.DescriptorProto]
) -> Iterator[tuple[str, descriptor_pb2.DescriptorProto]]:
    for m in messages:
        full = f"{prefix}.{m.name}"
        yield full, m
        yield from _walk_messages(full, list(m.nested_type))


def all_messages(fds: descriptor_pb2.FileDescriptorSet) -> dict[str, descriptor_pb2.DescriptorProto]:
    return {full: m for f in fds.file for full, m in _walk_messages(f.package, list(f.message_type))}


def all_enums(fds: descriptor_pb2.FileDescriptorSet) -> dict[str, descriptor_pb2.EnumDescriptorProto]:
    out = {f"{f.package}.{e.name}": e for f in fds.file for e in f.enum_type}
    for full, m in all_messages(fds).items():
        out.update({f"{full}.{e.name}": e for e in m.enum_type})
    return out


_SCALARS = {
    FDP.TYPE_STRING: "string",
    FDP.TYPE_BYTES: "bytes",
    FDP.TYPE_BOOL: "bool",
    FDP.TYPE_INT32: "int32",
    FDP.TYPE_INT64: "int64",
    FDP.TYPE_UINT32: "uint32",
    FDP.TYPE_UINT64: "uint64",
    FDP.TYPE_DOUBLE: "double",
    FDP.TYPE_FLOAT: "float",
}


def _type_name(field: descriptor_pb2.FieldDescriptorProto, package: str) -> str:
    if field.type in _SCALARS:
        return _SCALARS[field.type]
    name = field.type_name.lstrip(".")
    return name.removeprefix(package + ".")


def render_field(
    field: descriptor_pb2.FieldDescriptorProto,
    package: str,
    messages: dict[str, descriptor_pb2.DescriptorProto],
) -> str:
    """`name:type=number` as in the facts file: `map<K,V>`, `repeated T`, `optional T` (proto3 optional)."""
    type_ = _type_name(field, package)
    if field.label == FDP.LABEL_REPEATED and field.type == FDP.TYPE_MESSAGE:
        entry = messages[field.type_name.lstrip(".")]
        if entry.options.map_entry:
            key, value = entry.field
            return f"{field.name}:map<{_type_name(key, package)},{_type_name(value, package)}>={field.number}"
    if field.label == FDP.LABEL_REPEATED:
        type_ = f"repeated {type_}"
    elif field.proto3_optional:
        type_ = f"optional {type_}"
    return f"{field.name}:{type_}={field.number}"


def rendered_fields(fds: descriptor_pb2.FileDescriptorSet, full_name: str) -> list[str]:
    messages = all_messages(fds)
    assert full_name in messages, f"message {full_name} is missing"
    package = RT if full_name.startswith(RT + ".") else full_name.rsplit(".", 1)[0]
    return [
        render_field(f, package, messages) for f in sorted(messages[full_name].field, key=lambda f: f.number)
    ]
