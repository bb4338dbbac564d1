"""Runtime RPCs of the simple building blocks: SayHello, InvokeService, InvokeBinding, GetSecret(s).

Place in the runtime: mixin of the Runtime servicer (api/runtime.py). InvokeService picks the `rpcs`
component named like ``id``, else the one with metadata ``default: "true"``, else the only one; ``echo``
answers with the request data, ``forward`` relays the call to another runtime (errors passed through).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import grpc

from ..components.base import Component
from ..components.bindings import EchoBinding
from ..components.hello import HelloWorld
from ..components.rpcs import EchoRpc, ForwardRpc
from ..components.secrets import SecretStore
from ..errors import ApiError, invalid, none_configured, require
from ..pb import rt, rt_grpc
from .host import Host
from .status import Ctx, unary


class BasicMixin:
    host: Host

    @unary
    async def SayHello(self, request: rt.SayHelloRequest, context: Ctx) -> rt.SayHelloResponse:
        hello = self.host.component("hellos", request.service_name, "service_name", HelloWorld)
        resp = rt.SayHelloResponse(hello=hello.say(request.name))
        if request.HasField("data"):
            resp.data.CopyFrom(request.data)
        return resp

    @unary
    async def InvokeService(self, request: rt.InvokeServiceRequest, context: Ctx) -> rt.InvokeResponse:
        require(request.id, "id")
        if not request.HasField("message") or not request.message.method:
            raise invalid(
                "message.method is required: the method to call must not be empty", field="message.method"
            )
        comp = self._rpc_component(request.id)
        if isinstance(comp, ForwardRpc):
            return await self._forward(comp, request, context)
        self.host.ctx.outboxes.record(
            "invoke",
            comp.name,
            {
                "id": request.id,
                "method": request.message.method,
                "content_type": request.message.content_type,
                "type_url": request.message.data.type_url,
                "verb": request.message.http_extension.verb,
                "querystring": request.message.http_extension.querystring,
            },
        )
        resp = rt.InvokeResponse(content_type=request.message.content_type)
        if request.message.HasField("data"):
            resp.data.CopyFrom(request.message.data)
        return resp

    def _rpc_component(self, app_id: str) -> EchoRpc:
        comps: Mapping[str, Component] = self.host.components.by_api.get("rpcs", {})
        if not comps:
            raise none_configured("rpc component")
        if app_id in comps:
            comp = comps[app_id]
        else:
            defaults = [c for c in comps.values() if isinstance(c, EchoRpc) and c.is_default]
            if len(defaults) == 1 or len(comps) == 1:
                comp = defaults[0] if defaults else next(iter(comps.values()))
            else:
                return self.host.components.get("rpcs", app_id, "id", EchoRpc)  # raises: unknown id
        assert isinstance(comp, EchoRpc)
        return comp

    async def _forward(
        self, comp: ForwardRpc, request: rt.InvokeServiceRequest, context: Ctx
    ) -> rt.InvokeResponse:
        remaining = context.time_remaining()
        timeout = comp.timeout_s if remaining is None else min(comp.timeout_s, remaining)
        async with grpc.aio.insecure_channel(comp.target) as channel:
            try:
                stub: Any = rt_grpc.RuntimeStub(channel)  # type: ignore[no-untyped-call]
                response: rt.InvokeResponse = await stub.InvokeService(request, timeout=timeout)
                return response
            except grpc.aio.AioRpcError as exc:
                raise ApiError(
                    exc.code().name, f"forwarded to {comp.target}: {exc.details()}", reason="FORWARD_FAILED"
                ) from None

    @unary
    async def InvokeBinding(self, request: rt.InvokeBindingRequest, context: Ctx) -> rt.InvokeBindingResponse:
        binding = self.host.component("bindings", request.name, "name", EchoBinding)
        data, meta = binding.invoke(request.operation, request.data, dict(request.metadata))
        return rt.InvokeBindingResponse(data=data, metadata=meta)

    @unary
    async def GetSecret(self, request: rt.GetSecretRequest, context: Ctx) -> rt.GetSecretResponse:
        store = self.host.component("secret_store", request.store_name, "store_name", SecretStore)
        require(request.key, "key")
        return rt.GetSecretResponse(data=store.get(request.key))

    @unary
    async def GetBulkSecret(self, request: rt.GetBulkSecretRequest, context: Ctx) -> rt.GetBulkSecretResponse:
        store = self.host.component("secret_store", request.store_name, "store_name", SecretStore)
        resp = rt.GetBulkSecretResponse()
        for key, values in store.bulk().items():
            resp.data[key].secrets.update(values)
        return resp
