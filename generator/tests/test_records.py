"""l8gen.records: ``@record`` behaves as ``@dataclass(frozen=True)`` in equality, hashing and repr."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from l8gen.ir.model import Doc, TypeRef
from l8gen.records import record


@record
class Item:
    name: str
    tags: tuple[str, ...] = ()
    cache: Mapping[str, int] = dataclasses.field(default_factory=dict, compare=False, repr=False)


@dataclasses.dataclass(frozen=True)
class Twin:  # the same fields as a frozen dataclass: the behaviour ``record`` keeps
    name: str
    tags: tuple[str, ...] = ()
    cache: Mapping[str, int] = dataclasses.field(default_factory=dict, compare=False, repr=False)


def test_equal_and_hash_by_compared_field_values() -> None:
    a, b = Item("x", ("t",), {"k": 1}), Item("x", ("t",), {"other": 2})
    assert a == b and hash(a) == hash(b)  # ``cache`` is compare=False, as in Twin
    assert Twin("x", ("t",), {"k": 1}) == Twin("x", ("t",), {"other": 2})
    assert Item("x") != Item("y")
    assert len({a, b, Item("y")}) == 2


def test_a_record_equals_only_its_own_class() -> None:
    assert Doc("a", "b") != TypeRef("a", "b")  # type: ignore[arg-type]
    assert Item("x") != Twin("x")  # type: ignore[comparison-overlap]
    assert Doc("a") != ("a", "")  # type: ignore[comparison-overlap]


def test_repr_is_the_dataclass_repr() -> None:
    assert repr(Item("x", ("t",))) == repr(Twin("x", ("t",))).replace("Twin", "Item")
    assert repr(Doc("a")) == "Doc(leading='a', trailing='')"


def test_dataclasses_functions_still_apply() -> None:
    item = Item("x", ("t",))
    assert dataclasses.is_dataclass(item)
    assert [f.name for f in dataclasses.fields(item)] == ["name", "tags", "cache"]
    assert dataclasses.replace(item, name="y") == Item("y", ("t",))
