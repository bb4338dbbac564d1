"""Sequencer semantics: per-key ids from 1, strictly increasing and unique under concurrency, persistence."""

from __future__ import annotations

import threading

import pytest
from l8_runtime.components.base import ComponentConfigError
from l8_runtime.components.sequencer import Sequencer, SqliteSequencer
from l8_runtime.context import RuntimeContext
from l8_runtime.errors import ApiError


def test_ids_start_at_one_and_are_per_key(make):
    seq = make(Sequencer)
    assert [seq.next_id("a"), seq.next_id("a"), seq.next_id("b"), seq.next_id("a")] == [1, 2, 1, 3]


def test_weak_ids_are_unique_too(make):
    seq = make(Sequencer)
    ids = [seq.next_id("w", strong=False) for _ in range(50)]
    assert len(set(ids)) == 50


def test_bigger_than_sets_a_floor(make):
    seq = make(Sequencer, **{"biggerThan.orders": "1000"})
    assert seq.next_id("orders") == 1001
    assert seq.next_id("other") == 1


def test_bad_bigger_than_is_a_config_error(make):
    with pytest.raises(ComponentConfigError):
        make(Sequencer, **{"biggerThan.x": "many"})


def test_empty_key_is_invalid(make):
    with pytest.raises(ApiError) as exc:
        make(Sequencer).next_id("")
    assert exc.value.code == "INVALID_ARGUMENT"


def test_strong_ids_unique_and_increasing_across_8_concurrent_clients(make):
    seq = make(Sequencer)
    per_client: dict[int, list[int]] = {}

    def client(i: int) -> None:
        per_client[i] = [seq.next_id("k", strong=True) for _ in range(500)]

    threads = [threading.Thread(target=client, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    every = [x for ids in per_client.values() for x in ids]
    assert len(every) == len(set(every)) == 4000
    assert sorted(every) == list(range(1, 4001))
    for ids in per_client.values():
        assert all(a < b for a, b in zip(ids, ids[1:], strict=False))


def test_sqlite_sequencer_continues_after_restart(tmp_path):
    ctx = RuntimeContext(data_dir=tmp_path)
    s1 = SqliteSequencer("seq", {}, ctx)
    assert [s1.next_id("k") for _ in range(3)] == [1, 2, 3]
    s1.close()
    s2 = SqliteSequencer("seq", {}, RuntimeContext(data_dir=tmp_path))
    assert s2.next_id("k") == 4
    s2.close()


def test_mutant_sequencer_repeats_hands_out_an_id_twice(make, mutant):
    seq = make(Sequencer, ctx_=mutant("sequencer-repeats"))
    ids = [seq.next_id("k") for _ in range(4)]
    assert len(set(ids)) < 4
