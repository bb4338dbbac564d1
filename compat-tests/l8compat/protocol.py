"""The compat driver line protocol as data: each message checked against schema/driver.schema.json.

Place in the pipeline: executor -> DriverProcess.request -> **protocol** (check the request before it is
written, the reply before it is used) -> the driver. The schema is the one machine-readable definition of
docs/CONTRACTS.md §4 (ops, their fields, reply fields, error codes); a driver that answers outside it is a
DriverFailure naming the op, the JSON path and what was wrong.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import jsonschema

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "schema" / "driver.schema.json"


@functools.lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(loaded)
    return loaded


def ops() -> tuple[str, ...]:
    """The ops the protocol defines (any other op must be answered UNIMPLEMENTED)."""
    return tuple(schema()["$defs"]["request"]["properties"]["op"]["enum"])


@functools.lru_cache(maxsize=64)
def _validator(definition: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator({"$ref": f"#/$defs/{definition}", "$defs": schema()["$defs"]})


def _problems(definition: str, message: dict[str, Any]) -> list[str]:
    errors = sorted(_validator(definition).iter_errors(message), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(str(p) for p in e.absolute_path) or '(top)'}: {e.message[:200]}" for e in errors]


def request_problems(message: dict[str, Any]) -> list[str]:
    """Why ``message`` is not a valid request (empty when it is). Unknown ops pass: the protocol says a
    driver answers them UNIMPLEMENTED, and the harness tests that."""
    if message.get("op") not in ops():
        return []
    return _problems(f"request_{message['op']}", message)


def reply_problems(op: str, message: dict[str, Any]) -> list[str]:
    """Why ``message`` is not a valid reply to ``op`` (empty when it is): a failure must carry a gRPC status
    name; a success must carry the fields of ``op``'s reply."""
    if message.get("ok") is not True:
        return _problems("failure", message)
    return _problems(f"reply_{op}", message) if op in ops() else []
