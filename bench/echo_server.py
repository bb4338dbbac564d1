"""The baseline server of P3 and start-up: a bare grpc.aio server answering Runtime.SaveState/GetState.

Place in the pipeline: started by bench/p3_qps.py and bench/startup.py next to `l8-runtime`, as the B side
(``python -m bench.echo_server``). It keeps what a client sends in a dict and answers with the generated
messages of l8sdk._pb, nothing else (no config, components, interceptors or actuator), and prints a READY
line in the runtime's format so both are started and awaited the same way. ``--all-services`` also
registers every other service of the API (generated base servicers), health and reflection: the start-up
bench's control for what any server of this API imports.
"""

from __future__ import annotations

import asyncio
import sys
from typing import Any

import grpc.aio
from google.protobuf import empty_pb2
from l8sdk._pb.spec.proto.runtime.v1 import runtime_pb2, runtime_pb2_grpc


class EchoRuntime(runtime_pb2_grpc.RuntimeServicer):
    """SaveState stores the items; GetState returns the stored value."""

    def __init__(self) -> None:
        self.data: dict[tuple[str, str], bytes] = {}

    async def SaveState(self, request: runtime_pb2.SaveStateRequest, context: Any) -> empty_pb2.Empty:
        for item in request.states:
            self.data[(request.store_name, item.key)] = item.value
        return empty_pb2.Empty()

    async def GetState(
        self, request: runtime_pb2.GetStateRequest, context: Any
    ) -> runtime_pb2.GetStateResponse:
        return runtime_pb2.GetStateResponse(data=self.data.get((request.store_name, request.key), b""))


def add_every_service(server: grpc.aio.Server) -> None:
    """The start-up control (``--all-services``): every service the runtime serves, as the generated base
    servicers (UNIMPLEMENTED), plus grpc_health and grpc_reflection as the runtime registers them -- the
    imports and registrations any server of this API pays, without the runtime's own code."""
    import importlib

    from grpc_health.v1 import health, health_pb2_grpc  # type: ignore[attr-defined,unused-ignore]
    from grpc_reflection.v1alpha import reflection  # type: ignore[import-untyped]
    from l8_runtime.pb import API_FILES  # the message modules only (l8sdk._pb), no runtime code

    names = []
    for module in API_FILES:
        stubs = importlib.import_module(module.__name__ + "_grpc")
        for service in module.DESCRIPTOR.services_by_name.values():
            names.append(service.full_name)
            if service.full_name != runtime_pb2.DESCRIPTOR.services_by_name["Runtime"].full_name:
                servicer = getattr(stubs, f"{service.name}Servicer")()
                getattr(stubs, f"add_{service.name}Servicer_to_server")(servicer, server)
    health_pb2_grpc.add_HealthServicer_to_server(health.aio.HealthServicer(), server)
    reflection.enable_server_reflection([*names, health.SERVICE_NAME, reflection.SERVICE_NAME], server)


async def serve() -> None:
    server = grpc.aio.server()
    runtime_pb2_grpc.add_RuntimeServicer_to_server(EchoRuntime(), server)  # type: ignore[no-untyped-call]
    if "--all-services" in sys.argv[1:]:
        add_every_service(server)
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    print(f"L8 RUNTIME READY grpc=127.0.0.1:{port} http=-", flush=True)
    await server.wait_for_termination()


if __name__ == "__main__":
    try:
        asyncio.run(serve())
    except KeyboardInterrupt:
        sys.exit(0)
