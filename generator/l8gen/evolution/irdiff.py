"""IR diff: what buf cannot see — additions (minor) and documentation/behaviour changes (patch).

Place: evolution.diff builds the IR of both images (ir.builder, all packages, internal ones included) and
calls ``diff_apis(old, new)``; evolution.classify merges the result with buf's breaking findings.

Identity of elements: services, messages and enums by full name; RPCs by name inside their service; fields
by *number* inside their message (a renamed field is the same field — buf reports the rename as breaking, it
is not an addition); enum values by name, and a new name on a number that lost its old name is a rename, not
an addition. Removals, signature changes and option changes buf knows (idempotency level, json_name,
jstype, packages) are left to buf (FILE category). Only elements declared in the
API's own files count (well-known types pulled in by references are not API additions). Map-entry messages
are part of their map field.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from l8gen.ir.model import Api, Doc, Enum, Message, Service
from l8gen.records import record

KINDS = ("file", "service", "rpc", "message", "field", "oneof", "enum", "enum_value")
KIND_LABELS = {
    "service": "service",
    "rpc": "RPC",
    "message": "message",
    "field": "field",
    "oneof": "oneof",
    "enum": "enum",
    "enum_value": "enum value",
    "file": "file",
}


@record
class Change:
    """One IR-level change. ``change`` is "added", "doc" (comment text) or "options" (descriptor
    changed with nothing else to show: options, reserved ranges...);
    ``element`` is a full name (fields: ``<message>.<field>``, enum values: ``<enum>.<VALUE>``)."""

    change: str
    kind: str
    element: str
    file: str
    line: int
    detail: str

    def to_json(self) -> dict[str, object]:
        return {
            "change": self.change,
            "kind": self.kind,
            "element": self.element,
            "file": self.file,
            "line": self.line,
            "detail": self.detail,
        }


@record
class IrDiff:
    added: tuple[Change, ...]
    changed: tuple[Change, ...]


def _doc(before: Doc, after: Doc, kind: str, element: str, file: str, line: int) -> list[Change]:
    if before == after:
        return []
    if not after.text:
        what = "documentation removed"
    elif not before.text:
        what = "documentation added"
    else:
        what = "documentation changed"
    return [Change("doc", kind, element, file, line, f"{what}: {KIND_LABELS[kind]} {element}")]


def _own(items: Iterable[Service | Message | Enum], files: set[str]) -> dict[str, Service | Message | Enum]:
    return {i.full_name: i for i in items if i.file in files and not getattr(i, "is_map_entry", False)}


def _services(old: Mapping[str, Service], new: Mapping[str, Service]) -> list[Change]:
    out: list[Change] = []
    for name, svc in new.items():
        if name not in old:
            out.append(Change("added", "service", name, svc.file, svc.line, f"service {name}"))
            out += [_rpc_added(svc, m.name) for m in svc.methods]
            continue
        before = old[name]
        out += _doc(before.doc, svc.doc, "service", name, svc.file, svc.line)
        old_methods = {m.name: m for m in before.methods}
        for method in svc.methods:
            if method.name not in old_methods:
                out.append(_rpc_added(svc, method.name))
                continue
            prev = old_methods[method.name]
            out += _doc(prev.doc, method.doc, "rpc", method.full_name, svc.file, method.line)
    return out


def _rpc_added(svc: Service, name: str) -> Change:
    method = next(m for m in svc.methods if m.name == name)
    return Change(
        "added", "rpc", method.full_name, svc.file, method.line, f"RPC {method.full_name} ({method.shape})"
    )


def _messages(old: Mapping[str, Message], new: Mapping[str, Message]) -> list[Change]:
    out: list[Change] = []
    for name, msg in new.items():
        if name not in old:
            out.append(Change("added", "message", name, msg.file, msg.line, f"message {name}"))
            continue
        before = old[name]
        out += _doc(before.doc, msg.doc, "message", name, msg.file, msg.line)
        old_fields = {f.number: f for f in before.fields}
        for field in msg.fields:
            element = f"{name}.{field.name}"
            prev = old_fields.get(field.number)
            if prev is None:
                out.append(
                    Change(
                        "added",
                        "field",
                        element,
                        msg.file,
                        field.line,
                        f"field {field.name} = {field.number} in message {name}",
                    )
                )
            else:
                out += _doc(prev.doc, field.doc, "field", element, msg.file, field.line)
        old_oneofs = {o.name: o for o in before.oneofs}
        for oneof in msg.oneofs:
            if oneof.name in old_oneofs:
                out += _doc(
                    old_oneofs[oneof.name].doc,
                    oneof.doc,
                    "oneof",
                    f"{name}.{oneof.name}",
                    msg.file,
                    oneof.line,
                )
    return out


def _enums(old: Mapping[str, Enum], new: Mapping[str, Enum]) -> list[Change]:
    out: list[Change] = []
    for name, enum in new.items():
        if name not in old:
            out.append(Change("added", "enum", name, enum.file, enum.line, f"enum {name}"))
            continue
        before = old[name]
        out += _doc(before.doc, enum.doc, "enum", name, enum.file, enum.line)
        old_values = {v.name: v for v in before.values}
        new_names = {v.name for v in enum.values}
        renamed_numbers = {v.number for v in before.values if v.name not in new_names}
        for value in enum.values:
            element = f"{name}.{value.name}"
            prev = old_values.get(value.name)
            if prev is not None:
                out += _doc(prev.doc, value.doc, "enum_value", element, enum.file, value.line)
            elif value.number not in renamed_numbers:
                out.append(
                    Change(
                        "added",
                        "enum_value",
                        element,
                        enum.file,
                        value.line,
                        f"enum value {value.name} = {value.number} in enum {name}",
                    )
                )
    return out


def diff_apis(old: Api, new: Api) -> IrDiff:
    """Additions and doc/behaviour changes from ``old`` to ``new`` (both built from their own images)."""
    old_files = {f.name for f in old.files}
    new_files = {f.name for f in new.files}
    changes: list[Change] = []
    old_file_docs = {f.name: f.doc for f in old.files}
    for proto in new.files:
        if proto.name in old_file_docs:
            changes += _doc(old_file_docs[proto.name], proto.doc, "file", proto.name, proto.name, 1)
    changes += _services(
        {s.full_name: s for s in old.services if s.file in old_files},
        {s.full_name: s for s in new.services if s.file in new_files},
    )
    changes += _messages(
        {k: v for k, v in _own(old.messages, old_files).items() if isinstance(v, Message)},
        {k: v for k, v in _own(new.messages, new_files).items() if isinstance(v, Message)},
    )
    changes += _enums(
        {k: v for k, v in _own(old.enums, old_files).items() if isinstance(v, Enum)},
        {k: v for k, v in _own(new.enums, new_files).items() if isinstance(v, Enum)},
    )
    ordered = sorted(changes, key=lambda c: (c.file, c.line, KINDS.index(c.kind), c.element, c.change))
    return IrDiff(
        added=tuple(c for c in ordered if c.change == "added"),
        changed=tuple(c for c in ordered if c.change != "added"),
    )
