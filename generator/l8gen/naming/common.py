"""Language-neutral naming machinery, used by the per-language naming modules (stage 3 of the pipeline).

Pipeline place: IR --(naming.<lang>)--> identifiers for the language view. This module holds the word
splitter and case conversions, the collision ``Scope`` and the ``LanguageNaming`` base class (reserved
words + ONE escape rule + the user override map keyed by proto full name).

Word splitting (``split_words``): non-alphanumerics separate words; inside a chunk a new word starts at a
lower->Upper step (``storeName``), before the last capital of a capital run followed by lower case
(``HTTPServer`` -> HTTP, Server); digits never start a word (``c2s``, ``ds18b20``, ``MD5``, ``S3Object`` ->
S3, Object); a few mixed-case words are known wholes (``OAuth``, ``IPv4``, ``IPv6``, ``gRPC``, ``iOS``,
``ETag``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace
from typing import ClassVar

from l8gen.errors import NamingError
from l8gen.ir.model import Api, Enum, EnumValue, Field, Message, Method, Service
from l8gen.records import record

KNOWN_WORDS = ("OAuth", "IPv4", "IPv6", "gRPC", "iOS", "macOS", "ETag")
_KNOWN = "|".join(KNOWN_WORDS)
_WORD = re.compile(
    rf"(?:{_KNOWN})(?:\d+[a-z]*)*(?![a-z])"  # known mixed-case words (+ trailing digits)
    r"|[A-Z]+(?=[A-Z][a-z])"  # capital run before a Capitalised word: HTTP|Server, E|Tag
    r"|[A-Z]?[a-z]+(?:\d+[a-z]*)*"  # lower or Capitalised word, digits and lower tails: c2s, ds18b20
    r"|[A-Z]+(?:\d+[a-z]*)*"  # capital run (acronym), digits: ABC, MD5, S3, UTF8
    r"|\d+[a-z]*"  # leading digits
)
_CHUNKS = re.compile(r"[^A-Za-z0-9]+")


def split_words(name: str) -> list[str]:
    """Split an identifier in any casing into words (see the module docstring for the rules)."""
    return list(_words(name))


@functools.lru_cache(maxsize=4096)  # a run splits each name ~3 times (an API: ~1,000 calls, ~340 names)
def _words(name: str) -> tuple[str, ...]:
    words: list[str] = []
    for chunk in _CHUNKS.split(name):
        words.extend(_WORD.findall(chunk))
    return tuple(words)


def cap(word: str) -> str:
    """``word`` with the first letter upper-cased and the rest lower-cased (``HTTP`` -> ``Http``)."""
    return word[:1].upper() + word[1:].lower()


@functools.lru_cache(maxsize=4096)
def snake(name: str) -> str:
    return "_".join(w.lower() for w in _words(name))


@functools.lru_cache(maxsize=4096)
def screaming(name: str) -> str:
    return "_".join(w.upper() for w in _words(name))


@functools.lru_cache(maxsize=4096)
def pascal(name: str) -> str:
    return "".join(cap(w) for w in _words(name))


@functools.lru_cache(maxsize=4096)
def camel(name: str) -> str:
    words = _words(name)
    return (words[0].lower() + "".join(cap(w) for w in words[1:])) if words else ""


@functools.lru_cache(maxsize=4096)
def kebab(name: str) -> str:
    return "-".join(w.lower() for w in _words(name))


@record
class Origin:
    """A proto element for error messages: ``field spec.Foo.bar (foo.proto:12)``."""

    kind: str
    full_name: str
    file: str
    line: int = 0

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{self.kind} {self.full_name} ({where})"


def origin_of(element: Service | Method | Message | Enum, api: Api | None = None) -> Origin:
    if isinstance(element, Method):
        service = element.full_name.rpartition(".")[0]
        file = api.service(service).file if api is not None else ""
        return Origin("rpc", element.full_name, file, element.line)
    kind = {Service: "service", Message: "message", Enum: "enum"}[type(element)]
    return Origin(kind, element.full_name, element.file, element.line)


def field_origin(message: Message, field: Field) -> Origin:
    return Origin("field", f"{message.full_name}.{field.name}", message.file, field.line)


def value_origin(enum: Enum, value: EnumValue) -> Origin:
    return Origin("enum value", f"{enum.full_name}.{value.name}", enum.file, value.line)


# Inside ``collecting_collisions()`` a clash is recorded instead of raised, so one run reports every clash.
_COLLISIONS: ContextVar[list[str] | None] = ContextVar("l8gen_collisions", default=None)


@contextmanager
def collecting_collisions() -> Iterator[list[str]]:
    """Within the block, ``Scope.claim`` appends collision messages to the yielded list instead of raising
    (the identifier keeps its first owner); the caller raises one ``NamingError`` with all of them."""
    found: list[str] = []
    token = _COLLISIONS.set(found)
    try:
        yield found
    finally:
        _COLLISIONS.reset(token)


class Scope:
    """One namespace of generated identifiers; a second claim of an identifier is a collision: raised as
    ``NamingError``, or recorded inside ``collecting_collisions()``."""

    def __init__(self, language: str, what: str, taken: Mapping[str, str] | None = None) -> None:
        self.language = language
        self.what = what
        self._owners: dict[str, Origin | str] = dict(taken or {})

    def claim(self, ident: str, origin: Origin) -> str:
        other = self._owners.get(ident)
        if other is not None:
            message = (
                f"{self.language} naming collision in {self.what}: {other} and {origin} both map to "
                f"'{ident}'; rename one, or set [tool.l8gen.{self.language}.overrides] "
                f'"{origin.full_name}" = "<identifier>"'
            )
            sink = _COLLISIONS.get()
            if sink is None:
                raise NamingError(message)
            sink.append(message)
            return ident
        self._owners[ident] = origin
        return ident


def _qualified_service_names(
    services: Iterable[Service], service_name: Callable[[Service], str]
) -> dict[str, str]:
    """Service names, where services of different packages share a name prefixed with the shortest
    package suffix that tells them apart (``a.Hello``/``b.Hello`` -> ``a_Hello``/``b_Hello`` before casing);
    fixed passes over the sorted services, so the result is deterministic."""
    services = list(services)
    names = {s.full_name: service_name(s) for s in services}
    groups: dict[str, list[Service]] = {}
    for service in services:
        groups.setdefault(names[service.full_name], []).append(service)
    for group in groups.values():
        if len(group) < 2:
            continue
        parts = {s.full_name: s.package.split(".") for s in group}
        for depth in range(1, max(len(p) for p in parts.values()) + 1):
            prefixes = {n: "_".join(p[-depth:]) for n, p in parts.items()}
            if len(set(prefixes.values())) == len(group):
                break
        for service in group:
            renamed = replace(service, name=f"{prefixes[service.full_name]}_{service.name}")
            names[service.full_name] = service_name(renamed)
    return names


class LanguageNaming:
    """Base of the per-language naming modules: reserved words, one escape rule, overrides, scopes.

    Subclasses set ``language``, ``reserved`` and ``escape_suffix`` and compute every identifier in
    ``__init__`` in fixed passes over the (sorted) IR, claiming each in a ``Scope``; afterwards lookups are
    plain dict reads. ``overrides`` (proto full name -> identifier) replace the computed name verbatim (not
    escaped) and still take part in collision checks; an override naming no element is an error.
    """

    language: ClassVar[str] = ""
    reserved: ClassVar[frozenset[str]] = frozenset()
    escape_suffix: ClassVar[str] = "_"

    def __init__(
        self, api: Api, overrides: Mapping[str, str] | None = None, extra_reserved: Iterable[str] = ()
    ) -> None:
        self.api = api
        self.overrides = dict(overrides or {})
        self.reserved_words = self.reserved | frozenset(extra_reserved)
        self._used_overrides: set[str] = set()
        self._services: dict[str, str] = {}
        self._methods: dict[str, str] = {}
        self._params: dict[tuple[str, str], str] = {}

    def is_reserved(self, ident: str) -> bool:
        return ident in self.reserved_words

    def escape(self, ident: str) -> str:
        """THE escape rule of this language: append ``escape_suffix`` while the name is reserved."""
        while self.is_reserved(ident):
            ident += self.escape_suffix
        return ident

    def resolve(self, full_name: str, computed: str, escape: Callable[[str], str] | None = None) -> str:
        """The override for ``full_name`` if any, else the escaped ``computed`` name (``escape`` defaults to
        this language's rule; a language may pass a narrower variant, e.g. for property names)."""
        if full_name in self.overrides:
            self._used_overrides.add(full_name)
            return self.overrides[full_name]
        return (escape or self.escape)(computed)

    def scope(self, what: str, taken: Iterable[str] = ()) -> Scope:
        """A new collision scope; ``taken`` are identifiers the templates already use there."""
        return Scope(self.language, what, {t: f"generated member '{t}'" for t in taken})

    def assign_standard(
        self,
        service_name: Callable[[Service], str],
        method_name: Callable[[Method], str],
        param_name: Callable[[Field], str],
        client_members: Iterable[str] = (),
        flat_methods: bool = False,
        member_escape: Callable[[str], str] | None = None,
        method_members: Iterable[str] = (),
    ) -> None:
        """The passes every language shares, over the sorted IR: service identifiers (one scope; services of
        different packages sharing a name get a package prefix, see ``_qualified_service_names``), RPC method
        identifiers (one scope per service client, or one for all with ``flat_methods``; a name equal to one
        of ``client_members`` is escaped, an override equal to one is a collision), parameter identifiers from
        request fields (one scope per message). Each computed name
        goes through ``resolve`` (override or escape; ``member_escape`` for service and method names) and is
        claimed. ``method_members``: more names only RPC method identifiers must avoid (C++: the SDK's own
        types a client class names unqualified)."""
        members = sorted(set(client_members))
        for_methods = sorted(set(client_members) | set(method_members))

        def clear_of_members(full_name: str, computed: str, members: Sequence[str] = members) -> str:
            # The one member policy of every language: a service or RPC identifier equal to a member the
            # generated client defines itself is escaped like a reserved word (``close`` -> ``close_``,
            # ``close$`` in TypeScript); an override is used verbatim and may still collide (an error).
            name = self.resolve(full_name, computed, member_escape)
            while full_name not in self.overrides and name in members:
                name = (member_escape or self.escape)(name + self.escape_suffix)
            return name

        services = self.scope("service identifiers", members)
        flat = self.scope("client methods", for_methods) if flat_methods else None
        base_names = _qualified_service_names(self.api.services, service_name)
        for service in self.api.services:
            name = clear_of_members(service.full_name, base_names[service.full_name])
            self._services[service.full_name] = services.claim(name, origin_of(service, self.api))
            scope = flat or self.scope(f"methods of the {service.name} client", for_methods)
            for method in service.methods:
                name = clear_of_members(method.full_name, method_name(method), for_methods)
                self._methods[method.full_name] = scope.claim(name, origin_of(method, self.api))
        for message in self.api.messages:
            if message.is_map_entry:
                continue
            scope = self.scope(f"parameters from the fields of {message.full_name}")
            for field in message.fields:
                name = self.resolve(f"{message.full_name}.{field.name}", param_name(field))
                self._params[(message.full_name, field.name)] = scope.claim(
                    name, field_origin(message, field)
                )

    def service(self, service: Service) -> str:
        """The identifier of ``service`` in this language (see the module's docstring)."""
        return self._services[service.full_name]

    def method(self, method: Method) -> str:
        """The client method identifier of an RPC."""
        return self._methods[method.full_name]

    def param(self, message: Message, field: Field) -> str:
        """The parameter/variable identifier for ``field`` of ``message``."""
        return self._params[(message.full_name, field.name)]

    def element(self, full_name: str) -> Message | Enum:
        """The message or enum with this full name."""
        try:
            return self.api.message(full_name)
        except KeyError:
            return self.api.enum(full_name)

    def local_name(self, full_name: str) -> tuple[str, ...]:
        """Names from the package down: ``("Outer", "Inner")`` for ``pkg.Outer.Inner``."""
        element = self.element(full_name)
        prefix = f"{element.package}." if element.package else ""
        return tuple(full_name[len(prefix) :].split("."))

    def check_overrides(self) -> None:
        unused = sorted(set(self.overrides) - self._used_overrides)
        if unused:
            raise NamingError(
                f"[tool.l8gen.{self.language}.overrides] {', '.join(repr(u) for u in unused)}: "
                "no proto element with this full name is named by this target"
            )
