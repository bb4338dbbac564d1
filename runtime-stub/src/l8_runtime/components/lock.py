"""Distributed lock stores (`lock` API): TryLock / Unlock / LockKeepAlive with owners and expiry.

Place in the runtime: the component behind Runtime.TryLock, Unlock and LockKeepAlive. Semantics of
Layotto's in-memory lock: non-reentrant (a second TryLock fails even for the same owner), the lock expires
``expire`` seconds after it was taken (measured on the monotonic clock, so wall-clock jumps do not matter),
Unlock answers SUCCESS / LOCK_UNEXIST / LOCK_BELONG_TO_OTHERS. LockKeepAlive -- a stub upstream -- really
extends the expiry of a lock held by the caller, answering with the same statuses.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping

from ..errors import invalid, require, require_positive
from .base import Component

SUCCESS = "SUCCESS"
LOCK_UNEXIST = "LOCK_UNEXIST"
LOCK_BELONG_TO_OTHERS = "LOCK_BELONG_TO_OTHERS"


class _Held:
    """A held lock: its owner and when it expires (monotonic seconds). A plain class: a dataclass costs
    ~0.5 ms of start-up to create (bench/notes.py)."""

    __slots__ = ("owner", "expires_at")

    def __init__(self, owner: str, expires_at: float) -> None:
        self.owner, self.expires_at = owner, expires_at


class LockStore(Component):
    api = "lock"
    type_name = "in-memory"

    def __init__(self, name: str, metadata: Mapping[str, str], ctx) -> None:  # type: ignore[no-untyped-def]
        self._mutex = threading.Lock()
        self._locks: dict[str, _Held] = {}
        super().__init__(name, metadata, ctx)

    def try_lock(self, resource_id: str, owner: str, expire_s: int) -> bool:
        _validate(resource_id, owner)
        require_positive(expire_s, "expire")
        with self._mutex:
            held = self._current(resource_id)
            if held is not None and not self.ctx.mutated("lock-not-exclusive"):
                return False
            self._locks[resource_id] = _Held(owner, self.ctx.monotonic() + expire_s)
            return True

    def unlock(self, resource_id: str, owner: str) -> str:
        _validate(resource_id, owner)
        with self._mutex:
            held = self._current(resource_id)
            if held is None:
                return LOCK_UNEXIST
            if held.owner != owner and not self.ctx.mutated("unlock-any-owner"):
                return LOCK_BELONG_TO_OTHERS
            del self._locks[resource_id]
            return SUCCESS

    def keep_alive(self, resource_id: str, owner: str, expire_s: int) -> str:
        _validate(resource_id, owner)
        require_positive(expire_s, "expire")
        with self._mutex:
            held = self._current(resource_id)
            if held is None:
                return LOCK_UNEXIST
            if held.owner != owner:
                return LOCK_BELONG_TO_OTHERS
            held.expires_at = self.ctx.monotonic() + expire_s
            return SUCCESS

    def holder(self, resource_id: str) -> str | None:
        with self._mutex:
            held = self._current(resource_id)
            return None if held is None else held.owner

    def _current(self, resource_id: str) -> _Held | None:
        held = self._locks.get(resource_id)
        if held is not None and held.expires_at <= self.ctx.monotonic():
            del self._locks[resource_id]
            return None
        return held

    def reset(self) -> None:
        with self._mutex:
            self._locks.clear()


def _validate(resource_id: str, owner: str) -> None:
    require(resource_id, "resource_id")
    require(owner, "lock_owner")
    if "||" in resource_id:
        raise invalid("resource_id must not contain '||'", field="resource_id")
