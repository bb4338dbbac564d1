"""The API reference has one call snippet per RPC and language; the C++ ones also compile against the SDK
installed exactly as the README's from-checkout block says (``test_from_checkout.test_cpp_from_checkout``).

Place: docs tests (``nox -s docs``); snippets are read from the generated docs/reference/md pages. Running
every snippet (and every README block) in all four languages is ``docs/tests/examples/run.py``.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

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


def test_every_rpc_has_a_snippet_per_language() -> None:
    counts = {fence: len(snippets(fence)) for fence in ("python", "ts", "go", "cpp")}
    rpcs = len(json.loads((REPO / "docs/reference/html/search-index.json").read_text()))
    assert set(counts.values()) == {rpcs}, counts


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
