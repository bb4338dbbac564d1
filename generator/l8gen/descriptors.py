"""Stage 1 of the pipeline: proto/ -> ``FileDescriptorSet`` (never parses .proto text itself).

Runs the protoc bundled with grpcio-tools in-process with ``--include_imports --include_source_info``. Errors
are protoc's own ``file:line:col: message`` lines, re-rooted so that the file path is usable from the current
directory, and raised as ``ProtoError``.
"""

from __future__ import annotations

import os
import re
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from google.protobuf import descriptor_pb2

from l8gen.errors import ProtoError

_LOCK = threading.Lock()
_LOCATION = re.compile(r"^([^\s:][^:]*\.proto):(\d+)(?::(\d+))?: ")


def wkt_include_dir() -> Path:
    """The directory holding google/protobuf/*.proto shipped with grpcio-tools."""
    import grpc_tools

    return Path(grpc_tools.__file__).parent / "_proto"


def run_bundled_protoc(args: Sequence[str]) -> tuple[int, str]:
    """Run grpcio-tools' protoc in this process; returns (exit code, captured stdout+stderr text).

    protoc writes diagnostics to the C-level stdout/stderr, so both file descriptors are redirected to a
    temporary file for the duration of the call (serialised by a lock; also keeps a protoc-plugin's stdout,
    which carries the CodeGeneratorResponse, clean).
    """
    from grpc_tools import _protoc_compiler

    with _LOCK, tempfile.TemporaryFile() as capture:
        import sys

        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        saved = [os.dup(1), os.dup(2)]
        try:
            os.dup2(capture.fileno(), 1)
            os.dup2(capture.fileno(), 2)
            code = _protoc_compiler.run_main([b"protoc", *(arg.encode() for arg in args)])
        finally:
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])
        capture.seek(0)
        return int(code), capture.read().decode("utf-8", "replace")


def find_proto_files(proto_root: Path) -> list[str]:
    """All .proto files below ``proto_root`` as sorted POSIX paths relative to it."""
    if not proto_root.is_dir():
        raise ProtoError(f"{proto_root}: proto root is not a directory")
    found = sorted(p.relative_to(proto_root).as_posix() for p in proto_root.rglob("*.proto") if p.is_file())
    if not found:
        raise ProtoError(f"{proto_root}: no .proto files found")
    return found


def display_path(path: Path) -> str:
    """``path`` relative to the current directory when it lies below it, else absolute."""
    absolute = path.resolve()
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return absolute.as_posix()


def reroot_messages(text: str, proto_root: Path) -> str:
    """Rewrite protoc's ``file:line:col:`` prefixes so the file opens from the current directory."""
    lines = []
    for line in text.strip().splitlines():
        match = _LOCATION.match(line)
        if match:
            name = match.group(1)
            candidate = Path(name) if os.path.isabs(name) else proto_root / name
            if candidate.is_file():
                line = display_path(candidate) + line[len(name) :]
        lines.append(line)
    return "\n".join(lines)


@dataclass(frozen=True)
class CompiledProtos:
    """The descriptor set plus the names of the files that were asked for (the rest are imports)."""

    fds: descriptor_pb2.FileDescriptorSet
    files: tuple[str, ...]
    warnings: str = ""


def compile_protos(
    proto_root: Path, files: Sequence[str] | None = None, include: Sequence[Path] = ()
) -> CompiledProtos:
    """Compile ``files`` (default: every .proto under ``proto_root``) to a FileDescriptorSet with imports
    and source info; ``include``: more import roots after ``proto_root``. Raises ``ProtoError`` with
    protoc's messages on failure. The one way .proto files become descriptors (generator, harness, tests)."""
    proto_root = Path(proto_root)
    names = sorted(files) if files is not None else find_proto_files(proto_root)
    with tempfile.TemporaryDirectory(prefix="l8gen-") as tmp:
        out = Path(tmp) / "fds.pb"
        args = [
            f"-I{proto_root}",
            *(f"-I{root}" for root in include),
            f"-I{wkt_include_dir()}",
            "--include_imports",
            "--include_source_info",
            f"--descriptor_set_out={out}",
            *names,
        ]
        code, output = run_bundled_protoc(args)
        if code != 0 or not out.is_file():
            message = reroot_messages(output, proto_root) or f"protoc failed with exit code {code}"
            raise ProtoError(message)
        fds = descriptor_pb2.FileDescriptorSet.FromString(out.read_bytes())
    return CompiledProtos(fds=fds, files=tuple(names), warnings=reroot_messages(output, proto_root))


def build_descriptor_set(
    proto_root: Path, files: Sequence[str] | None = None
) -> descriptor_pb2.FileDescriptorSet:
    """Shorthand for ``compile_protos(...).fds``."""
    return compile_protos(proto_root, files).fds
