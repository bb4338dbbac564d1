"""The C++ language view: IR -> the names and shapes the C++ templates print (stage 3 of the pipeline).

Pipeline place: ``targets.cpp`` builds a ``CppView`` from the IR with ``build_view`` and renders
``templates/cpp`` with it. SDK identifiers (service client classes, accessors, methods, upload helpers) come
from ``l8gen.naming.cpp`` (one escape rule: trailing ``_``); the names of protoc's own C++ output (message
classes, accessors, enum constants) follow protoc 3.21's rules (``protoc_class`` & co. below), because the
templates must spell exactly what Debian's protoc generates.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from l8gen.errors import NamingError
from l8gen.ir.model import Api, Doc, Method, Service
from l8gen.naming.common import Origin, origin_of, snake
from l8gen.naming.cpp import CppNaming

# protoc 3.21's kKeywordList (compiler/cpp/helpers.cc): the names protoc itself suffixes with "_".
PROTOC_KEYWORDS = frozenset({
    "NULL", "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break",
    "case", "catch", "char", "class", "compl", "const", "constexpr", "const_cast", "continue", "decltype",
    "default", "delete", "do", "double", "dynamic_cast", "else", "enum", "explicit", "export", "extern",
    "false", "float", "for", "friend", "goto", "if", "inline", "int", "long", "mutable", "namespace", "new",
    "noexcept", "not", "not_eq", "nullptr", "operator", "or", "or_eq", "private", "protected", "public",
    "register", "reinterpret_cast", "return", "short", "signed", "sizeof", "static", "static_assert",
    "static_cast", "struct", "switch", "template", "this", "thread_local", "throw", "true", "try",
    "typedef", "typeid", "typename", "union", "unsigned", "using", "virtual", "void", "volatile", "wchar_t",
    "while", "xor", "xor_eq",
})

# Field names that are macros of the C/C++ standard library or of the compiler's GNU mode. protoc 3.21 escapes
# only keywords, so a field named `errno` gives an `errno()` accessor that the macro breaks. The C++ target
# renames such fields (trailing "_", the escape rule) in the descriptor copy it compiles; json_name is kept.
MACRO_FIELD_NAMES = frozenset({
    "errno", "assert", "offsetof", "setjmp", "va_arg", "va_start", "va_end", "va_copy", "major", "minor",
    "makedev", "linux", "unix", "i386",
})

# Local names of the generated C++ (parameters, locals) that an RPC-derived identifier must not take,
# in addition to naming.cpp's reserved words.
EXTRA_RESERVED = (
    "requests", "data", "first", "chunk_size", "path", "message", "bytes", "size", "file", "connection",
    "stub_", "connection_", "endpoint", "channel",
)
# Members of l8::Client that the service accessors must not take.
CLIENT_MEMBERS = ("Create", "WaitForReady", "endpoint", "channel", "Subscribe")
# Classes of the SDK namespace that service client classes must not take.
SDK_CLASSES = (
    "Client", "ClientOptions", "CallOptions", "TlsOptions", "RetryPolicy", "Endpoint", "Error", "Result",
    "ServerStream", "ClientStream", "BidiStream", "Subscription", "SubscriptionOptions", "AppCallbackServer",
)
# The Layotto pieces the hand-written helpers are built on (present in the real API, absent in fragments).
EVENT_TYPE = "spec.proto.runtime.v1.TopicEventRequest"
EVENT_RESPONSE = "spec.proto.runtime.v1.TopicEventResponse"
SUBSCRIBE_RPC = "spec.proto.runtime.v1.Runtime.SubscribeTopicEvents"
APP_SERVICE = "spec.proto.runtime.v1.AppCallback"
PUT_FILE_RPC = "spec.proto.runtime.v1.Runtime.PutFile"


def _resolve_keyword(name: str) -> str:
    return name + "_" if name in PROTOC_KEYWORDS else name


def protoc_class(api: Api, full_name: str) -> str:
    """protoc's unqualified C++ class name of a message or enum (``Outer_Inner``, keywords suffixed)."""
    try:
        message = api.message(full_name)
    except KeyError:
        enum = api.enum(full_name)
        if enum.parent is None:
            return _resolve_keyword(enum.name)
        return protoc_class(api, enum.parent) + "_" + enum.name
    name = (protoc_class(api, message.parent) + "_" if message.parent else "") + message.name
    return _resolve_keyword(name + "_DoNotUse" if message.is_map_entry else name)


def protoc_type(api: Api, full_name: str) -> str:
    """The fully qualified C++ type protoc generates for a message or enum (``::pkg::v1::Outer_Inner``)."""
    try:
        package = api.message(full_name).package
    except KeyError:
        package = api.enum(full_name).package
    namespace = "".join(f"::{part}" for part in package.split(".") if part)
    return f"{namespace}::{protoc_class(api, full_name)}"


def protoc_accessor(field_name: str) -> str:
    """protoc's accessor name of a field (lower-cased; keywords suffixed with ``_``), after the target's
    renaming of macro-named fields (``errno`` -> ``errno_``)."""
    name = field_name.lower()
    return name + "_" if name in PROTOC_KEYWORDS or name in MACRO_FIELD_NAMES else name


def protoc_stem(proto_file: str) -> str:
    return proto_file[: -len(".proto")] if proto_file.endswith(".proto") else proto_file


def doc_lines(doc: Doc) -> tuple[str, ...]:
    return tuple(line.rstrip() for line in doc.text.split("\n")) if doc.text else ()


@dataclass(frozen=True)
class CppUpload:
    field: str  # proto name of the chunk (bytes) field
    accessor: str  # protoc accessor of that field
    stream_ident: str  # <Rpc>FromStream
    file_ident: str  # <Rpc>FromFile


@dataclass(frozen=True)
class CppMethod:
    name: str
    ident: str
    stub_method: str  # grpc_cpp_plugin's method name (the RPC name verbatim)
    rpc: str  # "package.Service/Method"
    shape: str
    idempotent: bool
    request: str
    response: str
    request_full: str
    response_full: str
    doc: tuple[str, ...]
    upload: CppUpload | None


@dataclass(frozen=True)
class CppService:
    full_name: str
    name: str
    cls: str  # RuntimeClient
    accessor: str  # runtime
    member: str  # runtime_
    guard: str  # RUNTIME_CLIENT
    header: str  # runtime_client.h (under include/<nsdir>/)
    source: str  # runtime_client.cc (under src/)
    stub: str  # ::spec::proto::runtime::v1::Runtime
    grpc_header: str  # spec/proto/runtime/v1/runtime.grpc.pb.h
    doc: tuple[str, ...]
    doc_summary: tuple[str, ...]
    methods: tuple[CppMethod, ...]


@dataclass(frozen=True)
class CppEvents:
    header: str
    event: str
    status_enum: str


@dataclass(frozen=True)
class CppSubscription:
    rpc: str
    client_cls: str
    accessor: str
    method: str
    request: str
    response: str


@dataclass(frozen=True)
class CppApp:
    full_name: str
    stub: str
    grpc_header: str
    list_method: str
    list_request: str
    list_response: str
    event_method: str
    event_response: str


@dataclass(frozen=True)
class CppPutFile:
    accessor: str
    stream_ident: str
    file_ident: str
    request: str


@dataclass(frozen=True)
class CppView:
    services: tuple[CppService, ...]  # client services
    all_rpcs: tuple[tuple[str, str, str], ...]  # (service, rpc, shape) of every API RPC, app RPCs included
    events: CppEvents | None
    subscription: CppSubscription | None
    app: CppApp | None
    put_file: CppPutFile | None  # the PutFile-from-path helper (driver's upload_file)
    runtime: CppService | None  # the service the helpers and the unit tests are built on (Runtime)


def chunk_field(api: Api, method: Method) -> str | None:
    """The bytes field an upload helper streams into: the only singular, non-oneof bytes field of the request
    of a client-streaming RPC (``PutFileRequest.data``, ``PutObjectInput.body``); None when there is none or
    several."""
    if method.shape != "client_stream":
        return None
    candidates = [
        f.name for f in api.message(method.input_type).fields
        if f.type.kind == "scalar" and f.type.name == "bytes" and not f.repeated and f.oneof is None
    ]
    return candidates[0] if len(candidates) == 1 else None


def _origin(kind: str, full_name: str, file: str) -> Origin:
    return Origin(kind, full_name, file)


def _claim_all(
    naming: CppNaming, what: str, taken: Iterable[str], items: Iterable[tuple[str, Origin]]
) -> None:
    scope = naming.scope(what, taken)
    for ident, origin in items:
        scope.claim(ident, origin)


def _method(api: Api, naming: CppNaming, service: Service, method: Method) -> CppMethod:
    ident = naming.method(method)
    field = chunk_field(api, method)
    upload = None
    if field is not None:
        upload = CppUpload(field, protoc_accessor(field), f"{ident}FromStream", f"{ident}FromFile")
    return CppMethod(
        name=method.name, ident=ident, stub_method=method.name, rpc=f"{service.full_name}/{method.name}",
        shape=method.shape, idempotent=method.idempotent, request=protoc_type(api, method.input_type),
        response=protoc_type(api, method.output_type), request_full=method.input_type,
        response_full=method.output_type, doc=doc_lines(method.doc), upload=upload,
    )


def _service(api: Api, naming: CppNaming, service: Service) -> CppService:
    base = naming.service(service)
    accessor = naming.escape(snake(base) or base.lower())
    methods = tuple(_method(api, naming, service, m) for m in service.methods)
    helper = "upload helper of rpc"
    _claim_all(naming, f"members of the {service.name} client", (), [
        (ident, origin_of(m, api) if ident == cm.ident else _origin(helper, m.full_name, service.file))
        for m, cm in zip(service.methods, methods, strict=True)
        for ident in (cm.ident, *((cm.upload.stream_ident, cm.upload.file_ident) if cm.upload else ()))
    ])
    namespace = "".join(f"::{part}" for part in service.package.split(".") if part)
    doc = doc_lines(service.doc)
    return CppService(
        full_name=service.full_name, name=service.name, cls=f"{base}Client", accessor=accessor,
        member=f"{accessor}_", guard=f"{accessor.upper()}_CLIENT", header=f"{accessor}_client.h",
        source=f"{accessor}_client.cc", stub=f"{namespace}::{service.name}",
        grpc_header=protoc_stem(service.file) + ".grpc.pb.h", doc=doc, doc_summary=doc[:1], methods=methods,
    )


def _find_method(services: Iterable[CppService], full_name: str) -> tuple[CppService, CppMethod] | None:
    service_name, _, method_name = full_name.rpartition(".")
    for service in services:
        if service.full_name == service_name:
            for method in service.methods:
                if method.name == method_name:
                    return service, method
    return None


def _helpers(api: Api, services: tuple[CppService, ...]) -> tuple[
        CppEvents | None, CppSubscription | None, CppApp | None, CppPutFile | None]:
    names = {m.full_name for m in api.messages} | {e.full_name for e in api.enums}
    events = None
    status_enum = f"{EVENT_RESPONSE}.TopicEventResponseStatus"
    if {EVENT_TYPE, EVENT_RESPONSE, status_enum} <= names:
        header = protoc_stem(api.message(EVENT_TYPE).file) + ".pb.h"
        events = CppEvents(header, protoc_type(api, EVENT_TYPE), protoc_type(api, status_enum))
    subscription = None
    found = _find_method(services, SUBSCRIBE_RPC)
    if events is not None and found is not None and found[1].shape == "bidi":
        service, method = found
        subscription = CppSubscription(
            method.rpc, service.cls, service.accessor, method.ident, method.request, method.response)
    app = None
    app_services = [s for s in api.app_services if s.full_name == APP_SERVICE]
    if events is not None and app_services:
        svc = app_services[0]
        by_name = {m.name: m for m in svc.methods}
        listing, event = by_name.get("ListTopicSubscriptions"), by_name.get("OnTopicEvent")
        if listing is not None and event is not None:
            namespace = "".join(f"::{part}" for part in svc.package.split(".") if part)
            app = CppApp(
                full_name=svc.full_name, stub=f"{namespace}::{svc.name}",
                grpc_header=protoc_stem(svc.file) + ".grpc.pb.h", list_method=listing.name,
                list_request=protoc_type(api, listing.input_type),
                list_response=protoc_type(api, listing.output_type), event_method=event.name,
                event_response=protoc_type(api, event.output_type),
            )
    put_file = None
    found = _find_method(services, PUT_FILE_RPC)
    if found is not None and found[1].upload is not None:
        upload = found[1].upload
        put_file = CppPutFile(found[0].accessor, upload.stream_ident, upload.file_ident, found[1].request)
    return events, subscription, app, put_file


def build_view(
    api: Api, overrides: dict[str, str] | None = None, internal_packages: Iterable[str] = ()
) -> CppView:
    """The C++ view of ``api``; raises ``NamingError`` on identifier collisions."""
    naming = CppNaming(api, overrides, extra_reserved=EXTRA_RESERVED, client_members=CLIENT_MEMBERS)
    internal = set(internal_packages)
    clients = tuple(
        _service(api, naming, s) for s in api.client_services if s.package not in internal
    )
    _claim_all(naming, "service client classes", SDK_CLASSES,
               [(s.cls, _origin("service", s.full_name, "")) for s in clients])
    _claim_all(naming, "Client accessors", CLIENT_MEMBERS,
               [(s.accessor, _origin("service", s.full_name, "")) for s in clients])
    rpcs = tuple(
        (s.full_name, m.name, m.shape)
        for s in api.services if s.package not in internal for m in s.methods
    )
    events, subscription, app, put_file = _helpers(api, clients)
    found = _find_method(clients, SUBSCRIBE_RPC)
    return CppView(clients, rpcs, events, subscription, app, put_file, found[0] if found else None)


__all__ = ["CppView", "NamingError", "build_view", "protoc_type", "protoc_class", "protoc_accessor"]
