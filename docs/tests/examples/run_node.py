"""Run the TypeScript blocks against the reference runtime: one ``tsc --strict`` build, one Node process.

Place: called by ``run.py`` with the blocks whose runner is ``ts``. Harness
(``docs/tests/examples/README.md``): each block becomes an ES module ``bNNN.mts`` in a scratch project whose
``node_modules/@l8sdk/sdk`` links to ``sdks/node`` (built with ``npm ci && npm run build`` when ``dist/`` is
missing), so ``import ... from "@l8sdk/sdk"`` resolves as in an application. A fragment that uses ``client``
without creating it gets ``const client = new Client()`` (ready) before and ``client.close()`` after, and
the SDK names it uses (``Client``, ``L8Error``) imported. ``tsc --strict`` compiles all of them at once;
then one Node process imports each module in order (top-level await) and calls the functions of an exported
``handlers`` object (an application-side handler) with an empty request. Pass/fail rules as in
``run_python``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

from blocks import REPO, Block

NODE_SDK = REPO / "sdks" / "node"
PACKAGE = "@l8sdk/sdk"

RUNNER = r"""
import { pathToFileURL } from "node:url";
import { L8Error } from "@l8sdk/sdk";
const BAD = new Set(["UNAVAILABLE", "UNKNOWN", "INTERNAL"]);
const blocks = JSON.parse(process.argv[2]);
const results = {};
for (const [name, file, lenient] of blocks) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error("no answer within 30 s")), 30000);
  });
  try {
    const mod = await Promise.race([import(pathToFileURL(file).href), timeout]);
    for (const [key, fn] of Object.entries(mod.handlers ?? {})) {
      if (typeof fn === "function" && fn({}) === undefined) {
        throw new Error(`handlers.${key} returned undefined`);
      }
    }
    results[name] = ["ok", ""];
  } catch (err) {
    if (err instanceof L8Error) {
      results[name] = [lenient && !BAD.has(err.code) ? "ok" : "FAIL", `L8Error ${err.code}: ${err.message}`];
    } else {
      results[name] = ["FAIL", String(err && err.stack || err)];
    }
  } finally {
    clearTimeout(timer);
  }
}
console.log("\n" + JSON.stringify(results));
process.exit(0);
"""


def _harnessed(code: str) -> str:
    """The block as a module; a fragment gets its client and the SDK imports it relies on."""
    imported = set(re.findall(r"\b(\w+)\b", " ".join(re.findall(r"import\s*(?:type\s*)?\{([^}]*)\}", code))))
    fragment = bool(re.search(r"\bclient\.", code)) and not re.search(r"\b(const|let)\s+client\b", code)
    names = sorted(
        n
        for n in ("Client", "L8Error")
        if n not in imported and (re.search(rf"\b{n}\b", code) or (fragment and n == "Client"))
    )
    head = f'import {{ {", ".join(names)} }} from "{PACKAGE}";\n' if names else ""
    if fragment:
        head += "const client = new Client();\nawait client.waitForReady({ timeoutMs: 10000 });\n"
    tail = "\nclient.close();\n" if fragment else "\n"
    return head + code + tail + "export {};\n"


def _ensure_built() -> None:
    if not (NODE_SDK / "dist" / "index.js").is_file() or not (NODE_SDK / "node_modules").is_dir():
        for command in (
            ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            ["npm", "run", "build"],
        ):
            subprocess.run(command, cwd=NODE_SDK, check=True, capture_output=True)


def _install(work: Path) -> None:
    """``node_modules`` as ``npm install`` of the SDK leaves it: the package and its dependencies, hoisted."""
    modules = work / "node_modules"
    (modules / "@l8sdk").mkdir(parents=True, exist_ok=True)
    (modules / "@l8sdk" / "sdk").symlink_to(NODE_SDK)
    for dependency in (NODE_SDK / "node_modules").iterdir():
        if dependency.name.startswith("."):
            continue
        if dependency.name.startswith("@"):
            for inner in dependency.iterdir():
                if not (modules / dependency.name / inner.name).exists():
                    (modules / dependency.name).mkdir(exist_ok=True)
                    (modules / dependency.name / inner.name).symlink_to(inner)
        else:
            (modules / dependency.name).symlink_to(dependency)


def run(blocks: list[Block], endpoint: str, scratch: Path) -> dict[str, tuple[bool, str]]:
    """{block name: (passed, detail)} for every TypeScript block."""
    _ensure_built()
    work = scratch / "node"
    _install(work)
    (work / "package.json").write_text('{"name": "l8-examples", "private": true, "type": "module"}\n')
    files = []
    for i, block in enumerate(blocks):
        (work / f"b{i:03d}.mts").write_text(_harnessed(block.code), encoding="utf-8")
        files.append((block.name, str(work / "out" / f"b{i:03d}.mjs"), block.lenient))
    (work / "tsconfig.json").write_text(
        json.dumps(
            {
                "compilerOptions": {
                    "target": "ES2022",
                    "module": "Node16",
                    "moduleResolution": "Node16",
                    "strict": True,
                    "outDir": "out",
                    "types": ["node"],
                    "skipLibCheck": True,
                    "noUnusedLocals": False,
                },
                "include": ["*.mts"],
            }
        )
    )
    tsc = subprocess.run(
        [str(NODE_SDK / "node_modules" / ".bin" / "tsc"), "-p", str(work)],
        capture_output=True,
        text=True,
        check=False,
    )
    if tsc.returncode != 0:
        errors: dict[int, list[str]] = {}
        for line in tsc.stdout.splitlines():
            found = re.search(r"b(\d{3})\.mts\((\d+),\d+\): (.*)", line)
            if found:
                errors.setdefault(int(found.group(1)), []).append(f"line {found.group(2)}: {found.group(3)}")
        if not errors:
            return {b.name: (False, f"tsc failed: {tsc.stdout[-1500:]}") for b in blocks}
        failed = {
            b.name: (False, "tsc: " + "; ".join(errors[i])) for i, b in enumerate(blocks) if i in errors
        }
        files = [f for f in files if f[0] not in failed]  # tsc still emitted the others: run them
    else:
        failed = {}
    (work / "runner.mjs").write_text(RUNNER)
    proc = subprocess.run(
        ["node", "runner.mjs", json.dumps(files)],
        cwd=work,
        capture_output=True,
        text=True,
        env={**os.environ, "L8_GRPC_ENDPOINT": endpoint},
        timeout=1200,
        check=False,
    )
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines or not lines[-1].startswith("{"):
        return {b.name: (False, f"node runner failed: {proc.stderr[-2000:]}") for b in blocks} | failed
    results = json.loads(lines[-1])
    return {**{name: (status == "ok", detail) for name, (status, detail) in results.items()}, **failed}
