"""l8dev.publish.release: the version check, staging from the manifest, the release record."""

from __future__ import annotations

from pathlib import Path

import pytest
from l8dev.publish.release import (
    PublishError,
    Release,
    artifact_entry,
    check_version,
    drop_record,
    recorded,
    stage,
    write_record,
)

from .conftest import read_json, write_sdk


def test_release_reads_tool_l8gen(release: Release) -> None:
    assert (release.version, release.tag, release.package("go")) == (
        "0.3.1",
        "v0.3.1",
        "example.com/Acme/l8sdk-go",
    )
    assert release.package("python") == "l8sdk" and release.package("node") == "@l8sdk/sdk"  # defaults
    assert release.package("cpp") == "cpp"  # no package_option: the language's name


@pytest.mark.parametrize("version", ["0.1", "v0.1.0", "01.2.3", "1.2.3.4", "1.2.3+build"])
def test_version_must_suit_every_ecosystem(version: str) -> None:
    with pytest.raises(PublishError, match="MAJOR.MINOR.PATCH"):
        check_version(version, "example.com/m")


def test_prerelease_version_is_accepted() -> None:
    check_version("0.2.0-rc.1", "example.com/m")


def test_major_two_needs_go_module_suffix() -> None:
    with pytest.raises(PublishError, match="must end in /v2"):
        check_version("2.0.0", "example.com/m")
    check_version("2.0.0", "example.com/m/v2")


def test_suffix_without_major_two_is_rejected() -> None:
    with pytest.raises(PublishError, match="has a /vN suffix"):
        check_version("1.4.0", "example.com/m/v2")


def test_stage_copies_exactly_the_manifest_files(tmp_path: Path) -> None:
    sdk = tmp_path / "sdk"
    write_sdk(sdk, {"a.txt": "a\n", "sub/b.txt": "b\n"})
    (sdk / "stray.log").write_text("not generated")
    (sdk / "node_modules").mkdir()
    dest = tmp_path / "stage"
    assert stage(sdk, dest) == ["a.txt", "sub/b.txt"]
    assert sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*") if p.is_file()) == [
        "a.txt",
        "sub/b.txt",
    ]


def test_stage_rejects_a_hand_edited_sdk(tmp_path: Path) -> None:
    sdk = tmp_path / "sdk"
    write_sdk(sdk, {"a.txt": "a\n"})
    (sdk / "a.txt").write_text("edited\n")
    with pytest.raises(PublishError, match="a.txt.*never edit sdks/ by hand"):
        stage(sdk, tmp_path / "stage")


def test_stage_rejects_an_sdk_without_manifest(tmp_path: Path) -> None:
    (tmp_path / "sdk").mkdir()
    with pytest.raises(PublishError, match="run `l8gen generate` first"):
        stage(tmp_path / "sdk", tmp_path / "stage")


def _record_one(release: Release, name: str = "a.tgz") -> Path:
    path = release.dist / "x" / name
    path.parent.mkdir(parents=True)
    path.write_bytes(b"artifact")
    write_record(release, "node", {"files": [artifact_entry(release.dist, path, "tarball")]})
    return path


def test_record_round_trip_per_language(release: Release) -> None:
    _record_one(release)
    write_record(release, "go", {"files": []})
    data = read_json(release.dist / "release.json")
    assert data["version"] == "0.3.1" and data["tag"] == "v0.3.1"
    assert recorded(release, "node")["files"][0]["path"] == "x/a.tgz"
    drop_record(release, "node")
    with pytest.raises(PublishError, match="no node artifacts"):
        recorded(release, "node")
    assert recorded(release, "go") == {"files": []}


def test_recorded_artifact_that_changed_is_refused(release: Release) -> None:
    path = _record_one(release)
    path.write_bytes(b"tampered")
    with pytest.raises(PublishError, match="missing or changed"):
        recorded(release, "node")


def test_record_of_another_version_is_discarded(release: Release, repo: Path) -> None:
    _record_one(release)
    other = Release(
        root=repo,
        version="0.4.0",
        packages={"python": "l8sdk", "node": "@l8sdk/sdk", "go": "example.com/Acme/l8sdk-go"},
    )
    write_record(other, "go", {"files": []})
    assert set(read_json(release.dist / "release.json")["artifacts"]) == {"go"}  # type: ignore[arg-type]
