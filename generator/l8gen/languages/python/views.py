"""Python language view, part 1: per-service and per-method views (names, annotations, docstrings, imports).

Pipeline place: helper of ``languages.python.layer`` (IR + ``naming.python`` -> the dataclasses the Python
templates print). Everything a template needs about one RPC is computed here, in Python.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Sequence

from l8gen.errors import NamingError
from l8gen.ir.model import Api, Field, Message, Method, Service
from l8gen.languages.python.docstrings import LINE, docstring, first_paragraph, summary_lines
from l8gen.languages.python.imports import Imports
from l8gen.languages.python.naming import PythonNaming, origin
from l8gen.naming.common import screaming
from l8gen.records import record
from l8gen.reference.examples import ExampleValues
from l8gen.targets.base import GenOptions

# Members the client classes define themselves: RPC methods must not take these names.
CLIENT_MEMBERS = ("close", "endpoint", "subscribe_with_handler", "values", "wait_for_ready",
                  "watch_configuration")
# Parameter and local names of the generated helper methods, beyond naming.python's template locals.
HELPER_PARAMS = ("chunk_size", "handler", "header", "path", "source")
HEADERS_DOC = ("headers", "extra gRPC metadata (call headers) for this call, merged with the client's "
                          "default headers: a mapping or a sequence of (key, value) pairs.")


@record
class ParamView:
    """A keyword parameter built from a request field."""

    name: str  # Python identifier (escaped: class -> class_)
    field: str  # proto field name
    annotation: str  # "str", "Mapping[str, str]", "runtime_pb2.Etag"
    summary: str


@record
class OverloadView:
    """One flattened signature (``Method.signatures``): its fields positional, the other fields keywords."""

    positional: tuple[ParamView, ...]
    keyword: tuple[ParamView, ...]
    call: str  # "get_item(store_name, key)" (docstrings, README, reference)


@record
class UploadView:
    """Chunked-upload helpers of a client-streaming RPC whose request has one bytes payload field."""

    field: str  # the payload field ("data", "body")
    path_method: str  # "upload_from_path"
    stream_method: str  # "upload_from_stream"
    params: tuple[ParamView, ...]  # the header fields
    path_docstring: str
    stream_docstring: str


@record
class MethodView:
    """One RPC as the Python client exposes it (sync and asyncio)."""

    name: str  # python method name
    rpc: str  # proto method name
    full_name: str
    service: str  # service full name
    attr: str  # client attribute of the service (client.<attr>.<name>)
    const: str  # MethodInfo constant in _rpc.py
    shape: str
    idempotent: bool
    request: str  # qualified request class
    response: str
    request_name: str  # "acme.store.v1.GetItemRequest"
    params: tuple[ParamView, ...]
    docstring: str  # complete, indented for a method body
    upload: UploadView | None
    overloads: tuple[OverloadView, ...] = ()  # flattened signatures, in declaration order
    signatures: str = "()"  # the same as a Python literal for build_request: (("store_name", "key"),)


@record
class ServiceView:
    """One client service as the Python SDK renders it (its module, methods class and methods)."""

    full_name: str
    name: str
    attr: str  # client attribute and module name: client.runtime, services/runtime.py
    methods_class: str  # StoreMethods
    client_class: str  # StoreClient
    async_methods_class: str
    async_client_class: str
    flat: bool  # methods also on Client/AsyncClient directly
    docstring: str  # class docstring text (the doc's first paragraph, wrapped for a class body)
    summary: str  # the same on one line (README)
    import_block: str  # the module's imports (sorted and grouped like ruff's isort)
    methods: tuple[MethodView, ...]
    example: str  # README snippet (sync)


@record
class CallbackView:
    """The app-callback service the Python SDK serves: its protoc module and event types."""

    service: str  # full name of the app service ([tool.l8gen] app_services)
    alias: str  # module alias of the protoc module defining the callback messages (appcallback_pb2)
    list_request: str  # qualified request class of the callback_listing RPC (empty_pb2.Empty)
    import_block: str
    methods: tuple[str, ...]
    name: str = ""  # the service's proto name
    server_class: str = ""  # <name>Server
    async_server_class: str = ""  # Async<name>Server
    list_rpc: str = ""  # proto name of the callback_listing RPC
    event_rpc: str = ""  # proto name of the callback_event RPC
    event_handler: str = ""  # snake_case of event_rpc (the servicer's handler parameter)
    list_response: str = ""  # qualified classes: listing response, event request/response, ack status enum
    event: str = ""
    ack: str = ""
    ack_enum: str = ""
    event_name: str = ""  # proto names of the event request, its response and the status enum path
    ack_name: str = ""
    ack_enum_name: str = ""


@record
class SubscriptionView:
    """The topic subscription the Python SDK wraps: its RPC and the callback types."""

    attr: str  # the client attribute of the service with the subscription RPCs (runtime)
    runtime_alias: str
    appcallback_alias: str
    topic: MethodView
    config: MethodView
    import_block: str  # of subscriptions.py
    aio_import_block: str  # of aio_subscriptions.py
    topic_label: str = ""  # <Service>.<Method> of the topic subscription / the config watch (docs)
    config_label: str = ""
    initial: str = ""  # qualified classes: the initial and the processed (ack) request parts
    processed: str = ""
    event: str = ""  # the event message, its ack message and the ack status enum
    ack: str = ""
    ack_enum: str = ""
    event_name: str = ""  # proto names (docs)
    ack_name: str = ""
    ack_enum_name: str = ""
    config_response_name: str = ""
    response_oneof: str = ""  # the oneof of the topic subscription's response (initial response / event)
    initial_response: str = ""  # qualified class of the response's subscription confirmation


def _args_section(params: Sequence[ParamView], extra: Sequence[tuple[str, str]]) -> str:
    rows = [(p.name, p.summary or f"the ``{p.field}`` field.") for p in params] + list(extra)
    return "Args:\n" + "\n".join(f"    {name}: {text}" for name, text in rows)


def _literal(signatures: Sequence[Sequence[str]]) -> str:
    """``(("a", "b"),)``: the signatures as a Python tuple literal."""
    inner = ", ".join("(" + ", ".join(f'"{f}"' for f in fields) + ("," if len(fields) == 1 else "") + ")"
                      for fields in signatures)
    return f"({inner},)" if len(signatures) == 1 else f"({inner})"


class ViewBuilder:
    def __init__(self, api: Api, opts: GenOptions) -> None:
        self.api = api
        self.opts = opts
        self.package = opts.option("python", "package")
        self.naming = PythonNaming(api, opts.overrides_for("python"), package=self.package,
                                   extra_reserved=HELPER_PARAMS, client_members=CLIENT_MEMBERS)
        self.consts = self.naming.scope("MethodInfo constants")
        self.classes = self.naming.scope("client classes", ("AsyncClient", "Client"))

    @functools.cached_property
    def examples(self) -> ExampleValues:
        """Example values from the proto comments (real component names); made once per API, on first use
        (it reads every field)."""
        return ExampleValues(self.api)

    def params(self, message: Message) -> tuple[ParamView, ...]:
        return tuple(
            ParamView(self.naming.param(message, f), f.name, self.naming.field_annotation(f), f.doc.summary)
            for f in message.fields)

    def method(self, service: Service, method: Method, scope_taken: set[str]) -> MethodView:
        n = self.naming
        request = self.api.message(method.input_type)
        name = n.method(method)
        const = self.consts.claim(f"{screaming(n.service_attr(service))}_{screaming(method.name)}",
                                  origin("rpc", method.full_name, service.file, method.line))
        with_fields = method.shape in ("unary", "server_stream")
        params = self.params(request) if with_fields else ()
        call_args = [("timeout", "seconds for the whole call including retries; None (default) waits as long "
                                 "as the call takes."),
                     HEADERS_DOC]
        if with_fields:
            first = ("request",
                     f"a ``{request.name}``; leave it out to build one from the keyword fields below.")
            args = _args_section(params, call_args)
            args = args.replace("Args:\n", f"Args:\n    {first[0]}: {first[1]}\n", 1)
        elif method.shape == "client_stream":
            sent = ("requests", f"the ``{request.name}`` messages to send (any iterable).")
            args = _args_section((), [sent, *call_args])
        else:
            args = _args_section((), call_args)
        overloads = self.overloads(method, name, params) if with_fields else ()
        shape_note = {
            "unary": "", "server_stream": "Returns a stream of responses (iterate it).",
            "client_stream": "", "bidi": "Returns a bidi stream: ``send``/``recv``/``close``/``cancel``.",
        }[method.shape]
        flat_note = ("Flattened: " + "; ".join(f"``{o.call}``" for o in overloads) + ".") if overloads else ""
        body = "\n\n".join(part for part in (method.doc.text, shape_note, flat_note, args,
                                              "Raises:\n    L8Error: when the call fails.") if part)
        upload = None
        payload = next((f for f in request.fields if f.name == method.upload_field), None)
        if payload is not None:
            upload = self.upload(service, method, request, payload, name, scope_taken)
        return MethodView(
            name=name, rpc=method.name, full_name=method.full_name, service=service.full_name,
            attr=n.service_attr(service), const=const,
            shape=method.shape, idempotent=method.idempotent, request=n.message_ref(method.input_type),
            response=n.message_ref(method.output_type), request_name=method.input_type, params=params,
            docstring=docstring(body, 8, f"Calls {service.name}.{method.name}."), upload=upload,
            overloads=overloads, signatures=_literal(method.signatures))

    def overloads(self, method: Method, name: str, params: Sequence[ParamView]) -> tuple[OverloadView, ...]:
        by_field = {p.field: p for p in params}
        out = []
        for fields in method.signatures:
            positional = tuple(by_field[f] for f in fields)
            keyword = tuple(p for p in params if p.field not in fields)
            out.append(OverloadView(positional, keyword, f"{name}({', '.join(p.name for p in positional)})"))
        return tuple(out)

    def upload(self, service: Service, method: Method, request: Message, payload: Field, name: str,
               taken: set[str]) -> UploadView:
        header = tuple(p for p in self.params(request) if p.field != payload.name)
        names = []
        for suffix in ("from_path", "from_stream"):
            helper = f"{name}_{suffix}"
            if helper in taken:
                raise NamingError(f"python: helper {helper}() of {method.full_name} clashes with an RPC "
                                    f"method; set [tool.l8gen.python.overrides] for {method.full_name}")
            taken.add(helper)
            names.append(helper)
        common = [("chunk_size", "bytes per request message (default ``DEFAULT_CHUNK_SIZE``, 64 KiB).")]
        calls = [("timeout", "seconds for the whole upload; None waits as long as it takes."),
                 HEADERS_DOC]
        docs = []
        sources = (("the file at ``path``", ("path", "the file to upload.")),
                   ("``source`` (a binary stream)", ("source", "a readable binary stream (``.read(n)``).")))
        for what, arg in sources:
            text = (f"Uploads {what} with {method.name}, chunk by chunk in constant memory.\n\n"
                    f"The first ``{request.name}`` carries the header fields and the first chunk of "
                    f"``{payload.name}``; the following messages carry only the next chunks.\n\n"
                    + _args_section(header, [arg, *common, *calls]) + "\n\nRaises:\n    L8Error: when the "
                    "upload fails.")
            docs.append(docstring(text, 8, ""))
        return UploadView(payload.name, names[0], names[1], header, docs[0], docs[1])

    def service(self, service: Service, flat: bool) -> ServiceView:
        n = self.naming
        attr = n.service_attr(service)
        so = origin("service", service.full_name, service.file, service.line)
        classes = [self.classes.claim(n.service_class(service, prefix, suffix), so)
                   for prefix, suffix in (("", "Methods"), ("", "Client"), ("Async", "Methods"),
                                          ("Async", "Client"))]
        taken = {n.method(m) for m in service.methods}
        methods = tuple(self.method(service, m, taken) for m in service.methods)
        summary = first_paragraph(service.doc.text) or f"The {service.name} service."
        return ServiceView(
            full_name=service.full_name, name=service.name, attr=attr, methods_class=classes[0],
            client_class=classes[1], async_methods_class=classes[2], async_client_class=classes[3], flat=flat,
            docstring="\n    ".join(summary_lines(summary, LINE - 8)),
            summary=summary,
            import_block=self.service_imports(service, methods),
            methods=methods, example=self.example(attr, methods, flat))

    def referenced_types(self, message: Message) -> set[str]:
        """Full names of the messages a request's keyword parameters refer to (their modules are imported)."""
        out = set()
        for f in message.fields:
            for ref in (f.type, f.map_value):
                if ref is not None and ref.kind in ("message", "enum"):
                    out.add(ref.name)
        return out

    def pb_import(self, imports: Imports, full_names: Iterable[str]) -> None:
        for name in sorted(full_names):
            try:
                file = self.api.message(name).file
            except KeyError:
                file = self.api.enum(name).file
            module = self.naming.module(file)
            imports.add_dotted(module.module, module.alias)

    def service_imports(self, service: Service, methods: Sequence[MethodView]) -> str:
        pkg = self.package
        imp = Imports({pkg})
        imp.add(pkg, "_rpc").add(f"{pkg}._transport", "Transport")
        imp.add(f"{pkg}._aio_transport", "AsyncTransport")
        imp.add(f"{pkg}.connection", "MetadataLike")
        shapes = {m.shape for m in methods}
        if shapes & {"unary", "server_stream"} or any(m.upload for m in methods):
            imp.add(f"{pkg}._calls", "build_request")
        if "server_stream" in shapes:
            imp.add(f"{pkg}.streams", "AsyncResponseStream", "ResponseStream")
        if "bidi" in shapes:
            imp.add(f"{pkg}.streams", "AsyncBidiStream", "BidiStream")
        if "client_stream" in shapes:
            imp.add("collections.abc", "AsyncIterable", "Iterable")
        annotations = [p.annotation for m in methods
                       for p in (*m.params, *(m.upload.params if m.upload else ()))]
        for abc in ("Mapping", "Sequence"):
            if any(a.startswith(f"{abc}[") for a in annotations):
                imp.add("collections.abc", abc)
        if any(m.overloads for m in methods):
            imp.add("typing", "Any", "overload")
        if any(m.upload for m in methods):
            imp.add("os").add("typing", "BinaryIO")
            imp.add(f"{pkg}.uploads", "DEFAULT_CHUNK_SIZE", "aiter_chunks", "aiter_file_chunks",
                    "iter_chunks", "iter_file_chunks")
        types: set[str] = set()
        for m in service.methods:
            types |= {m.input_type, m.output_type}
            if m.shape in ("unary", "server_stream", "client_stream"):
                types |= self.referenced_types(self.api.message(m.input_type))
        self.pb_import(imp, types)
        return imp.render()

    def example(self, attr: str, methods: Sequence[MethodView], flat: bool) -> str:
        unary = [m for m in methods if m.shape == "unary"] or list(methods)
        m = unary[0]
        request = self.api.message(m.request_name)
        fields = {f.name: f for f in request.fields}
        examples = self.examples
        args = ", ".join([f"{p.name}={json.dumps(examples.string(request, fields[p.field]))}"
                          for p in m.params if p.annotation == "str"][:3])
        if m.shape == "client_stream" or m.shape == "bidi":
            args = ""
        return f"client.{attr}.{m.name}({args})"

    def flat_services(self, services: Sequence[Service]) -> set[str]:
        """Services whose methods can also live on the client itself (no clash with another service's
        method or a client attribute)."""
        owners: dict[str, set[str]] = {}
        for service in services:
            for m in service.methods:
                owners.setdefault(self.naming.method(m), set()).add(service.full_name)
        attrs = {self.naming.service_attr(s) for s in services} | set(CLIENT_MEMBERS)
        flat = set()
        for service in services:
            names = {self.naming.method(m) for m in service.methods}
            helpers = {f"{name}_from_{k}" for name in names for k in ("path", "stream")}
            if all(len(owners[x]) == 1 and x not in attrs for x in names) and not (helpers & set(owners)):
                flat.add(service.full_name)
        return flat
