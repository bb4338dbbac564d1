"""l8gen.records: ``@record`` behaves as ``@dataclass(frozen=True)`` in equality, hashing and repr, and its
``__init__`` as the one ``dataclasses`` generates."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Any

import pytest
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


def _declared(decorate: Callable[[type[Any]], type[Any]]) -> type[Any]:
    """One class declared with ``decorate``: ``record``, or the dataclass decorator it must behave as."""

    class Built:
        first: str
        count: int = 2
        items: list[str] = dataclasses.field(default_factory=list)
        seen: list[str] = dataclasses.field(init=False, default_factory=list)
        mark: str = dataclasses.field(init=False, default="m")

        def __post_init__(self) -> None:
            self.seen.append(self.first)

    return decorate(Built)


Built, BuiltTwin = _declared(record), _declared(dataclasses.dataclass)  # the twin: the generated __init__


def _state(obj: object) -> dict[str, object]:
    return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}  # type: ignore[arg-type]


def test_init_takes_the_dataclass_arguments_and_sets_the_same_state() -> None:
    calls = [(("a",), {}), (("a", 5), {}), (("a",), {"items": ["i"]}), ((), {"first": "b", "count": 0})]
    for args, kwargs in calls:
        assert _state(Built(*args, **kwargs)) == _state(BuiltTwin(*args, **kwargs))  # type: ignore[arg-type]
    assert _state(Built("a")) == {"first": "a", "count": 2, "items": [], "seen": ["a"], "mark": "m"}


def test_init_calls_each_default_factory_per_instance() -> None:
    one, two = Built("a"), Built("b")
    assert one.items is not two.items and one.seen is not two.seen
    assert one.seen == ["a"] and two.seen == ["b"]


def test_init_rejects_what_the_dataclass_init_rejects() -> None:
    calls = [((), {}), (("a",), {"seen": []}), (("a", 1, [], "extra"), {}), (("a",), {"nope": 1})]
    for args, kwargs in calls:
        for cls in (Built, BuiltTwin):
            with pytest.raises(TypeError):
                cls(*args, **kwargs)


def test_init_is_named_as_a_method_of_its_class() -> None:
    assert Built.__init__.__qualname__ == f"{Built.__qualname__}.__init__"
    assert Built.__qualname__.endswith(".Built")
    assert Built.__init__.__module__ == __name__
