"""Hello, bindings, rpcs and the recording notification components."""

from __future__ import annotations

import pytest
from l8_runtime.components.base import ComponentConfigError
from l8_runtime.components.bindings import EchoBinding, RecorderBinding
from l8_runtime.components.hello import HelloWorld
from l8_runtime.components.messaging import EmailRecorder
from l8_runtime.components.rpcs import ForwardRpc


def test_hello_greets_with_name(make):
    assert make(HelloWorld, hello="hi").say("bob") == "hi, bob"
    assert make(HelloWorld).say("") == "greetings"


def test_hello_reconfigure_changes_the_greeting(make):
    h = make(HelloWorld)
    h.configure({"hello": "bonjour"})
    assert h.say("x") == "bonjour, x"


def test_echo_binding_echoes_and_records(make, ctx):
    b = make(EchoBinding, name="echo")
    data, meta = b.invoke("create", b"payload", {"k": "v"})
    assert (data, meta) == (b"payload", {"k": "v", "operation": "create"})
    [entry] = ctx.outboxes.read("bindings")
    assert entry["component"] == "echo" and entry["payload"]["data"] == "payload"


def test_recorder_binding_counts(make):
    b = make(RecorderBinding)
    b.invoke("create", b"1", {})
    assert b.invoke("create", b"2", {}) == (b"", {"recorded": "2"})


def test_forward_rpc_needs_a_target(make):
    with pytest.raises(ComponentConfigError):
        make(ForwardRpc)
    assert make(ForwardRpc, target="127.0.0.1:1").target == "127.0.0.1:1"


def test_recorder_outbox_read_and_clear(make, ctx):
    email = make(EmailRecorder, name="email_demo")
    rid = email.record({"subject": "s"})
    [entry] = ctx.outboxes.read("email", clear=True)
    assert entry["payload"] == {"subject": "s", "request_id": rid}
    assert ctx.outboxes.read("email") == []


def test_binding_rejects_unsupported_operations(make):
    from l8_runtime.errors import ApiError

    b = make(EchoBinding, operations="create")
    for op in ("", "get"):
        with pytest.raises(ApiError) as exc:
            b.invoke(op, b"", {})
        assert exc.value.code == "INVALID_ARGUMENT"
