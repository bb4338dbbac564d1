"""Sessions of API evolution (``l8gen diff`` / release records) and version skew.

Pipeline place: after the SDKs are green. ``api-check``: the SDKs match proto/ and proto/ has no breaking
change since the last release record (proto/releases/v<X.Y.Z>.binpb; in the tree, so a fresh clone without
tags has its baseline). ``skew``: SDKs generated from the last release record (old clients) run the current
case set against the current runtime; matrix column ``<lang>@<old version>`` next to ``<lang>`` in
compat-tests/results/skew/. ``L8_SKEW_LANGUAGES=python,node,...`` picks the languages (default python).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import nox
from l8gen.languages import discover

from l8dev.sessions.base import ROOT, ci_step, dev_run, junit_path
from l8dev.sessions.compat import run_matrix

RELEASES_DIR = ROOT / "proto" / "releases"
SKEW_DIR = ROOT / ".cache" / "skew"


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
    known = [name for name, spec in discover(ROOT / "pyproject.toml").items() if spec.driver is not None]
    languages = [x for x in os.environ.get("L8_SKEW_LANGUAGES", "python").split(",") if x]
    unknown = sorted(set(languages) - set(known))
    if unknown:
        session.error(f"L8_SKEW_LANGUAGES: unknown languages {unknown}; known: {sorted(known)}")
    tree = SKEW_DIR / version
    shutil.rmtree(tree, ignore_errors=True)
    targets = [arg for lang in languages for arg in ("--target", lang)]
    dev_run(session, "l8gen", "generate", "--descriptor-set", str(record), "--sdk-version", version,
            "--out", str(tree), *targets)
    columns = [*languages, *(f"{lang}@{version}" for lang in languages)]
    run_matrix(session, "skew", f"--languages={','.join(columns)}", f"--sdk-root={SKEW_DIR}",
               f"--results-dir={ROOT / 'compat-tests' / 'results' / 'skew'}")
    junit = junit_path("skew-additive")
    junit.unlink(missing_ok=True)
    dev_run(session, "python", "-m", "pytest", f"--junitxml={junit}", "-m", "container",
            "generator/tests/evolution/test_skew.py")
