"""Multipart uploads of the local object store (mixin of ObjectStore).

Place in the runtime: behind CreateMultipartUpload, UploadPart, UploadPartCopy, CompleteMultipartUpload,
AbortMultipartUpload, ListMultipartUploads and ListParts. Rules (S3):
- part numbers are 1..10000; uploading a part number again replaces it;
- Complete needs a non-empty list of parts in ascending order, each uploaded with the given etag
  (else INVALID_ARGUMENT, reason INVALID_PART / INVALID_PART_ORDER); the object's etag is the MD5 of the
  part MD5s plus "-<count>". S3's 5 MiB minimum part size is not enforced (keeps tests small);
- an unknown upload id (or one for another bucket/key) is NOT_FOUND (NO_SUCH_UPLOAD).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from ... import ids
from ...errors import ApiError, invalid, not_found
from .blobs import BlobWriter
from .listing import ListPage, common_prefix
from .model import Part, Upload, Version, check_acl, check_bucket_key, check_tags, multipart_etag, page_limit

if TYPE_CHECKING:
    from .blobs import BlobStore

MAX_PART = 10_000


class MultipartOps:
    _uploads: dict[str, Upload]
    _mp_lock: threading.RLock

    if TYPE_CHECKING:  # provided by ObjectStore
        blobs: BlobStore

        def now(self) -> int: ...

        def resolve(self, bucket: str, key: str, version_id: str = "") -> Version: ...

        def commit(
            self, bucket: str, key: str, w: BlobWriter | tuple[str, int, str], **attrs: Any
        ) -> Version: ...

    def _init_multipart(self) -> None:
        self._uploads = {}
        self._mp_lock = threading.RLock()

    def create_upload(self, bucket: str, key: str, **attrs: Any) -> Upload:
        check_bucket_key(bucket, key)
        attrs["acl"] = check_acl(attrs.get("acl", ""))
        attrs["tags"] = check_tags(dict(attrs.get("tags") or {}), "tagging")
        up = Upload(upload_id=ids.hex_id(), bucket=bucket, key=key, initiated=self.now(), **attrs)
        with self._mp_lock:
            self._uploads[up.upload_id] = up
        return up

    def upload(self, bucket: str, key: str, upload_id: str) -> Upload:
        check_bucket_key(bucket, key)
        if not upload_id:
            raise invalid("upload_id must not be empty", field="upload_id")
        with self._mp_lock:
            up = self._uploads.get(upload_id)
        if up is None or up.bucket != bucket or up.key != key:
            raise not_found(
                f'multipart upload "{upload_id}" not found for {bucket}/{key}',
                reason="NO_SUCH_UPLOAD",
                upload_id=upload_id,
            )
        return up

    def put_part(
        self,
        bucket: str,
        key: str,
        upload_id: str,
        number: int,
        w: BlobWriter | tuple[str, int, str],
    ) -> Part:
        try:
            up = self.upload(bucket, key, upload_id)
            if not 1 <= number <= MAX_PART:
                raise invalid(
                    f"part_number must be between 1 and {MAX_PART}, got {number}", field="part_number"
                )
        except BaseException:
            if isinstance(w, BlobWriter):
                w.abort()
            raise
        blob, size, md5 = w.finish() if isinstance(w, BlobWriter) else w
        part = Part(number, blob, size, md5, self.now())
        with self._mp_lock:
            old = up.parts.get(number)
            up.parts[number] = part
        if old is not None:
            self.blobs.delete(old.blob)
        return part

    def copy_part(
        self,
        bucket: str,
        key: str,
        upload_id: str,
        number: int,
        src_bucket: str,
        src_key: str,
        src_version: str = "",
        start: int = 0,
        size: int = 0,
    ) -> Part:
        self.upload(bucket, key, upload_id)
        if not 1 <= number <= MAX_PART:
            raise invalid(f"part_number must be between 1 and {MAX_PART}, got {number}", field="part_number")
        if start < 0 or size < 0:
            raise invalid("start_position and part_size must not be negative", field="start_position")
        src = self.resolve(src_bucket, src_key, src_version)
        if (start and start >= src.size) or start + size > src.size:
            raise ApiError(
                "OUT_OF_RANGE",
                f"range start={start} size={size} lies beyond the end of the source "
                f"object ({src.size} bytes)",
                reason="INVALID_RANGE",
            )
        assert src.blob is not None
        copied = self.blobs.copy(src.blob, start, size or None)
        return self.put_part(bucket, key, upload_id, number, copied)

    def complete_upload(self, bucket: str, key: str, upload_id: str, parts: list[tuple[int, str]]) -> Version:
        up = self.upload(bucket, key, upload_id)
        if not parts:
            raise invalid(
                "multipart_upload.parts must list at least one part",
                field="multipart_upload.parts",
                reason="INVALID_PART",
            )
        numbers = [n for n, _ in parts]
        if numbers != sorted(set(numbers)):
            raise invalid(
                "parts must be listed in strictly ascending part_number order",
                field="multipart_upload.parts",
                reason="INVALID_PART_ORDER",
            )
        chosen: list[Part] = []
        for n, etag in parts:
            part = up.parts.get(n)
            if part is None or (etag and etag.strip('"') != part.etag):
                raise invalid(
                    f"part {n} was not uploaded with etag {etag!r}",
                    field="multipart_upload.parts",
                    reason="INVALID_PART",
                )
            chosen.append(part)
        blob = self.blobs.concat(p.blob for p in chosen)
        v = self.commit(
            bucket,
            key,
            blob,
            etag=multipart_etag([p.etag for p in chosen]),
            kind="Multipart",
            parts_count=len(chosen),
            part_sizes=[p.size for p in chosen],
            meta=dict(up.meta),
            tags=dict(up.tags),
            acl=up.acl,
            storage_class=up.storage_class,
            content_type=up.content_type,
            headers=dict(up.headers),
        )
        self._drop_upload(up)
        return v

    def abort_upload(self, bucket: str, key: str, upload_id: str) -> None:
        self._drop_upload(self.upload(bucket, key, upload_id))

    def _drop_upload(self, up: Upload) -> None:
        with self._mp_lock:
            self._uploads.pop(up.upload_id, None)
        for part in up.parts.values():
            self.blobs.delete(part.blob)

    def list_uploads(
        self,
        bucket: str,
        prefix: str = "",
        key_marker: str = "",
        upload_id_marker: str = "",
        max_uploads: int = 0,
        delimiter: str = "",
    ) -> ListPage:
        check_bucket_key(bucket)
        limit = page_limit(max_uploads, "max_uploads")
        with self._mp_lock:
            ups = sorted(
                (u for u in self._uploads.values() if u.bucket == bucket and u.key.startswith(prefix)),
                key=lambda u: (u.key, u.initiated, u.upload_id),
            )
        if key_marker:
            if upload_id_marker:
                idx = next(
                    (i for i, u in enumerate(ups) if u.key == key_marker and u.upload_id == upload_id_marker),
                    None,
                )
                ups = ups[idx + 1 :] if idx is not None else [u for u in ups if u.key > key_marker]
            else:
                ups = [u for u in ups if u.key > key_marker]
        items: list[Upload] = []
        prefixes: list[str] = []
        truncated = False
        for u in ups:
            cp = common_prefix(u.key, prefix, delimiter)
            if cp is not None and ((prefixes and prefixes[-1] == cp) or cp <= key_marker):
                continue
            if len(items) + len(prefixes) >= limit:
                truncated = True
                break
            if cp is not None:
                prefixes.append(cp)
            else:
                items.append(u)
        nk = nu = ""
        if truncated:
            last_item = items[-1] if items else None
            last_cp = prefixes[-1] if prefixes else ""
            if last_item is not None and last_item.key >= last_cp:
                nk, nu = last_item.key, last_item.upload_id
            else:
                nk = last_cp
        return ListPage(items, prefixes, truncated, nk, nu, limit=limit)

    def list_parts(
        self, bucket: str, key: str, upload_id: str, marker: int = 0, max_parts: int = 0
    ) -> ListPage:
        up = self.upload(bucket, key, upload_id)
        limit = page_limit(max_parts, "max_parts")
        with self._mp_lock:
            parts = sorted((p for p in up.parts.values() if p.number > marker), key=lambda p: p.number)
        page, truncated = parts[:limit], len(parts) > limit
        return ListPage(page, [], truncated, str(page[-1].number) if truncated else "", limit=limit)
