"""Runtime pub/sub RPCs: PublishEvent and the SubscribeTopicEvents bidi stream.

Place in the runtime: mixin of the Runtime servicer; delivery semantics live in components/pubsub.py.
SubscribeTopicEvents: the first client message must be ``initial_request`` (else INVALID_ARGUMENT); the
runtime answers ``initial_response``, then one ``event_message`` per delivered event; each
``event_processed`` acks one event (unknown ids are ignored). The stream ends when the client half-closes
or cancels; events not acknowledged by then go to the next subscriber of the topic.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from google.protobuf import empty_pb2

from ..components.pubsub import PubSub, StreamSubscriber
from ..errors import invalid, require
from ..pb import rt
from .appcallback import event_to_pb, status_name
from .host import Host
from .status import Ctx, stream, unary

_END = object()


class PubSubMixin:
    host: Host

    def _pubsub(self, name: str, field: str = "pubsub_name") -> PubSub:
        return self.host.component("pub_subs", name, field, PubSub)

    @unary
    async def PublishEvent(self, request: rt.PublishEventRequest, context: Ctx) -> empty_pb2.Empty:
        ps = self._pubsub(request.pubsub_name)
        require(request.topic, "topic")
        await ps.publish(request.topic, request.data, request.data_content_type, dict(request.metadata))
        return empty_pb2.Empty()

    @stream
    async def SubscribeTopicEvents(
        self,
        request_iterator: AsyncIterator[rt.SubscribeTopicEventsRequest],
        context: Ctx,
    ) -> AsyncIterator[rt.SubscribeTopicEventsResponse]:
        try:
            first = await anext(aiter(request_iterator))
        except StopAsyncIteration:
            raise invalid("the stream must start with initial_request", field="initial_request") from None
        if first.WhichOneof("subscribe_topic_events_request_type") != "initial_request":
            raise invalid("the first message must be initial_request", field="initial_request")
        init = first.initial_request
        ps = self._pubsub(init.pubsub_name, "initial_request.pubsub_name")
        if not init.topic:
            raise invalid("initial_request.topic must not be empty", field="initial_request.topic")
        dlt = init.dead_letter_topic if init.HasField("dead_letter_topic") else None
        sub = ps.open_stream(init.topic, dlt)
        errors: asyncio.Queue[object] = asyncio.Queue()

        async def reader() -> None:
            try:
                async for req in request_iterator:
                    kind = req.WhichOneof("subscribe_topic_events_request_type")
                    if kind == "event_processed":
                        value = req.event_processed.status.status
                        try:
                            name = status_name(value)
                        except ValueError:
                            raise invalid(
                                f"event_processed.status.status {value} is not a TopicEventResponseStatus "
                                "(SUCCESS=0, RETRY=1, DROP=2)",
                                field="event_processed.status.status",
                            ) from None
                        sub.ack(req.event_processed.id, name)
                    else:
                        raise invalid(
                            "initial_request may only be sent once; later messages must be event_processed",
                            field="initial_request",
                        )
                errors.put_nowait(_END)
            except Exception as exc:
                errors.put_nowait(exc)

        task = asyncio.get_running_loop().create_task(reader())
        try:
            yield rt.SubscribeTopicEventsResponse(initial_response=rt.SubscribeTopicEventsResponseInitial())
            async for msg in _events(sub, errors):
                yield msg
        finally:
            task.cancel()
            ps.close_stream(sub)


async def _events(
    sub: StreamSubscriber, errors: asyncio.Queue[object]
) -> AsyncIterator[rt.SubscribeTopicEventsResponse]:
    """Events of ``sub`` until the reader reports the end of the client stream or an error."""
    while True:
        get_event = asyncio.ensure_future(sub.outgoing.get())
        get_error = asyncio.ensure_future(errors.get())
        try:
            done, _ = await asyncio.wait({get_event, get_error}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (get_event, get_error):
                if not task.done():
                    task.cancel()
        if get_error in done:
            outcome = get_error.result()
            if outcome is _END:
                return
            assert isinstance(outcome, Exception)
            raise outcome
        yield rt.SubscribeTopicEventsResponse(event_message=event_to_pb(get_event.result()))
