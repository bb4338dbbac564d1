"""What the runtime observed about calls, and the faults scripted for coming calls.

Place in the runtime: shared by the server interceptor (interceptors.py), which records every API call and
asks for a fault before running it, and the control service (control.py), which scripts faults and reads
the records. Thread-safe; bounded (the last 10000 calls are kept).
"""

from __future__ import annotations

import base64
import threading
from collections import Counter, deque
from collections.abc import Iterable

from . import ids
from .errors import CODES, invalid

CALL_LIMIT = 10_000


def normalize_method(method: str) -> str:
    return method.lstrip("/")


class Fault:
    """A scripted fault (control service): the status a method answers with, how often, after how many.
    (The classes here are plain classes: a dataclass costs ~0.5 ms of start-up to create, bench/notes.py.)"""

    def __init__(self, fault_id: str, method: str, code: str, message: str, remaining: int,
                 skip_remaining: int, delay_ms: int) -> None:
        self.fault_id, self.method, self.code, self.message = fault_id, method, code, message
        self.remaining, self.skip_remaining, self.delay_ms = remaining, skip_remaining, delay_ms

    def matches(self, method: str) -> bool:
        return self.method == "*" or self.method == method


class ObservedCall:
    """What the runtime saw of one call: method, metadata, deadline, retry attempt, authorization."""

    def __init__(self, sequence: int, method: str, metadata: dict[str, str], has_deadline: bool,
                 deadline_remaining_ms: int, attempt: int, previous_attempts: int, time_unix_ms: int,
                 authorized: bool, code: str = "", fault_id: str = "") -> None:
        self.sequence, self.method, self.metadata = sequence, method, metadata
        self.has_deadline, self.deadline_remaining_ms = has_deadline, deadline_remaining_ms
        self.attempt, self.previous_attempts, self.time_unix_ms = attempt, previous_attempts, time_unix_ms
        self.authorized, self.code, self.fault_id = authorized, code, fault_id


class Observer:
    """Recorded calls, per-method counts and scripted faults, shared by the interceptors and the control
    service."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.calls: deque[ObservedCall] = deque(maxlen=CALL_LIMIT)
        self.counts: Counter[str] = Counter()
        self.faults: list[Fault] = []
        self.sequence = 0

    # ---- faults ------------------------------------------------------------------------------------------
    def script(self, method: str, code: str, message: str, times: int, delay_ms: int, skip: int) -> Fault:
        method = normalize_method(method)
        code = (code or "OK").upper()
        if not method or (method != "*" and "/" not in method):
            raise invalid('method must be "package.Service/Method" or "*"', field="method")
        if code not in CODES:
            raise invalid(
                f"unknown status code {code!r}; use a canonical name such as UNAVAILABLE", field="code"
            )
        if times < 1:
            raise invalid("times must be at least 1", field="times")
        if delay_ms < 0 or skip < 0:
            raise invalid("delay_ms and skip must not be negative", field="delay_ms")
        fault = Fault(ids.hex_id(12), method, code, message or "injected fault", times, skip, delay_ms)
        with self._lock:
            self.faults.append(fault)
        return fault

    def clear_faults(self) -> int:
        with self._lock:
            n = len(self.faults)
            self.faults.clear()
            return n

    def list_faults(self) -> list[Fault]:
        with self._lock:
            return [Fault(**f.__dict__) for f in self.faults]

    # ---- calls -------------------------------------------------------------------------------------------
    def begin(
        self,
        method: str,
        metadata: Iterable[tuple[str, str | bytes]],
        time_remaining: float | None,
        authorized: bool,
        now_ms: int,
    ) -> tuple[ObservedCall, Fault | None]:
        method = normalize_method(method)
        md = _metadata(metadata)
        with self._lock:
            self.sequence += 1
            self.counts[method] += 1
            call = ObservedCall(
                sequence=self.sequence,
                method=method,
                metadata=md,
                has_deadline=time_remaining is not None,
                deadline_remaining_ms=int(time_remaining * 1000) if time_remaining is not None else 0,
                attempt=self.counts[method],
                previous_attempts=_int(md.get("grpc-previous-rpc-attempts", "0")),
                time_unix_ms=now_ms,
                authorized=authorized,
            )
            self.calls.append(call)
            fault = None
            if authorized:
                for f in self.faults:
                    if f.matches(method):
                        if f.skip_remaining > 0:
                            f.skip_remaining -= 1
                            continue
                        f.remaining -= 1
                        if f.remaining <= 0:
                            self.faults.remove(f)
                        fault = f
                        call.fault_id = f.fault_id
                        break
            return call, fault

    def end(self, call: ObservedCall, code: str) -> None:
        with self._lock:
            call.code = code

    def list_calls(self, method: str = "", clear: bool = False) -> list[ObservedCall]:
        method = normalize_method(method)
        with self._lock:
            out = [c for c in self.calls if not method or c.method == method]
            if clear:
                keep = [c for c in self.calls if method and c.method != method]
                self.calls.clear()
                self.calls.extend(keep)
            return out

    def attempt_counts(self) -> dict[str, int]:
        with self._lock:
            return dict(self.counts)

    def reset(self) -> None:
        with self._lock:
            self.calls.clear()
            self.counts.clear()
            self.faults.clear()


def _metadata(pairs: Iterable[tuple[str, str | bytes]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in pairs:
        text = base64.b64encode(value).decode() if isinstance(value, bytes) else value
        if key == "authorization":
            text = "Bearer <redacted>" if text.lower().startswith("bearer ") else "<redacted>"
        out[key] = f"{out[key]},{text}" if key in out else text
    return out


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        return 0
