"""Container engine: make a Docker engine answer, and tell a container how to reach a server on the host.

Place: infrastructure under the harness (proto -> ... -> sdks -> harness). The runtime image
(``runtime-stub/image/build.py``) is built on this engine and testcontainers starts it through
``/var/run/docker.sock``. No image registry is reachable, so nothing here pulls.

Starting: when ``docker info`` does not answer, ``dockerd`` is started in its own session (it outlives the
caller), logging to ``.cache/dockerd.log`` by default, and we wait until ``docker info`` answers. The default
flags (overlay2 storage, iptables NAT) work on this machine kind; they are tried twice, then one fallback:
``--storage-driver=vfs --iptables=false`` (slower, its own image store, but needs neither overlayfs nor
netfilter; published ports then go through docker-proxy). A stale /var/run/docker.pid (killed daemon) is
removed first.

Container -> host: start the container with ``extra_hosts={"host.docker.internal": "host-gateway"}``
(``docker run --add-host host.docker.internal:host-gateway``) and have the host server listen on 0.0.0.0
(or on :func:`bridge_gateway_ip`): the name resolves to the docker0 bridge address (172.17.0.1 by default),
which is an address of this machine. A server bound to 127.0.0.1 only is NOT reachable from a container.

CLI: ``python -m l8dev.toolchain.engine [start|status|host-gateway]``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import IO

HOST_ALIAS = "host.docker.internal"
EXTRA_HOSTS = {
    HOST_ALIAS: "host-gateway"
}  # testcontainers: DockerContainer(...).with_kwargs(extra_hosts=...)
ADD_HOST_FLAG = f"--add-host={HOST_ALIAS}:host-gateway"  # docker run flag
# Default flags twice (a daemon killed a moment ago can make the next start time out waiting for its managed
# containerd), then the fallback. vfs keeps a separate image store, so it is the last resort.
FLAG_LADDER: tuple[tuple[str, ...], ...] = ((), (), ("--storage-driver=vfs", "--iptables=false"))
REPO_ROOT = Path(__file__).resolve().parents[4]
DEFAULT_LOG = REPO_ROOT / ".cache" / "dockerd.log"
PIDFILE = Path("/var/run/docker.pid")


class EngineError(RuntimeError):
    """No container engine could be reached or started; the message says what to do."""


def docker_cli() -> str:
    """Path of the docker client, or EngineError."""
    path = shutil.which("docker")
    if path is None:
        raise EngineError("no `docker` client on PATH: install docker.io (`nox -s bootstrap` does)")
    return path


def server_version(timeout: float = 10.0) -> str | None:
    """The engine's server version when `docker info` answers, else None."""
    try:
        proc = subprocess.run(
            [docker_cli(), "info", "--format", "{{.ServerVersion}}"],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except (subprocess.TimeoutExpired, EngineError):
        return None
    version = proc.stdout.strip()
    return version if proc.returncode == 0 and version and "<no value>" not in version else None


def _running_dockerd_pids() -> list[int]:
    """Live (not zombie) dockerd processes."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            name, _, rest = stat.partition(") ")
            if name.endswith("(dockerd") and not rest.startswith(("Z", "X")):
                pids.append(int(entry.name))
    return pids


def _clear_stale_pidfile(out: IO[str], pidfile: Path = PIDFILE) -> None:
    """dockerd refuses to start while its pid file names an existing process, even a zombie of a killed
    daemon; remove the file when that pid is not a live dockerd."""
    try:
        pid = int(pidfile.read_text().strip() or "0")
    except (OSError, ValueError):
        return
    if pid not in _running_dockerd_pids():
        pidfile.unlink(missing_ok=True)
        out.write(f"engine: removed stale {pidfile} (pid {pid} is not a running dockerd)\n")


def _wait_for_engine(proc: subprocess.Popen[bytes] | None, timeout: float) -> str | None:
    """Poll `docker info` until it answers; give up early when the daemon (ours, or any) is gone."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        version = server_version(timeout=5)
        if version:
            return version
        if proc is not None and proc.poll() is not None:
            return None  # the daemon we started died
        if proc is None and not _running_dockerd_pids():
            return None  # the daemon someone else started is gone
        time.sleep(1)
    return None


def ensure_engine(out: IO[str], log_path: Path = DEFAULT_LOG, timeout: float = 90.0) -> bool:
    """Make `docker info` answer. Returns True when a daemon was started, False when one already answered."""
    version = server_version()
    if version:
        out.write(f"engine: docker engine {version} answers: nothing to do\n")
        return False
    if _running_dockerd_pids():
        out.write("engine: a dockerd process exists but does not answer yet; waiting\n")
        out.flush()
        version = _wait_for_engine(None, timeout)
        if version:
            out.write(f"engine: docker engine {version} answers\n")
            return False
        if _running_dockerd_pids():
            raise EngineError("a dockerd process is running but `docker info` never answered; see its log")
        out.write("engine: that dockerd is gone; starting one\n")
    dockerd = shutil.which("dockerd")
    if dockerd is None:
        raise EngineError("no `dockerd` on PATH: install docker.io (`nox -s bootstrap` does)")
    log_path.parent.mkdir(parents=True, exist_ok=True)
    for flags in FLAG_LADDER:
        _clear_stale_pidfile(out)
        with open(log_path, "ab") as log:
            log.write(f"\n=== l8sdk: starting dockerd {' '.join(flags)} ===\n".encode())
            log.flush()
            proc = subprocess.Popen(
                [dockerd, *flags],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # keeps running after nox / pytest exit
            )
        out.write(f"engine: started dockerd pid {proc.pid} flags [{' '.join(flags)}] log {log_path}\n")
        version = _wait_for_engine(proc, timeout)
        if version:
            out.write(f"engine: docker engine {version} answers\n")
            return True
        if proc.poll() is None:  # ours, alive but silent: stop it before the fallback
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
        out.write(f"engine: dockerd [{' '.join(flags)}] exited or did not answer within {timeout:.0f}s\n")
    tail = log_path.read_text(errors="replace").splitlines()[-15:]
    raise EngineError("dockerd never answered; last log lines:\n" + "\n".join(tail))


def bridge_gateway_ip() -> str:
    """Gateway address of the default bridge network (what host-gateway resolves to), e.g. 172.17.0.1."""
    proc = subprocess.run(
        [
            docker_cli(),
            "network",
            "inspect",
            "bridge",
            "--format",
            "{{range .IPAM.Config}}{{.Gateway}}{{end}}",
        ],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    address = proc.stdout.strip()
    if proc.returncode != 0 or not address:
        raise EngineError(f"cannot read the bridge gateway: {proc.stderr.strip() or 'no address'}")
    return address


def run(argv: Sequence[str], stdin: IO[str], stdout: IO[str], stderr: IO[str]) -> int:
    """CLI: start (default) | status | host-gateway."""
    del stdin
    parser = argparse.ArgumentParser(
        prog="python -m l8dev.toolchain.engine", description=__doc__.splitlines()[0]
    )
    parser.add_argument("command", nargs="?", default="start", choices=("start", "status", "host-gateway"))
    parser.add_argument("--log", type=Path, default=DEFAULT_LOG, help="dockerd log file (start)")
    args = parser.parse_args(list(argv))
    try:
        if args.command == "start":
            ensure_engine(stdout, args.log)
        elif args.command == "status":
            version = server_version()
            stdout.write(f"engine: {'docker engine ' + version + ' answers' if version else 'no answer'}\n")
            return 0 if version else 1
        else:
            stdout.write(f"{ADD_HOST_FLAG}  ({HOST_ALIAS} -> {bridge_gateway_ip()})\n")
    except EngineError as exc:
        stderr.write(f"engine: error: {exc}\n")
        return 1
    return 0


def main() -> None:
    os.environ.setdefault("DOCKER_CLI_HINTS", "false")
    sys.exit(run(sys.argv[1:], sys.stdin, sys.stdout, sys.stderr))


if __name__ == "__main__":
    main()
