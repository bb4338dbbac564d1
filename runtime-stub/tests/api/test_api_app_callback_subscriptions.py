"""The app's subscriptions are read once (Layotto's rule), refreshed explicitly or when the app reconnects.

A real AppCallback server (grpcio, own thread pool) counts its ListTopicSubscriptions calls and can turn
slow or change its subscription list; the runtime under test is a real embedded server.
"""

from __future__ import annotations

import socket
import threading
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


class CountingApp(cb_grpc.AppCallbackServicer):
    def __init__(self, topics: list[str]) -> None:
        self.topics = list(topics)
        self.list_calls = 0
        self.list_delay = 0.0
        self.received: list[tuple[str, bytes]] = []
        self.lock = threading.Lock()

    def ListTopicSubscriptions(
        self, request: empty_pb2.Empty, context: Any
    ) -> cb.ListTopicSubscriptionsResponse:
        with self.lock:
            self.list_calls += 1
            topics, delay = list(self.topics), self.list_delay
        time.sleep(delay)
        return cb.ListTopicSubscriptionsResponse(
            subscriptions=[cb.TopicSubscription(pubsub_name=PUBSUB, topic=t) for t in topics]
        )

    def OnTopicEvent(self, request: cb.TopicEventRequest, context: Any) -> cb.TopicEventResponse:
        with self.lock:
            self.received.append((request.topic, request.data))
        return cb.TopicEventResponse(status=cb.TopicEventResponse.SUCCESS)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture
def serve_app() -> Iterator[Callable[[int, list[str]], tuple[grpc.Server, CountingApp]]]:
    servers: list[grpc.Server] = []

    def serve(port: int, topics: list[str]) -> tuple[grpc.Server, CountingApp]:
        app = CountingApp(topics)
        server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
        cb_grpc.add_AppCallbackServicer_to_server(app, server)  # type: ignore[no-untyped-call]
        assert server.add_insecure_port(f"127.0.0.1:{port}") == port
        server.start()
        servers.append(server)
        return server, app

    yield serve
    for server in servers:
        server.stop(0).wait(5)


def publish(r: RunningRuntime, topic: str, data: bytes) -> None:
    r.runtime.PublishEvent(rt.PublishEventRequest(pubsub_name=PUBSUB, topic=topic, data=data), timeout=10)


def wait_received(app: CountingApp, count: int, timeout: float = 5.0) -> list[tuple[str, bytes]]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with app.lock:
            if len(app.received) >= count:
                return list(app.received)
        time.sleep(0.02)
    with app.lock:
        return list(app.received)


def test_subscriptions_are_read_once_and_a_slow_app_loses_nothing(start_runtime, serve_app) -> None:
    port = free_port()
    _, app = serve_app(port, ["a"])
    runtime = start_runtime(enable_control=True, app_callback=f"127.0.0.1:{port}")
    deadline = time.monotonic() + 5
    while app.list_calls == 0 and time.monotonic() < deadline:  # fetched at start, no publish needed
        time.sleep(0.02)
    assert app.list_calls == 1
    app.list_delay = 3.0  # a per-publish fetch (2 s timeout) would now fail and lose the events
    for i in range(3):
        publish(runtime, "a", b"e%d" % i)
    assert wait_received(app, 3) == [("a", b"e0"), ("a", b"e1"), ("a", b"e2")]
    assert app.list_calls == 1


def test_set_app_callback_refreshes_the_subscriptions(start_runtime, serve_app) -> None:
    port = free_port()
    _, app = serve_app(port, ["old"])
    runtime = start_runtime(enable_control=True, app_callback=f"127.0.0.1:{port}")
    publish(runtime, "old", b"1")
    assert wait_received(app, 1) == [("old", b"1")]
    app.topics = ["new"]
    publish(runtime, "new", b"not yet")  # the runtime still has the list it read at start
    publish(runtime, "old", b"2")
    assert wait_received(app, 2) == [("old", b"1"), ("old", b"2")]
    calls = app.list_calls
    runtime.control.SetAppCallback(ctl.SetAppCallbackRequest(address=f"127.0.0.1:{port}"))
    assert app.list_calls == calls + 1
    publish(runtime, "new", b"3")
    assert wait_received(app, 3)[-1] == ("new", b"3")


def test_an_app_that_reconnects_is_asked_again(start_runtime, serve_app) -> None:
    port = free_port()
    server, first = serve_app(port, ["before"])
    runtime = start_runtime(enable_control=True, app_callback=f"127.0.0.1:{port}")
    publish(runtime, "before", b"1")
    assert wait_received(first, 1) == [("before", b"1")]
    server.stop(0).wait(5)
    _, second = serve_app(port, ["after"])
    deadline = time.monotonic() + 15  # the runtime redials within gRPC's reconnect backoff
    while second.list_calls == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert second.list_calls >= 1
    publish(runtime, "after", b"2")
    assert wait_received(second, 1) == [("after", b"2")]


def test_a_hanging_fetch_of_the_old_address_does_not_hold_up_the_new_one(start_runtime, serve_app) -> None:
    slow_port, fast_port = free_port(), free_port()
    _, slow = serve_app(slow_port, ["old"])
    slow.list_delay = 8.0  # the fetch at start hangs (the runtime waits up to 10 s for it)
    runtime = start_runtime(enable_control=True, app_callback=f"127.0.0.1:{slow_port}")
    deadline = time.monotonic() + 5
    while slow.list_calls == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    _, fast = serve_app(fast_port, ["new"])
    started = time.monotonic()
    runtime.control.SetAppCallback(ctl.SetAppCallbackRequest(address=f"127.0.0.1:{fast_port}"), timeout=15)
    assert time.monotonic() - started < 3 and fast.list_calls == 1
    publish(runtime, "new", b"1")
    assert wait_received(fast, 1) == [("new", b"1")]
