"""The Go target's output compiles: the fragment protos (naming edge cases) with go vet, gofmt, go test -short
(the generated SDK's 50 s reconnect-outage test is its slow test: `nox -s sdk-go`, CI's slow-tests step).

Needs the Go toolchain (the machine image's `go`, with the module proxy for the first download). The real
API's module is built, vetted, staticchecked and tested by `nox -s sdk-go`; here its files are only checked
for gofmt formatting, which needs no build.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from l8gen.languages.go.target import TARGET
from l8gen.pipeline import api_from
from l8gen.targets.base import GenOptions

from tests.conftest import fragments_api, repo_endpoint_profile
from tests.targets.test_go_target import real_output


def go(*args: str, cwd: Path) -> str:
    exe = shutil.which("go")
    if exe is None:
        pytest.fail("the Go toolchain (`go`) is required to check the Go target's output")
    proc = subprocess.run([exe, *args], cwd=cwd, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, f"go {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout


def write(files: dict[str, str], root: Path) -> None:
    for path, text in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)


def gofmt_dirty(root: Path) -> list[str]:
    exe = shutil.which("gofmt")
    assert exe is not None, "gofmt comes with the Go toolchain"
    proc = subprocess.run([exe, "-l", "."], cwd=root, capture_output=True, text=True, check=True)
    return proc.stdout.split()


def test_fragments_generate_build_vet_and_pass_their_tests(tmp_path: Path) -> None:
    fds, files, _ = fragments_api()
    opts = GenOptions(languages={"go": {"module": "example.com/fragments"}}, api=repo_endpoint_profile())
    write(TARGET.generate(api_from(fds, files, opts), fds, opts), tmp_path)
    assert gofmt_dirty(tmp_path) == []
    go("vet", "./...", cwd=tmp_path)
    out = go("test", "-short", "-count=1", "./...", cwd=tmp_path)  # -short: the 50 s outage runs in sdk-go
    assert "ok  \texample.com/fragments\t" in out
    assert "ok  \texample.com/fragments/cmd/l8-compat-driver\t" in out


def test_real_api_output_is_gofmt_clean(tmp_path: Path) -> None:
    write({p: t for p, t in real_output().items() if p.endswith(".go")}, tmp_path)
    assert gofmt_dirty(tmp_path) == []
