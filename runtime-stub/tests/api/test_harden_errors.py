"""Issue 18 items 4 and 9: error details never echo unbounded input (the real status code arrives), and
malformed request bodies are INVALID_ARGUMENT on every call shape -- UNAUTHENTICATED first without a token
-- never UNKNOWN/INTERNAL, with no traceback in the log."""

from __future__ import annotations

import io
import logging

import grpc
import pytest
from l8_runtime import logs
from l8_runtime.pb import rt
from rt_harness import error_of

GARBAGE = b"\x0a\xff\xff\xff\xff\x0f"  # a length-delimited field whose length runs past the end


def test_item04_stale_etag_on_a_10kb_key_is_aborted(runtime):
    key = "k" * 10_000
    runtime.runtime.SaveState(
        rt.SaveStateRequest(store_name="state_demo", states=[rt.StateItem(key=key, value=b"v")])
    )
    stale = rt.StateItem(key=key, value=b"w", etag=rt.Etag(value="999999"))
    err = error_of(runtime.runtime.SaveState, rt.SaveStateRequest(store_name="state_demo", states=[stale]))
    assert err.code() == grpc.StatusCode.ABORTED
    assert len(err.details().encode()) <= 512


@pytest.mark.parametrize("size", [2_500, 4_000, 100_000])
def test_item04_long_store_names_get_the_real_code(runtime, size):
    for _ in range(5):
        err = error_of(runtime.runtime.GetState, rt.GetStateRequest(store_name="s" * size, key="k"))
        assert err.code() == grpc.StatusCode.INVALID_ARGUMENT
        assert "cut" in err.details()


def raw_calls(r, metadata=()):
    """One call per shape, each sending an undecodable body."""
    ch = r.channel
    base = "/spec.proto.runtime.v1.Runtime/"
    return {
        "unary": lambda: ch.unary_unary(base + "SayHello")(GARBAGE, metadata=metadata),
        "server_stream": lambda: list(ch.unary_stream(base + "GetFile")(GARBAGE, metadata=metadata)),
        "client_stream": lambda: ch.stream_unary(base + "PutFile")(iter([GARBAGE]), metadata=metadata),
        "bidi": lambda: list(
            ch.stream_stream(base + "SubscribeTopicEvents")(iter([GARBAGE]), metadata=metadata)
        ),
        "client_stream_mid_way": lambda: ch.stream_unary(base + "PutFile")(
            iter(
                [
                    rt.PutFileRequest(store_name="file_demo", name="f", data=b"x").SerializeToString(),
                    GARBAGE,
                ]
            ),
            metadata=metadata,
        ),
    }


@pytest.mark.parametrize(
    "shape", ["unary", "server_stream", "client_stream", "bidi", "client_stream_mid_way"]
)
def test_item09_malformed_bodies_are_invalid_argument(runtime, shape):
    out = io.StringIO()
    logs.setup(out, "info")
    try:
        err = error_of(raw_calls(runtime)[shape])
    finally:
        logging.getLogger("l8.runtime").handlers.clear()
    assert err.code() == grpc.StatusCode.INVALID_ARGUMENT, err.details()
    assert "malformed request body" in err.details()
    assert "Traceback" not in out.getvalue() and "DecodeError" not in err.details()


@pytest.mark.parametrize(
    "shape", ["unary", "server_stream", "client_stream", "bidi", "client_stream_mid_way"]
)
def test_item09_malformed_bodies_are_invalid_argument_in_plain_mode(start_runtime, shape):
    """No token and no control: the guard is applied once per method at registration (no interceptor)."""
    err = error_of(raw_calls(start_runtime())[shape])
    assert err.code() == grpc.StatusCode.INVALID_ARGUMENT, err.details()
    assert "malformed request body" in err.details()


def test_item09_a_malformed_health_check_is_invalid_argument_in_plain_mode(start_runtime):
    check = start_runtime().channel.unary_unary("/grpc.health.v1.Health/Check")
    err = error_of(lambda: check(GARBAGE))
    assert err.code() == grpc.StatusCode.INVALID_ARGUMENT, err.details()


@pytest.mark.parametrize("shape", ["unary", "server_stream", "client_stream", "bidi"])
def test_item09_token_is_checked_before_the_body(start_runtime, shape):
    r = start_runtime(api_token="tok")
    assert error_of(raw_calls(r)[shape]).code() == grpc.StatusCode.UNAUTHENTICATED
    good = (("authorization", "Bearer tok"),)
    assert error_of(raw_calls(r, good)[shape]).code() == grpc.StatusCode.INVALID_ARGUMENT
