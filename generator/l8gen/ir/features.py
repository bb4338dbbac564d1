"""Stage 2b of the pipeline: the API profile + the API's shape -> ``ir.model.Features`` (built once).

``ir.builder.build_api`` calls ``resolve_features`` after building services and messages. It fills the
generic defaults the profile leaves open (see ``l8gen.profile``) and checks every RPC named by role: it must
exist among the client services and have the shape its role needs, else a ``ConfigError`` names the file,
the key and the RPC. Per-method features (upload/download fields) are set by the builder itself
(``payload_field``).
"""

from __future__ import annotations

from collections.abc import Sequence

from l8gen.errors import ConfigError
from l8gen.ir.model import Features, Message, Method, Service, Shape
from l8gen.profile import ApiProfile

# role -> the call shapes an RPC of that role may have
_SHAPES: dict[str, tuple[Shape, ...]] = {
    "topic_subscription": ("bidi",),
    "config_watch": ("server_stream", "bidi"),
    "example": ("unary",),
    "upload_example": ("client_stream",),
    "callback_listing": ("unary",),
    "callback_event": ("unary",),
}
_APP_ROLES = ("callback_listing", "callback_event")


def payload_field(message: Message | None) -> str | None:
    """The single singular, non-oneof ``bytes`` field of ``message`` (None: none, several or unknown)."""
    if message is None:
        return None
    found = [
        f.name for f in message.fields
        if f.type.kind == "scalar" and f.type.name == "bytes" and not f.repeated and f.oneof is None
    ]
    return found[0] if len(found) == 1 else None


def _method(profile: ApiProfile, role: str, services: Sequence[Service]) -> Method | None:
    full = profile.feature(role)
    if not full:
        return None
    kind = "app" if role in _APP_ROLES else "client"
    methods = {m.full_name: m for s in services if s.role == kind for m in s.methods}
    method = methods.get(full)
    if method is None:
        raise ConfigError(f"{profile.source}: {role} = {full!r}: no such RPC in the API's {kind} services "
                          "(write the full name, package.Service.Method; app services are app_services)")
    if method.shape not in _SHAPES[role]:
        raise ConfigError(f"{profile.source}: {role} = {full!r} is a {method.shape} RPC; the role needs "
                          f"{' or '.join(_SHAPES[role])}")
    if role == "upload_example" and method.upload_field is None:
        raise ConfigError(f"{profile.source}: {role} = {full!r}: its request has no single bytes field to "
                          "stream into")
    return method


def resolve_features(
    profile: ApiProfile, services: Sequence[Service], sdk_name: str, internal_packages: Sequence[str]
) -> Features:
    """The API's features: profile values, generic defaults for what it leaves open, RPCs by role."""
    clients = [s for s in services if s.role == "client"]
    name = profile.name or (clients[0].package if clients else "") or "api"
    env = profile.env.resolved(sdk_name)
    return Features(
        name=name,
        title=profile.title or f"the {name} API",
        url=profile.url,
        homepage=profile.homepage,
        keywords=profile.keywords if profile.keywords is not None else ("grpc", "sdk"),
        default_port=profile.default_port,
        env_endpoint=env.endpoint,
        env_token=env.token,
        env_host=env.host,
        env_port=env.port,
        topic_subscription=_method(profile, "topic_subscription", services),
        config_watch=_method(profile, "config_watch", services),
        example=_method(profile, "example", services),
        upload_example=_method(profile, "upload_example", services),
        callback_listing=_method(profile, "callback_listing", services),
        callback_event=_method(profile, "callback_event", services),
        internal_packages=tuple(sorted(internal_packages)),
    )
