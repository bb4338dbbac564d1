"""Templating of case values: `{{ expr }}` in YAML strings, evaluated per case run.

Place in the pipeline: cases (loaded YAML) -> templating -> driver requests / expectations.
Expressions are Jinja2 expressions in a sandbox with StrictUndefined, so a typo in a variable name is an
error naming the case and step, never an empty string. A string that is exactly one `{{ expr }}` keeps the
native type of the value (int, list, object); otherwise the parts are rendered into the string.

Names available to a case: `uuid` (one fresh UUID per case run, the same in every step: the unique-key
idiom), `uid` (its first 12 hex digits), `case_id` (a slug of the case id), `run_id`, `vars` (values
captured by earlier steps), `ctx` (facts of the run: callback_port, language, ...) and the functions below.
"""

from __future__ import annotations

import base64
import hashlib
import re
import uuid as _uuid
from collections.abc import Mapping
from typing import Any

from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

_WHOLE = re.compile(r"^\{\{(.*)\}\}$", re.S)


class TemplateFailure(ValueError):
    pass


def b64(text: str | bytes) -> str:
    """Base64 of a UTF-8 string (proto3 JSON form of a bytes field)."""
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return base64.b64encode(raw).decode("ascii")


def unb64(data: str) -> str:
    return base64.b64decode(data).decode("utf-8")


def rand_bytes(n: int, seed: str = "l8") -> bytes:
    """n deterministic pseudo-random bytes (binary payloads that both request and expectation recompute)."""
    out = bytearray()
    counter = 0
    while len(out) < n:
        out += hashlib.sha256(f"{seed}:{counter}".encode()).digest()
        counter += 1
    return bytes(out[:n])


def b64rand(n: int, seed: str = "l8") -> str:
    return base64.b64encode(rand_bytes(int(n), seed)).decode("ascii")


def b64slice(data_b64: str, start: int, end: int | None = None) -> str:
    """Base64 of the bytes [start:end] of a base64 payload (expected chunks / ranges)."""
    return base64.b64encode(
        base64.b64decode(data_b64)[int(start) : None if end is None else int(end)]
    ).decode()


def b64concat(*parts: str) -> str:
    return base64.b64encode(b"".join(base64.b64decode(p) for p in parts)).decode("ascii")


def repeat(text: str, n: int) -> str:
    return text * int(n)


def sha256_hex(data_b64: str) -> str:
    return hashlib.sha256(base64.b64decode(data_b64)).hexdigest()


def md5_hex(data_b64: str) -> str:
    return hashlib.md5(base64.b64decode(data_b64), usedforsecurity=False).hexdigest()


def b64flip(data_b64: str, index: int = -1) -> str:
    """The same bytes with one byte inverted (tampered ciphertext)."""
    raw = bytearray(base64.b64decode(data_b64))
    raw[int(index)] ^= 0xFF
    return base64.b64encode(bytes(raw)).decode("ascii")


def _fresh_uuid() -> str:
    return str(_uuid.uuid4())


FUNCTIONS: dict[str, Any] = {
    "b64": b64,
    "unb64": unb64,
    "b64rand": b64rand,
    "b64slice": b64slice,
    "b64concat": b64concat,
    "repeat": repeat,
    "sha256_hex": sha256_hex,
    "md5_hex": md5_hex,
    "b64flip": b64flip,
    "fresh_uuid": _fresh_uuid,
    "int": int,
    "str": str,
    "len": len,
}

_ENV = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)


class Scope:
    """The names one case run sees. `vars` grows as steps capture values."""

    def __init__(self, case_id: str, run_id: str, ctx: Mapping[str, Any] | None = None) -> None:
        self.uuid = str(_uuid.uuid4())
        self.case_id = re.sub(r"[^A-Za-z0-9]+", "-", case_id).strip("-").lower()
        self.run_id = run_id
        self.ctx = dict(ctx or {})
        self.vars: dict[str, Any] = {}

    def names(self) -> dict[str, Any]:
        return {
            **FUNCTIONS,
            "uuid": self.uuid,
            "uid": self.uuid.replace("-", "")[:12],
            "case_id": self.case_id,
            "run_id": self.run_id,
            "vars": self.vars,
            "ctx": self.ctx,
        }


def _render_string(text: str, names: Mapping[str, Any]) -> Any:
    if "{{" not in text and "{%" not in text:
        return text
    try:
        whole = _WHOLE.match(text)
        if whole and "{{" not in whole.group(1):
            return _ENV.compile_expression(whole.group(1).strip(), undefined_to_none=False)(**names)
        return _ENV.from_string(text).render(**names)
    except TemplateError as exc:
        raise TemplateFailure(f"template {text!r}: {exc}") from exc
    except (TypeError, ValueError, KeyError) as exc:
        raise TemplateFailure(f"template {text!r}: {type(exc).__name__}: {exc}") from exc


def render(value: Any, scope: Scope) -> Any:
    """Render every string (and mapping key) in a YAML value tree."""
    names = scope.names()

    def walk(v: Any) -> Any:
        if isinstance(v, str):
            out = _render_string(v, names)
            if isinstance(out, StrictUndefined):
                raise TemplateFailure(f"template {v!r} is undefined")
            return out
        if isinstance(v, list):
            return [walk(x) for x in v]
        if isinstance(v, dict):
            return {walk(k) if isinstance(k, str) else k: walk(x) for k, x in v.items()}
        return v

    return walk(value)
