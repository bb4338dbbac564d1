"""Driver process: the runner's side of the line protocol (docs/CONTRACTS.md §4).

Place in the pipeline: executor -> DriverProcess -> one long-lived driver per language (sdks/<lang>/...) ->
SDK public API -> runtime. One JSON object per line each way; replies echo the request id. The driver's
stderr goes to a log file; a driver that dies, hangs or writes a non-JSON line is a DriverFailure (the case
is recorded as `error` and the driver restarted), never a silent pass.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from l8compat import protocol


class DriverFailure(RuntimeError):
    """The driver broke the protocol: died, hung, or wrote something that is not a reply."""


class DriverTimeout(DriverFailure):
    """No reply within the op's budget: usually a runtime call that never returns (a wedged runtime)."""


@dataclass
class Reply:
    ok: bool
    body: dict[str, Any]
    duration_ms: float
    error: dict[str, Any] = field(default_factory=dict)

    @property
    def code(self) -> str:
        return str(self.error.get("code", "")) if not self.ok else "OK"


class DriverProcess:
    def __init__(
        self,
        language: str,
        argv: list[str],
        cwd: Path,
        env: dict[str, str] | None = None,
        log_path: Path | None = None,
    ) -> None:
        self.language = language
        self.argv, self.cwd = argv, cwd
        self.env = {**os.environ, **(env or {})}
        self.log_path = log_path
        self._next_id = 0
        self._proc: subprocess.Popen[str] | None = None
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._log: IO[str] | None = None
        self.hello: dict[str, Any] = {}

    # -- lifecycle -------------------------------------------------------------------------------------
    def start(self, timeout_s: float = 60.0) -> dict[str, Any]:
        if self.log_path is not None:
            self.log_path.parent.mkdir(parents=True, exist_ok=True)
            self._log = self.log_path.open("a", encoding="utf-8")
        try:
            self._proc = subprocess.Popen(
                self.argv,
                cwd=self.cwd,
                env=self.env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._log if self._log is not None else subprocess.DEVNULL,
                text=True,
                bufsize=1,
                encoding="utf-8",
            )
        except OSError as exc:
            raise DriverFailure(
                f"{self.language} driver could not start ({' '.join(self.argv)}): {exc}"
            ) from exc
        self._lines = queue.Queue()
        threading.Thread(target=self._pump, args=(self._proc,), daemon=True).start()
        reply = self.request("hello", timeout_s=timeout_s)
        if not reply.ok:
            raise DriverFailure(f"{self.language} driver refused hello: {reply.error}")
        self.hello = reply.body
        return self.hello

    def _pump(self, proc: subprocess.Popen[str]) -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            self._lines.put(line)
        self._lines.put(None)

    @property
    def alive(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def stop(self, timeout_s: float = 10.0) -> None:
        proc = self._proc
        if proc is None:
            return
        if proc.poll() is None:
            try:
                self.request("quit", timeout_s=timeout_s)
            except DriverFailure:
                pass
            try:
                proc.wait(timeout=timeout_s)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=timeout_s)
        self._proc = None
        if self._log is not None:
            self._log.close()
            self._log = None

    def kill(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait(timeout=10)
        self._proc = None
        if self._log is not None:
            self._log.close()
            self._log = None

    def log_tail(self, lines: int = 15) -> str:
        if self.log_path is None or not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    # -- protocol --------------------------------------------------------------------------------------
    def request(self, op: str, timeout_s: float = 30.0, **fields: Any) -> Reply:
        proc = self._proc
        if proc is None or proc.poll() is not None or proc.stdin is None:
            raise DriverFailure(
                f"{self.language} driver is not running (exit {proc and proc.poll()})\n{self.log_tail()}"
            )
        self._next_id += 1
        rid = self._next_id
        outgoing = {"id": rid, "op": op, **fields}
        problems = protocol.request_problems(outgoing)
        if problems:  # the harness's own mistake: a case or action built a request the protocol lacks
            raise ValueError(f"{op} request breaks the driver protocol: {'; '.join(problems)}")
        line = json.dumps(outgoing, separators=(",", ":"))
        started = time.monotonic()
        try:
            proc.stdin.write(line + "\n")
            proc.stdin.flush()
        except (BrokenPipeError, OSError) as exc:
            raise DriverFailure(f"{self.language} driver closed stdin: {exc}\n{self.log_tail()}") from exc
        deadline = started + timeout_s
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise DriverTimeout(
                    f"{self.language} driver gave no reply to {op} #{rid} in {timeout_s:.0f}s"
                )
            try:
                raw = self._lines.get(timeout=remaining)
            except queue.Empty:
                continue
            if raw is None:
                self._lines.put(None)
                raise DriverFailure(
                    f"{self.language} driver exited (code {proc.wait()}) during {op}\n{self.log_tail()}"
                )
            try:
                msg = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise DriverFailure(
                    f"{self.language} driver wrote a non-JSON line on stdout: {raw[:200]!r}"
                ) from exc
            if not isinstance(msg, dict) or "id" not in msg or "ok" not in msg:
                raise DriverFailure(f"{self.language} driver reply lacks id/ok: {raw[:200]!r}")
            if msg["id"] != rid:
                if isinstance(msg["id"], int) and msg["id"] < rid:
                    continue  # late reply to an abandoned request
                raise DriverFailure(
                    f"{self.language} driver replied to id {msg['id']} while waiting for {rid}"
                )
            elapsed = (time.monotonic() - started) * 1000
            problems = protocol.reply_problems(op, msg)
            if problems:
                raise DriverFailure(
                    f"{self.language} driver's reply to {op} #{rid} breaks the protocol "
                    f"(compat-tests/schema/driver.schema.json): {'; '.join(problems)}: {raw[:200]!r}"
                )
            if msg["ok"] is True:
                return Reply(True, msg, elapsed)
            err = msg.get("error")
            if not isinstance(err, dict) or not isinstance(err.get("code"), str):
                raise DriverFailure(f"{self.language} driver failure reply lacks error.code: {raw[:200]!r}")
            return Reply(False, msg, elapsed, err)
