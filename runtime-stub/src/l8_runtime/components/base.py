"""The component base class and metadata helpers.

Place in the runtime: every building block (state, lock, pub/sub, ...) is a named component built from a
``ComponentSpec`` (type + string metadata) by the registry. ``configure`` parses the metadata and is called
both at construction and by Lifecycle.ApplyConfiguration (a full, not incremental, reconfiguration).
Components are synchronous and thread-safe unless documented otherwise; the gRPC layer calls them directly.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import ClassVar

from ..context import RuntimeContext

# The default `metadata` of the components' value records (typing.NamedTuple: a default is shared, so it is
# read-only).
NO_METADATA: Mapping[str, str] = MappingProxyType({})


class ComponentConfigError(ValueError):
    """Bad component metadata (start-up error, or INVALID_ARGUMENT for ApplyConfiguration)."""


class Component:
    api: ClassVar[str] = ""
    type_name: ClassVar[str] = ""
    # What Lifecycle.ApplyConfiguration may not change unless the runtime runs with
    # --allow-unsafe-reconfigure: metadata keys naming files/directories or holding key material, or (False)
    # the whole component (its metadata is secret values).
    protected_keys: ClassVar[frozenset[str]] = frozenset()
    api_reconfigurable: ClassVar[bool] = True

    def __init__(self, name: str, metadata: Mapping[str, str], ctx: RuntimeContext) -> None:
        self.name = name
        self.ctx = ctx
        self.metadata: dict[str, str] = {}
        self.configure(dict(metadata))

    def configure(self, metadata: dict[str, str]) -> None:
        """Parse and apply metadata. Subclasses validate, then call ``super().configure``."""
        self.metadata = dict(metadata)

    def reset(self) -> None:
        """Forget all data (control service Reset)."""

    def close(self) -> None:
        """Release files and connections at shutdown."""

    def describe(self) -> str:
        return f"{self.api}/{self.name} ({self.type_name})"


def meta_int(metadata: Mapping[str, str], key: str, default: int, minimum: int | None = None) -> int:
    raw = metadata.get(key, "")
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ComponentConfigError(f"metadata {key!r} must be an integer, got {raw!r}") from None
    if minimum is not None and value < minimum:
        raise ComponentConfigError(f"metadata {key!r} must be >= {minimum}, got {value}")
    return value


def meta_float(metadata: Mapping[str, str], key: str, default: float, minimum: float = 0.0) -> float:
    raw = metadata.get(key, "")
    if raw == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ComponentConfigError(f"metadata {key!r} must be a number, got {raw!r}") from None
    if value < minimum:
        raise ComponentConfigError(f"metadata {key!r} must be >= {minimum}, got {value}")
    return value


def meta_bool(metadata: Mapping[str, str], key: str, default: bool) -> bool:
    raw = metadata.get(key, "").strip().lower()
    if raw == "":
        return default
    if raw in ("true", "1", "yes", "on"):
        return True
    if raw in ("false", "0", "no", "off"):
        return False
    raise ComponentConfigError(f"metadata {key!r} must be true or false, got {raw!r}")
