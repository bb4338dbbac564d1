"""Lock store semantics: exclusivity, owners, expiry on the monotonic clock, keep-alive."""

from __future__ import annotations

import threading
import time

import pytest
from l8_runtime.components.lock import LOCK_BELONG_TO_OTHERS, LOCK_UNEXIST, SUCCESS, LockStore
from l8_runtime.context import RuntimeContext
from l8_runtime.errors import ApiError


@pytest.fixture
def lock(make):
    return make(LockStore)


def test_try_lock_takes_a_free_lock(lock):
    assert lock.try_lock("r", "o1", 10) is True
    assert lock.holder("r") == "o1"


def test_second_owner_cannot_take_a_held_lock(lock):
    lock.try_lock("r", "o1", 10)
    assert lock.try_lock("r", "o2", 10) is False
    assert lock.holder("r") == "o1"


def test_lock_is_not_reentrant(lock):
    lock.try_lock("r", "o1", 10)
    assert lock.try_lock("r", "o1", 10) is False


def test_unlock_statuses(lock):
    assert lock.unlock("r", "o1") == LOCK_UNEXIST
    lock.try_lock("r", "o1", 10)
    assert lock.unlock("r", "o2") == LOCK_BELONG_TO_OTHERS
    assert lock.unlock("r", "o1") == SUCCESS
    assert lock.unlock("r", "o1") == LOCK_UNEXIST


def test_lock_expires_after_its_lease(lock, clock):
    lock.try_lock("r", "o1", 5)
    clock.advance(4.9)
    assert lock.try_lock("r", "o2", 5) is False
    clock.advance(0.2)
    assert lock.try_lock("r", "o2", 5) is True
    assert lock.unlock("r", "o1") == LOCK_BELONG_TO_OTHERS


def test_expired_lock_unlocks_as_unexist(lock, clock):
    lock.try_lock("r", "o1", 1)
    clock.advance(2)
    assert lock.unlock("r", "o1") == LOCK_UNEXIST


def test_keep_alive_extends_the_lease(lock, clock):
    lock.try_lock("r", "o1", 5)
    clock.advance(4)
    assert lock.keep_alive("r", "o1", 5) == SUCCESS
    clock.advance(4)
    assert lock.try_lock("r", "o2", 5) is False
    clock.advance(2)
    assert lock.try_lock("r", "o2", 5) is True


def test_keep_alive_statuses(lock):
    assert lock.keep_alive("r", "o1", 5) == LOCK_UNEXIST
    lock.try_lock("r", "o1", 5)
    assert lock.keep_alive("r", "o2", 5) == LOCK_BELONG_TO_OTHERS


@pytest.mark.parametrize(
    "args,field",
    [
        (("", "o", 1), "resource_id"),
        (("r", "", 1), "lock_owner"),
        (("r", "o", 0), "expire"),
        (("r", "o", -3), "expire"),
    ],
)
def test_invalid_arguments(lock, args, field):
    with pytest.raises(ApiError) as exc:
        lock.try_lock(*args)
    assert exc.value.code == "INVALID_ARGUMENT"
    assert exc.value.violations[0][0] == field


def test_16_contenders_never_see_two_holders(tmp_path):
    """16 threads hammer one lock; a shared occupancy counter never exceeds 1."""
    lock = LockStore("l", {}, RuntimeContext(scratch_dir=tmp_path))
    inside = 0
    max_inside = 0
    wins = 0
    guard = threading.Lock()

    def contender(i: int) -> None:
        nonlocal inside, max_inside, wins
        deadline = time.monotonic() + 1.0
        while time.monotonic() < deadline:
            owner = f"owner-{i}-{time.monotonic_ns()}"
            if lock.try_lock("shared", owner, 30):
                with guard:
                    inside += 1
                    max_inside = max(max_inside, inside)
                    wins += 1
                time.sleep(0.0005)
                with guard:
                    inside -= 1
                assert lock.unlock("shared", owner) == SUCCESS

    threads = [threading.Thread(target=contender, args=(i,)) for i in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert max_inside == 1
    assert wins > 16


def test_mutant_lock_not_exclusive_lets_a_second_owner_in(make, mutant):
    lock = make(LockStore, ctx_=mutant("lock-not-exclusive"))
    lock.try_lock("r", "o1", 10)
    assert lock.try_lock("r", "o2", 10) is True
