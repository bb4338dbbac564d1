"""A reference runtime in its own process for the fuzz run and the memory tests: start, address, RSS, death.

Place in the pipeline: used by ``nox -s fuzz`` (runtime-stub/tests/fuzz/run_fuzz.py) and by the issue-18
memory regression tests. The runtime is started like a user starts it (``python -m l8_runtime`` with free
ports), so its RSS is the runtime's alone, not the client's.
"""

from __future__ import annotations

import re
import subprocess
import sys
import threading
import time
from collections import deque
from pathlib import Path

from l8_runtime.ready import READY_RE  # noqa: E402  (the one definition)


class RuntimeProcess:
    def __init__(self, *args: str, ready_timeout: float = 60.0) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "l8_runtime", "--grpc-port", "0", "--http-port", "0", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.stderr_tail: deque[str] = deque(maxlen=400)
        self._err = threading.Thread(target=self._drain_stderr, daemon=True)
        self._err.start()
        deadline = time.monotonic() + ready_timeout
        assert self.proc.stdout is not None
        self.grpc = self.http = ""
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                break
            m = READY_RE.search(line)
            if m:
                self.grpc, self.http = m.group(1), m.group(2)
                break
        if not self.grpc:
            self.stop()
            raise RuntimeError("runtime did not become ready:\n" + "".join(self.stderr_tail))
        threading.Thread(target=self._drain_stdout, daemon=True).start()

    def _drain_stderr(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.stderr_tail.append(line)

    def _drain_stdout(self) -> None:
        assert self.proc.stdout is not None
        for _ in self.proc.stdout:
            pass

    def alive(self) -> bool:
        return self.proc.poll() is None

    def rss_bytes(self) -> int:
        status = Path(f"/proc/{self.proc.pid}/status").read_text(encoding="ascii")
        m = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
        return int(m.group(1)) * 1024 if m else 0

    def log_text(self) -> str:
        return "".join(self.stderr_tail)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
