"""The Python SDK target: IR -> sdks/python/ (official message code under ``l8sdk._pb`` + packaging).

Pipeline place: ``pipeline.generate`` -> ``TARGET.generate(api, fds, opts)`` -> {path: text} relative to
``sdks/python``. (Minimal first version: message/stub code and packaging rendered from ``templates/``.)
"""

from __future__ import annotations

from google.protobuf import descriptor_pb2

from l8gen.ir.model import Api
from l8gen.languages.python import layer as python_layer
from l8gen.languages.python import plugin_limits
from l8gen.languages.python.pb import StartedPb, generate_pb
from l8gen.render import Renderer
from l8gen.targets.base import GenOptions, sorted_files

# Runtime dependencies of the SDK, pinned to the versions in the root pyproject.toml.
DEPENDENCIES = (
    "grpcio==1.85.1",
    "grpcio-health-checking==1.85.1",
    "grpcio-status==1.85.1",
    "protobuf==7.36.2",
)


class PythonTarget:
    name = "python"
    out_dir = "sdks/python"
    plugin_problems = staticmethod(plugin_limits.plugin_problems)  # names grpc's Python plugin cannot compile

    def generate(
        self,
        api: Api,
        fds: descriptor_pb2.FileDescriptorSet,
        opts: GenOptions,
        started: StartedPb | None = None,
    ) -> dict[str, str]:
        # ``started``: protoc's message code begun by the pipeline (language.toml `start`)
        pkg = opts.option("python", "package")
        files: dict[str, str] = {}
        pb = generate_pb(fds, [f.name for f in api.files], f"{pkg}._pb", started)
        for path, text in pb.items():
            files[f"src/{pkg}/_pb/{path}"] = text
        renderer = Renderer("python", opts.template_dirs)
        files.update(python_layer.generate(api, opts, renderer))  # the client layer, driver, tests, packaging
        return sorted_files(files)


TARGET = PythonTarget()
