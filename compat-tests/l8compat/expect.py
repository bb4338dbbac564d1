"""Checking one step's reply against its `expect:` block (after templating).

Place in the pipeline: executor (sends a step, builds a reply view) -> expect.verify -> StepFailed or OK.
A reply view is a dict: ok, error {code, message, details}, and the canonical proto3 JSON of whatever the
step returned (response, responses, messages, done, events) or, for `assert`, value.
"""

from __future__ import annotations

import base64
import re
from typing import Any

from .matching import Mismatch, match
from .results import clip


class StepFailed(AssertionError):
    pass


def _concat(view: dict[str, Any], field: str) -> bytes:
    items = view.get("responses")
    if items is None:
        items = view.get("messages")
    if not isinstance(items, list):
        raise StepFailed("concat: the step returned no message list")
    out = bytearray()
    for i, item in enumerate(items):
        value = item.get(field, "") if isinstance(item, dict) else None
        if not isinstance(value, str):
            raise StepFailed(f"concat: message {i} has no bytes field {field!r}: {clip(item)}")
        out += base64.b64decode(value)
    return bytes(out)


def _first_diff(a: bytes, b: bytes) -> int:
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return i
    return min(len(a), len(b))


def verify(expect: dict[str, Any], view: dict[str, Any]) -> None:
    """Raise StepFailed with a precise reason when the reply does not meet the expectation."""
    err_exp = expect.get("error")
    error = view.get("error") or {}
    if err_exp is not None:
        want = err_exp if isinstance(err_exp, str) else err_exp["code"]
        if view.get("ok"):
            shown = {k: v for k, v in view.items() if k not in ("ok", "error")}
            raise StepFailed(f"expected error {want}, got success: {clip(shown, 200)}")
        if error.get("code") != want:
            raise StepFailed(f"expected error {want}, got {error.get('code')}: {error.get('message', '')}")
        if isinstance(err_exp, dict):
            msg = str(error.get("message", ""))
            if "message_contains" in err_exp and err_exp["message_contains"] not in msg:
                raise StepFailed(f"error message {msg!r} does not contain {err_exp['message_contains']!r}")
            if "message_regex" in err_exp and not re.search(err_exp["message_regex"], msg):
                raise StepFailed(f"error message {msg!r} does not match /{err_exp['message_regex']}/")
            if "details" in err_exp:
                try:
                    match(err_exp["details"], error.get("details", []), "error.details")
                except Mismatch as exc:
                    raise StepFailed(str(exc)) from None
        return
    if not view.get("ok", True):
        raise StepFailed(f"unexpected error {error.get('code')}: {error.get('message', '')}")
    for key in ("response", "responses", "messages", "done", "events", "value"):
        if key in expect:
            if key not in view:
                raise StepFailed(f"expected {key!r} but the step returned none (have {sorted(view)})")
            try:
                match(expect[key], view[key], key)
            except Mismatch as exc:
                raise StepFailed(str(exc)) from None
    if "concat" in expect:
        got = _concat(view, expect["concat"]["field"])
        want_b = base64.b64decode(expect["concat"]["equals"])
        if got != want_b:
            raise StepFailed(
                f"concat({expect['concat']['field']}): got {len(got)} bytes, expected {len(want_b)};"
                f" first difference at byte {_first_diff(got, want_b)}"
            )
