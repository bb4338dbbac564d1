"""ObjectStorageService RPCs that move object bodies or describe one object: PutObject, GetObject,
AppendObject, HeadObject, IsObjectExist, SignURL.

Place in the runtime: mixin of the ObjectStorageService servicer (api/oss.py); semantics live in
components/oss. Bodies stream through blob files chunk by chunk; attribute fields are read from the first
message of a client stream only; a failed or cancelled upload stores nothing.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import AsyncIterator
from typing import Any

from ..components.oss import ObjectStore
from ..components.oss.blobs import BlobWriter
from ..components.oss.model import DEFAULT_CONTENT_TYPE, check_acl, check_bucket_key, check_tags, http_date
from ..errors import invalid
from ..pb import oss
from .host import Host
from .status import Ctx, stream, unary


def md5_matches(given: str, hexdigest: str) -> bool:
    """``content_md5`` is base64 of the binary MD5 (HTTP Content-MD5); hex is accepted too."""
    try:
        return base64.b64decode(given, validate=True) == bytes.fromhex(hexdigest)
    except (binascii.Error, ValueError):
        return given.lower() == hexdigest


def headers_of(req: Any) -> dict[str, str]:
    out = {}
    for name in ("cache_control", "content_disposition", "content_encoding", "content_language"):
        value = getattr(req, name, "")
        if value:
            out[name] = value
    if getattr(req, "expires", 0):
        out["expires"] = str(req.expires)
    return out


class _Upload:
    """Streams the bodies of a client stream into a blob; finishes or aborts it exactly once."""

    def __init__(self, writer: BlobWriter) -> None:
        self.writer = writer
        self.result: tuple[str, int, str] | None = None

    def finish(
        self, store: ObjectStore, content_length: int = 0, content_md5: str = ""
    ) -> tuple[str, int, str]:
        self.result = blob, size, md5 = self.writer.finish()
        if content_length and content_length != size:
            store.blobs.delete(blob)
            raise invalid(
                f"content_length {content_length} differs from the {size} bytes received",
                field="content_length",
                reason="INCOMPLETE_BODY",
            )
        if content_md5 and not md5_matches(content_md5, md5):
            store.blobs.delete(blob)
            raise invalid(
                "content_md5 does not match the bytes received", field="content_md5", reason="BAD_DIGEST"
            )
        return self.result

    def abort(self) -> None:
        if self.result is None:
            self.writer.abort()


class OssBase:
    """What the three ObjectStorageService mixins share: the component lookup and the owner."""

    host: Host

    def _oss(self, name: str) -> ObjectStore:
        return self.host.component("oss", name, "store_name", ObjectStore)

    def _owner(self, store: ObjectStore) -> oss.Owner:
        return oss.Owner(display_name=store.owner_name, id=store.owner_id)


class TransferMixin(OssBase):
    @unary
    async def PutObject(
        self, request_iterator: AsyncIterator[oss.PutObjectInput], context: Ctx
    ) -> oss.PutObjectOutput:
        first: oss.PutObjectInput | None = None
        up: _Upload | None = None
        try:
            async for req in request_iterator:
                if first is None:
                    first = req
                    store = self._oss(req.store_name)
                    bucket, key = req.bucket, req.key
                    if req.signed_url:
                        bucket, key = store.signer.verify(req.signed_url, "PUT", now=self.host.ctx.wall())
                    check_bucket_key(bucket, key)
                    check_acl(req.acl)
                    check_tags(dict(req.tagging), "tagging")
                    up = _Upload(store.writer())
                assert up is not None
                up.writer.write(req.body)
            if first is None or up is None:
                raise invalid(
                    "empty stream: the first message must carry store_name, bucket and key", field="key"
                )
            blob = up.finish(store, first.content_length)
            v = store.commit(
                bucket,
                key,
                blob,
                meta=dict(first.meta),
                tags=dict(first.tagging),
                acl=first.acl,
                storage_class=first.storage_class or "STANDARD",
                headers=headers_of(first),
            )
        finally:
            if up is not None:
                up.abort()
        return oss.PutObjectOutput(
            bucket_key_enabled=first.bucket_key_enabled, etag=v.etag, version_id=v.version_id
        )

    @stream
    async def GetObject(
        self, request: oss.GetObjectInput, context: Ctx
    ) -> AsyncIterator[oss.GetObjectOutput]:
        store = self._oss(request.store_name)
        bucket, key = request.bucket, request.key
        if request.signed_url:
            bucket, key = store.signer.verify(request.signed_url, "GET", now=self.host.ctx.wall())
        v = store.resolve(bucket, key, request.version_id)
        store.check_conditions(
            v, request.if_match, request.if_none_match, request.if_modified_since, request.if_unmodified_since
        )
        sel = store.select(v, request.start, request.end, request.part_number)
        h = v.headers
        expires = request.response_expires or (http_date(int(h["expires"])) if h.get("expires") else "")
        head = oss.GetObjectOutput(
            cache_control=request.response_cache_control or h.get("cache_control", ""),
            content_disposition=request.response_content_disposition or h.get("content_disposition", ""),
            content_encoding=request.response_content_encoding or h.get("content_encoding", ""),
            content_language=request.response_content_language or h.get("content_language", ""),
            content_length=sel.length,
            content_range=sel.content_range,
            content_type=request.response_content_type or v.content_type or DEFAULT_CONTENT_TYPE,
            etag=v.etag,
            expires=expires,
            last_modified=v.last_modified,
            version_id=v.version_id,
            tag_count=len(v.tags),
            storage_class=v.storage_class,
            parts_count=v.parts_count,
            metadata=dict(v.meta),
        )
        sent_head = False
        for chunk in store.read(v, sel):
            if not sent_head:
                head.body = chunk
                sent_head = True
                yield head
            else:
                yield oss.GetObjectOutput(body=chunk)
        if not sent_head:
            yield head

    @unary
    async def AppendObject(
        self, request_iterator: AsyncIterator[oss.AppendObjectInput], context: Ctx
    ) -> oss.AppendObjectOutput:
        first: oss.AppendObjectInput | None = None
        up: _Upload | None = None
        try:
            async for req in request_iterator:
                if first is None:
                    first = req
                    store = self._oss(req.store_name)
                    check_bucket_key(req.bucket, req.key)
                    if req.position < 0:
                        raise invalid("position must not be negative", field="position")
                    check_acl(req.acl)
                    check_tags(dict(req.tags), "tags")
                    up = _Upload(store.writer())
                assert up is not None
                up.writer.write(req.body)
            if first is None or up is None:
                raise invalid(
                    "empty stream: the first message must carry store_name, bucket and key", field="key"
                )
            blob = up.finish(store, 0, first.content_md5)
            attrs = {
                "acl": first.acl,
                "tags": dict(first.tags),
                "storage_class": first.storage_class or "STANDARD",
                "headers": headers_of(first),
                "meta": {"meta": first.meta} if first.meta else {},
            }
            v = store.append(first.bucket, first.key, first.position, blob, **attrs)
        finally:
            if up is not None:
                up.abort()
        return oss.AppendObjectOutput(append_position=v.size)

    @unary
    async def HeadObject(self, request: oss.HeadObjectInput, context: Ctx) -> oss.HeadObjectOutput:
        store = self._oss(request.store_name)
        v = store.resolve(request.bucket, request.key, request.version_id)
        store.check_conditions(
            v, request.if_match, request.if_none_match, request.if_modified_since, request.if_unmodified_since
        )
        sel = store.select(v, part_number=request.part_number)
        meta = {
            "Content-Length": str(sel.length),
            "Content-Type": v.content_type or DEFAULT_CONTENT_TYPE,
            "ETag": v.etag,
            "Last-Modified": str(v.last_modified),
            "Storage-Class": v.storage_class,
            "Version-Id": v.version_id,
        }
        if request.with_details:
            meta |= {f"x-meta-{k}": val for k, val in v.meta.items()}
        return oss.HeadObjectOutput(result_metadata=meta)

    @unary
    async def IsObjectExist(self, request: oss.IsObjectExistInput, context: Ctx) -> oss.IsObjectExistOutput:
        store = self._oss(request.store_name)
        return oss.IsObjectExistOutput(
            file_exist=store.exists(request.bucket, request.key, request.version_id)
        )

    @unary
    async def SignURL(self, request: oss.SignURLInput, context: Ctx) -> oss.SignURLOutput:
        store = self._oss(request.store_name)
        check_bucket_key(request.bucket, request.key)
        if not request.method:
            raise invalid("method is required (GET or PUT)", field="method")
        url = store.signer.sign(
            request.bucket, request.key, request.method, request.expired_in_sec, now=self.host.ctx.wall()
        )
        return oss.SignURLOutput(signed_url=url)
