"""C++ naming (stage 3 of the pipeline for the C++ target): IR -> C++ identifiers.

Escape rule (the only one): a reserved identifier gets a trailing underscore (``delete`` -> ``delete_``,
``errno`` -> ``errno_``), the same rule protoc's C++ generator applies to keyword field names. Reserved =
C++20 keywords and alternative tokens, macros and library names that break code when used as identifiers
(``errno``, ``NULL``, ``assert``, ``EOF``, ``stdin``, ``major``, ``minor``, ``linux``, ``unix``...), and
the templates' local names (``request``, ``response``, ``context``, ``status``, ``stream``...).

Identifiers: client methods keep the RPC name (PascalCase, as the gRPC C++ stubs do: ``GetState``);
service classes keep the service name; request-field parameters are snake_case; namespaces come from the
proto package (``spec::proto::runtime::v1``); protobuf's own accessor and type names are given by
``pb_accessor`` (lower-cased field name) and ``pb_type`` (``Outer_Inner``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from l8gen.ir.model import Api, Field
from l8gen.naming.common import LanguageNaming, snake

KEYWORDS = frozenset(
    {
        "alignas",
        "alignof",
        "and",
        "and_eq",
        "asm",
        "auto",
        "bitand",
        "bitor",
        "bool",
        "break",
        "case",
        "catch",
        "char",
        "char8_t",
        "char16_t",
        "char32_t",
        "class",
        "compl",
        "concept",
        "const",
        "consteval",
        "constexpr",
        "constinit",
        "const_cast",
        "continue",
        "co_await",
        "co_return",
        "co_yield",
        "decltype",
        "default",
        "delete",
        "do",
        "double",
        "dynamic_cast",
        "else",
        "enum",
        "explicit",
        "export",
        "extern",
        "false",
        "float",
        "for",
        "friend",
        "goto",
        "if",
        "inline",
        "int",
        "long",
        "mutable",
        "namespace",
        "new",
        "noexcept",
        "not",
        "not_eq",
        "nullptr",
        "operator",
        "or",
        "or_eq",
        "private",
        "protected",
        "public",
        "register",
        "reinterpret_cast",
        "requires",
        "return",
        "short",
        "signed",
        "sizeof",
        "static",
        "static_assert",
        "static_cast",
        "struct",
        "switch",
        "template",
        "this",
        "thread_local",
        "throw",
        "true",
        "try",
        "typedef",
        "typeid",
        "typename",
        "union",
        "unsigned",
        "using",
        "virtual",
        "void",
        "volatile",
        "wchar_t",
        "while",
        "xor",
        "xor_eq",
        "final",
        "override",
        "import",
        "module",
    }
)
MACROS_AND_LIBRARY = frozenset(
    {
        "errno",
        "NULL",
        "assert",
        "EOF",
        "stdin",
        "stdout",
        "stderr",
        "major",
        "minor",
        "linux",
        "unix",
        "TRUE",
        "FALSE",
        "DOMAIN",
        "EDOM",
        "ERANGE",
        "EILSEQ",
        "SIGABRT",
        "offsetof",
        "setjmp",
        "va_arg",
        "va_start",
        "va_end",
        "INT_MAX",
        "INT_MIN",
        "UINT_MAX",
        "BUFSIZ",
        "FILENAME_MAX",
        "std",
        "string",
        "grpc",
        "google",
        "absl",
    }
)
TEMPLATE_LOCALS = frozenset(
    {
        "request",
        "response",
        "context",
        "ctx",
        "status",
        "stream",
        "client",
        "channel",
        "options",
        "opts",
        "deadline",
        "reader",
        "writer",
        "metadata",
        "cq",
        "timeout",
        "stub",
        "err",
        "result",
        "self",
    }
)
RESERVED = KEYWORDS | MACROS_AND_LIBRARY | TEMPLATE_LOCALS


class CppNaming(LanguageNaming):
    """All C++ identifiers of one API, computed and collision-checked once (see module docstring)."""

    language = "cpp"
    reserved = RESERVED

    def __init__(
        self,
        api: Api,
        overrides: Mapping[str, str] | None = None,
        *,
        extra_reserved: Iterable[str] = (),
        client_members: Iterable[str] = ("Close", "WaitForReady", "channel"),
        flat_methods: bool = False,
    ) -> None:
        super().__init__(api, overrides, extra_reserved)
        self.assign_standard(
            lambda s: s.name,
            lambda m: m.name,
            lambda f: snake(f.name) or f.name,
            client_members,
            flat_methods,
        )
        self.check_overrides()

    def namespace(self, package: str) -> str:
        """``spec.proto.runtime.v1`` -> ``spec::proto::runtime::v1`` (keyword segments escaped)."""
        return "::".join(self.escape(part) for part in package.split(".") if part)

    def pb_accessor(self, field: Field) -> str:
        """protoc's C++ accessor name for ``field`` (lower-cased; keywords get ``_``)."""
        name = field.name.lower()
        return name + "_" if name in KEYWORDS else name

    def pb_type(self, full_name: str, qualified: bool = True) -> str:
        """protoc's C++ class/enum name: ``Outer_Inner``; qualified: ``::spec::proto::v1::Outer_Inner``."""
        local = "_".join(self.local_name(full_name))
        if not qualified:
            return local
        package = self.element(full_name).package
        return f"::{self.namespace(package)}::{local}" if package else f"::{local}"
