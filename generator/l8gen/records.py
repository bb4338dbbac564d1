"""``@record``: the generator's value classes (the IR, the language views, the options), as dataclasses that
are cheap to create.

Pipeline place: every stage's data is declared with ``@record`` (``ir.model``, ``targets.base.GenOptions``,
each language's views...). Python 3.11's ``@dataclass(frozen=True)`` compiles six methods per class when its
module is imported (~1 ms a class: ~75 ms of a ~0.4 s ``l8gen generate --target python``, whose import path
defines ~40 such classes). ``record`` lets ``dataclasses`` generate only ``__init__`` and gives every class
the same three shared functions instead: equality and hashing by field values (a record equals only one of
its own class, as a dataclass does; fields with ``compare=False`` are left out) and the dataclass ``repr``.
``dataclasses.fields``, ``replace`` and ``is_dataclass`` work as before. Immutability is checked statically:
mypy reads ``record`` as ``dataclass(frozen=True)`` (``dataclass_transform``), so assigning a field is a type
error; at run time nothing stops ``object.__setattr__`` (``Api`` builds its index so).
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")


def _compared(cls: type) -> tuple[str, ...]:
    names: tuple[str, ...] | None = cls.__dict__.get("_record_compared")
    if names is None:
        names = tuple(f.name for f in dataclasses.fields(cls) if f.compare)
        cls._record_compared = names  # type: ignore[attr-defined]
    return names


def _values(self: object) -> tuple[Any, ...]:
    return tuple(getattr(self, name) for name in _compared(type(self)))


def _eq(self: object, other: object) -> object:  # NotImplemented for another class, as a dataclass
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _values(self) == _values(other)


def _hash(self: object) -> int:
    return hash(_values(self))


def _repr(self: object) -> str:
    fields = dataclasses.fields(self)  # type: ignore[arg-type]
    shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields if f.repr)
    return f"{type(self).__qualname__}({shown})"


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def record(cls: type[T]) -> type[T]:
    """Make ``cls`` a record: a dataclass with generated ``__init__`` and the shared eq, hash and repr."""
    made = dataclasses.dataclass(eq=False, repr=False)(cls)
    made.__eq__ = _eq  # type: ignore[assignment,method-assign]
    made.__hash__ = _hash  # type: ignore[method-assign]
    made.__repr__ = _repr  # type: ignore[method-assign]
    return made
