"""The C++ target's output compiles: the fragment protos (reserved words, clashes, nested types, maps, oneofs,
optional, streaming, same names in two packages) generated and built with CMake (library with -Wall -Wextra
-Werror, compat driver, the generic unit tests), and those tests run.

Needs Debian's C++ toolchain (cmake, ninja, g++, libgrpc++-dev, protobuf-compiler-grpc, libprotobuf-dev,
protobuf-compiler, googletest: `nox -s bootstrap`). The build directory is persistent (.cache/cpp-fragments)
and files are written only when they change, so a second run recompiles nothing; the real API's package is
built and tested by `nox -s sdk-cpp`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from l8gen.languages.cpp.target import TARGET
from l8gen.pipeline import api_from
from l8gen.targets.base import GenOptions

from tests.conftest import REPO, fragments_api, repo_endpoint_profile

WORK = REPO / ".cache" / "cpp-fragments"


# ccache keys relative to the checkout (as nox's C++ sessions use): a fresh clone in another folder hits the
# cache instead of recompiling the fragments' SDK (absolute -I paths and, with -g, the build dir are hashed)
CCACHE = {"CCACHE_BASEDIR": str(REPO), "CCACHE_NOHASHDIR": "1"}


def run(*args: str, cwd: Path = REPO) -> str:
    env = {**os.environ, **CCACHE}
    proc = subprocess.run(list(args), cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, f"{' '.join(args)} failed:\n{proc.stdout[-6000:]}\n{proc.stderr[-6000:]}"
    return proc.stdout


def write_if_changed(files: dict[str, str], root: Path) -> None:
    for stale in (p for p in root.rglob("*") if p.is_file() and p.relative_to(root).as_posix() not in files):
        stale.unlink()
    for path, text in files.items():
        target = root / path
        if target.is_file() and target.read_text() == text:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)


def test_fragments_generate_build_and_pass_their_tests() -> None:
    for tool in ("cmake", "ninja", "protoc", "grpc_cpp_plugin"):
        if shutil.which(tool) is None:
            pytest.fail(f"`{tool}` is needed to build the C++ target's output (nox -s bootstrap installs it)")
    fds, names, _ = fragments_api()
    opts = GenOptions(api=repo_endpoint_profile())
    files = TARGET.generate(api_from(fds, names, opts), fds, opts)
    source, build = WORK / "src", WORK / "build"
    write_if_changed(files, source)
    run("cmake", "-S", str(source), "-B", str(build), "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Debug",
        "-DCMAKE_CXX_FLAGS_DEBUG=-O0", "-DL8SDK_BUILD_TESTS=ON")  # no -g: a third of a cold compile
    run("cmake", "--build", str(build))
    assert (build / "compat-driver" / "l8-compat-driver").is_file()
    out = run("ctest", "--test-dir", str(build), "--output-on-failure", "-E", "consumer_package")
    assert "100% tests passed" in out
    driver = build / "compat-driver" / "l8-compat-driver"
    hello = subprocess.run([str(driver)], input='{"id":1,"op":"hello"}\n', capture_output=True, text=True,
                           timeout=60, check=True).stdout
    for rpc in ("l8test.reserved_words.Reserved/Delete", "l8test.streaming.Streamer/Chat"):
        assert rpc in hello
