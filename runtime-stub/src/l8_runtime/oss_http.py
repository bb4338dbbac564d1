"""Signed OSS URLs over HTTP: ``GET``/``PUT /oss/<store>/<bucket>/<key>?X-L8-...`` on the actuator port.

Place in the runtime: ObjectStorageService.SignURL (PresignedUrl) hands out URLs under ``urlBase``, which
defaults to ``http://<actuator host>:<actual actuator port>/oss`` (server.py sets it once the actuator is
bound). The actuator (actuator.py) passes every ``/oss/...`` request here. The store is the first path
segment; the signature, the method it was signed for and the expiry are checked by the store's
``UrlSigner`` exactly as for the gRPC ``signed_url`` fields.

- GET: 200 with the object's bytes (``Content-Type`` of the object, ``ETag``); 404 if there is none.
- PUT: the body (``Content-Length`` required) becomes the newest version; 200 with the ``ETag``.
- A bad or expired signature: 403; a malformed URL: 400; an unknown store: 404; errors carry a JSON body
  ``{"error": "<code>", "message": "..."}``.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from .components.base import Component
from .components.registry import Components
from .context import RuntimeContext
from .errors import ApiError

if TYPE_CHECKING:  # imported by _store: the start to READY does not import the object store
    from .components.oss.store import ObjectStore

PREFIX = "/oss/"
READ_CHUNK = 64 * 1024
STATUS = {
    "INVALID_ARGUMENT": 400,
    "PERMISSION_DENIED": 403,
    "NOT_FOUND": 404,
    "FAILED_PRECONDITION": 412,
    "UNIMPLEMENTED": 405,
}

Reply = tuple[int, bytes, dict[str, str]]


class SignedUrlHttp:
    """Serves signed URLs of the runtime's object stores (``components.by_api["oss"]``)."""

    def __init__(self, components: Components, ctx: RuntimeContext) -> None:
        self.components = components
        self.ctx = ctx

    def wall(self) -> float:
        return self.ctx.wall()

    async def handle(
        self, method: str, target: str, length: int | None, reader: asyncio.StreamReader
    ) -> Reply:
        try:
            store = self._store(target)
            if method == "GET":
                return self._get(store, target)
            if method == "PUT":
                return await self._put(store, target, length, reader)
            return _error(405, "UNIMPLEMENTED", f"signed URLs serve GET and PUT, not {method}")
        except ApiError as exc:
            return _error(STATUS.get(exc.code, 400), exc.code, str(exc))

    def _store(self, target: str) -> ObjectStore:
        path = urlsplit(target).path
        name = unquote(path[len(PREFIX) :].split("/", 1)[0])
        from .components.oss.store import ObjectStore

        stores: Mapping[str, Component] = self.components.by_api.get("oss", {})
        comp = stores.get(name)
        if not isinstance(comp, ObjectStore):
            raise ApiError("NOT_FOUND", f"no object store named {name!r} serves signed URLs")
        return comp

    def _get(self, store: ObjectStore, target: str) -> Reply:
        bucket, key = store.signer.verify(target, "GET", now=self.wall())
        version = store.resolve(bucket, key)
        body = b"".join(store.read(version))
        headers = {"Content-Type": version.content_type or "application/octet-stream", "ETag": version.etag}
        return 200, body, headers

    async def _put(
        self, store: ObjectStore, target: str, length: int | None, reader: asyncio.StreamReader
    ) -> Reply:
        bucket, key = store.signer.verify(target, "PUT", now=self.wall())
        if length is None:
            return _error(411, "INVALID_ARGUMENT", "PUT to a signed URL needs a Content-Length")
        writer = store.writer()
        try:
            left = length
            while left:
                chunk = await reader.readexactly(min(left, READ_CHUNK))
                writer.write(chunk)
                left -= len(chunk)
            version = store.commit(bucket, key, writer)
        except BaseException:
            writer.abort()
            raise
        return 200, b"", {"ETag": version.etag}


def _error(status: int, code: str, message: str) -> Reply:
    body = json.dumps({"error": code, "message": message}, separators=(",", ":")).encode()
    return status, body, {"Content-Type": "application/json"}
