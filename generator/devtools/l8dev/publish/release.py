"""What is released: names and version from ``[tool.l8gen]``, the staged SDK sources, dist/release.json.

Place: the first step of publishing (sdks/<lang>/ -> staging -> artifacts). One version for all four SDKs
comes from the root pyproject.toml (design guide §8); the Go module path must carry ``/vN`` from major 2 on.

Staging copies exactly the files an SDK's ``.l8gen-manifest.json`` lists (never build outputs, caches or
stray files) and checks each against its recorded sha256, so an artifact is always built from what
``l8gen generate`` wrote. The manifest itself is generator bookkeeping and is not shipped.

``dist/release.json`` records every artifact (path relative to dist/, sha256, size) per language; each
language's entry is replaced on its own, so the four builds stay independent.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from l8gen.config import load_options
from l8gen.errors import L8genError
from l8gen.writer import MANIFEST, read_manifest

from l8dev.languages import hook, languages

# The publish loop's languages: every registered language (l8gen.languages: built-ins, entry points,
# [tool.l8gen] languages, $L8GEN_LANGUAGES); the default selection is those with every publish hook
# (language.toml [dev] build, install, credentials, upload); one without a build hook is reported skipped.
SPECS = languages()
LANGUAGES = tuple(SPECS)
PUBLISHABLE = tuple(name for name, spec in SPECS.items() if spec.publish)
SDK_DIRS = {name: spec.out_dir for name, spec in SPECS.items()}
RECORD = "release.json"
# Go's semver plus the leading "v"; the one version string must be valid in all four ecosystems.
_SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$")


class PublishError(L8genError):
    """A publishing step failed; the message says which and why (printed without a traceback)."""


def publish_hook(language: str, name: str) -> Callable[..., Any]:
    """``language``'s publish hook ``name`` (``l8dev.languages``); a ``PublishError`` when it has none."""
    found = hook(SPECS[language], name) if language in SPECS else None
    if found is None:
        raise PublishError(f"{language}: no [dev] {name} hook in its language.toml")
    return found


@dataclass(frozen=True)
class Release:
    """The names and the one version of a release, from ``[tool.l8gen]`` of ``root``/pyproject.toml."""

    root: Path
    version: str
    packages: Mapping[str, str]  # language -> published package name (Language.package)

    def package(self, language: str) -> str:
        return self.packages[language]

    @property
    def tag(self) -> str:
        """Go's version string and the git tag of the Go module's repository (``v0.1.0``)."""
        return f"v{self.version}"

    @property
    def major(self) -> int:
        return int(self.version.split(".", 1)[0])

    @property
    def dist(self) -> Path:
        return self.root / "dist"

    def sdk_dir(self, language: str) -> Path:
        return self.root / SDK_DIRS[language]


def check_version(version: str, go_module: str) -> None:
    """A version usable by PyPI, npm, Go and CMake alike; Go modules of major >= 2 end in ``/vN``."""
    match = _SEMVER.match(version)
    if not match:
        raise PublishError(
            f"[tool.l8gen] version {version!r} is not MAJOR.MINOR.PATCH[-prerelease] (needed by npm and Go)"
        )
    major = int(match.group(1))
    suffix = re.search(r"/v(\d+)$", go_module)
    if major >= 2 and (suffix is None or int(suffix.group(1)) != major):
        raise PublishError(
            f"[tool.l8gen.go] module {go_module!r} must end in /v{major} for version {version} (Go's "
            "semantic import versioning); `l8gen release --go-major-path` changes it"
        )
    if major < 2 and suffix is not None:
        raise PublishError(f"[tool.l8gen.go] module {go_module!r} has a /vN suffix but version is {version}")


def load_release(root: Path) -> Release:
    """Read ``[tool.l8gen]`` of ``root``/pyproject.toml and validate the version for every ecosystem; each
    language's published package name is ``Language.package`` (the value of its ``package_option``)."""
    opts = load_options(root / "pyproject.toml")
    packages = {name: spec.package(opts.languages) for name, spec in SPECS.items()}
    if "go" in packages:
        check_version(opts.version, packages["go"])
    return Release(root=root.resolve(), version=opts.version, packages=packages)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def manifest_files(sdk_dir: Path) -> list[str]:
    """The files ``l8gen generate`` wrote into ``sdk_dir`` (from its manifest), each checked by sha256."""
    manifest = read_manifest(sdk_dir)
    if manifest is None:
        raise PublishError(f"{sdk_dir}: no readable {MANIFEST}; run `l8gen generate` first")
    changed = []
    for rel, digest in sorted(manifest.files.items()):
        path = sdk_dir / rel
        if not path.is_file() or sha256_file(path) != digest:
            changed.append(rel)
    if changed:
        shown = ", ".join(changed[:5]) + (f" (+{len(changed) - 5} more)" if len(changed) > 5 else "")
        raise PublishError(
            f"{sdk_dir}: files differ from {MANIFEST}: {shown}. sdks/ must be exactly what `l8gen generate` "
            "wrote (regenerate; never edit sdks/ by hand)"
        )
    return sorted(manifest.files)


def stage(sdk_dir: Path, dest: Path, exclude: Sequence[str] = ()) -> list[str]:
    """Copy the manifest's files of ``sdk_dir`` into the empty/new ``dest`` (minus ``exclude`` prefixes)."""
    files = [f for f in manifest_files(sdk_dir) if not any(f.startswith(p) for p in exclude)]
    if dest.exists():
        shutil.rmtree(dest)
    for rel in files:
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(sdk_dir / rel, target)
    return files


def artifact_entry(dist: Path, path: Path, kind: str) -> dict[str, Any]:
    return {
        "kind": kind,
        "path": path.relative_to(dist).as_posix(),
        "sha256": sha256_file(path),
        "size": path.stat().st_size,
    }


def read_record(dist: Path) -> dict[str, Any]:
    try:
        data = json.loads((dist / RECORD).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def write_record(release: Release, language: str, entry: Mapping[str, Any]) -> Path:
    """Replace ``language``'s entry of dist/release.json (atomic write; other languages untouched)."""
    release.dist.mkdir(parents=True, exist_ok=True)
    data = read_record(release.dist)
    if data.get("version") != release.version:
        data = {}  # a record of another version describes artifacts that are gone or stale
    data["version"] = release.version
    data["tag"] = release.tag
    data.setdefault("artifacts", {})[language] = dict(entry)
    data["artifacts"] = dict(sorted(data["artifacts"].items()))
    out = release.dist / RECORD
    tmp = out.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, out)
    return out


def drop_record(release: Release, language: str) -> None:
    """Forget ``language``'s artifacts (its build failed: nothing stale may be smoke-tested or uploaded)."""
    data = read_record(release.dist)
    if language in data.get("artifacts", {}):
        del data["artifacts"][language]
        (release.dist / RECORD).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def recorded(release: Release, language: str) -> dict[str, Any]:
    """The recorded entry of ``language``, with every artifact file present and matching its sha256."""
    data = read_record(release.dist)
    entry = data.get("artifacts", {}).get(language)
    if data.get("version") != release.version or not isinstance(entry, dict):
        raise PublishError(f"no {language} artifacts of version {release.version} in {release.dist / RECORD}")
    for item in entry.get("files", []):
        path = release.dist / item["path"]
        if not path.is_file() or sha256_file(path) != item["sha256"]:
            raise PublishError(f"{path} is missing or changed since it was built; build it again")
    return dict(entry)


def artifact(release: Release, entry: Mapping[str, Any], kind: str) -> Path:
    """The path of the one artifact of ``kind`` in a recorded entry."""
    for item in entry.get("files", []):
        if item["kind"] == kind:
            return release.dist / str(item["path"])
    raise PublishError(f"the release record has no {kind} artifact")
