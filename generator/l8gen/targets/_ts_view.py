"""The language view of the Node/TypeScript target: IR + protobuf-es exports + TS names -> template context.

Pipeline place: ``targets.typescript`` builds ``view(...)`` once; the templates under
``templates/typescript`` only print it. Names come from ``naming.typescript`` (client methods, with the
user override map) and from the protobuf-es output (message/service identifiers, see ``_ts_es``); the
derived helper names (``<method>From`` upload helpers) are collision-checked here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from l8gen.errors import NamingError
from l8gen.ir.model import Api, Doc, Message, Method, Service
from l8gen.naming.typescript import TypeScriptNaming
from l8gen.targets._ts_es import EsSymbol, exported_names, file_const, module_of, wkt_symbol

# Members of the generated Client class that RPC methods must not take.
CLIENT_MEMBERS = ("close", "waitForReady", "endpoint", "subscribe", "closed")
# Names exported by src/index.ts itself; a protobuf-es module exporting one of them is namespaced.
SDK_EXPORTS = frozenset({
    "Client", "L8Error", "AppCallbackServer", "Subscription", "ServerStream", "BidiStream", "resolveEndpoint",
    "resolveToken", "parseEndpoint", "registerDetailTypes", "statusName", "STATUS_NAMES", "DEFAULT_CHUNK_SIZE",
    "DEFAULT_HOST", "DEFAULT_PORT", "DEFAULT_MAX_RECEIVE_MESSAGE_BYTES", "SDK_VERSION", "PushQueue",
})
SUBSCRIBE_RPC = "spec.proto.runtime.v1.Runtime.SubscribeTopicEvents"
APP_CALLBACK = "spec.proto.runtime.v1.AppCallback"


def jsdoc(doc: Doc, indent: str = "") -> list[str]:
    """Proto comment -> JSDoc body lines (``*/`` escaped), empty when undocumented."""
    text = doc.text.replace("*/", "*\\/")
    return [f"{indent} * {line}".rstrip() for line in text.split("\n")] if text else []


@dataclass(frozen=True)
class TsMethod:
    name: str  # proto name "GetState"
    ts_name: str  # client method "getState"
    es_local: str  # protobuf-es method key on the service descriptor: Runtime.method.<es_local>
    rpc: str  # "spec.proto.runtime.v1.Runtime/GetState"
    shape: str
    idempotent: bool
    service_const: str
    service_module: str
    input: EsSymbol
    output: EsSymbol
    doc: tuple[str, ...]
    upload_helper: str | None  # "putFileFrom" for client streams with exactly one bytes field
    upload_field: str | None  # protobuf-es property of that bytes field


@dataclass(frozen=True)
class TsService:
    full_name: str
    name: str
    const: str
    module: str
    role: str
    methods: tuple[TsMethod, ...]
    doc: tuple[str, ...]


@dataclass(frozen=True)
class TsModule:
    """One protobuf-es module re-exported by src/index.ts (flat, or as a namespace on collisions)."""

    module: str
    file_const: str  # protobuf-es GenFile export, e.g. file_spec_proto_runtime_v1_runtime
    namespace: str | None


def es_method_local(name: str) -> str:
    """protobuf-es ``DescMethod.localName``: first letter lower-cased, ``$`` after object builtins."""
    local = name[:1].lower() + name[1:]
    return local + "$" if local in {"constructor", "toString", "toJSON", "valueOf"} else local


def _bytes_field(message: Message) -> str | None:
    singles = [f for f in message.fields if f.type.kind == "scalar" and f.type.name == "bytes"
               and not f.repeated and f.oneof is None]
    return TypeScriptNaming.es_field(singles[0]) if len(singles) == 1 else None


class _Symbols:
    def __init__(self, symbols: Mapping[str, EsSymbol]) -> None:
        self.symbols = symbols

    def get(self, full_name: str) -> EsSymbol:
        found = self.symbols.get(full_name) or wkt_symbol(full_name)
        if found is None:
            raise NamingError(f"typescript: protobuf-es generated no export for {full_name}")
        return found


def build_services(api: Api, naming: TypeScriptNaming, symbols: Mapping[str, EsSymbol]) -> tuple[TsService, ...]:
    lookup = _Symbols(symbols)
    taken = set(CLIENT_MEMBERS) | {naming.method(m) for s in api.services for m in s.methods}
    services = []
    for service in api.services:
        methods = []
        for method in service.methods:
            methods.append(_method(api, service, method, naming, lookup, taken))
        svc = lookup.get(service.full_name)
        services.append(TsService(service.full_name, service.name, svc.schema, svc.module, service.role,
                                  tuple(methods), tuple(jsdoc(service.doc, "  "))))
    return tuple(services)


def _method(api: Api, service: Service, method: Method, naming: TypeScriptNaming, lookup: _Symbols,
            taken: set[str]) -> TsMethod:
    ts_name = naming.method(method)
    helper = field = None
    if method.shape == "client_stream" and service.role == "client":
        try:
            field = _bytes_field(api.message(method.input_type))
        except KeyError:
            field = None
        if field is not None:
            helper = f"{ts_name.rstrip('$')}From"
            if helper in taken:
                raise NamingError(
                    f"typescript naming collision: the upload helper of rpc {method.full_name} would be "
                    f"'{helper}', which another client member already uses; set "
                    f'[tool.l8gen.overrides.typescript] "{method.full_name}" = "<identifier>"'
                )
            taken.add(helper)
    return TsMethod(
        name=method.name, ts_name=ts_name, es_local=es_method_local(method.name),
        rpc=method.path.lstrip("/"), shape=method.shape, idempotent=method.idempotent,
        service_const=lookup.get(service.full_name).schema, service_module=lookup.get(service.full_name).module,
        input=lookup.get(method.input_type),
        output=lookup.get(method.output_type), doc=tuple(jsdoc(method.doc, "  ")),
        upload_helper=helper, upload_field=field,
    )


def imports_for(services: tuple[TsService, ...], prefix: str = "./") -> dict[str, dict[str, list[str]]]:
    """{module specifier: {"values": [...], "types": [...]}} for the client: service consts as values,
    schemas (used in ``typeof``) and message types as types. ``prefix`` re-roots the ``./`` specifiers."""
    out: dict[str, dict[str, set[str]]] = {}

    def add(module: str, kind: str, name: str) -> None:
        spec = module if not module.startswith("./") else prefix + module[2:]
        out.setdefault(spec, {"values": set(), "types": set()})[kind].add(name)

    for service in services:
        if service.role != "client":
            continue
        add(service.module, "values", service.const)
        for method in service.methods:
            add(method.input.module, "types", method.input.schema)
            add(method.output.module, "types", method.output.type)
    return {m: {k: sorted(v) for k, v in kinds.items()} for m, kinds in sorted(out.items())}


def driver_imports(services: tuple[TsService, ...], package: str) -> dict[str, list[str]]:
    """{module specifier: schema names} the compat driver's RPC table imports (through the package's
    ``./gen/*.js`` subpath export, as a user would)."""
    out: dict[str, set[str]] = {}
    for service in services:
        if service.role != "client":
            continue
        for method in service.methods:
            for symbol in (method.input, method.output):
                module = symbol.module.replace("./gen/", f"{package}/gen/", 1)
                out.setdefault(module, set()).add(symbol.schema)
    return {m: sorted(v) for m, v in sorted(out.items())}


def index_modules(api: Api, es_files: Mapping[str, str]) -> tuple[TsModule, ...]:
    """The API's protobuf-es modules for src/index.ts: flat ``export *`` unless a name clashes with another
    module or with the SDK's own exports, then ``export * as <file const>``."""
    texts = {f.name: es_files[f.name.removesuffix(".proto") + "_pb.ts"] for f in api.files}
    names = {name: exported_names(text) for name, text in texts.items()}
    out = []
    for file in api.files:
        others = set().union(*(n for other, n in names.items() if other != file.name)) | SDK_EXPORTS
        const = file_const(texts[file.name])
        clash = bool(names[file.name] & others)
        out.append(TsModule(module_of(file.name), const, const if clash else None))
    return tuple(out)
