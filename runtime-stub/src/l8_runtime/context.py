"""Process-wide context shared by all components of one runtime instance.

Place in the runtime: built once by the server from the effective configuration and CLI flags, then handed
to every component factory. It carries the app id, the data directory (persistent mode) or a scratch
directory (embedded mode), the active mutation (if any), injectable clocks (monotonic for expiries, wall
for timestamps) and the recording outboxes read by the control service.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .mutations import MUTATIONS

OUTBOX_LIMIT = 10_000


class Outboxes:
    """Thread-safe recording lists keyed by kind ("email", "sms", "phone", "delay_queue", "bindings"...)."""

    def __init__(self, wall: Callable[[], float] = time.time) -> None:
        self._lock = threading.Lock()
        self._boxes: dict[str, list[dict[str, Any]]] = {}
        self._wall = wall

    def record(self, kind: str, component: str, payload: dict[str, Any]) -> dict[str, Any]:
        entry = {
            "kind": kind,
            "component": component,
            "payload": json.loads(json.dumps(payload, default=_jsonable)),
            "time_unix_ms": int(self._wall() * 1000),
        }
        with self._lock:
            box = self._boxes.setdefault(kind, [])
            box.append(entry)
            del box[:-OUTBOX_LIMIT]
        return entry

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
                    self._boxes[k] = [
                        e for e in self._boxes.get(k, []) if component and e["component"] != component
                    ]
            return out

    def clear(self) -> None:
        with self._lock:
            self._boxes.clear()


def _jsonable(value: object) -> object:
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return value.hex()
    return str(value)


@dataclass
class RuntimeContext:
    app_id: str = "l8-app"
    data_dir: Path | None = None
    scratch_dir: Path | None = None
    mutation: str | None = None
    monotonic: Callable[[], float] = time.monotonic
    wall: Callable[[], float] = time.time
    outboxes: Outboxes = field(default_factory=Outboxes)
    oss_url_base: str = "http://127.0.0.1:34999/oss"  # where signed OSS URLs point (the actuator's /oss)

    def __post_init__(self) -> None:
        if self.mutation is not None and self.mutation not in MUTATIONS:
            known = ", ".join(sorted(MUTATIONS))
            raise ValueError(f"unknown mutation {self.mutation!r}; known: {known}")

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
