"""Clean-room installs of the four artifacts, each followed by its consumer program (``consumers/<lang>/``).

Place: ``smoke`` -> **installs** -> consumer output. Each ``install_<lang>`` is that language's ``install``
hook (``[dev]`` of its language.toml, called through ``l8dev.languages``). Every function gets the built
artifact (from dist/release.json), a fresh work directory outside the repository and the environment
pointing at the runtime; it installs the artifact the way a user would and returns what the consumer
printed (one JSON object) plus language-specific provenance facts for ``smoke`` to check:

- python: a new venv; ``pip install <wheel>`` (its dependencies from the normal index); the script runs from
  the work dir with the venv's python, so only the installed package can be imported.
- node:   a new npm project; ``npm install <tarball>`` + the SDK's own pinned typescript/@types/node;
  ``tsc`` compiles the TypeScript consumer against the package's .d.ts; ``node`` runs it.
- go:     a new module requiring ``<module> <tag>``; GOPROXY = dist's file-based proxy first (our module is
  only there), then the host's module download cache and the normal proxy for dependencies; a fresh
  GOMODCACHE (nothing stale can be reused); GONOSUMDB for our module only; ``go mod tidy``, ``go mod verify``
  and a check that go.sum holds the h1 hashes the build recorded.
- cpp:    unpack the source package, ``cmake`` configure/build/install into a temp prefix, then a consumer
  project ``find_package(l8sdk CONFIG)`` + ``target_link_libraries(app l8::sdk)`` built against it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from l8gen.config import load_options
from l8gen.languages import BUILTIN_DIR

from l8dev.publish.archive import extract_tarball
from l8dev.publish.commands import Steps, run_tool
from l8dev.publish.gomod import go_sum_lines
from l8dev.publish.release import PublishError, Release, artifact, sha256_file

CONSUMERS = BUILTIN_DIR  # <language>/consumer: how a consumer is built (tsconfig.json, CMakeLists.txt)
Facts = dict[str, Any]
# Each language's consumer program file (in <[tool.l8gen] templates>/<language>/_consumer/).
PROGRAMS = {"python": "smoke_client.py", "node": "smoke.ts", "go": "main.go", "cpp": "main.cc"}


def consumer_file(root: Path, language: str, name: str) -> Path:
    """A consumer program file: the API's own, ``<[tool.l8gen] templates>/<language>/_consumer/<name>``
    (it calls that API's RPCs), else the language folder's ``consumer/<name>``."""
    api = load_options(root / "pyproject.toml").api_templates
    own = api / language / "_consumer" / name if api is not None else None
    if own is not None and own.is_file():
        return own
    path = CONSUMERS / language / "consumer" / name
    if not path.is_file():
        raise PublishError(f"no {language} consumer program {name}: neither {own} nor {path}")
    return path


def parse_output(stdout: str, language: str) -> dict[str, Any]:
    """The last line of ``stdout`` that is a JSON object (the consumer's report)."""
    for line in reversed(stdout.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            try:
                value = json.loads(line)
            except ValueError:
                continue
            if isinstance(value, dict):
                return value
    raise PublishError(f"the {language} consumer printed no JSON result:\n{stdout[-2000:]}")


def _inside(path: str, root: Path) -> bool:
    return Path(path).resolve().is_relative_to(root.resolve())


def install_python(
    release: Release,
    entry: Mapping[str, Any],
    work: Path,
    env: dict[str, str],
    steps: Steps,
) -> tuple[dict[str, Any], Facts]:
    venv = work / "venv"
    wheel = artifact(release, entry, "wheel")
    with steps.step("new venv"):
        run_tool([sys.executable, "-m", "venv", str(venv)], steps.log)
    python = str(venv / "bin" / "python")
    with steps.step("pip install the wheel"):
        run_tool(
            [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)], steps.log
        )
    script = shutil.copy(consumer_file(release.root, "python", PROGRAMS["python"]), work / "smoke_client.py")
    with steps.step("run the consumer"):
        out = run_tool(
            [python, str(script)], steps.log, cwd=work, env={**env, "PYTHONPATH": "", "PYTHONNOUSERSITE": "1"}
        )
    result = parse_output(out, "python")
    return result, {
        "installed from the wheel into the new venv": _inside(str(result.get("loaded_from")), venv)
    }


def _npm_pins(tgz: Path) -> dict[str, str]:
    """typescript and @types/node as pinned by the SDK itself (its package.json devDependencies)."""
    with tarfile.open(tgz, "r:gz") as tar:
        member = tar.extractfile("package/package.json")
        manifest = json.loads(member.read()) if member else {}
    dev = manifest.get("devDependencies", {})
    return {name: str(dev[name]) for name in ("typescript", "@types/node") if name in dev}


def install_node(
    release: Release,
    entry: Mapping[str, Any],
    work: Path,
    env: dict[str, str],
    steps: Steps,
) -> tuple[dict[str, Any], Facts]:
    tgz = artifact(release, entry, "tarball")
    app = work / "app"
    app.mkdir()
    (app / "package.json").write_text(
        json.dumps({"name": "l8sdk-publish-smoke", "private": True, "type": "module"}, indent=2) + "\n"
    )
    for name in (PROGRAMS["node"], "tsconfig.json"):
        shutil.copy(consumer_file(release.root, "node", name), app / name)
    pins = [f"{name}@{version}" for name, version in sorted(_npm_pins(tgz).items())]
    with steps.step("npm install the tarball"):
        run_tool(
            ["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", str(tgz), *pins],
            steps.log,
            cwd=app,
        )
    with steps.step("tsc (consumer against the package's .d.ts)"):
        run_tool([str(app / "node_modules" / ".bin" / "tsc"), "-p", "tsconfig.json"], steps.log, cwd=app)
    with steps.step("run the consumer"):
        out = run_tool(["node", "dist/smoke.js"], steps.log, cwd=app, env=env)
    result = parse_output(out, "node")
    installed = app / "node_modules" / Path(*release.package("node").split("/"))
    return result, {"loaded from the installed tarball": _inside(str(result.get("loaded_from")), installed)}


def _go_env(release: Release, entry: Mapping[str, Any], work: Path) -> dict[str, str]:
    host = subprocess.run(["go", "env", "GOMODCACHE", "GOPROXY"], capture_output=True, text=True, check=False)
    modcache, proxy = (host.stdout.splitlines() + ["", ""])[:2]
    chain = [(release.dist / entry["goproxy"]).as_uri()]
    if modcache and (Path(modcache) / "cache" / "download").is_dir():
        chain.append((Path(modcache) / "cache" / "download").as_uri())  # the same files the proxy served
    chain.append(proxy if proxy and proxy != "off" else "https://proxy.golang.org")
    return {
        "GOPROXY": ",".join(chain),
        "GOMODCACHE": str(work / "modcache"),
        "GOFLAGS": "-mod=mod",
        "GONOSUMDB": release.package("go"),  # not in the checksum database before its tag is pushed
        "GOPRIVATE": "",
        "GOWORK": "off",
    }


def install_go(
    release: Release,
    entry: Mapping[str, Any],
    work: Path,
    env: dict[str, str],
    steps: Steps,
) -> tuple[dict[str, Any], Facts]:
    app = work / "app"
    module = release.package("go")
    app.mkdir()
    mod_text = artifact(release, entry, "mod").read_text(encoding="utf-8")
    go_line = next((line for line in mod_text.splitlines() if line.startswith("go ")), "go 1.26.0")
    (app / "go.mod").write_text(
        f"module example.com/l8sdk-publish-smoke\n\n{go_line}\n\nrequire {module} {release.tag}\n"
    )
    shutil.copy(consumer_file(release.root, "go", PROGRAMS["go"]), app / "main.go")
    go_env = _go_env(release, entry, work)
    try:
        with steps.step("go mod tidy (module from the file GOPROXY)"):
            run_tool(["go", "mod", "tidy"], steps.log, cwd=app, env=go_env)
        with steps.step("go mod verify"):
            run_tool(["go", "mod", "verify"], steps.log, cwd=app, env=go_env)
        with steps.step("go build"):
            run_tool(["go", "build", "-o", "smoke", "."], steps.log, cwd=app, env=go_env)
        with steps.step("run the consumer"):
            out = run_tool(
                [str(app / "smoke")], steps.log, cwd=app, env={**env, "L8_SMOKE_MODULE": module}
            )
    finally:
        subprocess.run(
            ["go", "clean", "-modcache"], env={**os.environ, **go_env}, cwd=app, capture_output=True
        )
    result = parse_output(out, "go")
    go_sum = (app / "go.sum").read_text(encoding="utf-8").splitlines()
    expected = go_sum_lines(module, release.tag, entry["h1"], entry["mod_h1"])
    return result, {
        "go.sum has the recorded h1 hashes": all(line in go_sum for line in expected),
        "binary built with the published version": result.get("module_version") == release.tag
        and result.get("module_sum") == entry["h1"],
    }


def install_cpp(
    release: Release,
    entry: Mapping[str, Any],
    work: Path,
    env: dict[str, str],
    steps: Steps,
) -> tuple[dict[str, Any], Facts]:
    source = artifact(release, entry, "source")
    # The repository's layout (sdks/cpp built in compat-tests/.build/cpp: `nox -s sdk-cpp`) below the work dir
    # and the package's default build type (Release, as sdk-cpp builds it): ccache (used by the SDK's
    # CMakeLists when installed) sees paths relative to CCACHE_BASEDIR, so this build of the package hits what
    # sdk-cpp compiled (counted in the log).
    prefix, build, app_build = work / "prefix", work / "compat-tests" / ".build" / "cpp", work / "app-build"
    with steps.step("unpack the source package"):
        (work / "sdks").mkdir(parents=True, exist_ok=True)
        src = extract_tarball(source, work / "unpacked").rename(work / "sdks" / "cpp")
    ccache_log = work / "ccache.log"
    cache_env = {"CCACHE_BASEDIR": str(work), "CCACHE_NOHASHDIR": "1", "CCACHE_LOGFILE": str(ccache_log)}
    with steps.step("cmake configure"):
        run_tool(
            [
                "cmake",
                "-S",
                str(src),
                "-B",
                str(build),
                "-G",
                "Ninja",
                "-DL8SDK_BUILD_TESTS=OFF",
                "-DL8SDK_BUILD_COMPAT_DRIVER=OFF",
            ],
            steps.log,
            env=cache_env,
        )
    with steps.step("cmake build"):
        run_tool(["cmake", "--build", str(build)], steps.log, env=cache_env, timeout=3600)
    if ccache_log.is_file():
        lines = ccache_log.read_text(errors="replace").splitlines()
        results = [line.rsplit("Result: ", 1)[1] for line in lines if "] Result: " in line]
        hits = sum(1 for r in results if r in ("direct_cache_hit", "preprocessed_cache_hit"))
        misses = results.count("cache_miss")
        steps.log.write(f"[cpp] ccache: {hits} of {hits + misses} compilations were cache hits\n")
    with steps.step("cmake install"):
        run_tool(["cmake", "--install", str(build), "--prefix", str(prefix)], steps.log)
    app = shutil.copytree(CONSUMERS / "cpp" / "consumer", work / "app")
    shutil.copy(consumer_file(release.root, "cpp", PROGRAMS["cpp"]), app / "main.cc")
    with steps.step("consumer: find_package(l8sdk CONFIG) + build"):
        configured = run_tool(
            ["cmake", "-S", str(app), "-B", str(app_build), "-G", "Ninja", f"-DCMAKE_PREFIX_PATH={prefix}"],
            steps.log,
        )
        run_tool(["cmake", "--build", str(app_build)], steps.log)
    download = work / "download.bin"
    with steps.step("run the consumer"):
        out = run_tool(
            [str(app_build / "app")], steps.log, cwd=work, env={**env, "L8_SMOKE_DOWNLOAD": str(download)}
        )
    result = parse_output(out, "cpp")
    result["file_sha256"] = sha256_file(download) if download.is_file() else ""
    found = f"l8sdk {release.version} from {prefix}/"
    return result, {
        "found the installed package config": found in configured,
        "LICENSE installed": (prefix / "share" / "doc" / "l8sdk" / "LICENSE").is_file(),
    }
