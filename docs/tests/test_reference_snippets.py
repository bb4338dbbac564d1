"""The API reference's call snippets are real code: Python snippets run against the reference runtime (each
call must reach the runtime: it answers or fails with ``L8Error``, never a Python error such as a wrong
method or keyword), Go snippets compile, TypeScript snippets type-check against the built Node SDK
(``tsc --strict``).

Place: docs tests (``nox -s docs``); snippets are read from the generated docs/reference/md pages.
Go snippets compile (``go vet`` in a module that replaces the SDK with sdks/go). C++
snippets compile in ``test_from_checkout.test_cpp_from_checkout`` (against the SDK installed exactly as
the README says). Not covered yet: Go/TypeScript/C++ snippets are not run.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
MD = REPO / "docs" / "reference" / "md"
APP = "implemented by your application"


def snippets(fence: str) -> list[tuple[str, str]]:
    """(page#rpc, code) of every ``<fence> reference`` block, in page order."""
    found = []
    for page in sorted(MD.glob("*.md")):
        text = page.read_text(encoding="utf-8")
        for section in re.split(r"^## ", text, flags=re.M)[1:]:
            rpc = section.split("\n", 1)[0].strip()
            for code in re.findall(rf"^```{fence} reference\n(.*?)^```$", section, re.M | re.S):
                found.append((f"{page.stem}.{rpc}", code))
    return found


@pytest.fixture(scope="module")
def runtime() -> Iterator[str]:
    proc = subprocess.Popen([str(Path(sys.executable).parent / "l8-runtime"), "--grpc-port", "0",
                             "--http-port", "0", "--log-level", "error"], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    found = re.search(r"grpc=(\S+)", line)
    assert found, line
    try:
        yield found.group(1)
    finally:
        proc.terminate()
        proc.wait(timeout=15)


def test_every_rpc_has_a_snippet_per_language() -> None:
    counts = {fence: len(snippets(fence)) for fence in ("python", "ts", "go", "cpp")}
    rpcs = len(json.loads((REPO / "docs/reference/html/search-index.json").read_text()))
    assert set(counts.values()) == {rpcs}, counts


def test_python_snippets_reach_the_runtime(runtime: str) -> None:
    program = '''
import json, sys
from l8sdk import L8Error
results = {}
for name, code in json.load(sys.stdin):
    try:
        exec(compile(code, name, "exec"), {})
        results[name] = "ok"
    except L8Error as exc:
        results[name] = "L8Error " + exc.code
    except Exception as exc:
        results[name] = "PYTHON " + type(exc).__name__ + ": " + str(exc)
print(json.dumps(results))
'''
    # bidi snippets wait for the runtime's next message (no end) and app snippets only define a class
    runnable = [(n, c) for n, c in snippets("python") if APP not in c and "stream = " not in c]
    bidi_or_app = [(n, c) for n, c in snippets("python") if (n, c) not in runnable]
    for name, code in bidi_or_app:
        compile(code, name, "exec")
    proc = subprocess.run([sys.executable, "-c", program], input=json.dumps(runnable), capture_output=True,
                          text=True, timeout=600, env={**os.environ, "L8_GRPC_ENDPOINT": runtime}, check=True)
    results = json.loads(proc.stdout)
    bad = {name: r for name, r in results.items() if r.startswith("PYTHON") or "UNAVAILABLE" in r}
    ok = sum(r == "ok" for r in results.values())
    errors = len(results) - ok - len(bad)
    kinds = sorted(set(results.values()))
    print(f"python reference snippets: {len(results)} run ({ok} ok, {errors} L8Error from the runtime: "
          f"{kinds}), {len(bidi_or_app)} compiled only")
    assert bad == {}
    assert len(results) == len(runnable) > 0


def test_typescript_snippets_type_check(tmp_path: Path) -> None:
    node = REPO / "sdks" / "node"
    if not (node / "dist" / "index.d.ts").is_file():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=node, check=True, capture_output=True)
        subprocess.run(["npm", "run", "build"], cwd=node, check=True, capture_output=True)
    code_list = [(n, c) for n, c in snippets("ts") if APP not in c]
    for i, (_, code) in enumerate(code_list):
        code = code.replace('"@l8sdk/sdk"', json.dumps(str(node / "dist" / "index.js")))
        (tmp_path / f"s{i:03d}.mts").write_text(code + "\nexport {};\n")
    (tmp_path / "tsconfig.json").write_text(json.dumps({
        "compilerOptions": {"target": "ES2022", "module": "Node16", "moduleResolution": "Node16",
                            "strict": True, "noEmit": True, "types": [], "skipLibCheck": True},
        "include": ["*.mts"]}))
    proc = subprocess.run([str(node / "node_modules" / ".bin" / "tsc"), "-p", str(tmp_path)],
                          capture_output=True, text=True, check=False)
    print(f"typescript reference snippets: {len(code_list)} type-checked")
    assert proc.returncode == 0, proc.stdout[-4000:]


def go_program(code: str) -> str:
    """A snippet as a Go main package: the import block stays at the top; a client call goes into a function
    ``run(ctx) error`` (the context the snippets assume), an application handler stays top-level."""
    imports, _, body = code.partition(")\n")
    if APP in body:
        return f"package main\n\n{imports})\n{body}\nfunc main() {{}}\n"
    indented = "\n".join("\t" + line if line else "" for line in body.strip("\n").split("\n"))
    head = f"package main\n\n{imports}\t\"context\"\n)\n\n"
    return (f"{head}func run(ctx context.Context) error {{\n{indented}\n"
            "\treturn nil\n}\n\nfunc main() { _ = run(context.Background()) }\n")


def test_go_snippets_compile(tmp_path: Path) -> None:
    module = "github.com/l8sdk/l8sdk-go"
    code_list = snippets("go")
    for i, (_, code) in enumerate(code_list):
        (tmp_path / f"s{i:03d}").mkdir()
        (tmp_path / f"s{i:03d}" / "main.go").write_text(go_program(code))
    (tmp_path / "go.mod").write_text(f"module example.com/refcheck\n\ngo 1.26\n\nrequire {module} v0.1.0\n\n"
                                     f"replace {module} => {REPO / 'sdks' / 'go'}\n")
    env = {**os.environ, "GOFLAGS": "-mod=mod"}
    tidy = subprocess.run(["go", "mod", "tidy"], cwd=tmp_path, capture_output=True, text=True, env=env,
                          check=False)
    assert tidy.returncode == 0, tidy.stderr[-3000:]
    proc = subprocess.run(["go", "vet", "./..."], cwd=tmp_path, capture_output=True, text=True, env=env,
                          timeout=900, check=False)
    print(f"go reference snippets: {len(code_list)} compiled (go vet)")
    assert proc.returncode == 0, proc.stderr[-4000:]


def cpp_program(code_list: list[tuple[str, str]]) -> str:
    """All C++ snippets in one translation unit: includes on top, each client call in its own function, each
    application handler class in its own namespace."""
    lines = [line for _, code in code_list for line in code.splitlines()]
    includes = sorted({line for line in lines if line.startswith("#include")})
    parts = [*includes, "#include <vector>", ""]
    for i, (name, code) in enumerate(code_list):
        body = "\n".join(line for line in code.splitlines() if not line.startswith("#include"))
        if APP in code:
            parts.append(f"namespace s{i} {{  // {name}\n{body}\n}}  // namespace s{i}\n")
        else:
            parts.append(f"[[maybe_unused]] int s{i}() {{  // {name}\n{body}\n  return 0;\n}}\n")
    parts.append("int main() { return 0; }\n")
    return "\n".join(parts)


def compile_cpp_snippets(project: Path, prefix: Path) -> int:
    """Compile every C++ reference snippet against the SDK installed in ``prefix``; returns how many."""
    code_list = snippets("cpp")
    project.mkdir(parents=True, exist_ok=True)
    (project / "main.cc").write_text(cpp_program(code_list))
    (project / "CMakeLists.txt").write_text(
        "cmake_minimum_required(VERSION 3.21)\nproject(snippets LANGUAGES CXX)\n"
        "find_package(l8sdk CONFIG REQUIRED)\nadd_executable(snippets main.cc)\n"
        "target_link_libraries(snippets PRIVATE l8::sdk)\n")
    for command in (["cmake", "-S", ".", "-B", "build", "-G", "Ninja", f"-DCMAKE_PREFIX_PATH={prefix}"],
                    ["cmake", "--build", "build"]):
        proc = subprocess.run(command, cwd=project, capture_output=True, text=True, check=False, timeout=900)
        assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    return len(code_list)
