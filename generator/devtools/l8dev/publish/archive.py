"""Deterministic source archives (the C++ source package) and the unpacking the smoke tests use.

Place: ``build`` -> **archive** -> dist/cpp/. The C++ source package is the staged SDK tree (exactly the files
of its manifest, plus nothing) under one top directory ``<name>-<version>/``, as CPack's source generator lays
it out, but byte-for-byte reproducible: entries sorted, mtime fixed (``SOURCE_DATE_EPOCH`` when set, else
0), uid/gid 0, no user names, mode 0644 (0755 for directories), and a gzip header without a name or time.
CPack itself needs a configured build tree (a gRPC installation) and stamps file times into the tarball.
"""

from __future__ import annotations

import gzip
import io
import os
import tarfile
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from l8dev.publish.release import PublishError


def source_date_epoch() -> int:
    """``SOURCE_DATE_EPOCH`` (reproducible-builds.org) when set, else 0."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return 0
    if not value.isdigit():
        raise PublishError(f"SOURCE_DATE_EPOCH must be a number of seconds, not {value!r}")
    return int(value)


def _info(name: str, *, directory: bool, size: int = 0, mtime: int = 0) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = tarfile.DIRTYPE if directory else tarfile.REGTYPE
    info.mode = 0o755 if directory else 0o644
    info.size = size
    info.mtime = mtime
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def write_source_tarball(src: Path, files: Sequence[str], out: Path, top: str) -> Path:
    """Write ``files`` (relative to ``src``) under ``top/`` into the gzip tarball ``out``, reproducibly."""
    mtime = source_date_epoch()
    directories: set[str] = set()
    for rel in files:
        for parent in PurePosixPath(rel).parents:
            if str(parent) != ".":
                directories.add(str(parent))
    entries = sorted([(d, True) for d in directories] + [(f, False) for f in files])
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        tar.addfile(_info(top, directory=True, mtime=mtime))
        for rel, is_dir in entries:
            name = f"{top}/{rel}"
            if is_dir:
                tar.addfile(_info(name, directory=True, mtime=mtime))
            else:
                data = (src / rel).read_bytes()
                tar.addfile(_info(name, directory=False, size=len(data), mtime=mtime), io.BytesIO(data))
    out.parent.mkdir(parents=True, exist_ok=True)
    with (
        out.open("wb") as f,
        gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0, compresslevel=9) as gz,
    ):
        gz.write(raw.getvalue())
    return out


def extract_tarball(archive: Path, dest: Path) -> Path:
    """Unpack ``archive`` into ``dest`` (safe paths only) and return its single top directory."""
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive, "r:gz") as tar:
        tar.extractall(dest, filter="data")
    tops = [p for p in dest.iterdir()]
    if len(tops) != 1 or not tops[0].is_dir():
        raise PublishError(f"{archive}: expected one top directory, found {[p.name for p in tops]}")
    return tops[0]


def tar_names(archive: Path) -> list[str]:
    with tarfile.open(archive, "r:gz") as tar:
        return sorted(m.name for m in tar.getmembers())
