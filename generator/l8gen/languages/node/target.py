"""The Node/TypeScript SDK target: IR -> sdks/node/ (package ``[tool.l8gen].node_package``).

Pipeline place: ``pipeline.generate`` -> ``TARGET.generate(api, fds, opts)`` -> {path: text} relative to
``sdks/node``:

- ``src/gen/**_pb.ts``: protobuf-es message and service descriptors from protoc-gen-es (``es``), for the
  API files plus the SDK's own ``grpc.health.v1`` and ``google.rpc`` error-detail protos;
- everything else from ``templates/`` (tree mirrors ``sdks/node``): the ``Client`` with one method
  per RPC, runtime support (connection, calls, streams, errors), the subscription and AppCallback helpers,
  the compat driver (``compat-driver/``), unit tests, ``package.json``, the lock file and the README.
  Templates whose output is blank (a helper for an RPC the API lacks) are left out.
"""

from __future__ import annotations

from google.protobuf import descriptor_pb2

from l8gen.ir.model import Api
from l8gen.ir.values import resolve_roles
from l8gen.languages.node import values_view, view
from l8gen.languages.node.es import ES_VERSION, GEN_DIR, generate_es, parse_exports
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
LAYOTTO_TEST_RPCS = tuple(f"spec.proto.runtime.v1.Runtime/{name}" for name in (
    "SayHello", "GetState", "SaveState", "GetFile", "PutFile", "SubscribeConfiguration"))


def _context(api: Api, es_files: dict[str, str], opts: GenOptions) -> dict[str, object]:
    naming = TypeScriptNaming(api, opts.overrides_for("node"), client_members=view.CLIENT_MEMBERS,
                              flat_methods=False)
    symbols = parse_exports(es_files)
    services = view.build_services(api, naming, symbols)
    client_services = tuple(s for s in services if s.role == "client")
    methods = {m.rpc: m for s in services for m in s.methods}
    subscribe = methods.get(view.SUBSCRIBE_RPC)
    app_callback = next((s for s in services if s.full_name == view.APP_CALLBACK and s.role == "app"), None)
    upload = next((m for s in client_services for m in s.methods if m.rpc.endswith("Runtime/PutFile")
                   and m.upload_helper), None)
    layotto_api = subscribe is not None and app_callback is not None and upload is not None and all(
        rpc in methods for rpc in LAYOTTO_TEST_RPCS)
    return {
        "layotto_api": layotto_api,  # the SDK's own tests use these RPCs; other APIs get the generic tests
        "package_name": opts.node_package,
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
        "driver_imports": view.driver_imports(services, opts.node_package),
        "index_modules": view.index_modules(api, es_files),
        "subscribe": subscribe,
        "app_callback": app_callback,
        "put_file": upload,
        "symbols": symbols,
        "values": values_view.build(api, methods, {m.rpc: s.prop for s in client_services for m in s.methods},
                                    resolve_roles(api, opts.values)),
        "es_files": tuple(sorted(es_files)),
    }


def _without_internal(api: Api, opts: GenOptions) -> Api:
    internal = set(opts.internal_packages)
    if not internal:
        return api
    return Api(
        files=tuple(f for f in api.files if f.package not in internal),
        services=tuple(s for s in api.services if s.package not in internal),
        messages=tuple(m for m in api.messages if m.package not in internal),
        enums=tuple(e for e in api.enums if e.package not in internal),
    )


class TypeScriptTarget:
    name = "node"
    out_dir = "sdks/node"

    def generate(self, api: Api, fds: descriptor_pb2.FileDescriptorSet, opts: GenOptions) -> dict[str, str]:
        # internal packages (the harness control service) get neither message code nor a client layer
        api = _without_internal(api, opts)
        es = generate_es(fds, [f.name for f in api.files])
        files = {f"{GEN_DIR}/{path}": text for path, text in es.items()}
        renderer = Renderer("node", opts.user_templates)
        rendered = renderer.render_tree(_context(api, es, opts))
        files.update({path: text for path, text in rendered.items() if text.strip()})
        return sorted_files(files)


TARGET = TypeScriptTarget()
