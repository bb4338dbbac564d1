"""State stores (`state` API): key/value with etags, FIRST_WRITE/LAST_WRITE, TTL, bulk and transactions.

Place in the runtime: the component behind Runtime.GetState ... ExecuteStateTransaction. The semantics
follow Dapr's in-memory store, which Layotto uses:

- Every write gives the key a new opaque etag.
- Etag checks follow Layotto's Redis store (what Layotto's own clients rely on; docs/DIFFERENCES.md):
  an empty etag or ``"0"`` means "no etag"; LAST_WRITE ignores the etag; otherwise (FIRST_WRITE or
  unspecified) a write/delete with an etag succeeds if the key has that etag *or does not exist* -> else
  ABORTED.
- Without an etag, FIRST_WRITE succeeds only if the key does not exist yet -> else ABORTED;
  LAST_WRITE/unspecified writes unconditionally.
- Multi-item saves, bulk deletes and transactions check every etag first and then apply everything in one
  atomic backend write: all or nothing.
- ``ttlInSeconds`` in item metadata expires the key (wall clock, so it survives restarts of SQLite stores).

Storage is pluggable (``Backend``): a dict (``in-memory``) or SQLite (``sqlite``, see state_sqlite.py).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import NamedTuple, Protocol

from ..errors import ApiError, aborted, invalid
from .base import NO_METADATA, Component

FIRST_WRITE = "first-write"
LAST_WRITE = "last-write"
NO_ETAG = ("", "0")  # Layotto's Redis store (and the js-sdk, which sends "0") treat these as "no etag"


class StoredItem(NamedTuple):
    value: bytes
    etag: str
    expires_at: float | None = None


class SetOp(NamedTuple):
    key: str
    value: bytes
    etag: str | None = None
    concurrency: str = ""
    metadata: Mapping[str, str] = NO_METADATA


class DeleteOp(NamedTuple):
    key: str
    etag: str | None = None
    concurrency: str = ""


class GetResult(NamedTuple):
    key: str
    value: bytes = b""
    etag: str = ""
    metadata: Mapping[str, str] = NO_METADATA
    error: str = ""
    found: bool = False


class Backend(Protocol):
    def read(self, key: str) -> StoredItem | None: ...
    def write(self, changes: Sequence[tuple[str, StoredItem | None]]) -> None: ...
    def keys(self) -> list[str]: ...
    def clear(self) -> None: ...
    def close(self) -> None: ...


class MemoryBackend:
    def __init__(self) -> None:
        self.items: dict[str, StoredItem] = {}

    def read(self, key: str) -> StoredItem | None:
        return self.items.get(key)

    def write(self, changes: Sequence[tuple[str, StoredItem | None]]) -> None:
        for key, item in changes:
            if item is None:
                self.items.pop(key, None)
            else:
                self.items[key] = item

    def keys(self) -> list[str]:
        return sorted(self.items)

    def clear(self) -> None:
        self.items.clear()

    def close(self) -> None:
        pass


class StateStore(Component):
    api = "state"
    type_name = "in-memory"

    def __init__(self, name: str, metadata: Mapping[str, str], ctx) -> None:  # type: ignore[no-untyped-def]
        self._lock = threading.RLock()
        self._previous: dict[str, StoredItem | None] = {}
        super().__init__(name, metadata, ctx)
        self.backend: Backend = self.open_backend()

    def open_backend(self) -> Backend:
        return MemoryBackend()

    # ---- reads -------------------------------------------------------------------------------------------
    def get(self, key: str) -> GetResult:
        _check_key(key)
        with self._lock:
            item = self._live(key)
            if self.ctx.mutated("state-get-stale") and key in self._previous:
                item = self._previous[key]
        if item is None:
            return GetResult(key)
        meta = {}
        if item.expires_at is not None:
            try:
                expiry = datetime.fromtimestamp(item.expires_at, UTC)
            except (OverflowError, ValueError, OSError):  # a row written before TTLs were bounded
                expiry = datetime.max.replace(tzinfo=UTC)
            meta["ttlExpireTime"] = expiry.isoformat().replace("+00:00", "Z")
        return GetResult(key, item.value, item.etag, meta, found=True)

    def bulk_get(self, keys: Sequence[str]) -> list[GetResult]:
        """One result per key, in request order; a bad key gives a per-item error, not a failed call."""
        out = []
        for key in keys:
            if not key:
                out.append(GetResult(key, error="key is empty"))
            else:
                out.append(self.get(key))
        return out

    def keys(self) -> list[str]:
        with self._lock:
            return [k for k in self.backend.keys() if self._live(k) is not None]

    # ---- writes ------------------------------------------------------------------------------------------
    def save(self, ops: Sequence[SetOp]) -> None:
        self.transact(ops)

    def delete(self, op: DeleteOp) -> None:
        self.transact([op])

    def bulk_delete(self, ops: Sequence[DeleteOp]) -> None:
        self.transact(ops)

    def transact(self, ops: Sequence[SetOp | DeleteOp]) -> None:
        """Check every etag against the current data, then apply all operations in one backend write."""
        prepared = [(op, _ttl(op) if isinstance(op, SetOp) else None) for op in ops]
        for op, _ in prepared:
            _check_key(op.key)
        with self._lock:
            for op, _ in prepared:
                self._check_etag(op)
            now = self.ctx.wall()
            changes: list[tuple[str, StoredItem | None]] = []
            for op, ttl in prepared:
                if isinstance(op, SetOp):
                    expires = now + ttl if ttl else None
                    changes.append((op.key, StoredItem(bytes(op.value), os.urandom(16).hex(), expires)))
                else:
                    changes.append((op.key, None))
            if self.ctx.mutation == "state-get-stale":
                for key, _ in changes:
                    self._previous[key] = self.backend.read(key)
            self.backend.write(changes)

    def _check_etag(self, op: SetOp | DeleteOp) -> None:
        if self.ctx.mutated("etag-ignored"):
            return
        etag = op.etag or ""
        if op.concurrency == LAST_WRITE:
            return  # Layotto's stores: last-write-wins whatever etag came with the write
        current = self._live(op.key)
        if etag not in NO_ETAG:
            if current is not None and current.etag != etag:
                raise aborted(
                    f"possible etag mismatch for key {op.key!r}: etag {etag!r} is not current", key=op.key
                )
        elif op.concurrency == FIRST_WRITE and current is not None:
            if self.ctx.mutated("first-write-ignored"):
                return
            raise aborted(
                f"FIRST_WRITE for key {op.key!r} without an etag, but the key already exists",
                reason="FIRST_WRITE_CONFLICT",
                key=op.key,
            )

    def _live(self, key: str) -> StoredItem | None:
        item = self.backend.read(key)
        if item is not None and item.expires_at is not None and item.expires_at <= self.ctx.wall():
            self.backend.write([(key, None)])
            return None
        return item

    def reset(self) -> None:
        with self._lock:
            self.backend.clear()
            self._previous.clear()

    def close(self) -> None:
        with self._lock:
            self.backend.close()


def _check_key(key: str) -> None:
    if not key:
        raise invalid("state key must not be empty", field="key")


MAX_TTL_SECONDS = 2**31 - 1  # ~68 years: a TTL must give an expiry time the store can represent


def _ttl(op: SetOp) -> int:
    raw = op.metadata.get("ttlInSeconds", "")
    if raw == "":
        return 0
    try:
        value = int(raw) if len(raw) <= 32 else None
    except ValueError:
        value = None
    if value is None:
        raise invalid(
            f"metadata ttlInSeconds of key {op.key!r} must be an integer, got {raw[:40]!r}",
            field="metadata.ttlInSeconds",
        )
    if value > MAX_TTL_SECONDS:
        raise ApiError(
            "OUT_OF_RANGE",
            f"metadata ttlInSeconds of key {op.key!r} is {value}; the maximum is {MAX_TTL_SECONDS}",
            reason="TTL_OUT_OF_RANGE",
            violations=(("metadata.ttlInSeconds", f"must be at most {MAX_TTL_SECONDS}"),),
        )
    return max(value, 0)
