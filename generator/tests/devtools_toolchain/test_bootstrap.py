"""Tests for l8dev.toolchain.bootstrap: each step checks before it acts, and says so."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from l8dev.toolchain import bootstrap


def test_missing_debian_packages_reports_only_absent_ones() -> None:
    if shutil.which("dpkg-query") is None:
        pytest.skip("not a Debian machine")
    missing = bootstrap.missing_debian_packages(("dpkg", "l8sdk-no-such-package"))
    assert missing == ["l8sdk-no-such-package"]


def test_go_plugin_pins_are_exact_versions() -> None:
    for binary, (package, version) in bootstrap.GO_PLUGINS.items():
        assert package.endswith("/" + binary)
        assert version.startswith("v") and version.count(".") == 2, version


def test_installed_go_module_version_absent_binary(tmp_path: Path) -> None:
    assert bootstrap.installed_go_module_version(tmp_path / "nope", "example.com/x/cmd/nope") is None


def test_installed_go_module_version_reads_the_main_module(tmp_path: Path) -> None:
    (tmp_path / "go.mod").write_text("module example.com/l8probe\n\ngo 1.21\n")
    (tmp_path / "main.go").write_text("package main\n\nfunc main() {}\n")
    binary = tmp_path / "l8probe"
    subprocess.run(["go", "build", "-o", str(binary), "."], cwd=tmp_path, check=True, capture_output=True)
    # a local build has version "(devel)": present, but never equal to a pin, so bootstrap would reinstall it
    assert bootstrap.installed_go_module_version(binary, "example.com/l8probe") == "(devel)"


def test_npm_step_skips_when_lock_digest_matches(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text('{"name": "x", "version": "0.0.0"}\n')
    (tmp_path / "package-lock.json").write_text('{"lockfileVersion": 3}\n')
    (tmp_path / "node_modules").mkdir()
    digest = hashlib.sha256((tmp_path / "package-lock.json").read_bytes()).hexdigest()
    (tmp_path / bootstrap.NPM_STAMP).write_text(digest + "\n")
    out = io.StringIO()
    assert bootstrap.step_npm(bootstrap.Context(repo=tmp_path, out=out)) is False
    assert "nothing to do" in out.getvalue()


def test_npm_step_requires_a_lock_file(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text('{"name": "x", "version": "0.0.0"}\n')
    with pytest.raises(bootstrap.BootstrapError, match="package-lock.json"):
        bootstrap.step_npm(bootstrap.Context(repo=tmp_path, out=io.StringIO()))


def test_run_reports_nothing_to_do_when_no_step_acted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bootstrap, "steps", lambda: {"a": lambda ctx: False, "b": lambda ctx: False})
    out, err = io.StringIO(), io.StringIO()
    assert bootstrap.run([], io.StringIO(), out, err) == 0
    assert out.getvalue().strip().endswith("nothing to do")


def test_run_names_the_changed_steps_and_the_failing_one(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(ctx: bootstrap.Context) -> bool:
        raise bootstrap.BootstrapError("boom")

    monkeypatch.setattr(bootstrap, "steps", lambda: {"a": lambda ctx: True, "b": lambda ctx: False})
    out, err = io.StringIO(), io.StringIO()
    assert bootstrap.run([], io.StringIO(), out, err) == 0
    assert "changed: a" in out.getvalue()
    monkeypatch.setattr(bootstrap, "steps", lambda: {"a": fail})
    assert bootstrap.run([], io.StringIO(), io.StringIO(), err) == 1
    assert "step a failed: boom" in err.getvalue()
