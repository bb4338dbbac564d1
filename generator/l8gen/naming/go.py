"""Go naming (stage 3 of the pipeline for the Go target): IR -> Go identifiers.

Escape rule (the only one): a reserved identifier gets a trailing underscore (``type`` -> ``type_``,
``ctx`` -> ``ctx_``). Reserved = Go keywords, predeclared identifiers, and the local names the Go templates
use (``ctx``, ``opts``, ``req``, ``err``...). Exported names start upper case and cannot hit a keyword, but
they are escaped the same way when they hit a generated member (``Close``...) via the collision scopes.

Identifiers: exported (``Exported``) and unexported (``unexported``) MixedCaps with Go initialisms
(``GetNextId`` -> ``GetNextID``, ``SignURL`` -> ``SignURL``, ``sse_kms_key_id`` -> ``SSEKMSKeyID`` /
``sseKMSKeyID``); services and RPC methods are exported, request-field parameters unexported. Message struct
field names follow protoc-gen-go exactly (``go_field``, no initialisms: ``store_name`` -> ``StoreName``,
``id`` -> ``Id``), as do message type names (``go_type``: ``Outer_Inner``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from l8gen.ir.model import Api, Field
from l8gen.naming.common import KNOWN_WORDS, LanguageNaming, cap, split_words

INITIALISMS = frozenset(
    {
        "ACL",
        "API",
        "ASCII",
        "CPU",
        "CSS",
        "DNS",
        "EOF",
        "GUID",
        "HTML",
        "HTTP",
        "HTTPS",
        "ID",
        "IP",
        "JSON",
        "KMS",
        "LHS",
        "MD5",
        "QPS",
        "RAM",
        "RHS",
        "RPC",
        "SLA",
        "SMS",
        "SMTP",
        "SQL",
        "SSE",
        "SSH",
        "TCP",
        "TLS",
        "TTL",
        "UDP",
        "UI",
        "UID",
        "UUID",
        "URI",
        "URL",
        "UTF8",
        "VM",
        "XML",
        "XMPP",
        "XSRF",
        "XSS",
    }
)
KEYWORDS = frozenset(
    {
        "break",
        "case",
        "chan",
        "const",
        "continue",
        "default",
        "defer",
        "else",
        "fallthrough",
        "for",
        "func",
        "go",
        "goto",
        "if",
        "import",
        "interface",
        "map",
        "package",
        "range",
        "return",
        "select",
        "struct",
        "switch",
        "type",
        "var",
    }
)
PREDECLARED = frozenset(
    {
        "any",
        "append",
        "bool",
        "byte",
        "cap",
        "clear",
        "close",
        "comparable",
        "complex",
        "complex64",
        "complex128",
        "copy",
        "delete",
        "error",
        "false",
        "float32",
        "float64",
        "imag",
        "int",
        "int8",
        "int16",
        "int32",
        "int64",
        "iota",
        "len",
        "make",
        "max",
        "min",
        "new",
        "nil",
        "panic",
        "print",
        "println",
        "real",
        "recover",
        "rune",
        "string",
        "true",
        "uint",
        "uint8",
        "uint16",
        "uint32",
        "uint64",
        "uintptr",
    }
)
TEMPLATE_LOCALS = frozenset(
    {
        "ctx",
        "opts",
        "opt",
        "options",
        "req",
        "request",
        "resp",
        "response",
        "err",
        "client",
        "stream",
        "conn",
        "md",
        "c",
        "s",
        "cc",
        "callOpts",
        "in",
        "out",
        "grpc",
        "status",
        "codes",
        "metadata",
        "context",
        "pb",
    }
)
RESERVED = KEYWORDS | PREDECLARED | TEMPLATE_LOCALS
# Method names protoc-gen-go generates on every message: a field whose Go name equals one gets "_".
_GENERATED_MESSAGE_METHODS = frozenset(
    {
        "Reset",
        "String",
        "ProtoMessage",
        "ProtoReflect",
        "Descriptor",
        "Marshal",
        "Unmarshal",
    }
)
_KNOWN = {w.upper(): w for w in KNOWN_WORDS}


def _word(word: str) -> str:
    upper = word.upper()
    if upper in INITIALISMS:
        return upper
    for known_upper, known in _KNOWN.items():
        if upper.startswith(known_upper):
            return known[0].upper() + known[1:] + word[len(known) :]
    return cap(word)


def exported(name: str) -> str:
    """Exported MixedCaps with initialisms: ``get_next_id`` -> ``GetNextID``."""
    return "".join(_word(w) for w in split_words(name))


def unexported(name: str) -> str:
    """Unexported mixedCaps with initialisms: ``ID`` -> ``id``, ``HTTPServer`` -> ``httpServer``,
    ``store_id`` -> ``storeID``."""
    words = split_words(name)
    if not words:
        return ""
    return words[0].lower() + "".join(_word(w) for w in words[1:])


def go_camel_case(name: str) -> str:
    """protoc-gen-go's ``GoCamelCase`` (the Go name of a field or message part)."""
    out: list[str] = []
    i = 0
    while i < len(name):
        ch = name[i]
        nxt = name[i + 1] if i + 1 < len(name) else ""
        if ch == "." and nxt.islower() and nxt.isascii():
            pass
        elif ch == ".":
            out.append("_")
        elif ch == "_" and (i == 0 or name[i - 1] == "."):
            out.append("X")
        elif ch == "_" and nxt.isascii() and nxt.islower():
            pass
        elif ch.isdigit():
            out.append(ch)
        else:
            out.append(ch.upper() if ch.isascii() and ch.islower() else ch)
            while i + 1 < len(name) and name[i + 1].isascii() and name[i + 1].islower():
                i += 1
                out.append(name[i])
        i += 1
    return "".join(out)


class GoNaming(LanguageNaming):
    """All Go identifiers of one API, computed and collision-checked once (see module docstring)."""

    language = "go"
    reserved = RESERVED

    def __init__(
        self,
        api: Api,
        overrides: Mapping[str, str] | None = None,
        *,
        extra_reserved: Iterable[str] = (),
        client_members: Iterable[str] = ("Close", "Conn"),
        flat_methods: bool = False,
    ) -> None:
        super().__init__(api, overrides, extra_reserved)
        self.assign_standard(
            lambda s: exported(s.name),
            lambda m: exported(m.name),
            lambda f: unexported(f.name),
            client_members,
            flat_methods,
        )
        self.check_overrides()

    @staticmethod
    def go_field(field: Field) -> str:
        """The struct field name protoc-gen-go generates for ``field`` (getter: ``"Get" + go_field``)."""
        name = go_camel_case(field.name)
        return name + "_" if name in _GENERATED_MESSAGE_METHODS else name

    def go_type(self, full_name: str) -> str:
        """The Go type protoc-gen-go generates for a message/enum: ``Outer_Inner``."""
        return "_".join(go_camel_case(part) for part in self.local_name(full_name))

    def enum_value(self, enum_full_name: str, value: str) -> str:
        """protoc-gen-go's constant for an enum value: ``<EnumType>_<VALUE>`` (``<Parent>_<VALUE>`` when
        nested in a message)."""
        parts = self.local_name(enum_full_name)
        prefix = "_".join(go_camel_case(p) for p in parts[:-1]) if len(parts) > 1 else go_camel_case(parts[0])
        return f"{prefix}_{value}"
