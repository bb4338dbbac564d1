"""Registry of generation targets (one module per SDK language in this package).

Pipeline place: the CLI/plugin look targets up here by name. A language folder
``l8gen/languages/<name>/`` whose ``target.py`` defines a module-level ``TARGET`` is a target. Discovery reads the sources without importing them;
a target module is imported on first lookup, and ``out_dir`` is read from the source when it is a literal,
so a no-op run (cache hit) imports no target at all.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from l8gen.errors import ConfigError
from l8gen.targets.base import GenOptions, Target

__all__ = ["REGISTRY", "GenOptions", "Target"]


_LANGUAGES = Path(__file__).resolve().parents[1] / "languages"
_DEFINES_TARGET = re.compile(r"^TARGET\s*(?::[^=]*)?=", re.MULTILINE)
_OUT_DIR = re.compile(r"^\s+out_dir(?:\s*:\s*str)?\s*=\s*\"([^\"]+)\"\s*$", re.MULTILINE)


class _LazyRegistry(Mapping[str, Target]):
    def __init__(self) -> None:
        self._loaded: dict[str, Target] = {}
        self._extra: dict[str, Target] = {}

    def register(self, target: Target) -> None:
        """Add a target that does not live in this package (embedding applications, tests)."""
        self._extra[target.name] = target

    def unregister(self, name: str) -> None:
        self._extra.pop(name, None)

    def _names(self) -> list[str]:
        names = []
        for module in pkgutil.iter_modules([str(_LANGUAGES)]):
            source = _LANGUAGES / module.name / "target.py"
            if module.ispkg and source.is_file() and _DEFINES_TARGET.search(source.read_text(encoding="utf-8")):
                names.append(module.name)
        return sorted(set(names) | set(self._extra))

    def __getitem__(self, name: str) -> Target:
        if name in self._extra:
            return self._extra[name]
        if name not in self._loaded:
            if name not in self._names():
                known = ", ".join(self._names()) or "none"
                raise ConfigError(f"unknown target {name!r} (known targets: {known})")
            module = importlib.import_module(f"l8gen.languages.{name}.target")
            self._loaded[name] = module.TARGET
        return self._loaded[name]

    def out_dir(self, name: str) -> str:
        """The target's ``out_dir``, read from its source (``out_dir = "sdks/x"``) when it is a literal there,
        so that the no-op path need not import the target (and Jinja); otherwise from the imported target."""
        if name not in self._extra and name not in self._loaded and name in self._names():
            source = (_LANGUAGES / name / "target.py").read_text(encoding="utf-8")
            found = _OUT_DIR.findall(source)
            if len(found) == 1:
                return str(found[0])
        return self[name].out_dir

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())

    def __contains__(self, name: object) -> bool:
        return name in self._names()


REGISTRY = _LazyRegistry()
