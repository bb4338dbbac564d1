"""Issue 18 items 1-2: Lifecycle.ApplyConfiguration limited to what a sidecar API may change, applied
atomically (a failed reconfiguration leaves the old one in force)."""

from __future__ import annotations

from pathlib import Path

import grpc
from l8_runtime.pb import lc, rt
from rt_harness import code_of


def apply(r, kind: str, name: str, **metadata: str):
    return r.lifecycle.ApplyConfiguration(
        lc.DynamicConfiguration(component_config=lc.ComponentConfig(kind=kind, name=name, metadata=metadata))
    )


def put(r, name: str, data: bytes) -> None:
    r.runtime.PutFile(iter([rt.PutFileRequest(store_name="file_demo", name=name, data=data)]))


def test_item01_file_root_cannot_be_rerooted_through_the_api(start_runtime, tmp_path: Path):
    r = start_runtime()
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "victim").write_bytes(b"keep me")
    assert code_of(apply, r, "file", "file_demo", root=str(outside)) == grpc.StatusCode.PERMISSION_DENIED
    put(r, "victim", b"overwritten?")
    assert (outside / "victim").read_bytes() == b"keep me"
    assert list(outside.iterdir()) == [outside / "victim"]
    # a safe key alone is still accepted, and the protected root keeps its value
    apply(r, "file", "file_demo", chunkSize="7")
    got = b"".join(
        c.data for c in r.runtime.GetFile(rt.GetFileRequest(store_name="file_demo", name="victim"))
    )
    assert got == b"overwritten?"


def test_item01_secrets_cannot_be_overwritten_through_the_api(start_runtime):
    r = start_runtime()
    assert (
        code_of(apply, r, "secret_store", "secret_demo", **{"db-password": "attacker"})
        == grpc.StatusCode.PERMISSION_DENIED
    )
    got = r.runtime.GetSecret(rt.GetSecretRequest(store_name="secret_demo", key="db-password"))
    assert got.data["db-password"] == "s3cr3t"


def test_item01_explicit_flag_allows_rerooting(start_runtime, tmp_path: Path):
    r = start_runtime(allow_unsafe_reconfigure=True)
    apply(r, "file", "file_demo", root=str(tmp_path / "newroot"))
    put(r, "a", b"x")
    assert (tmp_path / "newroot" / "data" / "a").read_bytes() == b"x"


def test_item02_failed_reconfiguration_is_rolled_back(start_runtime, tmp_path: Path):
    r = start_runtime(allow_unsafe_reconfigure=True)
    put(r, "before", b"1")
    err = code_of(apply, r, "file", "file_demo", root="/proc/nope/cannot")
    assert err == grpc.StatusCode.INVALID_ARGUMENT
    put(r, "after", b"2")  # the store still works on its old root
    names = [
        f.file_name
        for f in r.runtime.ListFile(
            rt.ListFileRequest(request=rt.FileRequest(store_name="file_demo", name=""))
        ).files
    ]
    assert names == ["after", "before"]
