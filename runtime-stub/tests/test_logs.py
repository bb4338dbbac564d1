"""Structured logs: JSON lines, sensitive keys redacted at any depth."""

from __future__ import annotations

import io
import json
import logging

from l8_runtime import logs


def test_redact_nested_sensitive_keys():
    entry = {
        "metadata": {"authorization": "Bearer x", "x-trace": "1"},
        "api_token": "t",
        "list": [{"password": "p"}],
    }
    assert logs.redact(entry) == {
        "metadata": {"authorization": "<redacted>", "x-trace": "1"},
        "api_token": "<redacted>",
        "list": [{"password": "<redacted>"}],
    }


def test_json_lines_with_fields():
    stream = io.StringIO()
    log = logs.setup(stream, "debug")
    logs.log_event(logging.getLogger("l8.runtime.test"), logging.INFO, "hello", method="m", secret_value="s")
    line = json.loads(stream.getvalue())
    assert (line["msg"], line["level"], line["logger"], line["method"], line["secret_value"]) == (
        "hello",
        "info",
        "l8.runtime.test",
        "m",
        "<redacted>",
    )
    log.handlers.clear()
