"""The local S3-like object store (`oss` API, type ``local``): versioned objects in buckets.

Place in the runtime: the component behind ObjectStorageService (the gRPC layer is api/oss_*.py). The
behaviour is the one documented in proto/spec/proto/extension/v1/s3/oss.proto:

- Buckets are implicit (created by the first write); bucket and key must not be empty.
- Every write (PutObject, CopyObject, CompleteMultipartUpload, AppendObject) creates a new version with a
  fresh ``version_id``; ``etag`` is the lowercase hex MD5 of the body (multipart: MD5 of the binary part
  MD5s + "-<parts>").
- DeleteObject without ``version_id`` adds a delete marker (deleting a missing key changes nothing);
  with ``version_id`` it removes that version or marker for good (NOT_FOUND when there is none).
- Reads of a missing object / version / delete marker are NOT_FOUND; ``if_*`` conditions that do not
  hold are FAILED_PRECONDITION; ranges starting past the end are OUT_OF_RANGE.
- AppendObject creates an "Appendable" object at position 0 and appends when ``position`` equals the
  current length (else FAILED_PRECONDITION); each append is a new version.
- SignURL returns an HMAC-SHA256 signed URL that GetObject/PutObject accept in ``signed_url``.
- RestoreObject and bandwidth limits are recorded (outboxes ``oss_restore`` / ``oss_bandwidth``).
Bodies stream through blob files (blobs.py); the metadata lives in memory.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, NamedTuple

from ... import ids
from ...errors import ApiError, failed_precondition, invalid, not_found
from ..base import Component, meta_int
from .blobs import BlobStore, BlobWriter
from .listing import ListingOps, ListPage
from .model import UrlSigner, Version, check_acl, check_bucket_key, check_tags
from .multipart import MultipartOps

MAX_DELETE = 1000


class Deleted(NamedTuple):
    key: str
    version_id: str = ""
    delete_marker: bool = False
    delete_marker_version_id: str = ""


class Selected(NamedTuple):
    """The byte range of a version a read returns."""

    offset: int
    length: int
    content_range: str = ""


class ObjectStore(MultipartOps, ListingOps, Component):
    api = "oss"
    protected_keys = frozenset({"signingKey"})
    type_name = "local"

    def __init__(self, name: str, metadata: Mapping[str, str], ctx) -> None:  # type: ignore[no-untyped-def]
        self._lock = threading.RLock()
        self._buckets: dict[str, dict[str, list[Version]]] = {}
        self._init_multipart()
        super().__init__(name, metadata, ctx)
        # the index lives in memory: blobs found at start (a --data-dir reused after a restart or kill -9)
        # belong to no object and would outlive it forever
        self.blobs.clear()

    def configure(self, metadata: dict[str, str]) -> None:
        root = self.ctx.storage_dir("oss", self.name)
        self.blobs = BlobStore(root / "blobs", meta_int(metadata, "chunkSize", 64 * 1024, minimum=1))
        secret = metadata.get("signingKey", "").encode() or os.urandom(32)
        url_base = metadata.get("urlBase", "")
        # default: the actuator's actual address (server.py sets ctx.oss_url_base once it is bound)
        self.signer = UrlSigner(secret, url_base or (lambda: self.ctx.oss_url_base), self.name)
        self.owner_id = metadata.get("ownerId", "l8-local-owner")
        self.owner_name = metadata.get("ownerDisplayName", "l8-runtime")
        super().configure(metadata)

    def now(self) -> int:
        return int(self.ctx.wall())

    # ---- writing -----------------------------------------------------------------------------------------
    def writer(self) -> BlobWriter:
        return self.blobs.writer()

    def commit(self, bucket: str, key: str, w: BlobWriter | tuple[str, int, str], **attrs: Any) -> Version:
        """Finish a blob and make it the newest version of ``bucket/key``."""
        blob, size, md5 = w.finish() if isinstance(w, BlobWriter) else w
        try:
            check_bucket_key(bucket, key)
            attrs["acl"] = check_acl(attrs.get("acl", ""))
            attrs["tags"] = check_tags(dict(attrs.get("tags") or {}), attrs.pop("tags_field", "tagging"))
        except ApiError:
            self.blobs.delete(blob)
            raise
        etag = attrs.pop("etag", md5)
        if self.ctx.mutated("oss-etag-random"):
            etag = ids.hex_id()
        v = Version(
            key=key,
            version_id=ids.hex_id(),
            last_modified=self.now(),
            blob=blob,
            size=size,
            etag=etag,
            **attrs,
        )
        with self._lock:
            self._buckets.setdefault(bucket, {}).setdefault(key, []).append(v)
        return v

    def append(
        self, bucket: str, key: str, position: int, w: BlobWriter | tuple[str, int, str], **attrs: Any
    ) -> Version:
        """Append the bytes of ``w`` at ``position`` (a new version); attrs apply on creation only."""
        tmp = w.finish() if isinstance(w, BlobWriter) else w
        used = False
        try:
            check_bucket_key(bucket, key)
            with self._lock:
                versions = self._buckets.get(bucket, {}).get(key, [])
                live = versions[-1] if versions and not versions[-1].is_delete_marker else None
                if live is None:
                    if position != 0:
                        raise failed_precondition(
                            f"object {key!r} does not exist, so position must be 0, got {position}",
                            reason="POSITION_NOT_EQUAL_TO_LENGTH",
                            next_position="0",
                        )
                    used = True
                    return self.commit(bucket, key, tmp, kind="Appendable", tags_field="tags", **attrs)
                if live.kind != "Appendable":
                    raise failed_precondition(
                        f"object {key!r} was not created by AppendObject", reason="OBJECT_NOT_APPENDABLE"
                    )
                if position != live.size:
                    raise failed_precondition(
                        f"position {position} does not equal the object length {live.size}",
                        reason="POSITION_NOT_EQUAL_TO_LENGTH",
                        next_position=str(live.size),
                    )
                assert live.blob is not None
                joined = self.blobs.concat([live.blob, tmp[0]])
                return self.commit(
                    bucket,
                    key,
                    joined,
                    kind="Appendable",
                    meta=dict(live.meta),
                    tags=dict(live.tags),
                    acl=live.acl,
                    storage_class=live.storage_class,
                    content_type=live.content_type,
                    headers=dict(live.headers),
                )
        finally:
            if not used:
                self.blobs.delete(tmp[0])

    # ---- reading -----------------------------------------------------------------------------------------
    def resolve(self, bucket: str, key: str, version_id: str = "") -> Version:
        check_bucket_key(bucket, key)
        with self._lock:
            versions = self._buckets.get(bucket, {}).get(key, [])
            if version_id:
                for v in versions:
                    if v.version_id == version_id:
                        if v.is_delete_marker:
                            raise not_found(
                                f'version "{version_id}" of object "{key}" is a delete marker',
                                reason="NO_SUCH_VERSION",
                                bucket=bucket,
                                key=key,
                            )
                        return v
                raise not_found(
                    f'version "{version_id}" of object "{key}" not found in bucket "{bucket}"',
                    reason="NO_SUCH_VERSION",
                    bucket=bucket,
                    key=key,
                )
            if not versions or versions[-1].is_delete_marker:
                raise not_found(
                    f'object "{key}" not found in bucket "{bucket}"',
                    reason="NO_SUCH_KEY",
                    bucket=bucket,
                    key=key,
                )
            return versions[-1]

    def exists(self, bucket: str, key: str, version_id: str = "") -> bool:
        try:
            self.resolve(bucket, key, version_id)
        except ApiError as exc:
            if exc.code == "NOT_FOUND":
                return False
            raise
        return True

    @staticmethod
    def check_conditions(
        v: Version,
        if_match: str = "",
        if_none_match: str = "",
        modified_since: int = 0,
        unmodified_since: int = 0,
    ) -> None:
        if if_match and if_match.strip('"') != v.etag:
            raise failed_precondition(
                f"if_match {if_match!r} does not match etag {v.etag!r}", reason="PRECONDITION_FAILED"
            )
        if if_none_match and if_none_match.strip('"') == v.etag:
            raise failed_precondition(
                f"etag equals if_none_match {if_none_match!r} (not modified)", reason="NOT_MODIFIED"
            )
        if modified_since and v.last_modified <= modified_since:
            raise failed_precondition("object not modified since if_modified_since", reason="NOT_MODIFIED")
        if unmodified_since and v.last_modified > unmodified_since:
            raise failed_precondition(
                "object modified since if_unmodified_since", reason="PRECONDITION_FAILED"
            )

    @staticmethod
    def select(v: Version, start: int = 0, end: int = 0, part_number: int = 0) -> Selected:
        if start < 0 or end < 0 or part_number < 0:
            raise invalid("start, end and part_number must not be negative", field="start")
        if part_number:
            sizes = v.part_sizes or [v.size]
            if part_number > len(sizes):
                raise ApiError(
                    "OUT_OF_RANGE",
                    f"part_number {part_number} exceeds the {len(sizes)} part(s)",
                    reason="INVALID_PART_NUMBER",
                )
            offset = sum(sizes[: part_number - 1])
            length = sizes[part_number - 1]
            return Selected(
                offset, length, f"bytes {offset}-{offset + length - 1}/{v.size}" if length else ""
            )
        if start == 0 and end == 0:
            return Selected(0, v.size)
        if start >= v.size:
            raise ApiError(
                "OUT_OF_RANGE",
                f"range start {start} is beyond the end of the object ({v.size} bytes)",
                reason="INVALID_RANGE",
            )
        if end and end < start:
            raise invalid(f"range end {end} is before start {start}", field="end", reason="INVALID_RANGE")
        last = min(end, v.size - 1) if end else v.size - 1
        return Selected(start, last - start + 1, f"bytes {start}-{last}/{v.size}")

    def read(self, v: Version, sel: Selected | None = None) -> Iterator[bytes]:
        assert v.blob is not None
        sel = sel or Selected(0, v.size)
        return self.blobs.read(v.blob, sel.offset, sel.length)

    # ---- deleting ----------------------------------------------------------------------------------------
    def delete(self, bucket: str, key: str, version_id: str = "") -> Deleted:
        check_bucket_key(bucket, key)
        with self._lock:
            versions = self._buckets.get(bucket, {}).get(key, [])
            if not version_id:
                if not versions or versions[-1].is_delete_marker:
                    return Deleted(key)
                marker = Version(key=key, version_id=ids.hex_id(), last_modified=self.now())
                versions.append(marker)
                return Deleted(key, marker.version_id, True, marker.version_id)
            for i, v in enumerate(versions):
                if v.version_id == version_id:
                    del versions[i]
                    if v.blob is not None:
                        self.blobs.delete(v.blob)
                    return Deleted(key, version_id, v.is_delete_marker)
            raise not_found(
                f'version "{version_id}" of object "{key}" not found in bucket "{bucket}"',
                reason="NO_SUCH_VERSION",
                bucket=bucket,
                key=key,
            )

    def delete_many(self, bucket: str, objects: list[tuple[str, str]]) -> list[Deleted]:
        """Batch delete: all listed versions must exist (else NOT_FOUND and nothing changes)."""
        check_bucket_key(bucket)
        if not objects:
            raise invalid("delete.objects must list at least one object", field="delete.objects")
        if len(objects) > MAX_DELETE:
            raise invalid(
                f"at most {MAX_DELETE} objects per call, got {len(objects)}", field="delete.objects"
            )
        for i, (key, _) in enumerate(objects):
            if not key:
                raise invalid(f"delete.objects[{i}].key must not be empty", field=f"delete.objects[{i}].key")
        with self._lock:
            for key, version_id in objects:
                if version_id and not any(
                    v.version_id == version_id for v in self._buckets.get(bucket, {}).get(key, [])
                ):
                    raise not_found(
                        f'version "{version_id}" of object "{key}" not found in bucket "{bucket}"',
                        reason="NO_SUCH_VERSION",
                        bucket=bucket,
                        key=key,
                    )
            return [self.delete(bucket, key, version_id) for key, version_id in objects]

    # ---- copy / tags / acl -------------------------------------------------------------------------------
    def copy(
        self,
        bucket: str,
        key: str,
        src_bucket: str,
        src_key: str,
        src_version: str = "",
        *,
        tagging: Mapping[str, str] | None = None,
        directive: str = "",
        metadata: Mapping[str, str] | None = None,
        expires: int = 0,
    ) -> Version:
        check_bucket_key(bucket, key)
        if not src_bucket or not src_key:
            raise invalid(
                "copy_source.copy_source_bucket and copy_source_key must not be empty", field="copy_source"
            )
        directive = (directive or "COPY").upper()
        if directive not in ("COPY", "REPLACE"):
            raise invalid(
                f"metadata_directive must be COPY or REPLACE, got {directive!r}", field="metadata_directive"
            )
        src = self.resolve(src_bucket, src_key, src_version)
        assert src.blob is not None
        blob = self.blobs.copy(src.blob)
        headers = dict(src.headers) | ({"expires": str(expires)} if expires else {})
        meta = dict(metadata or {}) if directive == "REPLACE" else dict(src.meta)
        tags = dict(tagging) if tagging else dict(src.tags)
        return self.commit(
            bucket,
            key,
            blob,
            etag=src.etag,
            meta=meta,
            tags=tags,
            acl=src.acl,
            storage_class=src.storage_class,
            content_type=src.content_type,
            headers=headers,
            kind="Normal" if src.kind == "Appendable" else src.kind,
            parts_count=src.parts_count,
            part_sizes=list(src.part_sizes),
        )

    def put_tags(self, bucket: str, key: str, tags: Mapping[str, str], version_id: str = "") -> Version:
        checked = check_tags(dict(tags))
        v = self.resolve(bucket, key, version_id)
        with self._lock:
            v.tags = checked
        return v

    def put_acl(self, bucket: str, key: str, acl: str, version_id: str = "") -> Version:
        if not acl:
            raise invalid("acl must not be empty", field="acl")
        checked = check_acl(acl)
        v = self.resolve(bucket, key, version_id)
        with self._lock:
            v.acl = checked
        return v

    # ---- records -----------------------------------------------------------------------------------------
    def record(self, kind: str, payload: dict[str, Any]) -> None:
        self.ctx.outboxes.record(kind, self.name, payload)

    def all_versions(self) -> Iterable[Version]:
        with self._lock:
            return [v for objs in self._buckets.values() for vs in objs.values() for v in vs]

    def reset(self) -> None:
        with self._lock:
            self._buckets.clear()
            self._uploads.clear()
            self.blobs.clear()


__all__ = ["Deleted", "ListPage", "ObjectStore", "Selected"]
