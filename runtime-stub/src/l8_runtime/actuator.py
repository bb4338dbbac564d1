"""Actuator HTTP endpoints with Layotto's paths and JSON shapes (default port 34999).

Place in the runtime: started by server.py next to the gRPC server; a minimal HTTP/1.1 server on asyncio
streams (one request per connection), so no web framework is needed.

- ``GET /actuator/health/liveness`` and ``/actuator/health/readiness``:
  ``{"components": {"runtime_startup": {"status": "UP", "details": {"reason": ""}}}, "status": "UP"}``;
  200 when UP, 500 when DOWN or INIT (Layotto's dispatch filter writes 500, not the documented 503).
  ``runtime_startup`` is INIT ("starting") until gRPC serves, UP while serving, DOWN ("shutdown") after.
- ``GET /actuator/info``: ``{"app": {"name": "l8-runtime", "version": "<version>"}}``.
- ``POST /actuator/logger`` with ``{"component": "<logger suffix>", "level": "debug"}`` sets a log level
  and returns ``{}``. When the runtime has an API token, it needs ``Authorization: Bearer <token>``
  (else 401); the read-only endpoints stay open for probes.
- Any other ``/actuator/<x>`` or path: 404 with an empty body; an unknown health type: 500.
- ``GET``/``PUT /oss/...``: signed OSS URLs (PresignedUrl), served by oss_http.py when given.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .oss_http import SignedUrlHttp

from .interceptors import bearer_matches

INIT, UP, DOWN = "INIT", "UP", "DOWN"
MAX_HEADER = 16 * 1024
MAX_BODY = 64 * 1024
REASONS = {
    200: "OK",
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    411: "Length Required",
    412: "Precondition Failed",
    413: "Payload Too Large",
    500: "Internal Server Error",
}


class HealthState:
    def __init__(self) -> None:
        self.status = INIT
        self.reason = "starting"

    def set(self, status: str, reason: str = "") -> None:
        self.status, self.reason = status, reason

    def body(self) -> dict[str, Any]:
        return {
            "components": {"runtime_startup": {"status": self.status, "details": {"reason": self.reason}}},
            "status": self.status,
        }


class Actuator:
    def __init__(
        self,
        health: HealthState,
        version: str,
        signed_urls: SignedUrlHttp | None = None,
        token: str | None = None,
    ) -> None:
        self.token = token
        self.health = health
        self.version = version
        self.signed_urls = signed_urls
        self.server: asyncio.Server | None = None

    async def start(self, host: str, port: int) -> int:
        self.server = await asyncio.start_server(self._serve, host, port)
        return int(self.server.sockets[0].getsockname()[1])

    async def stop(self) -> None:
        if self.server is not None:
            self.server.close()
            await self.server.wait_closed()

    def handle(self, method: str, path: str, body: bytes, authorization: str = "") -> tuple[int, bytes]:
        path = path.split("?", 1)[0].rstrip("/")
        if path in ("/actuator/health/liveness", "/actuator/health/readiness"):
            payload = self.health.body()
            return (200 if payload["status"] == UP else 500), _json(payload)
        if path.startswith("/actuator/health/"):
            return 500, _json({"error": f"invalid health type {path.rsplit('/', 1)[1]!r}"})
        if path == "/actuator/info":
            return 200, _json({"app": {"name": "l8-runtime", "version": self.version}})
        if path == "/actuator/logger" and method == "POST":
            if self.token and not bearer_matches(authorization, self.token):
                return 401, _json(
                    {"error": "missing or invalid API token: send `Authorization: Bearer <token>`"}
                )
            return self._logger(body)
        return 404, b""

    def _logger(self, body: bytes) -> tuple[int, bytes]:
        try:
            req = json.loads(body or b"{}")
            level = str(req.get("level", "")).upper()
            component = str(req.get("component", ""))
        except (ValueError, AttributeError):
            return 400, _json({"error": "body must be a JSON object with component and level"})
        if level not in ("DEBUG", "INFO", "WARNING", "WARN", "ERROR", "CRITICAL", "FATAL"):
            return 400, _json({"error": f"unknown level {level!r}"})
        level = {"WARN": "WARNING", "FATAL": "CRITICAL"}.get(level, level)
        name = "l8.runtime" + (f".{component}" if component else "")
        logging.getLogger(name).setLevel(level)
        return 200, b"{}"

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            try:
                head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
            except (asyncio.LimitOverrunError, asyncio.IncompleteReadError, TimeoutError):
                return
            if len(head) > MAX_HEADER:
                await _respond(writer, 413, b"")
                return
            lines = head.decode("latin-1").split("\r\n")
            parts = lines[0].split(" ")
            if len(parts) != 3:
                await _respond(writer, 400, b"")
                return
            method, path = parts[0].upper(), parts[1]
            length = 0
            authorization = ""
            for line in lines[1:]:
                name, _, value = line.partition(":")
                if name.strip().lower() == "authorization":
                    authorization = value.strip()
                if name.strip().lower() == "content-length":
                    length = int(value.strip() or 0) if value.strip().isdigit() else -1
            if self.signed_urls is not None and path.startswith("/oss/"):
                known = any(line.partition(":")[0].strip().lower() == "content-length" for line in lines[1:])
                if length < 0:
                    await _respond(writer, 400, b"")
                    return
                status, payload, headers = await self.signed_urls.handle(
                    method, path, length if known else None, reader
                )
                await _respond(writer, status, payload, head_only=method == "HEAD", headers=headers)
                return
            if length < 0 or length > MAX_BODY:
                await _respond(writer, 413 if length > MAX_BODY else 400, b"")
                return
            body = await reader.readexactly(length) if length else b""
            status, payload = self.handle(method, path, body, authorization)
            await _respond(writer, status, payload, head_only=method == "HEAD")
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()


def _json(obj: Any) -> bytes:
    return json.dumps(obj, separators=(",", ":")).encode()


async def _respond(
    writer: asyncio.StreamWriter,
    status: int,
    body: bytes,
    head_only: bool = False,
    headers: dict[str, str] | None = None,
) -> None:
    extra = dict(headers) if headers is not None else ({"Content-Type": "application/json"} if body else {})
    head = [
        f"HTTP/1.1 {status} {REASONS.get(status, 'Error')}",
        f"Content-Length: {len(body)}",
        "Connection: close",
        *(f"{k}: {v}" for k, v in extra.items()),
    ]
    writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + (b"" if head_only else body))
    await writer.drain()
