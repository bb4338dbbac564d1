"""Component registry: builds the configured components and looks them up by API and name.

Place in the runtime: between config.py (what is configured) and the gRPC layer (who asks for a store by
name). ``Components.get`` implements Layotto's lookup rules: no component of that API configured ->
FAILED_PRECONDITION; unknown name -> INVALID_ARGUMENT listing the configured names. ``apply`` is
Lifecycle.ApplyConfiguration: it re-runs ``configure`` of a live component with new metadata.

Every configured type must exist (checked at once). A configuration the user wrote is built at once, so its
mistakes stop the start with exit 2; the runtime's embedded defaults (``lazy``) are built on first use, each
component's module imported then (the start to READY imports none of them: bench/notes.py, start-up row).
``by_api[api]`` is a mapping that builds a component when it is looked up; iterating the registry, ``reset``
and ``close`` see only the components built so far (one not built yet has no state).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TypeVar

from ..config import API_LABELS, ComponentSpec, ConfigError, RuntimeConfig
from ..context import RuntimeContext
from ..errors import ApiError, invalid, none_configured, unknown_component
from .base import Component, ComponentConfigError
from .catalog import TYPES, load

# Names accepted as ComponentConfig.kind by Lifecycle.ApplyConfiguration, besides the API keys themselves.
KIND_ALIASES = {
    "hello": "hellos",
    "configuration": "config_store",
    "config": "config_store",
    "rpc": "rpcs",
    "pubsub": "pub_subs",
    "pub_sub": "pub_subs",
    "binding": "bindings",
    "secret": "secret_store",
    "secrets": "secret_store",
    "secretstore": "secret_store",
}

C = TypeVar("C", bound=Component)


class _Api(Mapping[str, Component]):
    """The components of one API by name: the configured names; a component is built when looked up."""

    def __init__(self, api: str, specs: dict[str, ComponentSpec], ctx: RuntimeContext) -> None:
        self.api, self.specs, self.ctx = api, specs, ctx
        self.built: dict[str, Component] = {}

    def __getitem__(self, name: str) -> Component:
        comp = self.built.get(name)
        if comp is None:
            spec = self.specs[name]  # KeyError: not configured
            try:
                comp = self.built[name] = build(self.api, name, spec, self.ctx)
            except ConfigError as exc:  # only the embedded defaults are built late; a test builds them all
                raise ApiError("FAILED_PRECONDITION", f"cannot build {exc}") from None
        return comp

    def __iter__(self) -> Iterator[str]:
        return iter(self.specs)

    def __len__(self) -> int:
        return len(self.specs)


class Components:
    def __init__(self, config: RuntimeConfig, ctx: RuntimeContext, lazy: bool = False) -> None:
        self.ctx = ctx
        for api, comps in config.apis.items():
            for name, spec in comps.items():
                check_type(api, name, spec)
        self.by_api: dict[str, _Api] = {
            api: _Api(api, dict(config.apis.get(api, {})), ctx) for api in API_LABELS
        }
        if lazy:
            return
        try:
            for group in self.by_api.values():
                for name, spec in group.specs.items():
                    group.built[name] = build(group.api, name, spec, ctx)
        except BaseException:
            self.close()
            raise

    def get(self, api: str, name: str, field: str, cls: type[C] = Component) -> C:  # type: ignore[assignment]
        comps: Mapping[str, Component] = self.by_api.get(api, {})
        if not comps:
            raise none_configured(API_LABELS[api])
        comp = comps.get(name)
        if comp is None:
            raise unknown_component(API_LABELS[api], name, comps, field)
        if not isinstance(comp, cls):
            raise ApiError(
                "UNIMPLEMENTED",
                f'{API_LABELS[api]} "{name}" ({comp.type_name}) does not support this operation',
                reason="OPERATION_NOT_SUPPORTED",
            )
        return comp

    def names(self, api: str) -> list[str]:
        return sorted(self.by_api.get(api, {}))

    def __iter__(self) -> Iterator[Component]:
        """The components built so far."""
        for api in sorted(self.by_api):
            built = self.by_api[api].built
            for name in sorted(built):
                yield built[name]

    def configured(self) -> list[tuple[str, str, str]]:
        """Every configured component as (api, name, type), built or not."""
        return [(api, name, spec.type) for api in sorted(self.by_api)
                for name, spec in sorted(self.by_api[api].specs.items())]

    def describe(self) -> list[str]:
        """Every configured component as ``api/name (type)`` (``Component.describe``), built or not."""
        return [f"{api}/{name} ({type_})" for api, name, type_ in self.configured()]

    def apply(self, kind: str, name: str, metadata: dict[str, str]) -> Component:
        """Lifecycle.ApplyConfiguration: full reconfiguration of one live component."""
        api = KIND_ALIASES.get(kind.lower(), kind.lower())
        if not kind:
            raise invalid("component_config.kind must not be empty", field="component_config.kind")
        if api not in API_LABELS:
            raise invalid(
                f"unknown component kind {kind!r}; known: {', '.join(sorted(API_LABELS))}",
                field="component_config.kind",
            )
        comp: Component = self.get(api, name, "component_config.name")
        old = dict(comp.metadata)
        new = dict(metadata)
        if not self.ctx.allow_unsafe_reconfigure:
            new = _sidecar_safe(comp, old, new)
        try:
            comp.configure(new)
        except Exception as exc:  # roll back whatever configure changed before failing
            comp.configure(old)
            if isinstance(exc, ComponentConfigError | OSError | ValueError):
                raise invalid(f"{comp.describe()}: {exc}", field="component_config.metadata") from None
            raise
        return comp

    def reset(self) -> None:
        for comp in self:
            comp.reset()

    def close(self) -> None:
        for comp in self:
            try:
                comp.close()
            except Exception:  # closing is best effort at shutdown
                pass


def _sidecar_safe(comp: Component, old: dict[str, str], new: dict[str, str]) -> dict[str, str]:
    """What a sidecar API caller may change: not secrets, file roots/paths or key material (protected keys
    keep their current value when omitted; changing one is PERMISSION_DENIED)."""
    if not comp.api_reconfigurable:
        raise ApiError(
            "PERMISSION_DENIED",
            f"{comp.describe()} cannot be reconfigured through the API (its metadata holds secrets); start "
            "the runtime with --allow-unsafe-reconfigure to allow it",
            reason="RECONFIGURE_NOT_ALLOWED",
        )
    changed = sorted(k for k in comp.protected_keys if k in new and new[k] != old.get(k, ""))
    if changed:
        raise ApiError(
            "PERMISSION_DENIED",
            f"{comp.describe()}: metadata {', '.join(changed)} cannot be changed through the API (file paths "
            "and key material); start the runtime with --allow-unsafe-reconfigure to allow it",
            reason="RECONFIGURE_NOT_ALLOWED",
            violations=[(f"component_config.metadata.{k}", "protected key") for k in changed],
        )
    return new | {k: old[k] for k in comp.protected_keys if k in old and k not in new}


def check_type(api: str, name: str, spec: ComponentSpec) -> None:
    types = TYPES.get(api, {})
    if spec.type not in types:
        raise ConfigError(
            f"{api}.{name}: unknown component type {spec.type!r}; known: {', '.join(sorted(types))}"
        )


def build(api: str, name: str, spec: ComponentSpec, ctx: RuntimeContext) -> Component:
    check_type(api, name, spec)
    cls = load(api, spec.type)
    try:
        return cls(name, spec.metadata, ctx)
    except ComponentConfigError as exc:
        raise ConfigError(f"{api}.{name} ({spec.type}): {exc}") from None
