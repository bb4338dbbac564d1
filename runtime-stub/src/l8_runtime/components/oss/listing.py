"""Listing and paging of the local object store: ListObjects and ListObjectVersions.

Place in the runtime: mixin of components/oss/store.py. Pages hold at most ``max_keys`` entries (0 ->
1000, capped at 1000); with a delimiter, keys that contain it after the prefix collapse into one common
prefix each, which counts as an entry. Markers are exclusive.
"""

from __future__ import annotations

import threading
from copy import copy
from typing import Any, NamedTuple

from .model import Version, check_bucket_key, page_limit


class ListPage(NamedTuple):
    items: list[Any]
    common_prefixes: list[str]
    truncated: bool
    next_marker: str = ""
    next_version_marker: str = ""
    limit: int = 0


def common_prefix(key: str, prefix: str, delimiter: str) -> str | None:
    if not delimiter:
        return None
    rest = key[len(prefix) :]
    idx = rest.find(delimiter)
    return None if idx < 0 else prefix + rest[: idx + len(delimiter)]


class ListingOps:
    _lock: threading.RLock
    _buckets: dict[str, dict[str, list[Version]]]

    def list_objects(
        self, bucket: str, prefix: str = "", delimiter: str = "", marker: str = "", max_keys: int = 0
    ) -> ListPage:
        check_bucket_key(bucket)
        limit = page_limit(max_keys, "maxKeys")
        with self._lock:
            live = {
                k: copy(vs[-1])
                for k, vs in self._buckets.get(bucket, {}).items()
                if vs and not vs[-1].is_delete_marker and k.startswith(prefix) and k > marker
            }
        contents: list[Version] = []
        prefixes: list[str] = []
        last, truncated = "", False
        for k in sorted(live):
            cp = common_prefix(k, prefix, delimiter)
            if cp is not None and ((prefixes and cp == prefixes[-1]) or cp <= marker):
                continue
            if len(contents) + len(prefixes) >= limit:
                truncated = True
                break
            if cp is not None:
                prefixes.append(cp)
                last = cp
            else:
                contents.append(live[k])
                last = k
        return ListPage(contents, prefixes, truncated, last if truncated else "", limit=limit)

    def list_versions(
        self,
        bucket: str,
        prefix: str = "",
        delimiter: str = "",
        key_marker: str = "",
        version_marker: str = "",
        max_keys: int = 0,
    ) -> ListPage:
        """Entries are (Version, is_latest) or common-prefix strings, in key order, newest first per key."""
        check_bucket_key(bucket)
        limit = page_limit(max_keys, "max_keys")
        entries: list[tuple[str, str, Any]] = []  # (key, version id, entry)
        seen_prefixes: set[str] = set()
        with self._lock:
            for k in sorted(self._buckets.get(bucket, {})):
                if not k.startswith(prefix):
                    continue
                cp = common_prefix(k, prefix, delimiter)
                if cp is not None:
                    if cp not in seen_prefixes:
                        seen_prefixes.add(cp)
                        entries.append((cp, "", cp))
                    continue
                versions = self._buckets[bucket][k]
                entries += [(k, v.version_id, (copy(v), v is versions[-1])) for v in reversed(versions)]
        if key_marker:
            idx = None
            if version_marker:
                idx = next(
                    (i for i, (k, vid, _) in enumerate(entries) if k == key_marker and vid == version_marker),
                    None,
                )
            if idx is not None:
                entries = entries[idx + 1 :]
            else:
                entries = [e for e in entries if e[0] > key_marker]
        page, truncated = entries[:limit], len(entries) > limit
        items = [e[2] for e in page if not isinstance(e[2], str)]
        prefixes = [e[2] for e in page if isinstance(e[2], str)]
        nk = page[-1][0] if truncated and page else ""
        nv = page[-1][1] if truncated and page else ""
        return ListPage(items, prefixes, truncated, nk, nv, limit=limit)
