"""Step actions of a case: one rendered step -> driver ops / control calls -> a reply view to verify.

Place in the pipeline: executor.CaseRun._run_step -> actions.dispatch -> driver (CONTRACTS §4 ops) or the
control service -> the view (ok, error, response/responses/messages/events/value) that expect.verify judges.
Stream and helper state (open streams, callback server, connection changes, temp files) is kept on the
CaseRun so its tidy-up can undo it.
"""

from __future__ import annotations

import base64
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cases import Step
from .control import ControlError
from .expect import StepFailed
from .results import StepRecord, clip
from .templating import render

if TYPE_CHECKING:
    from .executor import CaseRun


class CaseError(RuntimeError):
    """The harness could not judge the case (driver failure, bad template): outcome `error`."""


def dispatch(run: CaseRun, step: Step, rec: StepRecord) -> dict[str, Any]:
    b = run.map_names(render(dict(step.body), run.scope))
    a = b[step.action]
    act = step.action
    if act == "call":
        rpc = run.s.api.resolve(b.get("service", run.case.rpc.service), a)
        fields: dict[str, Any] = {"service": rpc.service, "rpc": rpc.name}
        for k in ("request", "requests", "timeout_ms", "metadata"):
            if k in b:
                fields[k] = b[k]
        if rpc.shape in ("client_stream", "bidi"):
            fields.setdefault("requests", [])
        else:
            fields.setdefault("request", {})
        reply = run.send(rec, "call", budget_ms=b.get("timeout_ms"), **fields)
        view = run.view(reply)
        if reply.ok:
            if rpc.shape in ("server_stream", "bidi"):
                items = reply.body.get("responses")
                if not isinstance(items, list):
                    raise StepFailed(f"{rpc.shape} call reply has no 'responses' list")
                view["responses"] = [run.canon(rpc.output_type, x, "response") for x in items]
            else:
                view["response"] = run.canon(rpc.output_type, reply.body.get("response"), "response")
        return view
    if act == "open":
        rpc = run.s.api.resolve(b.get("service", run.case.rpc.service), b["rpc"])
        run.streams[a] = rpc
        fields = {"stream": a, "service": rpc.service, "rpc": rpc.name}
        for k in ("request", "timeout_ms", "metadata"):
            if k in b:
                fields[k] = b[k]
        return run.view(run.send(rec, "open", budget_ms=b.get("timeout_ms"), **fields))
    if act in ("send", "recv", "close_send", "cancel"):
        rpc = run.streams[a]
        if act == "send":
            return run.view(run.send(rec, "send", stream=a, message=b["message"]))
        if act == "recv":
            tmo = b.get("timeout_ms", 10000)
            reply = run.send(rec, "recv", budget_ms=tmo, stream=a, count=b.get("count", 1), timeout_ms=tmo)
            view = run.view(reply)
            if reply.ok:
                view["messages"] = [
                    run.canon(rpc.output_type, x, "message") for x in reply.body.get("messages", [])
                ]
                view["done"] = bool(reply.body.get("done", False))
            return view
        if act == "cancel":
            run.streams.pop(a, None)
            return run.view(run.send(rec, "cancel", stream=a))
        reply = run.send(rec, "close_send", stream=a)
        view = run.view(reply)
        if reply.ok and rpc.shape == "client_stream":
            view["response"] = run.canon(rpc.output_type, reply.body.get("response"), "response")
        return view
    if act == "subscribe":
        run.streams[a] = run.s.api.resolve("spec.proto.runtime.v1.Runtime", "SubscribeTopicEvents")
        fields = {k: b[k] for k in ("pubsub_name", "topic", "status", "dead_letter_topic") if k in b}
        return run.view(run.send(rec, "subscribe", stream=a, **fields))
    if act == "subscription_events":
        tmo = b.get("timeout_ms", 10000)
        reply = run.send(
            rec, "subscription_events", budget_ms=tmo, stream=a, count=b.get("count", 1), timeout_ms=tmo
        )
        view = run.view(reply)
        if reply.ok:
            view["events"] = [
                run.canon("spec.proto.runtime.v1.TopicEventRequest", e, "event")
                for e in reply.body.get("events", [])
            ]
        return view
    if act == "serve_callback":
        port = a.get("port", run.s.runtime.callback_port)
        reply = run.send(rec, "serve_callback", port=port, subscriptions=a["subscriptions"])
        run.callback_started = run.callback_started or reply.ok
        view = run.view(reply)
        if reply.ok:
            view["response"] = {"port": reply.body.get("port")}
            _point_runtime_at_callback(run, int(reply.body.get("port") or port))
        return view
    if act == "callback_events":
        return _callback_events(run, a, rec)
    if act == "stop_callback":
        run.callback_started = False
        return run.view(run.send(rec, "stop_callback"))
    if act == "upload_file":
        data = base64.b64decode(a["content"])
        with tempfile.NamedTemporaryFile(prefix="l8compat-", delete=False) as f:
            f.write(data)
        run.tmp.append(Path(f.name))
        return run.view(
            run.send(
                rec,
                "upload_file",
                store_name=a["store_name"],
                name=a["name"],
                path=f.name,
                chunk_size=a.get("chunk_size", 65536),
            )
        )
    if act == "control":
        return _control(run, a, b.get("request", {}), rec)
    if act == "connect":
        run.dirty_connection = True
        fields = {"endpoint": run.s.runtime.endpoint, **a}
        return run.view(run.send(rec, "connect", **fields))
    if act == "wait_ready":
        tmo = a.get("timeout_ms", 20000)
        return run.view(run.send(rec, "wait_ready", budget_ms=tmo, timeout_ms=tmo))
    if act == "sleep":
        time.sleep(float(a) / 1000)
        return {"ok": True}
    if act == "restart_runtime":
        return _restart(run, rec)
    if act == "assert":
        rec.sent = clip({"assert": a})
        return {"ok": True, "value": a}
    raise CaseError(f"unknown action {act}")  # pragma: no cover - rejected by the loader


def _callback_events(run: CaseRun, a: dict[str, Any], rec: StepRecord) -> dict[str, Any]:
    want = int(a.get("wait_for", 0))
    deadline = time.monotonic() + float(a.get("timeout_ms", 10000)) / 1000
    while True:
        last = time.monotonic() >= deadline
        clear = bool(a.get("clear", False))
        reply = run.send(rec, "callback_events", clear=False)
        if not reply.ok:
            return run.view(reply)
        events = reply.body.get("events", [])
        if len(events) >= want or last:
            break
        time.sleep(0.1)
    if clear:
        reply = run.send(rec, "callback_events", clear=True)
        if not reply.ok:
            return run.view(reply)
        events = reply.body.get("events", [])
    return {"ok": True, "events": [run.event(e) for e in events]}


def _point_runtime_at_callback(run: CaseRun, port: int) -> None:
    """Tell the runtime (control SetAppCallback) where the callback helper listens now.

    The runtime was started with --app-callback at the reserved port; setting the address again also
    gives it a fresh channel (one that failed while no helper listened may be in reconnect backoff).
    Without a control service (external runtime) the address configured there must be right.
    """
    if run.s.control is None:
        return
    try:
        run.s.control.call("SetAppCallback", {"address": f"{run.s.runtime.callback_host}:{port}"})
    except ControlError as exc:
        raise CaseError(f"control SetAppCallback failed: {exc}") from None


def _control(run: CaseRun, rpc_name: str, request: dict[str, Any], rec: StepRecord) -> dict[str, Any]:
    if run.s.control is None:
        raise CaseError("no control service")
    rec.sent = clip({"control": rpc_name, "request": request})
    try:
        rsp = run.s.control.call(rpc_name, request)
    except ControlError as exc:
        rec.reply = {"error": str(exc)}
        return {"ok": False, "error": {"code": exc.code, "message": exc.message}}
    rec.reply = clip(rsp)
    return {"ok": True, "response": rsp}


def _restart(run: CaseRun, rec: StepRecord) -> dict[str, Any]:
    before = run.s.runtime.endpoint
    after = run.s.runtime.restart()
    rec.sent = {"restart_runtime": run.s.runtime.mode}
    rec.reply = {"endpoint_before": before, "endpoint_after": after}
    run.scope.ctx["endpoint"] = after
    if run.s.control is not None:
        run.s.control.reconnect(after)
    if after != before:  # the mapped port moved: point the SDK at it (the driver keeps running)
        reply = run.send(rec, "connect", endpoint=after)
        if not reply.ok:
            return run.view(reply)
    return {"ok": True, "response": {"endpointChanged": after != before}}
