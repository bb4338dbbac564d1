"""Where the runtime under test runs: a container (testcontainers), a local process, or an external target.

Place in the pipeline: the runner asks for a Runtime; drivers connect to `runtime.endpoint`. Modes:
- container: through the project's one runtime-container module, l8dev.toolchain.runtime_container (also
  used by the smoke test): the image `l8sdk/runtime:dev` built by runtime-stub/image/build.py (no registry
  needed; $L8_RUNTIME_IMAGE overrides), testcontainers with Ryuk disabled, labels l8sdk=1 + owner pid/host
  (stale containers of dead runs removed first, never a live run's), ready when the READY line is logged AND
  grpc.health.v1 answers SERVING through the mapped port. The app callback address is
  `host.docker.internal:<port>`, mapped to the host gateway (`extra_hosts: host-gateway`).
- process: `l8-runtime` as a local subprocess, only when no container engine answers (reported loudly).
- external: `--target host:port`, a runtime someone else started (e.g. a real Layotto).
"""

from __future__ import annotations

import os
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

GRPC_PORT = 34904
from l8_runtime.ready import READY_RE as READY  # noqa: E402  (the one definition)

CALLBACK_HOST_IN_CONTAINER = "host.docker.internal"

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


def clean_stale(out: IO[str]) -> int:
    """Remove l8sdk=1 containers whose owner run is gone (never one a live run is using)."""
    from l8dev.toolchain.runtime_container import remove_stale_containers

    removed = remove_stale_containers()
    if removed:
        out.write(f"compat: removed {len(removed)} stale l8sdk container(s): {', '.join(removed)}\n")
    return len(removed)


def build_image(out: IO[str]) -> str:
    """Build (or find up to date) the runtime image through runtime-stub/image/build.py; returns its tag."""
    import contextlib
    import io

    from l8dev.toolchain.runtime_container import RuntimeContainerError, ensure_runtime_image

    buf = io.StringIO()
    try:
        with contextlib.redirect_stdout(buf):
            image = ensure_runtime_image()
    except RuntimeContainerError as exc:
        raise EngineError(str(exc)[-5000:]) from None
    for line in buf.getvalue().splitlines():
        out.write(f"compat: image: {line}\n")
    return str(image)


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
    def __init__(
        self, args: Sequence[str], callback_port: int, image: str, volumes: dict[str, str] | None = None
    ) -> None:
        super().__init__(
            "container", callback_host=CALLBACK_HOST_IN_CONTAINER, callback_port=callback_port, args=args
        )
        self.image = image
        self.volumes = dict(volumes or {})  # host path -> container path (read-only), e.g. a config file
        self._rt: Any = None

    def start(self) -> None:
        from l8dev.toolchain.runtime_container import RuntimeContainerError, start_runtime

        try:
            self._rt = start_runtime(self.image, args=list(self.args), timeout=90.0, volumes=self.volumes)
        except RuntimeContainerError as exc:
            raise EngineError(f"runtime container did not become ready: {str(exc)[-4000:]}") from None
        self.endpoint = self._rt.grpc_target
        self.notes.append(self._rt.readiness)

    @property
    def can_restart(self) -> bool:
        return True

    def restart(self) -> str:
        """docker restart; wait for a new READY line, re-read the mapped port (it may move), health check."""
        from l8dev.toolchain.runtime_container import RuntimeContainerError, wait_ready

        before = self.endpoint
        wrapped = self._rt.container.get_wrapped_container()
        seen = len(READY.findall(self.logs()))
        wrapped.restart(timeout=5)
        self.restarts += 1
        deadline = time.monotonic() + 90
        while len(READY.findall(self.logs())) <= seen:
            wrapped.reload()
            if wrapped.status in ("exited", "dead") or time.monotonic() > deadline:
                raise EngineError(f"runtime container not READY after restart:\n{self.logs()[-3000:]}")
            time.sleep(0.2)
        try:
            self.endpoint, how = wait_ready(self._rt.container, timeout=60.0)
        except RuntimeContainerError as exc:
            raise EngineError(str(exc)[-4000:]) from None
        self.notes.append(f"restart #{self.restarts}: endpoint {before} -> {self.endpoint}; {how}")
        return self.endpoint

    def logs(self) -> str:
        if self._rt is None:
            return ""
        try:
            return str(self._rt.logs())
        except Exception as exc:  # noqa: BLE001 - the container may be gone; say so instead of failing
            return f"<runtime container logs unavailable: {type(exc).__name__}: {exc}>"

    def stop(self) -> None:
        if self._rt is not None:
            rt, self._rt = self._rt, None
            try:
                rt.container.stop()
            except Exception as exc:  # noqa: BLE001 - already removed
                self.notes.append(f"runtime container stop: {type(exc).__name__}: {exc}")


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
