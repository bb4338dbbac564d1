"""Official Go message and stub code for the Go target (protoc-gen-go + protoc-gen-go-grpc).

Pipeline place: called by ``languages.go.target``; runs both plugins through ``protoc.run_plugin`` on the same
FileDescriptorSet the IR came from (protoc's ``--plugin`` flag), with ``M`` mappings and ``module=`` so the
code lands inside our module (``proto/runtime/v1/runtime.pb.go`` ...) whatever ``go_package`` the protos
carry upstream. The plugins are the versions pinned in ``languages.go.plugins.GO_PLUGINS``, installed
into ``.cache/bin`` by ``python -m l8dev.toolchain.bootstrap --only go``; another version is refused (its
output would differ). Their "versions:" header block is dropped (no tool versions in generated files).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path

from google.protobuf import descriptor_pb2

from l8gen.errors import ConfigError
from l8gen.languages.go.plugins import GO_PLUGINS, GOBIN, installed_go_module_version
from l8gen.languages.go.protogen import GoPackage
from l8gen.protoc import run_plugin

_VERSIONS_BLOCK = re.compile(r"^// versions:\n(?://[ \t]+(?:- )?protoc[\w-]*[ \t]+v\S*\n)+", re.MULTILINE)
_checked: dict[str, Path] = {}


def plugin_path(binary: str) -> Path:
    """Path of a pinned Go plugin: ``$L8GEN_GOBIN``, the bootstrap's ``.cache/bin``, else PATH."""
    if binary in _checked:
        return _checked[binary]
    package, version = GO_PLUGINS[binary]
    candidates = [Path(d) / binary for d in (os.environ.get("L8GEN_GOBIN"), str(GOBIN)) if d]
    found = shutil.which(binary)
    if found:
        candidates.append(Path(found))
    hint = "run `python -m l8dev.toolchain.bootstrap --only go` (or `nox -s bootstrap`)"
    for path in candidates:
        if not path.is_file():
            continue
        have = installed_go_module_version(path, package)
        if have != version:
            found = have or "(unknown version)"
            raise ConfigError(f"{path} is {binary} {found}, the Go target needs {version}: {hint}")
        _checked[binary] = path
        return path
    raise ConfigError(f"{binary} {version} not found in $L8GEN_GOBIN, {GOBIN} or PATH: {hint}")


def strip_versions(text: str) -> str:
    """Drop the plugins' ``// versions:`` header block (plugin and protoc versions)."""
    return _VERSIONS_BLOCK.sub("", text, count=1)


def generate_stubs(
    fds: descriptor_pb2.FileDescriptorSet,
    file_names: Sequence[str],
    layout: Mapping[str, GoPackage],
    module: str,
) -> dict[str, str]:
    """{path relative to the module root: text} of the message and gRPC code of ``file_names``."""
    mappings = ",".join(f"M{name}={layout[name].import_path};{layout[name].name}" for name in sorted(layout))
    options = f"module={module}" + (f",{mappings}" if mappings else "")
    flags = [
        f"--plugin=protoc-gen-go={plugin_path('protoc-gen-go')}",
        f"--plugin=protoc-gen-go-grpc={plugin_path('protoc-gen-go-grpc')}",
        "--go_out", f"--go_opt={options}",
        "--go-grpc_out", f"--go-grpc_opt={options}",
    ]
    raw = run_plugin(fds, sorted(file_names), flags)
    return {path: strip_versions(text) for path, text in sorted(raw.items())}
