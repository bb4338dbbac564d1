"""Local object store: versions, delete markers, ranges, conditions, tags/ACL, copy, listing, append,
signing."""

from __future__ import annotations

import hashlib

import pytest
from l8_runtime.components.oss import ObjectStore
from l8_runtime.errors import ApiError


@pytest.fixture
def oss(make):
    return make(ObjectStore, name="oss_demo", chunkSize="3", signingKey="k")


def put(oss, key: str, body: bytes, bucket: str = "b", **attrs):
    w = oss.writer()
    w.write(body)
    return oss.commit(bucket, key, w, **attrs)


def read(oss, v, sel=None) -> bytes:
    return b"".join(oss.read(v, sel))


def code(fn, *args, **kwargs) -> str:
    with pytest.raises(ApiError) as exc:
        fn(*args, **kwargs)
    return exc.value.code


def test_put_get_with_md5_etag(oss):
    v = put(oss, "k", b"hello")
    assert v.etag == hashlib.md5(b"hello").hexdigest()
    assert read(oss, oss.resolve("b", "k")) == b"hello"


def test_each_put_is_a_new_version(oss):
    v1, v2 = put(oss, "k", b"1"), put(oss, "k", b"2")
    assert v1.version_id != v2.version_id
    assert read(oss, oss.resolve("b", "k", v1.version_id)) == b"1"
    assert read(oss, oss.resolve("b", "k")) == b"2"


def test_delete_adds_marker_and_keeps_versions(oss):
    v1 = put(oss, "k", b"1")
    d = oss.delete("b", "k")
    assert d.delete_marker and d.version_id
    assert code(oss.resolve, "b", "k") == "NOT_FOUND"
    assert read(oss, oss.resolve("b", "k", v1.version_id)) == b"1"
    oss.delete("b", "k", d.version_id)  # removing the marker undeletes
    assert read(oss, oss.resolve("b", "k")) == b"1"


def test_delete_missing_key_changes_nothing_but_missing_version_is_not_found(oss):
    assert oss.delete("b", "ghost").version_id == ""
    assert code(oss.delete, "b", "ghost", "v-none") == "NOT_FOUND"


def test_delete_many_is_atomic_on_missing_versions(oss):
    put(oss, "a", b"1")
    assert code(oss.delete_many, "b", [("a", ""), ("x", "nope")]) == "NOT_FOUND"
    assert oss.exists("b", "a")
    out = oss.delete_many("b", [("a", ""), ("missing", "")])
    assert [d.key for d in out] == ["a", "missing"] and out[0].delete_marker and not out[1].delete_marker


def test_delete_many_limits(oss):
    assert code(oss.delete_many, "b", []) == "INVALID_ARGUMENT"
    assert code(oss.delete_many, "b", [("k", "")] * 1001) == "INVALID_ARGUMENT"


def test_ranges(oss):
    v = put(oss, "k", b"0123456789")
    sel = oss.select(v, 2, 4)
    assert (read(oss, v, sel), sel.content_range) == (b"234", "bytes 2-4/10")
    assert read(oss, v, oss.select(v, 7, 0)) == b"789"
    assert read(oss, v, oss.select(v, 8, 100)) == b"89"
    assert code(oss.select, v, 10, 0) == "OUT_OF_RANGE"


def test_conditions(oss):
    v = put(oss, "k", b"x")
    oss.check_conditions(v, if_match=v.etag, if_none_match="other")
    assert code(oss.check_conditions, v, if_match="other") == "FAILED_PRECONDITION"
    assert code(oss.check_conditions, v, if_none_match=v.etag) == "FAILED_PRECONDITION"
    assert code(oss.check_conditions, v, modified_since=v.last_modified) == "FAILED_PRECONDITION"
    assert code(oss.check_conditions, v, unmodified_since=v.last_modified - 1) == "FAILED_PRECONDITION"


def test_tags_acl_and_limits(oss):
    put(oss, "k", b"x")
    assert oss.put_tags("b", "k", {"a": "1"}).tags == {"a": "1"}
    assert code(oss.put_tags, "b", "k", {str(i): "v" for i in range(11)}) == "INVALID_ARGUMENT"
    assert code(oss.put_tags, "b", "k", {"k" * 129: "v"}) == "INVALID_ARGUMENT"
    assert oss.resolve("b", "k").acl == "private"
    assert oss.put_acl("b", "k", "public-read").acl == "public-read"
    assert code(oss.put_acl, "b", "k", "world-writable") == "INVALID_ARGUMENT"
    assert code(oss.put_tags, "b", "ghost", {}) == "NOT_FOUND"


def test_copy_keeps_etag_and_metadata_unless_replaced(oss):
    src = put(oss, "src", b"body", meta={"m": "1"}, tags={"t": "1"})
    c = oss.copy("b2", "dst", "b", "src")
    assert (c.etag, c.meta, c.tags) == (src.etag, {"m": "1"}, {"t": "1"})
    r = oss.copy("b2", "dst2", "b", "src", directive="REPLACE", metadata={"n": "2"})
    assert r.meta == {"n": "2"}
    assert code(oss.copy, "b2", "d", "b", "ghost") == "NOT_FOUND"
    assert code(oss.copy, "b2", "d", "b", "src", directive="MOVE") == "INVALID_ARGUMENT"


def test_list_objects_with_prefix_delimiter_and_paging(oss):
    for k in ["a/1", "a/2", "b", "c/x/y", "d"]:
        put(oss, k, b"1")
    oss.delete("b", "d")
    page = oss.list_objects("b", delimiter="/", max_keys=2)
    assert ([v.key for v in page.items], page.common_prefixes, page.truncated, page.next_marker) == (
        ["b"],
        ["a/"],
        True,
        "b",
    )
    page2 = oss.list_objects("b", delimiter="/", marker=page.next_marker, max_keys=2)
    assert ([v.key for v in page2.items], page2.common_prefixes, page2.truncated) == ([], ["c/"], False)
    assert [v.key for v in oss.list_objects("b", prefix="a/").items] == ["a/1", "a/2"]
    assert oss.list_objects("empty-bucket").items == []
    assert code(oss.list_objects, "b", max_keys=-1) == "INVALID_ARGUMENT"


def test_list_versions_newest_first_with_markers(oss):
    v1, v2 = put(oss, "k", b"1"), put(oss, "k", b"2")
    marker = oss.delete("b", "k")
    page = oss.list_versions("b", max_keys=2)
    assert [(v.version_id, latest) for v, latest in page.items] == [
        (marker.version_id, True),
        (v2.version_id, False),
    ]
    assert page.truncated and (page.next_marker, page.next_version_marker) == ("k", v2.version_id)
    rest = oss.list_versions("b", key_marker="k", version_marker=v2.version_id)
    assert [v.version_id for v, _ in rest.items] == [v1.version_id] and not rest.truncated


def test_append_positions_and_versions(oss):
    w = oss.writer()
    w.write(b"abc")
    v1 = oss.append("b", "log", 0, w)
    w = oss.writer()
    w.write(b"de")
    v2 = oss.append("b", "log", 3, w)
    assert (v2.size, v2.kind, read(oss, v2)) == (5, "Appendable", b"abcde")
    assert v1.version_id != v2.version_id
    w = oss.writer()
    w.write(b"x")
    assert code(oss.append, "b", "log", 3, w) == "FAILED_PRECONDITION"
    put(oss, "normal", b"1")
    w = oss.writer()
    assert code(oss.append, "b", "normal", 1, w) == "FAILED_PRECONDITION"


def test_multipart_upload_assembles_parts(oss):
    up = oss.create_upload("b", "big")
    p1 = oss.put_part("b", "big", up.upload_id, 1, oss.blobs.write_all([b"aaa"]))
    p2 = oss.put_part("b", "big", up.upload_id, 2, oss.blobs.write_all([b"bb"]))
    assert [p.number for p in oss.list_parts("b", "big", up.upload_id).items] == [1, 2]
    v = oss.complete_upload("b", "big", up.upload_id, [(1, p1.etag), (2, p2.etag)])
    assert read(oss, v) == b"aaabb" and v.etag.endswith("-2") and v.kind == "Multipart"
    assert read(oss, v, oss.select(v, part_number=2)) == b"bb"
    assert code(oss.abort_upload, "b", "big", up.upload_id) == "NOT_FOUND"


def test_multipart_rules(oss):
    up = oss.create_upload("b", "k")
    part = oss.put_part("b", "k", up.upload_id, 1, oss.blobs.write_all([b"x"]))
    assert code(oss.put_part, "b", "k", up.upload_id, 0, oss.blobs.write_all([b"x"])) == "INVALID_ARGUMENT"
    assert code(oss.complete_upload, "b", "k", up.upload_id, []) == "INVALID_ARGUMENT"
    assert code(oss.complete_upload, "b", "k", up.upload_id, [(1, "bad")]) == "INVALID_ARGUMENT"
    assert (
        code(oss.complete_upload, "b", "k", up.upload_id, [(1, part.etag), (1, part.etag)])
        == "INVALID_ARGUMENT"
    )
    assert code(oss.upload, "b", "k", "no-such-upload") == "NOT_FOUND"
    assert code(oss.upload, "b", "other-key", up.upload_id) == "NOT_FOUND"


def test_upload_part_copy_range(oss):
    put(oss, "src", b"0123456789")
    up = oss.create_upload("b", "k")
    part = oss.copy_part("b", "k", up.upload_id, 1, "b", "src", start=2, size=3)
    assert part.size == 3
    assert code(oss.copy_part, "b", "k", up.upload_id, 2, "b", "src", start=8, size=5) == "OUT_OF_RANGE"


def test_signed_urls_round_trip_and_reject_tampering(oss, clock):
    url = oss.signer.sign("b", "dir/k", "get", 60, now=clock())
    assert oss.signer.verify(url, "GET", now=clock()) == ("b", "dir/k")
    assert code(oss.signer.verify, url, "PUT", now=clock()) == "PERMISSION_DENIED"
    assert code(oss.signer.verify, url.replace("dir", "dur"), "GET", now=clock()) == "PERMISSION_DENIED"
    assert code(oss.signer.verify, url, "GET", now=clock() + 61) == "PERMISSION_DENIED"
    assert code(oss.signer.sign, "b", "k", "DELETE", 60) == "INVALID_ARGUMENT"
    assert code(oss.signer.sign, "b", "k", "GET", 0) == "INVALID_ARGUMENT"


def test_empty_names_are_invalid(oss):
    assert code(oss.resolve, "", "k") == "INVALID_ARGUMENT"
    assert code(oss.resolve, "b", "") == "INVALID_ARGUMENT"
