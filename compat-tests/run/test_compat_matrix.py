"""The matrix as pytest items: one item per language x case, then one per gate.

Place in the pipeline: conftest parametrizes (language, case) -> Harness.run_case -> pytest verdict:
pass -> passed, skip/unsupported -> skipped, known_fail/known_deviation -> xfailed, fail/error/xpass -> failed
(with the reason).
"""

from __future__ import annotations

import pytest
from l8compat.cases import Case
from l8compat.runner import Harness


def test_case(harness: Harness, language: str, case: Case) -> None:
    result = harness.run_case(language, case)
    if result.outcome == "pass":
        return
    if result.outcome in ("skip", "unsupported"):
        pytest.skip(f"{result.outcome}: {result.reason}")
    if result.outcome == "known_fail":
        pytest.xfail(f"known failing ({result.known_failing_reason}): {result.reason}")
    if result.outcome == "known_deviation":
        pytest.xfail(f"known runtime deviation ({result.known_failing_reason}): {result.reason}")
    pytest.fail(f"{result.outcome}: {result.reason}", pytrace=False)


def test_gate(harness: Harness, gate: str) -> None:
    result = harness.gates()[gate]
    if result.skipped:
        pytest.skip(result.skipped)
    assert result.ok, f"{gate} gate failed:\n" + "\n".join(result.detail)
