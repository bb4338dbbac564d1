"""Sessions of the compatibility harness (compat-tests/): one ``compat-<language>`` per registered language
with a compat driver, the all-languages ``compat``, the mutation and conformance self-tests.

Pipeline place: after the SDKs are generated and built. ``compat-<lang>`` runs compat-tests/run (pytest +
testcontainers: the runtime image in a container, the language's driver, every case, gates) into
compat-tests/results/<lang>/, then merges the newest run of each language into
compat-tests/results/matrix.{json,md,html}. Extra pytest arguments go after ``--``, e.g.
``nox -s compat-python -- --target 127.0.0.1:34904`` (external runtime) or ``-- --case 'Runtime.GetState/*'``.
"""

from __future__ import annotations

import nox
from l8gen.languages import LanguageSpec

from l8dev.sessions.base import ROOT, ci_step, dev_run, junit_path, written_this_run

COMPAT_RUN = "compat-tests/run"
CONFORMANCE_LANGUAGES = ("python", "go")  # the conformance self-test's drivers
COMPAT_ENV = {"TESTCONTAINERS_RYUK_DISABLED": "true", "PYTHONPATH": str(ROOT / "compat-tests")}


def run_matrix(session: nox.Session, step: str, *args: str) -> None:
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


def language_session(spec: LanguageSpec) -> None:
    """Register ``compat-<name>`` (a CI step) for a language whose ``language.toml`` has a ``[driver]``."""
    if spec.driver is None:
        return
    step = f"compat-{spec.name}"

    def compat_language(session: nox.Session) -> None:
        run_matrix(session, step, f"--languages={spec.name}")

    compat_language.__doc__ = (
        f"Compatibility matrix for the {spec.name} SDK: every case through its driver against the runtime."
    )
    nox.session(name=step)(ci_step(step)(compat_language))


@nox.session
def compat(session: nox.Session) -> None:
    """Compatibility matrix for every language whose driver exists (language x RPC grid)."""
    run_matrix(session, "compat")


@nox.session(name="compat-mutants")
@ci_step("compat-mutants")
def compat_mutants(session: nox.Session) -> None:
    """Mutation self-test: every `l8-runtime --mutate NAME` bug must make the suite fail (names the cases)."""
    mutants = ["python", "-m", "l8compat.mutants", "--languages=python"]
    # Inside `nox -s ci` the compat-python step has just run every case against the correct runtime: its
    # matrix is the baseline (not run twice)
    earlier = ROOT / "compat-tests" / "results" / "python"
    if not session.posargs and written_this_run(earlier / "matrix.json"):
        mutants.append(f"--baseline={earlier}")
    dev_run(session, *mutants, *session.posargs, env=COMPAT_ENV)


@nox.session(name="compat-conformance")
@ci_step("compat-conformance")
def compat_conformance(session: nox.Session) -> None:
    """Conformance self-test (l8compat.conformance): Python + Go drivers against the reference runtime and
    the `reference-variant` target; every difference must be classified, no stall (±20 % time). Inside
    `nox -s ci` the reference run is the compat-python and compat-go steps' matrices of the same run (not run
    twice). Then the Python matrix against the runtime started from a Layotto-format config."""
    out = ROOT / "compat-tests" / "results" / "conformance"
    # Inside `nox -s ci` the compat-python and compat-go steps have just run every case against the reference
    # runtime: their matrices are the reference run (unless extra harness arguments change what runs).
    earlier = [ROOT / "compat-tests" / "results" / lang for lang in CONFORMANCE_LANGUAGES]
    reuse = not session.posargs and all(written_this_run(d / "matrix.json") for d in earlier)
    runs = [("variant", ["--target=reference-variant"])]
    if reuse:
        session.log("compat-conformance: reference = this CI run's compat-python and compat-go matrices")
        references = earlier
    else:
        runs.insert(0, ("reference", []))
        references = [out / "reference"]
    for name, extra in runs:
        dev_run(session, "python", "-m", "pytest", COMPAT_RUN, "-q", "-p", "no:cacheprovider", "-rfE",
                f"--languages={','.join(CONFORMANCE_LANGUAGES)}", f"--results-dir={out / name}", *extra,
                *session.posargs, env=COMPAT_ENV)
    dev_run(session, "python", "-m", "l8compat.conformance", *[f"--reference={d}" for d in references],
            f"--variant={out / 'variant'}", env=COMPAT_ENV)
    # The runtime started from a Layotto-format config (runtime-stub/examples/layotto-config.json) must pass
    # the whole matrix through the `layotto-config` profile's mapping.
    dev_run(session, "python", "-m", "pytest", COMPAT_RUN, "-q", "-p", "no:cacheprovider", "-rfE",
            "--languages=python", f"--results-dir={out / 'layotto-config'}", "--target=layotto-config",
            *session.posargs, env=COMPAT_ENV)


@nox.session
@ci_step("orders")
def orders(session: nox.Session) -> None:
    """Run each SDK's examples/orders program against the runtime container (logic: l8compat.examples)."""
    dev_run(session, "python", "-m", "l8compat.examples", f"--junit={junit_path('orders')}",
            *session.posargs, env=COMPAT_ENV)
