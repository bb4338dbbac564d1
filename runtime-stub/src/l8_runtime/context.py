"""Process-wide context shared by all components of one runtime instance.

Place in the runtime: built once by the server from the effective configuration and CLI flags, then handed
to every component factory. It carries the app id, the data directory (persistent mode) or a scratch
directory (embedded mode), the active mutation (if any), injectable clocks (monotonic for expiries, wall
for timestamps) and the recording outboxes read by the control service.
"""

from __future__ import annotations

import base64
import json
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .mutations import MUTATIONS

OUTBOX_LIMIT = 10_000
OUTBOX_BYTES = 16 * 1024 * 1024  # all outboxes together, as serialized JSON
OUTBOX_VALUE_BYTES = 64 * 1024  # a bytes value longer than this is recorded as its size and sha256 only


class Outboxes:
    """Thread-safe recording lists keyed by kind ("email", "sms", "phone", "delay_queue", "bindings"...).

    Only recording when ``enabled`` (the runtime runs with ``--enable-control``: nothing reads them
    otherwise). Bounded by count per kind and by bytes overall (oldest entries are dropped first); a bytes
    value is kept as UTF-8 text, or base64 when it is not text, and only up to ``OUTBOX_VALUE_BYTES``.
    """

    def __init__(self, wall: Callable[[], float] = time.time, *, enabled: bool = True) -> None:
        self._lock = threading.Lock()
        self._boxes: dict[str, list[dict[str, Any]]] = {}
        self._sizes: dict[int, int] = {}
        self._total = 0
        self._wall = wall
        self.enabled = enabled

    @property
    def total_bytes(self) -> int:
        return self._total

    def record(self, kind: str, component: str, payload: dict[str, Any]) -> None:
        if not self.enabled:
            return
        text = json.dumps(payload, default=_jsonable)
        entry = {
            "kind": kind,
            "component": component,
            "payload": json.loads(text),
            "time_unix_ms": int(self._wall() * 1000),
        }
        size = len(text) + len(kind) + len(component) + 64
        with self._lock:
            box = self._boxes.setdefault(kind, [])
            box.append(entry)
            self._sizes[id(entry)] = size
            self._total += size
            for dropped in box[:-OUTBOX_LIMIT]:
                self._forget(dropped)
            del box[:-OUTBOX_LIMIT]
            while self._total > OUTBOX_BYTES and any(self._boxes.values()):
                oldest = min((b for b in self._boxes.values() if b), key=lambda b: b[0]["time_unix_ms"])
                self._forget(oldest.pop(0))

    def _forget(self, entry: dict[str, Any]) -> None:
        self._total -= self._sizes.pop(id(entry), 0)

    def read(self, kind: str = "", component: str = "", clear: bool = False) -> list[dict[str, Any]]:
        with self._lock:
            kinds = [kind] if kind else sorted(self._boxes)
            out = [
                e
                for k in kinds
                for e in self._boxes.get(k, [])
                if not component or e["component"] == component
            ]
            if clear:
                for k in kinds:
                    kept = [e for e in self._boxes.get(k, []) if component and e["component"] != component]
                    for e in self._boxes.get(k, []):
                        if e not in kept:
                            self._forget(e)
                    self._boxes[k] = kept
            return out

    def clear(self) -> None:
        with self._lock:
            self._boxes.clear()
            self._sizes.clear()
            self._total = 0


def _jsonable(value: object) -> object:
    if isinstance(value, bytes | bytearray | memoryview):
        raw = bytes(value)
        if len(raw) > OUTBOX_VALUE_BYTES:
            import hashlib  # here: the start-up path does not import it (bench/notes.py, start-up row)

            return {"size": len(raw), "sha256": hashlib.sha256(raw).hexdigest()}
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return "base64:" + base64.b64encode(raw).decode("ascii")
    return str(value)


class RuntimeContext:
    """Runtime-wide settings and services handed to every component (app id, dirs, clocks, outboxes). A plain
    class: a dataclass costs ~0.5 ms of start-up to create (bench/notes.py)."""

    def __init__(
        self,
        app_id: str = "l8-app",
        data_dir: Path | None = None,
        scratch_dir: Path | None = None,
        mutation: str | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
        outboxes: Outboxes | None = None,
        oss_url_base: str = "http://127.0.0.1:34999/oss",  # where signed OSS URLs point (the actuator's /oss)
        allow_unsafe_reconfigure: bool = False,
    ) -> None:
        if mutation is not None and mutation not in MUTATIONS:
            known = ", ".join(sorted(MUTATIONS))
            raise ValueError(f"unknown mutation {mutation!r}; known: {known}")
        self.app_id, self.data_dir, self.scratch_dir, self.mutation = app_id, data_dir, scratch_dir, mutation
        self.monotonic, self.wall = monotonic, wall
        self.outboxes = outboxes if outboxes is not None else Outboxes()
        self.oss_url_base, self.allow_unsafe_reconfigure = oss_url_base, allow_unsafe_reconfigure

    def mutated(self, name: str) -> bool:
        assert name in MUTATIONS, name
        return self.mutation == name

    def storage_dir(self, *parts: str) -> Path:
        """A directory for a component's files: under --data-dir when set, else under the scratch dir."""
        base = self.data_dir if self.data_dir is not None else self.scratch_dir
        if base is None:
            raise RuntimeError("no data or scratch directory configured")
        path = base.joinpath(*parts)
        path.mkdir(parents=True, exist_ok=True)
        return path
