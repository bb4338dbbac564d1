"""Deliberate bugs for mutation testing of the compatibility harness (``l8-runtime --mutate NAME``).

Place in the runtime: a mutant runtime is the same oracle with exactly one behaviour broken; the harness
must fail against it, which proves its cases actually check that behaviour. Components consult
``RuntimeContext.mutated(NAME)`` at the one spot the bug lives. Off by default; unknown names are rejected.
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


def describe() -> str:
    """One line per mutation, for ``--list-mutations``."""
    return "".join(f"{name}\t{text}\n" for name, text in sorted(MUTATIONS.items()))
