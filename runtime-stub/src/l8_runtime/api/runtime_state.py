"""Runtime state RPCs: GetState, GetBulkState, SaveState, DeleteState, DeleteBulkState, transactions.

Place in the runtime: mixin of the Runtime servicer; semantics live in components/state.py. Field paths in
errors follow the request (``states[2].key``, ``operations[0].operationType``).
"""

from __future__ import annotations

from google.protobuf import empty_pb2

from ..components.state import DeleteOp, SetOp, StateStore
from ..errors import invalid, require
from ..pb import rt
from .convert import concurrency, etag
from .host import Host
from .status import Ctx, unary


def _set_op(item: rt.StateItem, where: str) -> SetOp:
    if not item.key:
        raise invalid(f"{where}.key must not be empty", field=f"{where}.key")
    return SetOp(item.key, item.value, etag(item), concurrency(item), dict(item.metadata))


def _delete_op(item: rt.StateItem, where: str) -> DeleteOp:
    if not item.key:
        raise invalid(f"{where}.key must not be empty", field=f"{where}.key")
    return DeleteOp(item.key, etag(item), concurrency(item))


class StateMixin:
    host: Host

    def _store(self, name: str, field: str = "store_name") -> StateStore:
        return self.host.component("state", name, field, StateStore)

    @unary
    async def GetState(self, request: rt.GetStateRequest, context: Ctx) -> rt.GetStateResponse:
        store = self._store(request.store_name)
        require(request.key, "key")
        r = store.get(request.key)
        return rt.GetStateResponse(data=r.value, etag=r.etag, metadata=dict(r.metadata))

    @unary
    async def GetBulkState(self, request: rt.GetBulkStateRequest, context: Ctx) -> rt.GetBulkStateResponse:
        store = self._store(request.store_name)
        if request.parallelism < 0:
            raise invalid("parallelism must not be negative", field="parallelism")
        items = [
            rt.BulkStateItem(key=r.key, data=r.value, etag=r.etag, error=r.error, metadata=dict(r.metadata))
            for r in store.bulk_get(list(request.keys))
        ]
        return rt.GetBulkStateResponse(items=items)

    @unary
    async def SaveState(self, request: rt.SaveStateRequest, context: Ctx) -> empty_pb2.Empty:
        store = self._store(request.store_name)
        store.save([_set_op(item, f"states[{i}]") for i, item in enumerate(request.states)])
        return empty_pb2.Empty()

    @unary
    async def DeleteState(self, request: rt.DeleteStateRequest, context: Ctx) -> empty_pb2.Empty:
        store = self._store(request.store_name)
        require(request.key, "key")
        store.delete(DeleteOp(request.key, etag(request), concurrency(request)))
        return empty_pb2.Empty()

    @unary
    async def DeleteBulkState(self, request: rt.DeleteBulkStateRequest, context: Ctx) -> empty_pb2.Empty:
        store = self._store(request.store_name)
        store.bulk_delete([_delete_op(item, f"states[{i}]") for i, item in enumerate(request.states)])
        return empty_pb2.Empty()

    @unary
    async def ExecuteStateTransaction(
        self, request: rt.ExecuteStateTransactionRequest, context: Ctx
    ) -> empty_pb2.Empty:
        store = self._store(request.storeName, "storeName")
        ops: list[SetOp | DeleteOp] = []
        for i, op in enumerate(request.operations):
            where = f"operations[{i}]"
            if not op.HasField("request"):
                raise invalid(f"{where}.request is required", field=f"{where}.request")
            if op.operationType == "upsert":
                ops.append(_set_op(op.request, f"{where}.request"))
            elif op.operationType == "delete":
                ops.append(_delete_op(op.request, f"{where}.request"))
            else:
                raise invalid(
                    f'{where}.operationType must be "upsert" or "delete", got {op.operationType!r}',
                    field=f"{where}.operationType",
                    reason="UNSUPPORTED_OPERATION",
                )
        store.transact(ops)
        return empty_pb2.Empty()
