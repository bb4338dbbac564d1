"""The language view of the Node/TypeScript target: IR + protobuf-es exports + TS names -> template context.

Pipeline place: ``languages.node.target`` builds the view once; the templates under ``templates/``
only print it. Names come from ``naming.typescript`` (client methods, with the user override map) and from
the protobuf-es output (message/service identifiers, see ``es``). Two more naming passes live here:

- import aliases: a protobuf-es export used by the client or the driver keeps its name unless another
  module exports the same name or it clashes with a name the templates define (``Client``, ``CallOptions``
  ...); then it is imported as ``<name>$<n>`` (``n`` = rank of its module, sorted);
- derived helper names (``<method>From`` upload helpers), collision-checked against every client member.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from l8gen.errors import NamingError
from l8gen.ir.builder import json_name_of
from l8gen.ir.model import Api, Doc, Method, Service
from l8gen.languages.node.es import EsSymbol, exported_names, file_const, module_of, wkt_symbol
from l8gen.languages.node.naming import IDENTIFIER_RESERVED, TypeScriptNaming
from l8gen.records import record

# Members of the generated Client class that RPC methods must not take.
CLIENT_MEMBERS = ("close", "waitForReady", "endpoint", "subscribe", "closed", "values")
# Identifiers the client/driver templates define or import themselves: protobuf-es exports get aliased.
TEMPLATE_NAMES = frozenset("""
    Client CallCore MessageInitShape UploadOptions ResolvedEndpoint CallOptions ClientOptions
    BidiStream ByteSource ServerStream StreamInput Subscription SubscribeOptions TopicEventHandler
    WaitForReadyOptions createRegistry DescMessage Message MessageShape Registry REGISTRY Entry
    Erased unary serverStream clientStream bidi RPCS APP_RPCS
""".split())
# Names exported by src/index.ts itself; a protobuf-es module exporting one of them is namespaced.
SDK_EXPORTS = frozenset("""
    Client L8Error Subscription ServerStream BidiStream resolveEndpoint
    resolveToken parseEndpoint registerDetailTypes statusName STATUS_NAMES DEFAULT_CHUNK_SIZE
    DEFAULT_HOST DEFAULT_PORT DEFAULT_MAX_MESSAGE_BYTES SDK_VERSION PushQueue WaitForReadyOptions
    ErrorDetail L8ErrorInit StatusName Environment ResolvedEndpoint CallOptions ClientOptions
    Metadata RetryPolicy TlsOptions UploadOptions ByteSource StreamInput SubscribeOptions
    TopicEventHandler TopicEventStatus TopicOptions
""".split())


def callback_exports(api: Api) -> frozenset[str]:
    """The callback server's exports (``<Service>Server``, ``<Service>ServerOptions``) of each app service."""
    return frozenset(n for s in api.app_services for n in (f"{s.name}Server", f"{s.name}ServerOptions"))


def jsdoc(doc: Doc, indent: str = "") -> list[str]:
    """Proto comment -> JSDoc body lines (``*/`` escaped), empty when undocumented."""
    text = doc.text.replace("*/", "*\\/")
    return [f"{indent} * {line}".rstrip() for line in text.split("\n")] if text else []


@record
class Ref:
    """A protobuf-es export as used by generated code: ``local`` is the identifier in the importing file and
    ``spec`` the import specifier text (``Hello`` or ``Hello as Hello$2``)."""

    module: str  # relative to src/: "./gen/spec/proto/runtime/v1/runtime_pb.js", or "@bufbuild/protobuf/wkt"
    name: str
    local: str

    @property
    def spec(self) -> str:
        return self.name if self.name == self.local else f"{self.name} as {self.local}"


@record
class TsFlat:
    """One flattened signature: ``getItemFlat(storeName, key, options?)``."""

    name: str  # "getItemFlat" (then getItemFlat2...)
    params: str  # "storeName: NonNullable<MessageInitShape<typeof GetItemRequestSchema>["storeName"]>, ..."
    init: str  # "storeName, key" (the request object literal's members)
    fields: str  # "store_name, key" (doc)
    call: str  # "getItemFlat(storeName, key)" (README, reference)


@record
class TsMethod:
    """One RPC as the TypeScript client exposes it."""

    name: str  # proto name "GetItem"
    ts_name: str  # client method "getItem"
    es_local: str  # protobuf-es method key on the service descriptor: Store.method.<es_local>
    rpc: str  # "acme.store.v1.Store/GetItem"
    shape: str
    idempotent: bool
    service: Ref  # the service descriptor const
    input_schema: Ref
    output_schema: Ref
    output_type: Ref
    doc: tuple[str, ...]
    upload_helper: str | None  # "uploadFrom" for client streams with exactly one bytes field
    upload_field: str | None  # protobuf-es property of that bytes field
    flats: tuple[TsFlat, ...] = ()  # flattened signatures (Method.signatures), in declaration order


@record
class TsService:
    """One service as the TypeScript SDK renders it (its protobuf-es descriptor and methods)."""

    full_name: str
    name: str
    ref: Ref
    role: str
    methods: tuple[TsMethod, ...]
    doc: tuple[str, ...]
    prop: str  # property of the Client holding this service's sub-client: "inventoryService"
    class_name: str  # the sub-client class: "InventoryServiceClient"
    flat: bool  # its methods are also methods of Client (no name clash with another service)


@record
class TsModule:
    """One protobuf-es module re-exported by src/index.ts (flat, or as a namespace on collisions)."""

    module: str
    file_const: str  # protobuf-es GenFile export, e.g. file_spec_proto_runtime_v1_runtime
    namespace: str | None


def es_method_local(name: str) -> str:
    """protobuf-es ``DescMethod.localName``: first letter lower-cased, ``$`` after object builtins."""
    local = name[:1].lower() + name[1:]
    return local + "$" if local in {"constructor", "toString", "toJSON", "valueOf"} else local


class Aliases:
    """Local identifiers for the protobuf-es exports the generated layer uses (see the module docstring)."""

    def __init__(self, symbols: Mapping[str, EsSymbol], used: Iterable[str], defined: set[str]) -> None:
        self.symbols = symbols
        pairs: set[tuple[str, str]] = set()
        for full in used:
            sym = self.symbol(full)
            pairs |= {(sym.module, sym.schema), (sym.module, sym.type)}
        modules_by_name: dict[str, list[str]] = {}
        for module, name in sorted(pairs):
            modules_by_name.setdefault(name, []).append(module)
        self.local: dict[tuple[str, str], str] = {}
        for name, modules in modules_by_name.items():
            clash = len(modules) > 1 or name in TEMPLATE_NAMES or name in defined
            for rank, module in enumerate(modules, start=1):
                self.local[(module, name)] = f"{name}${rank}" if clash else name

    def symbol(self, full_name: str) -> EsSymbol:
        found = self.symbols.get(full_name) or wkt_symbol(full_name)
        if found is None:
            raise NamingError(f"node: protobuf-es generated no export for {full_name}")
        return found

    def schema(self, full_name: str) -> Ref:
        sym = self.symbol(full_name)
        return Ref(sym.module, sym.schema, self.local[(sym.module, sym.schema)])

    def type(self, full_name: str) -> Ref:
        sym = self.symbol(full_name)
        return Ref(sym.module, sym.type, self.local[(sym.module, sym.type)])


def _class_name(naming: TypeScriptNaming, service: Service) -> str:
    prop = naming.service(service).rstrip("$")
    return prop[:1].upper() + prop[1:] + "Client"


def build_services(
    api: Api, naming: TypeScriptNaming, symbols: Mapping[str, EsSymbol]
) -> tuple[TsService, ...]:
    """Every service with its methods; a client service is ``flat`` (its methods also on ``Client``) when
    none of its method or helper names is used by another client service or a Client member."""
    classes = {s.full_name: _class_name(naming, s) for s in api.services}
    used = [s.full_name for s in api.services]
    used += [t for s in api.services for m in s.methods for t in (m.input_type, m.output_type)]
    aliases = Aliases(symbols, used, set(classes.values()))
    methods = {s.full_name: tuple(_method(api, s, m, naming, aliases) for m in s.methods)
               for s in api.services}
    members = {s.full_name: {n for m in methods[s.full_name]
                             for n in (m.ts_name, m.upload_helper, *(f.name for f in m.flats)) if n}
               for s in api.client_services}
    props = {naming.service(s) for s in api.client_services} | set(CLIENT_MEMBERS)
    services = []
    for service in api.services:
        own = members.get(service.full_name, set())
        others = set().union(*(v for k, v in members.items() if k != service.full_name))
        flat = service.role == "client" and not (own & others) and not (own & props)
        services.append(TsService(
            service.full_name, service.name, aliases.schema(service.full_name), service.role,
            methods[service.full_name], tuple(jsdoc(service.doc, "  ")), naming.service(service),
            classes[service.full_name], flat,
        ))
    return tuple(services)


def _method(
    api: Api, service: Service, method: Method, naming: TypeScriptNaming, aliases: Aliases
) -> TsMethod:
    ts_name = naming.method(method)
    helper = field = None
    if method.shape == "client_stream" and service.role == "client":
        if method.upload_field is not None:
            payload = next(f for f in api.message(method.input_type).fields if f.name == method.upload_field)
            field = TypeScriptNaming.es_field(payload)
            helper = f"{ts_name.rstrip('$')}From"
            taken = {naming.method(m) for m in service.methods} | set(CLIENT_MEMBERS)
            if helper in taken:
                raise NamingError(
                    f"node naming collision: the upload helper of rpc {method.full_name} would be "
                    f"'{helper}', which another method of its client already uses; set "
                    f'[tool.l8gen.node.overrides] "{method.full_name}" = "<identifier>"'
                )
    flats = _flats(api, service, method, naming, aliases.schema(method.input_type).local, ts_name)
    return TsMethod(
        name=method.name, ts_name=ts_name, es_local=es_method_local(method.name),
        rpc=method.path.lstrip("/"), shape=method.shape, idempotent=method.idempotent,
        service=aliases.schema(service.full_name), input_schema=aliases.schema(method.input_type),
        output_schema=aliases.schema(method.output_type), output_type=aliases.type(method.output_type),
        doc=tuple(jsdoc(method.doc, "  ")), upload_helper=helper, upload_field=field, flats=flats,
    )


def _flats(api: Api, service: Service, method: Method, naming: TypeScriptNaming, schema: str, ts_name: str
           ) -> tuple[TsFlat, ...]:
    """The flattened forms of ``method``: parameter types are indexed from the request's init shape, so
    they are exactly what a request literal accepts (oneof members: that case's ``value``)."""
    if service.role != "client":
        return ()
    request = api.message(method.input_type)
    by_name = {f.name: f for f in request.fields}
    taken = {naming.method(m) for m in service.methods} | set(CLIENT_MEMBERS)
    out = []
    for i, fields in enumerate(method.signatures):
        name = f"{ts_name.rstrip('$')}Flat{i + 1 if i else ''}"
        if name in taken:
            raise NamingError(f"node naming collision: the flattened form of rpc {method.full_name} "
                              f"would be '{name}', which another method of its client already uses")
        taken.add(name)
        params, init, args = [], [], []
        shape = f"MessageInitShape<typeof {schema}>"
        for field in (by_name[f] for f in fields):
            prop = naming.es_field(field)
            param = prop.rstrip("$")
            param = param + "_" if param in IDENTIFIER_RESERVED or param == "options" else param
            if field.oneof is not None:
                group = json_name_of(field.oneof)
                ts = f'Extract<NonNullable<{shape}["{group}"]>, {{ case: "{prop}" }}>["value"]'
                init.append(f'{group}: {{ case: "{prop}", value: {param} }}')
            else:
                ts = f'NonNullable<{shape}["{prop}"]>'
                init.append(prop if prop == param else f"{prop}: {param}")
            params.append(f"{param}: {ts}")
            args.append(param)
        out.append(TsFlat(name, ", ".join(params), ", ".join(init), ", ".join(fields),
                          f"{name}({', '.join(args)})"))
    return tuple(out)


def _grouped(refs: Iterable[tuple[str, Ref]], prefix: str) -> dict[str, dict[str, list[str]]]:
    out: dict[str, dict[str, set[str]]] = {}
    for kind, ref in refs:
        module = ref.module.replace("./", prefix, 1) if ref.module.startswith("./") else ref.module
        out.setdefault(module, {"values": set(), "types": set()})[kind].add(ref.spec)
    return {m: {k: sorted(v) for k, v in kinds.items()} for m, kinds in sorted(out.items())}


def client_imports(services: tuple[TsService, ...]) -> dict[str, dict[str, list[str]]]:
    """{module: {"values": [...], "types": [...]}} for src/client.ts: service consts as values, request
    schemas (used in ``typeof``) and response types as types."""
    refs: list[tuple[str, Ref]] = []
    for service in services:
        if service.role == "client":
            refs.append(("values", service.ref))
            for m in service.methods:
                refs += [("types", m.input_schema), ("types", m.output_type)]
    return _grouped(refs, "./")


def driver_imports(services: tuple[TsService, ...], package: str) -> dict[str, dict[str, list[str]]]:
    """The compat driver's RPC table imports the request/response schemas through the package's
    ``./gen/*.js`` subpath export, as a user would."""
    refs = [("values", r) for s in services if s.role == "client" for m in s.methods
            for r in (m.input_schema, m.output_schema)]
    return _grouped(refs, f"{package}/")


def index_modules(api: Api, es_files: Mapping[str, str]) -> tuple[TsModule, ...]:
    """The API's protobuf-es modules for src/index.ts: flat ``export *`` unless a name clashes with another
    module or with the SDK's own exports, then ``export * as <file const>``."""
    texts = {f.name: es_files[f.name.removesuffix(".proto") + "_pb.ts"] for f in api.files}
    names = {name: exported_names(text) for name, text in texts.items()}
    out = []
    for file in api.files:
        others = set().union(*(n for other, n in names.items() if other != file.name)) | SDK_EXPORTS
        others |= callback_exports(api)
        const = file_const(texts[file.name])
        clash = bool(names[file.name] & others)
        out.append(TsModule(module_of(file.name), const, const if clash else None))
    return tuple(out)
