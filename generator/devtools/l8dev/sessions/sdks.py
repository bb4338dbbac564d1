"""``sdk-<language>``: each SDK built, linted and tested with its own ecosystem's tools, plus its demo.

Pipeline place: after ``generate``. Every registered language gets ``sdk-<name>``: its ``check`` hook
(``[dev] check`` of its ``language.toml``; the built-in languages' checks are the functions here), else its
``[nox] sdk`` commands run after ``l8gen generate --target <name>``. Every ``sdk-<name>`` is a CI step.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path

import nox
from l8gen.languages import LanguageSpec

from l8dev.languages import hook
from l8dev.sessions import prebuild
from l8dev.sessions.base import (
    CI_DIR,
    CPP_CCACHE,
    ROOT,
    ci_step,
    dev_run,
    ensure_dev_venv,
    junit_path,
    pytest_step,
)
from l8dev.sessions.junit import go_events_to_junit, wrap_node_junit
from l8dev.sessions.prebuild import Prebuild
from l8dev.sessions.slow import SlowTest, separate

STATICCHECK = "honnef.co/go/tools/cmd/staticcheck@v0.8.2"
# ONE CMake build tree per run (Ninja, Release: the SDK's default build type, what an application installs;
# a cold compile costs the same as Debug), shared with the harness's driver build (the [driver] of
# languages/cpp/language.toml runs the same configure + `--target l8-compat-driver`, a no-op after sdk-cpp),
# docs and the bench. ccache sees paths relative to the repository, and the publish smoke test and docs'
# from-checkout build use the same depth/layout and build type, so they hit the cache.
CPP_BUILD = ROOT / "compat-tests" / ".build" / "cpp"
CPP_CONFIGURE = [
    "cmake", "-S", str(ROOT / "sdks" / "cpp"), "-B", str(CPP_BUILD), "-G", "Ninja",
    "-DCMAKE_BUILD_TYPE=Release", "-DL8SDK_BUILD_TESTS=ON",
]


def check_python(session: nox.Session) -> None:
    """Python SDK: ruff + mypy --strict on the generated layer and driver, then the SDK's own tests
    (in-process gRPC servers, the compat driver, and the reference runtime process)."""
    ensure_dev_venv(session)
    with session.chdir(ROOT / "sdks" / "python"):
        dev_run(session, "ruff", "check", "--output-format=concise", ".")
        dev_run(session, "mypy", "src/l8sdk", "compat_driver")
        pytest_step(session, "sdk-python", "tests")


def check_node(session: nox.Session) -> None:
    """Node SDK: npm ci, build (tsc --strict, SDK + compat driver), biome lint, the tests compiled (tsc
    --strict), unit tests with node's test runner, then `npm pack` and an install of the tarball into an empty
    project. Each tsconfig is compiled once: the emitting builds report every type error the package's
    `typecheck` script would (it is their --noEmit twin), and `npm pack --ignore-scripts` packs the dist/
    just built instead of its prepack rebuilding it."""
    junit = junit_path("sdk-node")
    junit.unlink(missing_ok=True)
    raw = CI_DIR / "node-test-raw.xml"
    pack_dir = ROOT / ".cache" / "node-pack"
    with session.chdir(ROOT / "sdks" / "node"):
        dev_run(session, "npm", "ci", "--no-audit", "--no-fund")
        for script in ("build", "lint"):
            dev_run(session, "npm", "run", script)
        dev_run(session, "npx", "tsc", "-p", "test/tsconfig.json")
        files = ["test/dist/"]
        if separate():  # `nox -s ci`: the slow-tests step runs it
            slow = slow_node().selector
            files = sorted(str(p) for p in Path("test/dist").glob("*.test.js") if str(p) != slow)
        try:
            dev_run(session, "node", "--test", "--test-reporter=spec", "--test-reporter-destination=stdout",
                    "--test-reporter=junit", f"--test-reporter-destination={raw}", *files)
        finally:
            if raw.exists():
                wrap_node_junit(raw, junit, "sdk-node")
        shutil.rmtree(pack_dir, ignore_errors=True)
        (pack_dir / "consumer").mkdir(parents=True)
        dev_run(session, "npm", "pack", "--ignore-scripts", "--pack-destination", str(pack_dir))
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


def check_go(session: nox.Session) -> None:
    """Go SDK: go mod tidy -diff, build, vet, staticcheck, gofmt and go test on sdks/go (generated module)."""
    go_sdk = ROOT / "sdks" / "go"
    if not (go_sdk / "go.mod").exists():
        session.error("sdks/go/go.mod is missing: run `nox -s generate` first")
    with session.chdir(go_sdk):
        dev_run(session, "go", "mod", "tidy", "-diff")  # go.mod/go.sum (templates) complete and minimal
        dev_run(session, "go", "build", "./...")
        dev_run(session, "go", "vet", "./...")
        dev_run(session, "go", "run", STATICCHECK, "./...")
        unformatted = dev_run(session, "gofmt", "-l", ".", silent=True) or ""
        if unformatted.strip():
            session.error(f"gofmt would change: {unformatted.split()}")
        junit = junit_path("sdk-go")
        junit.unlink(missing_ok=True)
        skip = ["-skip", slow_go().selector] if separate() else []  # `nox -s ci`: the slow-tests step runs it
        events = dev_run(session, "go", "test", "-json", "-count=1", *skip, *session.posargs, "./...",
                         silent=True, success_codes=[0, 1]) or ""
    total, failed = go_events_to_junit(events, junit, "sdk-go")
    session.log(f"go test: {total - len(failed)} passed, {len(failed)} failed")
    if failed or total == 0:
        session.error("go test failed:\n" + "\n".join(failed) if failed else "go test ran no test")


def prebuild_cpp() -> Prebuild:
    """The shared tree's configure and build, started early by ``nox -s ci`` (``l8dev.sessions.prebuild``):
    the check below then finds it built."""
    return Prebuild([CPP_CONFIGURE, ["cmake", "--build", str(CPP_BUILD)]], CPP_CCACHE)


def check_cpp(session: nox.Session) -> None:
    """C++ SDK: configure and build sdks/cpp in compat-tests/.build/cpp (library with -Wall -Wextra -Werror,
    unit tests, compat driver), then ctest (GoogleTest suites and `consumer_package`: cmake --install + a
    separate project with find_package(l8sdk CONFIG))."""
    junit = junit_path("sdk-cpp")
    junit.unlink(missing_ok=True)
    configure, build = prebuild_cpp().commands  # after nox -s ci's prebuild: both (nearly) no-ops
    dev_run(session, *configure, env=CPP_CCACHE)
    started = time.monotonic()
    dev_run(session, *build, env=CPP_CCACHE)
    session.log(f"sdk-cpp: build took {time.monotonic() - started:.0f}s")
    ctest = ["ctest", "--test-dir", str(CPP_BUILD), "--output-on-failure", "--output-junit", str(junit)]
    if separate():  # `nox -s ci`: the slow-tests step runs it
        ctest += ["-E", slow_cpp().selector]
    dev_run(session, *ctest)


# The slow test of each built-in SDK ([dev] slow): the shared reconnect contract's 50 s outage.
def slow_python() -> SlowTest:
    """The Python SDK's reconnect-outage test (a runtime test, pytest marker ``slow``)."""
    path = "runtime-stub/tests/api/test_harden_reconnect.py"
    return SlowTest(f"{path}::test_item12_python_sdk_first_call_after_an_outage_is_quick", "slow", ROOT,
                    ["python", "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "slow", path])


def slow_node() -> SlowTest:
    """The Node SDK's reconnect-outage test file (compiled by sdk-node into test/dist)."""
    path = "test/dist/reconnect.test.js"
    return SlowTest(path, path, ROOT / "sdks" / "node", ["node", "--test", path])


def slow_go() -> SlowTest:
    """The Go SDK's reconnect-outage test."""
    pattern = "^TestReconnectAfterOutage$"
    command = ["go", "test", "-v", "-count=1", "-run", pattern, "."]
    return SlowTest("TestReconnectAfterOutage", pattern, ROOT / "sdks" / "go", command,
                    "--- PASS: TestReconnectAfterOutage")


def slow_cpp() -> SlowTest:
    """The C++ SDK's reconnect-outage GoogleTest suite (built by sdk-cpp in the shared tree)."""
    pattern = "^Reconnect\\."
    command = ["ctest", "--test-dir", str(CPP_BUILD), "--output-on-failure", "--no-tests=error",
               "-R", pattern]
    return SlowTest("Reconnect.FirstCallAfterOutageIsQuick", pattern, ROOT, command)


def generic_check(spec: LanguageSpec) -> Callable[[nox.Session], None]:
    """``sdk-<name>`` of a language without built-in checks: generate it, then its ``[nox] sdk`` commands."""

    def check(session: nox.Session) -> None:
        dev_run(session, "l8gen", "generate", "--target", spec.name)
        for command in spec.sdk_commands:
            dev_run(session, *command)

    check.__doc__ = f"Generate and check the {spec.name} SDK ({spec.out_dir}, from {spec.folder})."
    return check


def language_session(spec: LanguageSpec) -> None:
    """Register ``sdk-<name>`` (a CI step) for a registered language."""
    step = f"sdk-{spec.name}"
    check = hook(spec, "check") or generic_check(spec)

    def run(session: nox.Session) -> None:
        prebuild.wait_for(session, spec.name)  # nox -s ci started this language's build early: let it end
        check(session)

    run.__doc__ = check.__doc__
    nox.session(name=step)(ci_step(step)(run))
