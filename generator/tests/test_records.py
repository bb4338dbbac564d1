"""l8gen.records: ``@record`` behaves as ``@dataclass(frozen=True)`` in equality, hashing and repr, and its
``__init__`` as the one ``dataclasses`` generates."""

from __future__ import annotations

import dataclasses
import marshal
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

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


@pytest.fixture
def fresh_codes(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """An empty cache directory and a process that has read no compiled ``__init__`` yet."""
    from l8gen import records

    monkeypatch.setenv("L8GEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(records, "_CODES", None)
    monkeypatch.setattr(records, "_COMPILED", {})
    monkeypatch.setattr(records, "_USED", set())
    return records


def _point() -> type[Any]:
    @record
    class Point:
        x: int
        label: str = "origin"
        seen: list[int] = dataclasses.field(default_factory=list)

    return Point


def test_a_later_process_runs_the_init_compiled_before(
    fresh_codes: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _point()(1).label == "origin"
    fresh_codes._save_codes()  # what the first process does at exit
    assert (fresh_codes._codes_file()).is_file()
    monkeypatch.setattr(fresh_codes, "_CODES", None)  # a new process
    monkeypatch.setattr(fresh_codes, "_COMPILED", {})
    monkeypatch.setattr(fresh_codes, "compile", lambda *a: pytest.fail("compiled again"), raising=False)
    point = _point()(2, seen=[3])
    assert (point.x, point.label, point.seen) == (2, "origin", [3])
    assert _point()(4).seen == [] and _point()(4).seen is not _point()(4).seen


def test_a_damaged_code_file_is_compiled_again(fresh_codes: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    _point()
    fresh_codes._save_codes()
    path = fresh_codes._codes_file()
    header = fresh_codes._HEADER
    for damaged in (path.read_bytes()[:-9], header + b"garbage", b"l8gen records 0 another python\n"):
        path.write_bytes(damaged)
        monkeypatch.setattr(fresh_codes, "_CODES", None)
        monkeypatch.setattr(fresh_codes, "_COMPILED", {})
        assert _point()(5).x == 5
        assert list(fresh_codes._COMPILED) == [next(iter(fresh_codes._CODES))]  # compiled in this process


def test_no_code_file_when_caching_is_off(
    fresh_codes: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("L8GEN_CACHE_DIR", "off")
    assert _point()(6).x == 6
    fresh_codes._save_codes()
    assert not (tmp_path / "cache").exists()


def test_beyond_its_limit_the_code_file_keeps_what_the_process_used(
    fresh_codes: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fresh_codes, "_LIMIT", 2)
    old = {f"x{i} = {i}\n": compile(f"x{i} = {i}\n", "<record>", "exec") for i in range(3)}
    path = fresh_codes._codes_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(fresh_codes._HEADER + marshal.dumps(old))  # sources of records that are gone
    _point()
    fresh_codes._save_codes()
    kept = marshal.loads(path.read_bytes()[len(fresh_codes._HEADER):])
    assert set(kept) == fresh_codes._USED and not set(old) & set(kept)


def test_fields_keep_their_declared_annotations_and_class_variables_stay_out() -> None:
    @record
    class Tagged:
        kind: ClassVar[str] = "tagged"
        name: str
        tags: tuple[str, ...] = ()

    assert [(f.name, f.type) for f in dataclasses.fields(Tagged)] == [("name", "str"),
                                                                      ("tags", "tuple[str, ...]")]
    assert Tagged.__annotations__ == {"kind": "ClassVar[str]", "name": "str", "tags": "tuple[str, ...]"}
    assert Tagged("x").kind == "tagged" and Tagged("x", ("t",)) == Tagged("x", ("t",))
