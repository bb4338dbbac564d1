"""Registry of generation targets: the ``TARGET`` of every language folder (``l8gen.languages``).

Pipeline place: the CLI/plugin look targets up here by name. Languages come from ``l8gen.languages.discover``
(built-in folders, the ``l8gen.languages`` entry points, ``[tool.l8gen] languages`` of the configuration
given to ``use_config``, ``$L8GEN_LANGUAGES``). A target module is imported on first lookup and
``out_dir`` comes from ``language.toml``, so a no-op run (cache hit) imports no target at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from l8gen.errors import ConfigError
from l8gen.languages import LanguageSpec, discover, load_target, resolve
from l8gen.targets.base import GenOptions, Target

__all__ = ["REGISTRY", "GenOptions", "Target"]


class _LazyRegistry(Mapping[str, Target]):
    def __init__(self) -> None:
        self._loaded: dict[str, Target] = {}
        self._extra: dict[str, Target] = {}
        self._config: Path | None = None
        self._specs: dict[str, LanguageSpec] | None = None

    def use_config(self, config: Path | None) -> None:
        """Also list the languages that ``config``'s ``[tool.l8gen] languages`` adds."""
        self._config = config
        self._specs = None

    def register(self, target: Target) -> None:
        """Add a target object that has no language folder (embedding applications, tests)."""
        self._extra[target.name] = target

    def unregister(self, name: str) -> None:
        self._extra.pop(name, None)

    def specs(self) -> dict[str, LanguageSpec]:
        if self._specs is None:
            self._specs = discover(self._config)
        return self._specs

    def _names(self) -> list[str]:
        return list(self.specs()) + sorted(set(self._extra) - set(self.specs()))

    def __getitem__(self, name: str) -> Target:
        if name in self._extra:
            return self._extra[name]
        if name not in self._loaded:
            spec = self.specs().get(name)
            if spec is None:
                known = ", ".join(self._names()) or "none"
                raise ConfigError(f"unknown target {name!r} (known targets: {known})")
            target = load_target(spec)
            if not isinstance(target, Target):
                raise ConfigError(f"{spec.target_file}: TARGET lacks name/out_dir/generate")
            self._loaded[name] = target
        return self._loaded[name]

    def starter(self, name: str) -> Callable[..., Any] | None:
        """The target's ``start`` (``language.toml`` ``start``, resolved without importing ``target.py``; a
        registered target object's own ``start`` method), or None."""
        if name in self._extra:
            return getattr(self._extra[name], "start", None)
        spec = self.specs().get(name)
        if spec is None:
            self[name]  # raises ConfigError naming the known targets
        assert spec is not None
        if spec.start is None:
            return None
        found = resolve(spec, spec.start)
        if not callable(found):
            raise ConfigError(f"{spec.folder / 'language.toml'}: start = {spec.start!r} is not a function")
        return found  # type: ignore[no-any-return]

    def out_dir(self, name: str) -> str:
        """The target's ``out_dir`` from its ``language.toml`` (no import needed)."""
        spec = self.specs().get(name)
        if name not in self._extra and spec is not None:
            return spec.out_dir
        return self[name].out_dir

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())

    def __contains__(self, name: object) -> bool:
        return name in self._names()


REGISTRY = _LazyRegistry()


def _register_reference() -> None:
    """The API reference (``l8gen.reference``, out_dir docs/reference) is one more output of ``generate``."""
    from l8gen.reference.target import TARGET as reference

    REGISTRY.register(reference)


_register_reference()
