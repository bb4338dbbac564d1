"""File stores (`file` API): a directory tree confined to a root, streamed in chunks.

Place in the runtime: the component behind Runtime.PutFile / GetFile / ListFile / DelFile / GetFileMeta.
Type ``local`` keeps file bodies under ``<root>/data`` (root = metadata ``root``, else
``<data-dir or scratch>/file/<name>``) and per-file metadata as JSON under ``<root>/meta``.

- Names are relative paths with "/" separators. Empty names, absolute paths, backslashes, NUL, and "."
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
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from ..errors import invalid, not_found
from .base import Component, meta_int

DEFAULT_PAGE = 1000


@dataclass(frozen=True)
class FileInfo:
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
    for seg in trimmed.split("/"):
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
        os.replace(self.tmp, self.target)
        self.store.write_meta(self.name, self.metadata)

    def abort(self) -> None:
        if not self.fh.closed:
            self.fh.close()
        self.tmp.unlink(missing_ok=True)


class FileStore(Component):
    api = "file"
    type_name = "local"

    def configure(self, metadata: dict[str, str]) -> None:
        root = Path(metadata["root"]) if metadata.get("root") else self.ctx.storage_dir("file", self.name)
        self.root = root.resolve()
        self.data_dir = self.root / "data"
        self.meta_dir = self.root / "meta"
        self.tmp_dir = self.root / "tmp"
        for d in (self.data_dir, self.meta_dir, self.tmp_dir):
            d.mkdir(parents=True, exist_ok=True)
        self.chunk_size = meta_int(metadata, "chunkSize", 64 * 1024, minimum=1)
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
        return self.resolve(name + ".json", self.meta_dir)

    def write_meta(self, name: str, metadata: Mapping[str, str]) -> None:
        path = self.meta_path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(dict(metadata), sort_keys=True), encoding="utf-8")

    def read_meta(self, name: str) -> dict[str, str]:
        try:
            return dict(json.loads(self.meta_path(name).read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return {}

    def reset(self) -> None:
        import shutil

        for d in (self.data_dir, self.meta_dir, self.tmp_dir):
            shutil.rmtree(d, ignore_errors=True)
            d.mkdir(parents=True, exist_ok=True)
