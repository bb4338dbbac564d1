"""``python -m l8dev.publish.build``: the release artifacts of the four SDKs into dist/ (nothing is uploaded).

Place: sdks/<lang>/ -> **build** -> dist/ -> smoke -> upload. The loop calls each selected language's
``build`` hook (``[dev]`` of its language.toml; the built-ins' are the ``build_<lang>`` functions here). Each
language is built from a staged copy of exactly the files its manifest lists (``release.stage``), by its
ecosystem's own tool, and its artifact is checked for the metadata a registry shows (license file, README,
version, homepage/repository, keywords):

- python: ``python -m build`` (sdist, then the wheel built *from the sdist*, so the sdist is proven
  complete), ``twine check --strict``                               -> dist/python/*.whl, *.tar.gz
- node:   ``npm ci`` + ``npm run build`` + ``npm pack``; the tarball must carry the ``.d.ts`` typings
                                                                    -> dist/node/<scope>-<name>-<v>.tgz
- go:     the module proxy tree (``gomod``) and the tag name        -> dist/go/proxy/..., dist/go/TAG
- cpp:    the source package (``archive``) with CMakeLists.txt and the CMake package config template
                                                                    -> dist/cpp/l8sdk-cpp-<v>.tar.gz

Languages are independent: one failing does not stop the others; each success replaces only its own entry
in dist/release.json. Exit 0 when every selected language was built, 1 otherwise, 2 on bad usage.
"""

from __future__ import annotations

import argparse
import email.parser
import json
import shutil
import sys
import tarfile
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from l8dev.languages import hook
from l8dev.publish.archive import tar_names, write_source_tarball
from l8dev.publish.commands import Steps, parse_args, run_tool
from l8dev.publish.gomod import write_proxy_tree
from l8dev.publish.release import (
    LANGUAGES,
    PUBLISHABLE,
    SPECS,
    PublishError,
    Release,
    artifact_entry,
    drop_record,
    load_release,
    stage,
    write_record,
)

REQUIRED_URLS = ("Homepage", "Repository")


def _require(missing: list[str], what: str) -> None:
    if missing:
        raise PublishError(f"{what} lacks: {', '.join(missing)}")


# ---- Python ----------------------------------------------------------------------------------------------
def check_wheel(wheel: Path, release: Release) -> None:
    """The wheel's METADATA names the version, license (+ file), README, keywords and project URLs."""
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        meta_name = next((n for n in names if n.endswith(".dist-info/METADATA")), None)
        if meta_name is None:
            raise PublishError(f"{wheel.name}: no .dist-info/METADATA")
        meta = email.parser.Parser().parsestr(zf.read(meta_name).decode("utf-8"))
    urls = {u.split(",", 1)[0].strip() for u in meta.get_all("Project-URL") or []}
    missing = [f"Project-URL {u}" for u in REQUIRED_URLS if u not in urls]
    if meta.get("Version") != release.version:
        missing.append(f"Version {release.version} (has {meta.get('Version')})")
    if meta.get("License-Expression") != "Apache-2.0":
        missing.append("License-Expression: Apache-2.0")
    if not any(n.endswith(".dist-info/licenses/LICENSE") for n in names):
        missing.append(".dist-info/licenses/LICENSE")
    if not meta.get("Keywords"):
        missing.append("Keywords")
    if meta.get("Description-Content-Type") != "text/markdown" or not meta.get_payload():
        missing.append("the README as long description")
    _require(missing, wheel.name)


def check_sdist(sdist: Path, release: Release) -> None:
    top = f"{release.package('python')}-{release.version}"
    with tarfile.open(sdist, "r:gz") as tar:
        names = set(tar.getnames())
    missing = [f for f in ("PKG-INFO", "pyproject.toml", "README.md", "LICENSE") if f"{top}/{f}" not in names]
    _require(missing, sdist.name)


def build_python(release: Release, work: Path, steps: Steps) -> dict[str, Any]:
    out = release.dist / "python"
    shutil.rmtree(out, ignore_errors=True)
    src = work / "python"
    with steps.step("stage"):
        stage(release.sdk_dir("python"), src)
    with steps.step("python -m build (sdist, wheel from sdist)"):
        run_tool([sys.executable, "-m", "build", "--outdir", str(out), str(src)], steps.log)
    wheels, sdists = sorted(out.glob("*.whl")), sorted(out.glob("*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        raise PublishError(
            f"python -m build made {[p.name for p in out.iterdir()]}, expected 1 wheel + 1 sdist"
        )
    with steps.step("twine check --strict"):
        run_tool([sys.executable, "-m", "twine", "check", "--strict", *map(str, wheels + sdists)], steps.log)
        check_wheel(wheels[0], release)
        check_sdist(sdists[0], release)
    files = [
        artifact_entry(release.dist, wheels[0], "wheel"),
        artifact_entry(release.dist, sdists[0], "sdist"),
    ]
    return {"package": release.package("python"), "files": files}


# ---- Node ------------------------------------------------------------------------------------------------
def check_npm_package(tgz: Path, release: Release) -> list[str]:
    """The tarball's package.json metadata and files (typings, README, LICENSE); returns its file list."""
    with tarfile.open(tgz, "r:gz") as tar:
        names = sorted(n.removeprefix("package/") for n in tar.getnames())
        member = tar.extractfile("package/package.json")
        manifest = json.loads(member.read()) if member else {}
    missing = [f for f in ("package.json", "README.md", "LICENSE") if f not in names]
    types = str(manifest.get("types", ""))
    if not types.endswith(".d.ts") or types.removeprefix("./") not in names:
        missing.append(f'the typings named by "types" ({types or "unset"})')
    if not any(n.endswith(".d.ts") for n in names):
        missing.append(".d.ts files")
    for key in ("license", "homepage", "repository", "keywords", "description"):
        if not manifest.get(key):
            missing.append(f'package.json "{key}"')
    if manifest.get("name") != release.package("node") or manifest.get("version") != release.version:
        missing.append(f"name/version {release.package('node')}@{release.version}")
    _require(missing, tgz.name)
    return names


def build_node(release: Release, work: Path, steps: Steps) -> dict[str, Any]:
    out = release.dist / "node"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    src = work / "node"
    with steps.step("stage"):
        stage(release.sdk_dir("node"), src)
    with steps.step("npm ci"):
        run_tool(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], steps.log, cwd=src)
    with steps.step("npm run build"):
        run_tool(["npm", "run", "build"], steps.log, cwd=src)
    with steps.step("npm pack"):
        # --ignore-scripts: prepack would build again and print into the --json output.
        raw = run_tool(
            ["npm", "pack", "--json", "--ignore-scripts", "--pack-destination", str(out)], steps.log, cwd=src
        )
        packed = json.loads(raw)
        tgz = out / packed[0]["filename"]
        names = check_npm_package(tgz, release)
    steps.log.write(
        f"[node] {tgz.name}: {len(names)} files, {sum(n.endswith('.d.ts') for n in names)} .d.ts\n"
    )
    return {"package": release.package("node"), "files": [artifact_entry(release.dist, tgz, "tarball")]}


# ---- Go --------------------------------------------------------------------------------------------------
def build_go(release: Release, work: Path, steps: Steps) -> dict[str, Any]:
    out = release.dist / "go"
    module = release.package("go")
    shutil.rmtree(out, ignore_errors=True)
    src = work / "go"
    with steps.step("stage"):
        stage(release.sdk_dir("go"), src)
    with steps.step("module zip + proxy tree (golang.org/x/mod/zip)"):
        result = write_proxy_tree(src, module, release.tag, out / "proxy", steps.log)
    missing = [f for f in ("go.mod", "README.md", "LICENSE") if f not in result["files"]]
    _require(missing, f"{module}@{release.tag} module zip")
    (out / "TAG").write_text(release.tag + "\n", encoding="utf-8")
    files = [
        artifact_entry(release.dist, out / "proxy" / result[kind], kind)
        for kind in ("zip", "mod", "info", "list")
    ]
    steps.log.write(f"[go] {module}@{release.tag}: {len(result['files'])} files, {result['h1']}\n")
    return {
        "module": module,
        "tag": release.tag,
        "goproxy": "go/proxy",
        "h1": result["h1"],
        "mod_h1": result["mod_h1"],
        "files": files,
    }


# ---- C++ -------------------------------------------------------------------------------------------------
CPP_REQUIRED = ("CMakeLists.txt", "cmake/l8sdkConfig.cmake.in", "README.md", "LICENSE")


def build_cpp(release: Release, work: Path, steps: Steps) -> dict[str, Any]:
    out = release.dist / "cpp"
    shutil.rmtree(out, ignore_errors=True)
    src = work / "cpp"
    top = f"l8sdk-cpp-{release.version}"
    with steps.step("stage"):
        files = stage(release.sdk_dir("cpp"), src)
    missing = [f for f in CPP_REQUIRED if f not in files]
    cmake_lists = (src / "CMakeLists.txt").read_text(encoding="utf-8") if "CMakeLists.txt" in files else ""
    if f"VERSION {release.version}" not in cmake_lists:
        missing.append(f"project(... VERSION {release.version}) in CMakeLists.txt")
    if "HOMEPAGE_URL" not in cmake_lists:
        missing.append("project(... HOMEPAGE_URL ...) in CMakeLists.txt")
    _require(missing, "the C++ source package")
    with steps.step("source tarball"):
        tarball = write_source_tarball(src, files, out / f"{top}.tar.gz", top)
    steps.log.write(f"[cpp] {tarball.name}: {len(tar_names(tarball))} entries\n")
    return {
        "package": "l8sdk (CMake: find_package(l8sdk CONFIG), target l8::sdk)",
        "top": top,
        "files": [artifact_entry(release.dist, tarball, "source")],
    }


def build(release: Release, languages: Sequence[str], log: TextIO) -> dict[str, str]:
    """Build the artifacts of ``languages``; returns {language: "ok (N s)" | "FAILED: reason"}."""
    outcome: dict[str, str] = {}
    for language in languages:
        builder = hook(SPECS[language], "build")
        if builder is None:
            outcome[language] = "skipped: no build hook ([dev] build in its language.toml)"
            log.write(f"[{language}] {outcome[language]}\n")
            continue
        steps = Steps(language, log)
        with tempfile.TemporaryDirectory(prefix=f"l8-publish-{language}-") as tmp:
            try:
                entry = builder(release, Path(tmp), steps)
            except PublishError as exc:
                drop_record(release, language)
                outcome[language] = f"FAILED: {exc}"
                log.write(f"[{language}] build FAILED: {exc}\n")
                continue
        entry["build_seconds"] = steps.times
        write_record(release, language, entry)
        outcome[language] = f"ok ({steps.total:.1f}s)"
    return outcome


def parse_languages(value: str) -> list[str]:
    chosen = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [v for v in chosen if v not in LANGUAGES]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"choose from {', '.join(LANGUAGES)} (got {value!r})")
    return [lang for lang in LANGUAGES if lang in chosen]


def run(argv: Sequence[str], stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    parser = argparse.ArgumentParser(prog="python -m l8dev.publish.build", description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="repository root (default: cwd)")
    parser.add_argument("--only", type=parse_languages, default=list(PUBLISHABLE), help="e.g. python,go")
    args = parse_args(parser, argv, stdout, stderr)
    if isinstance(args, int):
        return args
    try:
        release = load_release(args.root)
    except PublishError as exc:
        stderr.write(f"publish: error: {exc}\n")
        return 2
    stdout.write(f"building l8sdk {release.version} ({', '.join(args.only)}) into {release.dist}\n")
    outcome = build(release, args.only, stdout)
    for language, result in outcome.items():
        stdout.write(f"build {language:<7} {result.splitlines()[0]}\n")
    return 0 if all(r.startswith(("ok", "skipped")) for r in outcome.values()) else 1


def main() -> None:
    sys.exit(run(sys.argv[1:], sys.stdin, sys.stdout, sys.stderr))


if __name__ == "__main__":
    main()
