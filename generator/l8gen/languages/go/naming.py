"""Go naming (stage 3 of the pipeline for the Go target): IR -> Go identifiers.

Escape rule (the only one): a reserved identifier gets a trailing underscore (``type`` -> ``type_``,
``ctx`` -> ``ctx_``). Reserved = Go keywords, predeclared identifiers, and the local names the Go templates
use (``ctx``, ``opts``, ``req``, ``err``...). Exported names start upper case and cannot hit a keyword, but
they are escaped the same way when they hit a generated member (``Close``...) via the collision scopes.

Identifiers: exported (``Exported``) and unexported (``unexported``) MixedCaps with Go initialisms
(``GetUserId`` -> ``GetUserID``, ``FetchURL`` -> ``FetchURL``, ``sse_kms_key_id`` -> ``SSEKMSKeyID`` /
``sseKMSKeyID``); services and RPC methods are exported, request-field parameters unexported. With
``flat_methods`` (the Go SDK: every RPC is a method of the one ``*l8.Client``) RPCs of different services
that get the same name are qualified with their service identifier (``AStoreGetItem``) in one fixed pass,
unless overridden; the helpers derived from an RPC (``Open<X>``, ``<X>FromReader``...) and the service file
stems are claimed on first use in the scopes they share with them.

Names of protoc-gen-go / protoc-gen-go-grpc output follow those plugins exactly (``strs.GoCamelCase``, no
initialisms): message/enum types (``go_type``: ``Outer_Inner``, but ``Outer.inner`` -> ``OuterInner``),
struct fields (``go_field``: ``store_name`` -> ``StoreName``, ``id`` -> ``Id``, ``reset`` -> ``Reset_``),
enum constants (``enum_value``), services and RPCs of the stubs (``go_camel_case``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from l8gen.ir.model import Api, Field, Message, Method, Service
from l8gen.naming.common import KNOWN_WORDS, LanguageNaming, Origin, Scope, cap, origin_of, snake, split_words

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
# Names protoc-gen-go reserves on every message (protogen's ``usedNames``): a field whose Go name equals one,
# or whose getter would, gets "_" appended (``reset`` -> ``Reset_``).
_GENERATED_MESSAGE_METHODS = frozenset(
    {
        "Reset",
        "String",
        "ProtoMessage",
        "Marshal",
        "Unmarshal",
        "ExtensionRangeArray",
        "ExtensionMap",
        "Descriptor",
    }
)
# Names of the Go layer derived from an RPC's client method name (claimed in the *l8.Client method scope).
HELPERS = {
    "open": "Open{}",
    "from_reader": "{}FromReader",
    "from_path": "{}FromPath",
    "to_writer": "{}ToWriter",
    "flat": "{}Flat",  # flattened signatures: Flat, Flat2, Flat3... (any other kind: "{}" + Kind)
}
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
    """Exported MixedCaps with initialisms: ``get_user_id`` -> ``GetUserID``."""
    return "".join(_word(w) for w in split_words(name))


def unexported(name: str) -> str:
    """Unexported mixedCaps with initialisms: ``ID`` -> ``id``, ``HTTPServer`` -> ``httpServer``,
    ``store_id`` -> ``storeID``."""
    words = split_words(name)
    if not words:
        return ""
    return words[0].lower() + "".join(_word(w) for w in words[1:])


def go_camel_case(name: str) -> str:
    """protoc-gen-go's ``strs.GoCamelCase``: the Go identifier it derives from a proto name (a ``.`` before
    a lower-case letter is dropped, any other ``.`` becomes ``_``)."""
    out: list[str] = []
    i = 0
    while i < len(name):
        ch = name[i]
        nxt = name[i + 1] if i + 1 < len(name) else ""
        if ch == "." and nxt.islower() and nxt.isascii():
            pass  # skip '.' in ".{{lowercase}}"
        elif ch == ".":
            out.append("_")
        elif ch == "_" and (i == 0 or name[i - 1] == "."):
            out.append("X")
        elif ch == "_" and nxt.isascii() and nxt.islower():
            pass  # skip '_' in "_{{lowercase}}"
        elif ch.isascii() and ch.isdigit():
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
        members = sorted(set(client_members))
        # Names per service first (clashes inside one service are errors there) ...
        self.assign_standard(
            lambda s: exported(s.name),
            lambda m: exported(m.name),
            lambda f: unexported(f.name),
            members,
        )
        self.check_overrides()
        self._flat: Scope | None = None
        if flat_methods:
            self._flatten(members)
        self._helpers: dict[tuple[str, str], str] = {}
        self._files = self.scope("the service files of package l8")
        self._file_stems: dict[str, str] = {}

    def _flatten(self, members: Iterable[str]) -> None:
        """... then flat: every RPC of every service in one scope, cross-service namesakes qualified."""
        owners: dict[str, set[str]] = {}
        for service in self.api.services:
            for method in service.methods:
                owners.setdefault(self.method(method), set()).add(service.full_name)
        self._flat = self.scope("the methods of *l8.Client", members)
        for service in self.api.services:
            for method in service.methods:
                name = self.method(method)
                if len(owners[name]) > 1 and method.full_name not in self.overrides:
                    name = self.service(service) + name
                self._methods[method.full_name] = self._flat.claim(name, origin_of(method, self.api))

    def helper(self, method: Method, kind: str) -> str:
        """The ``kind`` helper's name for ``method`` (``open``, ``from_reader``, ``from_path``,
        ``to_writer``), claimed on first use in the flat client method scope (``flat_methods`` only)."""
        if self._flat is None:
            raise ValueError("GoNaming.helper needs flat_methods=True")
        key = (method.full_name, kind)
        if key not in self._helpers:
            pattern = HELPERS.get(kind) or "{}" + kind[:1].upper() + kind[1:]  # "flat2" -> GetItemFlat2
            name = pattern.format(self.method(method))
            origin = origin_of(method, self.api)
            helper = Origin(f"{kind} helper of rpc", origin.full_name, origin.file, origin.line)
            self._helpers[key] = self._flat.claim(name, helper)
        return self._helpers[key]

    def file_stem(self, service: Service) -> str:
        """``service_<stem>.go``: snake case of the service identifier (package-qualified when needed),
        claimed on first use."""
        if service.full_name not in self._file_stems:
            stem = self._files.claim(snake(self.service(service)), origin_of(service, self.api))
            self._file_stems[service.full_name] = stem
        return self._file_stems[service.full_name]

    @staticmethod
    def go_field(message: Message, field: Field | str) -> str:
        """The struct field name protoc-gen-go generates for ``field`` of ``message`` (getter:
        ``"Get" + go_field``), conflict suffixes included: fields are made unique in declaration order against
        the message's generated methods and the earlier fields and getters."""
        wanted = field if isinstance(field, str) else field.name
        used = set(_GENERATED_MESSAGE_METHODS)
        for candidate in message.fields:
            ident = go_camel_case(candidate.name)
            while ident in used or f"Get{ident}" in used:
                ident += "_"
            used.add(ident)
            used.add(f"Get{ident}")
            if candidate.name == wanted:
                return ident
        raise KeyError(f"{message.full_name} has no field {wanted}")

    def go_type(self, full_name: str) -> str:
        """The Go type protoc-gen-go generates for a message/enum: ``GoCamelCase`` of the name below the
        package (``Outer.Inner`` -> ``Outer_Inner``, ``Outer.inner`` -> ``OuterInner``)."""
        return go_camel_case(".".join(self.local_name(full_name)))

    def enum_value(self, enum_full_name: str, value: str) -> str:
        """protoc-gen-go's constant for an enum value: ``<EnumType>_<VALUE>`` (``<Parent>_<VALUE>`` when
        nested in a message)."""
        parts = self.local_name(enum_full_name)
        parent = parts[:-1] if len(parts) > 1 else parts
        return f"{go_camel_case('.'.join(parent))}_{value}"
