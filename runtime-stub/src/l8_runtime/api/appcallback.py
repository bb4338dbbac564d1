"""The app side of pub/sub push delivery: the runtime as AppCallback *client*, and a loopback AppCallback app.

Place in the runtime:
- ``AppCallbackLink`` is the push router of every pub/sub component. Like Layotto it asks the app
  (``--app-callback host:port`` / ``app.grpc_callback_*`` / control SetAppCallback) for its subscriptions
  with ListTopicSubscriptions once -- at start -- and routes every publish by that list, so an app busy at
  publish time loses nothing. The list is fetched again on an explicit refresh (control SetAppCallback,
  also with the same address; ConfigureLoopbackApp for the loopback app) and when the app (re)connects
  (the channel turns READY again). Until one fetch succeeded (an app started after the runtime), a
  publish tries one fetch itself (after a fetch in flight, which may have dialled before the app was up).
  It delivers matching events with OnTopicEvent. A gRPC error from the app counts as RETRY, except
  UNIMPLEMENTED which counts as DROP (Layotto's rule). A subscription's metadata ``deadLetterTopic`` sets
  its dead-letter topic. A channel that failed to connect sits in gRPC's reconnect backoff (1 s growing
  to 120 s) and fails every call at once without dialling, so an app that starts (or restarts) later
  would miss events: a channel in TRANSIENT_FAILURE is replaced by a fresh one (own
  subchannel pool, no backoff state) before the next call, which dials the app now.
- ``LoopbackApp`` serves spec.proto.runtime.v1.AppCallback on the runtime's own port, so all 62 RPCs of the
  API (AppCallback's two included) are served: it is a scriptable test app (control ConfigureLoopbackApp)
  that records every event it receives (control ListReceivedEvents). Point the link at it with "self".
"""

from __future__ import annotations

import asyncio
import logging
import threading
from typing import Any

import grpc
from google.protobuf import empty_pb2

from ..components.pubsub import DROP, RETRY, Event, Subscriber
from ..logs import log_event
from ..pb import cb, cb_grpc
from .status import unary

log = logging.getLogger("l8.runtime.appcallback")
RECEIVED_LIMIT = 10_000
_CLOSING: set[asyncio.Task[None]] = set()
_CHANNEL_OPTIONS = (("grpc.use_local_subchannel_pool", 1),)


def event_to_pb(event: Event) -> cb.TopicEventRequest:
    return cb.TopicEventRequest(
        id=event.id,
        source=event.source,
        type=event.type,
        spec_version=event.spec_version,
        data_content_type=event.data_content_type,
        data=event.data,
        topic=event.topic,
        pubsub_name=event.pubsub_name,
        metadata=dict(event.metadata),
    )


def status_name(value: int) -> str:
    return cb.TopicEventResponse.TopicEventResponseStatus.Name(value)

class _PushSubscriber:
    channel = "callback"

    def __init__(self, link: AppCallbackLink, address: str, dead_letter_topic: str | None) -> None:
        self.link = link
        self.sid = f"callback:{address}"
        self.dead_letter_topic = dead_letter_topic

    async def deliver(self, event: Event) -> str:
        stub = self.link.stub()
        if stub is None:
            raise ConnectionError("the app callback is no longer configured")
        try:
            resp = await stub.OnTopicEvent(event_to_pb(event), timeout=self.link.timeout)
        except grpc.aio.AioRpcError as exc:
            if exc.code() == grpc.StatusCode.UNIMPLEMENTED:
                return DROP
            raise ConnectionError(f"OnTopicEvent failed: {exc.code().name}: {exc.details()}") from None
        return status_name(resp.status)


class AppCallbackLink:
    def __init__(self, address: str | None, self_address: str, timeout: float = 10.0) -> None:
        self.self_address = self_address
        self.timeout = timeout
        self._address: str | None = None
        self._channel: grpc.aio.Channel | None = None
        self._watcher: asyncio.Task[None] | None = None
        self._subs: list[cb.TopicSubscription] | None = None  # None: not fetched (successfully) yet
        self._fetching: asyncio.Task[bool] | None = None
        self._generation = 0  # bumped when the address changes: a fetch of an older one is ignored
        self.fetches = 0  # ListTopicSubscriptions calls made (observable in tests)
        self.set_address(address)

    @property
    def address(self) -> str | None:
        return self._address

    def set_address(self, address: str | None) -> None:
        """Change the app callback target ("self" = the loopback app, empty/None = push delivery off)."""
        self._cancel_fetch()
        self._drop_channel()
        self._address = address or None
        self._subs = None

    def _drop_channel(self) -> None:
        if self._watcher is not None:
            self._watcher.cancel()
            self._watcher = None
        if self._channel is not None:
            old = self._channel
            self._channel = None
            try:
                task = asyncio.get_running_loop().create_task(old.close())
                _CLOSING.add(task)  # keep a reference until it is done
                task.add_done_callback(_CLOSING.discard)
            except RuntimeError:
                pass

    def _target(self) -> str | None:
        if self._address is None:
            return None
        return self.self_address if self._address == "self" else self._address

    def stub(self) -> cb_grpc.AppCallbackStub | None:
        target = self._target()
        if target is None:
            return None
        channel = self._channel
        if channel is not None and channel.get_state() == grpc.ChannelConnectivity.TRANSIENT_FAILURE:
            # In reconnect backoff: a call would fail without dialling even if the app is up by now.
            log_event(
                log, logging.DEBUG, "app callback channel in reconnect backoff; redialling", target=target
            )
            self._drop_channel()
            channel = None
        if channel is None:
            # A local subchannel pool: with gRPC's global pool the new channel would share the old
            # channel's subchannel, and with it the backoff this replacement is meant to skip.
            channel = self._channel = grpc.aio.insecure_channel(target, options=_CHANNEL_OPTIONS)
            self._watcher = asyncio.get_running_loop().create_task(self._watch(channel))
        return cb_grpc.AppCallbackStub(channel)  # type: ignore[no-untyped-call]

    async def _watch(self, channel: grpc.aio.Channel) -> None:
        """Refresh the subscriptions whenever the channel becomes READY again (the app (re)connected)."""
        state = channel.get_state()
        while self._channel is channel:
            await channel.wait_for_state_change(state)
            previous, state = state, channel.get_state()
            if state == grpc.ChannelConnectivity.IDLE:
                channel.get_state(try_to_connect=True)  # keep dialling: notice the app coming (back)
            if state == grpc.ChannelConnectivity.READY and previous != state and self._fetching is None:
                self.start_refresh()

    def start_refresh(self) -> None:
        """Fetch the subscriptions in the background (at start; on reconnect)."""
        if self._fetching is None and self._target() is not None:
            self._begin_fetch(self.timeout)

    async def refresh(self, timeout: float | None = None) -> bool:
        """Fetch the app's subscriptions now (an explicit refresh); False if the app did not answer."""
        if self._target() is None:
            self._subs = None
            return False
        self._cancel_fetch()  # an in-flight fetch may predate what changed: ask again
        timeout = self.timeout if timeout is None else timeout
        task = self._begin_fetch(timeout)
        await asyncio.wait([task])  # a fetch cancelled by an address change is just "no answer"
        return not task.cancelled() and task.result()

    def _begin_fetch(self, timeout: float) -> asyncio.Task[bool]:
        task = self._fetching = asyncio.get_running_loop().create_task(self._fetch(timeout, self._generation))
        return task

    def _cancel_fetch(self) -> None:
        """Forget an in-flight fetch of the previous address (it must not answer for the new one)."""
        self._generation += 1
        if self._fetching is not None:
            self._fetching.cancel()
            self._fetching = None

    async def _fetch(self, timeout: float, generation: int) -> bool:
        try:
            stub = self.stub()
            if stub is None:
                return False
            self.fetches += 1
            try:
                resp = await stub.ListTopicSubscriptions(empty_pb2.Empty(), timeout=timeout)
            except grpc.aio.AioRpcError as exc:
                log_event(
                    log,
                    logging.WARNING,
                    "ListTopicSubscriptions failed; no push subscriptions until the app answers",
                    target=self._target(),
                    code=exc.code().name,
                )
                return False
            if generation != self._generation:
                return False  # the address changed meanwhile
            self._subs = list(resp.subscriptions)
            log_event(log, logging.INFO, "app subscriptions fetched", count=len(self._subs))
            return True
        finally:
            if self._fetching is asyncio.current_task():
                self._fetching = None

    async def subscriptions(self) -> list[cb.TopicSubscription]:
        """The cached subscriptions; one fetch of its own (2 s at most) while none has succeeded yet. A fetch
        already in flight (the one at start) is awaited first: it may have dialled before the app was up, so
        if it fails, this call still makes its own."""
        if self._subs is None and self._target() is not None and self._fetching is not None:
            await asyncio.wait([self._fetching])
        if self._subs is None and self._target() is not None:
            await asyncio.wait([self._fetching or self._begin_fetch(min(self.timeout, 2.0))])
        return list(self._subs or [])

    async def route(self, pubsub_name: str, topic: str) -> list[Subscriber]:
        """Push router for pub/sub components: the app, if it subscribed to this topic."""
        for sub in await self.subscriptions():
            if sub.pubsub_name == pubsub_name and sub.topic == topic:
                dlt = sub.metadata.get("deadLetterTopic") or None
                return [_PushSubscriber(self, self._address or "", dlt)]
        return []

    async def close(self) -> None:
        self._cancel_fetch()
        if self._watcher is not None:
            self._watcher.cancel()
            self._watcher = None
        if self._channel is not None:
            await self._channel.close()
            self._channel = None


class LoopbackApp(cb_grpc.AppCallbackServicer):
    """A scriptable AppCallback implementation served by the runtime itself."""

    def __init__(self, wall: Any) -> None:
        self._lock = threading.Lock()
        self._wall = wall
        self.subscriptions: list[dict[str, Any]] = []
        self.received: list[tuple[cb.TopicEventRequest, str, int]] = []
        self._answers: dict[tuple[str, str, str], int] = {}

    def configure(self, subscriptions: list[dict[str, Any]]) -> None:
        for s in subscriptions:
            if s.get("status", "SUCCESS") not in ("SUCCESS", "RETRY", "DROP"):
                raise ValueError(f"status must be SUCCESS, RETRY or DROP, got {s['status']!r}")
        with self._lock:
            self.subscriptions = list(subscriptions)
            self._answers.clear()

    def read(self, clear: bool = False) -> list[tuple[cb.TopicEventRequest, str, int]]:
        with self._lock:
            out = list(self.received)
            if clear:
                self.received.clear()
            return out

    def reset(self) -> None:
        with self._lock:
            self.subscriptions = []
            self.received.clear()
            self._answers.clear()

    @unary
    async def ListTopicSubscriptions(
        self, request: empty_pb2.Empty, context: Any
    ) -> cb.ListTopicSubscriptionsResponse:
        with self._lock:
            subs = [
                cb.TopicSubscription(
                    pubsub_name=s["pubsub_name"], topic=s["topic"], metadata=dict(s.get("metadata") or {})
                )
                for s in self.subscriptions
            ]
        return cb.ListTopicSubscriptionsResponse(subscriptions=subs)

    @unary
    async def OnTopicEvent(self, request: cb.TopicEventRequest, context: Any) -> cb.TopicEventResponse:
        with self._lock:
            sub = next(
                (
                    s
                    for s in self.subscriptions
                    if s["pubsub_name"] == request.pubsub_name and s["topic"] == request.topic
                ),
                None,
            )
            status = "SUCCESS"
            if sub is not None:
                key = (request.pubsub_name, request.topic, request.id)
                seen = self._answers.get(key, 0)
                self._answers[key] = seen + 1
                status = RETRY if seen < int(sub.get("fail_times", 0)) else sub.get("status") or "SUCCESS"
            self.received.append((request, status, int(self._wall() * 1000)))
            del self.received[:-RECEIVED_LIMIT]
        return cb.TopicEventResponse(status=status)
