"""l8gen.writer: manifest, write-if-changed, stale removal, --check diff."""

from __future__ import annotations

import json
import os
from pathlib import Path

from l8gen import writer


def _generate(out: Path, files: dict[str, str], digest: str = "d1") -> writer.Plan:
    plan = writer.plan(out, writer.with_manifest(files, digest))
    writer.apply(plan)
    return plan


def test_first_write_creates_files_and_manifest(tmp_path: Path) -> None:
    plan = _generate(tmp_path, {"a.txt": "A\n", "pkg/b.py": "B\n"})
    assert sorted(plan.writes) == [writer.MANIFEST, "a.txt", "pkg/b.py"]
    manifest = json.loads((tmp_path / writer.MANIFEST).read_text())
    assert manifest["input_digest"] == "d1"
    assert manifest["files"] == {"a.txt": writer.sha256_text("A\n"), "pkg/b.py": writer.sha256_text("B\n")}
    assert (tmp_path / "pkg/b.py").read_text() == "B\n"


def test_unchanged_files_are_not_rewritten(tmp_path: Path) -> None:
    _generate(tmp_path, {"a.txt": "A\n", "b.txt": "B\n"})
    os.utime(tmp_path / "a.txt", (1, 1))
    plan = _generate(tmp_path, {"a.txt": "A\n", "b.txt": "B2\n"})
    assert sorted(plan.writes) == [writer.MANIFEST, "b.txt"]
    assert (tmp_path / "a.txt").stat().st_mtime == 1


def test_stale_files_from_the_previous_manifest_are_removed(tmp_path: Path) -> None:
    _generate(tmp_path, {"keep.txt": "k\n", "old/deep/gone.txt": "g\n"})
    (tmp_path / "user-file.txt").write_text("not ours\n")
    plan = _generate(tmp_path, {"keep.txt": "k\n"})
    assert plan.deletes == ["old/deep/gone.txt"]
    assert not (tmp_path / "old").exists()  # emptied directories pruned
    assert (tmp_path / "user-file.txt").exists()  # never listed by a manifest: left alone


def test_clean_plan_after_writing(tmp_path: Path) -> None:
    files = {"a.txt": "A\n"}
    _generate(tmp_path, files)
    assert writer.plan(tmp_path, writer.with_manifest(files, "d1")).clean


def test_diff_shows_changes_additions_and_deletions(tmp_path: Path) -> None:
    _generate(tmp_path, {"a.txt": "one\ntwo\n", "gone.txt": "x\n"})
    plan = writer.plan(tmp_path, writer.with_manifest({"a.txt": "one\nTWO\n", "new.txt": "n\n"}, "d1"))
    diff = plan.diff("sdks/demo")
    assert "--- a/sdks/demo/a.txt\n+++ b/sdks/demo/a.txt\n" in diff
    assert "-two\n+TWO\n" in diff
    assert "--- /dev/null\n+++ b/sdks/demo/new.txt\n" in diff
    assert "--- a/sdks/demo/gone.txt\n+++ /dev/null\n" in diff


def test_is_up_to_date_checks_digest_and_file_hashes(tmp_path: Path) -> None:
    _generate(tmp_path, {"a.txt": "A\n"}, digest="abc")
    assert writer.is_up_to_date(tmp_path, "abc")
    assert not writer.is_up_to_date(tmp_path, "other")
    (tmp_path / "a.txt").write_text("edited by hand\n")
    assert not writer.is_up_to_date(tmp_path, "abc")
    (tmp_path / "a.txt").unlink()
    assert not writer.is_up_to_date(tmp_path, "abc")


def test_corrupt_manifest_is_treated_as_missing(tmp_path: Path) -> None:
    (tmp_path / writer.MANIFEST).write_text("{not json")
    assert writer.read_manifest(tmp_path) is None
    assert not writer.is_up_to_date(tmp_path, "x")


def test_written_files_get_ordinary_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        _generate(tmp_path, {"a.txt": "A\n"})
    finally:
        os.umask(old)
    assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o644
