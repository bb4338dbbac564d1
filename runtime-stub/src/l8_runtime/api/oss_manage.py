"""ObjectStorageService RPCs that manage objects without moving bodies: DeleteObject, DeleteObjects,
CopyObject, ListObjects, ListObjectVersions, tagging, canned ACLs, RestoreObject, bandwidth limits.

Place in the runtime: mixin of the ObjectStorageService servicer (api/oss.py); semantics live in
components/oss. Restore requests and bandwidth limits are recorded in the outboxes ``oss_restore`` and
``oss_bandwidth`` (control ReadOutbox); nothing is throttled.
"""

from __future__ import annotations

from typing import Any

from google.protobuf import empty_pb2

from ..errors import invalid
from ..pb import oss
from .oss_transfer import OssBase
from .status import Ctx, unary


class ManageMixin(OssBase):
    @unary
    async def DeleteObject(self, request: oss.DeleteObjectInput, context: Ctx) -> oss.DeleteObjectOutput:
        d = self._oss(request.store_name).delete(request.bucket, request.key, request.version_id)
        return oss.DeleteObjectOutput(delete_marker=d.delete_marker, version_id=d.version_id)

    @unary
    async def DeleteObjects(self, request: oss.DeleteObjectsInput, context: Ctx) -> oss.DeleteObjectsOutput:
        store = self._oss(request.store_name)
        if not request.HasField("delete"):
            raise invalid("delete is required: the objects to delete", field="delete")
        done = store.delete_many(request.bucket, [(o.key, o.version_id) for o in request.delete.objects])
        if request.delete.quiet:
            return oss.DeleteObjectsOutput()
        return oss.DeleteObjectsOutput(
            deleted=[
                oss.DeletedObject(
                    delete_marker=d.delete_marker,
                    delete_marker_version_id=d.delete_marker_version_id,
                    key=d.key,
                    version_id=o.version_id,
                )
                for d, o in zip(done, request.delete.objects, strict=True)
            ]
        )

    @unary
    async def CopyObject(self, request: oss.CopyObjectInput, context: Ctx) -> oss.CopyObjectOutput:
        store = self._oss(request.store_name)
        if not request.HasField("copy_source"):
            raise invalid("copy_source is required", field="copy_source")
        src = request.copy_source
        v = store.copy(
            request.bucket,
            request.key,
            src.copy_source_bucket,
            src.copy_source_key,
            src.copy_source_version_id,
            tagging=dict(request.tagging),
            directive=request.metadata_directive,
            metadata=dict(request.metadata),
            expires=request.expires,
        )
        return oss.CopyObjectOutput(
            copy_object_result=oss.CopyObjectResult(etag=v.etag, last_modified=v.last_modified),
            version_id=v.version_id,
        )

    @unary
    async def ListObjects(self, request: oss.ListObjectsInput, context: Ctx) -> oss.ListObjectsOutput:
        store = self._oss(request.store_name)
        page = store.list_objects(
            request.bucket, request.prefix, request.delimiter, request.marker, request.maxKeys
        )
        owner = self._owner(store) if request.fetch_owner else None
        contents = [
            oss.Object(
                etag=v.etag,
                key=v.key,
                last_modified=v.last_modified,
                owner=owner,
                size=v.size,
                storage_class=v.storage_class,
                type=v.kind,
            )
            for v in page.items
        ]
        return oss.ListObjectsOutput(
            common_prefixes=page.common_prefixes,
            contents=contents,
            delimiter=request.delimiter,
            encoding_type=request.encoding_type,
            is_truncated=page.truncated,
            marker=request.marker,
            max_keys=page.limit,
            name=request.bucket,
            next_marker=page.next_marker,
            prefix=request.prefix,
        )

    @unary
    async def ListObjectVersions(
        self, request: oss.ListObjectVersionsInput, context: Ctx
    ) -> oss.ListObjectVersionsOutput:
        store = self._oss(request.store_name)
        page = store.list_versions(
            request.bucket,
            request.prefix,
            request.delimiter,
            request.key_marker,
            request.version_id_marker,
            request.max_keys,
        )
        owner = self._owner(store)
        out = oss.ListObjectVersionsOutput(
            common_prefixes=page.common_prefixes,
            delimiter=request.delimiter,
            encoding_type=request.encoding_type,
            is_truncated=page.truncated,
            key_marker=request.key_marker,
            max_keys=page.limit,
            name=request.bucket,
            next_key_marker=page.next_marker,
            next_version_id_marker=page.next_version_marker,
            prefix=request.prefix,
            version_id_marker=request.version_id_marker,
        )
        for v, latest in page.items:
            if v.is_delete_marker:
                out.delete_markers.append(
                    oss.DeleteMarkerEntry(
                        is_latest=latest,
                        key=v.key,
                        last_modified=v.last_modified,
                        owner=owner,
                        version_id=v.version_id,
                    )
                )
            else:
                out.versions.append(
                    oss.ObjectVersion(
                        etag=v.etag,
                        is_latest=latest,
                        key=v.key,
                        last_modified=v.last_modified,
                        owner=owner,
                        size=v.size,
                        storage_class=v.storage_class,
                        version_id=v.version_id,
                    )
                )
        return out

    @unary
    async def PutObjectTagging(
        self, request: oss.PutObjectTaggingInput, context: Ctx
    ) -> oss.PutObjectTaggingOutput:
        v = self._oss(request.store_name).put_tags(
            request.bucket, request.key, dict(request.tags), request.version_id
        )
        return oss.PutObjectTaggingOutput(version_id=v.version_id)

    @unary
    async def DeleteObjectTagging(
        self, request: oss.DeleteObjectTaggingInput, context: Ctx
    ) -> oss.DeleteObjectTaggingOutput:
        v = self._oss(request.store_name).put_tags(request.bucket, request.key, {}, request.version_id)
        return oss.DeleteObjectTaggingOutput(version_id=v.version_id)

    @unary
    async def GetObjectTagging(
        self, request: oss.GetObjectTaggingInput, context: Ctx
    ) -> oss.GetObjectTaggingOutput:
        v = self._oss(request.store_name).resolve(request.bucket, request.key, request.version_id)
        return oss.GetObjectTaggingOutput(tags=dict(v.tags), version_id=v.version_id)

    @unary
    async def GetObjectCannedAcl(
        self, request: oss.GetObjectCannedAclInput, context: Ctx
    ) -> oss.GetObjectCannedAclOutput:
        store = self._oss(request.store_name)
        v = store.resolve(request.bucket, request.key, request.version_id)
        return oss.GetObjectCannedAclOutput(canned_acl=v.acl, owner=self._owner(store))

    @unary
    async def PutObjectCannedAcl(
        self, request: oss.PutObjectCannedAclInput, context: Ctx
    ) -> oss.PutObjectCannedAclOutput:
        self._oss(request.store_name).put_acl(request.bucket, request.key, request.acl, request.version_id)
        return oss.PutObjectCannedAclOutput()

    @unary
    async def RestoreObject(self, request: oss.RestoreObjectInput, context: Ctx) -> oss.RestoreObjectOutput:
        store = self._oss(request.store_name)
        v = store.resolve(request.bucket, request.key, request.version_id)
        store.record(
            "oss_restore",
            {
                "bucket": request.bucket,
                "key": request.key,
                "version_id": v.version_id,
                "restore_request": _message_to_dict(request.restore_request),
            },
        )
        return oss.RestoreObjectOutput()

    async def _bandwidth(self, request: oss.UpdateBandwidthRateLimitInput, direction: str) -> empty_pb2.Empty:
        store = self._oss(request.store_name)
        if request.average_rate_limit_in_bits_per_sec < 0:
            raise invalid(
                "average_rate_limit_in_bits_per_sec must not be negative",
                field="average_rate_limit_in_bits_per_sec",
            )
        store.record(
            "oss_bandwidth",
            {
                "direction": direction,
                "average_rate_limit_in_bits_per_sec": request.average_rate_limit_in_bits_per_sec,
                "gateway_resource_name": request.gateway_resource_name,
            },
        )
        return empty_pb2.Empty()

    @unary
    async def UpdateDownloadBandwidthRateLimit(
        self, request: oss.UpdateBandwidthRateLimitInput, context: Ctx
    ) -> empty_pb2.Empty:
        return await self._bandwidth(request, "download")

    @unary
    async def UpdateUploadBandwidthRateLimit(
        self, request: oss.UpdateBandwidthRateLimitInput, context: Ctx
    ) -> empty_pb2.Empty:
        return await self._bandwidth(request, "upload")


def _message_to_dict(message: Any) -> dict[str, Any]:
    from google.protobuf import json_format  # on first use: not part of the runtime's start-up

    result: dict[str, Any] = json_format.MessageToDict(message)
    return result
