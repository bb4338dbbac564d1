"""Run the Go blocks against the reference runtime: one ``go run`` of one generated program.

Place: called by ``run.py`` with the blocks whose runner is ``go``. Harness
(``docs/tests/examples/README.md``): a scratch module requires the SDK with a ``replace`` to ``sdks/go`` (as
"Use it from this checkout" says). Each block becomes a function ``func exNNN(ctx context.Context) error``
whose body is the block (its ``import`` block is merged into the file's imports; the SDK and standard
packages it names without importing them are added: ``l8``, ``runtimev1``, ``s3``, ``fmt``, ``errors``,
``os``, ``slices``, ``errdetails``, ...). A fragment that uses ``client`` without creating it starts with
``client, clientErr := l8.New(ctx)`` (ready) and ``defer client.Close()``. A block that declares ``type app
struct{...}`` with a handler method stays at the top level (renamed per block) and its method is called with
an empty request. ``main`` calls every function in order and prints one JSON line of results. Pass/fail
rules as in ``run_python``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

from blocks import REPO, Block

MODULE = "github.com/l8sdk/l8sdk-go"
KNOWN = {  # alias -> import path, for names a fragment uses without importing them
    "l8": MODULE,
    "runtimev1": f"{MODULE}/proto/runtime/v1",
    "s3": f"{MODULE}/proto/extension/v1/s3",
    "errdetails": "google.golang.org/genproto/googleapis/rpc/errdetails",
    "fmt": "fmt",
    "errors": "errors",
    "os": "os",
    "slices": "slices",
    "io": "io",
    "time": "time",
    "context": "context",
    "strings": "strings",
    "cmp": "cmp",
}
IMPORT_BLOCK = re.compile(r"^import \((.*?)^\)\n", re.M | re.S)
APP = re.compile(r"func \(app\) (\w+)\(ctx context\.Context, req \*([\w.]+)\)")

MAIN = """
func main() {
	ctx := context.Background()
	results := map[string][2]string{}
	for _, ex := range examples {
		done := make(chan error, 1)
		go func() { done <- ex.run(ctx) }()
		var err error
		select {
		case err = <-done:
		case <-time.After(30 * time.Second):
			err = fmt.Errorf("no answer within 30 s")
		}
		var e *l8.Error
		switch {
		case err == nil:
			results[ex.name] = [2]string{"ok", ""}
		case errors.As(err, &e):
			name := e.CodeName()
			bad := !ex.lenient || name == "UNAVAILABLE" || name == "UNKNOWN" || name == "INTERNAL"
			status := "ok"
			if bad {
				status = "FAIL"
			}
			results[ex.name] = [2]string{status, "l8.Error " + e.CodeName() + ": " + e.Message}
		default:
			results[ex.name] = [2]string{"FAIL", err.Error()}
		}
	}
	out, _ := json.Marshal(results)
	fmt.Println()
	fmt.Println(string(out))
}
"""


def _imports(code: str) -> tuple[dict[str, str], str]:
    """({alias: path} of the block's import block, the code without it)."""
    found: dict[str, str] = {}
    match = IMPORT_BLOCK.search(code)
    if match:
        for line in match.group(1).strip().splitlines():
            parts = line.split()
            path = parts[-1].strip('"')
            found[parts[0] if len(parts) == 2 else path.rsplit("/", 1)[-1]] = path
        code = code[: match.start()] + code[match.end() :]
    for alias, path in KNOWN.items():
        if alias not in found and re.search(rf"\b{alias}\.", code):
            found[alias] = path
    return found, code


def program(blocks: list[Block]) -> str:
    """One Go main package: a function per block, a table of them, and ``main``."""
    imports: dict[str, str] = {
        "context": "context",
        "json": "encoding/json",
        "errors": "errors",
        "fmt": "fmt",
        "l8": MODULE,
        "time": "time",
    }
    funcs, table = [], []
    for i, block in enumerate(blocks):
        found, code = _imports(block.code)
        imports.update(found)
        app = APP.search(code)
        if app:
            code = re.sub(r"\bapp\b", f"app{i:03d}", code)
            funcs.append(
                f"// {block.name}\n{code.strip()}\n\nfunc ex{i:03d}(ctx context.Context) error {{\n"
                f"\t_, err := app{i:03d}{{}}.{app.group(1)}(ctx, &{app.group(2)}{{}})\n\treturn err\n}}\n"
            )
        else:
            body = code.strip("\n")
            if re.search(r"\bclient\.", body) and not re.search(r"\bclient, err :?= l8\.New", body):
                body = (
                    "client, clientErr := l8.New(ctx)\nif clientErr != nil {\n\treturn clientErr\n}\n"
                    "defer client.Close()\n"
                    "if err := client.WaitForReady(ctx); err != nil {\n\treturn err\n}\n" + body
                )
            indented = "\n".join("\t" + line if line else "" for line in body.split("\n"))
            funcs.append(
                f"// {block.name}\nfunc ex{i:03d}(ctx context.Context) error {{\n{indented}\n"
                "\treturn nil\n}\n"
            )
        table.append(f"\t{{{json.dumps(block.name)}, {str(block.lenient).lower()}, ex{i:03d}}},")
    lines = sorted(
        f'\t{alias} "{path}"' if path.rsplit("/", 1)[-1] != alias else f'\t"{path}"'
        for alias, path in imports.items()
    )
    head = "package main\n\nimport (\n" + "\n".join(lines) + "\n)\n\n"
    table_src = (
        "var examples = []struct {\n\tname    string\n\tlenient bool\n\trun     func(context.Context) error\n"
        "}{\n" + "\n".join(table) + "\n}\n"
    )
    return head + "\n".join(funcs) + "\n" + table_src + MAIN


def run(blocks: list[Block], endpoint: str, scratch: Path) -> dict[str, tuple[bool, str]]:
    """{block name: (passed, detail)} for every Go block."""
    work = scratch / "go"
    work.mkdir(parents=True, exist_ok=True)
    (work / "main.go").write_text(program(blocks), encoding="utf-8")
    (work / "go.mod").write_text(
        f"module example.com/l8examples\n\ngo 1.26\n\nrequire {MODULE} v0.1.0\n\n"
        f"replace {MODULE} => {REPO / 'sdks' / 'go'}\n"
    )
    env = {**os.environ, "GOFLAGS": "-mod=mod", "L8_GRPC_ENDPOINT": endpoint}
    tidy = subprocess.run(
        ["go", "mod", "tidy"], cwd=work, capture_output=True, text=True, env=env, check=False
    )
    if tidy.returncode != 0:
        return {b.name: (False, f"go mod tidy: {tidy.stderr[-1500:]}") for b in blocks}
    proc = subprocess.run(
        ["go", "run", "."], cwd=work, capture_output=True, text=True, env=env, timeout=1800, check=False
    )
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines or not lines[-1].startswith("{"):
        return _compile_errors(blocks, proc.stderr, work)
    results = json.loads(lines[-1])
    return {name: (status == "ok", detail) for name, (status, detail) in results.items()}


def sdk_examples(endpoint: str) -> dict[str, tuple[bool, str]]:
    """The Go SDK's ``Example`` functions with ``// Output:`` that need a runtime (build tag ``l8examples``,
    ``example_runtime_test.go``): ``go test -tags l8examples -run ^Example`` in sdks/go; {name: (passed,
    detail)}."""
    env = {**os.environ, "L8_GRPC_ENDPOINT": endpoint}
    proc = subprocess.run(["go", "test", "-tags", "l8examples", "-run", "^Example", "-count=1", "-json", "."],
                          cwd=REPO / "sdks" / "go", capture_output=True, text=True, env=env, timeout=900,
                          check=False)
    results: dict[str, tuple[bool, str]] = {}
    output: dict[str, list[str]] = {}
    for line in proc.stdout.splitlines():
        if not line.startswith("{"):
            continue
        event = json.loads(line)
        test = event.get("Test", "")
        if not test.startswith("Example"):
            continue
        if event.get("Action") == "output":
            output.setdefault(test, []).append(event.get("Output", ""))
        elif event.get("Action") in ("pass", "fail"):
            results[test] = (event["Action"] == "pass", "".join(output.get(test, []))[-800:])
    if not results:
        results["go test -tags l8examples"] = (False, (proc.stdout + proc.stderr)[-1500:])
    return results


def _compile_errors(blocks: list[Block], stderr: str, work: Path) -> dict[str, tuple[bool, str]]:
    """Attribute ``go run`` compile errors to the blocks whose function holds the line."""
    source = (work / "main.go").read_text().splitlines()
    owner: dict[int, int] = {}
    current = -1
    for number, line in enumerate(source, 1):
        found = re.match(r"// (.+)$", line)
        if found and found.group(1) in {b.name for b in blocks}:
            current = [b.name for b in blocks].index(found.group(1))
        owner[number] = current
    errors: dict[int, list[str]] = {}
    for line in stderr.splitlines():
        found = re.search(r"main\.go:(\d+):\d+: (.*)", line)
        if found:
            errors.setdefault(owner.get(int(found.group(1)), -1), []).append(found.group(2))
    if not errors or -1 in errors:
        return {b.name: (False, f"go run failed: {stderr[-1500:]}") for b in blocks}
    return {
        b.name: (
            False,
            "go: " + "; ".join(errors[i]) if i in errors else "not run: another block does not compile",
        )
        for i, b in enumerate(blocks)
    }
