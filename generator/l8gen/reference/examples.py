"""Example values for request fields, taken from the proto comments (so generated examples run as written).

Pipeline place: ``reference.languages`` (the API reference's call snippets) and the SDK views' README examples
ask ``ExampleValues(api).string(message, field)`` for a string field's example. Nothing here knows an API: the
values come from the comments only, by these rules (first match wins):

1. the field's own comment names one: ``e.g. "my_store"`` or ``(reference runtime: `my_store`)`` /
   ``(reference runtime default: `my_store`)``;
2. another field of the same proto file with the same name and the same *kind* names one, the kind being the
   first backquoted word of the comment (``Name of the `lock` store.`` -> ``lock``): every ``store_name`` of a
   `lock` request gets the example of the one `lock` request that names it;
3. every field of the same proto file with the same name that names an example names the same one;
4. otherwise a value made from the field name: ``key`` -> ``"key-1"``.
"""

from __future__ import annotations

import re

from l8gen.ir.model import Api, Field, Message

_OWN = re.compile(r'e\.g\. "([^"\n]+)"|reference\s+runtime(?:\s+default)?:\s+`([^`\n]+)`')
_KIND = re.compile(r"`([^`\n]+)`")


def _own(field: Field) -> str | None:
    match = _OWN.search(field.doc.text)
    return (match.group(1) or match.group(2)) if match else None


def _kind(field: Field, own: str | None) -> str | None:
    kinds = [k for k in _KIND.findall(field.doc.text) if k != own]
    return kinds[0] if kinds else None


class ExampleValues:
    """Example string values of request fields, computed once per API."""

    def __init__(self, api: Api) -> None:
        self._by_kind: dict[tuple[str, str, str | None], set[str]] = {}
        self._by_name: dict[tuple[str, str], set[str]] = {}
        for message in api.messages:
            for field in message.fields:
                own = _own(field)
                if own is None:
                    continue
                self._by_kind.setdefault((message.file, field.name, _kind(field, own)), set()).add(own)
                self._by_name.setdefault((message.file, field.name), set()).add(own)

    def string(self, message: Message, field: Field) -> str:
        """The example text (no quotes) of a string field of ``message``."""
        own = _own(field)
        if own is not None:
            return own
        for found in (self._by_kind.get((message.file, field.name, _kind(field, None))),
                      self._by_name.get((message.file, field.name))):
            if found is not None and len(found) == 1:
                return next(iter(found))
        return f"{field.name.replace('_', '-')}-1"
