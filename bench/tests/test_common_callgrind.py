"""Tests for bench/common.py's reading of callgrind output: ``event_totals`` gives every event's total of a
real callgrind run with the simulated caches and branch predictors, as valgrind's own ``callgrind_annotate``
reports them (the P3 instruction row prints the misses from it)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.common import _ir_totals, event_totals  # noqa: E402

NO_VALGRIND = shutil.which("valgrind") is None or shutil.which("callgrind_annotate") is None
pytestmark = pytest.mark.skipif(NO_VALGRIND, reason="valgrind is not installed")


def _annotated_totals(out: Path) -> dict[str, int]:
    """The PROGRAM TOTALS line of ``callgrind_annotate``, by its ``Events shown`` header."""
    text = subprocess.run(["callgrind_annotate", str(out)], capture_output=True, text=True, check=True).stdout
    events = re.search(r"^Events shown:\s+(.+)$", text, re.MULTILINE)
    totals = next(line for line in text.splitlines() if line.endswith("PROGRAM TOTALS"))
    assert events is not None
    values = [int(value.replace(",", "")) for value in re.findall(r"(\d[\d,]*)(?: \(\s*[\d.]+%\))?", totals)]
    return dict(zip(events.group(1).split(), values, strict=True))


def test_event_totals_match_callgrind_annotate_with_simulated_caches(tmp_path: Path) -> None:
    out = tmp_path / "cg.out"
    subprocess.run(["valgrind", "--tool=callgrind", "--cache-sim=yes", "--branch-sim=yes",
                    f"--callgrind-out-file={out}", sys.executable, "-c", "sum(range(1000))"],
                   capture_output=True, check=True)
    totals = event_totals(out)
    assert set(totals) >= {"Ir", "I1mr", "D1mr", "D1mw", "ILmr", "DLmr", "DLmw", "Bcm", "Bim"}
    assert totals == _annotated_totals(out)
    assert _ir_totals([out]) == [totals["Ir"]]


def test_a_file_without_totals_gives_no_events(tmp_path: Path) -> None:
    part = tmp_path / "cg.out.2"
    part.write_text("# callgrind format\nversion: 1\nevents: Ir\nfn=main\n")  # cut before its totals line
    assert event_totals(part) == {}
    assert _ir_totals([part]) == [0]
