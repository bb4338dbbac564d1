"""The persistent state store (type ``sqlite``): the state semantics of state.py on an SQLite file.

Place in the runtime: used for ``state_sqlite`` when the runtime runs with ``--data-dir`` (file
``<data-dir>/state/<name>.sqlite3``, or metadata ``path``). Each write is one SQLite transaction
(``BEGIN IMMEDIATE`` ... ``COMMIT``, rollback journal, ``synchronous=FULL``), so a restart -- or a
crash -- loses no acknowledged write and never shows half of a multi-item save or state transaction. Every
commit lands in the database file itself (no WAL that a deleted ``-wal`` file could take with it). At start
a 0-byte or corrupt file is an error naming the file, never a silently empty store.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .base import ComponentConfigError
from .state import StateStore, StoredItem

if TYPE_CHECKING:  # sqlite3 is imported when an SQLite store is configured, not at the runtime's start-up
    import sqlite3

SCHEMA = """
CREATE TABLE IF NOT EXISTS state (
    key TEXT PRIMARY KEY,
    value BLOB NOT NULL,
    etag TEXT NOT NULL,
    expires_at REAL
)
"""


def open_checked(path: Path) -> sqlite3.Connection:
    """Connect to an SQLite file that must be absent (a new store) or a healthy database."""
    import sqlite3  # on first use (~1.4 MiB of idle RSS when no SQLite store is configured)

    if path.is_file() and path.stat().st_size == 0:
        raise ComponentConfigError(
            f"{path}: the file is empty (0 bytes), not an SQLite database; "
            "remove it to start with an empty store"
        )
    try:
        db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise ComponentConfigError(f"{path}: cannot open the SQLite database ({exc})") from None
    try:
        row = db.execute("PRAGMA quick_check").fetchone()
    except sqlite3.DatabaseError as exc:
        db.close()
        raise ComponentConfigError(f"{path}: not a usable SQLite database ({exc})") from None
    if row is None or row[0] != "ok":
        db.close()
        raise ComponentConfigError(
            f"{path}: the SQLite database is corrupt ({row[0] if row else 'no result'})"
        )
    return db


class SqliteBackend:
    def __init__(self, path: Path) -> None:
        import sqlite3  # loaded by open_checked below; local so the module does not load it at import

        self.path = path
        self._lock = threading.Lock()
        self._db = open_checked(path)
        try:
            self._db.execute("PRAGMA journal_mode=DELETE")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute(SCHEMA)
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise ComponentConfigError(f"{path}: not a usable SQLite database ({exc})") from None

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
    protected_keys = frozenset({"path"})

    def open_backend(self) -> SqliteBackend:
        path = self.metadata.get("path", "")
        if path:
            db_path = Path(path)
            db_path.parent.mkdir(parents=True, exist_ok=True)
        else:
            db_path = self.ctx.storage_dir("state") / f"{self.name}.sqlite3"
        return SqliteBackend(db_path)
