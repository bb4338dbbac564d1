"""Names the official protoc plugins cannot compile: refused before any target runs (pipeline stage 2->3).

Pipeline place: IR --(``check``)--> targets. l8gen's own identifiers follow each language's escape rule
(``languages/<lang>/naming.py``), but the message/stub code comes from the official plugins, which escape
less:

- Python (protobuf + grpcio-tools): a top-level message or enum named a Python keyword exists only as
  ``getattr(x_pb2, "class")``, and grpc's plugin writes ``x_pb2.class`` (SyntaxError); an RPC named a keyword
  becomes ``def class(self, ...)``; a proto directory named a keyword cannot be imported (``a.class.b_pb2``).
- C++ (grpc_cpp_plugin 1.51): message types of RPCs are written unescaped (``::torture::v1::class``), so are
  service and RPC names and package namespaces; a service named ``Service`` declares a nested class with the
  name of its enclosing class.
- protoc-gen-es and protoc-gen-go escape every name they emit; nothing to refuse for Node and Go.

No ``[tool.l8gen.<language>.overrides]`` entry can rename what a plugin writes, so every problem says to
rename the proto element. ``check`` reports EVERY problem of the selected targets in one ``NamingError``, one
line each, ``file:line: <language>: <element>: <why>``, sorted by file and line.
"""

from __future__ import annotations

import keyword
from collections.abc import Callable, Iterable, Sequence

from l8gen.errors import NamingError
from l8gen.ir.model import Api, Enum, Message
from l8gen.languages.cpp.naming import KEYWORDS as CPP_KEYWORDS

Problem = tuple[str, int, str]  # (file, line, message)
PYTHON_KEYWORDS = frozenset(keyword.kwlist)


def _python(api: Api) -> Iterable[Problem]:
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


def _cpp(api: Api) -> Iterable[Problem]:
    for file in api.files:
        bad = [part for part in file.package.split(".") if part in CPP_KEYWORDS]
        if bad:
            yield (file.name, 1, f"cpp: package {file.package}: {bad[0]!r} is a C++ keyword; grpc_cpp_plugin "
                                 f"writes the namespace unescaped; rename the package")
    used = sorted({t for s in api.services for m in s.methods for t in (m.input_type, m.output_type)})
    own = {m.full_name: m for m in api.messages}
    for name in used:
        message = own.get(name)
        if message is not None and message.parent is None and message.name in CPP_KEYWORDS:
            yield (message.file, message.line,
                   f"cpp: message {message.full_name}: a C++ keyword used by an RPC; grpc_cpp_plugin 1.51 "
                   "writes "
                   f"`::{message.full_name.replace('.', '::')}` unescaped; rename it in the proto")
    for service in api.services:
        if service.name in CPP_KEYWORDS or service.name == "Service":
            why = ("a C++ keyword" if service.name in CPP_KEYWORDS
                   else "grpc_cpp_plugin declares class Service inside it (same name as its enclosing class)")
            yield (service.file, service.line,
                   f"cpp: service {service.full_name}: {why}; rename it in the proto")
        for method in service.methods:
            if method.name in CPP_KEYWORDS:
                yield (service.file, method.line,
                       f"cpp: rpc {method.full_name}: a C++ keyword; grpc_cpp_plugin writes it unescaped; "
                       "rename it in the proto")


RULES: dict[str, Callable[[Api], Iterable[Problem]]] = {"python": _python, "cpp": _cpp}


def problems(api: Api, targets: Sequence[str]) -> list[str]:
    """Every plugin-limit problem of ``targets`` as ``file:line: message`` lines (sorted)."""
    found = {p for target in targets if target in RULES for p in RULES[target](api)}
    return [f"{file}:{line}: {message}" for file, line, message in sorted(found)]


def check(api: Api, targets: Sequence[str]) -> None:
    """Raise one ``NamingError`` listing every problem (nothing is generated)."""
    lines = problems(api, targets)
    if lines:
        raise NamingError(
            f"{len(lines)} name(s) the official protoc plugins cannot compile "
            "(no [tool.l8gen.<language>.overrides] entry renames plugin output):\n" + "\n".join(lines)
        )
