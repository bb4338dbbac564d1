"""ObjectStorageService multipart RPCs: CreateMultipartUpload, UploadPart (client stream), UploadPartCopy,
CompleteMultipartUpload, AbortMultipartUpload, ListMultipartUploads, ListParts.

Place in the runtime: mixin of the ObjectStorageService servicer (api/oss.py); rules live in
components/oss/multipart.py.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from ..components.oss.model import DEFAULT_CONTENT_TYPE
from ..errors import invalid
from ..pb import oss
from .oss_transfer import OssBase, _Upload, headers_of
from .status import Ctx, unary


class MultipartMixin(OssBase):
    @unary
    async def CreateMultipartUpload(
        self, request: oss.CreateMultipartUploadInput, context: Ctx
    ) -> oss.CreateMultipartUploadOutput:
        store = self._oss(request.store_name)
        up = store.create_upload(
            request.bucket,
            request.key,
            acl=request.acl,
            meta=dict(request.meta_data),
            tags=dict(request.tagging),
            storage_class=request.storage_class or "STANDARD",
            content_type=request.content_type or DEFAULT_CONTENT_TYPE,
            headers=headers_of(request),
        )
        return oss.CreateMultipartUploadOutput(
            bucket=request.bucket,
            key=request.key,
            bucket_key_enabled=request.bucket_key_enabled,
            sse_customer_algorithm=request.sse_customer_algorithm,
            sse_customer_key_md5=request.sse_customer_key_md5,
            sse_kms_encryption_context=request.sse_kms_encryption_context,
            sse_kms_key_id=request.sse_kms_key_id,
            server_side_encryption=request.server_side_encryption,
            upload_id=up.upload_id,
        )

    @unary
    async def UploadPart(
        self, request_iterator: AsyncIterator[oss.UploadPartInput], context: Ctx
    ) -> oss.UploadPartOutput:
        first: oss.UploadPartInput | None = None
        up: _Upload | None = None
        try:
            async for req in request_iterator:
                if first is None:
                    first = req
                    store = self._oss(req.store_name)
                    store.upload(req.bucket, req.key, req.upload_id)
                    if not 1 <= req.part_number <= 10_000:
                        raise invalid(
                            f"part_number must be between 1 and 10000, got {req.part_number}",
                            field="part_number",
                        )
                    up = _Upload(store.writer())
                assert up is not None
                up.writer.write(req.body)
            if first is None or up is None:
                raise invalid(
                    "empty stream: the first message must carry the upload and part number", field="upload_id"
                )
            blob = up.finish(store, first.content_length, first.content_md5)
            part = store.put_part(first.bucket, first.key, first.upload_id, first.part_number, blob)
        finally:
            if up is not None:
                up.abort()
        return oss.UploadPartOutput(
            etag=part.etag,
            sse_customer_algorithm=first.sse_customer_algorithm,
            sse_customer_key_md5=first.sse_customer_key_md5,
        )

    @unary
    async def UploadPartCopy(
        self, request: oss.UploadPartCopyInput, context: Ctx
    ) -> oss.UploadPartCopyOutput:
        store = self._oss(request.store_name)
        if not request.HasField("copy_source"):
            raise invalid("copy_source is required", field="copy_source")
        src = request.copy_source
        part = store.copy_part(
            request.bucket,
            request.key,
            request.upload_id,
            request.part_number,
            src.copy_source_bucket,
            src.copy_source_key,
            src.copy_source_version_id,
            request.start_position,
            request.part_size,
        )
        return oss.UploadPartCopyOutput(
            copy_part_result=oss.CopyPartResult(etag=part.etag, last_modified=part.last_modified),
            copy_source_version_id=src.copy_source_version_id,
        )

    @unary
    async def CompleteMultipartUpload(
        self, request: oss.CompleteMultipartUploadInput, context: Ctx
    ) -> oss.CompleteMultipartUploadOutput:
        store = self._oss(request.store_name)
        store.upload(request.bucket, request.key, request.upload_id)
        parts = [(p.part_number, p.etag) for p in request.multipart_upload.parts]
        v = store.complete_upload(request.bucket, request.key, request.upload_id, parts)
        return oss.CompleteMultipartUploadOutput(
            bucket=request.bucket,
            key=request.key,
            etag=v.etag,
            location=f"/{request.bucket}/{request.key}",
            version_id=v.version_id,
        )

    @unary
    async def AbortMultipartUpload(
        self, request: oss.AbortMultipartUploadInput, context: Ctx
    ) -> oss.AbortMultipartUploadOutput:
        self._oss(request.store_name).abort_upload(request.bucket, request.key, request.upload_id)
        return oss.AbortMultipartUploadOutput()

    @unary
    async def ListMultipartUploads(
        self, request: oss.ListMultipartUploadsInput, context: Ctx
    ) -> oss.ListMultipartUploadsOutput:
        store = self._oss(request.store_name)
        page = store.list_uploads(
            request.bucket,
            request.prefix,
            request.key_marker,
            request.upload_id_marker,
            request.max_uploads,
            request.delimiter,
        )
        owner = self._owner(store)
        initiator = oss.Initiator(display_name=owner.display_name, id=owner.id)
        uploads = [
            oss.MultipartUpload(
                initiated=u.initiated,
                initiator=initiator,
                key=u.key,
                owner=owner,
                storage_class=u.storage_class,
                upload_id=u.upload_id,
            )
            for u in page.items
        ]
        return oss.ListMultipartUploadsOutput(
            bucket=request.bucket,
            common_prefixes=page.common_prefixes,
            delimiter=request.delimiter,
            encoding_type=request.encoding_type,
            is_truncated=page.truncated,
            key_marker=request.key_marker,
            max_uploads=page.limit,
            next_key_marker=page.next_marker,
            next_upload_id_marker=page.next_version_marker,
            prefix=request.prefix,
            upload_id_marker=request.upload_id_marker,
            uploads=uploads,
        )

    @unary
    async def ListParts(self, request: oss.ListPartsInput, context: Ctx) -> oss.ListPartsOutput:
        store = self._oss(request.store_name)
        if request.part_number_marker < 0:
            raise invalid("part_number_marker must not be negative", field="part_number_marker")
        page = store.list_parts(
            request.bucket, request.key, request.upload_id, request.part_number_marker, request.max_parts
        )
        parts = [
            oss.Part(etag=p.etag, last_modified=p.last_modified, part_number=p.number, size=p.size)
            for p in page.items
        ]
        return oss.ListPartsOutput(
            bucket=request.bucket,
            key=request.key,
            upload_id=request.upload_id,
            next_part_number_marker=page.next_marker,
            max_parts=page.limit,
            is_truncated=page.truncated,
            parts=parts,
        )
