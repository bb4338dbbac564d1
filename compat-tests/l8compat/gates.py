"""Gates that keep the matrix honest: coverage, strict known-failing lists, zero-executed.

Place in the pipeline: results (every CaseResult of the run) + cases + proto/ inventory -> gates -> pass/fail
of the whole run (reported in matrix.json and as pytest items). Rules:
- coverage: every RPC of every API service (proto/, AppCallback included: its cases are the ones in which
  the runtime calls the SDK's callback helper) has >= MIN_CASES cases in the case set; against the
  reference runtime, >= MIN_CASES cases *executed* (not skipped, not unsupported) for every language with
  a driver. Against any other target the executed / unsupported / skipped counts are reported, not gated;
- known deviations (target profile): a listed case that passes, or an entry naming no case, fails the run;
- known_failing/<lang>.yaml: every entry has a reason and names an existing case; a listed case that
  passes (xpass) fails the run, so the list can only shrink;
- zero executed: a run (or a language) that executed no case fails.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .cases import Case
from .protos import Api
from .results import CaseResult

MIN_CASES = 3
KNOWN_FAILING_DIR = Path(__file__).resolve().parents[1] / "known_failing"
EXECUTED = ("pass", "fail", "error", "known_fail", "known_deviation", "xpass")


class KnownFailingError(ValueError):
    pass


@dataclass(frozen=True)
class GateResult:
    name: str
    ok: bool
    detail: tuple[str, ...]
    skipped: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "detail": list(self.detail), "skipped": self.skipped}


def load_known_failing(language: str, directory: Path = KNOWN_FAILING_DIR) -> dict[str, str]:
    """case id -> reason. File: a list of {case: <id>, reason: <text>}; missing file = empty list."""
    path = directory / f"{language}.yaml"
    if not path.exists() and "@" in language:  # an older SDK (version skew) inherits its language's list
        path = directory / f"{language.partition('@')[0]}.yaml"
    if not path.exists():
        return {}
    raw = yaml.safe_load(path.read_text()) or []
    if not isinstance(raw, list):
        raise KnownFailingError(f"{path}: expected a list of {{case, reason}} entries")
    out: dict[str, str] = {}
    for i, entry in enumerate(raw):
        if not isinstance(entry, dict) or set(entry) != {"case", "reason"}:
            raise KnownFailingError(f"{path}: entry {i}: expected exactly the keys 'case' and 'reason'")
        if not str(entry["reason"]).strip():
            raise KnownFailingError(f"{path}: entry {i} ({entry['case']}): the reason must not be empty")
        if entry["case"] in out:
            raise KnownFailingError(f"{path}: entry {i}: {entry['case']} listed twice")
        out[str(entry["case"])] = str(entry["reason"])
    return out


def apply_known_deviation(result: CaseResult, deviations: dict[str, str], target: str) -> CaseResult:
    """A case the target profile lists as a known deviation: fail -> known_deviation, pass -> xpass."""
    reason = deviations.get(result.case_id)
    if reason is None or result.outcome not in ("pass", "fail"):
        return result
    result.known_failing_reason = reason
    if result.outcome == "fail":
        result.outcome = "known_deviation"
    else:
        result.outcome = "xpass"
        result.reason = (
            f"listed in target {target}'s known_deviations ({reason}) but passed: remove the entry"
        )
    return result


def apply_known_failing(result: CaseResult, known: dict[str, str]) -> CaseResult:
    reason = known.get(result.case_id)
    if reason is None:
        return result
    result.known_failing_reason = reason
    if result.outcome in ("fail", "error"):
        result.outcome = "known_fail"
    elif result.outcome == "pass":
        result.outcome = "xpass"
        result.reason = (
            f"listed in known_failing/{result.language}.yaml ({reason}) but passed: remove the entry"
        )
    return result


def coverage_gate(
    api: Api,
    cases: list[Case],
    results: list[CaseResult],
    languages: list[str],
    partial: str = "",
    known_rpcs: dict[str, set[str]] | None = None,
    reference: bool = True,
) -> GateResult:
    """``known_rpcs``: languages (older SDKs in a version-skew run) required to cover only these RPCs.
    ``reference``: the reference runtime; any other target gets counts (detail), not a per-RPC minimum."""
    if partial:
        return GateResult("coverage", True, (), skipped=partial)
    problems: list[str] = []
    static = Counter(c.rpc.key for c in cases)
    for rpc in api.api_rpcs():
        if static[rpc.key] < MIN_CASES:
            problems.append(f"case set: {rpc.key} has {static[rpc.key]} case(s), needs {MIN_CASES}")
    if not reference:
        counts = [
            f"{lang}: executed {sum(1 for r in results if r.language == lang and r.outcome in EXECUTED)}, "
            f"unsupported {sum(1 for r in results if r.language == lang and r.outcome == 'unsupported')}, "
            f"skipped {sum(1 for r in results if r.language == lang and r.outcome == 'skip')}"
            for lang in languages
        ]
        return GateResult("coverage", not problems, tuple(problems + counts))
    for lang in languages:
        ran = Counter(f"{r.service}/{r.rpc}" for r in results if r.language == lang and r.outcome in EXECUTED)
        only = (known_rpcs or {}).get(lang)
        short = [
            f"{rpc.key} ({ran[rpc.key]})"
            for rpc in api.api_rpcs()
            if ran[rpc.key] < MIN_CASES and (only is None or rpc.key in only)
        ]
        if short:
            problems.append(
                f"{lang}: {len(short)} RPC(s) with fewer than {MIN_CASES} executed cases: " + ", ".join(short)
            )
    return GateResult("coverage", not problems, tuple(problems))


def known_failing_gate(
    cases: list[Case],
    results: list[CaseResult],
    known: dict[str, dict[str, str]],
    partial: str = "",
    profile_problems: tuple[str, ...] = (),
) -> GateResult:
    """``profile_problems``: target profile entries that name nothing (targets.check_against_cases)."""
    ids = {c.id for c in cases}
    problems = list(profile_problems)
    for lang, entries in sorted(known.items()):
        for case_id in sorted(entries):
            if case_id not in ids:
                problems.append(f"known_failing/{lang}.yaml: {case_id} matches no case")
    for r in results:
        if r.outcome == "xpass":
            problems.append(f"{r.language}: {r.case_id} passed but is listed as known-failing")
    return GateResult("known_failing", not problems, tuple(problems))


def executed_gate(results: list[CaseResult], languages: list[str]) -> GateResult:
    problems = []
    total = sum(1 for r in results if r.outcome in EXECUTED)
    if total == 0:
        problems.append("zero cases executed")
    for lang in languages:
        n = sum(1 for r in results if r.language == lang and r.outcome in EXECUTED)
        if n == 0:
            problems.append(f"{lang}: zero cases executed")
    return GateResult("executed", not problems, tuple(problems))


def outcome_gate(results: list[CaseResult]) -> GateResult:
    bad = [
        f"{r.language} {r.case_id}: {r.outcome}: {r.reason}"
        for r in results
        if r.outcome in ("fail", "error", "xpass")
    ]
    return GateResult("outcomes", not bad, tuple(bad))
