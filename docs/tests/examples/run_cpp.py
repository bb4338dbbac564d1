"""Compile the C++ blocks into one program against the installed SDK and run it against the reference runtime.

Place: called by ``run.py`` with the blocks whose runner is ``cpp``. The SDK is built once: the CMake tree
``compat-tests/.build/cpp`` (the one ``nox -s sdk-cpp`` and the harness build; only the ``l8sdk`` target is
built here when it is missing) is installed with ``cmake --install`` into a scratch prefix, and a scratch
project finds it with ``find_package(l8sdk CONFIG)`` exactly as the README says. Harness
(``docs/tests/examples/README.md``): all blocks go into one translation unit; ``#include`` lines are
hoisted; each block becomes ``int exNNN()`` (a fragment that uses ``client`` without creating it first gets
``auto client = l8::Client::Create();``); a block that declares ``class App`` (an application-side handler)
stays in its own namespace and its method is called through the gRPC ``Service`` base with empty messages.
After a block, the harness reports the last ``reply``/``status`` it declared (an ``l8::Result``). Pass/fail
rules as in ``run_python``; a nonzero return is a failure.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

from blocks import REPO, Block

BUILD = REPO / "compat-tests" / ".build" / "cpp"
CCACHE = {"CCACHE_BASEDIR": str(REPO), "CCACHE_NOHASHDIR": "1"}
APP = re.compile(r"class App final : public (\S+)::Service")
HANDLER = re.compile(
    r"grpc::Status (\w+)\(grpc::ServerContext\* context, const (\S+)\* request,\s*(\S+)\* response\)"
)
MARK = "@@l8example "

PRELUDE = r"""#include <chrono>
#include <cstdlib>
#include <future>
#include <iostream>
#include <memory>
#include <thread>
#include <string>
#include <vector>
#include <l8/sdk.h>

namespace l8ex {
std::string outcome;  // "" = the last reported call succeeded, else its status code name
template <class T>
void Report(const l8::Result<T>& result) {
  outcome = result.ok() ? "" : std::string(result.error().code_name()) + ": " + result.error().message();
}
template <class T>
void Report(const T&) {}
}  // namespace l8ex
"""


def _function(i: int, block: Block, code: str) -> str:
    app = APP.search(code)
    if app:
        handler = HANDLER.search(code)
        assert handler, f"{block.name}: an App class without a handler method"
        method, request, response = handler.groups()
        return (
            f"namespace ex{i:03d}ns {{  // {block.name}\n{code.strip()}\n}}  // namespace ex{i:03d}ns\n\n"
            f"int ex{i:03d}() {{\n  ex{i:03d}ns::App app;\n  {app.group(1)}::Service& service = app;\n"
            f"  grpc::ServerContext context;\n  {request} request;\n  {response} response;\n"
            f"  return service.{method}(&context, &request, &response).ok() ? 0 : 1;\n}}\n"
        )
    body = code.strip("\n")
    if re.search(r"\bclient->", body) and not re.search(r"\bauto client\b", body):
        body = "auto client = l8::Client::Create();\nif (!client.ok()) { return 1; }\n" + body
    reported = re.findall(r"\bauto (reply|status) =", body)
    report = f"  l8ex::Report({reported[-1]});\n" if reported else ""
    indented = "\n".join("  " + line if line else "" for line in body.split("\n"))
    head = f"int ex{i:03d}() {{  // {block.name}\n  l8ex::outcome.clear();\n"
    return f"{head}{indented}\n{report}  return 0;\n}}\n"


def program(blocks: list[Block]) -> str:
    """One translation unit: hoisted includes, a function per block, ``main`` reporting each."""
    includes: list[str] = []
    funcs, calls = [], []
    for i, block in enumerate(blocks):
        lines = block.code.splitlines()
        includes += [line for line in lines if line.startswith("#include") and line not in includes]
        code = "\n".join(line for line in lines if not line.startswith("#include"))
        funcs.append(_function(i, block, code))
        calls.append(f"  Run({json.dumps(block.name)}, {str(block.lenient).lower()}, ex{i:03d});")
    main = (
        "void Run(const char* name, bool lenient, int (*fn)()) {\n"
        "  auto done = std::make_shared<std::promise<int>>();\n"
        "  std::future<int> result = done->get_future();\n"
        "  std::thread([fn, done] { done->set_value(fn()); }).detach();  // a hung block is left behind\n"
        "  bool finished = result.wait_for(std::chrono::seconds(30)) == std::future_status::ready;\n"
        "  int code = finished ? result.get() : -1;\n"
        '  std::string out = finished ? l8ex::outcome : std::string("no answer within 30 s");\n'
        '  bool bad = code != 0 || (!out.empty() && (!lenient || out.rfind("UNAVAILABLE", 0) == 0 ||\n'
        '      out.rfind("UNKNOWN", 0) == 0 || out.rfind("INTERNAL", 0) == 0));\n'
        f'  std::cout << "\\n{MARK}" << (bad ? "FAIL" : "ok") << "\\t" << name << "\\t" << out\n'
        '            << (code > 0 ? " returned " + std::to_string(code) : std::string()) << std::endl;\n}\n\n'
        "int main() {\n" + "\n".join(calls) + "\n  std::_Exit(0);  // do not wait for a hung block\n}\n"
    )
    return PRELUDE + "\n".join(includes) + "\n\n" + "\n".join(funcs) + "\n" + main


def _prefix(scratch: Path) -> Path:
    """Install the SDK from the shared build tree (building its library first when needed)."""
    env = {**os.environ, **CCACHE}
    if not (BUILD / "CMakeCache.txt").is_file():
        subprocess.run(
            [
                "cmake",
                "-S",
                str(REPO / "sdks" / "cpp"),
                "-B",
                str(BUILD),
                "-G",
                "Ninja",
                "-DCMAKE_BUILD_TYPE=Release",
            ],
            check=True,
            capture_output=True,
            env=env,
        )
    subprocess.run(
        ["cmake", "--build", str(BUILD), "--target", "l8sdk"], check=True, capture_output=True, env=env
    )
    prefix = scratch / "cpp-prefix"
    subprocess.run(
        ["cmake", "--install", str(BUILD), "--prefix", str(prefix), "--component", "Unspecified"],
        check=False,
        capture_output=True,
    )
    if not list(prefix.rglob("l8sdkConfig.cmake")):
        subprocess.run(
            ["cmake", "--install", str(BUILD), "--prefix", str(prefix)], check=True, capture_output=True
        )
    return prefix


def run(blocks: list[Block], endpoint: str, scratch: Path) -> dict[str, tuple[bool, str]]:
    """{block name: (passed, detail)} for every C++ block."""
    work = scratch / "cpp"
    work.mkdir(parents=True, exist_ok=True)
    try:
        prefix = _prefix(scratch)
    except subprocess.CalledProcessError as exc:
        return {b.name: (False, f"SDK build/install failed: {exc.stderr[-1500:]!r}") for b in blocks}
    (work / "main.cc").write_text(program(blocks), encoding="utf-8")
    (work / "CMakeLists.txt").write_text(
        "cmake_minimum_required(VERSION 3.21)\nproject(l8examples LANGUAGES CXX)\n"
        "find_package(l8sdk CONFIG REQUIRED)\nadd_executable(examples main.cc)\n"
        "target_link_libraries(examples PRIVATE l8::sdk)\n"
    )
    env = {**os.environ, **CCACHE, "L8_GRPC_ENDPOINT": endpoint}
    for command in (
        ["cmake", "-S", ".", "-B", "build", "-G", "Ninja", f"-DCMAKE_PREFIX_PATH={prefix}"],
        ["cmake", "--build", "build"],
    ):
        proc = subprocess.run(
            command, cwd=work, capture_output=True, text=True, check=False, env=env, timeout=1800
        )
        if proc.returncode != 0:
            return _compile_errors(blocks, proc.stdout + proc.stderr, work)
    try:
        proc = subprocess.run(
            ["./build/examples"], cwd=work, capture_output=True, text=True, env=env, timeout=600, check=False
        )
        stdout = proc.stdout
    except subprocess.TimeoutExpired as exc:
        stdout = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
    results: dict[str, tuple[bool, str]] = {}
    for line in stdout.splitlines():
        if line.startswith(MARK):
            status, name, detail = (line[len(MARK) :].split("\t") + ["", ""])[:3]
            results[name] = (status == "ok", detail)
    return {b.name: results.get(b.name, (False, "did not finish (crash or hang)")) for b in blocks}


def _compile_errors(blocks: list[Block], output: str, work: Path) -> dict[str, tuple[bool, str]]:
    source = (work / "main.cc").read_text().splitlines()
    names = {f"// {b.name}": i for i, b in enumerate(blocks)}
    owner, current = {}, -1
    for number, line in enumerate(source, 1):
        for marker, index in names.items():
            if line.endswith(marker):
                current = index
        owner[number] = current
    errors: dict[int, list[str]] = {}
    for line in output.splitlines():
        found = re.search(r"main\.cc:(\d+):\d+: error: (.*)", line)
        if found:
            errors.setdefault(owner.get(int(found.group(1)), -1), []).append(found.group(2))
    if not errors or -1 in errors:
        return {b.name: (False, f"C++ build failed: {output[-1500:]}") for b in blocks}
    return {
        b.name: (
            False,
            "c++: " + "; ".join(errors[i][:3]) if i in errors else "not run: another block does not compile",
        )
        for i, b in enumerate(blocks)
    }
