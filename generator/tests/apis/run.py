"""The generality check (`nox -s generality`): every corpus API in generator/tests/apis/ -> four SDKs, built
and checked the way their own nox sessions check sdks/<lang>.

Each corpus entry is a folder with ``proto/`` and a ``pyproject.toml`` (``[tool.l8gen]``). An entry whose
pyproject has ``[tool.l8gen-corpus] refused = true`` must make ``l8gen generate`` exit 2, name every problem
with ``file:line`` and write nothing. Every other entry must generate with exit 0, and then:

each registered language with a ``[check]`` table in its language.toml runs those steps in the SDK it
generated (built-ins: Python import + ``mypy --strict`` + ruff + its pytest tests; Node ``tsc --strict`` build
+ biome + its tests; Go build + vet + staticcheck + ``go test -short``; C++ a ``-Wall -Wextra -Werror`` CMake
build through ccache + ``ctest``). A language added to the registry with a ``[check]`` joins without an edit
here.

The SDKs' 50 s reconnect-outage test is the same code for every API; it runs in ``sdk-go``/``sdk-node`` for
this repository's SDKs and is skipped here (``-short`` / ``L8GEN_TEST_SHORT=1``). Prints a per-API x language
verdict table; exit 1 when any cell failed. Usage:
``python generator/tests/apis/run.py [--api NAME ...] [--language LANG ...] [--keep DIR] [--jobs N]``.
Two APIs are checked at once (``--jobs``), but never two cells of one language (they share its caches),
so while one API's C++ compiles, another's Node, Go and Python checks run.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from l8gen.config import load_options
from l8gen.languages import LanguageSpec, discover

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
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


def _expand(text: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text


def snapshot_links(specs: Sequence[LanguageSpec], work: Path) -> dict[str, Path]:
    """Each ``[check]`` link target (a path of the repository, e.g. sdks/node/node_modules), hard-linked once
    into ``work``: inside ``nox -s ci`` this check runs beside steps that reinstall such a tree (``npm ci``
    in sdks/node empties node_modules first), which must not pull it from under a check. Symlinks inside it
    stay symlinks; files are hard links, so the copy costs no data."""
    snapshots: dict[str, Path] = {}
    for target in sorted({t for spec in specs if spec.check for t in spec.check["link"].values()}):
        source = ROOT / target
        if source.exists():
            copy = work / "links" / target
            shutil.rmtree(copy, ignore_errors=True)  # --keep DIR of an earlier run
            shutil.copytree(source, copy, symlinks=True, copy_function=os.link)
            snapshots[target] = copy
    return snapshots


def check_language(spec: LanguageSpec, sdk: Path, api: Path, links: dict[str, Path]) -> Cell:
    """Run the language's ``[check]`` (its language.toml) in the SDK generated for ``api``."""
    started = time.monotonic()
    if not sdk.is_dir():
        return Cell("skip", 0.0, f"{sdk} not generated")
    assert spec.check is not None
    work = sdk.parent.parent
    options = load_options(api / "pyproject.toml").languages
    values = {"python": sys.executable, "repo": str(ROOT), "sdk": str(sdk), "work": str(work),
              "build": str(work / f"build-{spec.name}"), "package": spec.package(options)}
    for link, target in spec.check["link"].items():
        source = links.get(target)
        if source is None:
            return Cell("FAIL", 0.0, f"{ROOT / target} missing: run `nox -s bootstrap`")
        (sdk / link).symlink_to(source)
    env = {key: _expand(value, values) for key, value in spec.check["env"].items()}
    for step in spec.check["steps"]:
        cmd = [_expand(arg, values) for arg in step]
        code, output = _run(cmd, sdk, env)
        if code != 0:
            return Cell("FAIL", time.monotonic() - started, f"$ {' '.join(cmd)}\n{output[-4000:]}")
    return Cell("ok", time.monotonic() - started)


def check_api(api: Path, out: Path, languages: list[str], checked: dict[str, LanguageSpec],
              locks: dict[str, threading.Lock], links: dict[str, Path]) -> dict[str, Cell]:
    """Generate one API's SDKs into ``out`` and run each language's check (or expect the refusal). A
    language's cells hold its lock: two cells of one language never run at once (they share its caches:
    the mypy cache, Go's build cache, ccache), while cells of other languages and APIs do."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    if is_refused(api):
        return {"generate": check_refused(api, out)}
    started = time.monotonic()
    code, output = generate(api, out)
    elapsed = time.monotonic() - started
    row = {"generate": Cell("ok" if code == 0 else "FAIL", elapsed, output if code else "")}
    for language in languages:
        if code == 0:
            spec = checked[language]
            with locks[language]:
                row[language] = check_language(spec, out / spec.out_dir, api, links)
        verdict = row.get(language, Cell("skip", 0)).verdict
        print(f"generality: {api.name:<10} {language:<7} {verdict}", flush=True)
    return row


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--api", action="append", default=None, help="corpus entry (repeatable; default all)")
    checked = {name: spec for name, spec in discover().items() if spec.check is not None}
    parser.add_argument("--language", action="append", default=None, choices=list(checked))
    parser.add_argument("--keep", type=Path, default=None, help="generate here and keep it (default: temp)")
    parser.add_argument("--jobs", type=int, default=2, help="APIs checked at once (default 2)")
    args = parser.parse_args(argv)
    selected = [a for a in apis() if not args.api or a.name in args.api]
    languages = args.language or list(checked)
    work = args.keep or Path(tempfile.mkdtemp(prefix="l8-generality-"))
    locks = {language: threading.Lock() for language in languages}
    try:
        links = snapshot_links([checked[language] for language in languages], work)
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            rows = [pool.submit(check_api, a, work / a.name, languages, checked, locks, links)
                    for a in selected]
            table = {api.name: row.result() for api, row in zip(selected, rows, strict=True)}
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
