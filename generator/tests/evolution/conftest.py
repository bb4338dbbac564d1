"""Fixtures for the API-evolution tests: the real buf CLI, and a scratch copy of proto/ with a release record.

The end-to-end tests edit a copy of the real proto/ in a temporary directory and run ``l8gen diff --json``
in-process against a release record made from the unedited copy, exactly like CI on a fresh clone.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from l8gen.languages import discover

from tests.conftest import REPO, cli

BUF = REPO / "node_modules" / ".bin" / "buf"
BASE_VERSION = "0.1.0"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "container: needs a Docker engine and the runtime image (nox -s skew)")


@pytest.fixture(scope="session")
def buf() -> Path:
    """The pinned buf CLI from node_modules; a missing one is a failure (the bootstrap installs it)."""
    if not BUF.is_file():
        pytest.fail(
            f"buf CLI missing at {BUF}: run `npm ci` in {REPO} (pinned in package.json; `nox -s bootstrap` "
            "installs it). The API-evolution tests need the real buf.",
            pytrace=False,
        )
    return BUF


@dataclass
class ApiCopy:
    """A scratch repository: proto/ (copy), pyproject.toml ([tool.l8gen] only), proto/releases/."""

    root: Path
    buf: Path

    @property
    def proto(self) -> Path:
        return self.root / "proto"

    def edit(self, rel: str, old: str, new: str) -> None:
        """Replace ``old`` by ``new`` in proto/<rel>; ``old`` must occur exactly once (no silent miss)."""
        path = self.proto / rel
        text = path.read_text()
        assert text.count(old) == 1, f"{rel}: {old!r} found {text.count(old)} times, expected once"
        path.write_text(text.replace(old, new))

    def diff(self, *args: str) -> tuple[int, dict[str, object], str]:
        """``l8gen diff --json`` in-process; returns (exit code, parsed JSON, stderr)."""
        code, out, err = cli("diff", "--json", "--buf", str(self.buf), *args)
        assert out, f"no JSON on stdout (exit {code}): {err}"
        return code, json.loads(out), err

    def record(self, version: str) -> Path:
        """Record the current proto/ as release ``version`` (a buf image, as `l8gen release` does)."""
        target = self.proto / "releases" / f"v{version}.binpb"
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([str(self.buf), "build", str(self.proto), "-o", str(target)], check=True)
        return target


def _l8gen_table(version: str) -> str:
    """The repository's ``[tool.l8gen]`` table and its languages' own tables (``[tool.l8gen.go]``...)."""
    text = (REPO / "pyproject.toml").read_text()
    wanted = {"[tool.l8gen]", *(f"[tool.l8gen.{name}]" for name in discover())}
    sections = ("\n" + text).split("\n[")[1:]
    tables = ["[" + s.rstrip("\n") for s in sections if "[" + s.split("\n", 1)[0].strip() in wanted]
    # the API's own SDK templates ([tool.l8gen] templates) go with its profile ([tool.l8gen.api], not copied)
    table = "\n\n".join(tables).replace('templates = "proto/sdk-templates"\n', "")
    return table.replace(f'version = "{_repo_version()}"', f'version = "{version}"', 1) + "\n"


def _repo_version() -> str:
    import tomllib

    return str(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["l8gen"]["version"])


def make_copy(root: Path, buf: Path, version: str = BASE_VERSION, record: bool = True) -> ApiCopy:
    shutil.copytree(
        REPO / "proto", root / "proto",
        ignore=shutil.ignore_patterns("releases", "tests", "sdk-templates", "__pycache__"),
    )
    (root / "pyproject.toml").write_text(_l8gen_table(version))
    copy = ApiCopy(root, buf)
    if record:
        copy.record(version)
    return copy


@pytest.fixture
def api_copy(tmp_path: Path, buf: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ApiCopy]:
    """A copy of proto/ at version 0.1.0 with its release record; the current directory is its root."""
    copy = make_copy(tmp_path / "repo", buf)
    monkeypatch.chdir(copy.root)
    yield copy
