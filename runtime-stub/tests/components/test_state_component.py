"""State store semantics (memory and SQLite): etags, FIRST_WRITE/LAST_WRITE, TTL, bulk, transactions."""

from __future__ import annotations

import threading

import pytest
from l8_runtime.components.state import FIRST_WRITE, LAST_WRITE, DeleteOp, SetOp, StateStore
from l8_runtime.components.state_sqlite import SqliteStateStore
from l8_runtime.context import RuntimeContext
from l8_runtime.errors import ApiError

STORES = [StateStore, SqliteStateStore]


@pytest.fixture(params=STORES, ids=["memory", "sqlite"])
def store(request, make):
    s = make(request.param)
    yield s
    s.close()


def test_missing_key_reads_empty(store):
    r = store.get("nope")
    assert (r.found, r.value, r.etag) == (False, b"", "")


def test_save_then_get_returns_value_and_etag(store):
    store.save([SetOp("k", b"v1")])
    r = store.get("k")
    assert r.value == b"v1" and r.etag


def test_every_write_changes_the_etag(store):
    store.save([SetOp("k", b"v1")])
    e1 = store.get("k").etag
    store.save([SetOp("k", b"v2")])
    assert store.get("k").etag != e1


def test_matching_etag_allows_write(store):
    store.save([SetOp("k", b"v1")])
    store.save([SetOp("k", b"v2", etag=store.get("k").etag)])
    assert store.get("k").value == b"v2"


def test_stale_etag_is_aborted_and_keeps_value(store):
    store.save([SetOp("k", b"v1")])
    stale = store.get("k").etag
    store.save([SetOp("k", b"v2")])
    with pytest.raises(ApiError) as exc:
        store.save([SetOp("k", b"v3", etag=stale)])
    assert exc.value.code == "ABORTED"
    assert store.get("k").value == b"v2"


@pytest.mark.parametrize("concurrency", ["", FIRST_WRITE, LAST_WRITE])
def test_etag_on_missing_key_is_accepted_like_layottos_redis_store(store, concurrency):
    store.save([SetOp("new", b"v", etag="123", concurrency=concurrency)])
    assert store.get("new").value == b"v"
    store.delete(DeleteOp("gone", etag="456", concurrency=concurrency))
    assert store.get("gone").found is False


@pytest.mark.parametrize("concurrency", ["", FIRST_WRITE])
def test_etag_zero_means_no_etag(store, concurrency):
    store.save([SetOp("k", b"v1")])
    store.save([SetOp("k", b"v2", etag="0")])  # "0" is no etag: unconditional (unspecified) write
    assert store.get("k").value == b"v2"
    if concurrency == FIRST_WRITE:
        # FIRST_WRITE without an etag ("0") on an existing key still conflicts
        with pytest.raises(ApiError) as exc:
            store.save([SetOp("k", b"v3", etag="0", concurrency=concurrency)])
        assert exc.value.code == "ABORTED"
        assert store.get("k").value == b"v2"
    store.delete(DeleteOp("k", etag="0"))
    assert store.get("k").found is False


def test_last_write_ignores_a_stale_etag(store):
    store.save([SetOp("k", b"v1")])
    stale = store.get("k").etag
    store.save([SetOp("k", b"v2")])
    store.save([SetOp("k", b"v3", etag=stale, concurrency=LAST_WRITE)])
    assert store.get("k").value == b"v3"
    store.transact([DeleteOp("k", etag=stale, concurrency=LAST_WRITE)])
    assert store.get("k").found is False


def test_first_write_enforces_a_stale_etag(store):
    store.save([SetOp("k", b"v1")])
    stale = store.get("k").etag
    store.save([SetOp("k", b"v2")])
    for op in (SetOp("k", b"v3", etag=stale, concurrency=FIRST_WRITE), DeleteOp("k", stale, FIRST_WRITE)):
        with pytest.raises(ApiError) as exc:
            store.transact([op])
        assert exc.value.code == "ABORTED"
    assert store.get("k").value == b"v2"


def test_first_write_without_etag_creates_but_never_overwrites(store):
    store.save([SetOp("k", b"v1", concurrency=FIRST_WRITE)])
    with pytest.raises(ApiError) as exc:
        store.save([SetOp("k", b"v2", concurrency=FIRST_WRITE)])
    assert exc.value.code == "ABORTED"
    assert store.get("k").value == b"v1"


def test_last_write_without_etag_overwrites(store):
    store.save([SetOp("k", b"v1", concurrency=LAST_WRITE)])
    store.save([SetOp("k", b"v2", concurrency=LAST_WRITE)])
    assert store.get("k").value == b"v2"


def test_multi_item_save_is_all_or_nothing(store):
    store.save([SetOp("a", b"1")])
    with pytest.raises(ApiError):
        store.save([SetOp("b", b"2"), SetOp("a", b"x", etag="wrong")])
    assert store.get("b").found is False
    assert store.get("a").value == b"1"


def test_delete_with_wrong_etag_is_aborted(store):
    store.save([SetOp("k", b"v")])
    with pytest.raises(ApiError) as exc:
        store.delete(DeleteOp("k", etag="wrong"))
    assert exc.value.code == "ABORTED"
    store.delete(DeleteOp("k", etag=store.get("k").etag))
    assert store.get("k").found is False


def test_delete_missing_key_is_not_an_error(store):
    store.delete(DeleteOp("ghost"))
    assert store.get("ghost").found is False


def test_bulk_delete_checks_all_etags_first(store):
    store.save([SetOp("a", b"1"), SetOp("b", b"2")])
    with pytest.raises(ApiError):
        store.bulk_delete([DeleteOp("a"), DeleteOp("b", etag="wrong")])
    assert store.get("a").found and store.get("b").found


def test_bulk_get_keeps_request_order_and_reports_per_item_errors(store):
    store.save([SetOp("a", b"1"), SetOp("b", b"2")])
    items = store.bulk_get(["b", "", "missing", "a"])
    assert [i.key for i in items] == ["b", "", "missing", "a"]
    assert [i.value for i in items] == [b"2", b"", b"", b"1"]
    assert items[1].error and not items[0].error and not items[2].error


def test_transaction_applies_upserts_and_deletes_atomically(store):
    store.save([SetOp("old", b"x")])
    store.transact([SetOp("n1", b"1"), DeleteOp("old"), SetOp("n2", b"2")])
    assert store.keys() == ["n1", "n2"]


def test_transaction_with_one_bad_etag_applies_nothing(store):
    store.save([SetOp("a", b"1")])
    with pytest.raises(ApiError) as exc:
        store.transact([SetOp("n", b"1"), DeleteOp("a", etag="bad")])
    assert exc.value.code == "ABORTED"
    assert store.keys() == ["a"]


def test_empty_key_is_invalid_argument(store):
    with pytest.raises(ApiError) as exc:
        store.save([SetOp("", b"v")])
    assert exc.value.code == "INVALID_ARGUMENT"


def test_ttl_expires_the_key(store, clock):
    store.save([SetOp("t", b"v", metadata={"ttlInSeconds": "10"})])
    assert "ttlExpireTime" in store.get("t").metadata
    clock.advance(11)
    assert store.get("t").found is False


def test_bad_ttl_is_invalid_argument(store):
    with pytest.raises(ApiError) as exc:
        store.save([SetOp("t", b"v", metadata={"ttlInSeconds": "soon"})])
    assert exc.value.code == "INVALID_ARGUMENT"


def test_32_concurrent_first_write_writers_lose_no_update(make):
    """Read-modify-write with etags from 32 threads: every increment survives."""
    store = make(StateStore)
    store.save([SetOp("counter", b"0")])
    per_writer, writers = 20, 32

    def writer() -> None:
        done = 0
        while done < per_writer:
            cur = store.get("counter")
            try:
                store.save(
                    [
                        SetOp(
                            "counter",
                            str(int(cur.value) + 1).encode(),
                            etag=cur.etag,
                            concurrency=FIRST_WRITE,
                        )
                    ]
                )
                done += 1
            except ApiError as exc:
                assert exc.code == "ABORTED"

    threads = [threading.Thread(target=writer) for _ in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert int(store.get("counter").value) == per_writer * writers


def test_sqlite_restart_keeps_every_saved_key(tmp_path, clock):
    ctx = RuntimeContext(data_dir=tmp_path / "data", monotonic=clock, wall=clock)
    first = SqliteStateStore("state_sqlite", {}, ctx)
    expected = {f"k{i}": f"v{i}".encode() for i in range(200)}
    first.save([SetOp(k, v) for k, v in expected.items()])
    first.delete(DeleteOp("k0"))
    del expected["k0"]
    first.close()
    again = SqliteStateStore(
        "state_sqlite", {}, RuntimeContext(data_dir=tmp_path / "data", monotonic=clock, wall=clock)
    )
    assert again.keys() == sorted(expected)
    assert {k: again.get(k).value for k in expected} == expected
    again.close()


def test_mutant_etag_ignored_accepts_stale_etag(make, mutant):
    store = make(StateStore, ctx_=mutant("etag-ignored"))
    store.save([SetOp("k", b"v1")])
    store.save([SetOp("k", b"v2", etag="stale")])
    assert store.get("k").value == b"v2"
