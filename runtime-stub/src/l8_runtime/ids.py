"""Random identifiers: event and request ids (UUID strings) and opaque hex ids (etags, versions, uploads).

Place in the runtime: a leaf used by components, the observer and the control service. ``uuid`` is imported on
the first id, not at start-up: it imports ``platform``, whose nine regular expressions compiled at import
cost ~2.7 ms of the start to READY (bench/notes.py, start-up row).
"""

from __future__ import annotations


def uuid4() -> str:
    """A random UUID in its canonical form (``8-4-4-4-12`` hex digits)."""
    import uuid

    return str(uuid.uuid4())


def hex_id(length: int = 32) -> str:
    """``length`` hex digits of a random UUID (at most 32)."""
    import uuid

    return uuid.uuid4().hex[:length]
