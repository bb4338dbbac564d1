"""The persistent state store (type ``sqlite``): the state semantics of state.py on an SQLite file.

Place in the runtime: used for ``state_sqlite`` when the runtime runs with ``--data-dir`` (file
``<data-dir>/state/<name>.sqlite3``, or metadata ``path``). Each write is one SQLite transaction
(``BEGIN IMMEDIATE`` ... ``COMMIT``, WAL journal, ``synchronous=FULL``), so a restart -- or a crash --
loses no acknowledged write and never shows half of a multi-item save or state transaction.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

from .state import StateStore, StoredItem

SCHEMA = """
CREATE TABLE IF NOT EXISTS state (
    key TEXT PRIMARY KEY,
    value BLOB NOT NULL,
    etag TEXT NOT NULL,
    expires_at REAL
)
"""


class SqliteBackend:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute(SCHEMA)

    def read(self, key: str) -> StoredItem | None:
        with self._lock:
            row = self._db.execute(
                "SELECT value, etag, expires_at FROM state WHERE key = ?", (key,)
            ).fetchone()
        return None if row is None else StoredItem(bytes(row[0]), row[1], row[2])

    def write(self, changes: Sequence[tuple[str, StoredItem | None]]) -> None:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for key, item in changes:
                    if item is None:
                        self._db.execute("DELETE FROM state WHERE key = ?", (key,))
                    else:
                        self._db.execute(
                            "INSERT OR REPLACE INTO state (key, value, etag, expires_at) VALUES (?, ?, ?, ?)",
                            (key, item.value, item.etag, item.expires_at),
                        )
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def keys(self) -> list[str]:
        with self._lock:
            return [r[0] for r in self._db.execute("SELECT key FROM state ORDER BY key")]

    def clear(self) -> None:
        self.write([(k, None) for k in self.keys()])

    def close(self) -> None:
        with self._lock:
            self._db.close()


class SqliteStateStore(StateStore):
    type_name = "sqlite"

    def open_backend(self) -> SqliteBackend:
        path = self.metadata.get("path", "")
        if path:
            db_path = Path(path)
            db_path.parent.mkdir(parents=True, exist_ok=True)
        else:
            db_path = self.ctx.storage_dir("state") / f"{self.name}.sqlite3"
        return SqliteBackend(db_path)
