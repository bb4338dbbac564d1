"""The generality runner's own plumbing (generator/tests/apis/run.py), not a corpus check."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

_spec = importlib.util.spec_from_file_location("generality_run", Path(__file__).with_name("run.py"))
assert _spec is not None and _spec.loader is not None
run = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = run  # its dataclasses look their module up
_spec.loader.exec_module(run)  # the corpus folder is not a package: load the runner by path


def test_a_link_target_is_snapshotted_so_a_reinstall_beside_the_run_cannot_pull_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`npm ci` in sdks/node (publish, docs) empties node_modules while `nox -s ci` runs the corpus."""
    repo = tmp_path / "repo"
    tool = repo / "sdks" / "x" / "node_modules" / "typescript" / "bin" / "tsc"
    tool.parent.mkdir(parents=True)
    tool.write_text("#!/bin/sh\necho tsc\n")
    (repo / "sdks" / "x" / "node_modules" / ".bin").mkdir()
    (repo / "sdks" / "x" / "node_modules" / ".bin" / "tsc").symlink_to("../typescript/bin/tsc")
    monkeypatch.setattr(run, "ROOT", repo)
    spec: Any = SimpleNamespace(check={"link": {"node_modules": "sdks/x/node_modules"}})
    links = run.snapshot_links([spec], tmp_path / "work")
    shutil.rmtree(repo / "sdks" / "x" / "node_modules")  # what npm ci does first
    copy = links["sdks/x/node_modules"]
    assert (copy / ".bin" / "tsc").is_symlink()
    assert (copy / ".bin" / "tsc").read_text() == "#!/bin/sh\necho tsc\n"
    assert run.snapshot_links([SimpleNamespace(check={"link": {}})], tmp_path / "work2") == {}
