"""Python naming (stage 3 of the pipeline for the Python target): IR -> Python identifiers and imports.

Escape rule (the only one): a name that is reserved gets a trailing underscore (``class`` -> ``class_``,
``self`` -> ``self_``), as PEP 8 recommends. Reserved = keywords and soft keywords, the builtins that matter
to generated code, and every local/parameter name the Python templates use (``RESERVED``; a target adds its
own with ``extra_reserved``).

Identifiers: client methods are snake_case of the RPC (``GetItem`` -> ``get_item``); keyword parameters
are snake_case of the request fields (``storeName`` -> ``store_name``); service attributes are snake_case
(``InventoryService`` -> ``inventory_service``); message classes keep their proto names (that is
what protoc's Python output defines). Every identifier is claimed in its scope; a collision raises
``NamingError`` naming both proto elements with file:line.
"""

from __future__ import annotations

import builtins
import keyword
from collections.abc import Iterable, Mapping

from l8gen.ir.model import Api, Enum, Field, Message, ProtoFile, Service, TypeRef
from l8gen.naming.common import LanguageNaming, Origin, pascal, snake
from l8gen.records import record

_BUILTINS_THAT_MATTER = {
    "type",
    "id",
    "object",
    "list",
    "dict",
    "set",
    "frozenset",
    "tuple",
    "str",
    "bytes",
    "bytearray",
    "int",
    "float",
    "complex",
    "bool",
    "len",
    "iter",
    "next",
    "open",
    "print",
    "super",
    "property",
    "isinstance",
    "issubclass",
    "callable",
    "range",
    "hash",
    "vars",
    "getattr",
    "setattr",
    "Exception",
    "BaseException",
}
TEMPLATE_LOCALS = {
    "self",
    "cls",
    "request",
    "requests",
    "response",
    "responses",
    "timeout",
    "headers",
    "wait_for_ready",
    "compression",
    "credentials",
    "channel",
    "stub",
    "client",
    "options",
    "opts",
    "stream",
    "call",
    "args",
    "kwargs",
    "ctx",
    "err",
    "retry",
    "grpc",
    "typing",
    "annotations",
}
RESERVED = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist) | _BUILTINS_THAT_MATTER | TEMPLATE_LOCALS

SCALAR_TYPES = {
    "double": "float",
    "float": "float",
    "int64": "int",
    "uint64": "int",
    "int32": "int",
    "fixed64": "int",
    "fixed32": "int",
    "bool": "bool",
    "string": "str",
    "bytes": "bytes",
    "uint32": "int",
    "sfixed32": "int",
    "sfixed64": "int",
    "sint32": "int",
    "sint64": "int",
}
assert all(hasattr(builtins, b) for b in _BUILTINS_THAT_MATTER)


@record
class PbModule:
    """A protoc-generated module and the alias the generated layer imports it under."""

    module: str  # "l8sdk._pb.spec.proto.runtime.v1.runtime_pb2"
    alias: str  # "runtime_pb2"
    grpc_module: str  # "...runtime_pb2_grpc"
    grpc_alias: str  # "runtime_pb2_grpc"


def _module_alias_candidates(file: str) -> list[str]:
    stem = file[: -len(".proto")] if file.endswith(".proto") else file
    parts = stem.replace("-", "_").split("/")  # protoc's module name: "-" -> "_"
    return ["_".join(parts[-k:]) + "_pb2" for k in range(1, len(parts) + 1)]


class PythonNaming(LanguageNaming):
    """All Python identifiers of one API, computed and collision-checked once (see module docstring)."""

    language = "python"
    reserved = RESERVED

    def __init__(
        self,
        api: Api,
        overrides: Mapping[str, str] | None = None,
        *,
        package: str = "l8sdk",
        extra_reserved: Iterable[str] = (),
        client_members: Iterable[str] = (),
        flat_methods: bool = False,
    ) -> None:
        """``client_members``: names the client classes define themselves (``close``...), which RPC method
        names must not take; ``flat_methods``: all client RPCs live on one class (one scope)."""
        super().__init__(api, overrides, extra_reserved)
        self.package = package
        self._modules = self._assign_modules(api.files + self._imported_files(api))
        self.assign_standard(
            lambda s: snake(s.name),
            lambda m: snake(m.name),
            lambda f: snake(f.name) or f.name,
            client_members,
            flat_methods,
        )
        self.check_overrides()

    @staticmethod
    def _imported_files(api: Api) -> tuple[ProtoFile, ...]:
        known = {f.name for f in api.files}
        elements: list[Message | Enum] = [*api.messages, *api.enums]
        extra = sorted({e.file for e in elements} - known)
        return tuple(ProtoFile(name=n, package="", dependencies=(), options={}) for n in extra)

    def _assign_modules(self, files: Iterable[ProtoFile]) -> dict[str, PbModule]:
        own = [f.name for f in files if not f.name.startswith("google/protobuf/")]
        chosen: dict[str, str] = {}
        depth = {name: 0 for name in own}
        while True:  # fixed passes: lengthen the aliases of colliding files until all are unique
            aliases = {
                n: _module_alias_candidates(n)[min(depth[n], len(_module_alias_candidates(n)) - 1)]
                for n in own
            }
            groups: dict[str, list[str]] = {}
            for name, alias in aliases.items():
                groups.setdefault(alias, []).append(name)
            clashing = [n for names in groups.values() if len(names) > 1 for n in names]
            progress = [n for n in clashing if depth[n] < len(_module_alias_candidates(n)) - 1]
            if not progress:
                chosen = aliases
                break
            for name in progress:
                depth[name] += 1
        modules = {}
        for name in sorted(own):
            dotted = name[: -len(".proto")].replace("/", ".").replace("-", "_")
            alias = self.escape(chosen[name])
            modules[name] = PbModule(
                f"{self.package}._pb.{dotted}_pb2",
                alias,
                f"{self.package}._pb.{dotted}_pb2_grpc",
                f"{alias}_grpc",
            )
        for name in sorted(f.name for f in files if f.name.startswith("google/protobuf/")):
            stem = name.rsplit("/", 1)[1][: -len(".proto")]
            modules[name] = PbModule(f"google.protobuf.{stem}_pb2", f"{stem}_pb2", "", "")
        return modules

    # -- lookups (also: service(), method(), param() from LanguageNaming) ----------------------------------
    def service_attr(self, service: Service) -> str:
        """Attribute/identifier for a service (``inventory_service``)."""
        return self.service(service)

    def service_class(self, service: Service, prefix: str = "", suffix: str = "") -> str:
        """Class-name stem for a service: the proto name (``InventoryService``), or, when services of two
        packages share that name, the package-qualified form (``a.Hello`` -> ``AHello``), so the class
        names are unique exactly when the attributes are."""
        attr = self.service(service)
        stem = service.name if attr == self.escape(snake(service.name)) else pascal(attr)
        return f"{prefix}{stem}{suffix}"

    def module(self, file: str) -> PbModule:
        """Import path and alias of the protoc output for ``file``."""
        return self._modules[file]

    def message_ref(self, full_name: str) -> str:
        """Qualified Python expression for a message or enum class: ``runtime_pb2.StateItem.Inner``."""
        element = self.element(full_name)
        return f"{self._modules[element.file].alias}.{'.'.join(self.local_name(full_name))}"

    def annotation(self, ref: TypeRef) -> str:
        """Type annotation for a value of ``ref`` (an enum is typed as its protoc enum class)."""
        if ref.kind == "scalar":
            return SCALAR_TYPES[ref.name]
        return self.message_ref(ref.name)

    def field_annotation(self, field: Field) -> str:
        """Annotation of a keyword parameter for ``field`` (maps/repeated as read-only ABCs)."""
        if field.map_key is not None and field.map_value is not None:
            return f"Mapping[{self.annotation(field.map_key)}, {self.annotation(field.map_value)}]"
        inner = self.annotation(field.type)
        return f"Sequence[{inner}]" if field.repeated else inner

    def imports_for(self, services: Iterable[Service]) -> list[PbModule]:
        """The protoc modules the given services' methods need (request/response types + stubs), sorted."""
        files: set[str] = set()
        for service in services:
            files.add(service.file)
            for method in service.methods:
                files.add(self.api.message(method.input_type).file)
                files.add(self.api.message(method.output_type).file)
        return sorted((self._modules[f] for f in files), key=lambda m: m.module)


def origin(kind: str, full_name: str, file: str, line: int = 0) -> Origin:
    """Convenience for targets claiming their own identifiers in a ``Scope``."""
    return Origin(kind, full_name, file, line)
