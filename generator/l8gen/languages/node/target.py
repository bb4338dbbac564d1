"""The Node/TypeScript SDK target: IR -> sdks/node/ (package ``[tool.l8gen.node] package``).

Pipeline place: ``pipeline.generate`` -> ``TARGET.generate(api, fds, opts)`` -> {path: text} relative to
``sdks/node``:

- ``src/gen/**_pb.ts``: protobuf-es message and service descriptors from protoc-gen-es (``es``), for the
  API files plus the SDK's own ``grpc.health.v1`` and ``google.rpc`` error-detail protos;
- everything else from ``templates/`` (tree mirrors ``sdks/node``): the ``Client`` with one method
  per RPC, runtime support (connection, calls, streams, errors), the subscription and app callback helpers,
  the compat driver (``compat-driver/``), unit tests, ``package.json``, the lock file and the README.
  Templates whose output is blank (a helper for an RPC the API lacks) are left out.
"""

from __future__ import annotations

from google.protobuf import descriptor_pb2

from l8gen.ir.builder import json_name_of
from l8gen.ir.model import Api, Features, Method
from l8gen.ir.values import resolve_roles
from l8gen.languages.node import values_view, view
from l8gen.languages.node.es import ES_VERSION, GEN_DIR, StartedEs, generate_es, parse_exports
from l8gen.languages.node.naming import TypeScriptNaming
from l8gen.render import Renderer
from l8gen.targets.base import GenOptions, sorted_files

# Runtime dependencies of the SDK (exact pins; see docs/ARCHITECTURE.md, "Node/TypeScript SDK").
DEPENDENCIES = {
    "@bufbuild/protobuf": ES_VERSION,
    "@connectrpc/connect": "2.0.4",
    "@connectrpc/connect-node": "2.0.4",
}
DEV_DEPENDENCIES = {
    "@biomejs/biome": "2.6.8",
    "@types/node": "18.19.130",
    "typescript": "5.9.3",
}
NODE_ENGINES = ">=18.14.1"


def _callback_names(api: Api, features: Features) -> dict[str, str] | None:
    """Names of the callback server: its class, options type, RPC paths and protobuf-es method keys."""
    listing, event = features.callback_listing, features.callback_event
    if listing is None or event is None:
        return None
    service = api.service(event.full_name.rsplit(".", 1)[0])
    return {"service": service.name, "server_class": f"{service.name}Server",
            "options_type": f"{service.name}ServerOptions", "list_rpc": listing.name, "event_rpc": event.name,
            "list_key": view.es_method_local(listing.name), "event_key": view.es_method_local(event.name)}


def _topic_names(api: Api, features: Features) -> dict[str, str] | None:
    """protobuf-es names of the topic subscription's request/response oneofs (``localName``)."""
    topic = features.topic_subscription
    if topic is None:
        return None
    oneof_of = {m: next((o.name for o in api.message(m).oneofs), "")
                for m in (topic.input_type, topic.output_type)}
    return {"rpc": topic.name, "request_oneof": json_name_of(oneof_of[topic.input_type]),
            "response_oneof": json_name_of(oneof_of[topic.output_type])}


def _context(api: Api, es_files: dict[str, str], opts: GenOptions) -> dict[str, object]:
    package = opts.option("node", "package")
    naming = TypeScriptNaming(api, opts.overrides_for("node"), client_members=view.CLIENT_MEMBERS,
                              flat_methods=False)
    symbols = parse_exports(es_files)
    services = view.build_services(api, naming, symbols)
    client_services = tuple(s for s in services if s.role == "client")
    methods = {m.rpc: m for s in services for m in s.methods}
    features = api.features

    def rpc_of(method: Method | None) -> str:
        return method.path.lstrip("/") if method is not None else ""

    subscribe = methods.get(rpc_of(features.topic_subscription))
    event = features.callback_event
    callback_service = next((s for s in services if s.role == "app" and event is not None
                             and any(m.rpc == rpc_of(event) for m in s.methods)), None)
    upload = methods.get(rpc_of(features.upload_example))
    hello = methods.get(rpc_of(features.example))
    full_features = subscribe is not None and callback_service is not None and upload is not None and (
        features.example is not None and features.config_watch is not None)
    return {
        # the SDK's own tests are written for an API with every feature of [tool.l8gen.api.features];
        # other APIs get the generic tests
        "full_features": full_features,
        "profile": features,  # texts, endpoint defaults and feature RPCs of this API (ir.model.Features)
        "package_name": package,
        "version": opts.version,
        "dependencies": DEPENDENCIES,
        "dev_dependencies": DEV_DEPENDENCIES,
        "node_engines": NODE_ENGINES,
        "services": services,
        "client_services": client_services,
        "client_methods": tuple(m for s in client_services for m in s.methods),
        "service_props": {m.rpc: s.prop for s in client_services for m in s.methods},
        "app_services": tuple(s for s in services if s.role == "app"),
        "client_imports": view.client_imports(services),
        "driver_imports": view.driver_imports(services, package),
        "index_modules": view.index_modules(api, es_files),
        "subscribe": subscribe,
        "callback_service": callback_service,
        "upload_rpc": upload,
        "hello": hello,  # the example RPC (SDK tests) and the import path of its service descriptor
        "hello_module": f"{package}/{hello.service.module.removeprefix('./')}" if hello else "",
        "callback": _callback_names(api, features),
        "topic": _topic_names(api, features),
        "symbols": symbols,
        "values": values_view.build(api, methods, {m.rpc: s.prop for s in client_services for m in s.methods},
                                    resolve_roles(api, opts.values)),
        "es_files": tuple(sorted(es_files)),
    }


class NodeTarget:
    name = "node"
    out_dir = "sdks/node"

    def generate(
        self,
        api: Api,
        fds: descriptor_pb2.FileDescriptorSet,
        opts: GenOptions,
        started: StartedEs | None = None,
    ) -> dict[str, str]:
        # internal packages (the harness control service) get neither message code nor a client layer;
        # ``started``: protoc-gen-es begun by the pipeline (language.toml `start`), used when its files agree
        api = api.public()
        names = sorted(f.name for f in api.files)
        es = started.es if started is not None and started.files == names else generate_es(fds, names)
        files = {f"{GEN_DIR}/{path}": text for path, text in es.items()}
        renderer = Renderer("node", opts.template_dirs)
        files.update(renderer.render_tree(_context(api, es, opts)))  # a feature's file renders to nothing
        return sorted_files(files)


TARGET = NodeTarget()
