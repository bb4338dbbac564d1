"""Identifiers of the Go SDK layer: client methods, their helpers, service file names (naming pass).

Pipeline place: used by ``targets._go_view`` between the IR and the templates. The word splitting and
exported-name rules (initialisms, reserved words, the escape rule, overrides) are ``l8gen.naming.go``'s;
this module only adds the names the Go layer derives per RPC (``Open<X>``, ``<X>FromReader``...) and claims
all of them in the single scope they share, the method set of ``*l8.Client``: a collision fails generation
naming both proto elements, fixable with ``[tool.l8gen.overrides.go]`` (keys: RPC full names).

RPCs of different services that get the same name (``a.Hello/SayHello`` and ``b.Hello/SayHello``) are
qualified with their service identifier (``AHelloSayHello``, ``BHelloSayHello``) in one fixed pass over the
sorted services, unless the user overrode the name; RPCs of one service that clash are an error.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from l8gen.ir.model import Api, Method, Service
from l8gen.naming.common import Origin, Scope, origin_of, snake
from l8gen.naming.go import GoNaming

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
        members = sorted(set(client_members))
        # Names per service first (clashes inside one service are errors there) ...
        self.naming = GoNaming(api, overrides, client_members=members)
        owners: dict[str, set[str]] = {}
        for service in api.services:
            for method in service.methods:
                owners.setdefault(self.naming.method(method), set()).add(service.full_name)
        # ... then flat: every RPC of every service is a method of the one *l8.Client.
        self.scope = Scope("go", "the methods of *l8.Client", {m: f"generated member '{m}'" for m in members})
        self._methods: dict[str, str] = {}
        for service in api.services:
            for method in service.methods:
                name = self.naming.method(method)
                if len(owners[name]) > 1 and method.full_name not in overrides:
                    name = self.naming.service(service) + name
                self._methods[method.full_name] = self.scope.claim(name, origin_of(method, api))
        self.files = Scope("go", "the service files of package l8")
        self._helpers: dict[tuple[str, str], str] = {}

    def method(self, method: Method) -> str:
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
        """``service_<stem>.go``: snake case of the service identifier (package-qualified when needed)."""
        return self.files.claim(snake(self.naming.service(service)), origin_of(service, self.api))

    def check(self) -> None:
        self.naming.check_overrides()
