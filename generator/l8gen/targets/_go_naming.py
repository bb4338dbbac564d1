"""Identifiers of the Go SDK layer: client methods, their helpers, service file names (naming pass).

Pipeline place: used by ``targets._go_view`` between the IR and the templates. The word splitting and
exported-name rules (initialisms, reserved words, the escape rule) are ``l8gen.naming.go``'s; this module
only decides which names the Go layer needs per RPC (``Open<X>``, ``<X>FromReader``...) and claims every
one of them in the single scope they share, the method set of ``*l8.Client``: a collision fails generation
with both proto elements named, fixable with ``[tool.l8gen.overrides.go]`` (keys: RPC full names).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from l8gen.ir.model import Api, Method, Service
from l8gen.naming.common import LanguageNaming, Origin, Scope, cap, origin_of, snake, split_words

# golint's common initialisms: written all upper case in Go identifiers (GetNextId -> GetNextID).
INITIALISMS = frozenset({
    "ACL", "API", "ASCII", "CPU", "CSS", "DNS", "EOF", "GUID", "HTML", "HTTP", "HTTPS", "ID", "IP", "JSON",
    "LHS", "QPS", "RAM", "RHS", "RPC", "SLA", "SMTP", "SQL", "SSH", "TCP", "TLS", "TTL", "UDP", "UI", "UID",
    "UUID", "URI", "URL", "UTF8", "VM", "XML", "XMPP", "XSRF", "XSS",
})


class GoNaming(LanguageNaming):
    """Exported Go identifiers (provisional until l8gen.naming.go lands)."""

    language = "go"
    reserved = frozenset()

    def exported(self, full_name: str, name: str) -> str:
        words = split_words(name)
        ident = "".join(w.upper() if w.upper() in INITIALISMS else cap(w) for w in words)
        if not ident or not ident[0].isalpha():
            ident = "X" + ident
        return self.resolve(full_name, ident)

HELPERS = {
    "open": "Open{}",
    "from_reader": "{}FromReader",
    "from_path": "{}FromPath",
    "to_writer": "{}ToWriter",
}


class GoIdents:
    """Names of the Go layer for one API; every name is claimed in the ``*l8.Client`` method scope."""

    def __init__(self, api: Api, overrides: Mapping[str, str], client_members: Iterable[str]) -> None:
        self.api = api
        self.naming = GoNaming(api, overrides)
        self.scope = Scope("go", "the methods of *l8.Client", {m: f"generated member '{m}'" for m in client_members})
        self.files = Scope("go", "the service files of package l8")
        self._methods: dict[str, str] = {}
        self._helpers: dict[tuple[str, str], str] = {}
        self._stems: dict[str, str] = {}

    def method(self, method: Method) -> str:
        if method.full_name not in self._methods:
            ident = self.naming.exported(method.full_name, method.name)
            self._methods[method.full_name] = self.scope.claim(ident, origin_of(method, self.api))
        return self._methods[method.full_name]

    def helper(self, method: Method, kind: str) -> str:
        """The ``kind`` helper's name for ``method`` (``open``, ``from_reader``...), claimed on first use."""
        key = (method.full_name, kind)
        if key not in self._helpers:
            name = HELPERS[kind].format(self.method(method))
            origin = origin_of(method, self.api)
            helper = Origin(f"{kind} helper of rpc", origin.full_name, origin.file, origin.line)
            self._helpers[key] = self.scope.claim(name, helper)
        return self._helpers[key]

    def file_stem(self, service: Service) -> str:
        stem = snake(service.name)
        return self.files.claim(stem, origin_of(service, self.api))

    def check(self) -> None:
        self.naming.check_overrides()
