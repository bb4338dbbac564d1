"""The four languages' reference hooks: IR -> ``CallIdents`` per RPC, from each language's naming and view.

Pipeline place: called by ``reference.hooks.call_snippets``; each function reuses what the SDK target uses
(``PythonNaming`` via the Python ``ViewBuilder``, ``TypeScriptNaming``, the Go and C++ views), so the
reference spells every call exactly as the generated SDK does. At the ``Language`` interface merge each
function moves next to its language as that language's ``reference_calls`` hook.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from l8gen.ir.model import Api, Field, Message, Method, Service
from l8gen.reference.examples import ExampleValues
from l8gen.reference.idents import Arg, CallIdents
from l8gen.targets.base import GenOptions

# (string, bool, integer, float, bytes) literals per language; {} is the quoted example text.
_LITERALS = {
    "python": ("{}", "False", "0", "0.0", "b{}"),
    "node": ("{}", "false", "0", "0", "new TextEncoder().encode({})"),
    "go": ("{}", "false", "0", "0", "[]byte({})"),
    "cpp": ("{}", "false", "0", "0", "{}"),
}
_INT64 = {"int64", "uint64", "fixed64", "sfixed64", "sint64"}


def _literal(language: str, field: Field, examples: ExampleValues, message: Message) -> str:
    string, boolean, integer, floating, raw = _LITERALS[language]
    name = field.type.name
    if name == "string":
        return string.format(json.dumps(examples.string(message, field)))
    if name == "bool":
        return boolean
    if name == "bytes":
        return raw.format(json.dumps("hello"))
    if name in ("double", "float"):
        return floating
    if language == "node" and name in _INT64 and not field.js_string:
        return "0n"
    return integer


def _scalars(message: Message) -> list[Field]:
    """The request fields a snippet fills in: singular scalars outside oneofs."""
    return [f for f in message.fields
            if f.type.is_scalar and not f.repeated and not f.is_map and f.oneof is None]


# Placeholders of non-scalar flattened arguments: (repeated, map, message, enum) per language.
_EMPTY: dict[str, tuple[str, str, str | None, str | None]] = {
    "python": ("[]", "{}", "None", "0"), "node": ("[]", "{}", "{}", "0"), "go": ("nil", "nil", "nil", "0"),
    "cpp": ("{}", "{}", "{}", "{}")}


def _flat_args(language: str, request: Message, fields: tuple[str, ...], name: Callable[[Field], str],
               examples: ExampleValues) -> str:
    """Arguments of a flattened call: the example value of a scalar (as in the request-object form), else an
    empty list/map/message or the zero enum, so the snippet runs as written."""
    by_name = {f.name: f for f in request.fields}
    out = []
    for field in (by_name[f] for f in fields):
        repeated, mapping, message, enum = _EMPTY[language]
        if field.is_map:
            out.append(mapping)
        elif field.repeated:
            out.append(repeated)
        elif field.type.kind == "message":
            out.append(message or name(field))
        elif field.type.kind == "enum":
            out.append(enum or name(field))
        else:
            out.append(_literal(language, field, examples, request))
    return ", ".join(out)


def _services(api: Api, opts: GenOptions) -> list[Service]:
    return [s for s in api.services if s.package not in opts.internal_packages]


def _each(api: Api, opts: GenOptions, make: Callable[[Service, Method, Message], CallIdents]
          ) -> dict[str, CallIdents]:
    return {m.full_name: make(s, m, api.message(m.input_type))
            for s in _services(api, opts) for m in s.methods}


def python_calls(api: Api, opts: GenOptions) -> dict[str, CallIdents]:
    """Python: ``client.<service attr>.<method>(field=...)`` (keyword form of the request)."""
    examples = ExampleValues(api)
    from l8gen.languages.python.views import ViewBuilder

    naming = ViewBuilder(api, opts).naming
    package = opts.option("python", "package")

    def make(service: Service, method: Method, request: Message) -> CallIdents:
        req_module = naming.module(request.file)
        own = naming.module(service.file)
        imports: tuple[str, ...] = (f"from {package} import Client",)
        if method.shape in ("client_stream", "bidi"):  # the snippet builds request messages itself
            imports += (f"from {package}.pb import {req_module.alias}",)
        if service.role == "app":  # the handler builds the response: import the response's module
            response = api.message(method.output_type)
            origin = "google.protobuf" if response.file.startswith("google/protobuf/") else f"{package}.pb"
            imports = (f"from {origin} import {naming.module(response.file).alias}",
                       f"import {own.grpc_module} as {own.grpc_alias}")
        return CallIdents(
            role=service.role, shape=method.shape,
            receiver=(f"client.{naming.service_attr(service)}" if service.role == "client"
                      else f"{own.grpc_alias}.{service.name}Servicer"),
            method=naming.method(method) if service.role == "client" else method.name,
            request_type=naming.message_ref(method.input_type),
            response_type=naming.message_ref(method.output_type), imports=imports,
            args=tuple(Arg(naming.param(request, f), _literal("python", f, examples, request))
                       for f in _scalars(request)),
            flattened=tuple(
                f"client.{naming.service_attr(service)}.{naming.method(method)}("
                f"{_flat_args('python', request, sig, lambda f: naming.param(request, f), examples)})"
                for sig in method.signatures) if service.role == "client" else (),
        )

    return _each(api, opts, make)


def node_calls(api: Api, opts: GenOptions) -> dict[str, CallIdents]:
    """Node/TypeScript: ``await client.<service>.<method>({ field: ... })`` (message init object)."""
    examples = ExampleValues(api)
    from l8gen.languages.node.naming import TypeScriptNaming
    from l8gen.languages.node.view import CLIENT_MEMBERS

    naming = TypeScriptNaming(api, opts.overrides_for("node"), client_members=CLIENT_MEMBERS,
                              flat_methods=False)
    package = opts.option("node", "package")

    def make(service: Service, method: Method, request: Message) -> CallIdents:
        return CallIdents(
            role=service.role, shape=method.shape, receiver=f"{service.name}Server" if service.role == "app"
            else f"client.{naming.service(service)}",
            method=naming.method(method), request_type=request.name,
            response_type=api.message(method.output_type).name,
            imports=((f'import {{ Client }} from "{package}";',) if service.role == "client" else
                     _ts_type_imports(package, request, api.message(method.output_type))),
            args=tuple(Arg(naming.es_field(f), _literal("node", f, examples, request))
                       for f in _scalars(request)),
            flattened=tuple(
                f"client.{naming.service(service)}.{naming.method(method).rstrip('$')}Flat"
                f"{i + 1 if i else ''}({_flat_args('node', request, sig, naming.es_field, examples)})"
                for i, sig in enumerate(method.signatures)) if service.role == "client" else (),
        )

    return _each(api, opts, make)


def _ts_type_imports(package: str, *messages: Message) -> tuple[str, ...]:
    """``import type`` lines for an application handler: API messages from the SDK, well-known types
    (google/protobuf/*.proto) from protobuf-es, which the SDK depends on."""
    wkt = sorted({m.name for m in messages if m.file.startswith("google/protobuf/")})
    own = sorted({m.name for m in messages} - set(wkt))
    lines = [f'import type {{ {", ".join(names)} }} from "{origin}";'
             for names, origin in ((own, package), (wkt, "@bufbuild/protobuf/wkt")) if names]
    return tuple(lines)


def go_calls(api: Api, opts: GenOptions) -> dict[str, CallIdents]:
    """Go: ``client.<Method>(ctx, &pkg.Request{Field: ...})`` on ``*l8.Client`` (app services: the stub's
    server interface)."""
    examples = ExampleValues(api)
    from l8gen.languages.go.naming import GoNaming
    from l8gen.languages.go.view import build_view

    module = opts.option("go", "module")
    view = build_view(api.public(), module, opts.version, opts.overrides_for("go"))
    out: dict[str, CallIdents] = {}
    for service in (*view.services, *view.app_services):
        proto = api.service(service.full_name)
        imports = {i.alias: i.path for i in (*service.imports, service.stub_import) if i.alias}
        for method, gm in zip(proto.methods, service.methods, strict=True):
            request = api.message(method.input_type)
            types = (gm.req,) if proto.role == "client" else (gm.req, gm.resp)
            used = {t.split(".")[0] for t in types if "." in t and t.split(".")[0] in imports}
            paths = sorted([(module, "l8")] if proto.role == "client" else [])
            paths = sorted(paths + [(imports[alias], alias) for alias in used])
            std = ["context"] if proto.role == "app" else ["fmt"]
            std += ["slices"] if method.shape == "client_stream" and proto.role == "client" else []
            lines = [f'"{name}"' for name in std] + [f'{alias} "{path}"' for path, alias in paths]
            out[method.full_name] = CallIdents(
                role=proto.role, shape=method.shape,
                receiver="client" if proto.role == "client" else service.stub_unimplemented,
                method=gm.name if proto.role == "client" else gm.stub_name,
                request_type=gm.req, response_type=gm.resp, imports=tuple(lines),
                args=tuple(Arg(GoNaming.go_field(request, f), _literal("go", f, examples, request))
                          for f in _scalars(request)),
                flattened=tuple(
                    f"client.{flat.name}(ctx, {_flat_args('go', request, sig, lambda f: f.name, examples)})"
                    for flat, sig in zip(gm.flats, method.signatures, strict=True)),
            )
    return out


def cpp_calls(api: Api, opts: GenOptions) -> dict[str, CallIdents]:
    """C++: ``client->accessor().Method(request)`` with protoc setters (app services: the gRPC
    ``Service``)."""
    examples = ExampleValues(api)
    from l8gen.languages.cpp.naming import CppNaming
    from l8gen.languages.cpp.view import build_view, protoc_stem

    view = build_view(api, dict(opts.overrides_for("cpp")))
    clients = {s.full_name: s for s in view.services}
    idents = {m.rpc: m.ident for s in view.services for m in s.methods}
    naming = CppNaming(api, dict(opts.overrides_for("cpp")))

    def make(service: Service, method: Method, request: Message) -> CallIdents:
        client = clients.get(service.full_name)
        stub = "::" + "::".join([*service.package.split("."), service.name])
        return CallIdents(
            role=service.role, shape=method.shape,
            receiver=f"client->{client.accessor}()" if client is not None else stub,
            method=idents.get(f"{service.full_name}/{method.name}", method.name),
            request_type=naming.pb_type(method.input_type), response_type=naming.pb_type(method.output_type),
            imports=(f"#include <{protoc_stem(service.file)}.grpc.pb.h>" if service.role == "app"
                     else "#include <l8/sdk.h>",),
            args=tuple(Arg(CppNaming.pb_accessor(f), _literal("cpp", f, examples, request))
                       for f in _scalars(request)),
            flattened=tuple(
                f"client->{client.accessor}().{idents[f'{service.full_name}/{method.name}']}("
                f"{_flat_args('cpp', request, sig, CppNaming.pb_accessor, examples)})"
                for sig in method.signatures if method.shape == "unary") if client is not None else (),
        )

    return _each(api, opts, make)
