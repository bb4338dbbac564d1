"""Pub/sub over gRPC: push delivery to an app callback (the loopback app) with RETRY/DROP, the
SubscribeTopicEvents stream with acks and dead letters, the delay queue, and CloudEvents fields."""

from __future__ import annotations

import queue
import threading
import time

from l8_runtime.control import ctl
from l8_runtime.pb import cb, dq, rt


def wait_for(fn, timeout: float = 5.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = fn()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError("condition not met in time")


def use_loopback(r, *subs: ctl.LoopbackSubscription) -> None:
    r.control.ConfigureLoopbackApp(ctl.ConfigureLoopbackAppRequest(subscriptions=list(subs)))
    r.control.SetAppCallback(ctl.SetAppCallbackRequest(address="self"))


def publish(r, topic: str, data: bytes, **kw) -> None:
    r.runtime.PublishEvent(rt.PublishEventRequest(pubsub_name="pub_subs_demo", topic=topic, data=data, **kw))


def received(r, topic: str) -> list:
    events = r.control.ListReceivedEvents(ctl.ListReceivedEventsRequest()).events
    return [e for e in events if e.event.topic == topic]


def test_push_delivery_fills_cloudevents_fields(runtime):
    use_loopback(runtime, ctl.LoopbackSubscription(pubsub_name="pub_subs_demo", topic="orders"))
    publish(runtime, "orders", b'{"n":1}', data_content_type="application/json", metadata={"key": "k1"})
    [got] = wait_for(lambda: received(runtime, "orders"))
    ev = got.event
    assert (ev.data, ev.data_content_type, ev.pubsub_name, ev.spec_version, ev.source) == (
        b'{"n":1}',
        "application/json",
        "pub_subs_demo",
        "1.0",
        "runtime",
    )
    assert ev.id and ev.type == "com.runtime.event.sent" and ev.metadata["key"] == "k1"
    assert got.status == "SUCCESS"


def test_push_delivery_defaults_the_content_type_to_text_plain(runtime):
    use_loopback(runtime, ctl.LoopbackSubscription(pubsub_name="pub_subs_demo", topic="plain"))
    publish(runtime, "plain", b"no type given")
    [got] = wait_for(lambda: received(runtime, "plain"))
    assert (got.event.data_content_type, got.event.source) == ("text/plain", "runtime")


def test_push_retry_then_success(runtime):
    use_loopback(runtime, ctl.LoopbackSubscription(pubsub_name="pub_subs_demo", topic="flaky", fail_times=2))
    publish(runtime, "flaky", b"x")
    wait_for(lambda: len(received(runtime, "flaky")) == 3)
    assert [e.status for e in received(runtime, "flaky")] == ["RETRY", "RETRY", "SUCCESS"]
    deliveries = runtime.control.ListDeliveries(ctl.ListDeliveriesRequest(topic="flaky")).deliveries
    assert [(d.channel, d.attempt, d.status) for d in deliveries] == [
        ("callback", 1, "RETRY"),
        ("callback", 2, "RETRY"),
        ("callback", 3, "SUCCESS"),
    ]


def test_push_drop_goes_to_the_dead_letter_topic(runtime):
    use_loopback(
        runtime,
        ctl.LoopbackSubscription(
            pubsub_name="pub_subs_demo", topic="bad", status="DROP", metadata={"deadLetterTopic": "bad-dlq"}
        ),
        ctl.LoopbackSubscription(pubsub_name="pub_subs_demo", topic="bad-dlq"),
    )
    publish(runtime, "bad", b"poison")
    [dead] = wait_for(lambda: received(runtime, "bad-dlq"))
    assert dead.event.data == b"poison" and dead.event.metadata["deadLetterReason"] == "DROP"


def test_unsubscribed_topic_is_not_pushed(runtime):
    use_loopback(runtime, ctl.LoopbackSubscription(pubsub_name="pub_subs_demo", topic="a"))
    publish(runtime, "b", b"x")
    statuses = wait_for(
        lambda: [
            d.status for d in runtime.control.ListDeliveries(ctl.ListDeliveriesRequest(topic="b")).deliveries
        ]
    )
    assert statuses == ["NO_SUBSCRIBER"] and received(runtime, "b") == []


class Stream:
    """A SubscribeTopicEvents client that acks with a chosen status."""

    def __init__(self, r, topic: str, dead_letter: str | None = None) -> None:
        self.out: queue.Queue = queue.Queue()
        init = rt.SubscribeTopicEventsRequestInitial(pubsub_name="pub_subs_demo", topic=topic)
        if dead_letter:
            init.dead_letter_topic = dead_letter
        self.out.put(rt.SubscribeTopicEventsRequest(initial_request=init))
        self.call = r.runtime.SubscribeTopicEvents(iter(self.out.get, None))
        assert next(self.call).HasField("initial_response")

    def next_event(self) -> cb.TopicEventRequest:
        return next(self.call).event_message

    def ack(self, event_id: str, status: int = cb.TopicEventResponse.SUCCESS) -> None:
        self.out.put(
            rt.SubscribeTopicEventsRequest(
                event_processed=rt.SubscribeTopicEventsRequestProcessed(
                    id=event_id, status=cb.TopicEventResponse(status=status)
                )
            )
        )

    def close(self) -> None:
        self.out.put(None)
        list(self.call)


def test_stream_receives_in_order_and_acks(runtime):
    s = Stream(runtime, "s1")
    for i in range(3):
        publish(runtime, "s1", str(i).encode())
    got = []
    for _ in range(3):
        ev = s.next_event()
        got.append(ev.data)
        s.ack(ev.id)
    s.close()
    assert got == [b"0", b"1", b"2"]


def test_stream_retry_redelivers_the_same_event(runtime):
    s = Stream(runtime, "s2")
    publish(runtime, "s2", b"again")
    first = s.next_event()
    s.ack(first.id, cb.TopicEventResponse.RETRY)
    second = s.next_event()
    s.ack(second.id)
    s.close()
    assert second.id == first.id and second.data == b"again"


def test_stream_drop_with_dead_letter_topic(runtime):
    dlq = Stream(runtime, "s3-dlq")
    s = Stream(runtime, "s3", dead_letter="s3-dlq")
    publish(runtime, "s3", b"bad")
    s.ack(s.next_event().id, cb.TopicEventResponse.DROP)
    dead = dlq.next_event()
    dlq.ack(dead.id)
    s.close()
    dlq.close()
    assert dead.data == b"bad" and dead.topic == "s3-dlq"


def test_unacked_event_is_redelivered_to_the_next_stream(runtime):
    s = Stream(runtime, "s4")
    publish(runtime, "s4", b"keep")
    s.next_event()
    s.close()
    again = Stream(runtime, "s4")
    ev = again.next_event()
    again.ack(ev.id)
    again.close()
    assert ev.data == b"keep"


def test_delay_queue_delivers_after_the_delay(runtime):
    s = Stream(runtime, "later")
    start = time.monotonic()
    msg = runtime.delay_queue.PublishDelayMessage(
        dq.DelayMessageRequest(component_name="pub_subs_demo", topic="later", data=b"d", delay_in_seconds=1)
    )
    box: list = []
    t = threading.Thread(target=lambda: box.append(s.next_event()))
    t.start()
    t.join(5)
    assert box and box[0].id == msg.message_id and time.monotonic() - start >= 1.0
    s.ack(box[0].id)
    s.close()
    [entry] = runtime.control.ReadOutbox(ctl.ReadOutboxRequest(kind="delay_queue")).entries
    assert msg.message_id in entry.json
