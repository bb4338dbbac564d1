"""l8compat.expect: error codes, responses, byte concatenation of streams."""

from __future__ import annotations

import base64

import pytest
from l8compat.expect import StepFailed, verify


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode()


def test_expected_error_against_success_fails() -> None:
    with pytest.raises(StepFailed, match="expected error NOT_FOUND, got success"):
        verify({"error": "NOT_FOUND"}, {"ok": True, "response": {}})


def test_error_code_and_message() -> None:
    view = {"ok": False, "error": {"code": "INVALID_ARGUMENT", "message": 'store "x" is not found'}}
    verify({"error": {"code": "INVALID_ARGUMENT", "message_contains": "not found"}}, view)
    with pytest.raises(StepFailed, match="expected error NOT_FOUND, got INVALID_ARGUMENT"):
        verify({"error": "NOT_FOUND"}, view)
    with pytest.raises(StepFailed, match="does not contain"):
        verify({"error": {"code": "INVALID_ARGUMENT", "message_contains": "zzz"}}, view)


def test_unexpected_error_fails_a_step_without_expectations() -> None:
    with pytest.raises(StepFailed, match="unexpected error UNAVAILABLE"):
        verify({}, {"ok": False, "error": {"code": "UNAVAILABLE", "message": "down"}})


def test_concat_compares_bytes_across_messages() -> None:
    view = {"ok": True, "responses": [{"data": _b64(b"hel")}, {"data": _b64(b"lo")}]}
    verify({"concat": {"field": "data", "equals": _b64(b"hello")}}, view)
    with pytest.raises(StepFailed, match="first difference at byte 3"):
        verify({"concat": {"field": "data", "equals": _b64(b"helxo")}}, view)
