"""The reference's page model: IR + call snippets -> services and RPC pages (plain data for the templates).

Pipeline place: ``reference.target`` builds ``Site`` once and renders it to HTML and Markdown. Everything a
template prints is computed here: field type spellings, shapes, anchors, file names, search entries and the
error table. The error table is the contract the runtime and the SDKs document (docs/CONTRACTS.md §8): the
canonical status codes with their ``google.rpc`` details, applied to every RPC (per-RPC lists would need the
runtime to publish them).
"""

from __future__ import annotations

from l8gen.ir.model import Api, Field, Message, Method, Service, TypeRef
from l8gen.records import record
from l8gen.reference.hooks import FENCES, LABELS, LANGUAGES
from l8gen.targets.base import GenOptions

SHAPES = {
    "unary": "unary (one request, one response)",
    "server_stream": "server streaming (one request, a stream of responses)",
    "client_stream": "client streaming (a stream of requests, one response)",
    "bidi": "bidirectional streaming (both sides stream)",
}
# (code, when, details) — every RPC's error contract (docs/CONTRACTS.md §8).
ERRORS = (
    ("INVALID_ARGUMENT", "a required field is empty or malformed (component name, key, ...)",
     "google.rpc.ErrorInfo (reason, domain, metadata) + google.rpc.BadRequest (field violations)"),
    ("NOT_FOUND", "the named component, key, file or object does not exist", "google.rpc.ErrorInfo"),
    ("FAILED_PRECONDITION / ABORTED", "a precondition does not hold (etag mismatch, lock not owned, "
     "component not configured for this API)", "google.rpc.ErrorInfo"),
    ("PERMISSION_DENIED", "the component refuses the operation", "google.rpc.ErrorInfo"),
    ("UNAUTHENTICATED", "the runtime requires a token (`--api-token`) and the call carries none or a "
     "wrong one", "—"),
    ("UNAVAILABLE", "the runtime cannot be reached; idempotent RPCs are retried when retry is enabled", "—"),
    ("DEADLINE_EXCEEDED / CANCELLED", "the caller's deadline passed or the caller cancelled", "—"),
)


@record
class FieldRow:
    name: str
    number: int
    type: str  # "string", "repeated spec.proto.runtime.v1.StateItem", "map<string, string>"
    doc: str


@record
class Snippet:
    language: str
    label: str
    fence: str
    code: str
    method: str  # the SDK method name in that language (searchable)


@record
class RpcPage:
    service: str  # service full name
    name: str  # proto name
    full_name: str
    path: str  # /pkg.Service/Method
    anchor: str  # "GetItem"
    file: str  # html/md page stem: "acme.store.v1.Store.GetItem"
    role: str
    shape: str
    shape_text: str
    idempotent: bool
    doc: str
    summary: str
    request: str
    response: str
    request_fields: tuple[FieldRow, ...]
    response_fields: tuple[FieldRow, ...]
    snippets: tuple[Snippet, ...]


@record
class ServicePage:
    full_name: str
    name: str
    file: str  # page stem: the service full name
    proto_file: str
    role: str
    doc: str
    summary: str
    rpcs: tuple[RpcPage, ...]


@record
class Site:
    title: str
    version: str
    services: tuple[ServicePage, ...]
    errors: tuple[tuple[str, str, str], ...]
    languages: tuple[tuple[str, str], ...]  # (language, label)
    search_example: str = ""  # an RPC name for the search box's hint: the API profile's example RPC

    @property
    def rpcs(self) -> tuple[RpcPage, ...]:
        return tuple(r for s in self.services for r in s.rpcs)


def summary(text: str) -> str:
    """The first sentence of the first paragraph, on one line."""
    paragraph = " ".join(text.strip().split("\n\n", 1)[0].split())
    end = paragraph.find(". ")
    return paragraph[: end + 1] if end >= 0 else paragraph


def type_text(ref: TypeRef) -> str:
    return ref.name


def field_type(field: Field) -> str:
    if field.map_key is not None and field.map_value is not None:
        return f"map<{type_text(field.map_key)}, {type_text(field.map_value)}>"
    prefix = "repeated " if field.repeated else "optional " if field.optional else ""
    return prefix + type_text(field.type)


def _fields(api: Api, full_name: str) -> tuple[FieldRow, ...]:
    try:
        message: Message = api.message(full_name)
    except KeyError:
        return ()
    return tuple(FieldRow(f.name, f.number, field_type(f) + (f" (oneof {f.oneof})" if f.oneof else ""),
                          f.doc.text) for f in message.fields)


def _rpc(api: Api, service: Service, method: Method, snippets: dict[str, tuple[str, str]]) -> RpcPage:
    missing = [lang for lang in LANGUAGES if lang not in snippets]
    if missing:
        raise ValueError(f"{method.full_name}: no reference call for {', '.join(missing)}")
    return RpcPage(
        service=service.full_name, name=method.name, full_name=method.full_name, path=method.path,
        anchor=method.name, file=method.full_name, role=service.role, shape=method.shape,
        shape_text=SHAPES[method.shape], idempotent=method.idempotent, doc=method.doc.text,
        summary=summary(method.doc.text), request=method.input_type, response=method.output_type,
        request_fields=_fields(api, method.input_type), response_fields=_fields(api, method.output_type),
        snippets=tuple(Snippet(lang, LABELS[lang], FENCES[lang], *snippets[lang]) for lang in LANGUAGES),
    )


def build_site(api: Api, opts: GenOptions, calls: dict[str, dict[str, tuple[str, str]]]) -> Site:
    """The whole reference (services sorted by full name, RPCs in declaration order)."""
    services = []
    for service in sorted(api.services, key=lambda s: s.full_name):
        if service.package in opts.internal_packages:
            continue
        rpcs = tuple(_rpc(api, service, m, calls.get(m.full_name, {})) for m in service.methods)
        services.append(ServicePage(
            full_name=service.full_name, name=service.name, file=service.full_name, proto_file=service.file,
            role=service.role, doc=service.doc.text, summary=summary(service.doc.text), rpcs=rpcs))
    example = api.features.example  # [tool.l8gen.api.features] example, else the first RPC
    hint = example.name if example is not None else next((r.name for s in services for r in s.rpcs), "")
    return Site(title="l8sdk API reference", version=opts.version, services=tuple(services), errors=ERRORS,
                languages=tuple((lang, LABELS[lang]) for lang in LANGUAGES), search_example=hint)


def search_index(site: Site) -> list[dict[str, object]]:
    """One entry per RPC for the client-side search: RPC, service, path, summary, the SDK method names of
    the four languages (``get_item``, ``getItem``), page."""
    return [
        {"rpc": r.name, "service": r.service, "path": r.path, "shape": r.shape, "summary": r.summary,
         "page": f"{r.file}.html", "names": sorted({s.method for s in r.snippets} - {r.name})}
        for r in site.rpcs
    ]
