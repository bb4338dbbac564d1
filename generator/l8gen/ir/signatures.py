"""Flattened call signatures of RPCs (``Method.signatures``), computed once while the IR is built.

Pipeline place: helper of ``ir.builder``. A signature is an ordered list of top-level request fields that
the SDKs accept as plain arguments next to the request-object form (Google's ``google.api.method_signature``).
Two sources, one result:

- the method option ``google.api.method_signature`` (extension 1051 of ``MethodOptions``, a repeated string
  such as ``"store_name,key"``), read from the option bytes so that no descriptor of google/api is needed;
- ``[tool.l8gen.signatures]`` in pyproject.toml: ``"pkg.Service.Method" = ["store_name,key", ...]``. A
  configured RPC replaces what its annotation declares.

Rules (each broken rule is a ``ConfigError`` naming the proto ``file:line`` or the configuration key): the
RPC exists and sends one request (unary or server-streaming); every name is a top-level field of the
request (no nested ``a.b`` paths), listed once; at most one field of a oneof; the signatures of one RPC
differ in their number of fields (the SDKs tell them apart by arity).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from l8gen.errors import ConfigError
from l8gen.ir.model import Message, Method

METHOD_SIGNATURE = 1051  # google.api.method_signature (google/api/client.proto)


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        if pos >= len(data):
            raise ValueError("truncated varint")
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, pos


def annotated(options: bytes) -> tuple[str, ...]:
    """The ``google.api.method_signature`` strings in serialized ``MethodOptions`` (unknown fields kept)."""
    out: list[str] = []
    pos = 0
    while pos < len(options):
        key, pos = _varint(options, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            _, pos = _varint(options, pos)
        elif wire == 1:
            pos += 8
        elif wire == 5:
            pos += 4
        elif wire == 2:
            size, pos = _varint(options, pos)
            if number == METHOD_SIGNATURE:
                out.append(options[pos : pos + size].decode("utf-8"))
            pos += size
        else:  # groups (3/4) do not occur in MethodOptions
            raise ValueError(f"unsupported wire type {wire} in method options")
    return tuple(out)


def validate(
    method: Method, request: Message, declared: Sequence[str], where: str
) -> tuple[tuple[str, ...], ...]:
    """The checked signatures of ``method`` (``declared``: comma-separated field lists; ``where`` prefixes
    every error: ``file.proto:12`` or ``pyproject.toml [tool.l8gen.signatures] "pkg.Svc.Rpc"``)."""
    if declared and method.shape not in ("unary", "server_stream"):
        raise ConfigError(f"{where}: {method.full_name} is {method.shape.replace('_', '-')}: flattened "
                          "signatures need an RPC that sends one request (unary or server-streaming)")
    fields = {f.name: f for f in request.fields}
    out: list[tuple[str, ...]] = []
    arities: dict[int, str] = {}
    for text in declared:
        names = tuple(part.strip() for part in text.split(",")) if text.strip() else ()
        for name in names:
            if "." in name:
                raise ConfigError(f"{where}: signature {text!r} of {method.full_name}: nested path {name!r} "
                                  "is not supported; name top-level fields of the request only")
            if name not in fields:
                known = ", ".join(f.name for f in request.fields) or "none"
                raise ConfigError(f"{where}: signature {text!r} of {method.full_name}: {request.name} has no "
                                  f"field {name!r} (fields: {known})")
        if len(set(names)) != len(names):
            raise ConfigError(f"{where}: signature {text!r} of {method.full_name} names a field twice")
        oneofs = [fields[n].oneof for n in names if fields[n].oneof is not None]
        if len(set(oneofs)) != len(oneofs):
            raise ConfigError(f"{where}: signature {text!r} of {method.full_name} sets two fields of one "
                              "oneof; a call can set only one of them")
        if len(names) in arities:
            raise ConfigError(f"{where}: signatures {arities[len(names)]!r} and {text!r} of "
                              f"{method.full_name} have the same number of fields; the SDKs tell a "
                              "method's signatures apart by their number of arguments")
        arities[len(names)] = text
        out.append(names)
    return tuple(out)


def check_configured(configured: Mapping[str, Sequence[str]], methods: Mapping[str, Method],
                     packages: Iterable[str], where: str) -> None:
    """Every configured RPC of a package being generated exists (a typo is an error, not a silently missing
    signature). Keys of other packages are left alone: one configuration may serve several proto subsets."""
    ours = {p for p in packages if p}
    for name in sorted(configured):
        if name in methods or not any(name.startswith(f"{p}.") for p in ours):
            continue
        close = sorted(m for m in methods if m.rsplit(".", 1)[-1] == name.rsplit(".", 1)[-1])
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        raise ConfigError(f"{where} {name!r}: no such RPC in the API; keys are full method names "
                          f"such as package.Service.Method{hint}")
