"""The "Use it from this checkout" instructions: every README block marked ``sh from-checkout <language>``
runs as written in a fresh project (a temporary directory; C++: an emptied ``.cache/docs-cpp`` folder of
the checkout, for ccache) (``L8SDK`` = this checkout) and leaves a working SDK install.

Place: docs tests, run by ``nox -s docs``. The root README holds the four blocks; each SDK README (generated
from ``generator/l8gen/languages/<lang>/templates/README.md.j2``) must repeat its language's block verbatim.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BLOCK = re.compile(r"^```sh from-checkout (\w+)\n(.*?)^```$", re.M | re.S)
SDK_READMES = {"python": "sdks/python", "node": "sdks/node", "go": "sdks/go", "cpp": "sdks/cpp"}
VERSION = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["l8gen"]["version"]


def blocks(readme: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for language, body in BLOCK.findall(readme.read_text(encoding="utf-8")):
        assert language not in found, f"{readme}: two from-checkout blocks for {language}"
        found[language] = body
    return found


ROOT_BLOCKS = blocks(REPO / "README.md")


def run_block(language: str, project: Path, env: dict[str, str] | None = None) -> str:
    """Run the root README's block for ``language`` in ``project`` exactly as written; returns its output."""
    project.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", ROOT_BLOCKS[language]], cwd=project, capture_output=True,
        text=True, env={**os.environ, "L8SDK": str(REPO), **(env or {})}, timeout=1800, check=False,
    )
    assert proc.returncode == 0, f"{language} block failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n" \
                                 f"{proc.stderr[-3000:]}"
    return proc.stdout


def test_root_readme_has_one_block_per_sdk_and_each_sdk_readme_repeats_it() -> None:
    assert sorted(ROOT_BLOCKS) == sorted(SDK_READMES)
    for language, directory in SDK_READMES.items():
        assert blocks(REPO / directory / "README.md") == {language: ROOT_BLOCKS[language]}, directory


def test_registry_install_lines_are_marked_as_for_released_versions() -> None:
    for directory in SDK_READMES.values():
        text = (REPO / directory / "README.md").read_text(encoding="utf-8")
        for line in re.findall(r"^(?:pip install|npm install|go get) \S+.*$", text, re.M):
            if "./" not in line and "$L8SDK" not in line:
                assert "released versions" in line, f"{directory}: {line}"


def test_python_from_checkout(tmp_path: Path) -> None:
    out = run_block("python", tmp_path / "app")
    assert f"l8sdk {VERSION}" in out
    assert "usage: l8-runtime" in out
    assert (tmp_path / "app" / ".venv" / "bin" / "l8-runtime").is_file()


def test_node_from_checkout(tmp_path: Path) -> None:
    out = run_block("node", tmp_path / "app")
    assert f"@l8sdk/sdk {VERSION} function" in out
    assert (tmp_path / "app" / "node_modules" / "@l8sdk" / "sdk" / "dist" / "index.js").is_file()


def test_go_from_checkout(tmp_path: Path) -> None:
    out = run_block("go", tmp_path / "app")
    assert out.strip().endswith(VERSION)
    assert f"=> {REPO}/sdks/go" in (tmp_path / "app" / "go.mod").read_text()


@pytest.mark.skipif(os.environ.get("L8_DOCS_SKIP_CPP") == "1", reason="L8_DOCS_SKIP_CPP=1 (slow C++ build)")
def test_cpp_from_checkout(tmp_path: Path) -> None:
    # A fresh project inside the checkout, so that with CCACHE_BASEDIR every path the compiler sees (the SDK's
    # sources and the build tree's generated protobuf code) is relative: a clone in another folder, or the
    # next run, compiles the library from the machine's ccache (the SDK's CMake uses ccache when present).
    # Two levels below the checkout, so that its build tree (app/l8sdk-build) sits as deep as sdk-cpp's
    # compat-tests/.build/cpp: the relative paths ccache sees are the same, and the block's default build
    # type (Release) is sdk-cpp's, so a cold run compiles the library once for both (39 objects).
    app = REPO / ".cache" / "docs-cpp"
    shutil.rmtree(app, ignore_errors=True)
    out = run_block("cpp", app, {"CCACHE_BASEDIR": str(REPO), "CCACHE_NOHASHDIR": "1"})
    assert "l8sdk C++ client created" in out
    assert list((app / "l8sdk").rglob("l8sdkConfig.cmake"))
    # the API reference's C++ snippets compile against the SDK installed just like that
    from test_reference_snippets import compile_cpp_snippets

    count = compile_cpp_snippets(tmp_path / "snippets", app / "l8sdk")
    print(f"cpp reference snippets: {count} compiled")
