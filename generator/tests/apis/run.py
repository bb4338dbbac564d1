"""The generality check (`nox -s generality`): every corpus API in generator/tests/apis/ -> four SDKs, built
and checked the way their own nox sessions check sdks/<lang>.

Each corpus entry is a folder with ``proto/`` and a ``pyproject.toml`` (``[tool.l8gen]``). An entry whose
pyproject has ``[tool.l8gen-corpus] refused = true`` must make ``l8gen generate`` exit 2, name every problem
with ``file:line`` and write nothing. Every other entry must generate with exit 0, and then:

- python: import of the package, ``mypy --strict`` (the SDK's pyproject config), ``ruff check``;
- node: ``tsc --strict`` build (``npm run build``), biome (``npm run lint``), test typecheck;
- go: ``go build``, ``go vet``, staticcheck;
- cpp: a ``-Wall -Wextra -Werror`` CMake build (ccache shared with sdk-cpp) and ``ctest``.

Prints a per-API x language verdict table; exit 1 when any cell failed. Usage:
``python generator/tests/apis/run.py [--api NAME ...] [--language LANG ...] [--keep DIR]``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
LANGUAGES = ("python", "node", "go", "cpp")
STATICCHECK = "honnef.co/go/tools/cmd/staticcheck@v0.8.2"
FILE_LINE = re.compile(r"\S+\.proto:\d+")


@dataclass
class Cell:
    verdict: str  # "ok", "FAIL", "refused", "skip"
    seconds: float
    detail: str = ""


def apis() -> list[Path]:
    return sorted(p for p in HERE.iterdir() if (p / "pyproject.toml").is_file() and (p / "proto").is_dir())


def is_refused(api: Path) -> bool:
    data = tomllib.loads((api / "pyproject.toml").read_text(encoding="utf-8"))
    return bool(data.get("tool", {}).get("l8gen-corpus", {}).get("refused", False))


def _run(cmd: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[int, str]:
    merged = {**os.environ, **(env or {})}
    proc = subprocess.run(list(cmd), cwd=cwd, env=merged, capture_output=True, text=True, check=False)
    return proc.returncode, (proc.stdout + proc.stderr).strip()


def generate(api: Path, out: Path) -> tuple[int, str]:
    return _run(["l8gen", "generate", "--proto-root", str(api / "proto"), "--out", str(out),
                 "--config", str(api / "pyproject.toml"), "--no-cache"], cwd=api)


def check_refused(api: Path, out: Path) -> Cell:
    started = time.monotonic()
    code, output = generate(api, out)
    problems = [line for line in output.splitlines() if line.strip()]
    written = [p for p in out.rglob("*") if p.is_file()]
    bad = [line for line in problems if not FILE_LINE.search(line) and not line.startswith(("l8gen:", " "))]
    if code != 2:
        return Cell("FAIL", time.monotonic() - started, f"exit {code}, expected 2\n{output}")
    if written:
        return Cell("FAIL", time.monotonic() - started, f"{len(written)} files written: {written[:3]}")
    if not any(FILE_LINE.search(line) for line in problems) or bad:
        return Cell("FAIL", time.monotonic() - started, f"problems without file:line:\n{output}")
    return Cell("refused", time.monotonic() - started, output)


def api_vectors(api: Path, out: Path) -> Path:
    """The connection contract vectors (compat-tests/vectors/connection.json, CONTRACTS §5) for the API in
    ``api``: this repository's endpoint variable names and default port replaced by that API's, as its profile
    resolves them (``[tool.l8gen.api]`` or the generic defaults)."""
    from l8gen.config import load_options

    def names(pyproject: Path) -> dict[str, str]:
        opts = load_options(pyproject)
        env = opts.api.env.resolved(opts.sdk_name)
        return {"endpoint": env.endpoint, "token": env.token, "host": env.host, "port": env.port,
                "default_port": str(opts.api.default_port)}

    ours, theirs = names(ROOT / "pyproject.toml"), names(api / "pyproject.toml")
    text = (ROOT / "compat-tests" / "vectors" / "connection.json").read_text(encoding="utf-8")
    for key in sorted(ours, key=lambda k: -len(ours[k])):  # longest first: no name is a prefix of a later one
        text = text.replace(ours[key], theirs[key])
    out.write_text(text, encoding="utf-8")
    return out


def _steps(language: str, sdk: Path, api_name: str) -> list[list[str]]:
    if language == "python":
        package = tomllib.loads((HERE / api_name / "pyproject.toml").read_text())["tool"]["l8gen"][
            "python"]["package"]
        return [[sys.executable, "-c", f"import sys; sys.path.insert(0, 'src'); import {package}"],
                ["mypy", f"src/{package}"], ["ruff", "check", "--output-format=concise", "."]]
    if language == "node":
        return [["npm", "run", "build"], ["npm", "run", "lint"], ["npm", "run", "typecheck"]]
    if language == "go":
        return [["go", "build", "./..."], ["go", "vet", "./..."], ["go", "run", STATICCHECK, "./..."]]
    build = sdk.parent.parent / "build-cpp"
    vectors = api_vectors(HERE / api_name, sdk.parent.parent / "connection.json")
    return [["cmake", "-S", ".", "-B", str(build), "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Debug",
             "-DL8SDK_BUILD_TESTS=ON", "-DCMAKE_CXX_FLAGS=-Wall -Wextra -Werror",
             f"-DL8SDK_CONNECTION_VECTORS={vectors}",
             "-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"],
            ["cmake", "--build", str(build)], ["ctest", "--test-dir", str(build), "--output-on-failure"]]


def check_language(language: str, sdk: Path, api_name: str) -> Cell:
    started = time.monotonic()
    if not sdk.is_dir():
        return Cell("skip", 0.0, f"{sdk} not generated")
    env = {"CCACHE_BASEDIR": str(sdk.parent.parent), "CCACHE_NOHASHDIR": "1"}
    if language == "node":
        modules = ROOT / "sdks" / "node" / "node_modules"
        if not modules.is_dir():
            return Cell("FAIL", 0.0, f"{modules} missing: run `nox -s bootstrap` (npm ci)")
        (sdk / "node_modules").symlink_to(modules)
    for cmd in _steps(language, sdk, api_name):
        code, output = _run(cmd, sdk, env)
        if code != 0:
            return Cell("FAIL", time.monotonic() - started, f"$ {' '.join(cmd)}\n{output[-4000:]}")
    return Cell("ok", time.monotonic() - started)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--api", action="append", default=None, help="corpus entry (repeatable; default all)")
    parser.add_argument("--language", action="append", default=None, choices=LANGUAGES)
    parser.add_argument("--keep", type=Path, default=None, help="generate here and keep it (default: temp)")
    args = parser.parse_args(argv)
    selected = [a for a in apis() if not args.api or a.name in args.api]
    languages = args.language or list(LANGUAGES)
    work = args.keep or Path(tempfile.mkdtemp(prefix="l8-generality-"))
    table: dict[str, dict[str, Cell]] = {}
    try:
        for api in selected:
            out = work / api.name
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir(parents=True)
            if is_refused(api):
                table[api.name] = {"generate": check_refused(api, out)}
                continue
            started = time.monotonic()
            code, output = generate(api, out)
            row = table[api.name] = {"generate": Cell("ok" if code == 0 else "FAIL",
                                                      time.monotonic() - started, output if code else "")}
            for language in languages:
                if code == 0:
                    row[language] = check_language(language, out / "sdks" / language, api.name)
                verdict = row.get(language, Cell("skip", 0)).verdict
                print(f"generality: {api.name:<10} {language:<7} {verdict}", flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return report(table, ["generate", *languages])


def report(table: dict[str, dict[str, Cell]], columns: list[str]) -> int:
    failed = 0
    for api, row in table.items():
        for column, cell in row.items():
            if cell.verdict == "FAIL":
                failed += 1
                print(f"\n----- {api} / {column} -----\n{cell.detail}")
    print("\n" + f"{'api':<12}" + "".join(f"{c:<16}" for c in columns))
    for api, row in table.items():
        cells = [row.get(c) for c in columns]
        print(f"{api:<12}" + "".join(f"{(f'{c.verdict} {c.seconds:.0f}s' if c else '-'):<16}" for c in cells))
    print(f"generality: {len(table)} APIs, {failed} failed cells")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
