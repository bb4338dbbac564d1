"""The ``Language`` interface: what one language folder gives the generator and the repository's tooling.

Pipeline place: the registry (``l8gen.languages.discover``) returns one object per language folder, a
``LanguageSpec`` read from its ``language.toml``; this Protocol is the typed surface every consumer uses:

- generation: ``options`` (the keys of ``[tool.l8gen.<name>]``, validated by ``l8gen.config``) and
  ``target()`` — the folder's ``TARGET``, whose ``generate(api, fds, opts) -> {path: text}`` builds the
  language's naming and view from the IR and renders ``templates/`` (``l8gen.targets``);
- package metadata: ``package(options)`` (the published package's name; the texts come from the API profile);
- build/lint/test: ``dev["check"]`` (a ``nox -s sdk-<name>`` session function) or ``sdk_commands``, and
  ``check`` (how an SDK generated for any API is built and tested: ``nox -s generality``);
- compat: ``driver`` (marker, cwd, env, build and start commands; CONTRACTS §4);
- publish and bootstrap: ``dev`` hooks (``build``, ``install``, ``credentials``, ``upload``, ``bootstrap``),
  resolved only by ``l8dev.languages`` (dev tooling, not in the l8gen wheel), and ``consumer`` (the smoke
  test's program).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from l8gen.languages.options import OptionSpec


@runtime_checkable
class Language(Protocol):
    """One language folder (see the module docstring); implemented by ``l8gen.languages.LanguageSpec``."""

    @property
    def name(self) -> str: ...  # the one canonical name: sessions, drivers, reports, config, overrides

    @property
    def out_dir(self) -> str: ...

    @property
    def folder(self) -> Path: ...

    @property
    def options(self) -> Mapping[str, OptionSpec]: ...

    @property
    def driver(self) -> Mapping[str, Any] | None: ...

    @property
    def sdk_commands(self) -> tuple[tuple[str, ...], ...]: ...

    @property
    def check(self) -> Mapping[str, Any] | None: ...  # [check]: the generality check's steps, env, link

    @property
    def dev(self) -> Mapping[str, str]: ...

    @property
    def publish(self) -> bool: ...

    @property
    def consumer(self) -> Path | None: ...

    def target(self) -> Any: ...

    def package(self, options: Mapping[str, Mapping[str, str]]) -> str: ...
