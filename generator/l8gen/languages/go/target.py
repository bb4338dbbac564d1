"""The Go SDK target: IR -> sdks/go/ (a Go module: official stubs + the idiomatic ``l8`` layer + driver).

Pipeline place: ``pipeline.generate`` -> ``TARGET.generate(api, fds, opts)`` -> {path: text} relative to
``sdks/go``. Three parts:

- ``proto/...``: protoc-gen-go + protoc-gen-go-grpc output for every non-internal proto file (``stubs``).
- the module root (package ``l8``): ``l8.New(ctx, opts...)``, one method per client RPC, streams, errors,
  subscription and app callback helpers, tests, README, ``go.mod``/``go.sum`` - rendered from
  ``templates/`` with the view of ``view``.
- ``cmd/l8-compat-driver``: the compat driver (CONTRACTS §4), its RPC table generated from the IR.

Templates for feature helpers (topic subscription, configuration watch, app callback server; see
``ir.model.Features``) render to nothing when the API does not configure the feature; empty outputs are
dropped.
"""

from __future__ import annotations

from google.protobuf import descriptor_pb2

from l8gen.ir.model import Api, Method
from l8gen.ir.values import resolve_roles
from l8gen.languages.go import values_view
from l8gen.languages.go.features import callback_names, topic_names
from l8gen.languages.go.stubs import generate_stubs
from l8gen.languages.go.view import GoImport, GoMethod, GoView, build_view
from l8gen.render import Renderer
from l8gen.targets.base import GenOptions, sorted_files

# Go toolchain and module dependencies of the generated module (go.mod). google.golang.org/grpc and
# google.golang.org/protobuf are what the stubs need; genproto's googleapis/rpc gives google.rpc.Status
# details (errdetails). go.sum (templates/go.sum) must list exactly this set: after changing a version,
# run `go mod tidy` in sdks/go and copy go.mod's require blocks here and go.sum into the template.
GO_VERSION = "1.26.0"
GO_REQUIRE = (
    ("google.golang.org/genproto/googleapis/rpc", "v0.0.0-20260817212433-ac3dfec99bb1"),
    ("google.golang.org/grpc", "v1.85.0"),
    ("google.golang.org/protobuf", "v1.36.12"),
)
GO_REQUIRE_INDIRECT = (
    ("golang.org/x/net", "v0.60.0"),
    ("golang.org/x/sys", "v0.48.0"),
    ("golang.org/x/text", "v0.42.0"),
)


def _full_name(method: Method | None) -> str:
    return method.full_name if method is not None else ""


def template_context(view: GoView, opts: GenOptions, api: Api) -> dict[str, object]:
    features = api.features
    # the package of the feature RPCs (their messages are named through its import alias ``rt``)
    anchor = features.topic_subscription or features.config_watch or features.example
    runtime_alias = view.aliases.get(anchor.full_name.rsplit(".", 2)[0], "") if anchor is not None else ""
    event = _full_name(features.callback_event)
    app = next((s for s in view.app_services if event.startswith(f"{s.full_name}.")), None) if event else None
    topic = view.method(_full_name(features.topic_subscription))
    config = view.method(_full_name(features.config_watch))
    either = topic or config
    owner = either.service if either is not None else ""
    return {
        "profile": features,  # texts, endpoint defaults and feature RPCs of this API (ir.model.Features)
        "module": view.module,
        "version": opts.version,
        "go_version": GO_VERSION,
        "require": GO_REQUIRE,
        "require_indirect": GO_REQUIRE_INDIRECT,
        "services": view.services,
        "stub_width": max([len("core"), *(len(s.stub_field) for s in view.services)]),
        "app_services": view.app_services,
        "methods": view.methods,
        "stub_imports": view.imports,
        "retryable": view.retryable,
        "examples": view.examples,
        "rt": runtime_alias,
        "rt_import": next((i for i in view.imports if i.alias == runtime_alias), None),
        "subscribe_topic": topic,
        "subscribe_config": config,
        "runtime_service": next((s for s in view.services if s.full_name == owner), None),
        "upload_rpc": view.method(_full_name(features.upload_example)),
        "hello": view.method(_full_name(features.example)),
        "callback_service": app,
        "topic": topic_names(api, features, view.aliases),
        "callback": callback_names(api, features, view.aliases),
        "imports_for": lambda methods: imports_for(view, methods),
        "plain": lambda *paths: [GoImport(p, "") for p in paths],
    }


def imports_for(view: GoView, methods: list[GoMethod | None]) -> list[GoImport]:
    """Imports a Go file needs to name the request types of ``methods`` (None entries skipped)."""
    aliases = {m.req.split(".", 1)[0] for m in methods if m is not None}
    return [imp for imp in view.imports if imp.alias in aliases]


class GoTarget:
    name = "go"
    out_dir = "sdks/go"

    def generate(self, api: Api, fds: descriptor_pb2.FileDescriptorSet, opts: GenOptions) -> dict[str, str]:
        module = opts.option("go", "module")
        view = build_view(api.public(), module, opts.version, opts.overrides_for("go"))
        files: dict[str, str] = dict(generate_stubs(fds, sorted(view.layout), view.layout, module))
        renderer = Renderer("go", opts.template_dirs)
        expansions = {"service": [(s.file_stem, s) for s in view.services]}
        ctx = {**template_context(view, opts, api),
               "values": values_view.build(api, view, resolve_roles(api, opts.values))}
        files.update(renderer.render_tree(ctx, expansions))  # a feature's file renders to nothing
        return sorted_files(files)


TARGET = GoTarget()
