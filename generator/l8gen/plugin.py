"""The protoc-plugin edge of the pipeline: ``protoc-gen-l8`` (CodeGeneratorRequest -> CodeGeneratorResponse).

Same code path as the CLI: the request's ``proto_file`` list is the FileDescriptorSet, ``file_to_generate``
the files to generate, options come from ``[tool.l8gen]``; ``pipeline.generate`` does the work. Output file
names are ``<target out_dir>/<path>`` (run with ``--l8_out=<repo root>``) and include each SDK's manifest.
protoc cannot delete files, so stale-file removal and ``--check`` are CLI-only.

Parameter (``--l8_opt`` or ``--l8_out=PARAM:DIR``): comma-separated ``target=<name>`` (repeatable; default
all targets), ``config=<pyproject.toml>`` (default ./pyproject.toml), ``templates=<dir>``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO, TextIO, cast

from google.protobuf import descriptor_pb2
from google.protobuf.compiler import plugin_pb2

from l8gen import pipeline, writer
from l8gen.config import load_options
from l8gen.errors import ConfigError, L8genError
from l8gen.targets import REGISTRY


def _parse_parameter(parameter: str) -> tuple[list[str], Path, Path | None]:
    targets: list[str] = []
    config = Path("pyproject.toml")
    templates: Path | None = None
    for item in filter(None, (p.strip() for p in parameter.split(","))):
        key, sep, value = item.partition("=")
        if not sep or not value:
            raise ConfigError(f"plugin parameter {item!r}: expected key=value")
        if key == "target":
            targets.append(value)
        elif key == "config":
            config = Path(value)
        elif key == "templates":
            templates = Path(value)
        else:
            raise ConfigError(f"plugin parameter {key!r}: unknown (known: target, config, templates)")
    return targets, config, templates


def respond(request: plugin_pb2.CodeGeneratorRequest) -> plugin_pb2.CodeGeneratorResponse:
    """Handle one request; user errors become ``response.error`` (protoc prints it and fails)."""
    response = plugin_pb2.CodeGeneratorResponse()
    response.supported_features = plugin_pb2.CodeGeneratorResponse.FEATURE_PROTO3_OPTIONAL
    try:
        targets, config, templates = _parse_parameter(request.parameter)
        opts = load_options(config, templates)
        REGISTRY.use_config(config)
        names = sorted(set(targets)) if targets else list(REGISTRY)
        fds = descriptor_pb2.FileDescriptorSet(file=request.proto_file)
        files = sorted(request.file_to_generate)
        outputs = pipeline.generate(fds, files, opts, names)
        for name in names:
            digest = pipeline.input_digest(fds, files, opts, name)
            out_dir = REGISTRY[name].out_dir
            for path, text in writer.with_manifest(outputs[name], digest).items():
                response.file.add(name=f"{out_dir}/{path}", content=text)
    except L8genError as exc:
        response.error = str(exc)
    return response


def run(argv: list[str], stdin: TextIO | BinaryIO, stdout: TextIO | BinaryIO, stderr: TextIO) -> int:
    """Read a CodeGeneratorRequest from ``stdin``, write the response to ``stdout``; 0 unless I/O fails."""
    if argv:
        stderr.write("protoc-gen-l8: a protoc plugin; run it through protoc (--plugin=protoc-gen-l8=...)\n")
        return 2
    data: bytes = cast(BinaryIO, getattr(stdin, "buffer", stdin)).read()
    try:
        request = plugin_pb2.CodeGeneratorRequest.FromString(data)
    except Exception as exc:  # noqa: BLE001 - any decode failure is a usage error
        stderr.write(f"protoc-gen-l8: stdin is not a CodeGeneratorRequest ({exc})\n")
        return 2
    out = cast(BinaryIO, getattr(stdout, "buffer", stdout))
    out.write(respond(request).SerializeToString(deterministic=True))
    out.flush()
    return 0


def main() -> None:
    sys.exit(run(sys.argv[1:], sys.stdin, sys.stdout, sys.stderr))
