"""Sessions of the whole pipeline: bootstrap, lint, unit tests, generate (+ check), container smoke,
benchmarks, fuzzing, the demo and the docs check.

Pipeline place: the first and last CI steps (``noxfile.CI_ORDER``); each is one or two tool runs in the dev
venv (``base.dev_run``).
"""

from __future__ import annotations

import nox
from nox.command import CommandFailed

from l8dev.sessions.base import (
    BACKGROUND,
    CI_DIR,
    CPP_CCACHE,
    ROOT,
    Background,
    ci_step,
    dev_run,
    ensure_dev_venv,
    in_ci,
    pytest_step,
)
from l8dev.sessions.slow import separate

LINT_PATHS = ["generator", "runtime-stub", "compat-tests", "proto/tests", "proto/sdk-templates", "bench",
              "docs/tests", "noxfile.py"]
MYPY_TARGETS = [
    "generator/l8gen", "generator/devtools/l8dev", "runtime-stub/src/l8_runtime",
    "runtime-stub/image/build.py", "compat-tests/l8compat", "bench", "noxfile.py", "docs/tests/examples",
    "proto/sdk-templates/python/_consumer/smoke_client.py",  # the API's publish consumer program
]


@nox.session
@ci_step("bootstrap")
def bootstrap(session: nox.Session) -> None:
    """Install what is missing (apt, Go plugins, npm), start dockerd, build the base and runtime images (in
    ``nox -s ci`` in the background: lint and the unit tests need no image, and whatever needs one runs
    build.py, which waits for this build's lock)."""
    dev_run(session, "python", "-m", "l8dev.toolchain.bootstrap")
    build = ["runtime-stub/image/build.py", "all"]
    if not in_ci():
        dev_run(session, "python", *build)
        return
    images = Background(["python", *build], CI_DIR / "images.log")
    session.log(f"bootstrap: building the images in the background ({' '.join(build)} > {images.log})")
    BACKGROUND["bootstrap"] = lambda: images.finish(session, "bootstrap: the image build")


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
    """Unit tests: pytest over pyproject's testpaths on one worker per core, without the container tests
    (and, in ``nox -s ci``, without the ``slow`` ones: its slow-tests step runs them)."""
    markers = "not container and not slow" if separate() else "not container"
    # one worker per core (pytest-xdist): on 2 cores 105 s instead of 170 s; each test owns its tmp dirs
    pytest_step(session, "tests", "-m", markers, "-n", "auto", "--maxprocesses=4", allow_empty=True)


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
    """Main job: regenerate every SDK, start the runtime locally and run the same short tour through each SDK
    (state + etag, pub/sub, lock, file, typed error; docs/tests/examples/tour.py). `-- go,cpp` picks SDKs."""
    generate(session)
    session.log("demo: building quietly and running each SDK's tour (the C++ SDK builds once: minutes)")
    dev_run(session, "python", "docs/tests/examples/tour.py", *session.posargs)


@nox.session
def examples(session: nox.Session) -> None:
    """Every README and API-reference code block run against a local l8-runtime in its language (Python,
    TypeScript, Go, C++), with counts; fails on a failed or untested block (docs/tests/examples/README.md)."""
    dev_run(session, "python", "docs/tests/examples/run.py", *session.posargs, env=CPP_CCACHE)


@nox.session
@ci_step("docs")
def docs(session: nox.Session) -> None:
    """API reference in headless Chromium (every page, no console errors, search, RPCs x 4 languages,
    screenshot in .cache/ci/), the docs' own tests (docs/tests: from-checkout instructions) and every README /
    reference example executed against the runtime (`nox -s examples`)."""
    dev_run(session, "python", "-m", "l8gen.reference.check", "--out", str(CI_DIR))
    if (ROOT / "docs" / "tests").is_dir():
        pytest_step(session, "docs", "docs/tests")
    examples(session)


@nox.session
@ci_step("generality")
def generality(session: nox.Session) -> None:
    """Every API of the generality corpus (generator/tests/apis/) -> four SDKs, each built and checked the way
    its sdk-<lang> session does, or refused with exit 2 at file:line (logic: generator/tests/apis/run.py).
    In ``nox -s ci`` it runs in the background at nice 19 (CPU-bound compiles and type checks beside the
    harness steps, which mostly wait: in a cold run ~55 % of the CPU was idle from compat-mutants on)."""
    command = ["generator/tests/apis/run.py", *session.posargs]
    if not in_ci():
        dev_run(session, "python", *command)
        return
    ensure_dev_venv(session)
    work = Background(["python", *command], CI_DIR / "generality.log", nice=19)
    session.log(f"generality: started in the background at nice 19 (> {work.log})")
    BACKGROUND["generality"] = lambda: work.finish(session, "generality")
