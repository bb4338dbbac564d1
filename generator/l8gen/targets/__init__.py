"""Registry of generation targets (one module per SDK language in this package).

Pipeline place: the CLI/plugin look targets up here by name. A module ``l8gen/targets/<name>.py`` that
defines ``TARGET`` is a target; ``base`` and modules starting with ``_`` are helpers. Modules are imported
lazily, so a no-op run (cache hit) never imports any target.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator, Mapping
from pathlib import Path

from l8gen.errors import ConfigError
from l8gen.targets.base import GenOptions, Target

__all__ = ["REGISTRY", "GenOptions", "Target"]


class _LazyRegistry(Mapping[str, Target]):
    def __init__(self) -> None:
        self._loaded: dict[str, Target] = {}

    def _names(self) -> list[str]:
        here = str(Path(__file__).parent)
        return sorted(
            m.name for m in pkgutil.iter_modules([here]) if m.name != "base" and not m.name.startswith("_")
        )

    def __getitem__(self, name: str) -> Target:
        if name not in self._loaded:
            if name not in self._names():
                known = ", ".join(self._names()) or "none"
                raise ConfigError(f"unknown target {name!r} (known targets: {known})")
            module = importlib.import_module(f"l8gen.targets.{name}")
            self._loaded[name] = module.TARGET
        return self._loaded[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())

    def __contains__(self, name: object) -> bool:
        return name in self._names()

    def out_dir(self, name: str) -> str:
        """The target's output directory without importing it (convention: ``sdks/<name>``)."""
        return self[name].out_dir


REGISTRY = _LazyRegistry()
