"""Runtime configuration RPCs: GetConfiguration, SaveConfiguration, DeleteConfiguration and the
SubscribeConfiguration bidi stream.

Place in the runtime: mixin of the Runtime servicer; semantics live in components/configstore.py. The
request's ``app_id`` is ignored (normal clients only see the runtime's own app id, as in Layotto).
SubscribeConfiguration: every client message adds a watch and is answered at once with the watched items'
current values (as Layotto's in-memory store; empty ``items`` if none exist); each later change of a
watched item is sent as one response. The stream stays open until the client cancels it (also after the client
half-closes); a bad watch request ends it with INVALID_ARGUMENT.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

from google.protobuf import empty_pb2

from ..components.configstore import ConfigItem, ConfigStore, Selection
from ..errors import invalid
from ..pb import rt
from .convert import config_item_from_pb, config_item_to_pb
from .host import Host
from .status import Ctx, stream, unary


class ConfigurationMixin:
    host: Host

    def _config(self, name: str) -> ConfigStore:
        return self.host.component("config_store", name, "store_name", ConfigStore)

    @unary
    async def GetConfiguration(
        self, request: rt.GetConfigurationRequest, context: Ctx
    ) -> rt.GetConfigurationResponse:
        store = self._config(request.store_name)
        sel = Selection(self.host.ctx.app_id, request.group, request.label, tuple(request.keys))
        return rt.GetConfigurationResponse(items=[config_item_to_pb(i) for i in store.get(sel)])

    @unary
    async def SaveConfiguration(self, request: rt.SaveConfigurationRequest, context: Ctx) -> empty_pb2.Empty:
        store = self._config(request.store_name)
        store.save(self.host.ctx.app_id, [config_item_from_pb(i) for i in request.items])
        return empty_pb2.Empty()

    @unary
    async def DeleteConfiguration(
        self, request: rt.DeleteConfigurationRequest, context: Ctx
    ) -> empty_pb2.Empty:
        store = self._config(request.store_name)
        if not request.keys:
            raise invalid("keys is required: list at least one key to delete", field="keys")
        store.delete(Selection(self.host.ctx.app_id, request.group, request.label, tuple(request.keys)))
        return empty_pb2.Empty()

    @stream
    async def SubscribeConfiguration(
        self,
        request_iterator: AsyncIterator[rt.SubscribeConfigurationRequest],
        context: Ctx,
    ) -> AsyncIterator[rt.SubscribeConfigurationResponse]:
        queue: asyncio.Queue[tuple[str, list[ConfigItem]] | BaseException] = asyncio.Queue()
        loop = asyncio.get_running_loop()
        cancels: list[Callable[[], None]] = []
        app_id = self.host.ctx.app_id

        async def reader() -> None:
            try:
                async for req in request_iterator:
                    store = self._config(req.store_name)
                    if not req.keys:
                        raise invalid("keys is required: list at least one key to watch", field="keys")
                    sel = Selection(app_id, req.group, req.label, tuple(req.keys))

                    def watcher(items: list[ConfigItem], name: str = req.store_name) -> None:
                        loop.call_soon_threadsafe(queue.put_nowait, (name, items))

                    cancels.append(store.subscribe(sel, watcher))
                    # Layotto's in-memory store: the current values first (also the "subscribed" signal);
                    # queued before any change (the watcher's puts go through call_soon_threadsafe)
                    queue.put_nowait((req.store_name, store.get(sel)))
                # client half-closed: keep the watches and the stream until the client cancels
            except Exception as exc:  # reported on the response stream
                queue.put_nowait(exc)

        task = loop.create_task(reader())
        try:
            while True:
                item = await queue.get()
                if isinstance(item, BaseException):
                    raise item
                name, items = item
                yield rt.SubscribeConfigurationResponse(
                    store_name=name, app_id=app_id, items=[config_item_to_pb(i) for i in items]
                )
        finally:
            task.cancel()
            for cancel in cancels:
                cancel()
