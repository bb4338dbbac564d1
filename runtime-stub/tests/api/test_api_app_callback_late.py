"""Push delivery to an app callback that was not listening when the runtime first dialled it.

The runtime's callback channel goes into gRPC's reconnect backoff (1 s growing to 120 s) after a refused
connection; during the backoff every call fails at once without dialling. These tests start a real
AppCallback server (grpcio, its own thread pool) on the configured address only after the runtime's first
attempt failed, publish at once, and require the event to arrive.
"""

from __future__ import annotations

import asyncio
import queue
import socket
import time
from collections.abc import Callable, Iterator
from concurrent import futures
from typing import Any

import grpc
import pytest
from google.protobuf import empty_pb2
from l8_runtime.control import ctl
from l8_runtime.pb import cb, cb_grpc, rt
from rt_harness import RunningRuntime

PUBSUB = "pub_subs_demo"
TOPIC = "late-app"


class RecordingApp(cb_grpc.AppCallbackServicer):
    """An app subscribed to TOPIC that acks every event with SUCCESS and keeps it for the test."""

    def __init__(self) -> None:
        self.events: queue.Queue[cb.TopicEventRequest] = queue.Queue()

    def ListTopicSubscriptions(
        self, request: empty_pb2.Empty, context: Any
    ) -> cb.ListTopicSubscriptionsResponse:
        return cb.ListTopicSubscriptionsResponse(
            subscriptions=[cb.TopicSubscription(pubsub_name=PUBSUB, topic=TOPIC)]
        )

    def OnTopicEvent(self, request: cb.TopicEventRequest, context: Any) -> cb.TopicEventResponse:
        self.events.put(request)
        return cb.TopicEventResponse(status=cb.TopicEventResponse.SUCCESS)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture
def serve_app() -> Iterator[Callable[[int], tuple[grpc.Server, RecordingApp]]]:
    servers: list[grpc.Server] = []

    def serve(port: int) -> tuple[grpc.Server, RecordingApp]:
        app = RecordingApp()
        server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
        cb_grpc.add_AppCallbackServicer_to_server(app, server)  # type: ignore[no-untyped-call]
        assert server.add_insecure_port(f"127.0.0.1:{port}") == port
        server.start()
        servers.append(server)
        return server, app

    yield serve
    for server in servers:
        server.stop(0).wait(5)


def publish(r: RunningRuntime, data: bytes) -> None:
    r.runtime.PublishEvent(rt.PublishEventRequest(pubsub_name=PUBSUB, topic=TOPIC, data=data), timeout=10)


def outcomes(r: RunningRuntime) -> list[tuple[str, str]]:
    """(channel, status) of every delivery attempt on TOPIC so far (PublishEvent returns after routing, so a
    NO_SUBSCRIBER record is there when it returns; a push attempt is recorded after the app answered)."""
    deliveries = r.control.ListDeliveries(
        ctl.ListDeliveriesRequest(pubsub_name=PUBSUB, topic=TOPIC)
    ).deliveries
    return [(d.channel, d.status) for d in deliveries]


def wait_outcomes(r: RunningRuntime, count: int, timeout: float = 5.0) -> list[tuple[str, str]]:
    deadline = time.monotonic() + timeout
    while len(got := outcomes(r)) < count and time.monotonic() < deadline:
        time.sleep(0.02)
    return got


def test_app_started_after_the_first_failed_attempt_gets_the_next_event(
    start_runtime: Callable[..., RunningRuntime], serve_app: Callable[[int], tuple[grpc.Server, RecordingApp]]
) -> None:
    port = free_port()
    runtime = start_runtime(enable_control=True, app_callback=f"127.0.0.1:{port}")
    publish(runtime, b"nobody listens")
    assert outcomes(runtime) == [("none", "NO_SUBSCRIBER")]

    _, app = serve_app(port)
    publish(runtime, b"app is up")  # well inside the runtime channel's first reconnect backoff (>= 0.8 s)
    got = app.events.get(timeout=5)
    assert (got.pubsub_name, got.topic, got.data) == (PUBSUB, TOPIC, b"app is up")
    assert wait_outcomes(runtime, 2) == [("none", "NO_SUBSCRIBER"), ("callback", "SUCCESS")]
    assert app.events.empty()  # the event published while nothing listened is not replayed


def test_app_restarted_on_the_same_address_gets_events_again(
    start_runtime: Callable[..., RunningRuntime], serve_app: Callable[[int], tuple[grpc.Server, RecordingApp]]
) -> None:
    port = free_port()
    runtime = start_runtime(enable_control=True, app_callback=f"127.0.0.1:{port}")
    server, first = serve_app(port)
    publish(runtime, b"one")
    assert first.events.get(timeout=5).data == b"one"
    assert wait_outcomes(runtime, 1) == [("callback", "SUCCESS")]

    server.stop(0).wait(5)
    publish(runtime, b"while down")  # routed by the subscriptions read at start: tried, retried, given up
    got = wait_outcomes(runtime, 6)  # the first SUCCESS and the 5 attempts of maxDeliveryAttempts' default
    assert got[0] == ("callback", "SUCCESS") and got[1:] == [("callback", "RETRY")] * 5, got

    _, second = serve_app(port)
    publish(runtime, b"two")
    assert second.events.get(timeout=5).data == b"two"
    # the app holds the event before the runtime has its answer: wait for the 7th record, not any 3
    assert wait_outcomes(runtime, 7)[6:] == [("callback", "SUCCESS")]
    assert first.events.empty() and second.events.empty()


def test_a_publish_waiting_on_a_fetch_begun_before_the_app_was_up_fetches_again(
    start_runtime: Callable[..., RunningRuntime], serve_app: Callable[[int], tuple[grpc.Server, RecordingApp]]
) -> None:
    # The start fetch is held in flight on a listener that accepts and never answers; a publish's routing
    # waits on it; the app then starts on that address and the held connection drops (the start fetch
    # fails): the routing must ask the app itself, not take the failed fetch for "no subscribers".
    hole = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    hole.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    hole.bind(("127.0.0.1", 0))
    hole.listen()
    hole.settimeout(10)
    port = hole.getsockname()[1]
    runtime = start_runtime(enable_control=True, app_callback=f"127.0.0.1:{port}")
    held, _ = hole.accept()  # the start fetch's connection
    hole.close()
    link = runtime.server.host.link if runtime.server.host is not None else None
    assert link is not None and link.fetches == 1
    routing = asyncio.run_coroutine_threadsafe(link.subscriptions(), runtime.loop)
    runtime.submit(asyncio.sleep(0))  # the loop ran `subscriptions` up to its wait on the start fetch
    assert not routing.done() and link.fetches == 1

    serve_app(port)
    held.close()
    subs = routing.result(10)
    assert [(s.pubsub_name, s.topic) for s in subs] == [(PUBSUB, TOPIC)]
    assert link.fetches == 2
