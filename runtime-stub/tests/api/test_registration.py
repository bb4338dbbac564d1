"""How the runtime registers its services on the grpc.aio server (interceptors.GuardedRegistration): each
service as ONE generic handler; only request-streaming methods also take grpc's registered-method path, whose
per-call cost grows with the number of registered methods (a pending request task per method, all awaited
for every accepted call: bench P3)."""

from __future__ import annotations

import asyncio
from typing import Any

import grpc
import pytest
from l8_runtime.interceptors import GuardedRegistration
from l8sdk._pb.spec.proto.runtime.v1 import runtime_pb2, runtime_pb2_grpc


class Recording:
    """A real grpc.aio server whose registration calls are recorded on the way through."""

    def __init__(self) -> None:
        self.server = grpc.aio.server()
        self.generic: list[Any] = []
        self.registered: dict[str, Any] = {}

    def add_generic_rpc_handlers(self, handlers: Any) -> None:
        self.generic.extend(handlers)
        self.server.add_generic_rpc_handlers(handlers)

    def add_registered_method_handlers(self, service: str, handlers: Any) -> None:
        self.registered[service] = handlers
        self.server.add_registered_method_handlers(service, handlers)


def registered(guard: bool) -> Recording:
    """The Runtime service's generated base servicer registered through GuardedRegistration (a grpc.aio
    server is made inside an event loop)."""

    async def build() -> Recording:
        server = Recording()
        runtime_pb2_grpc.add_RuntimeServicer_to_server(  # type: ignore[no-untyped-call]
            runtime_pb2_grpc.RuntimeServicer(), GuardedRegistration(server, guard=guard)  # type: ignore[arg-type]
        )
        await server.server.stop(None)
        return server

    return asyncio.run(build())


class Details(grpc.HandlerCallDetails):
    def __init__(self, method: str) -> None:
        self.method = method
        self.invocation_metadata = ()


@pytest.mark.parametrize("guard", [True, False])
def test_a_service_is_one_generic_handler_that_serves_every_method(guard: bool) -> None:
    server = registered(guard)
    # only request-streaming methods (uploads) also take the registered path (its peak memory is lower: P5)
    service = runtime_pb2.DESCRIPTOR.services_by_name["Runtime"]
    uploads = {m.name for m in service.methods if m.client_streaming}
    assert uploads and set(server.registered.get(service.full_name, {})) == uploads
    assert len(server.generic) == 1
    for method in service.methods:
        handler = server.generic[0].service(Details(f"/{service.full_name}/{method.name}"))
        assert handler is not None, method.name
        assert handler.request_streaming == method.client_streaming
        assert handler.response_streaming == method.server_streaming
    assert server.generic[0].service(Details(f"/{service.full_name}/NoSuchMethod")) is None


def test_guarded_handlers_turn_a_malformed_body_into_a_marker_not_an_exception() -> None:
    server = registered(guard=True)
    handler = server.generic[0].service(Details("/spec.proto.runtime.v1.Runtime/GetState"))
    assert handler.request_deserializer(b"\x0a\x02ok").store_name == "ok"
    assert type(handler.request_deserializer(b"\xff\xff\xff")).__name__ == "Malformed"
