"""Runtime lock and sequencer RPCs: TryLock, Unlock, LockKeepAlive, GetNextId.

Place in the runtime: mixin of the Runtime servicer; semantics live in components/lock.py and
components/sequencer.py. Unlock/LockKeepAlive report outcomes in ``status``; bad input is INVALID_ARGUMENT.
"""

from __future__ import annotations

from ..components.lock import LockStore
from ..components.sequencer import Sequencer
from ..pb import rt
from .host import Host
from .status import Ctx, unary


class LockSequencerMixin:
    host: Host

    def _lock(self, name: str) -> LockStore:
        return self.host.component("lock", name, "store_name", LockStore)

    @unary
    async def TryLock(self, request: rt.TryLockRequest, context: Ctx) -> rt.TryLockResponse:
        ok = self._lock(request.store_name).try_lock(request.resource_id, request.lock_owner, request.expire)
        return rt.TryLockResponse(success=ok)

    @unary
    async def Unlock(self, request: rt.UnlockRequest, context: Ctx) -> rt.UnlockResponse:
        status = self._lock(request.store_name).unlock(request.resource_id, request.lock_owner)
        return rt.UnlockResponse(status=status)

    @unary
    async def LockKeepAlive(self, request: rt.LockKeepAliveRequest, context: Ctx) -> rt.LockKeepAliveResponse:
        status = self._lock(request.store_name).keep_alive(
            request.resource_id, request.lock_owner, request.expire
        )
        return rt.LockKeepAliveResponse(status=status)

    @unary
    async def GetNextId(self, request: rt.GetNextIdRequest, context: Ctx) -> rt.GetNextIdResponse:
        seq = self.host.component("sequencer", request.store_name, "store_name", Sequencer)
        strong = request.options.increment == rt.SequencerOptions.STRONG
        return rt.GetNextIdResponse(next_id=seq.next_id(request.key, strong=strong))
