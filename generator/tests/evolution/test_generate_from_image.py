"""``l8gen generate --descriptor-set`` (a release record as input, no checkout) and ``--sdk-version``."""

from __future__ import annotations

import json
import subprocess
import tomllib
from pathlib import Path

from tests.conftest import PROTO_ROOT, REPO, cli


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_image_input_generates_the_same_sdk_as_proto_sources(tmp_path: Path, buf: Path) -> None:
    image = tmp_path / "api.binpb"
    subprocess.run([str(buf), "build", str(PROTO_ROOT), "-o", str(image)], check=True)
    config = str(REPO / "pyproject.toml")
    code, _, err = cli(
        "generate",
        "--target",
        "python",
        "--out",
        str(tmp_path / "a"),
        "--config",
        config,
        "--proto-root",
        str(PROTO_ROOT),
    )
    assert code == 0, err
    code, _, err = cli(
        "generate",
        "--target",
        "python",
        "--out",
        str(tmp_path / "b"),
        "--config",
        config,
        "--descriptor-set",
        str(image),
    )
    assert code == 0, err
    from_sources, from_image = _tree(tmp_path / "a/sdks/python"), _tree(tmp_path / "b/sdks/python")
    assert len(from_sources) > 20
    # The manifest's input digest is cache metadata (buf and protoc encode descriptors slightly differently,
    # which is why `--check` ignores it); every generated file and the manifest's file list are identical.
    manifests = [json.loads(t.pop(".l8gen-manifest.json")) for t in (from_sources, from_image)]
    assert manifests[0]["files"] == manifests[1]["files"]
    assert from_image == from_sources


def test_sdk_version_overrides_the_configured_one(tmp_path: Path, buf: Path) -> None:
    image = tmp_path / "api.binpb"
    subprocess.run([str(buf), "build", str(PROTO_ROOT), "-o", str(image)], check=True)
    code, _, err = cli(
        "generate",
        "--target",
        "python",
        "--out",
        str(tmp_path),
        "--config",
        str(REPO / "pyproject.toml"),
        "--descriptor-set",
        str(image),
        "--sdk-version",
        "0.0.7",
    )
    assert code == 0, err
    pyproject = tomllib.loads((tmp_path / "sdks/python/pyproject.toml").read_text())
    assert pyproject["project"]["version"] == "0.0.7"
    assert '__version__ = "0.0.7"' in (tmp_path / "sdks/python/src/l8sdk/__init__.py").read_text()


def test_bad_descriptor_set_and_version_are_clear_errors(tmp_path: Path) -> None:
    junk = tmp_path / "junk.binpb"
    junk.write_bytes(b"\xff\xff not a descriptor set")
    code, _, err = cli(
        "generate", "--target", "python", "--out", str(tmp_path), "--descriptor-set", str(junk)
    )
    assert code == 2 and err.startswith(f"l8gen: error: {junk}: not a FileDescriptorSet")
    code, _, err = cli("generate", "--target", "python", "--out", str(tmp_path), "--sdk-version", "v1")
    assert code == 2 and "version 'v1' is not X.Y.Z" in err
    code, _, err = cli(
        "generate", "--out", str(tmp_path), "--descriptor-set", str(tmp_path / "missing.binpb")
    )
    assert code == 2 and "cannot read descriptor set" in err
