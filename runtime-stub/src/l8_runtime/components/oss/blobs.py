"""Blob files of the object store: streamed writes with running MD5, ranged chunked reads.

Place in the runtime: storage layer under components/oss/store.py. Every object version and every
multipart part owns one blob file (``<root>/blobs/<id>``); bodies never sit in memory whole.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ... import ids


class BlobWriter:
    def __init__(self, path: Path) -> None:
        self.blob_id = path.name
        self.path = path
        self.fh: BinaryIO = path.open("wb")
        import hashlib  # here: the start-up path does not import it (bench/notes.py, start-up row)

        self.md5 = hashlib.md5(usedforsecurity=False)
        self.size = 0

    def write(self, chunk: bytes) -> None:
        self.fh.write(chunk)
        self.md5.update(chunk)
        self.size += len(chunk)

    def finish(self) -> tuple[str, int, str]:
        """Close; returns (blob id, size, md5 hex)."""
        self.fh.close()
        return self.blob_id, self.size, self.md5.hexdigest()

    def abort(self) -> None:
        if not self.fh.closed:
            self.fh.close()
        self.path.unlink(missing_ok=True)


class BlobStore:
    def __init__(self, root: Path, chunk_size: int) -> None:
        self.root = root
        self.chunk_size = chunk_size
        root.mkdir(parents=True, exist_ok=True)

    def writer(self) -> BlobWriter:
        return BlobWriter(self.root / ids.hex_id())

    def write_all(self, chunks: Iterable[bytes]) -> tuple[str, int, str]:
        w = self.writer()
        try:
            for chunk in chunks:
                w.write(chunk)
        except BaseException:
            w.abort()
            raise
        return w.finish()

    def read(self, blob_id: str, start: int = 0, length: int | None = None) -> Iterator[bytes]:
        with (self.root / blob_id).open("rb") as fh:
            fh.seek(start)
            remaining = length
            while remaining is None or remaining > 0:
                n = self.chunk_size if remaining is None else min(self.chunk_size, remaining)
                chunk = fh.read(n)
                if not chunk:
                    return
                if remaining is not None:
                    remaining -= len(chunk)
                yield chunk

    def append(self, blob_id: str, chunks: Iterable[bytes]) -> int:
        """Append to an existing blob (appendable objects); returns the new size."""
        path = self.root / blob_id
        with path.open("ab") as fh:
            for chunk in chunks:
                fh.write(chunk)
        return path.stat().st_size

    def copy(self, blob_id: str, start: int = 0, length: int | None = None) -> tuple[str, int, str]:
        return self.write_all(self.read(blob_id, start, length))

    def concat(self, blob_ids: Iterable[str]) -> tuple[str, int, str]:
        return self.write_all(chunk for b in blob_ids for chunk in self.read(b))

    def md5(self, blob_id: str) -> str:
        import hashlib  # here: the start-up path does not import it (bench/notes.py, start-up row)

        h = hashlib.md5(usedforsecurity=False)
        for chunk in self.read(blob_id):
            h.update(chunk)
        return h.hexdigest()

    def delete(self, blob_id: str) -> None:
        (self.root / blob_id).unlink(missing_ok=True)

    def clear(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
        os.makedirs(self.root, exist_ok=True)
