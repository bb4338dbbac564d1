"""Issue 18 item 12 (grpc.aio): rejected first messages of concurrent bidi streams reach a grpc.aio client
as the runtime's INVALID_ARGUMENT, not "INTERNAL: Internal error from Core" (the runtime reads what the
client is still sending before it rejects the stream)."""

from __future__ import annotations

import asyncio
from collections import Counter

import grpc
from l8_runtime.pb import rt, rt_grpc

STREAMS = 200


async def one(stub: rt_grpc.RuntimeStub) -> str:
    async def requests():
        # not an initial_request: the runtime rejects the stream on its first message
        for i in range(3):
            yield rt.SubscribeTopicEventsRequest(
                event_processed=rt.SubscribeTopicEventsRequestProcessed(id=f"e{i}")
            )

    try:
        async for _ in stub.SubscribeTopicEvents(requests(), timeout=10):
            pass
    except grpc.aio.AioRpcError as err:
        return f"{err.code().name}: {err.details()}"
    return "OK"


async def many(target: str) -> Counter[str]:
    async with grpc.aio.insecure_channel(target) as ch:
        stub = rt_grpc.RuntimeStub(ch)
        return Counter(await asyncio.gather(*(one(stub) for _ in range(STREAMS))))


def test_item12_aio_bidi_rejected_first_message_is_invalid_argument(start_runtime):
    r = start_runtime()
    got = asyncio.run(many(r.target))
    assert sum(got.values()) == STREAMS
    assert all(k.startswith("INVALID_ARGUMENT") for k in got), got
