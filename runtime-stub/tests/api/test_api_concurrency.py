"""Concurrency over real gRPC: FIRST_WRITE writers, lock contenders, STRONG sequencer clients; persistence
across a restart of the SQLite store."""

from __future__ import annotations

import threading
import time
import uuid

import grpc
from l8_runtime.pb import rt, rt_grpc


def test_32_concurrent_first_write_writers_lose_no_update(runtime):
    store = "state_demo"
    runtime.runtime.SaveState(
        rt.SaveStateRequest(store_name=store, states=[rt.StateItem(key="ctr", value=b"0")])
    )
    per_writer, errors = 10, []

    def writer() -> None:
        stub = rt_grpc.RuntimeStub(runtime.make_channel())
        done = 0
        while done < per_writer:
            cur = stub.GetState(rt.GetStateRequest(store_name=store, key="ctr"))
            item = rt.StateItem(
                key="ctr",
                value=str(int(cur.data) + 1).encode(),
                etag=rt.Etag(value=cur.etag),
                options=rt.StateOptions(concurrency=rt.StateOptions.CONCURRENCY_FIRST_WRITE),
            )
            try:
                stub.SaveState(rt.SaveStateRequest(store_name=store, states=[item]))
                done += 1
            except grpc.RpcError as exc:
                if exc.code() != grpc.StatusCode.ABORTED:
                    errors.append(exc.code())
                    return

    threads = [threading.Thread(target=writer) for _ in range(32)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert (
        int(runtime.runtime.GetState(rt.GetStateRequest(store_name=store, key="ctr")).data) == 32 * per_writer
    )


def test_16_lock_contenders_never_see_two_holders(runtime):
    inside, max_inside, wins = 0, 0, 0
    guard = threading.Lock()

    def contender() -> None:
        nonlocal inside, max_inside, wins
        stub = rt_grpc.RuntimeStub(runtime.make_channel())
        deadline = time.monotonic() + 1.5
        while time.monotonic() < deadline:
            owner = uuid.uuid4().hex
            if stub.TryLock(
                rt.TryLockRequest(store_name="lock_demo", resource_id="hot", lock_owner=owner, expire=30)
            ).success:
                with guard:
                    inside += 1
                    max_inside = max(max_inside, inside)
                    wins += 1
                time.sleep(0.002)
                with guard:
                    inside -= 1
                status = stub.Unlock(
                    rt.UnlockRequest(store_name="lock_demo", resource_id="hot", lock_owner=owner)
                )
                assert status.status == rt.UnlockResponse.SUCCESS

    threads = [threading.Thread(target=contender) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert max_inside == 1 and wins >= 16


def test_strong_ids_unique_and_increasing_across_8_concurrent_clients(runtime):
    results: dict[int, list[int]] = {}

    def client(i: int) -> None:
        stub = rt_grpc.RuntimeStub(runtime.make_channel())
        req = rt.GetNextIdRequest(
            store_name="sequencer_demo",
            key="orders",
            options=rt.SequencerOptions(increment=rt.SequencerOptions.STRONG),
        )
        results[i] = [stub.GetNextId(req).next_id for _ in range(100)]

    threads = [threading.Thread(target=client, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    every = [x for ids in results.values() for x in ids]
    assert len(set(every)) == len(every) == 800
    assert sorted(every) == list(range(1, 801))
    assert all(all(a < b for a, b in zip(ids, ids[1:], strict=False)) for ids in results.values())


def test_restart_with_sqlite_store_keeps_every_saved_key(start_runtime, tmp_path):
    data = tmp_path / "data"
    first = start_runtime(data_dir=data)
    saved = {f"key-{i}": f"value-{i}".encode() for i in range(100)}
    for i in range(0, 100, 10):
        first.runtime.SaveState(
            rt.SaveStateRequest(
                store_name="state_sqlite",
                states=[rt.StateItem(key=k, value=saved[k]) for k in list(saved)[i : i + 10]],
            )
        )
    etag = first.runtime.GetState(rt.GetStateRequest(store_name="state_sqlite", key="key-0")).etag
    first.stop()
    second = start_runtime(data_dir=data)
    got = second.runtime.GetBulkState(rt.GetBulkStateRequest(store_name="state_sqlite", keys=list(saved)))
    assert {i.key: i.data for i in got.items} == saved
    assert second.runtime.GetState(rt.GetStateRequest(store_name="state_sqlite", key="key-0")).etag == etag
