"""File stores (`file` API): a directory tree confined to a root, streamed in chunks.

Place in the runtime: the component behind Runtime.PutFile / GetFile / ListFile / DelFile / GetFileMeta.
Type ``local`` keeps file bodies under ``<root>/data`` (root = metadata ``root``, else
``<data-dir or scratch>/file/<name>``) and per-file metadata as JSON under ``<root>/meta``, one flat file
per name (``<sha256 of the name>.json``), so metadata paths never collide with data names. Upload temp
files (``<root>/tmp``) left by a killed runtime are removed at start.

- Names are relative paths with "/" separators, at most 1024 UTF-8 bytes with segments of at most 255
  bytes (longer: INVALID_ARGUMENT, never an OS error). Empty names, absolute paths, backslashes, NUL, and "."
  / ".." / empty segments are INVALID_ARGUMENT; the resolved path must stay inside the root (symlinks
  included).
- Writes stream to a temporary file that replaces the target atomically on commit (constant memory);
  an aborted upload leaves nothing behind. Reads stream fixed-size chunks.
- ListFile lists every file below a directory (recursively, object-store style), sorted by name, with
  ``page_size`` (default 1000) and ``marker`` (exclusive: names after it). A missing directory lists
  nothing; a file name given as directory is INVALID_ARGUMENT.
- Missing files are NOT_FOUND.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO, NamedTuple

from ..errors import invalid, not_found
from .base import Component, meta_int

DEFAULT_PAGE = 1000
MAX_NAME_BYTES = 1024
MAX_SEGMENT_BYTES = 255


class FileInfo(NamedTuple):
    name: str
    size: int
    last_modified: str
    metadata: Mapping[str, str]


def rfc3339(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def check_name(name: str, field: str = "name", *, allow_empty: bool = False) -> str:
    """Validate a store-relative path; returns it without trailing "/" (directories only)."""
    if name == "" and allow_empty:
        return ""
    if not name:
        raise invalid("file name must not be empty", field=field)
    if "\x00" in name or "\\" in name:
        raise invalid(f"file name {name!r} contains a forbidden character (NUL or backslash)", field=field)
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise invalid(f"file name {name!r} must be relative to the store root, not absolute", field=field)
    trimmed = name.rstrip("/") if allow_empty else name
    if len(trimmed.encode("utf-8")) > MAX_NAME_BYTES:
        raise invalid(
            f"file name is {len(trimmed.encode('utf-8'))} bytes long; the limit is {MAX_NAME_BYTES}",
            field=field,
        )
    for seg in trimmed.split("/"):
        if len(seg.encode("utf-8")) > MAX_SEGMENT_BYTES:
            raise invalid(
                f"file name has a segment of {len(seg.encode('utf-8'))} bytes; "
                f"the limit is {MAX_SEGMENT_BYTES}",
                field=field,
            )
        if seg in ("", ".", ".."):
            raise invalid(
                f"file name {name!r} has an empty, '.' or '..' segment; it must stay inside the store root",
                field=field,
            )
    return trimmed


class FileWriter:
    def __init__(self, store: FileStore, name: str, metadata: Mapping[str, str]) -> None:
        self.store = store
        self.name = name
        self.metadata = dict(metadata)
        self.target = store.resolve(name)
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            raise invalid(
                f"cannot create {name!r}: a parent path is an existing file", field="name"
            ) from None
        if self.target.is_dir():
            raise invalid(f"cannot write {name!r}: it is a directory", field="name")
        fd, tmp = tempfile.mkstemp(prefix=".upload-", dir=store.tmp_dir)
        self.tmp = Path(tmp)
        self.fh: BinaryIO = os.fdopen(fd, "wb")
        self.size = 0

    def write(self, chunk: bytes) -> None:
        self.fh.write(chunk)
        self.size += len(chunk)

    def commit(self) -> None:
        self.fh.close()
        self.store.write_meta(self.name, self.metadata)
        os.replace(self.tmp, self.target)

    def abort(self) -> None:
        if not self.fh.closed:
            self.fh.close()
        self.tmp.unlink(missing_ok=True)


class FileStore(Component):
    api = "file"
    type_name = "local"
    protected_keys = frozenset({"root"})

    def __init__(self, name: str, metadata: Mapping[str, str], ctx) -> None:  # type: ignore[no-untyped-def]
        super().__init__(name, metadata, ctx)
        shutil.rmtree(self.tmp_dir, ignore_errors=True)  # uploads interrupted by a killed runtime
        self.tmp_dir.mkdir(parents=True, exist_ok=True)

    def configure(self, metadata: dict[str, str]) -> None:
        chunk_size = meta_int(metadata, "chunkSize", 64 * 1024, minimum=1)
        root = Path(metadata["root"]) if metadata.get("root") else self.ctx.storage_dir("file", self.name)
        root = root.resolve()
        dirs = (root / "data", root / "meta", root / "tmp")
        for d in dirs:  # may fail (OSError): nothing is changed before every directory exists
            d.mkdir(parents=True, exist_ok=True)
        self.root = root
        self.data_dir, self.meta_dir, self.tmp_dir = dirs
        self.chunk_size = chunk_size
        super().configure(metadata)

    def resolve(self, name: str, base: Path | None = None) -> Path:
        base = base or self.data_dir
        path = (base / name).resolve()
        if path != base and base not in path.parents:
            raise invalid(f"file name {name!r} resolves outside the store root", field="name")
        return path

    # ---- operations --------------------------------------------------------------------------------------
    def open_writer(self, name: str, metadata: Mapping[str, str] | None = None) -> FileWriter:
        return FileWriter(self, check_name(name), metadata or {})

    def read_chunks(self, name: str) -> Iterator[bytes]:
        path = self._existing(name)
        with path.open("rb") as fh:
            while chunk := fh.read(self.chunk_size):
                yield chunk

    def stat(self, name: str) -> FileInfo:
        path = self._existing(name)
        st = path.stat()
        return FileInfo(name, st.st_size, rfc3339(st.st_mtime), self.read_meta(name))

    def delete(self, name: str) -> None:
        path = self._existing(name)
        path.unlink()
        self.meta_path(name).unlink(missing_ok=True)
        for parent in path.parents:
            if parent == self.data_dir:
                break
            try:
                parent.rmdir()
            except OSError:
                break

    def list(self, directory: str, page_size: int = 0, marker: str = "") -> tuple[list[FileInfo], str, bool]:
        if page_size < 0:
            raise invalid(f"page_size must not be negative, got {page_size}", field="page_size")
        prefix = check_name(directory, "request.name", allow_empty=True)
        base = self.resolve(prefix) if prefix else self.data_dir
        if base.is_file():
            raise invalid(f"{directory!r} is a file, not a directory", field="request.name")
        names: list[str] = []
        if base.is_dir():
            for dirpath, _dirs, files in os.walk(base):
                for f in files:
                    names.append(Path(dirpath, f).relative_to(self.data_dir).as_posix())
        names.sort()
        if marker and not self.ctx.mutated("file-list-ignores-marker"):
            names = [n for n in names if n > marker]
        limit = page_size or DEFAULT_PAGE
        page, truncated = names[:limit], len(names) > limit
        infos = [self.stat(n) for n in page]
        return infos, (page[-1] if truncated and page else ""), truncated

    # ---- helpers -----------------------------------------------------------------------------------------
    def _existing(self, name: str) -> Path:
        path = self.resolve(check_name(name))
        if not path.is_file():
            raise not_found(
                f'file "{name}" not found in file store "{self.name}"', reason="FILE_NOT_FOUND", name=name
            )
        return path

    def meta_path(self, name: str) -> Path:
        import hashlib  # here: the start-up path does not import it (bench/notes.py, start-up row)

        return self.meta_dir / f"{hashlib.sha256(name.encode('utf-8')).hexdigest()}.json"

    def write_meta(self, name: str, metadata: Mapping[str, str]) -> None:
        path = self.meta_path(name)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(dict(metadata), sort_keys=True), encoding="utf-8")
        os.replace(tmp, path)

    def read_meta(self, name: str) -> dict[str, str]:
        try:
            return dict(json.loads(self.meta_path(name).read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return {}

    def reset(self) -> None:
        for d in (self.data_dir, self.meta_dir, self.tmp_dir):
            shutil.rmtree(d, ignore_errors=True)
            d.mkdir(parents=True, exist_ok=True)
