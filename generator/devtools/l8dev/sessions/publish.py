"""Sessions of publishing (``l8dev.publish``): a dry run in CI and the manual upload.

Pipeline place: the last stage. ``publish`` (nothing leaves the machine) builds the release artifacts of
every publishable language into dist/ from the generated sdks/, then installs each one in a clean environment
and runs the language's consumer program against the runtime container. ``-- --only python,go`` limits the
languages. ``upload`` (never in CI; the module refuses when CI is set): ``nox -s upload -- --yes`` sends the
smoke-tested artifacts to their registries, credentials from the environment (README "Publishing").
"""

from __future__ import annotations

import nox
from nox.command import CommandFailed

from l8dev.sessions.base import ci_step, dev_run, junit_path


@nox.session
@ci_step("publish")
def publish(session: nox.Session) -> None:
    """Build the release artifacts of all SDKs into dist/ and smoke-test each from a clean install."""
    dev_run(session, "python", "-m", "l8dev.toolchain.bootstrap")  # go, npm, cmake, dockerd (else no-op)
    junit = junit_path("publish")
    junit.unlink(missing_ok=True)
    try:  # each language builds on its own: smoke-test what was built even when another build failed
        dev_run(session, "python", "-m", "l8dev.publish.build", *session.posargs)
        build_failed = False
    except CommandFailed:
        build_failed = True
    dev_run(session, "python", "-m", "l8dev.publish.smoke", f"--junit={junit}", *session.posargs)
    if build_failed:
        session.error("publish: a build failed (see above)")


@nox.session
def upload(session: nox.Session) -> None:
    """Upload the smoke-tested artifacts in dist/ (`-- --yes`; credentials from the environment; never CI)."""
    dev_run(session, "python", "-m", "l8dev.publish.upload", *session.posargs)
