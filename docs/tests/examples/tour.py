"""``nox -s demo``: the same short tour through each SDK against a local reference runtime.

Place: the demo session runs ``python docs/tests/examples/tour.py`` after regenerating the SDKs. Each SDK has
its tour program in its own tree, generated from its language folder (``generator/l8gen/languages/<lang>/
templates``): state with etags, publish + subscribe, a lock, a file round trip and a typed error, one line per
step. Builds run quietly (their output is shown only when they fail); the runtime logs only errors. Ends with
a footer pointing at the API reference and the examples; exits 1 when a tour failed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from runtime import QUIET, runtime

REPO = Path(__file__).resolve().parents[3]
CPP_BUILD = REPO / "compat-tests" / ".build" / "cpp"  # shared with nox -s sdk-cpp and the harness
CPP_PREFIX = REPO / ".cache" / "demo" / "cpp-prefix"
CPP_TOUR_BUILD = REPO / ".cache" / "demo" / "cpp-tour"
CCACHE = {"CCACHE_BASEDIR": str(REPO), "CCACHE_NOHASHDIR": "1"}
NPM = ["--no-audit", "--no-fund", "--loglevel=error"]

# language -> (tour source, [(working dir, build command)...], (working dir, run command))
TOURS: dict[str, tuple[str, list[tuple[Path, list[str]]], tuple[Path, list[str]]]] = {
    "python": ("sdks/python/examples/tour.py", [],
               (REPO, [sys.executable, "sdks/python/examples/tour.py"])),
    "node": ("sdks/node/examples/tour.mjs",
             [(REPO / "sdks/node", ["npm", "ci", *NPM]),
              (REPO / "sdks/node", ["npm", "run", "--silent", "build"])],
             (REPO / "sdks/node", ["node", "examples/tour.mjs"])),
    "go": ("sdks/go/cmd/l8-tour/main.go",
           [(REPO / "sdks/go", ["go", "build", "-o", os.devnull, "./cmd/l8-tour"])],
           (REPO / "sdks/go", ["go", "run", "./cmd/l8-tour"])),
    "cpp": ("sdks/cpp/examples/tour/main.cc", [
        (REPO, ["cmake", "-S", "sdks/cpp", "-B", str(CPP_BUILD), "-G", "Ninja",
                "-DCMAKE_BUILD_TYPE=Release"]),
        (REPO, ["cmake", "--build", str(CPP_BUILD), "--target", "l8sdk"]),
        (REPO, ["cmake", "--install", str(CPP_BUILD), "--prefix", str(CPP_PREFIX)]),
        (REPO, ["cmake", "-S", "sdks/cpp/examples/tour", "-B", str(CPP_TOUR_BUILD), "-G", "Ninja",
                f"-DCMAKE_PREFIX_PATH={CPP_PREFIX}"]),
        (REPO, ["cmake", "--build", str(CPP_TOUR_BUILD)]),
    ], (REPO, [str(CPP_TOUR_BUILD / "l8-tour")])),
}
LABELS = {"python": "Python", "node": "Node.js", "go": "Go", "cpp": "C++"}


def _quiet(cwd: Path, command: list[str], env: dict[str, str], timeout: float) -> str | None:
    """Run a command with its output captured; None when it succeeded, else its output's tail."""
    proc = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout,
                          check=False)
    return None if proc.returncode == 0 else f"$ {' '.join(command)}\n{(proc.stdout + proc.stderr)[-3000:]}"


def _npm_installed(package: Path) -> bool:
    """``npm ci`` already ran for this package-lock.json (npm writes node_modules/.package-lock.json)."""
    installed = package / "node_modules" / ".package-lock.json"
    lock = package / "package-lock.json"
    return installed.is_file() and installed.stat().st_mtime >= lock.stat().st_mtime


def tour(language: str, endpoint: str) -> bool:
    source, builds, (cwd, command) = TOURS[language]
    env = {**os.environ, **QUIET, **CCACHE, "L8_GRPC_ENDPOINT": endpoint}
    print(f"\n== {LABELS[language]} SDK · {source}", flush=True)
    started = time.monotonic()
    for build_dir, build in builds:
        if build[:2] == ["npm", "ci"] and _npm_installed(build_dir):
            continue  # node_modules already matches package-lock.json
        failure = _quiet(build_dir, build, env, timeout=1800)
        if failure is not None:
            print(f"   build failed:\n{failure}")
            return False
    proc = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False)
    for line in proc.stdout.splitlines():
        print(f"   {line}")
    if proc.returncode != 0:
        print(f"   FAILED (exit {proc.returncode}): {proc.stderr.strip()[-2000:]}")
        return False
    print(f"   ({time.monotonic() - started:.0f}s{', build included' if builds else ''})")
    return True


def main(argv: list[str]) -> int:
    languages = [x for x in (argv[0].split(",") if argv else TOURS) if x]
    unknown = sorted(set(languages) - set(TOURS))
    if unknown:
        print(f"demo: unknown languages {unknown}; known: {sorted(TOURS)}")
        return 2
    with runtime() as endpoint:
        print(f"l8-runtime (reference runtime, embedded mode) listening on {endpoint}")
        failed = [language for language in languages if not tour(language, endpoint)]
    print(f"\ndemo: {len(languages) - len(failed)} of {len(languages)} SDKs ran the tour"
          + (f"; failed: {', '.join(failed)}" if failed else ""))
    print("next: every RPC in four languages side by side: docs/reference/html/index.html\n"
          "      (Markdown: docs/reference/md/README.md); the tours above are short programs to copy;\n"
          "      more examples in each SDK's README (all run in CI: nox -s examples);\n"
          "      use an SDK from this checkout: README.md; the runtime: runtime-stub/README.md")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
