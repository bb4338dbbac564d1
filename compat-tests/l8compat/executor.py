"""Running one case for one language: steps -> driver ops / control calls -> verified, recorded results.

Place in the pipeline: runner (pytest items) -> executor.LanguageSession.run_case -> driver / control ->
expect.verify -> results.CaseResult. Setup, steps and cleanup run in order; cleanup always runs. After a
case the session puts things back (open streams cancelled, callback server stopped, default connection
restored), so cases stay independent. A driver that breaks the protocol is restarted and the case is an
`error`, never a pass.
"""

from __future__ import annotations

import base64
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .cases import Case, Step
from .control import ControlClient, ControlError
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


class CaseError(RuntimeError):
    """The harness could not judge the case (driver failure, bad template): outcome `error`."""


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
        run = _CaseRun(self, case, result)
        started = time.monotonic()
        try:
            run.execute()
        finally:
            result.duration_ms = (time.monotonic() - started) * 1000
        return result


class _CaseRun:
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
            expect = self._map(render(step.body.get("expect", {}), self.scope))
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

    def _map(self, value: Any) -> Any:
        """Contract component names -> the target's (profile `components`)."""
        return self.s.target.map_names(value) if self.s.target is not None else value

    def _send(self, rec: StepRecord, op: str, *, budget_ms: Any = None, **fields: Any) -> Reply:
        """Send one driver op; the reply may take the op's own timeout plus SLACK_S, never longer than
        what is left of the case's budget (cleanup gets a few seconds more)."""
        rec.sent = clip({"op": op, **fields})
        budget = (float(budget_ms) / 1000 if budget_ms else 0) + SLACK_S
        left = self.deadline - time.monotonic() + (5.0 if rec.phase == "cleanup" else 0.0)
        budget = max(1.0, min(budget, left))
        reply = self.driver.request(op, timeout_s=budget, **fields)
        rec.reply = clip(reply.body)
        return reply

    def _canon(self, type_name: str, value: Any, what: str) -> Any:
        try:
            return self.s.api.canonical(type_name, value if value is not None else {})
        except Exception as exc:  # noqa: BLE001 - any parse failure is a driver/SDK defect
            raise StepFailed(f"{what} is not valid proto3 JSON for {type_name}: {exc}") from None

    def _view(self, reply: Reply) -> dict[str, Any]:
        return {"ok": reply.ok, "error": reply.error} if not reply.ok else {"ok": True}

    def _event(self, e: Any) -> Any:
        if not isinstance(e, dict):
            raise StepFailed(f"event is not an object: {clip(e)}")
        if isinstance(e.get("event"), dict):
            body, extra = e["event"], {k: v for k, v in e.items() if k != "event"}
        else:
            extra = {k: e[k] for k in ("status",) if k in e}
            body = {k: v for k, v in e.items() if k not in extra}
        return {**self._canon("spec.proto.runtime.v1.TopicEventRequest", body, "event"), **extra}

    def _dispatch(self, step: Step, rec: StepRecord) -> dict[str, Any]:
        b = self._map(render(dict(step.body), self.scope))
        a = b[step.action]
        act = step.action
        if act == "call":
            rpc = self.s.api.resolve(b.get("service", self.case.rpc.service), a)
            fields: dict[str, Any] = {"service": rpc.service, "rpc": rpc.name}
            for k in ("request", "requests", "timeout_ms", "metadata"):
                if k in b:
                    fields[k] = b[k]
            if rpc.shape in ("client_stream", "bidi"):
                fields.setdefault("requests", [])
            else:
                fields.setdefault("request", {})
            reply = self._send(rec, "call", budget_ms=b.get("timeout_ms"), **fields)
            view = self._view(reply)
            if reply.ok:
                if rpc.shape in ("server_stream", "bidi"):
                    items = reply.body.get("responses")
                    if not isinstance(items, list):
                        raise StepFailed(f"{rpc.shape} call reply has no 'responses' list")
                    view["responses"] = [self._canon(rpc.output_type, x, "response") for x in items]
                else:
                    view["response"] = self._canon(rpc.output_type, reply.body.get("response"), "response")
            return view
        if act == "open":
            rpc = self.s.api.resolve(b.get("service", self.case.rpc.service), b["rpc"])
            self.streams[a] = rpc
            fields = {"stream": a, "service": rpc.service, "rpc": rpc.name}
            for k in ("request", "timeout_ms", "metadata"):
                if k in b:
                    fields[k] = b[k]
            return self._view(self._send(rec, "open", budget_ms=b.get("timeout_ms"), **fields))
        if act in ("send", "recv", "close_send", "cancel"):
            rpc = self.streams[a]
            if act == "send":
                return self._view(self._send(rec, "send", stream=a, message=b["message"]))
            if act == "recv":
                tmo = b.get("timeout_ms", 10000)
                reply = self._send(
                    rec, "recv", budget_ms=tmo, stream=a, count=b.get("count", 1), timeout_ms=tmo
                )
                view = self._view(reply)
                if reply.ok:
                    view["messages"] = [
                        self._canon(rpc.output_type, x, "message") for x in reply.body.get("messages", [])
                    ]
                    view["done"] = bool(reply.body.get("done", False))
                return view
            if act == "cancel":
                self.streams.pop(a, None)
                return self._view(self._send(rec, "cancel", stream=a))
            reply = self._send(rec, "close_send", stream=a)
            view = self._view(reply)
            if reply.ok and rpc.shape == "client_stream":
                view["response"] = self._canon(rpc.output_type, reply.body.get("response"), "response")
            return view
        if act == "subscribe":
            self.streams[a] = self.s.api.resolve("spec.proto.runtime.v1.Runtime", "SubscribeTopicEvents")
            fields = {k: b[k] for k in ("pubsub_name", "topic", "status", "dead_letter_topic") if k in b}
            return self._view(self._send(rec, "subscribe", stream=a, **fields))
        if act == "subscription_events":
            tmo = b.get("timeout_ms", 10000)
            reply = self._send(
                rec, "subscription_events", budget_ms=tmo, stream=a, count=b.get("count", 1), timeout_ms=tmo
            )
            view = self._view(reply)
            if reply.ok:
                view["events"] = [
                    self._canon("spec.proto.runtime.v1.TopicEventRequest", e, "event")
                    for e in reply.body.get("events", [])
                ]
            return view
        if act == "serve_callback":
            port = a.get("port", self.s.runtime.callback_port)
            reply = self._send(rec, "serve_callback", port=port, subscriptions=a["subscriptions"])
            self.callback_started = self.callback_started or reply.ok
            view = self._view(reply)
            if reply.ok:
                view["response"] = {"port": reply.body.get("port")}
                self._point_runtime_at_callback(int(reply.body.get("port") or port))
            return view
        if act == "callback_events":
            return self._callback_events(a, rec)
        if act == "stop_callback":
            self.callback_started = False
            return self._view(self._send(rec, "stop_callback"))
        if act == "upload_file":
            data = base64.b64decode(a["content"])
            with tempfile.NamedTemporaryFile(prefix="l8compat-", delete=False) as f:
                f.write(data)
            self.tmp.append(Path(f.name))
            return self._view(
                self._send(
                    rec,
                    "upload_file",
                    store_name=a["store_name"],
                    name=a["name"],
                    path=f.name,
                    chunk_size=a.get("chunk_size", 65536),
                )
            )
        if act == "control":
            return self._control(a, b.get("request", {}), rec)
        if act == "connect":
            self.dirty_connection = True
            fields = {"endpoint": self.s.runtime.endpoint, **a}
            return self._view(self._send(rec, "connect", **fields))
        if act == "wait_ready":
            tmo = a.get("timeout_ms", 20000)
            return self._view(self._send(rec, "wait_ready", budget_ms=tmo, timeout_ms=tmo))
        if act == "sleep":
            time.sleep(float(a) / 1000)
            return {"ok": True}
        if act == "restart_runtime":
            return self._restart(rec)
        if act == "assert":
            rec.sent = clip({"assert": a})
            return {"ok": True, "value": a}
        raise CaseError(f"unknown action {act}")  # pragma: no cover - rejected by the loader

    def _callback_events(self, a: dict[str, Any], rec: StepRecord) -> dict[str, Any]:
        want = int(a.get("wait_for", 0))
        deadline = time.monotonic() + float(a.get("timeout_ms", 10000)) / 1000
        while True:
            last = time.monotonic() >= deadline
            clear = bool(a.get("clear", False))
            reply = self._send(rec, "callback_events", clear=False)
            if not reply.ok:
                return self._view(reply)
            events = reply.body.get("events", [])
            if len(events) >= want or last:
                break
            time.sleep(0.1)
        if clear:
            reply = self._send(rec, "callback_events", clear=True)
            if not reply.ok:
                return self._view(reply)
            events = reply.body.get("events", [])
        return {"ok": True, "events": [self._event(e) for e in events]}

    def _point_runtime_at_callback(self, port: int) -> None:
        """Tell the runtime (control SetAppCallback) where the callback helper listens now.

        The runtime was started with --app-callback at the reserved port; setting the address again also
        gives it a fresh channel (one that failed while no helper listened may be in reconnect backoff).
        Without a control service (external runtime) the address configured there must be right.
        """
        if self.s.control is None:
            return
        try:
            self.s.control.call("SetAppCallback", {"address": f"{self.s.runtime.callback_host}:{port}"})
        except ControlError as exc:
            raise CaseError(f"control SetAppCallback failed: {exc}") from None

    def _control(self, rpc_name: str, request: dict[str, Any], rec: StepRecord) -> dict[str, Any]:
        if self.s.control is None:
            raise CaseError("no control service")
        rec.sent = clip({"control": rpc_name, "request": request})
        try:
            rsp = self.s.control.call(rpc_name, request)
        except ControlError as exc:
            rec.reply = {"error": str(exc)}
            return {"ok": False, "error": {"code": exc.code, "message": exc.message}}
        rec.reply = clip(rsp)
        return {"ok": True, "response": rsp}

    def _restart(self, rec: StepRecord) -> dict[str, Any]:
        before = self.s.runtime.endpoint
        after = self.s.runtime.restart()
        rec.sent = {"restart_runtime": self.s.runtime.mode}
        rec.reply = {"endpoint_before": before, "endpoint_after": after}
        self.scope.ctx["endpoint"] = after
        if self.s.control is not None:
            self.s.control.reconnect(after)
        if after != before:  # the mapped port moved: point the SDK at it (the driver keeps running)
            reply = self._send(rec, "connect", endpoint=after)
            if not reply.ok:
                return self._view(reply)
        return {"ok": True, "response": {"endpointChanged": after != before}}

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
