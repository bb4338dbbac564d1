"""A headless-Chromium session over the DevTools protocol (CDP), for the reference site's browser check.

Place: test tooling of ``l8gen.reference`` (used by ``reference.check``; nothing in ``generate`` needs it).
Starts Debian's ``chromium`` with ``--remote-debugging-port=0`` in a temporary profile, connects to its first
page over a WebSocket (``websockets``, pinned in pyproject.toml) and offers ``navigate``, ``evaluate`` and
``screenshot``; every console error, uncaught exception and failed load is collected in ``problems``.
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import json
import re
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from types import TracebackType
from typing import Any

from websockets.sync.client import ClientConnection, connect

_LISTENING = re.compile(r"DevTools listening on (ws://\S+)")
BROWSERS = ("chromium", "chromium-browser", "google-chrome")


class BrowserError(Exception):
    """The browser could not be started or did not answer."""


def find_browser() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    raise BrowserError("no Chromium found (Debian: apt-get install -y chromium; `nox -s bootstrap` does it)")


class Browser:
    """One headless Chromium with one page; use as a context manager."""

    def __init__(self, timeout: float = 30.0, width: int = 1280, height: int = 900) -> None:
        self.timeout = timeout
        self.size = (width, height)
        self.problems: list[str] = []
        self._ids = itertools.count(1)
        self._profile = tempfile.TemporaryDirectory(prefix="l8-chromium-", ignore_cleanup_errors=True)
        self._proc: subprocess.Popen[str] | None = None
        self._ws: ClientConnection | None = None
        self._stack = contextlib.ExitStack()

    def __enter__(self) -> Browser:
        width, height = self.size
        self._proc = subprocess.Popen(
            [find_browser(), "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--no-default-browser-check", "--disable-extensions", "--remote-debugging-port=0",
             "--remote-debugging-address=127.0.0.1", f"--user-data-dir={self._profile.name}",
             f"--window-size={width},{height}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        endpoint = self._wait_listening()
        port = endpoint.split("//", 1)[1].split("/", 1)[0]
        deadline = time.monotonic() + self.timeout
        page_ws = ""
        while not page_ws and time.monotonic() < deadline:
            with urllib.request.urlopen(f"http://{port}/json/list", timeout=5) as resp:  # noqa: S310 (loopback)
                pages = [t for t in json.load(resp) if t.get("type") == "page"]
            page_ws = pages[0]["webSocketDebuggerUrl"] if pages else ""
            if not page_ws:
                time.sleep(0.1)
        if not page_ws:
            raise BrowserError("Chromium opened no page")
        self._ws = self._stack.enter_context(connect(page_ws, max_size=None, open_timeout=self.timeout))
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable")
        return self

    def _wait_listening(self) -> str:
        assert self._proc is not None and self._proc.stderr is not None
        deadline = time.monotonic() + self.timeout
        for line in self._proc.stderr:
            found = _LISTENING.search(line)
            if found:  # keep draining stderr so a chatty browser never blocks on a full pipe
                threading.Thread(target=self._proc.stderr.read, daemon=True).start()
                return found.group(1)
            if time.monotonic() > deadline:
                break
        raise BrowserError(f"Chromium printed no DevTools endpoint (exit code {self._proc.poll()})")

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._ws is not None:
            with contextlib.suppress(Exception):  # closing is best effort; terminate() follows
                self._ws.send(json.dumps({"id": next(self._ids), "method": "Browser.close"}))
        self._stack.close()
        if self._proc is not None:
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.terminate()
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        self._profile.cleanup()

    def _event(self, message: dict[str, Any]) -> None:
        method, params = message.get("method", ""), message.get("params", {})
        if method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            text = details.get("exception", {}).get("description") or details.get("text", "")
            self.problems.append(f"uncaught exception: {text}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            args = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
            self.problems.append(f"console.{params['type']}: {args}")
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            source, text, url = entry.get("source", "log"), entry.get("text", ""), entry.get("url", "")
            self.problems.append(f"{source} error: {text} {url}".rstrip())

    def send(self, method: str, wait_event: str | None = None, **params: Any) -> dict[str, Any]:
        """Send one CDP command; returns its result (and, with ``wait_event``, waits for that event too)."""
        assert self._ws is not None
        ident = next(self._ids)
        self._ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        result: dict[str, Any] | None = None
        seen = wait_event is None
        deadline = time.monotonic() + self.timeout
        while result is None or not seen:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise BrowserError(f"no answer to {method} within {self.timeout:.0f}s")
            message = json.loads(self._ws.recv(timeout=remaining))
            if message.get("id") == ident:
                if "error" in message:
                    raise BrowserError(f"{method}: {message['error'].get('message', message['error'])}")
                result = message.get("result", {})
            elif "method" in message:
                self._event(message)
                seen = seen or message["method"] == wait_event
        return result

    def navigate(self, url: str) -> None:
        """Open ``url`` and wait for its load event."""
        result = self.send("Page.navigate", wait_event="Page.loadEventFired", url=url)
        if result.get("errorText"):
            self.problems.append(f"navigation to {url} failed: {result['errorText']}")

    def evaluate(self, expression: str) -> Any:
        """The JSON value of a JavaScript expression in the page (promises awaited)."""
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise BrowserError(f"evaluating {expression[:60]!r}: {result['exceptionDetails'].get('text')}")
        return result.get("result", {}).get("value")

    def screenshot(self, path: Path) -> Path:
        data = self.send("Page.captureScreenshot", format="png")["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        return path
