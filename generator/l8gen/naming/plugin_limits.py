"""Names the official protoc plugins cannot compile: refused before any target runs (pipeline stage 2->3).

Pipeline place: IR --(``check``)--> targets. l8gen's own identifiers follow each language's escape rule
(``languages/<lang>/naming.py``), but the message/stub code comes from the official plugins, which escape
less. What a plugin cannot compile is the language's knowledge: a target may define
``plugin_problems(api) -> Iterable[Problem]`` (Python: ``languages/python/plugin_limits.py``, C++:
``languages/cpp/plugin_limits.py``; protoc-gen-es and protoc-gen-go escape every name they emit, so Node and
Go define none).

No ``[tool.l8gen.<language>.overrides]`` entry can rename what a plugin writes, so every problem says to
rename the proto element. ``check`` reports EVERY problem of the selected targets in one ``NamingError``, one
line each, ``file:line: <language>: <element>: <why>``, sorted by file and line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from l8gen.errors import NamingError
from l8gen.ir.model import Api

Problem = tuple[str, int, str]  # (file, line, message)
Rule = Callable[[Api], Iterable[Problem]]


def problems(api: Api, rules: Mapping[str, Rule]) -> list[str]:
    """Every plugin-limit problem of the selected targets' ``rules`` as ``file:line: message`` lines."""
    found = {p for name in sorted(rules) for p in rules[name](api)}
    return [f"{file}:{line}: {message}" for file, line, message in sorted(found)]


def check(api: Api, rules: Mapping[str, Rule]) -> None:
    """Raise one ``NamingError`` listing every problem (nothing is generated)."""
    lines = problems(api, rules)
    if lines:
        raise NamingError(
            f"{len(lines)} name(s) the official protoc plugins cannot compile "
            "(no [tool.l8gen.<language>.overrides] entry renames plugin output):\n" + "\n".join(lines)
        )
