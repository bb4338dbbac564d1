"""nox sessions: the entry points of every workflow (`nox -l` lists them).

Place: drives the whole pipeline — bootstrap the toolchain, generate (proto -> descriptors -> IR ->
templates -> sdks), lint and test, and run the harness (runtime image + testcontainers).

Conventions for sessions added here:
- Every session is ``venv_backend="none"`` and runs its tools from ONE shared dev virtualenv, ``.nox/dev``
  (``-e .[dev]`` + ``-e sdks/python`` + ``-e runtime-stub``), created on first use and reinstalled only when a
  pyproject.toml changes. Run tools with ``dev_run(session, ...)``: PATH then starts with the venv, the pinned
  Go plugins (``.cache/bin``) and ``node_modules/.bin``.
- ``@ci_step("name")`` (under ``@nox.session``) adds a session to ``nox -s ci`` in definition order. A test
  step writes JUnit XML to ``junit_path(name)`` so ``ci`` can print one closing summary line.
- ``nox -s demo`` runs each SDK's tour program (docs/tests/examples/tour.py) against a local runtime.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import nox
from nox.command import CommandFailed

nox.options.default_venv_backend = "none"
nox.options.sessions = ["lint", "tests"]

ROOT = Path(__file__).resolve().parent
DEV_VENV = ROOT / ".nox" / "dev"
CI_DIR = ROOT / ".cache" / "ci"
DEV_PACKAGES = (".[dev]", "sdks/python[dev]", "runtime-stub")  # sdks/python[dev]: grpc type stubs
LINT_PATHS = ["generator", "runtime-stub", "compat-tests", "proto/tests", "bench", "docs/tests", "noxfile.py"]
MYPY_TARGETS = [
    "generator/l8gen", "runtime-stub/src/l8_runtime", "runtime-stub/image/build.py", "compat-tests/l8compat",
    "bench", "noxfile.py", "docs/tests/examples",
]
READY_RE = re.compile(r"L8 RUNTIME READY grpc=(\S+) http=(\S+)")

CI_STEPS: list[tuple[str, Callable[[nox.Session], None]]] = []


def ci_step(name: str) -> Callable[[Callable[[nox.Session], None]], Callable[[nox.Session], None]]:
    """Register a session function as a step of `nox -s ci` (definition order)."""

    def register(func: Callable[[nox.Session], None]) -> Callable[[nox.Session], None]:
        CI_STEPS.append((name, func))
        return func

    return register


def junit_path(step: str) -> Path:
    """Where a test step writes its JUnit XML for the ci summary."""
    CI_DIR.mkdir(parents=True, exist_ok=True)
    return CI_DIR / f"junit-{step}.xml"


def _dev_env() -> dict[str, str]:
    path = os.pathsep.join(
        [str(DEV_VENV / "bin"), str(ROOT / ".cache" / "bin"), str(ROOT / "node_modules" / ".bin")]
    )
    return {"PATH": f"{path}{os.pathsep}{os.environ.get('PATH', '')}", "VIRTUAL_ENV": str(DEV_VENV)}


def ensure_dev_venv(session: nox.Session) -> None:
    """Create/refresh the shared dev venv when absent or when a pyproject.toml changed."""
    if sys.version_info[:2] != (3, 11):
        session.error(f"run nox with Python 3.11 (the project's and the images' Python), not {sys.version}")
    packages = [p for p in DEV_PACKAGES if (ROOT / p.split("[")[0] / "pyproject.toml").exists()]
    digest = hashlib.sha256(sys.version.encode())
    for package in packages:
        digest.update(package.encode() + (ROOT / package.split("[")[0] / "pyproject.toml").read_bytes())
    stamp = DEV_VENV / ".l8-installed"
    if stamp.exists() and stamp.read_text().strip() == digest.hexdigest():
        return
    if not (DEV_VENV / "bin" / "python").exists():
        session.run(sys.executable, "-m", "venv", str(DEV_VENV), external=True)
    editable = [arg for p in packages for arg in ("-e", p)]
    session.run(str(DEV_VENV / "bin" / "python"), "-m", "pip", "install", "--quiet", *editable, external=True)
    stamp.write_text(digest.hexdigest() + "\n")
    session.log(f"dev venv {DEV_VENV.relative_to(ROOT)} installed: {' '.join(packages)}")


def dev_run(session: nox.Session, *args: str, env: dict[str, str] | None = None, **kwargs: Any) -> Any:
    """Run a command with the dev venv, .cache/bin and node_modules/.bin first on PATH."""
    ensure_dev_venv(session)
    merged = {**_dev_env(), **(env or {})}
    program = shutil.which(args[0], path=merged["PATH"]) or args[0]  # nox looks programs up in its own PATH
    return session.run(program, *args[1:], env=merged, external=True, **kwargs)


def _pytest(session: nox.Session, step: str, *args: str, allow_empty: bool = False) -> None:
    codes = [0, 5] if allow_empty else [0]
    junit = junit_path(step)
    junit.unlink(missing_ok=True)
    dev_run(
        session, "python", "-m", "pytest", f"--junitxml={junit}", *args, *session.posargs, success_codes=codes
    )


@nox.session
@ci_step("bootstrap")
def bootstrap(session: nox.Session) -> None:
    """Install what is missing (apt, Go plugins, npm), start dockerd, build the base and runtime images."""
    dev_run(session, "python", "-m", "l8gen.toolchain.bootstrap")
    if (ROOT / "runtime-stub" / "pyproject.toml").exists():
        dev_run(session, "python", "runtime-stub/image/build.py", "all")
    else:
        dev_run(session, "python", "runtime-stub/image/build.py", "base")
        session.log("runtime image: runtime-stub/pyproject.toml does not exist yet, not built")


@nox.session
@ci_step("lint")
def lint(session: nox.Session) -> None:
    """ruff + mypy (strict) on the Python code; `buf lint` (every element commented) on proto/."""
    failed = []
    for command in (
        ["ruff", "check", "--output-format=concise", *LINT_PATHS],
        ["mypy", *[t for t in MYPY_TARGETS if (ROOT / t).exists()]],
        [str(ROOT / "node_modules" / ".bin" / "buf"), "lint", "proto"],  # pinned in package.json; npm ci
    ):
        try:
            dev_run(session, *command)
        except CommandFailed:
            failed.append(command[0])
    if failed:
        session.error(f"lint failed: {', '.join(failed)}")


@nox.session
@ci_step("tests")
def tests(session: nox.Session) -> None:
    """Unit tests: pytest over pyproject's testpaths, without the container tests."""
    _pytest(session, "tests", "-m", "not container", allow_empty=True)


@nox.session
def generate(session: nox.Session) -> None:
    """Regenerate sdks/ from proto/ (`l8gen generate`; extra args after --)."""
    dev_run(session, "python", "-m", "l8gen.toolchain.bootstrap", "--skip", "engine")
    dev_run(session, "l8gen", "generate", *session.posargs)


@nox.session(name="generate-check")
@ci_step("generate-check")
def generate_check(session: nox.Session) -> None:
    """Fail with a diff when sdks/ is not what `l8gen generate` makes from proto/."""
    dev_run(session, "l8gen", "generate", "--check")


@nox.session
@ci_step("smoke")
def smoke(session: nox.Session) -> None:
    """Container smoke test: runtime image under testcontainers, readiness, real gRPC calls (-s shows how)."""
    _pytest(session, "smoke", "-c", "pyproject.toml", "-m", "container", "-s", "runtime-stub/tests/container")


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmark suite (bench/run.py): every performance promise with goal and verdict; writes
    bench/results.json + bench/RESULTS.md. `-- --quick` short rounds; `-- --only p1,p2`."""
    dev_run(session, "python", "-m", "bench.run", *session.posargs)


@nox.session(name="bench-quick")
@ci_step("bench-quick")
def bench_quick(session: nox.Session) -> None:
    """`bench -- --quick` (about a minute): fails only on instruction-count goals (timings are reported)."""
    dev_run(session, "python", "-m", "bench.run", "--quick", "--out-dir", str(CI_DIR))


@nox.session
@ci_step("fuzz")
def fuzz(session: nox.Session) -> None:
    """Fuzz every RPC of every API service (>= 200 Hypothesis inputs each, seeded) against a local runtime."""
    dev_run(session, "python", "runtime-stub/tests/fuzz/run_fuzz.py", *session.posargs)

@contextmanager
def local_runtime(session: nox.Session, *args: str, timeout: float = 60.0) -> Iterator[str]:
    """Start `l8-runtime` (embedded mode) as a local process; yields its gRPC endpoint once READY."""
    ensure_dev_venv(session)
    proc = subprocess.Popen(
        [str(DEV_VENV / "bin" / "l8-runtime"), *args],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, **_dev_env()},
    )
    found: list[str] = []

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            sys.stdout.write(f"[l8-runtime] {line}")
            match = READY_RE.search(line)
            if match and not found:
                found.append(match.group(1))

    threading.Thread(target=pump, daemon=True).start()
    deadline = time.monotonic() + timeout
    try:
        while not found and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        if not found:
            session.error(f"l8-runtime printed no READY line (exit code {proc.poll()})")
        host, port = found[0].rsplit(":", 1)
        yield f"{'127.0.0.1' if host in ('0.0.0.0', '::', '[::]') else host}:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


@nox.session
def demo(session: nox.Session) -> None:
    """Main job: regenerate every SDK, start the runtime locally and run the same short tour through each SDK
    (state + etag, pub/sub, lock, file, typed error; docs/tests/examples/tour.py). `-- go,cpp` picks SDKs."""
    generate(session)
    session.log("demo: building quietly and running each SDK's tour (the C++ SDK builds once: minutes)")
    dev_run(session, "python", "docs/tests/examples/tour.py", *session.posargs)


def _junit_counts() -> tuple[int, int, int]:
    passed = failed = skipped = 0
    for path in sorted(CI_DIR.glob("junit-*.xml")):
        for suite in ET.parse(path).getroot().iter("testsuite"):
            tests_, fail = (
                int(suite.get("tests", 0)),
                int(suite.get("failures", 0)) + int(suite.get("errors", 0)),
            )
            skip = int(suite.get("skipped", 0))
            passed, failed, skipped = passed + tests_ - fail - skip, failed + fail, skipped + skip
    return passed, failed, skipped


@nox.session
def ci(session: nox.Session) -> None:
    """Everything CI runs in order: bootstrap, lint, unit tests, generate --check, smoke, then added steps.

    ``L8_CI_STEPS=bootstrap,smoke`` (comma-separated) runs only those steps."""
    CI_DIR.mkdir(parents=True, exist_ok=True)
    for old in CI_DIR.glob("*"):
        old.unlink()
    results: list[tuple[str, str, float]] = []
    only = [n for n in os.environ.get("L8_CI_STEPS", "").split(",") if n]  # e.g. L8_CI_STEPS=bootstrap,smoke
    unknown = sorted(set(only) - {name for name, _ in CI_STEPS})
    if unknown:
        session.error(f"L8_CI_STEPS names unknown steps: {', '.join(unknown)}")
    for name, step in CI_STEPS:
        if only and name not in only:
            continue
        session.log(f"===== ci step: {name} =====")
        start = time.monotonic()
        try:
            step(session)
            outcome = "ok"
        except CommandFailed as exc:
            outcome = f"FAILED ({exc.reason or 'command failed'})"
        except Exception as exc:  # session.error / session.skip inside a step
            outcome = "skipped" if type(exc).__name__ == "_SessionSkip" else f"FAILED ({exc})"
        results.append((name, outcome, time.monotonic() - start))
    passed, failed, skipped = _junit_counts()
    failed_steps = [name for name, outcome, _ in results if outcome.startswith("FAILED")]
    failed = max(failed, len(failed_steps))  # a failed lint/check step counts even without a test report
    for name, outcome, seconds in results:
        session.log(f"ci step {name:<16} {outcome:<12} {seconds:7.1f}s")
    session.log(f"ci total {'':<16} {'':<12} {sum(s for _, _, s in results):7.1f}s")
    summary = f"ci: {passed} passed, {failed} failed, {skipped} skipped"
    (CI_DIR / "summary.txt").write_text(summary + "\n")
    print(summary, flush=True)
    if failed_steps:
        session.error(f"failed steps: {', '.join(failed_steps)}")


# ===== compatibility harness (compat-tests/; owned by the HARNESS work) =====================================
# `compat-python` / `compat` run compat-tests/run (pytest + testcontainers: the runtime image in a container,
# each language's driver, every case, gates) into compat-tests/results/<python|...|all>/, then merge the
# newest run of each language into compat-tests/results/matrix.{json,md,html}. Extra pytest arguments go
# after `--`, e.g. `nox -s compat-python -- --target 127.0.0.1:34904` (external runtime) or
# `-- --case 'Runtime.GetState/*'`. `compat-mutants` proves every runtime --mutate bug makes the suite fail.
COMPAT_RUN = "compat-tests/run"
COMPAT_ENV = {"TESTCONTAINERS_RYUK_DISABLED": "true", "PYTHONPATH": str(ROOT / "compat-tests")}


def _compat(session: nox.Session, step: str, *args: str) -> None:
    """Run the matrix into compat-tests/results/<step>/ (python, node, ..., all), then rebuild the combined
    compat-tests/results/matrix.{json,md,html} from the newest run of every language (l8compat.merge)."""
    junit = junit_path(step)
    junit.unlink(missing_ok=True)
    own_dir = any(a.startswith("--results-dir") for a in session.posargs)
    name = step.removeprefix("compat-") if step != "compat" else "all"
    results = ROOT / "compat-tests" / "results" / name
    try:
        dev_run(session, "python", "-m", "pytest", COMPAT_RUN, "-v", "-p", "no:cacheprovider", "-rfE",
                f"--junitxml={junit}", *([] if own_dir else [f"--results-dir={results}"]), *args,
                *session.posargs, env=COMPAT_ENV)
    finally:
        if not own_dir:
            dev_run(session, "python", "-m", "l8compat.merge", env=COMPAT_ENV)


@nox.session(name="compat-python")
@ci_step("compat-python")
def compat_python(session: nox.Session) -> None:
    """Compatibility matrix for the Python SDK: every case through its driver against the runtime image."""
    _compat(session, "compat-python", "--languages=python")


@nox.session
def compat(session: nox.Session) -> None:
    """Compatibility matrix for every language whose driver exists (language x RPC grid)."""
    _compat(session, "compat")


@nox.session(name="compat-mutants")
@ci_step("compat-mutants")
def compat_mutants(session: nox.Session) -> None:
    """Mutation self-test: every `l8-runtime --mutate NAME` bug must make the suite fail (names the cases)."""
    mutants = ["python", "-m", "l8compat.mutants", "--languages=python"]
    dev_run(session, *mutants, *session.posargs, env=COMPAT_ENV)


@nox.session(name="compat-conformance")
@ci_step("compat-conformance")
def compat_conformance(session: nox.Session) -> None:
    """Conformance self-test (l8compat.conformance): Python + Go drivers against the reference runtime and
    the `reference-variant` target; every difference must be classified, no stall (±20 % time). Then the
    Python matrix against the runtime started from a Layotto-format config (`layotto-config` profile)."""
    out = ROOT / "compat-tests" / "results" / "conformance"
    for name, extra in (("reference", []), ("variant", ["--target=reference-variant"])):
        dev_run(session, "python", "-m", "pytest", COMPAT_RUN, "-q", "-p", "no:cacheprovider", "-rfE",
                "--languages=python,go", f"--results-dir={out / name}", *extra, *session.posargs,
                env=COMPAT_ENV)
    dev_run(session, "python", "-m", "l8compat.conformance", f"--reference={out / 'reference'}",
            f"--variant={out / 'variant'}", env=COMPAT_ENV)
    # The runtime started from a Layotto-format config (runtime-stub/examples/layotto-config.json, Layotto
    # component types and names) must pass the whole matrix through the `layotto-config` profile's mapping.
    dev_run(session, "python", "-m", "pytest", COMPAT_RUN, "-q", "-p", "no:cacheprovider", "-rfE",
            "--languages=python", f"--results-dir={out / 'layotto-config'}", "--target=layotto-config",
            *session.posargs, env=COMPAT_ENV)
# ===== end of the compatibility harness block ===============================================================


# ===== Python SDK (sdks/python, generated by l8gen.languages.python) ========================================
SDK_PYTHON = ROOT / "sdks" / "python"


@nox.session(name="sdk-python")
@ci_step("sdk-python")
def sdk_python(session: nox.Session) -> None:
    """Python SDK: ruff + mypy --strict on the generated layer and driver, then the SDK's own tests
    (in-process gRPC servers, the compat driver, and the reference runtime process)."""
    ensure_dev_venv(session)
    with session.chdir(SDK_PYTHON):
        dev_run(session, "ruff", "check", "--output-format=concise", ".")
        dev_run(session, "mypy", "src/l8sdk", "compat_driver")
        _pytest(session, "sdk-python", "tests")
# ===== end of the Python SDK block ==========================================================================


# ===== Node/TypeScript SDK (sdks/node, generated by l8gen.languages.node) ==================================
# Build/test with the SDK's own pinned toolchain (sdks/node/package.json + package-lock.json; `npm ci` uses
# npm's default cache, so repeated runs do not download again). The compat driver is built by `npm run build`
# and started as `node compat-driver/dist/main.js` (its [driver] in language.toml).
SDK_NODE = ROOT / "sdks" / "node"


def _node_junit(raw: Path, out: Path, name: str) -> None:
    """node's junit reporter writes bare <testcase>s; wrap them in one counted <testsuite> for `ci`."""
    root = ET.parse(raw).getroot()
    cases = list(root.iter("testcase"))
    failures = sum(1 for c in cases if c.find("failure") is not None or c.find("error") is not None)
    skipped = sum(1 for c in cases if c.find("skipped") is not None)
    suite = ET.Element("testsuite", name=name, tests=str(len(cases)), failures=str(failures),
                       errors="0", skipped=str(skipped))
    suite.extend(cases)
    wrapper = ET.Element("testsuites")
    wrapper.append(suite)
    ET.ElementTree(wrapper).write(out, encoding="utf-8", xml_declaration=True)


@nox.session(name="sdk-node")
@ci_step("sdk-node")
def sdk_node(session: nox.Session) -> None:
    """Node SDK: npm ci, build (tsc --strict, SDK + compat driver), biome lint, typecheck of tests, unit tests
    with node's test runner (connection vectors, in-process gRPC servers, TLS), then `npm pack` and an install
    of the tarball into an empty project that imports it."""
    junit = junit_path("sdk-node")
    junit.unlink(missing_ok=True)
    raw = CI_DIR / "node-test-raw.xml"
    with session.chdir(SDK_NODE):
        dev_run(session, "npm", "ci", "--no-audit", "--no-fund")
        dev_run(session, "npm", "run", "build")
        dev_run(session, "npm", "run", "lint")
        dev_run(session, "npm", "run", "typecheck")
        dev_run(session, "npx", "tsc", "-p", "test/tsconfig.json")
        try:
            dev_run(session, "node", "--test", "--test-reporter=spec", "--test-reporter-destination=stdout",
                    "--test-reporter=junit", f"--test-reporter-destination={raw}", "test/dist/")
        finally:
            if raw.exists():
                _node_junit(raw, junit, "sdk-node")
        pack_dir = ROOT / ".cache" / "node-pack"
        shutil.rmtree(pack_dir, ignore_errors=True)
        (pack_dir / "consumer").mkdir(parents=True)
        dev_run(session, "npm", "pack", "--pack-destination", str(pack_dir))
    tarballs = sorted(pack_dir.glob("*.tgz"))
    if len(tarballs) != 1:
        session.error(f"npm pack made {len(tarballs)} tarballs in {pack_dir}")
    consumer = pack_dir / "consumer"
    (consumer / "package.json").write_text('{"name": "l8sdk-pack-check", "private": true}\n')
    with session.chdir(consumer):
        dev_run(session, "npm", "install", "--no-audit", "--no-fund", str(tarballs[0]))
        dev_run(session, "node", "--input-type=module", "-e",
                "const m = await import('@l8sdk/sdk');\n"
                "const c = new m.Client({ env: {} });\n"
                "const ok = typeof c.getState === 'function' && c.endpoint.target === '127.0.0.1:34904';\n"
                "if (!ok) process.exit(1);\n"
                "c.close(); console.log('installed tarball OK: @l8sdk/sdk ' + m.SDK_VERSION);")


@nox.session(name="compat-node")
@ci_step("compat-node")
def compat_node(session: nox.Session) -> None:
    """Compatibility matrix for the Node SDK: every case through its driver against the runtime container."""
    _compat(session, "compat-node", "--languages=node")
# ===== end of the Node/TypeScript SDK block =================================================================


# ===== Go SDK (sdks/go; owned by the GO work) ===============================================================
# `sdk-go`: the generated module builds, `go vet`, staticcheck (pinned, run with `go run pkg@version`) and
# gofmt are clean, and `go test ./...` passes (its JSON events become JUnit XML for the ci summary).
# `compat-go`: the compatibility matrix through the Go driver, built by the runner with
# `go build -o <dir>/l8-compat-driver-go ./cmd/l8-compat-driver` in sdks/go (its [driver]).
GO_SDK = ROOT / "sdks" / "go"
STATICCHECK = "honnef.co/go/tools/cmd/staticcheck@v0.8.2"
GO_ENV = {"L8_CONNECTION_VECTORS": str(ROOT / "compat-tests" / "vectors" / "connection.json")}



def _go_junit(events: str, junit: Path, suite: str) -> tuple[int, list[str]]:
    """Write `go test -json` events as JUnit XML; returns (tests run, failed test names with output)."""
    import json

    cases: dict[tuple[str, str], dict[str, Any]] = {}
    for line in events.splitlines():
        if not line.startswith("{"):
            continue
        ev = json.loads(line)
        if not ev.get("Test"):
            continue
        case = cases.setdefault((ev["Package"], ev["Test"]), {"output": [], "action": "", "elapsed": 0.0})
        if ev.get("Action") == "output":
            case["output"].append(ev.get("Output", ""))
        elif ev.get("Action") in ("pass", "fail", "skip"):
            case["action"], case["elapsed"] = ev["Action"], ev.get("Elapsed", 0.0)
    root = ET.Element("testsuite", name=suite, tests=str(len(cases)))
    failed: list[str] = []
    for (package, test), case in sorted(cases.items()):
        node = ET.SubElement(root, "testcase", classname=package, name=test, time=str(case["elapsed"]))
        if case["action"] == "fail":
            failed.append(f"{package} {test}\n{''.join(case['output'])}")
            ET.SubElement(node, "failure", message="failed").text = "".join(case["output"])
        elif case["action"] == "skip":
            ET.SubElement(node, "skipped")
    root.set("failures", str(len(failed)))
    root.set("skipped", str(sum(1 for c in cases.values() if c["action"] == "skip")))
    ET.ElementTree(root).write(junit, encoding="unicode")
    return len(cases), failed


@nox.session(name="sdk-go")
@ci_step("sdk-go")
def sdk_go(session: nox.Session) -> None:
    """Go SDK: go mod tidy -diff, build, vet, staticcheck, gofmt and go test on sdks/go (generated module)."""
    if not (GO_SDK / "go.mod").exists():
        session.error("sdks/go/go.mod is missing: run `nox -s generate` first")
    with session.chdir(GO_SDK):
        dev_run(session, "go", "mod", "tidy", "-diff")  # go.mod/go.sum (templates) complete and minimal
        dev_run(session, "go", "build", "./...")
        dev_run(session, "go", "vet", "./...")
        dev_run(session, "go", "run", STATICCHECK, "./...")
        unformatted = dev_run(session, "gofmt", "-l", ".", silent=True) or ""
        if unformatted.strip():
            session.error(f"gofmt would change: {unformatted.split()}")
        junit = junit_path("sdk-go")
        junit.unlink(missing_ok=True)
        events = dev_run(session, "go", "test", "-json", "-count=1", *session.posargs, "./...",
                         env=GO_ENV, silent=True, success_codes=[0, 1]) or ""
    total, failed = _go_junit(events, junit, "sdk-go")
    session.log(f"go test: {total - len(failed)} passed, {len(failed)} failed")
    if failed or total == 0:
        session.error("go test failed:\n" + "\n".join(failed) if failed else "go test ran no test")


@nox.session(name="compat-go")
@ci_step("compat-go")
def compat_go(session: nox.Session) -> None:
    """Compatibility matrix for the Go SDK: every case through its driver against the runtime container."""
    _compat(session, "compat-go", "--languages=go")
# ===== end of the Go SDK block ==============================================================================


# ===== API evolution (generator/l8gen/evolution; owned by the EVOL work) ===================================
# `api-check`: the SDKs match proto/ and proto/ has no breaking change since the last release record
# (proto/releases/v<X.Y.Z>.binpb; in the tree, so a fresh clone without tags has its baseline).
# `skew`: SDKs generated from the last release record (old clients) run the current case set against the
# current runtime; matrix column `<lang>@<old version>` next to `<lang>` in compat-tests/results/skew/.
# L8_SKEW_LANGUAGES=python,node,... picks the languages (default python).
RELEASES_DIR = ROOT / "proto" / "releases"
SKEW_DIR = ROOT / ".cache" / "skew"
SKEW_TARGETS = {"python": "python", "node": "node", "go": "go", "cpp": "cpp"}  # driver -> l8gen target


def last_release(session: nox.Session) -> tuple[str, Path]:
    """(version, record path) of the newest release record."""
    found = []
    for path in RELEASES_DIR.glob("v*.binpb"):
        match = re.fullmatch(r"v(\d+)\.(\d+)\.(\d+)\.binpb", path.name)
        if match:
            found.append((tuple(int(g) for g in match.groups()), path))
    if not found:
        session.error(f"no release record in {RELEASES_DIR.relative_to(ROOT)}/: record one: `l8gen release`")
    key, path = max(found)
    return ".".join(str(n) for n in key), path


@nox.session(name="api-check")
@ci_step("api-check")
def api_check(session: nox.Session) -> None:
    """API evolution gate: `l8gen generate --check` (sdks/ match proto/) and `l8gen diff` against the last
    release record (prints additions/doc changes and the bump; fails on a breaking change)."""
    dev_run(session, "l8gen", "generate", "--check")
    dev_run(session, "l8gen", "diff", *session.posargs)


@nox.session
@ci_step("skew")
def skew(session: nox.Session) -> None:
    """Version skew: old clients (SDKs generated from the last release record) x the current runtime, as
    matrix columns `<lang>@<version>`, then the additive-change test (old clients still pass)."""
    version, record = last_release(session)
    languages = [x for x in os.environ.get("L8_SKEW_LANGUAGES", "python").split(",") if x]
    unknown = sorted(set(languages) - set(SKEW_TARGETS))
    if unknown:
        session.error(f"L8_SKEW_LANGUAGES: unknown languages {unknown}; known: {sorted(SKEW_TARGETS)}")
    tree = SKEW_DIR / version
    shutil.rmtree(tree, ignore_errors=True)
    targets = [arg for lang in languages for arg in ("--target", SKEW_TARGETS[lang])]
    dev_run(session, "l8gen", "generate", "--descriptor-set", str(record), "--sdk-version", version,
            "--out", str(tree), *targets)
    columns = [*languages, *(f"{lang}@{version}" for lang in languages)]
    _compat(session, "skew", f"--languages={','.join(columns)}", f"--sdk-root={SKEW_DIR}",
            f"--results-dir={ROOT / 'compat-tests' / 'results' / 'skew'}")
    junit = junit_path("skew-additive")
    junit.unlink(missing_ok=True)
    dev_run(session, "python", "-m", "pytest", f"--junitxml={junit}", "-m", "container",
            "generator/tests/evolution/test_skew.py")
# ===== end of the API evolution block =======================================================================


# ===== publishing (generator/l8gen/publish; owned by the PUB work) ==========================================
# `publish` (a dry run: nothing leaves the machine): builds the four release artifacts into dist/ from the
# generated sdks/ (wheel + sdist, npm tarball, Go module proxy tree + tag name, C++ source package), then
# installs each one in a clean environment and runs a consumer program against the runtime container
# (SayHello, SaveState/GetState, PutFile/GetFile). `-- --only python,go` limits the languages.
# `upload` (never in CI; the module refuses when CI is set): `nox -s upload -- --yes` sends the smoke-tested
# artifacts to PyPI / npm / the Go module repository (tag) / a GitHub release, credentials from the
# environment (README "Publishing").
@nox.session
@ci_step("publish")
def publish(session: nox.Session) -> None:
    """Build the release artifacts of all four SDKs into dist/ and smoke-test each from a clean install."""
    dev_run(session, "python", "-m", "l8gen.toolchain.bootstrap")  # go, npm, cmake, dockerd (else no-op)
    junit = junit_path("publish")
    junit.unlink(missing_ok=True)
    try:  # each language builds on its own: smoke-test what was built even when another build failed
        dev_run(session, "python", "-m", "l8gen.publish.build", *session.posargs)
        build_failed = False
    except CommandFailed:
        build_failed = True
    dev_run(session, "python", "-m", "l8gen.publish.smoke", f"--junit={junit}", *session.posargs)
    if build_failed:
        session.error("publish: a build failed (see above)")


@nox.session
def upload(session: nox.Session) -> None:
    """Upload the smoke-tested artifacts in dist/ (`-- --yes`; credentials from the environment; never CI)."""
    dev_run(session, "python", "-m", "l8gen.publish.upload", *session.posargs)
# ===== end of the publishing block ==========================================================================


# ===== C++ SDK (sdks/cpp, generated by l8gen.languages.cpp) =================================================
# ONE CMake build tree per run, compat-tests/.build/cpp (Ninja, Debug: the quickest to compile), shared with
# the harness's driver build (the [driver] of languages/cpp/language.toml runs the same configure +
# `--target l8-compat-driver`, a no-op after sdk-cpp). ccache (when installed) sees paths relative to the
# repository (CPP_CCACHE), and the publish smoke test builds its unpacked source package in the same layout,
# so it hits the cache. Message/stub code is made by the build itself (Debian protoc + grpc_cpp_plugin).
SDK_CPP = ROOT / "sdks" / "cpp"
CPP_BUILD = ROOT / "compat-tests" / ".build" / "cpp"
CPP_CCACHE = {"CCACHE_BASEDIR": str(ROOT), "CCACHE_NOHASHDIR": "1"}
CPP_VECTORS = ROOT / "compat-tests" / "vectors" / "connection.json"
CPP_CONFIGURE = [
    "cmake", "-S", str(SDK_CPP), "-B", str(CPP_BUILD), "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Debug",
    "-DL8SDK_BUILD_TESTS=ON", f"-DL8SDK_CONNECTION_VECTORS={CPP_VECTORS}",
]


@nox.session(name="sdk-cpp")
@ci_step("sdk-cpp")
def sdk_cpp(session: nox.Session) -> None:
    """C++ SDK: configure and build sdks/cpp in compat-tests/.build/cpp (library with -Wall -Wextra -Werror,
    unit tests, compat driver), then ctest: GoogleTest (shared connection vectors, an in-process gRPC server
    for token/metadata/retries/deadlines/sizes/TLS/readiness, streams, upload, subscription, AppCallback) and
    `consumer_package` (cmake --install + a separate project with find_package(l8sdk CONFIG))."""
    junit = junit_path("sdk-cpp")
    junit.unlink(missing_ok=True)
    dev_run(session, *CPP_CONFIGURE, env=CPP_CCACHE)
    started = time.monotonic()
    dev_run(session, "cmake", "--build", str(CPP_BUILD), env=CPP_CCACHE)
    session.log(f"sdk-cpp: build took {time.monotonic() - started:.0f}s")
    ctest = ["ctest", "--test-dir", str(CPP_BUILD), "--output-on-failure", "--output-junit", str(junit)]
    dev_run(session, *ctest)


@nox.session(name="compat-cpp")
@ci_step("compat-cpp")
def compat_cpp(session: nox.Session) -> None:
    """Compatibility matrix for the C++ SDK: every case through its driver against the runtime container."""
    _compat(session, "compat-cpp", "--languages=cpp")
# ===== end of the C++ SDK block =============================================================================


@nox.session
@ci_step("docs")
def docs(session: nox.Session) -> None:
    """API reference in headless Chromium (every page, no console errors, search, RPCs x 4 languages,
    screenshot in .cache/ci/), the docs' own tests (docs/tests: from-checkout instructions) and every README /
    reference example executed against the runtime (`nox -s examples`)."""
    dev_run(session, "python", "-m", "l8gen.reference.check", "--out", str(CI_DIR))
    if (ROOT / "docs" / "tests").is_dir():
        _pytest(session, "docs", "docs/tests")
    examples(session)


# ===== Sessions of every other registered language (l8gen.languages: [tool.l8gen] languages, entry points,
# $L8GEN_LANGUAGES) ====================================================================================
sys.path.insert(0, str(ROOT / "generator"))
from l8gen.languages import LanguageSpec, discover  # noqa: E402  (standard library only)

LANGUAGES = discover(ROOT / "pyproject.toml")


def _language_sessions(spec: LanguageSpec) -> None:
    """``sdk-<name>`` (generate it, then its ``[nox] sdk`` commands) and, with a ``[driver]``,
    ``compat-<name>``, for a language that has no hand-written sessions above."""
    defined = {s for s, _ in nox.registry.get().items()}
    if f"sdk-{spec.name}" not in defined:

        def sdk(session: nox.Session) -> None:
            dev_run(session, "l8gen", "generate", "--target", spec.name)
            for command in spec.sdk_commands:
                dev_run(session, *command)

        sdk.__doc__ = f"Generate and check the {spec.name} SDK ({spec.out_dir}, from {spec.folder})."
        nox.session(name=f"sdk-{spec.name}")(sdk)
    if spec.driver is not None and f"compat-{spec.name}" not in defined:

        def compat_language(session: nox.Session) -> None:
            _compat(session, f"compat-{spec.name}", f"--languages={spec.name}")

        compat_language.__doc__ = f"Compatibility matrix for the {spec.name} SDK."
        nox.session(name=f"compat-{spec.name}")(compat_language)


for _spec in LANGUAGES.values():
    _language_sessions(_spec)


# ===== executed documentation examples (docs/tests/examples; owned by the DOCS work) ======================
@nox.session
def examples(session: nox.Session) -> None:
    """Every README and API-reference code block run against a local l8-runtime in its language (Python,
    TypeScript, Go, C++), with counts; fails on a failed or untested block (docs/tests/examples/README.md)."""
    dev_run(session, "python", "docs/tests/examples/run.py", *session.posargs, env=CPP_CCACHE)
