"""nox sessions: the entry points of every workflow (`nox -l` lists them).

Place: drives the whole pipeline — bootstrap the toolchain, generate (proto -> descriptors -> IR ->
templates -> sdks), lint and test, run the harness (runtime image + testcontainers), check API evolution and
publish. The sessions live in ``generator/devtools/l8dev/sessions/`` by concept (see its ``__init__``); this
file imports them, adds the per-language sessions of every registered language (``l8gen.languages``: the
built-ins, ``[tool.l8gen] languages``, entry points, ``$L8GEN_LANGUAGES``) and fixes the order of
``nox -s ci``. Conventions for new sessions: ``l8dev.sessions.base``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nox

ROOT = Path(__file__).resolve().parent
# nox runs this file with its own interpreter: the session modules and what they import use the standard
# library and nox only (l8gen.languages, l8_runtime.ready), so they are imported from the checkout.
sys.path[:0] = [str(ROOT / "generator" / "devtools"), str(ROOT / "generator"), str(ROOT / "runtime-stub/src")]

from l8dev.sessions import compat, core, evolution, prebuild, publish, sdks, slow  # noqa: E402
from l8dev.sessions.ci import run_ci  # noqa: E402
from l8gen.languages import discover  # noqa: E402

nox.options.default_venv_backend = "none"
nox.options.sessions = ["lint", "tests"]
LANGUAGES = discover(ROOT / "pyproject.toml")
for _spec in LANGUAGES.values():
    sdks.language_session(_spec)
    compat.language_session(_spec)

# `nox -s ci`: these steps in this order (each registered language's sdk-<name> and compat-<name> in registry
# order); a registered step not named here runs after them.
CI_ORDER = [
    "bootstrap", "prebuild", "lint", "tests", "generate-check", "smoke", "bench-quick", "fuzz",
    *(f"{step}-{name}" for name in LANGUAGES for step in ("sdk", "compat")), slow.STEP,
    "generality", "compat-mutants", "compat-conformance", "api-check", "skew", "publish", "docs",
]
SESSION_MODULES = (core, prebuild, compat, sdks, slow, evolution, publish)


@nox.session
def ci(session: nox.Session) -> None:
    """Everything CI runs in order (CI_ORDER), a per-step timing table and one summary line.

    ``L8_CI_STEPS=bootstrap,smoke`` (comma-separated) runs only those steps."""
    run_ci(session, CI_ORDER)
