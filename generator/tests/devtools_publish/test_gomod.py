"""l8dev.publish.gomod: the module proxy tree, checked with the real `go` command fetching through it."""

from __future__ import annotations

import io
import json
import os
import subprocess
import zipfile
from pathlib import Path

import pytest
from l8dev.publish.gomod import escape_path, go_sum_lines, write_proxy_tree
from l8dev.publish.release import PublishError

MODULE = "example.com/Acme/hello"


def tiny_module(root: Path, module: str = MODULE) -> Path:
    root.mkdir(parents=True)
    (root / "go.mod").write_text(f"module {module}\n\ngo 1.22\n")
    (root / "hello.go").write_text(
        'package hello\n\n// Hello says hello.\nfunc Hello() string { return "hi" }\n'
    )
    (root / "LICENSE").write_text("license\n")
    return root


def test_escape_path() -> None:
    assert escape_path("github.com/Azure/SDK") == "github.com/!azure/!s!d!k"
    assert escape_path("github.com/l8sdk/l8sdk-go") == "github.com/l8sdk/l8sdk-go"


def test_proxy_layout(tmp_path: Path) -> None:
    result = write_proxy_tree(
        tiny_module(tmp_path / "m"), MODULE, "v1.0.0", tmp_path / "proxy", io.StringIO()
    )
    vdir = tmp_path / "proxy" / "example.com" / "!acme" / "hello" / "@v"
    assert sorted(p.name for p in vdir.iterdir()) == ["list", "v1.0.0.info", "v1.0.0.mod", "v1.0.0.zip"]
    assert (vdir / "list").read_text() == "v1.0.0\n"
    assert json.loads((vdir / "v1.0.0.info").read_text())["Version"] == "v1.0.0"
    assert (vdir / "v1.0.0.mod").read_text() == (tmp_path / "m" / "go.mod").read_text()
    with zipfile.ZipFile(vdir / "v1.0.0.zip") as zf:
        assert sorted(zf.namelist()) == [f"{MODULE}@v1.0.0/{f}" for f in ("LICENSE", "go.mod", "hello.go")]
    assert result["files"] == ["LICENSE", "go.mod", "hello.go"]
    assert result["h1"].startswith("h1:") and result["mod_h1"].startswith("h1:")


def test_zip_is_reproducible(tmp_path: Path) -> None:
    module = tiny_module(tmp_path / "m")
    write_proxy_tree(module, MODULE, "v1.0.0", tmp_path / "a", io.StringIO())
    os.utime(module / "hello.go", (1, 1))
    write_proxy_tree(module, MODULE, "v1.0.0", tmp_path / "b", io.StringIO())
    rel = "example.com/!acme/hello/@v/v1.0.0.zip"
    assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes()


def test_list_keeps_earlier_versions_in_semver_order(tmp_path: Path) -> None:
    module = tiny_module(tmp_path / "m")
    for tag in ("v1.10.0", "v1.2.0"):
        write_proxy_tree(module, MODULE, tag, tmp_path / "proxy", io.StringIO())
    assert (tmp_path / "proxy" / "example.com/!acme/hello/@v/list").read_text() == "v1.2.0\nv1.10.0\n"


def test_go_downloads_it_with_the_recorded_hashes(tmp_path: Path) -> None:
    """`go mod download` through GOPROXY=file://: the zip passes go's checks and hashes to our h1 lines."""
    result = write_proxy_tree(
        tiny_module(tmp_path / "m"), MODULE, "v1.0.0", tmp_path / "proxy", io.StringIO()
    )
    env = {
        **os.environ,
        "GOPROXY": (tmp_path / "proxy").as_uri(),
        "GOMODCACHE": str(tmp_path / "cache"),
        "GONOSUMDB": MODULE,
        "GOFLAGS": "-modcacherw",
        "GOWORK": "off",
    }
    proc = subprocess.run(
        ["go", "mod", "download", "-json", f"{MODULE}@v1.0.0"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    got = json.loads(proc.stdout)
    assert [f"{MODULE} v1.0.0 {got['Sum']}", f"{MODULE} v1.0.0/go.mod {got['GoModSum']}"] == go_sum_lines(
        MODULE, "v1.0.0", result["h1"], result["mod_h1"]
    )


def test_go_mod_module_path_must_match(tmp_path: Path) -> None:
    module = tiny_module(tmp_path / "m", "example.com/other")
    with pytest.raises(PublishError, match="declares module"):
        write_proxy_tree(module, MODULE, "v1.0.0", tmp_path / "proxy", io.StringIO())
