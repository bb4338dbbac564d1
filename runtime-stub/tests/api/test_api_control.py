"""The control service: scripted faults and delays, observed calls (metadata, deadlines, attempts), outboxes,
reset, runtime info; mutants change observable behaviour."""

from __future__ import annotations

import json
import time

import grpc
import pytest
from l8_runtime.control import ctl
from l8_runtime.pb import email, rt, sms
from rt_harness import code_of

HELLO = "spec.proto.runtime.v1.Runtime/SayHello"


def hello(r, **kw):
    return r.runtime.SayHello(rt.SayHelloRequest(service_name="helloworld"), **kw)


def test_fault_fails_the_next_n_calls_then_clears(runtime):
    fid = runtime.control.ScriptFault(
        ctl.ScriptFaultRequest(method=HELLO, code="UNAVAILABLE", times=2, message="boom")
    ).fault_id
    assert code_of(hello, runtime) == grpc.StatusCode.UNAVAILABLE
    assert code_of(hello, runtime) == grpc.StatusCode.UNAVAILABLE
    assert hello(runtime).hello == "greetings"
    calls = runtime.control.ListCalls(ctl.ListCallsRequest(method=HELLO)).calls
    assert [(c.attempt, c.code, c.fault_id) for c in calls] == [
        (1, "UNAVAILABLE", fid),
        (2, "UNAVAILABLE", fid),
        (3, "OK", ""),
    ]


def test_fault_skip_and_wildcard(runtime):
    runtime.control.ScriptFault(
        ctl.ScriptFaultRequest(method="*", code="RESOURCE_EXHAUSTED", times=1, skip=1)
    )
    assert hello(runtime)
    assert (
        code_of(runtime.runtime.GetNextId, rt.GetNextIdRequest(store_name="sequencer_demo", key="k"))
        == grpc.StatusCode.RESOURCE_EXHAUSTED
    )
    assert runtime.control.ListFaults(ctl.ListFaultsRequest()).faults == []


def test_delay_fault_trips_the_client_deadline(runtime):
    runtime.control.ScriptFault(ctl.ScriptFaultRequest(method=HELLO, delay_ms=500, times=1))
    assert code_of(hello, runtime, timeout=0.1) == grpc.StatusCode.DEADLINE_EXCEEDED
    time.sleep(0.5)
    start = time.monotonic()
    runtime.control.ScriptFault(ctl.ScriptFaultRequest(method=HELLO, delay_ms=200, times=1))
    assert hello(runtime)
    assert time.monotonic() - start >= 0.2


def test_observed_metadata_and_deadline(runtime):
    hello(runtime, metadata=(("x-trace", "abc"),), timeout=5)
    # gRPC core rounds the grpc-timeout header up to a compact unit (5 s can arrive as 5010m), so the server
    # may see a few ms more than the client asked for; 100 ms of slack covers that and nothing else.
    [call] = runtime.control.ListCalls(ctl.ListCallsRequest(method=HELLO, clear=True)).calls
    assert (
        call.metadata["x-trace"] == "abc" and call.has_deadline and 3000 < call.deadline_remaining_ms <= 5100
    )
    hello(runtime)
    [call] = runtime.control.ListCalls(ctl.ListCallsRequest(method=HELLO)).calls
    assert not call.has_deadline and call.authorized
    counts = runtime.control.GetAttemptCounts(ctl.GetAttemptCountsRequest()).counts
    assert counts[HELLO] == 2 and not any(k.startswith("l8.control") for k in counts)


def test_bad_fault_scripts_are_invalid(runtime):
    for req in (
        ctl.ScriptFaultRequest(method=HELLO, code="NOPE", times=1),
        ctl.ScriptFaultRequest(method=HELLO, code="INTERNAL", times=0),
        ctl.ScriptFaultRequest(method="", times=1),
    ):
        assert code_of(runtime.control.ScriptFault, req) == grpc.StatusCode.INVALID_ARGUMENT


def test_outboxes_record_requests(runtime):
    runtime.email.SendEmail(
        email.SendEmailRequest(
            component_name="email_demo",
            subject="s",
            content=email.Content(text="body"),
            address=email.EmailAddress(**{"from": "a@x", "to": ["b@x"]}),
        )
    )
    resp = runtime.sms.SendSmsWithTemplate(
        sms.SendSmsWithTemplateRequest(
            component_name="sms_demo", phone_numbers=["+1", "+2"], template=sms.Template(template_id="t")
        )
    )
    assert [(r.code, r.metadata["PhoneNumber"]) for r in resp.results] == [("OK", "+1"), ("OK", "+2")]
    [mail] = runtime.control.ReadOutbox(ctl.ReadOutboxRequest(kind="email")).entries
    payload = json.loads(mail.json)
    assert payload["content"] == "body" and payload["address"]["to"] == ["b@x"] and payload["request_id"]
    [text] = runtime.control.ReadOutbox(ctl.ReadOutboxRequest(kind="sms", clear=True)).entries
    assert json.loads(text.json)["request_id"] == resp.request_id
    assert runtime.control.ReadOutbox(ctl.ReadOutboxRequest(kind="sms")).entries == []


@pytest.mark.parametrize(
    "request_",
    [
        email.SendEmailRequest(component_name="email_demo", content=email.Content(text="b")),
        email.SendEmailRequest(
            component_name="email_demo", address=email.EmailAddress(**{"from": "a", "to": ["b"]})
        ),
        email.SendEmailRequest(
            component_name="nope",
            content=email.Content(text="b"),
            address=email.EmailAddress(**{"from": "a", "to": ["b"]}),
        ),
    ],
)
def test_email_validation(runtime, request_):
    assert code_of(runtime.email.SendEmail, request_) == grpc.StatusCode.INVALID_ARGUMENT


def test_reset_forgets_everything(runtime):
    runtime.runtime.SaveState(
        rt.SaveStateRequest(store_name="state_demo", states=[rt.StateItem(key="k", value=b"1")])
    )
    runtime.control.ScriptFault(ctl.ScriptFaultRequest(method=HELLO, code="INTERNAL", times=5))
    runtime.control.Reset(ctl.ResetRequest())
    assert runtime.runtime.GetState(rt.GetStateRequest(store_name="state_demo", key="k")).data == b""
    assert hello(runtime)
    assert runtime.runtime.GetNextId(rt.GetNextIdRequest(store_name="sequencer_demo", key="k")).next_id == 1
    assert [c.method for c in runtime.control.ListCalls(ctl.ListCallsRequest()).calls] == [
        "spec.proto.runtime.v1.Runtime/GetState",
        HELLO,
        "spec.proto.runtime.v1.Runtime/GetNextId",
    ]


def test_set_app_callback_validation(runtime):
    assert (
        code_of(runtime.control.SetAppCallback, ctl.SetAppCallbackRequest(address="no-port"))
        == grpc.StatusCode.INVALID_ARGUMENT
    )
    runtime.control.SetAppCallback(ctl.SetAppCallbackRequest(address="127.0.0.1:1"))
    assert runtime.control.GetRuntimeInfo(ctl.GetRuntimeInfoRequest()).app_callback == "127.0.0.1:1"


def test_control_is_absent_without_the_flag(start_runtime):
    r = start_runtime()
    assert code_of(r.control.GetRuntimeInfo, ctl.GetRuntimeInfoRequest()) == grpc.StatusCode.UNIMPLEMENTED


def test_mutant_etag_ignored_accepts_a_stale_etag(start_runtime):
    r = start_runtime(enable_control=True, mutation="etag-ignored")
    assert r.control.GetRuntimeInfo(ctl.GetRuntimeInfoRequest()).mutation == "etag-ignored"
    r.runtime.SaveState(
        rt.SaveStateRequest(
            store_name="state_demo", states=[rt.StateItem(key="m", value=b"v", etag=rt.Etag(value="stale"))]
        )
    )  # ABORTED on a correct runtime
    assert r.runtime.GetState(rt.GetStateRequest(store_name="state_demo", key="m")).data == b"v"


def test_mutant_lock_not_exclusive_grants_two_owners(start_runtime):
    r = start_runtime(mutation="lock-not-exclusive")
    got = [
        r.runtime.TryLock(
            rt.TryLockRequest(store_name="lock_demo", resource_id="m", lock_owner=o, expire=5)
        ).success
        for o in ("a", "b")
    ]
    assert got == [True, True]
