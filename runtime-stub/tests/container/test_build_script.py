"""Unit tests of runtime-stub/image/build.py that need no engine: apt mirror discovery and the input digest
that decides whether the runtime image is rebuilt, and the lock that keeps two builds from running at once."""

from __future__ import annotations

import importlib.util
import io
import sys
import threading
import time
from pathlib import Path
from types import ModuleType

import pytest

BUILD_PY = Path(__file__).resolve().parents[2] / "image" / "build.py"


@pytest.fixture(scope="module")
def build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("l8_image_build", BUILD_PY)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_mirror_from_deb822_sources(build: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "sources.list.d").mkdir()
    (tmp_path / "sources.list.d" / "debian.sources").write_text(
        "Types: deb\n# comment\nURIs: http://mirror.example/debian\nSuites: bookworm bookworm-updates\n"
        "Components: main\n\nTypes: deb\nURIs: http://security.example/debian-security\n"
        "Suites: bookworm-security\nComponents: main\n"
    )
    assert build.debian_mirror(tmp_path) == "http://mirror.example/debian"


def test_mirror_skips_disabled_and_other_suites(build: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "sources.list.d").mkdir()
    (tmp_path / "sources.list.d" / "a.sources").write_text(
        "Types: deb\nURIs: http://off.example/debian\nSuites: bookworm\nEnabled: no\n\n"
        "Types: deb\nURIs: http://trixie.example/debian\nSuites: trixie\n"
    )
    (tmp_path / "sources.list").write_text("deb [arch=amd64] http://oneline.example/debian bookworm main\n")
    assert build.debian_mirror(tmp_path) == "http://oneline.example/debian"


def test_mirror_fallback_when_nothing_configured(build: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "sources.list.d").mkdir()
    assert build.debian_mirror(tmp_path) == build.FALLBACK_MIRROR


def _package(root: Path, name: str) -> Path:
    pkg = root / name
    (pkg / "src" / "m").mkdir(parents=True)
    (pkg / "pyproject.toml").write_text("[project]\nname = 'm'\n")
    (pkg / "src" / "m" / "__init__.py").write_text("X = 1\n")
    return pkg


def test_digest_changes_with_sources_and_base(build: ModuleType, tmp_path: Path) -> None:
    pkg = _package(tmp_path, "p")
    first = build.inputs_digest("sha256:base1", (pkg,))
    assert build.inputs_digest("sha256:base1", (pkg,)) == first
    assert build.inputs_digest("sha256:base2", (pkg,)) != first
    (pkg / "src" / "m" / "__init__.py").write_text("X = 2\n")
    assert build.inputs_digest("sha256:base1", (pkg,)) != first


def test_digest_ignores_tests_caches_and_bytecode(build: ModuleType, tmp_path: Path) -> None:
    pkg = _package(tmp_path, "p")
    first = build.inputs_digest("b", (pkg,))
    for extra in (
        "tests/test_x.py",
        "src/m/__pycache__/x.cpython-311.pyc",
        "src/m.egg-info/PKG-INFO",
        "x.pyc",
    ):
        (pkg / extra).parent.mkdir(parents=True, exist_ok=True)
        (pkg / extra).write_text("noise")
    assert build.inputs_digest("b", (pkg,)) == first


def test_wheelhouse_split_puts_project_wheels_apart(build: ModuleType, tmp_path: Path) -> None:
    sdk, runtime = tmp_path / "python", tmp_path / "runtime-stub"
    for pkg, name in ((sdk, "l8sdk"), (runtime, "l8-runtime")):
        pkg.mkdir()
        (pkg / "pyproject.toml").write_text(f"[project]\nname = '{name}'\n")
    wheels = tmp_path / "wheelhouse"
    (wheels / "all").mkdir(parents=True)
    names = ["l8sdk-0.1.0-py3-none-any.whl", "l8_runtime-0.1.0-py3-none-any.whl", "grpcio-1.0-cp311-x.whl",
             "l8sdk_extras-1.0-py3-none-any.whl"]  # fmt: skip
    for name in names:
        (wheels / "all" / name).write_text("")
    build.split_wheelhouse(wheels, (sdk, runtime))
    assert sorted(p.name for p in (wheels / "project").iterdir()) == sorted(names[:2])
    assert sorted(p.name for p in (wheels / "deps").iterdir()) == sorted(names[2:])


def test_wheelhouse_split_fails_when_a_project_wheel_is_missing(build: ModuleType, tmp_path: Path) -> None:
    pkg = tmp_path / "python"
    pkg.mkdir()
    (pkg / "pyproject.toml").write_text("[project]\nname = 'l8sdk'\n")
    (tmp_path / "wh" / "all").mkdir(parents=True)
    with pytest.raises(build.ImageError, match="no wheel for python"):
        build.split_wheelhouse(tmp_path / "wh", (pkg,))


def test_a_second_build_waits_until_the_first_releases_the_lock(
    build: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build, "LOCK_FILE", tmp_path / "image-build.lock")
    events: list[str] = []
    second_out = io.StringIO()

    def second() -> None:
        with build.build_lock(second_out):
            events.append("second builds")

    with build.build_lock(io.StringIO()):
        waiter = threading.Thread(target=second)
        waiter.start()
        time.sleep(0.3)
        events.append("first done")
    waiter.join(10)
    assert events == ["first done", "second builds"]
    assert "waiting for it" in second_out.getvalue()
