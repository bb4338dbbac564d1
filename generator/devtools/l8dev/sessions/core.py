"""Sessions of the whole pipeline: bootstrap, lint, unit tests, generate (+ check), container smoke,
benchmarks, fuzzing, the demo and the docs check.

Pipeline place: the first and last CI steps (``noxfile.CI_ORDER``); each is one or two tool runs in the dev
venv (``base.dev_run``).
"""

from __future__ import annotations

import nox
from nox.command import CommandFailed

from l8dev.sessions.base import CI_DIR, DEMOS, ROOT, ci_step, dev_run, local_runtime, pytest_step

LINT_PATHS = ["generator", "runtime-stub", "compat-tests", "proto/tests", "bench", "docs/tests", "noxfile.py"]
MYPY_TARGETS = [
    "generator/l8gen", "generator/devtools/l8dev", "runtime-stub/src/l8_runtime",
    "runtime-stub/image/build.py", "compat-tests/l8compat", "bench", "noxfile.py",
]


@nox.session
@ci_step("bootstrap")
def bootstrap(session: nox.Session) -> None:
    """Install what is missing (apt, Go plugins, npm), start dockerd, build the base and runtime images."""
    dev_run(session, "python", "-m", "l8dev.toolchain.bootstrap")
    dev_run(session, "python", "runtime-stub/image/build.py", "all")


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
    pytest_step(session, "tests", "-m", "not container", allow_empty=True)


@nox.session
def generate(session: nox.Session) -> None:
    """Regenerate sdks/ from proto/ (`l8gen generate`; extra args after --)."""
    dev_run(session, "python", "-m", "l8dev.toolchain.bootstrap", "--skip", "engine")
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
    pytest_step(session, "smoke", "-c", "pyproject.toml", "-m", "container", "-s",
                "runtime-stub/tests/container")


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


@nox.session
def demo(session: nox.Session) -> None:
    """Main job: regenerate every SDK, start the runtime locally, make a short call through each SDK."""
    generate(session)
    if not DEMOS:
        session.error("no SDK registers a demo (DEMOS in l8dev.sessions): nothing was demonstrated")
    failed = []
    with local_runtime(session, "--grpc-port", "0", "--http-port", "0", "--log-level", "error") as endpoint:
        for language, command in sorted(DEMOS.items()):
            session.log(f"demo {language} -> {endpoint}")
            try:
                dev_run(session, *command, env={"L8_GRPC_ENDPOINT": endpoint})
            except CommandFailed:
                failed.append(language)
    answered = sorted(set(DEMOS) - set(failed))
    session.log(f"demo: {len(answered)} of {len(DEMOS)} SDKs answered: {', '.join(answered) or 'none'}")
    session.log("next: every RPC in four languages: docs/reference/html/index.html (Markdown: "
                "docs/reference/md/README.md); use an SDK from this checkout: README.md; the runtime: "
                "runtime-stub/README.md")
    if failed:
        session.error(f"demo failed for: {', '.join(failed)}")


@nox.session
@ci_step("docs")
def docs(session: nox.Session) -> None:
    """API reference in headless Chromium (every page, no console errors, search, RPCs x 4 languages,
    screenshot in .cache/ci/) and the docs' own tests (docs/tests: from-checkout instructions, examples)."""
    dev_run(session, "python", "-m", "l8gen.reference.check", "--out", str(CI_DIR))
    if (ROOT / "docs" / "tests").is_dir():
        pytest_step(session, "docs", "docs/tests")


@nox.session
@ci_step("generality")
def generality(session: nox.Session) -> None:
    """Every API of the generality corpus (generator/tests/apis/) -> four SDKs, each built and checked the way
    its sdk-<lang> session does, or refused with exit 2 at file:line (logic: generator/tests/apis/run.py)."""
    dev_run(session, "python", "generator/tests/apis/run.py", *session.posargs)
