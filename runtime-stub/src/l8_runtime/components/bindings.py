"""Output bindings (`bindings` API): ``echo`` and ``recorder``.

Place in the runtime: the component behind Runtime.InvokeBinding. Both types record every invocation in
the ``bindings`` outbox (read through the control service). ``echo`` answers with the request data and
metadata plus ``operation``; ``recorder`` answers with empty data and metadata ``recorded`` = the number
of invocations it has recorded so far. Supported operations: metadata ``operations`` (comma list, default
"create,get,delete,list,echo"); any other operation is INVALID_ARGUMENT.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping

from ..errors import invalid
from .base import Component

DEFAULT_OPERATIONS = "create,get,delete,list,echo"


class EchoBinding(Component):
    api = "bindings"
    type_name = "echo"

    def configure(self, metadata: dict[str, str]) -> None:
        self._count_lock = threading.Lock()
        self.count = 0
        raw = metadata.get("operations", "") or DEFAULT_OPERATIONS
        self.operations = tuple(op.strip() for op in raw.split(",") if op.strip())
        super().configure(metadata)

    def invoke(
        self, operation: str, data: bytes, metadata: Mapping[str, str]
    ) -> tuple[bytes, dict[str, str]]:
        if operation not in self.operations:
            raise invalid(
                f'binding "{self.name}" does not support operation {operation!r}; supported: '
                f"{', '.join(self.operations)}",
                field="operation",
                reason="UNSUPPORTED_OPERATION",
            )
        with self._count_lock:
            self.count += 1
            count = self.count
        self.ctx.outboxes.record(
            "bindings", self.name, {"operation": operation, "data": data, "metadata": dict(metadata)}
        )
        return self.answer(operation, data, metadata, count)

    def answer(
        self, operation: str, data: bytes, metadata: Mapping[str, str], count: int
    ) -> tuple[bytes, dict[str, str]]:
        return bytes(data), dict(metadata) | {"operation": operation}

    def reset(self) -> None:
        with self._count_lock:
            self.count = 0


class RecorderBinding(EchoBinding):
    type_name = "recorder"

    def answer(
        self, operation: str, data: bytes, metadata: Mapping[str, str], count: int
    ) -> tuple[bytes, dict[str, str]]:
        return b"", {"recorded": str(count)}
