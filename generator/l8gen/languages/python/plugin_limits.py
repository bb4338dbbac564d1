"""Python names grpc's Python plugin and protobuf's modules cannot compile (``l8gen.naming.plugin_limits``).

A top-level message or enum named a Python keyword exists only as ``getattr(x_pb2, "class")``, and grpc's
plugin writes ``x_pb2.class`` (SyntaxError); an RPC named a keyword becomes ``def class(self, ...)``; a proto
directory named a keyword cannot be imported (``a.class.b_pb2``). The Python target's ``plugin_problems``.
"""

from __future__ import annotations

import keyword
from collections.abc import Iterable

from l8gen.ir.model import Api, Enum, Message
from l8gen.naming.plugin_limits import Problem

PYTHON_KEYWORDS = frozenset(keyword.kwlist)


def plugin_problems(api: Api) -> Iterable[Problem]:
    types: list[Message | Enum] = [*api.messages, *api.enums]
    for element in types:
        if element.parent is None and element.name in PYTHON_KEYWORDS:
            kind = "message" if isinstance(element, Message) else "enum"
            yield (element.file, element.line,
                   f"python: {kind} {element.full_name}: a Python keyword; protobuf's module has it only as "
                   f"getattr(..., {element.name!r}) and grpc's Python plugin writes `_pb2.{element.name}`; "
                   "rename it in the proto")
    for service in api.services:
        for method in service.methods:
            if method.name in PYTHON_KEYWORDS:
                yield (service.file, method.line,
                       f"python: rpc {method.full_name}: a Python keyword; grpc's Python plugin writes "
                       f"`def {method.name}(...)`; rename it in the proto")
    for file in api.files:
        bad = [part for part in file.name.split("/")[:-1] if part in PYTHON_KEYWORDS]
        if bad:
            yield (file.name, 1, f"python: file {file.name}: directory {bad[0]!r} is a Python keyword, "
                                 "so its _pb2 module cannot be imported; move the file")
