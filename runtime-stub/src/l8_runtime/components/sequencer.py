"""Sequencers (`sequencer` API): per-key increasing int64 ids, WEAK or STRONG.

Place in the runtime: the component behind Runtime.GetNextId. Ids start at 1 (or above metadata
``biggerThan.<key>``) and are per key. STRONG ids are unique and strictly increasing across all callers:
one mutex-protected counter per key. WEAK ("best effort, probably greater") is served from the same
counter, so it is never worse than STRONG. Type ``sqlite`` persists the counters under ``--data-dir``.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from pathlib import Path

from ..errors import ApiError, require
from .base import Component, ComponentConfigError
from .state_sqlite import open_checked

INT64_MAX = 2**63 - 1


class Sequencer(Component):
    api = "sequencer"
    type_name = "in-memory"

    def __init__(self, name: str, metadata: Mapping[str, str], ctx) -> None:  # type: ignore[no-untyped-def]
        self._mutex = threading.Lock()
        self._counters: dict[str, int] = {}
        self._calls = 0
        super().__init__(name, metadata, ctx)

    def configure(self, metadata: dict[str, str]) -> None:
        floors: dict[str, int] = {}
        for k, v in metadata.items():
            if k.startswith("biggerThan."):
                try:
                    floors[k.removeprefix("biggerThan.")] = int(v)
                except ValueError:
                    raise ComponentConfigError(f"metadata {k!r} must be an integer, got {v!r}") from None
        self.floors = floors
        super().configure(metadata)

    def next_id(self, key: str, strong: bool = True) -> int:
        require(key, "key")
        with self._mutex:
            current = max(self._load(key), self.floors.get(key, 0))
            self._calls += 1
            if self.ctx.mutated("sequencer-repeats") and self._calls % 2 == 0 and current > 0:
                return current
            if current >= INT64_MAX:
                raise ApiError(
                    "RESOURCE_EXHAUSTED", f"sequence {key!r} is exhausted", reason="SEQUENCE_EXHAUSTED"
                )
            nxt = current + 1
            self._store(key, nxt)
            return nxt

    def _load(self, key: str) -> int:
        return self._counters.get(key, 0)

    def _store(self, key: str, value: int) -> None:
        self._counters[key] = value

    def reset(self) -> None:
        with self._mutex:
            self._counters.clear()
            self._calls = 0


class SqliteSequencer(Sequencer):
    """Counters in ``<data-dir>/sequencer/<name>.sqlite3`` (or metadata ``path``), one commit per id."""

    type_name = "sqlite"
    protected_keys = frozenset({"path"})

    def __init__(self, name: str, metadata: Mapping[str, str], ctx) -> None:  # type: ignore[no-untyped-def]
        super().__init__(name, metadata, ctx)
        path = (
            Path(self.metadata["path"])
            if self.metadata.get("path")
            else (self.ctx.storage_dir("sequencer") / f"{name}.sqlite3")
        )
        self._db = open_checked(path)
        import sqlite3  # loaded by open_checked; local so that the runtime's start-up does not import it

        try:
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("CREATE TABLE IF NOT EXISTS seq (key TEXT PRIMARY KEY, value INTEGER NOT NULL)")
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise ComponentConfigError(f"{path}: not a usable SQLite database ({exc})") from None

    def _load(self, key: str) -> int:
        row = self._db.execute("SELECT value FROM seq WHERE key = ?", (key,)).fetchone()
        return 0 if row is None else int(row[0])

    def _store(self, key: str, value: int) -> None:
        self._db.execute("INSERT OR REPLACE INTO seq (key, value) VALUES (?, ?)", (key, value))

    def reset(self) -> None:
        with self._mutex:
            self._db.execute("DELETE FROM seq")
            self._calls = 0

    def close(self) -> None:
        with self._mutex:
            self._db.close()
