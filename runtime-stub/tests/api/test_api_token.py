"""Optional API token: required on all four call shapes; health stays open; the token is never logged."""

from __future__ import annotations

import io
import logging

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from l8_runtime import logs
from l8_runtime.pb import cb, rt
from rt_harness import code_of

TOKEN = "t0k3n-value"
GOOD = (("authorization", f"Bearer {TOKEN}"),)
BAD = (("authorization", "Bearer wrong"),)


def calls(r, metadata):
    """One call per shape: unary, server-stream, client-stream, bidi."""
    return {
        "unary": lambda: r.runtime.SayHello(rt.SayHelloRequest(service_name="helloworld"), metadata=metadata),
        "server_stream": lambda: list(
            r.runtime.GetFile(rt.GetFileRequest(store_name="file_demo", name="f"), metadata=metadata)
        ),
        "client_stream": lambda: r.runtime.PutFile(
            iter([rt.PutFileRequest(store_name="file_demo", name="f", data=b"x")]), metadata=metadata
        ),
        "bidi": lambda: next(
            r.runtime.SubscribeTopicEvents(
                iter(
                    [
                        rt.SubscribeTopicEventsRequest(
                            initial_request=rt.SubscribeTopicEventsRequestInitial(
                                pubsub_name="pub_subs_demo", topic="t"
                            )
                        )
                    ]
                ),
                metadata=metadata,
            )
        ),
    }


@pytest.fixture
def secured(start_runtime):
    stream = io.StringIO()
    logs.setup(stream, "debug")
    r = start_runtime(api_token=TOKEN, enable_control=True)
    yield r, stream
    logging.getLogger("l8.runtime").handlers.clear()


@pytest.mark.parametrize("shape", ["unary", "server_stream", "client_stream", "bidi"])
@pytest.mark.parametrize(
    "metadata", [(), BAD, (("authorization", TOKEN),)], ids=["none", "wrong", "no-bearer"]
)
def test_calls_without_the_token_are_unauthenticated(secured, shape, metadata):
    r, _ = secured
    assert code_of(calls(r, metadata)[shape]) == grpc.StatusCode.UNAUTHENTICATED


@pytest.mark.parametrize("shape", ["client_stream", "server_stream", "unary", "bidi"])
def test_calls_with_the_token_pass(secured, shape):
    r, _ = secured
    calls(r, GOOD)["client_stream"]()  # the file the server-stream call reads
    assert calls(r, GOOD)[shape]() is not None


def test_control_needs_the_token_too(secured):
    from l8_runtime.control import ctl

    r, _ = secured
    assert code_of(r.control.GetRuntimeInfo, ctl.GetRuntimeInfoRequest()) == grpc.StatusCode.UNAUTHENTICATED
    assert r.control.GetRuntimeInfo(ctl.GetRuntimeInfoRequest(), metadata=GOOD).token_required


def test_health_is_open_without_token(secured):
    r, _ = secured
    resp = health_pb2_grpc.HealthStub(r.channel).Check(health_pb2.HealthCheckRequest(service=""))
    assert resp.status == health_pb2.HealthCheckResponse.SERVING


def test_observed_metadata_and_logs_never_show_the_token(secured):
    from l8_runtime.control import ctl

    r, stream = secured
    r.appcallback.OnTopicEvent(cb.TopicEventRequest(id="x"), metadata=GOOD)
    code_of(r.runtime.SayHello, rt.SayHelloRequest(service_name="helloworld"), metadata=BAD)
    calls_ = r.control.ListCalls(ctl.ListCallsRequest(), metadata=GOOD).calls
    assert [c.authorized for c in calls_] == [True, False]
    assert calls_[0].metadata["authorization"] == "Bearer <redacted>"
    assert TOKEN not in stream.getvalue() and "wrong" not in stream.getvalue()
    assert "call rejected" in stream.getvalue()


def test_reflection_needs_the_token(secured):
    from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc

    r, _ = secured
    stub = reflection_pb2_grpc.ServerReflectionStub(r.channel)
    request = reflection_pb2.ServerReflectionRequest(list_services="")
    assert code_of(stub.ServerReflectionInfo, iter([request])) == grpc.StatusCode.UNAUTHENTICATED
    [resp] = list(stub.ServerReflectionInfo(iter([request]), metadata=GOOD))
    assert len(resp.list_services_response.service) >= 9
