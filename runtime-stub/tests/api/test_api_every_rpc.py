"""Every RPC of the 9 services answers a valid request successfully, over real gRPC, with the right shape
(the calls: rpc_calls.CALLS)."""

from __future__ import annotations

import pytest
from google.protobuf import wrappers_pb2
from l8_runtime.control import ctl
from rpc_calls import CALLS, all_methods


def test_the_api_has_62_rpcs_and_the_table_covers_them():
    assert len(all_methods()) == 62
    assert sorted(CALLS) == all_methods()


@pytest.mark.parametrize("method", all_methods())
def test_rpc_answers(runtime, method):
    result = CALLS[method](runtime)
    assert result is not None


def test_echo_invoke_returns_the_request_data(runtime):
    resp = CALLS["Runtime/InvokeService"](runtime)
    value = wrappers_pb2.StringValue()
    assert resp.data.Unpack(value) and value.value == "hi" and resp.content_type == "text/plain"


def test_hello_echoes_data(runtime):
    resp = CALLS["Runtime/SayHello"](runtime)
    assert resp.hello == "greetings" and resp.data.type_url.endswith("StringValue")


def test_runtime_info_lists_default_component_names(runtime):
    info = runtime.control.GetRuntimeInfo(ctl.GetRuntimeInfoRequest())
    names = {(c.api, c.name) for c in info.components}
    assert {
        ("hellos", "helloworld"),
        ("config_store", "config_demo"),
        ("lock", "lock_demo"),
        ("sequencer", "sequencer_demo"),
        ("state", "state_demo"),
        ("pub_subs", "pub_subs_demo"),
        ("file", "file_demo"),
        ("oss", "oss_demo"),
        ("bindings", "echo"),
        ("bindings", "recorder"),
        ("secret_store", "secret_demo"),
        ("rpcs", "echo"),
        ("cryption", "cryption_demo"),
        ("email", "email_demo"),
        ("phone", "phone_demo"),
        ("sms", "sms_demo"),
    } == names
