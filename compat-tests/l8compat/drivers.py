"""Driver registry: language -> build commands and start command (compat-tests/drivers.yaml).

Place in the pipeline: runner -> drivers.build/command -> driver.DriverProcess. Adding a language is a
registry entry plus a driver generated into sdks/<lang>/ that speaks docs/CONTRACTS.md §4.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO

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

    @property
    def present(self) -> bool:
        return self.marker.exists()


def _expand(arg: str) -> str:
    return arg.format(python=sys.executable, build=str(BUILD_DIR), repo=str(REPO_ROOT))


def load_registry(path: Path = REGISTRY_PATH) -> dict[str, DriverSpec]:
    raw = yaml.safe_load(path.read_text())
    out = {}
    for lang, spec in raw.items():
        out[lang] = DriverSpec(
            language=lang,
            marker=REPO_ROOT / spec["marker"],
            cwd=REPO_ROOT / spec["cwd"],
            build=tuple(tuple(_expand(a) for a in cmd) for cmd in spec.get("build", [])),
            start=tuple(_expand(a) for a in spec["start"]),
        )
    return out


def available(registry: dict[str, DriverSpec]) -> list[str]:
    """Languages whose driver exists in the tree (the `compat` session runs these)."""
    return [lang for lang, spec in registry.items() if spec.present]


def build(spec: DriverSpec, out: IO[str]) -> None:
    BUILD_DIR.mkdir(parents=True, exist_ok=True)
    for cmd in spec.build:
        out.write(f"compat: build {spec.language}: {' '.join(cmd)}\n")
        proc = subprocess.run(list(cmd), cwd=spec.cwd, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            raise DriverBuildError(
                f"{spec.language} driver build failed: {' '.join(cmd)} "
                f"(exit {proc.returncode})\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}"
            )
