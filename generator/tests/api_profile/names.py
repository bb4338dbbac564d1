"""Test helper: the names of one API that must not appear in the generator or in other APIs' SDKs.

``api_names`` collects every service and RPC name of a proto tree from its descriptors (not a hand-written
list); ``NameMatcher`` finds them in text:

- a multi-word name (``SubscribeTopicEvents``) in its proto spelling, also inside longer identifiers
  (``SubscribeTopicEventsRequest``, ``OpenPutFile``), in snake_case (``put_file``) and in lowerCamelCase
  (``putFile``);
- a single-word name (``Runtime``, ``Unlock``) only where it is qualified as a proto name (``v1.Runtime``,
  ``Runtime/GetState``, ``Runtime.SayHello``): as a plain English word it says nothing about the API;
- the ``extra`` literals (e.g. the server's name, its default port), case-insensitively.

``THIRD_PARTY`` spellings of other libraries' APIs that merely coincide with an RPC name are not matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from l8gen.descriptors import compile_protos


def api_names(proto_root: Path) -> tuple[str, ...]:
    """Every service and RPC name declared in the .proto files under ``proto_root``."""
    compiled = compile_protos(proto_root)
    wanted = set(compiled.files)
    return tuple(sorted({
        name for file in compiled.fds.file if file.name in wanted
        for service in file.service for name in (service.name, *(m.name for m in service.method))
    }))


# grpc-go's ClientConn.GetState(); a Go mutex's Unlock() (a method call, not a qualified proto name)
THIRD_PARTY = re.compile(r"\bconn\.GetState\(\)|\.Unlock\(\)")


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


class NameMatcher:
    """Finds the given API names and extra literals in text (see the module docstring)."""

    def __init__(self, names: Iterable[str], extra: Iterable[str] = ()) -> None:
        multi = sorted((n for n in names if re.search(r"[a-z0-9][A-Z]", n)), key=len, reverse=True)
        single = sorted(n for n in names if not re.search(r"[a-z0-9][A-Z]", n))
        alternatives = [rf"{re.escape(n)}(?![a-z0-9])" for n in multi]
        alternatives += [rf"(?<![A-Za-z0-9_]){re.escape(_snake(n))}(?![a-z0-9])" for n in multi]
        alternatives += [rf"(?<![A-Za-z0-9_]){re.escape(n[0].lower() + n[1:])}(?![a-z0-9])" for n in multi]
        alternatives += [
            rf"(?:(?<=\.){re.escape(n)}(?![A-Za-z0-9_(])|(?<![A-Za-z0-9_]){re.escape(n)}[./](?=[A-Z]))"
            for n in single
        ]
        self._names = re.compile("|".join(alternatives)) if alternatives else None
        self._extra = re.compile("|".join(re.escape(e) for e in extra), re.IGNORECASE) if extra else None

    def find(self, text: str) -> list[str]:
        """Every match in ``text``, in order."""
        found: list[str] = []
        text = THIRD_PARTY.sub("", text)
        for pattern in (self._names, self._extra):
            if pattern is not None:
                found += [m.group(0) for m in pattern.finditer(text)]
        return found
