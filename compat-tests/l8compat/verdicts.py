"""Verdicts that say whose fault: observed vs expected of a failing step, then agreement across SDKs.

Place in the pipeline: executor (a step fails -> observed_expected) ... reports.write_all -> classify(run)
-> the fields `verdict` and `odd_one_out` of every failing CaseResult and the conformance view of
matrix.{json,md,html} (conformance_view). Rules, per case, over the languages that executed it:
- every language failed it the same way (same failing step, same observed status) -> `runtime_deviation`:
  all SDKs agree, so the runtime differs from the contract;
- the languages disagree (some pass, or they fail differently) -> `sdk_fault`, naming the odd one(s) out:
  the languages outside the largest group of identical outcomes;
- only one language ran it -> no verdict (nothing to compare with); nor in a merge of runs against
  different targets (meta.target lists several): their languages did not see the same runtime.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from .results import CaseResult, Run, clip

FAILED = ("fail", "error", "known_fail", "known_deviation", "xpass")
EXECUTED = ("pass", *FAILED)


def _status(view_or_expect: dict[str, Any], is_expect: bool) -> str:
    err = view_or_expect.get("error")
    if is_expect:
        if err is None:
            return "OK"
        return str(err if isinstance(err, str) else err.get("code", "?"))
    if view_or_expect.get("ok", True):
        return "OK"
    return str((err or {}).get("code", "?"))


def observed_expected(view: dict[str, Any], expect: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """What the failing step saw (status, value/message) and what the case wanted (status, value)."""
    obs: dict[str, Any] = {"status": _status(view, False)}
    if not view.get("ok", True):
        obs["message"] = clip(str((view.get("error") or {}).get("message", "")), 200)
    else:
        value = {k: v for k, v in view.items() if k not in ("ok", "error")}
        if value:
            obs["value"] = clip(value, 200)
    exp: dict[str, Any] = {"status": _status(expect, True)}
    value = {k: v for k, v in expect.items() if k != "error"}
    if value:
        exp["value"] = clip(value, 200)
    return obs, exp


def _signature(r: CaseResult) -> str:
    if r.outcome == "pass":
        return "pass"
    step = next((f"{s.phase}[{s.index}]" for s in r.steps if not s.ok), "?")
    return f"{step}:{r.observed.get('status', r.outcome)}"


def classify(run: Run) -> None:
    """Set verdict/odd_one_out on every failed result (recomputed from scratch: merges call it again)."""
    by_case: dict[str, list[CaseResult]] = defaultdict(list)
    for r in run.results:
        r.verdict, r.odd_one_out = "", []
    if "," in run.meta.target:
        return
    for r in run.results:
        if r.outcome in EXECUTED and "@" not in r.language:
            by_case[r.case_id].append(r)
    for rs in by_case.values():
        failed = [r for r in rs if r.outcome in FAILED]
        if not failed or len(rs) < 2:
            continue
        sigs = Counter(_signature(r) for r in rs)
        if len(sigs) == 1:
            for r in failed:
                r.verdict = "runtime_deviation"
            continue
        top = max(sigs.values())
        majority = sorted(s for s, n in sigs.items() if n == top)
        odd = sorted(r.language for r in rs if len(majority) > 1 or _signature(r) != majority[0])
        for r in failed:
            r.verdict, r.odd_one_out = "sdk_fault", odd


def conformance_view(run: Run) -> dict[str, Any]:
    """Per RPC: runtime deviations and SDK faults with observed vs expected; unsupported cases."""
    rpcs: dict[str, dict[str, Any]] = {}
    seen: set[tuple[str, str]] = set()
    for r in sorted(run.results, key=lambda r: (r.service, r.rpc, r.case_id, r.language)):
        key = f"{r.service}/{r.rpc}"
        entry = rpcs.setdefault(key, {"deviations": [], "sdk_faults": [], "unsupported": []})
        if r.outcome == "unsupported":
            if (r.case_id, "u") not in seen:
                seen.add((r.case_id, "u"))
                entry["unsupported"].append({"case": r.case_id, "reason": r.reason})
            continue
        if not r.verdict or (r.case_id, r.verdict) in seen:
            continue
        seen.add((r.case_id, r.verdict))
        langs = sorted(x.language for x in run.results if x.case_id == r.case_id and x.verdict == r.verdict)
        row = {
            "case": r.case_id,
            "languages": langs,
            "observed": r.observed,
            "expected": r.expected,
            "known": r.outcome == "known_deviation",
            "wedged": r.wedged,
        }
        if r.verdict == "runtime_deviation":
            entry["deviations"].append(row)
        else:
            entry["sdk_faults"].append({**row, "odd_one_out": r.odd_one_out})
    return {k: v for k, v in sorted(rpcs.items()) if any(v.values())}
