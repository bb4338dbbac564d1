"""Issue 18 items 5-8 and 11 (--data-dir): hostile names, TTLs and ack statuses get a documented status,
metadata never collides with data, and a restarted runtime cleans what a killed one left behind."""

from __future__ import annotations

from pathlib import Path

import grpc
import pytest
from l8_runtime.pb import oss, rt
from rt_harness import RunningRuntime, code_of, error_of
from test_api_pubsub import Stream, publish

LONG_SEGMENT = "s" * 256
LONG_PATH = "/".join(["d" * 200] * 21)  # > 4 KB, every segment legal


def put(r, name: str, data: bytes = b"x", **meta: str):
    return r.runtime.PutFile(
        iter([rt.PutFileRequest(store_name="file_demo", name=name, data=data, metadata=meta)])
    )


@pytest.mark.parametrize("name", [LONG_SEGMENT, LONG_PATH, "a/" + LONG_SEGMENT + "/b"])
def test_item05_overlong_file_names_are_invalid_argument(runtime, name):
    r = runtime.runtime
    fr = rt.FileRequest(store_name="file_demo", name=name)
    assert code_of(put, runtime, name) == grpc.StatusCode.INVALID_ARGUMENT
    assert (
        code_of(r.GetFile, rt.GetFileRequest(store_name="file_demo", name=name))
        == grpc.StatusCode.INVALID_ARGUMENT
    )
    assert code_of(r.ListFile, rt.ListFileRequest(request=fr)) == grpc.StatusCode.INVALID_ARGUMENT
    assert code_of(r.GetFileMeta, rt.GetFileMetaRequest(request=fr)) == grpc.StatusCode.INVALID_ARGUMENT
    assert code_of(r.DelFile, rt.DelFileRequest(request=fr)) == grpc.StatusCode.INVALID_ARGUMENT


@pytest.mark.parametrize(
    ("ttl", "code"),
    [("100000000000000", grpc.StatusCode.OUT_OF_RANGE), ("9" * 400, grpc.StatusCode.INVALID_ARGUMENT)],
)
def test_item06_huge_ttl_is_rejected_at_save_and_never_poisons_the_key(runtime, ttl, code):
    r = runtime.runtime
    item = rt.StateItem(key="poison", value=b"v", metadata={"ttlInSeconds": ttl})
    assert code_of(r.SaveState, rt.SaveStateRequest(store_name="state_demo", states=[item])) == code
    assert r.GetState(rt.GetStateRequest(store_name="state_demo", key="poison")).data == b""
    bulk = r.GetBulkState(rt.GetBulkStateRequest(store_name="state_demo", keys=["poison"]))
    assert [i.error for i in bulk.items] == [""]


def test_item06_largest_ttl_still_saves_and_reads(runtime):
    r = runtime.runtime
    item = rt.StateItem(key="long-lived", value=b"v", metadata={"ttlInSeconds": str(2**31 - 1)})
    r.SaveState(rt.SaveStateRequest(store_name="state_demo", states=[item]))
    got = r.GetState(rt.GetStateRequest(store_name="state_demo", key="long-lived"))
    assert got.data == b"v" and got.metadata["ttlExpireTime"].endswith("Z")


def test_item07_metadata_paths_do_not_collide_with_data_names(runtime):
    r = runtime.runtime
    put(runtime, "x.json/y", b"inner", owner="y")
    put(runtime, "x", b"outer", owner="x")
    meta = r.GetFileMeta(rt.GetFileMetaRequest(request=rt.FileRequest(store_name="file_demo", name="x")))
    assert meta.response.metadata["owner"].value == ["x"]
    got = b"".join(c.data for c in r.GetFile(rt.GetFileRequest(store_name="file_demo", name="x.json/y")))
    assert got == b"inner"


def test_item08_undefined_ack_status_is_invalid_argument(runtime):
    s = Stream(runtime, "ack99")
    publish(runtime, "ack99", b"e")
    ev = s.next_event()
    s.ack(ev.id, status=99)
    with pytest.raises(grpc.RpcError) as exc:
        s.next_event()
    assert exc.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "event_processed.status.status" in exc.value.details()
    s.out.put(None)


def test_item11_restart_cleans_upload_temp_files_and_orphaned_blobs(tmp_path: Path):
    data = tmp_path / "data"
    first = RunningRuntime(data_dir=data)
    try:
        put(first, "kept", b"k")
        first.oss.PutObject(
            iter([oss.PutObjectInput(store_name="oss_demo", bucket="b", key="o", body=b"blob")])
        )
    finally:
        first.stop()
    tmp_dir = data / "file" / "file_demo" / "tmp"
    blob_dir = data / "oss" / "oss_demo" / "blobs"
    (tmp_dir / ".upload-killed").write_bytes(b"half an upload")  # what kill -9 mid-upload leaves
    assert any(blob_dir.iterdir())
    second = RunningRuntime(data_dir=data)
    try:
        assert list(tmp_dir.iterdir()) == []
        assert list(blob_dir.iterdir()) == []  # no object indexes them any more
        got = b"".join(
            c.data for c in second.runtime.GetFile(rt.GetFileRequest(store_name="file_demo", name="kept"))
        )
        assert got == b"k"
        assert error_of(
            second.runtime.GetFile, rt.GetFileRequest(store_name="file_demo", name="nope")
        ).code() == (grpc.StatusCode.NOT_FOUND)
    finally:
        second.stop()
