"""Runtime container for tests: start the runtime image with testcontainers and wait until it really serves.

Place: the harness end of the pipeline (proto -> ... -> sdks -> harness). The container smoke test and the
compat runner start ``l8sdk/runtime:dev`` (built by ``runtime-stub/image/build.py``) through this module:

- Ryuk is disabled (its image cannot be pulled here); instead every container carries the label ``l8sdk=1``
  plus its owner's pid and host, and :func:`remove_stale_containers` (called at session start) removes the
  labelled containers whose owner process is gone — never those of a test session still running.
- Ports are dialled on 127.0.0.1 (connection mode ``docker_host``; TESTCONTAINERS_CONNECTION_MODE overrides).
- Readiness is two facts, not an open port: the ``L8 RUNTIME READY`` line on the container's stdout
  (CONTRACTS §6), then ``grpc.health.v1.Health/Check`` answering SERVING through the mapped port.
- The container can reach servers on the host (e.g. the SDK's AppCallback server) as
  ``host.docker.internal:<port>``: see :mod:`l8dev.toolchain.engine` (the host server must listen on 0.0.0.0).

Needs the dev dependencies (testcontainers, grpcio, grpcio-health-checking); imported by tests only.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import grpc  # type: ignore[import-untyped,unused-ignore]
from grpc_health.v1 import health_pb2, health_pb2_grpc  # type: ignore[import-untyped,unused-ignore]
from testcontainers.core.config import ConnectionMode, testcontainers_config
from testcontainers.core.container import DockerContainer
from testcontainers.core.docker_client import DockerClient

from l8dev.toolchain.engine import EXTRA_HOSTS

REPO_ROOT = Path(__file__).resolve().parents[4]
BUILD_SCRIPT = REPO_ROOT / "runtime-stub" / "image" / "build.py"
RUNTIME_TAG = os.environ.get("L8_RUNTIME_TAG", "l8sdk/runtime:dev")  # per-worktree tag
IMAGE_ENV = "L8_RUNTIME_IMAGE"  # use this (pre-built) image instead of building RUNTIME_TAG
GRPC_PORT = 34904
HTTP_PORT = 34999
LABEL = "l8sdk"
OWNER_PID_LABEL = "l8sdk.owner-pid"
OWNER_HOST_LABEL = "l8sdk.owner-host"
from l8_runtime.ready import READY_RE  # noqa: E402  (the one definition)

os.environ["TESTCONTAINERS_RYUK_DISABLED"] = "true"
testcontainers_config.ryuk_disabled = True
# This machine has /.dockerenv, so testcontainers would guess "inside a container" and dial the bridge gateway
# (172.17.0.1). The engine runs on this host: dial the published ports on loopback instead.
if testcontainers_config.connection_mode_override is None:
    testcontainers_config.connection_mode_override = ConnectionMode.docker_host


class RuntimeContainerError(RuntimeError):
    """The runtime container did not become ready; the message carries its log."""


@dataclass
class Runtime:
    """A started runtime container and how to reach it from the host."""

    container: DockerContainer
    grpc_target: str  # host:port of the mapped gRPC port
    actuator_url: str  # http://host:port of the mapped actuator port
    readiness: str  # how readiness was established, for the test log

    def logs(self) -> str:
        """Container stdout + stderr so far."""
        out, err = self.container.get_logs()
        return (out + err).decode(errors="replace")


def ensure_runtime_image() -> str:
    """The image to test: $L8_RUNTIME_IMAGE as is, else RUNTIME_TAG built/refreshed by build.py (cached)."""
    preset = os.environ.get(IMAGE_ENV)
    if preset:
        return preset
    proc = subprocess.run([sys.executable, str(BUILD_SCRIPT), "all"], capture_output=True, text=True)
    sys.stdout.write(proc.stdout)
    if proc.returncode != 0:
        raise RuntimeContainerError(f"building {RUNTIME_TAG} failed:\n{proc.stdout}{proc.stderr}")
    return RUNTIME_TAG


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_containers() -> list[str]:
    """Remove containers labelled l8sdk=1 whose owner process (same host) is gone. Returns their names."""
    client = DockerClient().client
    removed = []
    for container in client.containers.list(all=True, filters={"label": f"{LABEL}=1"}):
        labels = container.labels or {}
        pid = labels.get(OWNER_PID_LABEL, "")
        same_host = labels.get(OWNER_HOST_LABEL) == socket.gethostname()
        if same_host and pid.isdigit() and _alive(int(pid)):
            continue
        container.remove(force=True)
        removed.append(container.name)
    return removed


def _wait_for_ready_line(container: DockerContainer, deadline: float) -> str:
    wrapped = container.get_wrapped_container()
    while time.monotonic() < deadline:
        out, err = container.get_logs()
        match = READY_RE.search(out.decode(errors="replace"))
        if match:
            return match.group(0)
        wrapped.reload()
        if wrapped.status in ("exited", "dead"):
            raise RuntimeContainerError(
                f"runtime container exited ({wrapped.attrs['State'].get('ExitCode')}) before READY:\n"
                + (out + err).decode(errors="replace")
            )
        time.sleep(0.2)
    out, err = container.get_logs()
    raise RuntimeContainerError("no READY line in time; log:\n" + (out + err).decode(errors="replace"))


def health_check(target: str, service: str = "", timeout: float = 5.0) -> str:
    """One grpc.health.v1 Check; returns the status name (e.g. "SERVING")."""
    with grpc.insecure_channel(target) as channel:
        grpc.channel_ready_future(channel).result(timeout=timeout)
        stub: Any = health_pb2_grpc.HealthStub(channel)  # Any: typed or not, depending on installed stubs
        reply = stub.Check(health_pb2.HealthCheckRequest(service=service), timeout=timeout)
        return str(health_pb2.HealthCheckResponse.ServingStatus.Name(reply.status))


def wait_ready(container: DockerContainer, timeout: float = 60.0) -> tuple[str, str]:
    """READY log line, then a SERVING health check through the mapped port. Returns (target, description)."""
    start = time.monotonic()
    deadline = start + timeout
    line = _wait_for_ready_line(container, deadline)
    line_after = time.monotonic() - start
    host = container.get_container_host_ip()
    host = "127.0.0.1" if host == "localhost" else host
    target = f"{host}:{container.get_exposed_port(GRPC_PORT)}"
    last = "no answer"
    while time.monotonic() < deadline:
        try:
            last = health_check(target, timeout=min(5.0, max(0.5, deadline - time.monotonic())))
            if last == "SERVING":
                how = (
                    f"readiness: log line {line!r} after {line_after:.1f}s, then grpc.health.v1 SERVING "
                    f"via mapped port {target} after {time.monotonic() - start:.1f}s"
                )
                return target, how
        except (grpc.RpcError, grpc.FutureTimeoutError) as exc:
            last = exc.code().name if isinstance(exc, grpc.RpcError) else "channel not ready"
        time.sleep(0.2)
    raise RuntimeContainerError(f"READY seen but health check never SERVING at {target} (last: {last})")


def start_runtime(
    image: str | None = None,
    args: Sequence[str] = ("--enable-control",),
    env: Mapping[str, str] | None = None,
    timeout: float = 60.0,
    volumes: Mapping[str, str] | None = None,
) -> Runtime:
    """Start the runtime image (labelled, host-gateway mapped), wait until it serves; stop it on failure.
    ``volumes``: host path -> container path, mounted read-only (e.g. a runtime config file)."""
    container = (
        DockerContainer(image or RUNTIME_TAG)
        .with_command(list(args))
        .with_exposed_ports(GRPC_PORT, HTTP_PORT)
        .with_envs(**dict(env or {}))
        .with_kwargs(
            labels={LABEL: "1", OWNER_PID_LABEL: str(os.getpid()), OWNER_HOST_LABEL: socket.gethostname()},
            extra_hosts=dict(EXTRA_HOSTS),
        )
    )
    for host_path, container_path in (volumes or {}).items():
        container = container.with_volume_mapping(host_path, container_path, "ro")
    container.start()
    try:
        target, how = wait_ready(container, timeout)
        host = target.rsplit(":", 1)[0]
        actuator = f"http://{host}:{container.get_exposed_port(HTTP_PORT)}"
    except BaseException:
        container.stop()
        raise
    return Runtime(container=container, grpc_target=target, actuator_url=actuator, readiness=how)
