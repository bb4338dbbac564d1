"""Files and objects over gRPC: chunked streaming both ways, paging, versions, multipart, signed URLs."""

from __future__ import annotations

import hashlib
import os

import grpc
from l8_runtime.control import ctl
from l8_runtime.pb import oss, rt
from rt_harness import code_of

MIB = 1024 * 1024


def chunks(data: bytes, size: int):
    for i in range(0, len(data), size):
        yield data[i : i + size]


def test_big_file_round_trip_in_chunks(runtime):
    data = os.urandom(3 * MIB + 17)
    reqs = [
        rt.PutFileRequest(store_name="file_demo", name="big/blob.bin", data=c, metadata={"k": "v"})
        for c in chunks(data, 256 * 1024)
    ]
    runtime.runtime.PutFile(iter(reqs))
    parts = [
        r.data
        for r in runtime.runtime.GetFile(rt.GetFileRequest(store_name="file_demo", name="big/blob.bin"))
    ]
    assert b"".join(parts) == data and len(parts) > 1 and max(map(len, parts)) <= 64 * 1024
    meta = runtime.runtime.GetFileMeta(
        rt.GetFileMetaRequest(request=rt.FileRequest(store_name="file_demo", name="big/blob.bin"))
    )
    assert meta.size == len(data) and list(meta.response.metadata["k"].value) == ["v"]


def test_list_file_pages_with_marker(runtime):
    for n in ["d/1", "d/2", "d/3", "d/4", "d/5"]:
        runtime.runtime.PutFile(iter([rt.PutFileRequest(store_name="file_demo", name=n, data=b"x")]))
    names, marker = [], ""
    while True:
        page = runtime.runtime.ListFile(
            rt.ListFileRequest(
                request=rt.FileRequest(store_name="file_demo", name="d"), page_size=2, marker=marker
            )
        )
        names += [f.file_name for f in page.files]
        if not page.is_truncated:
            break
        marker = page.marker
    assert names == ["d/1", "d/2", "d/3", "d/4", "d/5"]


def test_delete_file_then_not_found(runtime):
    runtime.runtime.PutFile(iter([rt.PutFileRequest(store_name="file_demo", name="gone", data=b"x")]))
    runtime.runtime.DelFile(rt.DelFileRequest(request=rt.FileRequest(store_name="file_demo", name="gone")))
    assert (
        code_of(
            runtime.runtime.DelFile,
            rt.DelFileRequest(request=rt.FileRequest(store_name="file_demo", name="gone")),
        )
        == grpc.StatusCode.NOT_FOUND
    )


def put(r, key: str, body: bytes, **kw) -> oss.PutObjectOutput:
    reqs = [
        oss.PutObjectInput(store_name="oss_demo", bucket="b", key=key, body=c, **(kw if i == 0 else {}))
        for i, c in enumerate(chunks(body, 100_000) or [b""])
    ]
    return r.oss.PutObject(
        iter(reqs or [oss.PutObjectInput(store_name="oss_demo", bucket="b", key=key, **kw)])
    )


def get(r, key: str, **kw) -> tuple[bytes, list]:
    msgs = list(r.oss.GetObject(oss.GetObjectInput(store_name="oss_demo", bucket="b", key=key, **kw)))
    return b"".join(m.body for m in msgs), msgs


def test_object_round_trip_with_attributes(runtime):
    body = os.urandom(300_000)
    out = put(runtime, "o", body, meta={"m": "1"}, tagging={"t": "x"}, cache_control="no-cache")
    assert out.etag == hashlib.md5(body).hexdigest() and out.version_id
    data, msgs = get(runtime, "o")
    head = msgs[0]
    assert data == body and head.content_length == len(body) and head.etag == out.etag
    assert head.metadata["m"] == "1" and head.tag_count == 1 and head.cache_control == "no-cache"
    assert all(not m.etag for m in msgs[1:])


def test_empty_object_yields_one_message(runtime):
    put(runtime, "empty", b"")
    data, msgs = get(runtime, "empty")
    assert data == b"" and len(msgs) == 1 and msgs[0].content_length == 0


def test_range_and_conditions(runtime):
    out = put(runtime, "r", b"0123456789")
    data, msgs = get(runtime, "r", start=2, end=5)
    assert data == b"2345" and msgs[0].content_range == "bytes 2-5/10"
    assert code_of(get, runtime, "r", start=10) == grpc.StatusCode.OUT_OF_RANGE
    assert code_of(get, runtime, "r", if_none_match=out.etag) == grpc.StatusCode.FAILED_PRECONDITION


def test_content_length_mismatch_stores_nothing(runtime):
    assert code_of(put, runtime, "cl", b"abc", content_length=5) == grpc.StatusCode.INVALID_ARGUMENT
    assert not runtime.oss.IsObjectExist(
        oss.IsObjectExistInput(store_name="oss_demo", bucket="b", key="cl")
    ).file_exist


def test_versions_and_delete_markers(runtime):
    v1 = put(runtime, "v", b"1").version_id
    put(runtime, "v", b"2")
    marker = runtime.oss.DeleteObject(oss.DeleteObjectInput(store_name="oss_demo", bucket="b", key="v"))
    assert marker.delete_marker
    assert code_of(get, runtime, "v") == grpc.StatusCode.NOT_FOUND
    assert get(runtime, "v", version_id=v1)[0] == b"1"
    listing = runtime.oss.ListObjectVersions(
        oss.ListObjectVersionsInput(store_name="oss_demo", bucket="b", prefix="v")
    )
    assert [d.is_latest for d in listing.delete_markers] == [True] and len(listing.versions) == 2


def test_multipart_upload_end_to_end(runtime):
    uid = runtime.oss.CreateMultipartUpload(
        oss.CreateMultipartUploadInput(store_name="oss_demo", bucket="b", key="mp", meta_data={"x": "y"})
    ).upload_id
    bodies = [os.urandom(70_000), os.urandom(10)]
    etags = []
    for n, body in enumerate(bodies, 1):
        part = runtime.oss.UploadPart(
            iter(
                [
                    oss.UploadPartInput(
                        store_name="oss_demo", bucket="b", key="mp", upload_id=uid, part_number=n, body=c
                    )
                    for c in chunks(body, 30_000)
                ]
            )
        )
        etags.append(part.etag)
    parts = runtime.oss.ListParts(
        oss.ListPartsInput(store_name="oss_demo", bucket="b", key="mp", upload_id=uid)
    )
    assert [p.part_number for p in parts.parts] == [1, 2]
    done = runtime.oss.CompleteMultipartUpload(
        oss.CompleteMultipartUploadInput(
            store_name="oss_demo",
            bucket="b",
            key="mp",
            upload_id=uid,
            multipart_upload=oss.CompletedMultipartUpload(
                parts=[oss.CompletedPart(etag=e, part_number=n) for n, e in enumerate(etags, 1)]
            ),
        )
    )
    assert done.etag.endswith("-2") and done.location == "/b/mp"
    data, msgs = get(runtime, "mp")
    assert data == b"".join(bodies) and msgs[0].parts_count == 2 and msgs[0].metadata["x"] == "y"


def test_signed_url_round_trip(runtime):
    put_url = runtime.oss.SignURL(
        oss.SignURLInput(store_name="oss_demo", bucket="b", key="signed", method="put", expired_in_sec=60)
    ).signed_url
    runtime.oss.PutObject(
        iter([oss.PutObjectInput(store_name="oss_demo", signed_url=put_url, body=b"via-url")])
    )
    get_url = runtime.oss.SignURL(
        oss.SignURLInput(store_name="oss_demo", bucket="b", key="signed", method="GET", expired_in_sec=60)
    ).signed_url
    msgs = list(runtime.oss.GetObject(oss.GetObjectInput(store_name="oss_demo", signed_url=get_url)))
    assert msgs[0].body == b"via-url"
    assert (
        code_of(runtime.oss.GetObject, oss.GetObjectInput(store_name="oss_demo", signed_url=put_url))
        == grpc.StatusCode.PERMISSION_DENIED
    )


def test_append_object_positions(runtime):
    def append(pos: int, body: bytes) -> oss.AppendObjectOutput:
        return runtime.oss.AppendObject(
            iter(
                [oss.AppendObjectInput(store_name="oss_demo", bucket="b", key="log", position=pos, body=body)]
            )
        )

    assert append(0, b"abc").append_position == 3
    assert append(3, b"de").append_position == 5
    assert code_of(append, 1, b"x") == grpc.StatusCode.FAILED_PRECONDITION
    assert get(runtime, "log")[0] == b"abcde"


def test_restore_and_bandwidth_are_recorded(runtime):
    put(runtime, "cold", b"x")
    runtime.oss.RestoreObject(
        oss.RestoreObjectInput(
            store_name="oss_demo", bucket="b", key="cold", restore_request=oss.RestoreRequest(days=2)
        )
    )
    runtime.oss.UpdateUploadBandwidthRateLimit(
        oss.UpdateBandwidthRateLimitInput(store_name="oss_demo", average_rate_limit_in_bits_per_sec=1024)
    )
    assert (
        code_of(
            runtime.oss.UpdateUploadBandwidthRateLimit,
            oss.UpdateBandwidthRateLimitInput(store_name="oss_demo", average_rate_limit_in_bits_per_sec=-1),
        )
        == grpc.StatusCode.INVALID_ARGUMENT
    )
    restore = runtime.control.ReadOutbox(ctl.ReadOutboxRequest(kind="oss_restore")).entries
    band = runtime.control.ReadOutbox(ctl.ReadOutboxRequest(kind="oss_bandwidth")).entries
    assert '"days": 2' in restore[0].json and '"upload"' in band[0].json and len(band) == 1
