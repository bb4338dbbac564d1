"""Version skew with an additive change: old clients (an SDK generated from an older release record that
lacks one RPC) run the current case set against the current runtime through the compat harness, and pass.

Marked ``container`` (the harness starts the runtime image; `nox -s skew` runs it). The older release is
made from a copy of proto/ without EmailService.SendEmailWithTemplate, so the current API is exactly that
release plus an added RPC: `l8gen diff` must call it minor, and the old client must pass every case it can
run and skip (not fail) the cases of the RPC it does not know.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROTO_ROOT, REPO, cli
from tests.evolution.conftest import make_copy

OLD = "0.0.9"
REMOVED = (
    "  rpc SendEmailWithTemplate(SendEmailWithTemplateRequest) returns (SendEmailWithTemplateResponse) {}\n"
)
SERVICE = "spec.proto.extension.v1.email.EmailService"


@pytest.mark.container
def test_old_client_passes_against_the_current_runtime_after_an_added_rpc(tmp_path: Path, buf: Path) -> None:
    older = make_copy(tmp_path / "older", buf, version=OLD, record=False)
    older.edit("spec/proto/extension/v1/email/email.proto", REMOVED, "")
    record = older.record(OLD)

    code, out, err = cli(
        "diff",
        "--json",
        "--buf",
        str(buf),
        "--against",
        str(record),
        "--proto-root",
        str(PROTO_ROOT),
        "--config",
        str(REPO / "pyproject.toml"),
    )
    report = json.loads(out)
    assert code == 0, err
    assert (report["semver"], report["breaking"]) == ("minor", [])
    assert [a["element"] for a in report["added"]] == [f"{SERVICE}.SendEmailWithTemplate"]

    sdk_root = tmp_path / "skew"
    code, _, err = cli(
        "generate",
        "--descriptor-set",
        str(record),
        "--sdk-version",
        OLD,
        "--target",
        "python",
        "--out",
        str(sdk_root / OLD),
        "--config",
        str(REPO / "pyproject.toml"),
    )
    assert code == 0, err

    results = tmp_path / "results"
    env = {**os.environ, "PYTHONPATH": str(REPO / "compat-tests"), "TESTCONTAINERS_RYUK_DISABLED": "true"}
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "compat-tests/run",
            "-q",
            "-p",
            "no:cacheprovider",
            f"--languages=python@{OLD}",
            f"--sdk-root={sdk_root}",
            f"--results-dir={results}",
            "--case=EmailService.*",
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    matrix = json.loads((results / "matrix.json").read_text())
    info = matrix["meta"]["languages"][f"python@{OLD}"]
    assert info["sdk_version"] == OLD  # the old tree ran, not the current SDK
    assert f"{SERVICE}/SendEmail" in info["rpcs"] and f"{SERVICE}/SendEmailWithTemplate" not in info["rpcs"]
    outcomes: dict[str, list[str]] = {}
    for row in matrix["results"]:
        outcomes.setdefault(row["rpc"], []).append(row["outcome"])
        if row["rpc"] == "SendEmailWithTemplate":
            assert "SendEmailWithTemplate" in row["reason"]
    assert len(outcomes["SendEmail"]) >= 3 and set(outcomes["SendEmail"]) == {"pass"}
    assert len(outcomes["SendEmailWithTemplate"]) >= 3 and set(outcomes["SendEmailWithTemplate"]) == {"skip"}
    assert matrix["meta"]["gates"]["outcomes"]["ok"]
