"""C++ naming (stage 3 of the pipeline for the C++ target): IR -> C++ identifiers.

Escape rule (the only one): a reserved identifier gets a trailing underscore (``delete`` -> ``delete_``,
``errno`` -> ``errno_``), the same rule protoc's C++ generator applies to keyword field names. Reserved =
C++20 keywords and alternative tokens, macros and library names that break code when used as identifiers
(``errno``, ``NULL``, ``assert``, ``EOF``, ``stdin``, ``major``, ``minor``, ``linux``, ``unix``...), and
the templates' local names (``request``, ``response``, ``context``, ``status``, ``stream``, ``data``...).

Identifiers: client methods keep the RPC name (PascalCase, as the gRPC C++ stubs do: ``GetItem``);
service classes keep the service name; request-field parameters are snake_case; namespaces come from the
proto package (``spec::proto::runtime::v1``).

Names of protoc's own C++ output follow protoc 3.21 (Debian's, which the C++ SDK builds with) exactly:
``pb_type`` (``Outer_Inner``; its keyword list ``PROTOC_KEYWORDS`` applied to the whole flattened name, so
``class`` -> ``class_`` and ``class.default`` -> ``class__default``; map entries ``..._DoNotUse``; the
namespace is the package unescaped) and ``pb_accessor`` (lower-cased field name, protoc keywords suffixed).
protoc escapes keywords but not macros: the C++ target renames fields named like a macro
(``MACRO_FIELD_NAMES``: ``errno`` -> ``errno_``) in the descriptors it compiles, and ``pb_accessor`` gives
the accessor of the renamed field.
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
# protoc 3.21's kKeywordList (compiler/cpp/helpers.cc): the names protoc itself suffixes with "_".
PROTOC_KEYWORDS = frozenset({
    "NULL", "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break",
    "case", "catch", "char", "class", "compl", "const", "constexpr", "const_cast", "continue", "decltype",
    "default", "delete", "do", "double", "dynamic_cast", "else", "enum", "explicit", "export", "extern",
    "false", "float", "for", "friend", "goto", "if", "inline", "int", "long", "mutable", "namespace", "new",
    "noexcept", "not", "not_eq", "nullptr", "operator", "or", "or_eq", "private", "protected", "public",
    "register", "reinterpret_cast", "return", "short", "signed", "sizeof", "static", "static_assert",
    "static_cast", "struct", "switch", "template", "this", "thread_local", "throw", "true", "try",
    "typedef", "typeid", "typename", "union", "unsigned", "using", "virtual", "void", "volatile", "wchar_t",
    "while", "xor", "xor_eq",
})
# Field names that are macros of the C/C++ standard library or of the compiler's GNU mode. protoc 3.21 escapes
# only keywords, so a field named `errno` gives an `errno()` accessor that the macro breaks. The C++ target
# renames such fields (trailing "_", the escape rule) in the descriptor copy it compiles; json_name is kept.
MACRO_FIELD_NAMES = frozenset({
    "errno", "assert", "offsetof", "setjmp", "va_arg", "va_start", "va_end", "va_copy", "major", "minor",
    "makedev", "linux", "unix", "i386", "typeof",
})
MACROS_AND_LIBRARY = MACRO_FIELD_NAMES | frozenset(
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
# Local names of the generated C++ (parameters, locals, members) that an identifier must not take.
TEMPLATE_LOCALS = frozenset(
    {
        "requests",
        "data",
        "first",
        "chunk_size",
        "path",
        "message",
        "bytes",
        "size",
        "file",
        "connection",
        "stub_",
        "connection_",
        "endpoint",
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
        method_members: Iterable[str] = (),
    ) -> None:
        super().__init__(api, overrides, extra_reserved)
        self.assign_standard(
            lambda s: s.name,
            lambda m: m.name,
            lambda f: snake(f.name) or f.name,
            client_members,
            flat_methods,
            method_members=method_members,
        )
        self.check_overrides()

    def namespace(self, package: str) -> str:
        """``spec.proto.runtime.v1`` -> ``spec::proto::runtime::v1`` (keyword segments escaped)."""
        return "::".join(self.escape(part) for part in package.split(".") if part)

    @staticmethod
    def pb_accessor(field: Field | str) -> str:
        """protoc's C++ accessor name of a field (lower-cased; protoc keywords get ``_``), after the C++
        target's renaming of macro-named fields (``errno`` -> ``errno_``)."""
        name = (field if isinstance(field, str) else field.name).lower()
        return name + "_" if name in PROTOC_KEYWORDS or name in MACRO_FIELD_NAMES else name

    def pb_class(self, full_name: str) -> str:
        """protoc's unqualified C++ class/enum name of a message or enum: the names from the package down
        joined with ``_`` (``Outer_Inner``), a protoc keyword suffixed with ``_`` at every level
        (``class`` -> ``class_``, ``class.default`` -> ``class__default``), map entries
        ``<Entry>_DoNotUse``."""
        try:
            message = self.api.message(full_name)
        except KeyError:
            enum = self.api.enum(full_name)
            if enum.parent is None:
                return _protoc_escape(enum.name)
            return self.pb_class(enum.parent) + "_" + enum.name
        name = (self.pb_class(message.parent) + "_" if message.parent else "") + message.name
        return _protoc_escape(name + "_DoNotUse" if message.is_map_entry else name)

    def pb_type(self, full_name: str, qualified: bool = True) -> str:
        """protoc's C++ type of a message or enum: ``pb_class``; qualified with the package's namespace as
        protoc writes it (not escaped): ``::spec::proto::v1::Outer_Inner``."""
        local = self.pb_class(full_name)
        if not qualified:
            return local
        namespace = "".join(f"::{part}" for part in self.element(full_name).package.split(".") if part)
        return f"{namespace}::{local}"


def _protoc_escape(name: str) -> str:
    return name + "_" if name in PROTOC_KEYWORDS else name
