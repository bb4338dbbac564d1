"""Container smoke test: the runtime image starts under testcontainers, becomes ready (READY line + gRPC
health), answers real gRPC calls through the mapped port, and reaches a server on the host via host-gateway.
Run with `nox -s smoke` (marker `container`); the readiness path used is printed (pytest -s shows it)."""

from __future__ import annotations

import json
import secrets
import socket
import threading
import time
import urllib.request

import grpc  # type: ignore[import-untyped,unused-ignore]
import pytest
from l8dev.toolchain.engine import HOST_ALIAS
from l8dev.toolchain.runtime_container import READY_RE, Runtime, health_check

pytestmark = pytest.mark.container


def test_ready_line_printed_and_health_serving(runtime: Runtime) -> None:
    assert READY_RE.search(runtime.logs()), runtime.logs()
    assert health_check(runtime.grpc_target) == "SERVING"


def test_say_hello_through_mapped_port(runtime: Runtime) -> None:
    from l8sdk._pb.spec.proto.runtime.v1 import runtime_pb2, runtime_pb2_grpc

    with grpc.insecure_channel(runtime.grpc_target) as channel:
        stub = runtime_pb2_grpc.RuntimeStub(channel)  # type: ignore[no-untyped-call,unused-ignore]
        reply = stub.SayHello(
            runtime_pb2.SayHelloRequest(service_name="helloworld", name="l8sdk-smoke"), timeout=10
        )
    assert reply.hello, reply


def test_actuator_readiness_up(runtime: Runtime) -> None:
    url = f"{runtime.actuator_url}/actuator/health/readiness"
    with urllib.request.urlopen(url, timeout=5) as response:
        assert response.status == 200
        assert json.loads(response.read())["status"] == "UP"


def test_image_healthcheck_turns_healthy(runtime: Runtime) -> None:
    wrapped = runtime.container.get_wrapped_container()
    deadline = time.monotonic() + 40
    status = "unknown"
    while time.monotonic() < deadline:
        wrapped.reload()
        status = wrapped.attrs["State"].get("Health", {}).get("Status", "none")
        if status in ("healthy", "unhealthy"):
            break
        time.sleep(0.5)
    assert status == "healthy"


def test_runs_as_non_root(runtime: Runtime) -> None:
    result = runtime.container.exec(["id", "-u"])
    assert result.exit_code == 0
    assert result.output.decode().strip() != "0"


def test_container_reaches_host_server_via_host_gateway(runtime: Runtime) -> None:
    token = secrets.token_hex(8).encode()
    with socket.create_server(("0.0.0.0", 0)) as server:  # all interfaces: 127.0.0.1 is not reachable
        server.settimeout(20)
        port = server.getsockname()[1]

        def answer() -> None:
            conn, _ = server.accept()
            with conn:
                conn.sendall(token)

        thread = threading.Thread(target=answer, daemon=True)
        thread.start()
        probe = (
            f"import socket; s = socket.create_connection(({HOST_ALIAS!r}, {port}), timeout=10); "
            "print(s.recv(64).decode())"
        )
        result = runtime.container.exec(["python3", "-c", probe])
        thread.join(timeout=5)
    assert result.exit_code == 0, result.output
    assert result.output.decode().strip() == token.decode()
