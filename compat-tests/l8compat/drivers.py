"""Driver registry: language -> build commands and start command (compat-tests/drivers.yaml).

Place in the pipeline: runner -> drivers.build/command -> driver.DriverProcess. Adding a language is a
registry entry plus a driver generated into sdks/<lang>/ that speaks docs/CONTRACTS.md §4.

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

import yaml

from .protos import REPO_ROOT

REGISTRY_PATH = Path(__file__).resolve().parents[1] / "drivers.yaml"
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


def load_registry(path: Path = REGISTRY_PATH) -> dict[str, DriverSpec]:
    raw = yaml.safe_load(path.read_text())
    return {lang: _spec(lang, spec, REPO_ROOT, BUILD_DIR) for lang, spec in raw.items()}


def skew_spec(language: str, sdk_root: Path | None, path: Path = REGISTRY_PATH) -> DriverSpec:
    """The driver of an older SDK: ``<lang>@<X.Y.Z>`` -> the ``<lang>`` entry rebased onto
    ``<sdk_root>/<X.Y.Z>/`` (e.g. .cache/skew/0.1.0/sdks/python), built into .build/<lang>@<X.Y.Z>."""
    base, _, version = language.partition("@")
    raw = yaml.safe_load(path.read_text())
    if base not in raw or not re.fullmatch(r"\d+\.\d+\.\d+", version):
        raise DriverBuildError(f"{language}: expected <language>@<X.Y.Z> with a language of {path.name}")
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
