"""The Python language view of the SDK layer: IR + Python naming -> template context -> {path: text}.

Pipeline place: ``python.target`` calls ``generate(api, opts, renderer)`` after the protoc output. With
``views`` (per-service/per-method views) this module computes every name, type annotation, import
and docstring of the generated layer (Client, AsyncClient, per-service sub-clients, upload/subscription
helpers, the app callback helper, the compat driver, the SDK tests, README, pyproject), so the templates under
``templates/`` only print.

Template tree: the one walker, ``render.Renderer.render_tree`` (a module starting with ``_`` is spelled
``%_name.py.j2``; ``%package`` / ``%service`` path segments are expanded; a template that renders to nothing,
e.g. a feature helper for an API without that feature, see ``ir.model.Features``, produces no file).
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from l8gen.errors import TemplateError
from l8gen.ir.model import Api, Method, Service
from l8gen.ir.values import resolve_roles
from l8gen.languages.python import values_view
from l8gen.languages.python.docstrings import LINE, docstring
from l8gen.languages.python.imports import Imports
from l8gen.languages.python.views import (
    CallbackView,
    MethodView,
    ParamView,
    ServiceView,
    SubscriptionView,
    ViewBuilder,
)
from l8gen.naming.common import snake
from l8gen.render import Renderer
from l8gen.targets.base import GenOptions

__all__ = ["build_context", "docstring", "generate"]

# Runtime dependencies of the SDK: lower bounds = the versions the generated code is built and tested with
# (protoc gencode 7.35 needs protobuf >= 7.35.1; the grpc stubs need grpcio >= 1.85.1), below the next major.
DEPENDENCIES = (
    "googleapis-common-protos>=1.76.0,<2",
    "grpcio>=1.85.1,<2",
    "grpcio-health-checking>=1.85.1,<2",
    "grpcio-status>=1.85.1,<2",
    "protobuf>=7.35.1,<8",
)


def _pb_module_of(b: ViewBuilder, full_name: str) -> tuple[str, str]:
    try:
        file = b.api.message(full_name).file
    except KeyError:
        file = b.api.enum(full_name).file
    module = b.naming.module(file)
    return module.module, module.alias


def _callback(b: ViewBuilder, app: Service, on_event: Method, listing: Method) -> CallbackView:
    roles = {on_event.full_name, listing.full_name}
    unknown = sorted(m.full_name for m in app.methods if m.full_name not in roles)
    if unknown or on_event.full_name == listing.full_name:
        raise TemplateError(f"python: the callback helper implements the callback_listing and callback_event "
                            f"RPCs of [tool.l8gen.api.features]; {app.full_name} has more: {unknown}")
    imp = Imports({b.package}).add("grpc").add("grpc.aio")
    b.pb_import(imp, {on_event.input_type, on_event.output_type, listing.input_type, listing.output_type})
    alias = _pb_module_of(b, on_event.input_type)[1]
    ref = b.naming.message_ref
    ack_enum = _status_enum(b, on_event.output_type)
    return CallbackView(app.full_name, alias, ref(listing.input_type), imp.render(),
                        tuple(m.name for m in app.methods), name=app.name, server_class=f"{app.name}Server",
                        async_server_class=f"Async{app.name}Server", list_rpc=listing.name,
                        event_rpc=on_event.name, event_handler=snake(on_event.name),
                        list_response=ref(listing.output_type), event=ref(on_event.input_type),
                        ack=ref(on_event.output_type), ack_enum=ref(ack_enum),
                        event_name=_local(b, on_event.input_type), ack_name=_local(b, on_event.output_type),
                        ack_enum_name=_local(b, ack_enum))


def _local(b: ViewBuilder, full_name: str) -> str:
    """The proto name of a message or enum below its package (``Outer.Inner``)."""
    return ".".join(b.naming.local_name(full_name))


def _status_enum(b: ViewBuilder, ack_message: str) -> str:
    """The full name of the ack status: the one enum field of the ack message."""
    enums = [f.type.name for f in b.api.message(ack_message).fields if f.type.kind == "enum"]
    if len(enums) != 1:
        raise TemplateError(f"python: the ack message {ack_message} needs one enum field (its status)")
    return enums[0]


def _subscriptions(b: ViewBuilder, services: Sequence[ServiceView], by_name: Mapping[str, MethodView]
                   ) -> SubscriptionView | None:
    features = b.api.features
    if features.topic_subscription is None or features.config_watch is None:
        return None
    topic, config = by_name[features.topic_subscription.full_name], by_name[features.config_watch.full_name]
    pkg = b.package
    owner = next(s for s in services if s.full_name == topic.service)
    request = b.api.message(topic.request_name)
    initial = next(f for f in request.fields if f.name == "initial_request")
    processed = next(f for f in request.fields if f.name == "event_processed")
    status = next(f for f in b.api.message(processed.type.name).fields if f.name == "status")
    types = {topic.request_name, initial.type.name, processed.type.name, status.type.name,
             config.request_name}
    sync = Imports({pkg}).add(f"{pkg}.errors", "L8Error").add(f"{pkg}.streams", "BidiStream")
    b.pb_import(sync, types)
    aio = Imports({pkg}).add(f"{pkg}.errors", "L8Error").add(f"{pkg}.streams", "AsyncBidiStream")
    aio.add(f"{pkg}.subscriptions", "RETRY", "SUCCESS", "Backoff", "TopicEvent", "TopicStatus", "as_status")
    b.pb_import(aio, types)
    event = next(f for f in b.api.message(features.topic_subscription.output_type).fields
                 if f.name == "event_message").type.name
    ack_enum = _status_enum(b, status.type.name)
    ref = b.naming.message_ref
    label = {s.full_name: s.name for s in b.api.services}
    return SubscriptionView(owner.attr, _pb_module_of(b, topic.request_name)[1],
                            _pb_module_of(b, status.type.name)[1], topic, config, sync.render(), aio.render(),
                            topic_label=f"{label[topic.service]}.{topic.rpc}",
                            config_label=f"{label[config.service]}.{config.rpc}",
                            initial=ref(initial.type.name), processed=ref(processed.type.name),
                            event=ref(event),
                            ack=ref(status.type.name), ack_enum=ref(ack_enum), event_name=_local(b, event),
                            ack_name=_local(b, status.type.name), ack_enum_name=_local(b, ack_enum),
                            config_response_name=_local(b, features.config_watch.output_type),
                            initial_response=ref(next(
                                f for f in b.api.message(features.topic_subscription.output_type).fields
                                if f.name == "initial_response").type.name),
                            response_oneof=next((o.name for o in b.api.message(
                                features.topic_subscription.output_type).oneofs), ""))


def _client_imports(b: ViewBuilder, services: Sequence[ServiceView], subs: SubscriptionView | None,
                    asyncio: bool, values: bool = False) -> str:
    pkg = b.package
    imp = Imports({pkg}).add("os").add("collections.abc", "Mapping", "Sequence").add("types", "TracebackType")
    imp.add(pkg, "_rpc").add(f"{pkg}.connection", "DEFAULT_MAX_MESSAGE_BYTES", "ChannelOption", "Endpoint",
                             "MetadataLike", "RetryPolicy", "make_settings")
    if asyncio:
        imp.add(f"{pkg}._aio_transport", "AsyncTransport")
    else:
        imp.add(f"{pkg}._transport", "Transport")
    for s in services:
        names = ([s.async_client_class, s.async_methods_class] if asyncio
                 else [s.client_class, s.methods_class])
        imp.add(f"{pkg}.services.{s.attr}", *(names if s.flat else names[:1]))
    if values:
        imp.add(f"{pkg}.aio_values" if asyncio else f"{pkg}.values", "AsyncValues" if asyncio else "Values")
    if subs is not None:
        imp.add(f"{pkg}.subscriptions", "Backoff")
        if asyncio:
            imp.add(f"{pkg}.aio_subscriptions", "AsyncConfigurationHandler", "AsyncConfigurationWatch",
                    "AsyncTopicHandler", "AsyncTopicSubscription")
        else:
            imp.add(f"{pkg}.subscriptions", "ConfigurationHandler", "ConfigurationWatch", "TopicHandler",
                    "TopicSubscription")
    return imp.render()


def _init_imports(pkg: str, callback: CallbackView | None, subs: SubscriptionView | None
                  ) -> tuple[str, tuple[str, ...], tuple[tuple[str, str], ...]]:
    exports: dict[str, tuple[str, ...]] = {
        f"{pkg}.aio": ("AsyncClient",),
        f"{pkg}.client": ("Client",),
        f"{pkg}.connection": ("Endpoint", "RetryPolicy", "resolve_endpoint"),
        f"{pkg}.errors": ("L8Error",),
        f"{pkg}.streams": ("AsyncBidiStream", "AsyncResponseStream", "BidiStream", "ResponseStream"),
        f"{pkg}.uploads": ("DEFAULT_CHUNK_SIZE",),
    }
    if callback is not None:
        exports[f"{pkg}.callback"] = (callback.server_class, callback.async_server_class)
    if subs is not None:
        exports[f"{pkg}.subscriptions"] = ("Backoff", "ConfigurationWatch", "TopicSubscription")
        exports[f"{pkg}.aio_subscriptions"] = ("AsyncConfigurationWatch", "AsyncTopicSubscription")
    imp = Imports({pkg})
    for module, names in exports.items():
        imp.add(module, *names)
    lazy = tuple(sorted((n, module) for module, names in exports.items() for n in names))
    return imp.render(), tuple(sorted(n for names in exports.values() for n in names)), lazy


def _endpoint_arg_lines(api: Api) -> tuple[str, ...]:
    """The ``endpoint``/``token`` entries of the Client docstrings' Args, wrapped to the line length (the
    variable names and port come from the API profile, so their length varies)."""
    f = api.features
    endpoint = ("endpoint: where the runtime listens: ``host:port``, ``dns:///host:port``, ``unix:///path``, "
                f"``http://host:port`` or ``https://host:port`` (TLS). Default: ``{f.env_endpoint}``, else "
                f"``{f.env_host}``/``{f.env_port}`` ({f.name}'s variables), "
                f"else ``127.0.0.1:{f.default_port}``.")
    token = ("token: API token sent as ``authorization: Bearer <token>`` on every call. "
             f"Default: ``{f.env_token}``.")
    return tuple(line for text in (endpoint, token) for line in textwrap.wrap(
        text, LINE, initial_indent=" " * 8, subsequent_indent=" " * 12, break_long_words=False,
        break_on_hyphens=False))


def _shape_examples(methods: Sequence[MethodView]) -> tuple[tuple[str, MethodView], ...]:
    """The first RPC of each call shape (the SDK tests exercise every shape through these)."""
    out: dict[str, MethodView] = {}
    for m in methods:
        out.setdefault(m.shape, m)
    return tuple(sorted(out.items()))


def _retry_examples(methods: Sequence[MethodView]) -> tuple[MethodView, MethodView] | None:
    """An idempotent and a non-idempotent unary RPC (for the retry tests), if the API has both."""
    unary = [m for m in methods if m.shape == "unary"]
    good = next((m for m in unary if m.idempotent), None)
    bad = next((m for m in unary if not m.idempotent), None)
    return (good, bad) if good is not None and bad is not None else None


def _upload_header(methods: Sequence[MethodView]) -> ParamView | None:
    """A string header field of the first upload RPC (the upload tests check it arrives once)."""
    upload = next((m.upload for m in methods if m.upload is not None), None)
    if upload is None:
        return None
    return next((p for p in upload.params if p.annotation == "str"), None)


def build_context(api: Api, opts: GenOptions) -> dict[str, Any]:
    """The template context of the whole Python layer (also what ``--dump-context`` shows)."""
    b = ViewBuilder(api, opts)
    pkg = b.package
    clients = api.client_services
    flat = b.flat_services(clients)
    services = tuple(b.service(s, s.full_name in flat) for s in clients)
    methods = tuple(m for s in services for m in s.methods)
    by_name = {m.full_name: m for m in methods}
    on_event, listing = api.features.callback_event, api.features.callback_listing
    callback = None
    if on_event is not None and listing is not None:
        app = next(s for s in api.app_services if on_event in s.methods)
        callback = _callback(b, app, on_event, listing)
    subs = _subscriptions(b, services, by_name)
    values = values_view.build(b, by_name, resolve_roles(api, opts.values))
    rpc_imports = Imports({pkg}).add("typing", "Any").add(f"{pkg}._calls", "MethodInfo")
    message_types = {t for s in clients for m in s.methods for t in (m.input_type, m.output_type)}
    b.pb_import(rpc_imports, message_types)
    public = [f for f in api.files if f.package not in opts.internal_packages]  # not the harness's control
    pb_modules = sorted({b.naming.module(f.name) for f in public},
                        key=lambda m: m.alias)
    pb_imports = Imports({pkg})
    for module in pb_modules:
        pb_imports.add_dotted(module.module, module.alias)
    init_block, init_exports, init_lazy = _init_imports(pkg, callback, subs)
    driver_imports = Imports({pkg, "compat_driver"}).add("dataclasses", "dataclass")
    driver_imports.add("google.protobuf.message", "Message")
    b.pb_import(driver_imports, message_types)
    upload_rpc = api.features.upload_example
    upload = by_name.get(upload_rpc.full_name) if upload_rpc is not None else None
    attrs = ", ".join(f"``{s.attr}``" for s in services) + "."
    return {
        "profile": api.features,  # texts, endpoint defaults and feature RPCs of this API (ir.model.Features)
        # the README's examples are written for an API with every feature of [tool.l8gen.api.features]
        "full_features": None not in (callback, subs, upload, api.features.example),
        "endpoint_arg_lines": _endpoint_arg_lines(api),
        "package": pkg,
        "version": opts.version,
        "dependencies": DEPENDENCIES,
        "services": services,
        "flat_services": tuple(s for s in services if s.flat),
        # README: (RPC full name, the flattened calls as written on the client) per RPC with signatures
        "flattened": tuple((m.full_name, tuple(f"client.{'' if s.flat else s.attr + '.'}{o.call}"
                                               for o in m.overloads))
                           for s in services for m in s.methods if m.overloads),
        "methods": methods,
        "uploads": tuple(m for m in methods if m.upload is not None),
        "callback": callback,
        "subscriptions": subs,
        "rpc_count": len(methods),
        "rpc_import_block": rpc_imports.render(),
        "client_import_block": _client_imports(b, services, subs, asyncio=False, values=values is not None),
        "aio_import_block": _client_imports(b, services, subs, asyncio=True, values=values is not None),
        "values": values,
        "init_import_block": init_block,
        "init_exports": init_exports,
        "init_lazy": init_lazy,
        "pb_import_block": pb_imports.render(),
        "pb_aliases": tuple(m.alias for m in pb_modules),
        "subclient_lines": tuple(textwrap.wrap(attrs, LINE - 8)),
        "driver_import_block": driver_imports.render(),
        "shapes": _shape_examples(methods),
        "shape_names": tuple(shape for shape, _ in _shape_examples(methods)),  # the call shapes the API has
        "retry_examples": _retry_examples(methods),
        "upload_header": _upload_header(methods),
        "flat_attrs": tuple(s.attr for s in services if s.flat),
        "driver_upload": upload if upload is not None and upload.upload is not None else None,
    }


def generate(api: Api, opts: GenOptions, renderer: Renderer) -> dict[str, str]:
    """{path relative to sdks/python: text} of the Python template tree (``Renderer.render_tree``)."""
    ctx = build_context(api, opts)
    expansions = {
        "package": [(opts.option("python", "package"), opts.option("python", "package"))],
        "service": [(s.attr, s) for s in ctx["services"]],
    }
    return renderer.render_tree(ctx, expansions)
