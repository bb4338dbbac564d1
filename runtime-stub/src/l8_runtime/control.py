"""The harness control service l8.control.v1.Control (proto/l8/control/v1/control.proto).

Place in the runtime: served next to the API only with ``--enable-control``. It scripts faults and reads
observations (observe.py, filled by the interceptor), reads the recording outboxes and pub/sub delivery
records, drives the loopback AppCallback app and the app-callback address, and resets all state between
harness cases. Not part of the Layotto API.
"""

from __future__ import annotations

import json
from typing import Any

from l8sdk._pb.l8.control.v1 import control_pb2 as ctl
from l8sdk._pb.l8.control.v1 import control_pb2_grpc as ctl_grpc

from . import __version__
from .api.host import Host
from .api.status import Ctx, unary
from .components.pubsub import PubSub
from .errors import invalid
from .observe import Observer

CONTROL_SERVICE = ctl.DESCRIPTOR.services_by_name["Control"].full_name
REFRESH_TIMEOUT_S = 5.0  # how long a control call waits for the app's ListTopicSubscriptions


def runtime_version() -> str:
    """The package version (``l8_runtime.__version__``, kept equal to pyproject's by a test): reading it from
    the installed distribution would load importlib.metadata (zipfile, email, bz2) at every start."""
    return __version__


def registration(host: Host, observer: Observer) -> tuple[Any, Any]:
    """What server.py registers with ``--enable-control``: (add_ControlServicer_to_server, the servicer)."""
    return ctl_grpc.add_ControlServicer_to_server, ControlService(host, observer)


class ControlService(ctl_grpc.ControlServicer):
    def __init__(self, host: Host, observer: Observer) -> None:
        self.host = host
        self.observer = observer

    @unary
    async def ScriptFault(self, request: ctl.ScriptFaultRequest, context: Ctx) -> ctl.ScriptFaultResponse:
        fault = self.observer.script(
            request.method, request.code, request.message, request.times, request.delay_ms, request.skip
        )
        return ctl.ScriptFaultResponse(fault_id=fault.fault_id)

    @unary
    async def ClearFaults(self, request: ctl.ClearFaultsRequest, context: Ctx) -> ctl.ClearFaultsResponse:
        return ctl.ClearFaultsResponse(cleared=self.observer.clear_faults())

    @unary
    async def ListFaults(self, request: ctl.ListFaultsRequest, context: Ctx) -> ctl.ListFaultsResponse:
        return ctl.ListFaultsResponse(
            faults=[
                ctl.Fault(
                    fault_id=f.fault_id,
                    method=f.method,
                    code=f.code,
                    message=f.message,
                    remaining=f.remaining,
                    skip_remaining=f.skip_remaining,
                    delay_ms=f.delay_ms,
                )
                for f in self.observer.list_faults()
            ]
        )

    @unary
    async def ListCalls(self, request: ctl.ListCallsRequest, context: Ctx) -> ctl.ListCallsResponse:
        calls = self.observer.list_calls(request.method, request.clear)
        return ctl.ListCallsResponse(
            calls=[
                ctl.ObservedCall(
                    sequence=c.sequence,
                    method=c.method,
                    metadata=c.metadata,
                    has_deadline=c.has_deadline,
                    deadline_remaining_ms=c.deadline_remaining_ms,
                    attempt=c.attempt,
                    previous_attempts=c.previous_attempts,
                    code=c.code,
                    fault_id=c.fault_id,
                    time_unix_ms=c.time_unix_ms,
                    authorized=c.authorized,
                )
                for c in calls
            ]
        )

    @unary
    async def GetAttemptCounts(
        self, request: ctl.GetAttemptCountsRequest, context: Ctx
    ) -> ctl.GetAttemptCountsResponse:
        return ctl.GetAttemptCountsResponse(counts=self.observer.attempt_counts())

    @unary
    async def ReadOutbox(self, request: ctl.ReadOutboxRequest, context: Ctx) -> ctl.ReadOutboxResponse:
        entries = self.host.ctx.outboxes.read(request.kind, request.component, request.clear)
        return ctl.ReadOutboxResponse(
            entries=[
                ctl.OutboxEntry(
                    kind=e["kind"],
                    component=e["component"],
                    json=json.dumps(e["payload"], sort_keys=True),
                    time_unix_ms=e["time_unix_ms"],
                )
                for e in entries
            ]
        )

    @unary
    async def ListDeliveries(
        self, request: ctl.ListDeliveriesRequest, context: Ctx
    ) -> ctl.ListDeliveriesResponse:
        out = []
        for name, comp in sorted(self.host.components.by_api.get("pub_subs", {}).items()):
            if request.pubsub_name and name != request.pubsub_name or not isinstance(comp, PubSub):
                continue
            for r in comp.deliveries(request.topic, request.clear):
                out.append(
                    ctl.Delivery(
                        event_id=r.event_id,
                        pubsub_name=r.pubsub_name,
                        topic=r.topic,
                        channel=r.channel,
                        subscriber=r.subscriber,
                        attempt=r.attempt,
                        status=r.status,
                        error=r.error,
                        dead_letter_topic=r.dead_letter_topic,
                        time_unix_ms=r.time_unix_ms,
                    )
                )
        out.sort(key=lambda d: d.time_unix_ms)
        return ctl.ListDeliveriesResponse(deliveries=out)

    @unary
    async def ListReceivedEvents(
        self, request: ctl.ListReceivedEventsRequest, context: Ctx
    ) -> ctl.ListReceivedEventsResponse:
        assert self.host.loopback is not None
        return ctl.ListReceivedEventsResponse(
            events=[
                ctl.ReceivedEvent(event=ev, status=status, time_unix_ms=ts)
                for ev, status, ts in self.host.loopback.read(request.clear)
            ]
        )

    @unary
    async def ConfigureLoopbackApp(
        self, request: ctl.ConfigureLoopbackAppRequest, context: Ctx
    ) -> ctl.ConfigureLoopbackAppResponse:
        assert self.host.loopback is not None
        subs: list[dict[str, Any]] = []
        for i, s in enumerate(request.subscriptions):
            if not s.pubsub_name or not s.topic:
                raise invalid(f"subscriptions[{i}] needs pubsub_name and topic", field=f"subscriptions[{i}]")
            if s.fail_times < 0:
                raise invalid("fail_times must not be negative", field=f"subscriptions[{i}].fail_times")
            subs.append(
                {
                    "pubsub_name": s.pubsub_name,
                    "topic": s.topic,
                    "status": (s.status or "SUCCESS").upper(),
                    "fail_times": s.fail_times,
                    "metadata": dict(s.metadata),
                }
            )
        try:
            self.host.loopback.configure(subs)
        except ValueError as exc:
            raise invalid(str(exc), field="subscriptions") from None
        if self.host.link is not None and self.host.link.address == "self":
            await self.host.link.refresh(timeout=REFRESH_TIMEOUT_S)  # subscriptions are read once: refresh
        return ctl.ConfigureLoopbackAppResponse()

    @unary
    async def SetAppCallback(
        self, request: ctl.SetAppCallbackRequest, context: Ctx
    ) -> ctl.SetAppCallbackResponse:
        address = request.address.strip()
        if address and address != "self" and (":" not in address or not address.rsplit(":", 1)[1].isdigit()):
            raise invalid('address must be host:port, "self" or empty', field="address")
        assert self.host.link is not None
        self.host.link.set_address(address or None)
        # an explicit refresh of the app's subscriptions (also with the same address); bounded, so an app
        # that does not answer leaves the list unknown (a publish retries) instead of stalling this call
        await self.host.link.refresh(timeout=REFRESH_TIMEOUT_S)
        return ctl.SetAppCallbackResponse()

    @unary
    async def Reset(self, request: ctl.ResetRequest, context: Ctx) -> ctl.ResetResponse:
        self.host.components.reset()
        self.host.ctx.outboxes.clear()
        self.observer.reset()
        if self.host.loopback is not None:
            self.host.loopback.reset()
            if self.host.link is not None and self.host.link.address == "self":
                await self.host.link.refresh(timeout=REFRESH_TIMEOUT_S)
        return ctl.ResetResponse()

    @unary
    async def GetRuntimeInfo(
        self, request: ctl.GetRuntimeInfoRequest, context: Ctx
    ) -> ctl.GetRuntimeInfoResponse:
        comps = [ctl.ComponentInfo(api=a, name=n, type=t) for a, n, t in self.host.components.configured()]
        link = self.host.link
        return ctl.GetRuntimeInfoResponse(
            version=runtime_version(),
            mutation=self.host.ctx.mutation or "",
            app_id=self.host.ctx.app_id,
            components=comps,
            token_required=bool(self.host.info.get("token_required")),
            tls=bool(self.host.info.get("tls")),
            app_callback=(link.address or "") if link else "",
        )
