"""l8dev.publish.archive: the reproducible source tarball."""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest
from l8dev.publish.archive import extract_tarball, tar_names, write_source_tarball
from l8dev.publish.release import PublishError


def _src(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    (src / "cmake").mkdir(parents=True)
    (src / "CMakeLists.txt").write_text("project(x)\n")
    (src / "cmake" / "xConfig.cmake.in").write_text("@PACKAGE_INIT@\n")
    return src


def test_same_input_gives_identical_bytes(tmp_path: Path) -> None:
    src = _src(tmp_path)
    files = ["cmake/xConfig.cmake.in", "CMakeLists.txt"]
    first = write_source_tarball(src, files, tmp_path / "1.tar.gz", "x-1.0.0").read_bytes()
    (src / "CMakeLists.txt").touch()  # a newer mtime must not matter
    second = write_source_tarball(src, list(reversed(files)), tmp_path / "2.tar.gz", "x-1.0.0").read_bytes()
    assert first == second


def test_layout_is_one_top_directory_with_normalised_entries(tmp_path: Path) -> None:
    src = _src(tmp_path)
    out = write_source_tarball(
        src, ["CMakeLists.txt", "cmake/xConfig.cmake.in"], tmp_path / "x.tar.gz", "x-1.0.0"
    )
    assert tar_names(out) == [
        "x-1.0.0",
        "x-1.0.0/CMakeLists.txt",
        "x-1.0.0/cmake",
        "x-1.0.0/cmake/xConfig.cmake.in",
    ]
    with tarfile.open(out) as tar:
        for member in tar.getmembers():
            assert (member.uid, member.gid, member.uname, member.mtime) == (0, 0, "", 0)
            assert member.mode == (0o755 if member.isdir() else 0o644)
    top = extract_tarball(out, tmp_path / "unpacked")
    assert (top / "cmake" / "xConfig.cmake.in").read_text() == "@PACKAGE_INIT@\n"


def test_source_date_epoch_sets_the_mtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    out = write_source_tarball(_src(tmp_path), ["CMakeLists.txt"], tmp_path / "x.tar.gz", "x")
    with tarfile.open(out) as tar:
        assert {m.mtime for m in tar.getmembers()} == {1700000000}


def test_extract_rejects_an_archive_without_one_top_dir(tmp_path: Path) -> None:
    src = _src(tmp_path)
    bad = tmp_path / "bad.tar.gz"
    with tarfile.open(bad, "w:gz") as tar:
        tar.add(src / "CMakeLists.txt", arcname="CMakeLists.txt")
    with pytest.raises(PublishError, match="one top directory"):
        extract_tarball(bad, tmp_path / "out")
