"""The dev side of the language registry: each language's hooks (``[dev]`` of its ``language.toml``).

Pipeline place: the repository's tooling — ``nox -s sdk-<name>`` (``check``), ``l8dev.toolchain.bootstrap``
(``bootstrap``), ``l8dev.publish`` build / smoke / upload (``build``, ``install``, ``credentials``,
``upload``) — loops over ``languages()`` and calls ``hook(spec, name)``; nothing here names a language.
A hook is ``"module:function"``: an importable module (the built-ins' hooks live in l8dev) or a ``.py``
file of the language folder (a language added from outside). Signatures (``Release``, ``Steps``:
``l8dev.publish``; ``Context``: ``l8dev.toolchain.bootstrap``):

- ``check(session) -> None``: build, lint and test the generated SDK (a nox session function);
- ``slow() -> SlowTest``: the SDK's one slow (mostly waiting) test and the command that runs only it
  (``l8dev.sessions.slow``: in ``nox -s ci`` the check leaves it out and the ``slow-tests`` step runs them all
  at once);
- ``prebuild() -> Prebuild``: the commands that build what ``check`` builds first
  (``l8dev.sessions.prebuild``: ``nox -s ci`` starts them right after bootstrap at nice 19, and
  ``sdk-<name>`` waits for them);
- ``bootstrap(ctx) -> bool``: install the language's generator tools when missing (True: something changed);
- ``build(release, work, steps) -> dict``: the release artifacts into ``release.dist/<name>/``; returns the
  language's ``dist/release.json`` entry (``files``: the artifacts);
- ``install(release, entry, work, env, steps) -> (result, facts)``: install the artifact into a clean
  project outside the repository and run the consumer program against ``env``'s runtime endpoint;
- ``credentials(release, env) -> list[str]``: what the environment lacks to upload (empty: ready);
- ``upload(release, entry, env, log) -> str``: send the artifact to its registry; returns a summary line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from l8gen.errors import ConfigError
from l8gen.languages import DEV_HOOKS, LanguageSpec, discover, resolve

ROOT = Path(__file__).resolve().parents[3]


def languages() -> dict[str, LanguageSpec]:
    """Every registered language of this repository (``l8gen.languages.discover``), in report order."""
    return discover(ROOT / "pyproject.toml")


def hook(spec: LanguageSpec, name: str) -> Callable[..., Any] | None:
    """The language's ``name`` hook, or None when its ``[dev]`` table does not declare it."""
    if name not in DEV_HOOKS:
        raise ValueError(f"unknown hook {name!r} (hooks: {', '.join(DEV_HOOKS)})")
    ref = spec.dev.get(name)
    if ref is None:
        return None
    func = resolve(spec, ref)
    if not callable(func):
        raise ConfigError(f"{spec.folder / 'language.toml'}: [dev] {name} = {ref!r} is not a function")
    return func  # type: ignore[no-any-return]


def with_hook(name: str) -> list[LanguageSpec]:
    """The registered languages that declare hook ``name``, in report order."""
    return [spec for spec in languages().values() if name in spec.dev]
