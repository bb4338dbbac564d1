"""Component registry: builds every configured component and looks them up by API and name.

Place in the runtime: between config.py (what is configured) and the gRPC layer (who asks for a store by
name). ``Components.get`` implements Layotto's lookup rules: no component of that API configured ->
FAILED_PRECONDITION; unknown name -> INVALID_ARGUMENT listing the configured names. ``apply`` is
Lifecycle.ApplyConfiguration: it re-runs ``configure`` of a live component with new metadata.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

from ..config import API_LABELS, ComponentSpec, ConfigError, RuntimeConfig
from ..context import RuntimeContext
from ..errors import ApiError, invalid, none_configured, unknown_component
from .base import Component, ComponentConfigError
from .catalog import TYPES

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


class Components:
    def __init__(self, config: RuntimeConfig, ctx: RuntimeContext) -> None:
        self.ctx = ctx
        self.by_api: dict[str, dict[str, Component]] = {api: {} for api in API_LABELS}
        try:
            for api, comps in config.apis.items():
                for name, spec in comps.items():
                    self.by_api[api][name] = build(api, name, spec, ctx)
        except BaseException:
            self.close()
            raise

    def get(self, api: str, name: str, field: str, cls: type[C] = Component) -> C:  # type: ignore[assignment]
        comps = self.by_api.get(api, {})
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
        for api in sorted(self.by_api):
            for name in sorted(self.by_api[api]):
                yield self.by_api[api][name]

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


def build(api: str, name: str, spec: ComponentSpec, ctx: RuntimeContext) -> Component:
    types = TYPES.get(api, {})
    cls = types.get(spec.type)
    if cls is None:
        raise ConfigError(
            f"{api}.{name}: unknown component type {spec.type!r}; known: {', '.join(sorted(types))}"
        )
    try:
        return cls(name, spec.metadata, ctx)
    except ComponentConfigError as exc:
        raise ConfigError(f"{api}.{name} ({spec.type}): {exc}") from None
