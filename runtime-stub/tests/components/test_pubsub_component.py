"""Pub/sub broker semantics: fan-out, ordering, SUCCESS/RETRY/DROP, backoff, dead letters, stream
hand-over."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from l8_runtime.components.pubsub import DROP, RETRY, SUCCESS, Event, PubSub
from l8_runtime.context import RuntimeContext
from l8_runtime.errors import ApiError


class FakeApp:
    """A push subscriber answering from a script; records what it saw."""

    channel = "callback"

    def __init__(self, answer: Callable[[Event, int], str], dead_letter_topic: str | None = None) -> None:
        self.sid = "app"
        self.dead_letter_topic = dead_letter_topic
        self.answer = answer
        self.seen: list[tuple[str, str, bytes]] = []

    async def deliver(self, event: Event) -> str:
        self.seen.append((event.topic, event.id, event.data))
        return self.answer(event, sum(1 for s in self.seen if s[1] == event.id and s[0] == event.topic))


def broker(tmp_path, app: FakeApp | None = None, topics: tuple[str, ...] = ("t",), **meta: str) -> PubSub:
    ps = PubSub("ps", {"retryBackoffMs": "1", **meta}, RuntimeContext(scratch_dir=tmp_path, app_id="me"))
    if app is not None:

        async def route(_name: str, topic: str) -> list:
            return [app] if topic in topics else []

        ps.push_router = route
    return ps


async def settle(seconds: float = 0.05) -> None:
    await asyncio.sleep(seconds)


async def until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    """Wait for a condition instead of a fixed sleep (the machine may be busy)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.005)


def test_event_carries_cloudevents_fields(tmp_path):
    ps = broker(tmp_path)
    ev = ps.make_event("t", b"data", "text/plain", {"key": "k1"})
    assert (ev.spec_version, ev.source, ev.pubsub_name, ev.topic, ev.data_content_type) == (
        "1.0",
        "runtime",  # Layotto's envelope source, not the app id ("me")
        "ps",
        "t",
        "text/plain",
    )
    assert ev.id and ev.type == "com.runtime.event.sent" and dict(ev.metadata) == {"key": "k1"}


def test_event_content_type_defaults_to_text_plain_and_keeps_the_publishers(tmp_path):
    ps = broker(tmp_path)
    assert ps.make_event("t", b"x").data_content_type == "text/plain"
    assert ps.make_event("t", b"{}", "application/json").data_content_type == "application/json"


def test_empty_topic_is_invalid(tmp_path):
    with pytest.raises(ApiError) as exc:
        broker(tmp_path).make_event("", b"")
    assert exc.value.code == "INVALID_ARGUMENT"


def test_push_delivery_in_publish_order(tmp_path):
    async def main() -> list:
        app = FakeApp(lambda e, n: SUCCESS)
        ps = broker(tmp_path, app)
        for i in range(5):
            await ps.publish("t", str(i).encode())
        await until(lambda: len(app.seen) == 5)
        ps.close()
        return [d for _, _, d in app.seen]

    assert asyncio.run(main()) == [b"0", b"1", b"2", b"3", b"4"]


def test_retry_redelivers_until_success(tmp_path):
    async def main() -> tuple:
        app = FakeApp(lambda e, n: RETRY if n <= 2 else SUCCESS)
        ps = broker(tmp_path, app)
        ev = await ps.publish("t", b"x")
        await until(lambda: len(ps.deliveries()) == 3)
        ps.close()
        return ev, app, ps.deliveries()

    ev, app, recs = asyncio.run(main())
    assert [s for s in app.seen] == [("t", ev.id, b"x")] * 3
    assert [(r.attempt, r.status) for r in recs] == [(1, RETRY), (2, RETRY), (3, SUCCESS)]


def test_retry_exhaustion_goes_to_dead_letter(tmp_path):
    async def main() -> FakeApp:
        app = FakeApp(lambda e, n: RETRY if e.topic == "t" else SUCCESS, dead_letter_topic="dlq")
        ps = broker(tmp_path, app, topics=("t", "dlq"), maxDeliveryAttempts="3")
        await ps.publish("t", b"x")
        await until(lambda: len(app.seen) == 4)
        await settle()
        ps.close()
        return app

    app = asyncio.run(main())
    assert [t for t, _, _ in app.seen] == ["t", "t", "t", "dlq"]


def test_drop_goes_to_dead_letter_at_once_with_reason(tmp_path):
    async def main() -> list:
        got: list[Event] = []

        def answer(e: Event, n: int) -> str:
            got.append(e)
            return DROP if e.topic == "t" else SUCCESS

        app = FakeApp(answer, dead_letter_topic="dlq")
        ps = broker(tmp_path, app, topics=("t", "dlq"))
        await ps.publish("t", b"x")
        await until(lambda: len(got) == 2)
        ps.close()
        return got

    got = asyncio.run(main())
    assert [e.topic for e in got] == ["t", "dlq"]
    assert got[1].id == got[0].id
    assert got[1].metadata["deadLetterReason"] == "DROP" and got[1].metadata["originalTopic"] == "t"


def test_no_subscriber_is_recorded_and_dropped(tmp_path):
    async def main() -> list:
        ps = broker(tmp_path)
        await ps.publish("nobody", b"x")
        return ps.deliveries()

    assert [r.status for r in asyncio.run(main())] == ["NO_SUBSCRIBER"]


def test_stream_subscriber_gets_events_and_acks(tmp_path):
    async def main() -> tuple:
        ps = broker(tmp_path)
        sub = ps.open_stream("t", None)
        await ps.publish("t", b"1")
        ev = await asyncio.wait_for(sub.outgoing.get(), 1)
        assert sub.ack(ev.id, SUCCESS)
        await settle()
        ps.close()
        return ev, ps.deliveries()

    ev, recs = asyncio.run(main())
    assert ev.data == b"1"
    assert [(r.channel, r.status) for r in recs] == [("stream", SUCCESS)]


def test_every_stream_gets_its_own_copy(tmp_path):
    async def main() -> list:
        ps = broker(tmp_path)
        subs = [ps.open_stream("t", None) for _ in range(2)]
        await ps.publish("t", b"x")
        got = [await asyncio.wait_for(s.outgoing.get(), 1) for s in subs]
        ps.close()
        return got

    a, b = asyncio.run(main())
    assert a.id == b.id


def test_unacked_events_go_to_the_next_stream(tmp_path):
    async def main() -> list:
        ps = broker(tmp_path)
        first = ps.open_stream("t", None)
        await ps.publish("t", b"1")
        await ps.publish("t", b"2")
        await asyncio.wait_for(first.outgoing.get(), 1)  # received, never acked
        ps.close_stream(first)
        await settle()
        second = ps.open_stream("t", None)
        out = []
        for _ in range(2):
            ev = await asyncio.wait_for(second.outgoing.get(), 1)
            second.ack(ev.id, SUCCESS)
            out.append(ev.data)
        ps.close()
        return out

    assert asyncio.run(main()) == [b"1", b"2"]


def test_stream_drop_with_dead_letter_topic(tmp_path):
    async def main() -> bytes:
        ps = broker(tmp_path)
        dlq = ps.open_stream("dlq", None)
        sub = ps.open_stream("t", "dlq")
        await ps.publish("t", b"bad")
        ev = await asyncio.wait_for(sub.outgoing.get(), 1)
        sub.ack(ev.id, DROP)
        dead = await asyncio.wait_for(dlq.outgoing.get(), 1)
        ps.close()
        return dead.data

    assert asyncio.run(main()) == b"bad"


def test_delayed_publish_arrives_after_the_delay(tmp_path):
    async def main() -> float:
        app = FakeApp(lambda e, n: SUCCESS)
        ps = broker(tmp_path, app)
        loop = asyncio.get_running_loop()
        start = loop.time()
        ps.publish_later(0.2, "t", b"later")
        await asyncio.sleep(0.1)
        assert app.seen == []
        while not app.seen:
            await asyncio.sleep(0.01)
        ps.close()
        return loop.time() - start

    assert asyncio.run(main()) >= 0.2


def test_mutant_pubsub_retry_ignored_does_not_redeliver(tmp_path):
    async def main() -> FakeApp:
        app = FakeApp(lambda e, n: RETRY)
        ps = PubSub(
            "ps",
            {"retryBackoffMs": "1"},
            RuntimeContext(scratch_dir=tmp_path, mutation="pubsub-retry-ignored"),
        )

        async def route(_n: str, _t: str) -> list:
            return [app]

        ps.push_router = route
        await ps.publish("t", b"x")
        await until(lambda: bool(ps.deliveries()))
        await settle()
        ps.close()
        return app

    assert len(asyncio.run(main()).seen) == 1


def test_publish_waits_for_ack_returns_only_after_the_stream_acks(tmp_path):
    """publishWaitsForAck=true: PublishEvent returns once the subscriber acked (the reference-variant
    target of the compat harness); the default returns at once."""

    async def main(waits: str) -> tuple[bool, bool]:
        ps = broker(tmp_path, publishWaitsForAck=waits, ackTimeoutSeconds="5")
        sub = ps.open_stream("t", None)
        publish = asyncio.ensure_future(ps.publish("t", b"1"))
        ev = await asyncio.wait_for(sub.outgoing.get(), 1)
        await settle()
        done_before_ack = publish.done()
        assert sub.ack(ev.id, SUCCESS)
        await asyncio.wait_for(publish, 1)
        ps.close()
        return done_before_ack, publish.done()

    assert asyncio.run(main("true")) == (False, True)
    assert asyncio.run(main("false")) == (True, True)


def test_publish_waits_for_ack_without_subscriber_returns_at_once_and_is_bounded(tmp_path):
    async def main() -> float:
        ps = broker(tmp_path, publishWaitsForAck="true", ackTimeoutSeconds="0.2", maxDeliveryAttempts="1")
        await asyncio.wait_for(ps.publish("nobody", b"x"), 1)  # no subscriber: nothing to wait for
        ps.open_stream("t", None)  # never acks
        loop = asyncio.get_running_loop()
        started = loop.time()
        await asyncio.wait_for(ps.publish("t", b"1"), 3)
        ps.close()
        return loop.time() - started

    assert asyncio.run(main()) < 2  # returns after ackTimeoutSeconds, not forever


def test_publish_waits_for_ack_is_validated(tmp_path):
    from l8_runtime.components.base import ComponentConfigError

    with pytest.raises(ComponentConfigError, match="publishWaitsForAck"):
        broker(tmp_path, publishWaitsForAck="maybe")
