"""Tests for bench/p1_generate.py's import floor: a cold ``l8gen generate --target python`` really imports
every module of ``FLOOR_IMPORTS`` (the floor row times a process importing only those), read from the
interpreter's own ``-X importtime`` record of the run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.common import dev_env  # noqa: E402
from bench.p1_generate import FLOOR_IMPORTS, _l8gen  # noqa: E402


def test_a_cold_python_target_run_imports_every_floor_module(tmp_path: Path) -> None:
    cmd = _l8gen(tmp_path, "--target", "python")
    proc = subprocess.run([cmd[0], "-X", "importtime", *cmd[1:]], env=dev_env(), capture_output=True,
                          text=True, check=True)
    imported = {line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines()
                if line.startswith("import time:") and line.count("|") == 2}
    assert proc.stdout.startswith("sdks/python: ") and " written, " in proc.stdout  # a cold run, not a no-op
    assert set(FLOOR_IMPORTS) <= imported, sorted(set(FLOOR_IMPORTS) - imported)
