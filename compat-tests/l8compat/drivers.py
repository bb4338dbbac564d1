"""Driver registry: language -> build commands and start command (the ``[driver]`` table of each language's
``language.toml``, listed by ``l8gen.languages.discover``).

Place in the pipeline: runner -> drivers.build/command -> driver.DriverProcess. A language has a driver when
its ``language.toml`` has a ``[driver]`` table (marker, cwd, env, build, start; paths relative to the
repository root; in commands ``{python}`` is the runner's interpreter, ``{build}`` compat-tests/.build,
``{repo}`` the root, ``{sdk}`` the entry's cwd) and the driver generated into sdks/<lang>/ speaks
docs/CONTRACTS.md §4.

Version skew: a language id ``<lang>@<X.Y.Z>`` (e.g. ``python@0.1.0``) is the same entry rebased onto an
older SDK tree ``<sdk_root>/<X.Y.Z>/`` (generated from a release record by ``nox -s skew``), with its own
build directory; ``env`` values may use ``{sdk}`` (the tree's cwd), so the Python driver imports that tree.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from l8gen.languages import discover

from .protos import REPO_ROOT

BUILD_DIR = Path(__file__).resolve().parents[1] / ".build"


class DriverBuildError(RuntimeError):
    pass


@dataclass(frozen=True)
class DriverSpec:
    language: str
    marker: Path
    cwd: Path
    build: tuple[tuple[str, ...], ...]
    start: tuple[str, ...]
    env: tuple[tuple[str, str], ...] = ()  # extra environment of build commands and the driver
    build_dir: Path = BUILD_DIR

    @property
    def present(self) -> bool:
        return self.marker.exists()


def _spec(language: str, spec: dict[str, Any], root: Path, build_dir: Path) -> DriverSpec:
    cwd = root / spec["cwd"]
    values = {"python": sys.executable, "build": str(build_dir), "repo": str(REPO_ROOT), "sdk": str(cwd)}

    def expand(arg: str) -> str:
        return arg.format(**values)

    return DriverSpec(
        language=language,
        marker=root / spec["marker"],
        cwd=cwd,
        build=tuple(tuple(expand(a) for a in cmd) for cmd in spec.get("build", [])),
        start=tuple(expand(a) for a in spec["start"]),
        env=tuple(sorted((k, expand(str(v))) for k, v in (spec.get("env") or {}).items())),
        build_dir=build_dir,
    )


def _raw_drivers() -> dict[str, dict[str, Any]]:
    languages = discover(REPO_ROOT / "pyproject.toml")
    return {name: dict(spec.driver) for name, spec in languages.items() if spec.driver is not None}


def language_names() -> list[str]:
    """Every registered language (with or without a driver), in report order."""
    return list(discover(REPO_ROOT / "pyproject.toml"))


def load_registry() -> dict[str, DriverSpec]:
    return {lang: _spec(lang, spec, REPO_ROOT, BUILD_DIR) for lang, spec in _raw_drivers().items()}


def skew_spec(language: str, sdk_root: Path | None) -> DriverSpec:
    """The driver of an older SDK: ``<lang>@<X.Y.Z>`` -> the ``<lang>`` entry rebased onto
    ``<sdk_root>/<X.Y.Z>/`` (e.g. .cache/skew/0.1.0/sdks/python), built into .build/<lang>@<X.Y.Z>."""
    base, _, version = language.partition("@")
    raw = _raw_drivers()
    if base not in raw or not re.fullmatch(r"\d+\.\d+\.\d+", version):
        raise DriverBuildError(f"{language}: expected <language>@<X.Y.Z> with a language that has a driver")
    if sdk_root is None:
        raise DriverBuildError(f"{language}: an older SDK needs --sdk-root DIR (with DIR/{version}/sdks/...)")
    return _spec(language, raw[base], Path(sdk_root) / version, BUILD_DIR / language)


def available(registry: dict[str, DriverSpec]) -> list[str]:
    """Languages whose driver exists in the tree (the `compat` session runs these)."""
    return [lang for lang, spec in registry.items() if spec.present]


def build(spec: DriverSpec, out: IO[str]) -> None:
    spec.build_dir.mkdir(parents=True, exist_ok=True)
    for cmd in spec.build:
        out.write(f"compat: build {spec.language}: {' '.join(cmd)}\n")
        env = {**os.environ, **dict(spec.env)}
        proc = subprocess.run(list(cmd), cwd=spec.cwd, capture_output=True, text=True, check=False, env=env)
        if proc.returncode != 0:
            raise DriverBuildError(
                f"{spec.language} driver build failed: {' '.join(cmd)} "
                f"(exit {proc.returncode})\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}"
            )
