"""``@record``: the generator's value classes (the IR, the language views, the options), as dataclasses that
are cheap to create.

Pipeline place: every stage's data is declared with ``@record`` (``ir.model``, ``targets.base.GenOptions``,
each language's views...). Python 3.11's ``@dataclass(frozen=True)`` compiles six methods per class when its
module is imported (~1 ms a class: ~75 ms of a ~0.4 s ``l8gen generate --target python``, whose import path
defines ~40 such classes). ``record`` lets ``dataclasses`` generate only ``__init__`` and gives every class
the same three shared functions instead: equality and hashing by field values (a record equals only one of
its own class, as a dataclass does; fields with ``compare=False`` are left out) and the dataclass ``repr``.
Its ``__init__`` is written here, not by ``dataclasses``: the same assignments without the annotations and
helper names ``dataclasses`` puts in every signature, which took twice as long to compile (~9 vs ~4 ms for
the ~40 classes of a Python-target run). The compiled code of each ``__init__`` source is kept across runs
(``_compiled``: ``<cache>/records-<interpreter>.marshal``, keyed by the exact source, written at exit when a
run compiled one; ``caches.cache_root``, ``off``: compiled every run): compiling the ~40 took ~4 ms of a
cold process. ``dataclasses.fields``, ``replace`` and ``is_dataclass`` work as before. Immutability is
checked statically: mypy reads ``record`` as ``dataclass(frozen=True)`` (``dataclass_transform``), so
assigning a field is a type error; at run time nothing stops ``object.__setattr__`` (``Api`` builds its
index so).
"""

from __future__ import annotations

import atexit
import dataclasses
import marshal
import re
import sys
import threading
from pathlib import Path
from types import CodeType
from typing import Any, TypeVar, dataclass_transform

from l8gen.caches import cache_root, read_marshalled, store

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


_SPECIAL = re.compile(r"ClassVar|InitVar|KW_ONLY")
_FACTORY = object()  # the default of a parameter whose field has a default factory: "call the factory"

# the compiled ``__init__`` sources of earlier runs, by source text (None: not read yet)
_CODES: dict[str, CodeType] | None = None
_COMPILED: dict[str, CodeType] = {}  # compiled by this process: written at exit
_USED: set[str] = set()  # the sources this process looked up
_LOCK = threading.Lock()
_SAVE_AT_EXIT = False  # _save_codes registered with atexit (once per process)
_HEADER = f"l8gen records 1 {sys.version}\n".encode()
_LIMIT = 1024  # entries the file keeps; beyond it, only what the last process that compiled one used


def _codes_file() -> Path | None:
    root = cache_root()
    return None if root is None else root / f"records-{sys.implementation.cache_tag}.marshal"


def _read_codes() -> dict[str, CodeType]:
    codes = read_marshalled(_codes_file(), _HEADER)
    ok = isinstance(codes, dict) and all(isinstance(v, CodeType) for v in codes.values())
    return codes if ok else {}  # none yet, or damaged: compiled (and written again)


def _save_codes() -> None:
    path = _codes_file()
    if path is None or not _COMPILED:
        return
    codes = {**_read_codes(), **_COMPILED}
    if len(codes) > _LIMIT:  # sources of records that no longer exist pile up as the code changes
        codes = {source: code for source, code in codes.items() if source in _USED}
    store(path, _HEADER + marshal.dumps(dict(sorted(codes.items()))))


def _compiled(source: str) -> CodeType:
    """``compile(source)``, kept across runs under the source text."""
    global _CODES, _SAVE_AT_EXIT
    with _LOCK:
        if _CODES is None:
            _CODES = _read_codes()
        _USED.add(source)
        code = _CODES.get(source)
        if code is None:
            code = _CODES[source] = _COMPILED[source] = compile(source, "<record>", "exec")
            if not _SAVE_AT_EXIT:  # the process's first compile: the file is written when it exits
                _SAVE_AT_EXIT = True
                atexit.register(_save_codes)
        return code


def _init(cls: type) -> Any:
    """The ``__init__`` ``dataclasses`` would generate for a non-frozen dataclass ``cls`` (fields in order;
    defaults; default factories, also of ``init=False`` fields; ``__post_init__`` last), compiled from a
    signature without annotations."""
    params: list[str] = []
    body: list[str] = []
    names: dict[str, Any] = {"_FACTORY": _FACTORY}
    for f in dataclasses.fields(cls):
        default, factory = f"_default_{f.name}", f"_factory_{f.name}"
        if f.default_factory is not dataclasses.MISSING:
            names[factory] = f.default_factory
            if f.init:
                params.append(f"{f.name}={default}")
                names[default] = _FACTORY
                body.append(f"self.{f.name} = {factory}() if {f.name} is _FACTORY else {f.name}")
            else:
                body.append(f"self.{f.name} = {factory}()")
        elif f.default is not dataclasses.MISSING:
            names[default] = f.default
            if f.init:
                params.append(f"{f.name}={default}")
                body.append(f"self.{f.name} = {f.name}")
            else:
                body.append(f"self.{f.name} = {default}")
        elif f.init:
            params.append(f.name)
            body.append(f"self.{f.name} = {f.name}")
    if hasattr(cls, "__post_init__"):
        body.append("self.__post_init__()")
    lines = "\n".join(f"    {line}" for line in body or ["pass"])
    source = f"def __init__(self, {', '.join(params)}):\n{lines}\n"
    exec(_compiled(source), names)  # noqa: S102 (our own field names)
    init = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    return init


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def record(cls: type[T]) -> type[T]:
    """Make ``cls`` a record: a dataclass with its own ``__init__`` and the shared eq, hash and repr."""
    declared = cls.__dict__.get("__annotations__", {})
    # dataclasses checks each string annotation for ClassVar/InitVar/KW_ONLY with a regular expression and a
    # module lookup, twice a field (~1/4 of declaring a record: 38 records 6.4 -> 4.8 ms); an annotation that
    # names none of them is a plain object for the time of the call, and the field keeps its declared text
    cls.__annotations__ = {name: kind if not isinstance(kind, str) or _SPECIAL.search(kind) else object
                           for name, kind in declared.items()}
    try:
        made = dataclasses.dataclass(eq=False, repr=False, init=False)(cls)
    finally:
        cls.__annotations__ = declared
    for f in made.__dataclass_fields__.values():  # type: ignore[attr-defined]
        f.type = declared.get(f.name, f.type)
    made.__init__ = _init(made)  # type: ignore[method-assign]
    made.__eq__ = _eq  # type: ignore[assignment,method-assign]
    made.__hash__ = _hash  # type: ignore[method-assign]
    made.__repr__ = _repr  # type: ignore[method-assign]
    return made
