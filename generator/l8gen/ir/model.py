"""The IR: the language-neutral model of the API that every target renders.

Pipeline place: FileDescriptorSet --(ir.builder)--> **ir.model.Api** --(naming + targets)--> {path: text}.

Everything here is a ``@record`` (``l8gen.records``: a dataclass, frozen for mypy) holding tuples, sorted by
full name, built once by ``ir.builder``. Full names carry no leading dot (``acme.store.v1.GetItemRequest``).
Nothing in this module knows about any target language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from typing import Literal

from l8gen.records import record

Shape = Literal["unary", "server_stream", "client_stream", "bidi"]
TypeKind = Literal["scalar", "message", "enum"]
ServiceRole = Literal["client", "app"]

SCALARS = (
    "double",
    "float",
    "int64",
    "uint64",
    "int32",
    "fixed64",
    "fixed32",
    "bool",
    "string",
    "bytes",
    "uint32",
    "sfixed32",
    "sfixed64",
    "sint32",
    "sint64",
)


@record
class Doc:
    """Comment text attached to an element (leading and trailing), dedented, no comment markers."""

    leading: str = ""
    trailing: str = ""

    @property
    def text(self) -> str:
        """Leading and trailing comment joined by a blank line; empty when undocumented."""
        leading, trailing = self.leading, self.trailing
        return f"{leading}\n\n{trailing}" if leading and trailing else leading or trailing

    @property
    def summary(self) -> str:
        """The first sentence-ish line of the text (for one-line docs)."""
        text = self.text
        return text.split("\n", 1)[0] if text else ""


@record
class TypeRef:
    """A field's value type: a scalar by proto name, or a message/enum by full name."""

    kind: TypeKind
    name: str

    @property
    def is_scalar(self) -> bool:
        return self.kind == "scalar"


@record
class Field:
    """A message field. Map fields have ``map_key``/``map_value`` set and ``repeated`` true (wire form)."""

    name: str
    json_name: str
    number: int
    type: TypeRef
    repeated: bool = False
    optional: bool = False  # proto3 `optional` (explicit presence)
    required: bool = False  # proto2 `required`
    oneof: str | None = None  # name of the real (non-synthetic) oneof this field belongs to
    map_key: TypeRef | None = None
    map_value: TypeRef | None = None
    js_string: bool = False  # [jstype = JS_STRING]
    doc: Doc = field(default_factory=Doc)
    line: int = 0  # 1-based line of the declaration in its file (0: unknown); for error messages

    @property
    def is_map(self) -> bool:
        return self.map_key is not None


@record
class Oneof:
    """A real oneof group (synthetic proto3-optional oneofs are not listed)."""

    name: str
    fields: tuple[str, ...]
    doc: Doc = field(default_factory=Doc)
    line: int = 0  # 1-based line of the declaration in its file (0: unknown); for error messages


@record
class EnumValue:
    """One value of an enum: name, number and its comment."""

    name: str
    number: int
    doc: Doc = field(default_factory=Doc)
    line: int = 0  # 1-based line of the declaration in its file (0: unknown); for error messages


@record
class Enum:
    """An enum (top-level or nested; ``parent`` is the full name of the enclosing message)."""

    full_name: str
    name: str
    package: str
    file: str
    parent: str | None  # full name of the enclosing message, if nested
    values: tuple[EnumValue, ...]
    doc: Doc = field(default_factory=Doc)
    line: int = 0  # 1-based line of the declaration in its file (0: unknown); for error messages


@record
class Message:
    """A message (nested ones flattened, ``parent`` set); fields in declaration order."""

    full_name: str
    name: str
    package: str
    file: str
    parent: str | None  # full name of the enclosing message, if nested
    fields: tuple[Field, ...]
    oneofs: tuple[Oneof, ...] = ()
    is_map_entry: bool = False
    doc: Doc = field(default_factory=Doc)
    line: int = 0  # 1-based line of the declaration in its file (0: unknown); for error messages

    @property
    def local_path(self) -> tuple[str, ...]:
        """Names from the package down, e.g. ``("HTTPExtension", "Verb")`` style nesting path."""
        prefix = f"{self.package}." if self.package else ""
        return tuple(self.full_name[len(prefix) :].split("."))


@record
class Method:
    """An RPC of a service: its request/response types, streaming shape and features."""

    name: str
    full_name: str  # "acme.store.v1.Store.GetItem"
    input_type: str  # message full name
    output_type: str  # message full name
    client_streaming: bool
    server_streaming: bool
    idempotent: bool  # idempotency_level NO_SIDE_EFFECTS or IDEMPOTENT: the only RPCs SDKs may retry
    doc: Doc = field(default_factory=Doc)
    line: int = 0  # 1-based line of the declaration in its file (0: unknown); for error messages
    # Flattened call signatures (ir.signatures): ordered top-level request field names, one tuple each.
    signatures: tuple[tuple[str, ...], ...] = ()
    # Feature fields (computed by the builder from the shape): the proto name of the single singular,
    # non-oneof ``bytes`` field of the request of a client stream (gets an upload helper) / of the response
    # of a server stream (gets a download helper); None when there is none or several, and for bidi.
    upload_field: str | None = None
    download_field: str | None = None

    @property
    def shape(self) -> Shape:
        if self.client_streaming and self.server_streaming:
            return "bidi"
        if self.client_streaming:
            return "client_stream"
        if self.server_streaming:
            return "server_stream"
        return "unary"

    @property
    def path(self) -> str:
        """The gRPC method path, e.g. ``/acme.store.v1.Store/GetItem``."""
        service, _, name = self.full_name.rpartition(".")
        return f"/{service}/{name}"


@record
class Service:
    """A service of the API: client role, or app role (served by the application, called by the server)."""

    full_name: str
    name: str
    package: str
    file: str
    methods: tuple[Method, ...]
    role: ServiceRole = "client"  # "app": implemented by the application (callback), called by the server
    doc: Doc = field(default_factory=Doc)
    line: int = 0  # 1-based line of the declaration in its file (0: unknown); for error messages


@record
class ProtoFile:
    """One generated .proto file: its package, options and file comment."""

    name: str  # "spec/proto/runtime/v1/runtime.proto"
    package: str
    dependencies: tuple[str, ...]
    options: Mapping[str, str]  # go_package, java_package, ... (string-valued file options)
    doc: Doc = field(default_factory=Doc)  # the syntax/package comment, if any


@record
class Features:
    """What is specific to this API, resolved once by the builder from its shape and the API profile
    (``[tool.l8gen.api]``, see ``l8gen.profile``): texts, endpoint defaults and RPCs by role. Views read
    these; nothing downstream compares names."""

    name: str = "api"  # the server the SDK talks to, in prose
    title: str = "the api API"  # what the SDK is for (descriptions, READMEs)
    url: str = ""  # link for ``name`` in READMEs ("" = none)
    homepage: str = ""  # package metadata homepage ("" = none)
    keywords: tuple[str, ...] = ("grpc", "sdk")
    default_port: int = 50051
    env_endpoint: str = "SDK_GRPC_ENDPOINT"
    env_token: str = "SDK_API_TOKEN"
    env_host: str = "SDK_GRPC_HOST"
    env_port: str = "SDK_GRPC_PORT"
    topic_subscription: Method | None = None  # bidi: subscribe, then acknowledge each event
    config_watch: Method | None = None  # stream watching configuration keys
    example: Method | None = None  # the unary RPC SDK tests, hello programs and consumers call
    upload_example: Method | None = None  # the upload RPC the compat driver's upload_file op uses
    callback_listing: Method | None = None  # app service: the topics the app subscribes to
    callback_event: Method | None = None  # app service: one pushed event, answered with an ack status
    internal_packages: tuple[str, ...] = ()  # compiled to message code (Python) but given no SDK layer


@record
class Api:
    """The whole API: only elements of the requested files (imports such as google/protobuf are referenced
    by full name but not listed, except for the well-known messages used by fields/methods)."""

    files: tuple[ProtoFile, ...]
    services: tuple[Service, ...]
    messages: tuple[Message, ...]
    enums: tuple[Enum, ...]
    features: Features = field(default_factory=Features)

    _index: Mapping[str, Message | Enum | Service] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        index: dict[str, Message | Enum | Service] = {}
        elements: list[Message | Enum | Service] = [*self.messages, *self.enums, *self.services]
        for element in elements:
            index[element.full_name] = element
        object.__setattr__(self, "_index", index)

    def message(self, full_name: str) -> Message:
        """The message with this full name (O(1)); KeyError if not part of the API."""
        found = self._index.get(full_name)
        if not isinstance(found, Message):
            raise KeyError(full_name)
        return found

    def enum(self, full_name: str) -> Enum:
        """The enum with this full name (O(1)); KeyError if not part of the API."""
        found = self._index.get(full_name)
        if not isinstance(found, Enum):
            raise KeyError(full_name)
        return found

    def service(self, full_name: str) -> Service:
        """The service with this full name (O(1)); KeyError if not part of the API."""
        found = self._index.get(full_name)
        if not isinstance(found, Service):
            raise KeyError(full_name)
        return found

    def children(self, parent: str) -> tuple[Message | Enum, ...]:
        """Messages and enums nested directly in the message ``parent`` (sorted by full name)."""
        elements: list[Message | Enum] = [*self.messages, *self.enums]
        return tuple(sorted((e for e in elements if e.parent == parent), key=lambda e: e.full_name))

    @property
    def client_services(self) -> tuple[Service, ...]:
        return tuple(s for s in self.services if s.role == "client")

    @property
    def app_services(self) -> tuple[Service, ...]:
        return tuple(s for s in self.services if s.role == "app")

    def is_internal(self, package: str) -> bool:
        """True for a package of ``internal_packages`` (message code only, no SDK layer)."""
        return package in self.features.internal_packages

    @property
    def sdk_files(self) -> tuple[ProtoFile, ...]:
        """The files that get SDK code (every file but those of internal packages)."""
        return tuple(f for f in self.files if not self.is_internal(f.package))

    def public(self) -> Api:
        """This API without the files, messages and enums of internal packages (the one filter)."""
        if not self.features.internal_packages:
            return self
        return Api(
            files=self.sdk_files,
            services=tuple(s for s in self.services if not self.is_internal(s.package)),
            messages=tuple(m for m in self.messages if not self.is_internal(m.package)),
            enums=tuple(e for e in self.enums if not self.is_internal(e.package)),
            features=self.features,
        )
