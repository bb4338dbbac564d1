"""Result records of a compat run: one CaseResult per language x case, with every step recorded.

Place in the pipeline: executor -> results -> reports (matrix.json/md/html) and gates. Outcomes:
  pass        every step met its expectation
  fail        an expectation was not met (or the SDK returned an unexpected error)
  error       the harness could not judge: the driver died/hung/broke the protocol, or a template failed
  skip        not run: the driver lacks an RPC the case needs, or the runtime mode cannot do it
  unsupported not run: the target profile says the runtime lacks a capability the case needs (or the
              runtime cannot reach the app's callback server)
  known_deviation  failed, and listed in the target profile's known_deviations with a reason
  known_fail  failed, and listed in known_failing/<lang>.yaml with a reason
  xpass       listed in known_failing/<lang>.yaml but passed: the list is stale (fails the run)
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

OUTCOMES = ("pass", "fail", "error", "skip", "unsupported", "known_fail", "known_deviation", "xpass")
_LIMIT = 400


def clip(value: Any, limit: int = _LIMIT) -> Any:
    """Shorten long strings (base64 payloads) so step records stay readable."""
    if isinstance(value, str):
        return value if len(value) <= limit else value[:limit] + f"...<{len(value)} chars>"
    if isinstance(value, list):
        out = [clip(v, limit) for v in value[:50]]
        return out + [f"...<{len(value)} items>"] if len(value) > 50 else out
    if isinstance(value, dict):
        return {k: clip(v, limit) for k, v in value.items()}
    return value


@dataclass
class StepRecord:
    phase: str
    index: int
    action: str
    where: str
    duration_ms: float
    ok: bool
    sent: Any = None
    reply: Any = None
    problem: str = ""


@dataclass
class CaseResult:
    language: str
    service: str
    rpc: str
    case: str
    case_id: str
    kind: str
    outcome: str
    duration_ms: float
    reason: str = ""
    file: str = ""
    steps: list[StepRecord] = field(default_factory=list)
    known_failing_reason: str = ""
    # Conformance (schema/matrix.schema.json): what the failing step observed vs what the case expected,
    # whose fault (verdicts.py: runtime_deviation | sdk_fault, across languages), cleanup problems reported
    # beside the case's own result, and whether the case ran out of time (a wedged call).
    observed: dict[str, Any] = field(default_factory=dict)
    expected: dict[str, Any] = field(default_factory=dict)
    verdict: str = ""
    odd_one_out: list[str] = field(default_factory=list)
    cleanup_problem: str = ""
    wedged: bool = False

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["duration_ms"] = round(self.duration_ms, 1)
        for s in d["steps"]:
            s["duration_ms"] = round(s["duration_ms"], 1)
        return d


@dataclass
class LanguageInfo:
    language: str
    sdk_version: str = ""
    rpcs: list[str] = field(default_factory=list)
    driver: str = ""
    status: str = "ok"  # ok | build-failed | start-failed
    detail: str = ""


@dataclass
class RunMeta:
    runtime_mode: str  # container | process | external
    runtime_endpoint: str = ""
    runtime_args: list[str] = field(default_factory=list)
    engine: str = ""
    mutant: str = ""
    started: str = ""
    duration_s: float = 0.0
    notes: list[str] = field(default_factory=list)
    languages: dict[str, LanguageInfo] = field(default_factory=dict)
    gates: dict[str, dict[str, Any]] = field(default_factory=dict)
    total_rpcs: int = 0
    target: str = ""  # "" = the reference runtime; else the profile name or host:port
    target_profile: str = ""  # path of the profile file
    reference: bool = True  # the reference runtime in its reference configuration (coverage >= 3 applies)
    wedged: list[str] = field(default_factory=list)  # cases after which a call got no reply in time


@dataclass
class Run:
    meta: RunMeta
    results: list[CaseResult] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        meta = asdict(self.meta)
        meta["duration_s"] = round(self.meta.duration_s, 1)
        return {"meta": meta, "results": [r.to_json() for r in self.results]}

    def dumps(self) -> str:
        return json.dumps(self.to_json(), indent=1, sort_keys=True) + "\n"

    def counts(self, language: str | None = None) -> dict[str, int]:
        out = dict.fromkeys(OUTCOMES, 0)
        for r in self.results:
            if language is None or r.language == language:
                out[r.outcome] += 1
        return out
