"""Deliberate bugs for mutation testing of the compatibility harness (``l8-runtime --mutate NAME``).

Place in the runtime: a mutant runtime is the same oracle with exactly one behaviour broken; the harness
must fail against it, which proves its cases actually check that behaviour. Components consult
``RuntimeContext.mutated(NAME)`` at the one spot the bug lives. Off by default; unknown names are rejected.
``REACHED_BY`` names the RPCs (``Service/Method`` globs, short service names) whose handling reaches that
spot: the mutation self-test (compat-tests ``l8compat.mutants``) runs against a mutant only the cases that
call one of them.
"""

from __future__ import annotations

MUTATIONS: dict[str, str] = {
    "etag-ignored": "state: SaveState/DeleteState/transactions accept any etag (no ABORTED on mismatch)",
    "first-write-ignored": "state: FIRST_WRITE without etag overwrites an existing key",
    "state-get-stale": "state: GetState/GetBulkState return the value from before the latest write",
    "lock-not-exclusive": "lock: TryLock succeeds even while another owner holds the lock",
    "unlock-any-owner": "lock: Unlock releases a lock held by another owner (SUCCESS instead of "
    "LOCK_BELONG_TO_OTHERS)",
    "sequencer-repeats": "sequencer: every id is handed out twice",
    "config-no-notify": "configuration: SubscribeConfiguration never reports changes",
    "pubsub-retry-ignored": "pub/sub: a RETRY answer is treated as SUCCESS (no redelivery)",
    "file-list-ignores-marker": "file: ListFile ignores `marker` and always starts from the first file",
    "secret-wrong-value": "secrets: GetSecret returns the value of another key",
    "cryption-no-auth": "cryption: Decrypt accepts tampered ciphertext and returns garbage, not an error",
    "oss-etag-random": "oss: PutObject reports an etag that is not the MD5 of the body",
}


_STATE_WRITES = ("Runtime/SaveState", "Runtime/DeleteState", "Runtime/DeleteBulkState",
                 "Runtime/ExecuteStateTransaction")
_LOCK = ("Runtime/TryLock", "Runtime/Unlock", "Runtime/LockKeepAlive")
REACHED_BY: dict[str, tuple[str, ...]] = {
    "etag-ignored": _STATE_WRITES,
    "first-write-ignored": _STATE_WRITES,
    "state-get-stale": ("Runtime/GetState", "Runtime/GetBulkState"),
    "lock-not-exclusive": _LOCK,
    "unlock-any-owner": _LOCK,
    "sequencer-repeats": ("Runtime/GetNextId",),
    "config-no-notify": ("Runtime/SubscribeConfiguration",),
    "pubsub-retry-ignored": ("Runtime/PublishEvent", "Runtime/SubscribeTopicEvents"),
    "file-list-ignores-marker": ("Runtime/ListFile",),
    "secret-wrong-value": ("Runtime/GetSecret", "Runtime/GetBulkSecret"),
    "cryption-no-auth": ("CryptionService/*",),
    "oss-etag-random": ("ObjectStorageService/*",),
}


def describe() -> str:
    """One line per mutation, for ``--list-mutations``: name, description, the RPC globs that reach it."""
    return "".join(
        f"{name}\t{text}\t{','.join(REACHED_BY[name])}\n" for name, text in sorted(MUTATIONS.items())
    )
