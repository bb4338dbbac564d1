"""Data model of the S3-like object store: object versions, delete markers, uploads, parts; signed URLs.

Place in the runtime: shared by components/oss/store.py and multipart.py; no I/O here.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import NamedTuple
from urllib.parse import parse_qs, quote, unquote, urlencode, urlsplit

from ...errors import ApiError, invalid

CANNED_ACLS = (
    "private",
    "public-read",
    "public-read-write",
    "authenticated-read",
    "aws-exec-read",
    "bucket-owner-read",
    "bucket-owner-full-control",
    "default",
)
DEFAULT_MAX_KEYS = 1000
MAX_TAGS, MAX_TAG_KEY, MAX_TAG_VALUE = 10, 128, 256
DEFAULT_CONTENT_TYPE = "application/octet-stream"


class Version:
    """One version of an object (or a delete marker): its blob, size, etag, metadata, tags and ACL.
    (Version and Upload are plain classes: creating a dataclass costs ~0.5 ms of the runtime's start-up,
    bench/notes.py.)"""

    def __init__(
        self,
        key: str,
        version_id: str,
        last_modified: int,
        blob: str | None = None,
        size: int = 0,
        etag: str = "",
        meta: dict[str, str] | None = None,
        tags: dict[str, str] | None = None,
        acl: str = "private",
        storage_class: str = "STANDARD",
        kind: str = "Normal",  # Normal | Appendable | Multipart
        parts_count: int = 0,
        part_sizes: list[int] | None = None,
        content_type: str = DEFAULT_CONTENT_TYPE,
        headers: dict[str, str] | None = None,  # cache_control, content_disposition, expires...
    ) -> None:
        self.key, self.version_id, self.last_modified = key, version_id, last_modified
        self.blob, self.size, self.etag = blob, size, etag
        self.meta: dict[str, str] = meta if meta is not None else {}
        self.tags: dict[str, str] = tags if tags is not None else {}
        self.acl, self.storage_class, self.kind, self.parts_count = acl, storage_class, kind, parts_count
        self.part_sizes: list[int] = part_sizes if part_sizes is not None else []
        self.content_type = content_type
        self.headers: dict[str, str] = headers if headers is not None else {}

    @property
    def is_delete_marker(self) -> bool:
        return self.blob is None


class Part(NamedTuple):
    """One uploaded part of a multipart upload."""

    number: int
    blob: str
    size: int
    etag: str
    last_modified: int


class Upload:
    """A multipart upload in progress: where it goes, its object attributes and its parts by number."""

    def __init__(
        self,
        upload_id: str,
        bucket: str,
        key: str,
        initiated: int,
        meta: dict[str, str] | None = None,
        tags: dict[str, str] | None = None,
        acl: str = "private",
        storage_class: str = "STANDARD",
        content_type: str = DEFAULT_CONTENT_TYPE,
        headers: dict[str, str] | None = None,
        parts: dict[int, Part] | None = None,
    ) -> None:
        self.upload_id, self.bucket, self.key, self.initiated = upload_id, bucket, key, initiated
        self.meta: dict[str, str] = meta if meta is not None else {}
        self.tags: dict[str, str] = tags if tags is not None else {}
        self.acl, self.storage_class, self.content_type = acl, storage_class, content_type
        self.headers: dict[str, str] = headers if headers is not None else {}
        self.parts: dict[int, Part] = parts if parts is not None else {}


def check_acl(acl: str, field_name: str = "acl") -> str:
    if acl and acl not in CANNED_ACLS:
        raise invalid(
            f"unknown canned ACL {acl!r}; valid: {', '.join(CANNED_ACLS)}",
            field=field_name,
            reason="INVALID_ACL",
        )
    return acl or "private"


def check_bucket_key(bucket: str, key: str | None = None) -> None:
    if not bucket:
        raise invalid("bucket must not be empty", field="bucket")
    if key is not None and not key:
        raise invalid("key must not be empty", field="key")


def http_date(ts: int) -> str:
    from email.utils import formatdate  # on first use: the email package is ~1 MiB of idle RSS

    return formatdate(ts, usegmt=True)


def multipart_etag(md5_hexes: list[str]) -> str:
    import hashlib  # here: the start-up path does not import it (bench/notes.py, start-up row)

    joined = b"".join(bytes.fromhex(h) for h in md5_hexes)
    return f"{hashlib.md5(joined, usedforsecurity=False).hexdigest()}-{len(md5_hexes)}"


def page_limit(value: int, field_name: str) -> int:
    """0 means 1000; larger values are capped at 1000; negative is INVALID_ARGUMENT."""
    if value < 0:
        raise invalid(f"{field_name} must not be negative, got {value}", field=field_name)
    return min(value or DEFAULT_MAX_KEYS, DEFAULT_MAX_KEYS)


def check_tags(tags: dict[str, str], field_name: str = "tags") -> dict[str, str]:
    """S3 tag limits: at most 10 tags, keys up to 128 and values up to 256 characters."""
    if len(tags) > MAX_TAGS:
        raise invalid(
            f"at most {MAX_TAGS} tags are allowed, got {len(tags)}", field=field_name, reason="INVALID_TAG"
        )
    for k, v in tags.items():
        if not k or len(k) > MAX_TAG_KEY:
            raise invalid(
                f"tag key {k[:20]!r} must be 1..{MAX_TAG_KEY} characters",
                field=field_name,
                reason="INVALID_TAG",
            )
        if len(v) > MAX_TAG_VALUE:
            raise invalid(
                f"value of tag {k!r} is longer than {MAX_TAG_VALUE} characters",
                field=field_name,
                reason="INVALID_TAG",
            )
    return dict(tags)


class UrlSigner:
    """HMAC-SHA256 signed URLs.

    Shape: ``<base>/<store>/<bucket>/<key>?X-L8-Method=..&X-L8-Expires=..&X-L8-Signature=..``.
    """

    def __init__(self, secret: bytes, base: str | Callable[[], str], store: str) -> None:
        self.secret = secret
        self._base = base  # a callable: resolved at use (the actuator's port is known only once it is bound)
        self.store = store

    @property
    def base(self) -> str:
        return (self._base() if callable(self._base) else self._base).rstrip("/")

    def _mac(self, method: str, bucket: str, key: str, expires: int) -> str:
        import hashlib  # here: the start-up path does not import it (bench/notes.py, start-up row)
        import hmac

        msg = f"{method}\n{self.store}\n{bucket}\n{key}\n{expires}".encode()
        return hmac.new(self.secret, msg, hashlib.sha256).hexdigest()

    def sign(self, bucket: str, key: str, method: str, expires_in: int, now: float | None = None) -> str:
        method = method.upper()
        if method not in ("GET", "PUT"):
            raise invalid(f"method must be GET or PUT, got {method!r}", field="method")
        if expires_in <= 0:
            raise invalid(f"expired_in_sec must be greater than 0, got {expires_in}", field="expired_in_sec")
        expires = int((now if now is not None else time.time()) + expires_in)
        query = urlencode(
            {
                "X-L8-Method": method,
                "X-L8-Expires": expires,
                "X-L8-Signature": self._mac(method, bucket, key, expires),
            }
        )
        return f"{self.base}/{quote(self.store)}/{quote(bucket)}/{quote(key)}?{query}"

    def verify(self, url: str, method: str, now: float | None = None) -> tuple[str, str]:
        """Check a signed URL for ``method``; returns (bucket, key)."""
        parts = urlsplit(url)
        q = {k: v[0] for k, v in parse_qs(parts.query).items()}
        path = parts.path
        prefix = urlsplit(self.base).path + f"/{quote(self.store)}/"
        if not path.startswith(prefix) or "/" not in path[len(prefix) :]:
            raise invalid(
                "signed_url does not belong to this object store",
                field="signed_url",
                reason="SIGNED_URL_INVALID",
            )
        bucket_q, _, key_q = path[len(prefix) :].partition("/")
        bucket, key = unquote(bucket_q), unquote(key_q)
        try:
            expires = int(q.get("X-L8-Expires", ""))
        except ValueError:
            raise invalid(
                "signed_url has no valid X-L8-Expires", field="signed_url", reason="SIGNED_URL_INVALID"
            ) from None
        import hmac  # imported by _mac

        good = self._mac(q.get("X-L8-Method", ""), bucket, key, expires)
        if not hmac.compare_digest(good, q.get("X-L8-Signature", "")):
            raise ApiError(
                "PERMISSION_DENIED", "signed_url signature does not match", reason="SIGNATURE_MISMATCH"
            )
        if q.get("X-L8-Method") != method:
            raise ApiError(
                "PERMISSION_DENIED",
                f"signed_url was signed for {q.get('X-L8-Method')}, not {method}",
                reason="SIGNED_URL_METHOD",
            )
        if expires < (now if now is not None else time.time()):
            raise ApiError("PERMISSION_DENIED", "signed_url has expired", reason="SIGNED_URL_EXPIRED")
        return bucket, key
