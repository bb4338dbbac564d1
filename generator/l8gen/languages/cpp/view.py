"""The C++ language view: IR -> the names and shapes the C++ templates print (stage 3 of the pipeline).

Pipeline place: ``languages.cpp.target`` builds a ``CppView`` from the IR with ``build_view`` and renders
``templates/`` with it. SDK identifiers (service client classes, accessors, methods, upload helpers) come
from ``cpp.naming`` (one escape rule: trailing ``_``), and so do the names of protoc's own C++ output
(``CppNaming.pb_type``/``pb_accessor``: protoc 3.21's rules, because the templates must spell exactly what
Debian's protoc generates).
"""

from __future__ import annotations

from collections.abc import Iterable

from l8gen.errors import NamingError
from l8gen.ir.model import Api, Doc, Method, Service, TypeRef
from l8gen.languages.cpp.naming import CppNaming
from l8gen.naming.common import Origin, origin_of, snake
from l8gen.records import record

# Members of l8::Client that the service accessors must not take.
# The SDK's own types a client class names unqualified: an RPC method with one of these names would change
# their meaning inside the class ([basic.scope.class]), so it is escaped like a member (ServerStream_).
SDK_TYPES = ("BidiStream", "CallOptions", "Client", "ClientOptions", "ClientStream", "ConfigWatch",
             "Connection", "Endpoint", "Error", "Metadata", "Payload", "Result", "ScopedLock", "ServerStream",
             "Subscription", "SubscriptionOptions", "Value", "Values")
CLIENT_MEMBERS = ("Create", "WaitForReady", "endpoint", "channel", "Subscribe", "values")
# Classes of the SDK namespace that service client classes must not take.
SDK_CLASSES = (
    "Client", "ClientOptions", "CallOptions", "TlsOptions", "RetryPolicy", "Endpoint", "Error", "Result",
    "ServerStream", "ClientStream", "BidiStream", "Subscription", "SubscriptionOptions",
    "Values", "Value", "Payload", "ScopedLock", "ConfigWatch",  # the value layer (values.h)
)


def protoc_stem(proto_file: str) -> str:
    return proto_file[: -len(".proto")] if proto_file.endswith(".proto") else proto_file


def doc_lines(doc: Doc) -> tuple[str, ...]:
    return tuple(line.rstrip() for line in doc.text.split("\n")) if doc.text else ()


@record
class CppUpload:
    """The upload helpers of a client-streaming RPC: the chunk field and the helper names."""

    field: str  # proto name of the chunk (bytes) field
    accessor: str  # protoc accessor of that field
    stream_ident: str  # <Rpc>FromStream
    file_ident: str  # <Rpc>FromFile


@record
class CppFlat:
    """One flattened signature: an overload of the RPC method taking the signature's fields."""

    params: str  # "const std::string& store_name, const std::string& key"
    sets: tuple[str, ...]  # statements filling `request` ("request.set_key(key);")
    fields: str  # "store_name, key" (doc)


CPP_SCALARS = {
    "double": "double", "float": "float", "int64": "std::int64_t", "uint64": "std::uint64_t",
    "int32": "std::int32_t", "fixed64": "std::uint64_t", "fixed32": "std::uint32_t", "bool": "bool",
    "string": "std::string", "bytes": "std::string", "uint32": "std::uint32_t", "sfixed32": "std::int32_t",
    "sfixed64": "std::int64_t", "sint32": "std::int32_t", "sint64": "std::int64_t",
}


def _elem(naming: CppNaming, ref: TypeRef) -> str:
    return CPP_SCALARS[ref.name] if ref.kind == "scalar" else naming.pb_type(ref.name)


def _flat(api: Api, naming: CppNaming, method: Method, fields: tuple[str, ...]) -> CppFlat:
    """Parameters by const reference (strings, containers, messages) or by value (numbers, enums); maps
    as ``std::map``, repeated fields as ``std::vector``; set with protoc's accessors."""
    by_name = {f.name: f for f in api.message(method.input_type).fields}
    params, sets = [], []
    for field in (by_name[f] for f in fields):
        name, acc = naming.escape(field.name), naming.pb_accessor(field)
        if name in ("request", "options"):
            name += "_"
        if field.map_key is not None and field.map_value is not None:
            key, value = _elem(naming, field.map_key), _elem(naming, field.map_value)
            params.append(f"const std::map<{key}, {value}>& {name}")
            sets.append(f"request.mutable_{acc}()->insert({name}.begin(), {name}.end());")
        elif field.repeated:
            params.append(f"const std::vector<{_elem(naming, field.type)}>& {name}")
            add = f"*request.add_{acc}() = v;" if field.type.kind == "message" else f"request.add_{acc}(v);"
            sets.append(f"for (const auto& v : {name}) {add}")
        elif field.type.kind == "message":
            params.append(f"const {_elem(naming, field.type)}& {name}")
            sets.append(f"*request.mutable_{acc}() = {name};")
        else:
            by_ref = field.type.name in ("string", "bytes")
            cpp = _elem(naming, field.type)
            params.append(f"const {cpp}& {name}" if by_ref else f"{cpp} {name}")
            sets.append(f"request.set_{acc}({name});")
    return CppFlat(", ".join(params), tuple(sets), ", ".join(fields))


@record
class CppMethod:
    """One RPC as the C++ client exposes it."""

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
    flats: tuple[CppFlat, ...] = ()  # flattened signatures (Method.signatures): overloads of `ident`


@record
class CppService:
    """One client service as a C++ client class and its accessor on ``Client``."""

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


@record
class CppEvents:
    """The app callback types the C++ subscription helpers use."""

    header: str
    event: str
    status_enum: str


@record
class CppSubscription:
    """The topic-subscription RPC the C++ helpers wrap."""

    rpc: str
    client_cls: str
    accessor: str
    method: str
    request: str
    response: str


@record
class CppApp:
    """An app service the C++ SDK serves (its listing RPC among others)."""

    full_name: str
    stub: str
    grpc_header: str
    list_method: str
    list_request: str
    list_response: str
    event_method: str
    event_response: str
    name: str = ""  # the service's proto name
    server_class: str = ""  # the SDK's server class for it: <name>Server
    header: str = ""  # stem of its header and source file: snake_case of name


@record
class CppUploadRpc:
    """An upload RPC as the compat driver and examples call it."""

    accessor: str
    stream_ident: str
    file_ident: str
    request: str


@record
class CppView:
    """Everything the C++ templates render: services, every RPC, events and uploads."""

    services: tuple[CppService, ...]  # client services
    all_rpcs: tuple[tuple[str, str, str], ...]  # (service, rpc, shape) of every API RPC, app RPCs included
    events: CppEvents | None
    subscription: CppSubscription | None
    app: CppApp | None
    upload_rpc: CppUploadRpc | None  # the upload_example RPC's from-path helper (driver's upload_file)
    runtime: CppService | None  # the service of the topic_subscription feature RPC (helpers and unit tests)


def _claim_all(
    naming: CppNaming, what: str, taken: Iterable[str], items: Iterable[tuple[str, Origin]]
) -> None:
    scope = naming.scope(what, taken)
    for ident, origin in items:
        scope.claim(ident, origin)


def _method(api: Api, naming: CppNaming, service: Service, method: Method) -> CppMethod:
    ident = naming.method(method)
    field = method.upload_field
    upload = None
    if field is not None:
        upload = CppUpload(field, naming.pb_accessor(field), f"{ident}FromStream", f"{ident}FromFile")
    return CppMethod(
        name=method.name, ident=ident, stub_method=method.name, rpc=f"{service.full_name}/{method.name}",
        shape=method.shape, idempotent=method.idempotent, request=naming.pb_type(method.input_type),
        response=naming.pb_type(method.output_type), request_full=method.input_type,
        response_full=method.output_type, doc=doc_lines(method.doc), upload=upload,
        flats=tuple(_flat(api, naming, method, sig) for sig in method.signatures)
        if service.role == "client" else (),
    )


def _service(api: Api, naming: CppNaming, service: Service) -> CppService:
    base = naming.service(service)
    accessor = naming.escape(snake(base) or base.lower())
    methods = tuple(_method(api, naming, service, m) for m in service.methods)
    helper = "upload helper of rpc"
    _claim_all(naming, f"members of the {service.name} client", (), [
        (ident, origin_of(m, api) if ident == cm.ident else Origin(helper, m.full_name, service.file, m.line))
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


def _helpers(api: Api, naming: CppNaming, services: tuple[CppService, ...]) -> tuple[
        CppEvents | None, CppSubscription | None, CppApp | None, CppUploadRpc | None]:
    features = api.features
    events = None
    # the helpers are built on the callback_event RPC: its request is the event, its response's enum field
    # the ack status (see ir.model.Features)
    ev = features.callback_event
    response = api.message(ev.output_type) if ev is not None else None
    statuses = [f.type.name for f in response.fields if f.type.kind == "enum"] if response else []
    if ev is not None and len(statuses) == 1:
        header = protoc_stem(api.message(ev.input_type).file) + ".pb.h"
        events = CppEvents(header, naming.pb_type(ev.input_type), naming.pb_type(statuses[0]))
    subscription = None
    found = _find_method(services, _full(features.topic_subscription))
    if events is not None and found is not None and found[1].shape == "bidi":
        service, method = found
        subscription = CppSubscription(
            method.rpc, service.cls, service.accessor, method.ident, method.request, method.response)
    app = None
    app_services = [s for s in api.app_services if ev is not None and ev in s.methods]
    if events is not None and app_services:
        svc = app_services[0]
        listing, event = features.callback_listing, ev
        if listing is not None and event is not None and listing in svc.methods:
            namespace = "".join(f"::{part}" for part in svc.package.split(".") if part)
            app = CppApp(
                full_name=svc.full_name, stub=f"{namespace}::{svc.name}",
                grpc_header=protoc_stem(svc.file) + ".grpc.pb.h", list_method=listing.name,
                list_request=naming.pb_type(listing.input_type),
                list_response=naming.pb_type(listing.output_type), event_method=event.name,
                event_response=naming.pb_type(event.output_type), name=svc.name,
                server_class=f"{svc.name}Server", header=snake(svc.name),
            )
    upload_rpc = None
    found = _find_method(services, _full(features.upload_example))
    if found is not None and found[1].upload is not None:
        upload = found[1].upload
        upload_rpc = CppUploadRpc(found[0].accessor, upload.stream_ident, upload.file_ident, found[1].request)
    return events, subscription, app, upload_rpc


def _full(method: Method | None) -> str:
    return method.full_name if method is not None else ""


def build_view(api: Api, overrides: dict[str, str] | None = None) -> CppView:
    """The C++ view of ``api`` (internal packages are left out: ``Api.public``); raises ``NamingError`` on
    identifier collisions."""
    naming = CppNaming(api, overrides, client_members=CLIENT_MEMBERS, method_members=SDK_TYPES)
    api = api.public()
    clients = tuple(_service(api, naming, s) for s in api.client_services)
    callback_classes = tuple(f"{s.name}Server" for s in api.app_services)  # CppApp.server_class
    _claim_all(naming, "service client classes", SDK_CLASSES + callback_classes,
               [(s.cls, origin_of(api.service(s.full_name), api)) for s in clients])
    _claim_all(naming, "Client accessors", CLIENT_MEMBERS,
               [(s.accessor, origin_of(api.service(s.full_name), api)) for s in clients])
    rpcs = tuple(
        (s.full_name, m.name, m.shape)
        for s in api.services for m in s.methods
    )
    events, subscription, app, upload_rpc = _helpers(api, naming, clients)
    found = _find_method(clients, _full(api.features.topic_subscription))
    return CppView(clients, rpcs, events, subscription, app, upload_rpc, found[0] if found else None)


__all__ = ["CppView", "NamingError", "build_view"]
