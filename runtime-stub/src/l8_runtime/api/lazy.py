"""A servicer of this package made on its service's first call (``LazyServicer``).

Place in the runtime: server.py registers the API's services through it (``GuardedRegistration.add_lazy``),
so the start to READY imports no servicer module and, through them, no component module (bench/notes.py,
start-up row). Its attributes are one trampoline per RPC of the service, of the RPC's kind (a coroutine for
a unary response, an async generator for a stream, as the ``unary``/``stream`` guards of api/status.py make
the real methods); they stand in where handlers must exist before the first call (the registered path of
request streams). The generic path serves the real servicer's handlers once it is made.
"""

from __future__ import annotations

import importlib
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any


class LazyServicer:
    """Stands in for ``<cls>(*args)`` of ``l8_runtime.api.<module>``, the servicer of ``service`` (a
    ServiceDescriptor), made by the first ``real()``."""

    def __init__(self, service: Any, module: str, cls: str, *args: Any) -> None:
        self._module, self._cls, self._args = module, cls, args
        self._real: Any = None
        for method in service.methods:
            make = _stream if method.server_streaming else _unary
            setattr(self, method.name, make(self, method.name))

    def real(self) -> Any:
        if self._real is None:
            module = importlib.import_module(f"{__package__}.{self._module}")
            self._real = getattr(module, self._cls)(*self._args)
        return self._real


def _unary(owner: LazyServicer, name: str) -> Callable[[Any, Any], Awaitable[Any]]:
    async def call(request: Any, context: Any) -> Any:
        return await getattr(owner.real(), name)(request, context)

    return call


def _stream(owner: LazyServicer, name: str) -> Callable[[Any, Any], AsyncIterator[Any]]:
    async def call(request: Any, context: Any) -> AsyncIterator[Any]:
        inner = getattr(owner.real(), name)(request, context)
        try:
            async for item in inner:
                yield item
        finally:  # closed now, not when collected: a stream's cleanup (a subscription) runs in its finally
            await inner.aclose()

    return call
