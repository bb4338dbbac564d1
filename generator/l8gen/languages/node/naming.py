"""TypeScript naming (stage 3 of the pipeline for the Node/TypeScript target): IR -> TS identifiers.

Escape rule (the only one): a reserved name gets a trailing ``$`` (``delete`` -> ``delete$``,
``constructor`` -> ``constructor$``), the same suffix protobuf-es uses for its reserved property names.
Two reserved sets apply the rule: identifiers (parameters, locals: JavaScript/TypeScript reserved words,
strict-mode words, globals that matter and the templates' local names ``request``, ``options``,
``signal``...) and property/method names (names every object or our client class already has:
``constructor``, ``toString``, ``close``...; keywords are legal property names).

Identifiers: client methods are lowerCamel of the RPC (``GetItem`` -> ``getItem``, ``FetchURL`` ->
``fetchUrl``); services are lowerCamel properties (``inventoryService``) and PascalCase classes
(``service_class``); request-field parameters are lowerCamel (``store_name`` -> ``storeName``); message
fields as protobuf-es names them (``es_field``: protoc's JSON-style camel case of the proto name).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from l8gen.ir.builder import json_name_of
from l8gen.ir.model import Api, Field, Service
from l8gen.naming.common import LanguageNaming, camel, pascal

KEYWORDS = frozenset(
    {
        "break",
        "case",
        "catch",
        "class",
        "const",
        "continue",
        "debugger",
        "default",
        "delete",
        "do",
        "else",
        "enum",
        "export",
        "extends",
        "false",
        "finally",
        "for",
        "function",
        "if",
        "import",
        "in",
        "instanceof",
        "new",
        "null",
        "return",
        "super",
        "switch",
        "this",
        "throw",
        "true",
        "try",
        "typeof",
        "var",
        "void",
        "while",
        "with",
        "implements",
        "interface",
        "let",
        "package",
        "private",
        "protected",
        "public",
        "static",
        "yield",
        "await",
        "async",
        "of",
        "as",
        "any",
        "boolean",
        "never",
        "number",
        "object",
        "string",
        "symbol",
        "type",
        "undefined",
        "unknown",
        "bigint",
        "declare",
        "namespace",
        "module",
        "require",
        "readonly",
        "keyof",
        "infer",
        "is",
        "asserts",
        "abstract",
        "constructor",
        "get",
        "set",
        "arguments",
        "eval",
    }
)
GLOBALS = frozenset(
    {
        "NaN",
        "Infinity",
        "Object",
        "Array",
        "Promise",
        "Error",
        "Symbol",
        "Buffer",
        "Map",
        "Set",
        "Date",
        "JSON",
        "Math",
        "Number",
        "String",
        "Boolean",
        "BigInt",
        "Uint8Array",
        "globalThis",
        "process",
        "console",
        "window",
        "exports",
    }
)
TEMPLATE_LOCALS = frozenset(
    {
        "request",
        "requests",
        "response",
        "options",
        "opts",
        "signal",
        "client",
        "metadata",
        "stream",
        "call",
        "timeout",
        "deadline",
        "callback",
        "err",
        "error",
        "ctx",
        "self",
        "grpc",
        "pb",
        "service",
        "resolve",
        "reject",
        "init",
    }
)
IDENTIFIER_RESERVED = KEYWORDS | GLOBALS | TEMPLATE_LOCALS
PROPERTY_RESERVED = frozenset(
    {
        "constructor",
        "toString",
        "toJSON",
        "valueOf",
        "toLocaleString",
        "hasOwnProperty",
        "isPrototypeOf",
        "propertyIsEnumerable",
        "__proto__",
        "__defineGetter__",
        "__defineSetter__",
        "__lookupGetter__",
        "__lookupSetter__",
        "then",
    }
)
# protobuf-es adds "$" to these field names (they clash with its message objects' own properties).
ES_FIELD_RESERVED = frozenset(
    {"constructor", "toString", "toJSON", "valueOf", "__proto__", "$typeName", "$unknown"}
)


class TypeScriptNaming(LanguageNaming):
    """All TypeScript identifiers of one API, computed and collision-checked once (see module docstring)."""

    language = "node"
    reserved = IDENTIFIER_RESERVED
    escape_suffix = "$"

    def __init__(
        self,
        api: Api,
        overrides: Mapping[str, str] | None = None,
        *,
        extra_reserved: Iterable[str] = (),
        client_members: Iterable[str] = ("close", "waitForReady", "channel"),
        flat_methods: bool = False,
    ) -> None:
        super().__init__(api, overrides, extra_reserved)
        self.assign_standard(
            lambda s: camel(s.name),
            lambda m: camel(m.name),
            lambda f: camel(f.name),
            client_members,
            flat_methods,
            member_escape=self.member,
        )
        self.check_overrides()

    def is_reserved(self, ident: str) -> bool:
        return super().is_reserved(ident) or ident in PROPERTY_RESERVED

    def member(self, name: str) -> str:
        """Escape a property/method name: only object-builtin names are reserved there."""
        while name in PROPERTY_RESERVED:
            name += self.escape_suffix
        return name

    def service_class(self, service: Service, suffix: str = "Client") -> str:
        """PascalCase class name for a service client: ``InventoryServiceClient``."""
        return pascal(service.name) + suffix

    @staticmethod
    def es_field(field: Field) -> str:
        """The property name protobuf-es gives ``field`` on generated message objects."""
        name = json_name_of(field.name)
        return name + "$" if name in ES_FIELD_RESERVED else name
