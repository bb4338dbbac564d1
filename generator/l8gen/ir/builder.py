"""Stage 2 of the pipeline: FileDescriptorSet -> ``ir.model.Api``, built once.

Only the requested files (``files_to_generate``) contribute files, services, messages and enums; messages
and enums of imported files (well-known types) are added when something in the API references them,
transitively. Services of ``internal_packages`` and services without methods are left out (message code
only); ``app_services`` get role "app". Features are
computed here, once: per method the upload/download payload field (from the shape), and ``Api.features``
from the API profile (``ir.features``).

Ordering: files, services, messages and enums are sorted by full name (the input order of files does not
matter); methods, fields, oneofs and enum values keep their declaration order inside their parent, which
the descriptor fixes independently of input order.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace

from google.protobuf import descriptor_pb2

from l8gen.errors import ProtoError
from l8gen.ir import comments as c
from l8gen.ir import signatures as sig
from l8gen.ir.features import payload_field, resolve_features
from l8gen.ir.model import Api, Enum, EnumValue, Field, Message, Method, Oneof, ProtoFile, Service, TypeRef
from l8gen.profile import ApiProfile
from l8gen.records import record

FDP = descriptor_pb2.FieldDescriptorProto
_JS_STRING = descriptor_pb2.FieldOptions.JS_STRING
_SCALAR_NAMES = {
    FDP.TYPE_DOUBLE: "double",
    FDP.TYPE_FLOAT: "float",
    FDP.TYPE_INT64: "int64",
    FDP.TYPE_UINT64: "uint64",
    FDP.TYPE_INT32: "int32",
    FDP.TYPE_FIXED64: "fixed64",
    FDP.TYPE_FIXED32: "fixed32",
    FDP.TYPE_BOOL: "bool",
    FDP.TYPE_STRING: "string",
    FDP.TYPE_BYTES: "bytes",
    FDP.TYPE_UINT32: "uint32",
    FDP.TYPE_SFIXED32: "sfixed32",
    FDP.TYPE_SFIXED64: "sfixed64",
    FDP.TYPE_SINT32: "sint32",
    FDP.TYPE_SINT64: "sint64",
}
_IDEMPOTENT = {
    descriptor_pb2.MethodOptions.NO_SIDE_EFFECTS,
    descriptor_pb2.MethodOptions.IDEMPOTENT,
}


def json_name_of(name: str) -> str:
    """protoc's default JSON name: drop underscores, upper-casing the letter after each."""
    out: list[str] = []
    upper_next = False
    for ch in name:
        if ch == "_":
            upper_next = True
        elif upper_next:
            out.append(ch.upper())
            upper_next = False
        else:
            out.append(ch)
    return "".join(out)


@record
class _MsgSrc:
    """Where a message is declared: its descriptor, file, package, parent and source-info path."""

    proto: descriptor_pb2.DescriptorProto
    file: str
    package: str
    parent: str | None
    path: tuple[int, ...]


@record
class _EnumSrc:
    """Where an enum is declared: its descriptor, file, package, parent and source-info path."""

    proto: descriptor_pb2.EnumDescriptorProto
    file: str
    package: str
    parent: str | None
    path: tuple[int, ...]


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


def _walk(file: descriptor_pb2.FileDescriptorProto) -> Iterator[tuple[str, _MsgSrc | _EnumSrc]]:
    """Every message and enum of ``file`` (nested ones flattened) with its full name."""

    def visit_msg(
        msg: descriptor_pb2.DescriptorProto, prefix: str, parent: str | None, path: tuple[int, ...]
    ) -> Iterator[tuple[str, _MsgSrc | _EnumSrc]]:
        full = _join(prefix, msg.name)
        yield full, _MsgSrc(msg, file.name, file.package, parent, path)
        for i, nested in enumerate(msg.nested_type):
            yield from visit_msg(nested, full, full, (*path, c.MESSAGE_NESTED, i))
        for i, enum in enumerate(msg.enum_type):
            yield (
                _join(full, enum.name),
                _EnumSrc(enum, file.name, file.package, full, (*path, c.MESSAGE_ENUM, i)),
            )

    for i, msg in enumerate(file.message_type):
        yield from visit_msg(msg, file.package, None, (c.FILE_MESSAGE, i))
    for i, enum in enumerate(file.enum_type):
        yield _join(file.package, enum.name), _EnumSrc(enum, file.name, file.package, None, (c.FILE_ENUM, i))


class _Builder:
    def __init__(self, fds: descriptor_pb2.FileDescriptorSet, files_to_generate: Sequence[str]) -> None:
        self.protos = {f.name: f for f in fds.file}
        missing = sorted(set(files_to_generate) - set(self.protos))
        if missing:
            raise ProtoError(f"files to generate not in the descriptor set: {', '.join(missing)}")
        self.wanted = sorted(set(files_to_generate))
        self.comments = c.CommentIndex(self.protos[name] for name in self.wanted)
        self.messages: dict[str, _MsgSrc] = {}
        self.enums: dict[str, _EnumSrc] = {}
        for name in sorted(self.protos):
            for full, src in _walk(self.protos[name]):
                if isinstance(src, _MsgSrc):
                    self.messages[full] = src
                else:
                    self.enums[full] = src

    def type_ref(self, field: descriptor_pb2.FieldDescriptorProto) -> TypeRef:
        if field.type in (FDP.TYPE_MESSAGE, FDP.TYPE_GROUP):
            return TypeRef("message", field.type_name.lstrip("."))
        if field.type == FDP.TYPE_ENUM:
            return TypeRef("enum", field.type_name.lstrip("."))
        return TypeRef("scalar", _SCALAR_NAMES[field.type])

    def field(self, src: _MsgSrc, index: int) -> Field:
        proto = src.proto.field[index]
        ref = self.type_ref(proto)
        map_key = map_value = None
        if ref.kind == "message" and proto.label == FDP.LABEL_REPEATED:
            entry = self.messages.get(ref.name)
            if entry is not None and entry.proto.options.map_entry:
                by_number = {f.number: f for f in entry.proto.field}
                map_key, map_value = self.type_ref(by_number[1]), self.type_ref(by_number[2])
        oneof = None
        optional = proto.proto3_optional
        if not optional and proto.HasField("oneof_index"):
            oneof = src.proto.oneof_decl[proto.oneof_index].name
        name, label = proto.name, proto.label
        doc, line = self.comments.doc_and_line(src.file, (*src.path, c.MESSAGE_FIELD, index))
        return Field(
            name=name,
            json_name=proto.json_name if proto.HasField("json_name") else json_name_of(name),
            number=proto.number,
            type=ref,
            repeated=label == FDP.LABEL_REPEATED,
            optional=optional,
            required=label == FDP.LABEL_REQUIRED,
            oneof=oneof,
            map_key=map_key,
            map_value=map_value,
            js_string=proto.HasField("options") and proto.options.jstype == _JS_STRING,
            doc=doc,
            line=line,
        )

    def message(self, full: str) -> Message:
        src = self.messages[full]
        fields = tuple(self.field(src, i) for i in range(len(src.proto.field)))
        oneofs = []
        for i, decl in enumerate(src.proto.oneof_decl):
            members = tuple(
                f.name
                for f in src.proto.field
                if f.HasField("oneof_index") and f.oneof_index == i and not f.proto3_optional
            )
            if members:  # synthetic oneofs of proto3 `optional` fields have none
                path = (*src.path, c.MESSAGE_ONEOF, i)
                oneofs.append(
                    Oneof(
                        decl.name,
                        members,
                        self.comments.doc(src.file, path),
                        self.comments.line(src.file, path),
                    )
                )
        return Message(
            full_name=full,
            name=src.proto.name,
            package=src.package,
            file=src.file,
            parent=src.parent,
            fields=fields,
            oneofs=tuple(oneofs),
            is_map_entry=src.proto.options.map_entry,
            doc=self.comments.doc(src.file, src.path),
            line=self.comments.line(src.file, src.path),
        )

    def enum(self, full: str) -> Enum:
        src = self.enums[full]
        values = tuple(
            EnumValue(
                v.name,
                v.number,
                self.comments.doc(src.file, (*src.path, c.ENUM_VALUE, i)),
                self.comments.line(src.file, (*src.path, c.ENUM_VALUE, i)),
            )
            for i, v in enumerate(src.proto.value)
        )
        return Enum(
            full_name=full,
            name=src.proto.name,
            package=src.package,
            file=src.file,
            parent=src.parent,
            values=values,
            doc=self.comments.doc(src.file, src.path),
            line=self.comments.line(src.file, src.path),
        )

    def payload(self, type_name: str) -> str | None:
        full = type_name.lstrip(".")
        return payload_field(self.message(full) if full in self.messages else None)

    def services(self, app_services: Sequence[str], internal: Sequence[str]) -> list[Service]:
        out = []
        for name in self.wanted:
            proto = self.protos[name]
            if proto.package in internal:
                continue
            for si, svc in enumerate(proto.service):
                if not svc.method:  # nothing to call: message code only, no SDK layer
                    continue
                full = _join(proto.package, svc.name)
                methods = tuple(
                    Method(
                        name=m.name,
                        full_name=f"{full}.{m.name}",
                        input_type=m.input_type.lstrip("."),
                        output_type=m.output_type.lstrip("."),
                        client_streaming=m.client_streaming,
                        server_streaming=m.server_streaming,
                        idempotent=m.options.idempotency_level in _IDEMPOTENT,
                        doc=self.comments.doc(name, (c.FILE_SERVICE, si, c.SERVICE_METHOD, mi)),
                        line=self.comments.line(name, (c.FILE_SERVICE, si, c.SERVICE_METHOD, mi)),
                        upload_field=self.payload(m.input_type)
                        if m.client_streaming and not m.server_streaming else None,
                        download_field=self.payload(m.output_type)
                        if m.server_streaming and not m.client_streaming else None,
                    )
                    for mi, m in enumerate(svc.method)
                )
                out.append(
                    Service(
                        full_name=full,
                        name=svc.name,
                        package=proto.package,
                        file=name,
                        methods=methods,
                        role="app" if full in app_services else "client",
                        doc=self.comments.doc(name, (c.FILE_SERVICE, si)),
                        line=self.comments.line(name, (c.FILE_SERVICE, si)),
                    )
                )
        return sorted(out, key=lambda s: s.full_name)

    def referenced(self, services: Sequence[Service]) -> tuple[set[str], set[str]]:
        """Message/enum full names to list: all of the requested files, plus imported ones reachable."""
        wanted = set(self.wanted)
        msgs = {n for n, s in self.messages.items() if s.file in wanted}
        enums = {n for n, s in self.enums.items() if s.file in wanted}
        todo = list(msgs)
        todo += [t for s in services for m in s.methods for t in (m.input_type, m.output_type)]
        while todo:
            name = todo.pop()
            src = self.messages.get(name)
            if src is None:
                continue
            msgs.add(name)
            for field in src.proto.field:
                ref = self.type_ref(field)
                if ref.kind == "message" and ref.name not in msgs:
                    todo.append(ref.name)
                elif ref.kind == "enum":
                    enums.add(ref.name)
        return msgs, {e for e in enums if e in self.enums}

    def file(self, name: str) -> ProtoFile:
        proto = self.protos[name]
        options = {fd.name: value for fd, value in proto.options.ListFields() if isinstance(value, str)}
        return ProtoFile(
            name=name,
            package=proto.package,
            dependencies=tuple(proto.dependency),
            options=dict(sorted(options.items())),
            doc=self.comments.file_doc(name),
        )


def _with_signatures(
    builder: _Builder, services: Sequence[Service], messages: Mapping[str, Message],
    configured: Mapping[str, Sequence[str]], where: str,
) -> list[Service]:
    """``services`` with ``Method.signatures`` set from the annotation or the configuration (checked)."""
    methods = {m.full_name: m for s in services for m in s.methods}
    sig.check_configured(configured, methods, (builder.protos[n].package for n in builder.wanted), where)
    out = []
    for service in services:
        proto = builder.protos[service.file]
        svc = next(s for s in proto.service if _join(proto.package, s.name) == service.full_name)
        options = {f"{service.full_name}.{m.name}": m.options for m in svc.method}
        updated = []
        for method in service.methods:
            request = messages[method.input_type]
            if method.full_name in configured:
                found = sig.validate(method, request, configured[method.full_name],
                                     f"{where} {method.full_name!r}")
            else:
                try:
                    declared = sig.annotated(options[method.full_name].SerializeToString())
                except (ValueError, UnicodeDecodeError) as exc:
                    where = f"{service.file}:{method.line}"
                    raise ProtoError(f"{where}: unreadable method options: {exc}") from exc
                found = sig.validate(method, request, declared, f"{service.file}:{method.line}")
            updated.append(replace(method, signatures=found) if found else method)
        out.append(replace(service, methods=tuple(updated)))
    return out


def build_api(
    fds: descriptor_pb2.FileDescriptorSet,
    files_to_generate: Sequence[str],
    app_services: Sequence[str] = (),
    internal_packages: Sequence[str] = (),
    signatures: Mapping[str, Sequence[str]] | None = None,
    signatures_where: str = "[tool.l8gen.signatures]",
    profile: ApiProfile | None = None,
    sdk_name: str = "sdk",
) -> Api:
    """Build the IR of ``files_to_generate`` (their imports must be in ``fds`` too). ``signatures``: the
    configured flattened signatures (method full name -> comma-separated field lists), see ir.signatures;
    ``profile`` is the API profile (``[tool.l8gen.api]``), ``sdk_name`` the SDK's name generic environment
    variables derive from."""
    builder = _Builder(fds, files_to_generate)
    services = builder.services(app_services, internal_packages)
    features = resolve_features(profile or ApiProfile(), services, sdk_name, internal_packages)
    msg_names, enum_names = builder.referenced(services)
    messages = {n: builder.message(n) for n in sorted(msg_names)}
    services = _with_signatures(builder, services, messages, signatures or {}, signatures_where)
    return Api(
        files=tuple(builder.file(name) for name in builder.wanted),
        services=tuple(services),
        messages=tuple(messages.values()),
        enums=tuple(builder.enum(n) for n in sorted(enum_names)),
        features=features,
    )
