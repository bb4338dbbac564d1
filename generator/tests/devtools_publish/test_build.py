"""l8dev.publish.build: the metadata checks of each artifact kind, and the shipped license files."""

from __future__ import annotations

import io
import json
import tarfile
import zipfile
from pathlib import Path

import pytest
from l8dev.publish.build import check_npm_package, check_sdist, check_wheel, run
from l8dev.publish.release import PublishError, Release

REPO = Path(__file__).resolve().parents[3]
GOOD_METADATA = """Metadata-Version: 2.4
Name: l8sdk
Version: 0.3.1
Keywords: layotto,grpc
Project-URL: Homepage, https://example.com
Project-URL: Repository, https://example.com/repo
License-Expression: Apache-2.0
License-File: LICENSE
Description-Content-Type: text/markdown

# readme
"""


def _wheel(path: Path, metadata: str, license_file: bool = True) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("l8sdk-0.3.1.dist-info/METADATA", metadata)
        if license_file:
            zf.writestr("l8sdk-0.3.1.dist-info/licenses/LICENSE", "license")
    return path


def test_complete_wheel_passes(tmp_path: Path, release: Release) -> None:
    check_wheel(_wheel(tmp_path / "a.whl", GOOD_METADATA), release)


@pytest.mark.parametrize(
    ("drop", "complaint"),
    [
        ("Project-URL: Homepage, https://example.com\n", "Project-URL Homepage"),
        ("License-Expression: Apache-2.0\n", "License-Expression"),
        ("Keywords: layotto,grpc\n", "Keywords"),
        ("Description-Content-Type: text/markdown\n", "README"),
    ],
)
def test_wheel_missing_metadata_is_named(tmp_path: Path, release: Release, drop: str, complaint: str) -> None:
    with pytest.raises(PublishError, match=complaint):
        check_wheel(_wheel(tmp_path / "a.whl", GOOD_METADATA.replace(drop, "")), release)


def test_wheel_without_license_file_or_with_other_version(tmp_path: Path, release: Release) -> None:
    with pytest.raises(PublishError, match="licenses/LICENSE"):
        check_wheel(_wheel(tmp_path / "a.whl", GOOD_METADATA, license_file=False), release)
    with pytest.raises(PublishError, match="Version 0.3.1"):
        check_wheel(
            _wheel(tmp_path / "b.whl", GOOD_METADATA.replace("Version: 0.3.1", "Version: 0.3.0")), release
        )


def _tgz(path: Path, files: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def test_sdist_needs_license_and_readme(tmp_path: Path, release: Release) -> None:
    top = "l8sdk-0.3.1"
    base = {f"{top}/PKG-INFO": b"", f"{top}/pyproject.toml": b"", f"{top}/README.md": b""}
    with pytest.raises(PublishError, match="LICENSE"):
        check_sdist(_tgz(tmp_path / "a.tar.gz", base), release)
    check_sdist(_tgz(tmp_path / "b.tar.gz", {**base, f"{top}/LICENSE": b""}), release)


def _npm(tmp_path: Path, manifest: dict[str, object], extra: dict[str, bytes]) -> Path:
    files = {"package/package.json": json.dumps(manifest).encode(), **extra}
    return _tgz(tmp_path / "p.tgz", files)


NPM_MANIFEST: dict[str, object] = {
    "name": "@l8sdk/sdk",
    "version": "0.3.1",
    "license": "Apache-2.0",
    "homepage": "h",
    "repository": "r",
    "keywords": ["k"],
    "description": "d",
    "types": "./dist/index.d.ts",
}
NPM_FILES = {
    "package/README.md": b"",
    "package/LICENSE": b"",
    "package/dist/index.d.ts": b"",
    "package/dist/index.js": b"",
}


def test_npm_tarball_complete(tmp_path: Path, release: Release) -> None:
    names = check_npm_package(_npm(tmp_path, NPM_MANIFEST, NPM_FILES), release)
    assert "dist/index.d.ts" in names


def test_npm_tarball_without_typings_or_homepage(tmp_path: Path, release: Release) -> None:
    manifest = {k: v for k, v in NPM_MANIFEST.items() if k != "homepage"}
    files = {k: v for k, v in NPM_FILES.items() if not k.endswith(".d.ts")}
    with pytest.raises(PublishError) as err:
        check_npm_package(_npm(tmp_path, manifest, files), release)
    assert "typings" in str(err.value) and '"homepage"' in str(err.value)


@pytest.mark.parametrize("language", ["python", "node", "go", "cpp"])
def test_every_sdk_template_ships_the_repository_license(language: str) -> None:
    license_text = (REPO / "LICENSE").read_text()
    assert "Apache License" in license_text and "Version 2.0, January 2004" in license_text
    templates = REPO / "generator" / "l8gen" / "languages" / language / "templates"
    assert (templates / "LICENSE").read_text() == license_text


def test_unknown_language_is_a_usage_error(repo: Path) -> None:
    err = io.StringIO()
    assert run(["--root", str(repo), "--only", "rust"], io.StringIO(), io.StringIO(), err) == 2
    assert "choose from python, node, go, cpp" in err.getvalue()


def test_bad_version_is_reported_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.l8gen]\nversion = "1.0"\n')
    err = io.StringIO()
    assert run(["--root", str(tmp_path), "--only", "cpp"], io.StringIO(), io.StringIO(), err) == 2
    assert err.getvalue().startswith("publish: error: [tool.l8gen] version '1.0'")
