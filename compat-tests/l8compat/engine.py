"""Where the runtime under test runs: a container (testcontainers), a local process, or an external target.

Place in the pipeline: the runner asks for a Runtime; drivers connect to `runtime.endpoint`. Modes:
- container: the image `l8sdk/runtime:dev` built by runtime-stub/image/build.py (no registry needed),
  started with testcontainers (Ryuk disabled, label l8sdk=1, stale ones removed first), ready when its
  READY line is logged AND grpc.health.v1 answers SERVING through the mapped port. The app callback address
  is `host.docker.internal:<port>` mapped to the host gateway (`--add-host ...:host-gateway`).
- process: `l8-runtime` as a local subprocess, only when no container engine answers (reported loudly).
- external: `--target host:port`, a runtime someone else started (e.g. a real Layotto).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from .protos import REPO_ROOT

IMAGE = "l8sdk/runtime:dev"
LABEL = {"l8sdk": "1"}
OWNER_LABEL = "l8sdk.owner-pid"  # the runner process that started the container
STALE_AFTER_S = 1800.0
GRPC_PORT = 34904
READY = re.compile(r"L8 RUNTIME READY grpc=(\S+)")
CALLBACK_HOST_IN_CONTAINER = "host.docker.internal"
BUILD_SCRIPT = REPO_ROOT / "runtime-stub" / "image" / "build.py"

os.environ.setdefault("TESTCONTAINERS_RYUK_DISABLED", "true")


class EngineError(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("0.0.0.0", 0))
        return int(s.getsockname()[1])


def wait_health(endpoint: str, timeout_s: float) -> None:
    """Wait until grpc.health.v1 reports SERVING for the whole server ('')."""
    deadline = time.monotonic() + timeout_s
    last: Exception | str = "no answer"
    while time.monotonic() < deadline:
        with grpc.insecure_channel(endpoint) as ch:
            try:
                rsp = health_pb2_grpc.HealthStub(ch).Check(  # type: ignore[attr-defined]
                    health_pb2.HealthCheckRequest(service=""), timeout=2
                )
                if rsp.status == health_pb2.HealthCheckResponse.SERVING:
                    return
                last = f"status {health_pb2.HealthCheckResponse.ServingStatus.Name(rsp.status)}"
            except grpc.RpcError as exc:
                last = f"{exc.code().name}: {exc.details()}"
        time.sleep(0.3)
    raise EngineError(f"runtime at {endpoint} not healthy after {timeout_s:.0f}s: {last}")


def engine_reachable() -> tuple[bool, str]:
    try:
        import docker

        client = docker.from_env(timeout=5)
        client.ping()
        version = client.version().get("Version", "?")
        client.close()
        return True, f"docker {version}"
    except Exception as exc:  # noqa: BLE001 - any failure means "no engine"
        return False, f"{type(exc).__name__}: {exc}"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def is_stale(status: str, labels: dict[str, str], age_s: float) -> bool:
    """A labelled container is stale when it stopped, when the run that started it is gone, or (started
    by another tool, without an owner pid) when it has been up for more than STALE_AFTER_S."""
    if status != "running":
        return True
    owner = labels.get(OWNER_LABEL, "")
    if owner.isdigit():
        return not _pid_alive(int(owner))
    return age_s > STALE_AFTER_S


def clean_stale(out: IO[str]) -> int:
    """Remove l8sdk=1 containers left by earlier runs (never one a live run is using)."""
    import datetime as dt

    import docker

    client = docker.from_env()
    n = 0
    now = dt.datetime.now(dt.UTC)
    for c in client.containers.list(all=True, filters={"label": "l8sdk=1"}):
        created = dt.datetime.fromisoformat(c.attrs["Created"][:26].rstrip("Z") + "+00:00")
        if is_stale(c.status, c.labels, (now - created).total_seconds()):
            c.remove(force=True)
            n += 1
    client.close()
    if n:
        out.write(f"compat: removed {n} stale l8sdk container(s)\n")
    return n


def build_image(out: IO[str]) -> None:
    """Build (or find up to date) the runtime image through runtime-stub/image/build.py."""
    if not BUILD_SCRIPT.exists():
        raise EngineError(f"{BUILD_SCRIPT.relative_to(REPO_ROOT)} is missing: cannot build {IMAGE}")
    proc = subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), "all"], capture_output=True, text=True, cwd=REPO_ROOT, check=False
    )
    for line in proc.stdout.splitlines():
        out.write(f"compat: image: {line}\n")
    if proc.returncode != 0:
        raise EngineError(f"building {IMAGE} failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}")


@dataclass
class Runtime:
    """Common surface of the three modes."""

    mode: str
    endpoint: str = ""
    callback_host: str = "127.0.0.1"  # how the runtime reaches the host's callback server
    callback_port: int = 0
    args: Sequence[str] = ()
    notes: list[str] = field(default_factory=list)
    restarts: int = 0

    def start(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def restart(self) -> str:
        raise EngineError(f"cannot restart a {self.mode} runtime")

    def stop(self) -> None:
        pass

    def logs(self) -> str:
        return ""

    @property
    def can_restart(self) -> bool:
        return False


class ContainerRuntime(Runtime):
    def __init__(self, args: Sequence[str], callback_port: int, image: str = IMAGE) -> None:
        super().__init__(
            "container", callback_host=CALLBACK_HOST_IN_CONTAINER, callback_port=callback_port, args=args
        )
        self.image = image
        self._container: Any = None

    def start(self) -> None:
        from testcontainers.core.container import DockerContainer

        cmd = [*self.args]
        container = (
            DockerContainer(self.image)
            .with_command(cmd)
            .with_exposed_ports(GRPC_PORT)
            .with_kwargs(
                labels={**LABEL, OWNER_LABEL: str(os.getpid())},
                extra_hosts={CALLBACK_HOST_IN_CONTAINER: "host-gateway"},
            )
        )
        container.start()
        self._container = container
        self._await_ready(ready_count=1)

    def _await_ready(self, ready_count: int, timeout_s: float = 90.0) -> None:
        wrapped = self._container.get_wrapped_container()
        deadline = time.monotonic() + timeout_s
        while True:
            logs = wrapped.logs().decode(errors="replace")
            if len(READY.findall(logs)) >= ready_count:
                break
            wrapped.reload()
            if wrapped.status in ("exited", "dead"):
                raise EngineError(f"runtime container exited before READY:\n{logs[-3000:]}")
            if time.monotonic() > deadline:
                raise EngineError(
                    f"no READY line from the runtime container after {timeout_s:.0f}s:\n{logs[-3000:]}"
                )
            time.sleep(0.2)
        host = self._container.get_container_host_ip()
        port = self._container.get_exposed_port(GRPC_PORT)
        self.endpoint = f"{host}:{port}"
        wait_health(self.endpoint, timeout_s=30)

    @property
    def can_restart(self) -> bool:
        return True

    def restart(self) -> str:
        """docker restart; then re-read the mapped port (it may change) and wait for READY + health."""
        before = self.endpoint
        self._container.get_wrapped_container().restart(timeout=5)
        self.restarts += 1
        self._await_ready(ready_count=self.restarts + 1)
        self.notes.append(f"restart #{self.restarts}: endpoint {before} -> {self.endpoint}")
        return self.endpoint

    def logs(self) -> str:
        if self._container is None:
            return ""
        return str(self._container.get_wrapped_container().logs().decode(errors="replace"))

    def stop(self) -> None:
        if self._container is not None:
            self._container.stop()
            self._container = None


class ProcessRuntime(Runtime):
    """Fallback: `l8-runtime` as a subprocess on a free port (no container engine answered)."""

    def __init__(self, args: Sequence[str], callback_port: int, log_path: Path) -> None:
        super().__init__("process", callback_host="127.0.0.1", callback_port=callback_port, args=args)
        self.log_path = log_path
        self._proc: subprocess.Popen[str] | None = None
        self._lines: list[str] = []
        self.port = free_port()

    def _argv(self) -> list[str]:
        exe = shutil.which("l8-runtime", path=str(Path(sys.executable).parent)) or shutil.which("l8-runtime")
        if exe is None:
            raise EngineError("no container engine and no `l8-runtime` executable: install runtime-stub/")
        return [
            exe,
            *self.args,
            "--grpc-port",
            str(self.port),
            "--http-port",
            str(free_port()),
            "--host",
            "127.0.0.1",
        ]

    def start(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        argv = self._argv()
        self._proc = subprocess.Popen(
            argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1
        )
        ready = threading.Event()
        proc = self._proc

        def pump() -> None:
            assert proc.stdout is not None
            with self.log_path.open("a") as log:
                for line in proc.stdout:
                    log.write(line)
                    log.flush()
                    self._lines.append(line)
                    if READY.search(line):
                        ready.set()

        threading.Thread(target=pump, daemon=True).start()
        deadline = time.monotonic() + 60
        while not ready.wait(0.2):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise EngineError(
                    f"l8-runtime did not print READY ({' '.join(argv)}):\n{''.join(self._lines)[-3000:]}"
                )
        self.endpoint = f"127.0.0.1:{self.port}"
        wait_health(self.endpoint, timeout_s=30)

    @property
    def can_restart(self) -> bool:
        return True

    def restart(self) -> str:
        self.stop()
        self.restarts += 1
        self.start()
        self.notes.append(f"restart #{self.restarts}: process restarted on {self.endpoint}")
        return self.endpoint

    def logs(self) -> str:
        return "".join(self._lines)

    def stop(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait(timeout=10)
        self._proc = None


class ExternalRuntime(Runtime):
    def __init__(self, target: str, callback_host: str, callback_port: int) -> None:
        super().__init__(
            "external", endpoint=target, callback_host=callback_host, callback_port=callback_port
        )

    def start(self) -> None:
        try:
            wait_health(self.endpoint, timeout_s=15)
        except EngineError as exc:
            self.notes.append(f"grpc.health.v1 not served by {self.endpoint} ({exc}); relying on wait_ready")
