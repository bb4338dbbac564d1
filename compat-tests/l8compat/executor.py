"""Running one case for one language: steps -> driver ops / control calls -> verified, recorded results.

Place in the pipeline: runner (pytest items) -> executor.LanguageSession.run_case -> driver / control ->
expect.verify -> results.CaseResult. Setup, steps and cleanup run in order (each step's action in
actions.py); cleanup always runs and its problems are recorded beside the case's own result
(cleanup_problem), never instead of it. After a case the session puts things back (open streams cancelled,
callback server stopped, default connection restored), so cases stay independent. A driver that breaks the
protocol is restarted and the case is an `error`, never a pass. Each case has a time budget: a call that
never returns ends the case as a `fail` (wedged, observed NO_REPLY) and the driver is restarted. A target
profile maps component names (requests and expectations) and marks cases it cannot serve `unsupported`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .actions import CaseError, dispatch
from .cases import Case, Step
from .control import ControlClient
from .driver import DriverFailure, DriverProcess, DriverTimeout, Reply
from .engine import Runtime
from .expect import StepFailed, verify
from .matching import extract
from .protos import Api, Rpc
from .results import CaseResult, StepRecord, clip
from .targets import Target, unsupported_reason
from .templating import Scope, TemplateFailure, render
from .verdicts import observed_expected

SLACK_S = 10.0  # a reply may take the op's own timeout plus this
CASE_BUDGET_S = 45.0  # default budget of one case (all its steps); a profile may set case_timeout_s


class LanguageSession:
    def __init__(
        self,
        language: str,
        api: Api,
        runtime: Runtime,
        start_driver: Callable[[], DriverProcess],
        control: ControlClient | None,
        run_id: str,
        callback_ok: bool = True,
        target: Target | None = None,
    ) -> None:
        self.language, self.api, self.runtime = language, api, runtime
        self._start_driver = start_driver
        self.control = control
        self.run_id = run_id
        self.callback_ok = callback_ok
        self.target = target
        self.case_budget_s = (target.case_timeout_s if target else 0) or CASE_BUDGET_S
        self.driver: DriverProcess | None = None
        self.rpcs: set[str] = set()

    # -- driver lifecycle ------------------------------------------------------------------------------
    def start(self) -> dict[str, Any]:
        self.driver = self._start_driver()
        self.rpcs = set(self.driver.hello.get("rpcs", []))
        self._connect_default()
        return self.driver.hello

    def _connect_default(self) -> None:
        assert self.driver is not None
        for op, fields in (
            ("connect", {"endpoint": self.runtime.endpoint}),
            ("wait_ready", {"timeout_ms": 20000}),
        ):
            reply = self.driver.request(op, **fields)
            if not reply.ok:
                raise DriverFailure(f"{self.language} driver {op} failed: {reply.error}")

    def restart_driver(self) -> None:
        if self.driver is not None:
            self.driver.kill()
        self.start()

    def stop(self) -> None:
        if self.driver is not None:
            self.driver.stop()
            self.driver = None

    # -- cases -----------------------------------------------------------------------------------------
    def unsupported_reason(self, case: Case) -> str:
        """The runtime lacks what the case needs (profile `lacks`, unreachable callback): "unsupported"."""
        if "callback" in case.requires and not self.callback_ok:
            return "runtime cannot reach a callback server on this host (no callback port in the profile)"
        return unsupported_reason(self.target, case)

    def skip_reason(self, case: Case) -> str:
        if "control" in case.requires and self.control is None:
            return "runtime serves no l8.control.v1 control service"
        if "restart" in case.requires and not self.runtime.can_restart:
            return f"the harness cannot restart a runtime in {self.runtime.mode} mode"
        if "mutable_runtime" in case.requires and self.runtime.mode == "external":
            return "changes runtime configuration: not done to an external runtime"
        missing = sorted(case.uses - self.rpcs)
        if missing:
            return f"{self.language} driver does not implement {', '.join(missing)}"
        return ""

    def run_case(self, case: Case) -> CaseResult:
        result = CaseResult(
            self.language,
            case.rpc.service,
            case.rpc.name,
            case.name,
            case.id,
            case.kind,
            "pass",
            0.0,
            file=f"{case.file}:{case.line}",
        )
        for outcome, reason in (
            ("unsupported", self.unsupported_reason(case)),
            ("skip", self.skip_reason(case)),
        ):
            if reason:
                result.outcome, result.reason = outcome, reason
                return result
        run = CaseRun(self, case, result)
        started = time.monotonic()
        try:
            run.execute()
        finally:
            result.duration_ms = (time.monotonic() - started) * 1000
        return result


class CaseRun:
    def __init__(self, session: LanguageSession, case: Case, result: CaseResult) -> None:
        self.s, self.case, self.result = session, case, result
        self.scope = Scope(
            case.id,
            session.run_id,
            {
                "language": session.language,
                "mode": session.runtime.mode,
                "callback_port": session.runtime.callback_port,
                "callback_host": session.runtime.callback_host,
                "endpoint": session.runtime.endpoint,
            },
        )
        self.streams: dict[str, Rpc] = {}
        self.callback_started = False
        self.dirty_connection = False
        self.tmp: list[Path] = []
        self.deadline = time.monotonic() + session.case_budget_s

    @property
    def driver(self) -> DriverProcess:
        if self.s.driver is None:
            raise CaseError("driver is not running")
        return self.s.driver

    def execute(self) -> None:
        failure: str | None = None
        outcome = "pass"
        try:
            for step in (*self.case.setup, *self.case.steps):
                self._run_step(step)
        except DriverTimeout as exc:  # the runtime did not answer in time: its failure, the run goes on
            outcome, failure = "fail", str(exc)
            self.result.wedged = True
            self.result.observed = {"status": "NO_REPLY", "value": str(exc)[:200]}
        except StepFailed as exc:
            outcome, failure = "fail", str(exc)
        except (CaseError, DriverFailure, TemplateFailure) as exc:
            outcome, failure = "error", str(exc)
        # Cleanup always runs while the driver lives; its problems are reported beside the case's own
        # result (cleanup_problem) and only decide the outcome when the case itself passed.
        if self.s.driver is not None and self.s.driver.alive and not self.result.wedged:
            problem = self._cleanup()
            if problem:
                self.result.cleanup_problem = problem
                if outcome == "pass":
                    outcome, failure = problem.split(":", 1)[0], problem.split(":", 1)[1].strip()
        try:
            if not self.result.wedged:  # a wedged driver is restarted below instead
                self._tidy()
        except (DriverFailure, CaseError) as exc:
            if outcome == "pass":
                outcome, failure = "error", f"(tidy) {exc}"
        if self.result.wedged or (
            outcome == "error"
            and (self.s.driver is None or not self.s.driver.alive or "driver" in (failure or ""))
        ):
            try:
                self.s.restart_driver()
            except DriverFailure as exc:
                failure = f"{failure}; driver restart failed: {exc}"
        self.result.outcome = outcome
        self.result.reason = failure or ""

    def _cleanup(self) -> str:
        """Run every cleanup step (one failing does not stop the others); "<fail|error>: why" or ""."""
        problems: list[tuple[str, str]] = []
        for step in self.case.cleanup:
            try:
                self._run_step(step, record_observed=False)
            except StepFailed as exc:
                problems.append(("fail", f"(cleanup) {exc}"))
            except DriverTimeout as exc:
                problems.append(("fail", f"(cleanup) {exc}"))
                break
            except (CaseError, DriverFailure, TemplateFailure) as exc:
                problems.append(("error", f"(cleanup) {exc}"))
                if self.s.driver is None or not self.s.driver.alive:
                    break
        if not problems:
            return ""
        kind = "error" if any(k == "error" for k, _ in problems) else "fail"
        return kind + ": " + "; ".join(p for _, p in problems)

    # -- steps -----------------------------------------------------------------------------------------
    def _run_step(self, step: Step, record_observed: bool = True) -> None:
        rec = StepRecord(step.phase, step.index, step.action, step.where, 0.0, True)
        self.result.steps.append(rec)
        started = time.monotonic()
        try:
            view = self._dispatch(step, rec)
            expect = self.map_names(render(step.body.get("expect", {}), self.scope))
            try:
                verify(expect, view)
            except StepFailed:
                if record_observed:
                    self.result.observed, self.result.expected = observed_expected(view, expect)
                raise
            for name, path in step.body.get("capture", {}).items():
                try:
                    self.scope.vars[name] = extract(view, path)
                except KeyError as exc:
                    raise StepFailed(f"capture {name}: {exc.args[0]}") from None
        except (StepFailed, CaseError, DriverFailure, TemplateFailure) as exc:
            rec.ok, rec.problem = False, str(exc)
            raise type(exc)(f"{step.phase}[{step.index}] {step.action} ({step.where}): {exc}") from None
        finally:
            rec.duration_ms = (time.monotonic() - started) * 1000

    def map_names(self, value: Any) -> Any:
        """Contract component names -> the target's (profile `components`)."""
        return self.s.target.map_names(value) if self.s.target is not None else value

    def send(self, rec: StepRecord, op: str, *, budget_ms: Any = None, **fields: Any) -> Reply:
        """Send one driver op; the reply may take the op's own timeout plus SLACK_S, never longer than
        what is left of the case's budget (cleanup gets a few seconds more)."""
        rec.sent = clip({"op": op, **fields})
        budget = (float(budget_ms) / 1000 if budget_ms else 0) + SLACK_S
        left = self.deadline - time.monotonic() + (5.0 if rec.phase == "cleanup" else 0.0)
        budget = max(1.0, min(budget, left))
        reply = self.driver.request(op, timeout_s=budget, **fields)
        rec.reply = clip(reply.body)
        return reply

    def canon(self, type_name: str, value: Any, what: str) -> Any:
        try:
            return self.s.api.canonical(type_name, value if value is not None else {})
        except Exception as exc:  # noqa: BLE001 - any parse failure is a driver/SDK defect
            raise StepFailed(f"{what} is not valid proto3 JSON for {type_name}: {exc}") from None

    def view(self, reply: Reply) -> dict[str, Any]:
        return {"ok": reply.ok, "error": reply.error} if not reply.ok else {"ok": True}

    def event(self, e: Any) -> Any:
        if not isinstance(e, dict):
            raise StepFailed(f"event is not an object: {clip(e)}")
        if isinstance(e.get("event"), dict):
            body, extra = e["event"], {k: v for k, v in e.items() if k != "event"}
        else:
            extra = {k: e[k] for k in ("status",) if k in e}
            body = {k: v for k, v in e.items() if k not in extra}
        return {**self.canon("spec.proto.runtime.v1.TopicEventRequest", body, "event"), **extra}

    def _dispatch(self, step: Step, rec: StepRecord) -> dict[str, Any]:
        return dispatch(self, step, rec)

    def _tidy(self) -> None:
        for name in list(self.streams):
            try:
                self.driver.request("cancel", stream=name, timeout_s=10)
            except DriverFailure:
                raise
        if self.callback_started:
            self.driver.request("stop_callback", timeout_s=15)
        if self.dirty_connection:
            self.s._connect_default()
        for p in self.tmp:
            p.unlink(missing_ok=True)
