"""The server interceptor: API-token check, call observation and scripted faults, on all four call shapes.

Place in the runtime: installed on the grpc.aio server by server.py; it wraps each RPC handler before the
servicer runs. With no token and no observer there is nothing to do per call: server.py then registers the
servicers through ``GuardedRegistration`` (the malformed-body guard applied once per method) and installs no
interceptor.
- Token (``--api-token`` / ``L8_RUNTIME_API_TOKEN``): every call must carry ``authorization: Bearer <token>``
  (compared in constant time), else UNAUTHENTICATED. grpc.health.v1 stays open so probes work without the
  token. The token is never logged or recorded.
- Observation (only with ``--enable-control``): each call of an API service (not Control, health or
  reflection) is recorded with its metadata, remaining deadline and attempt number, and its final status.
- Faults: a matching scripted fault delays the call and/or fails it with the scripted status before the
  servicer runs.
- Malformed bodies: request bytes are decoded by a guarded deserializer; a body that does not decode (on
  any call shape, first message or mid-stream) is INVALID_ARGUMENT -- after the token check, so a call
  without a token is UNAUTHENTICATED whatever its body.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import grpc

from .api.status import abort as abort_with
from .api.status import drain
from .errors import ApiError, invalid
from .logs import log_event
from .observe import ObservedCall, Observer

log = logging.getLogger("l8.runtime.calls")
if TYPE_CHECKING:
    from .api.lazy import LazyServicer
    Ctx = grpc.aio.ServicerContext[Any, Any]
    Handler = grpc.RpcMethodHandler[Any, Any]
OPEN_PREFIXES = ("/grpc.health.v1.Health/",)
REFLECTION_SERVICE = "grpc.reflection.v1alpha.ServerReflection"  # grpc_reflection's SERVICE_NAME
UNOBSERVED_PREFIXES = ("/grpc.health.v1.", "/grpc.reflection.", "/l8.control.")


def bearer_matches(authorization: str, token: str) -> bool:
    """``authorization`` is ``Bearer <token>``; the scheme is case-insensitive (RFC 7235 section 2.1)."""
    import hmac  # here: the start-up path does not import it (bench/notes.py, start-up row)

    scheme, _, credentials = authorization.strip().partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(credentials.strip().encode(), token.encode())


class Gatekeeper(grpc.aio.ServerInterceptor):
    def __init__(self, token: str | None, observer: Observer | None) -> None:
        self.token = token
        self.observer = observer
        # method -> (registered handler, its wrapped handler) for calls with nothing per call to check or
        # record (no token, not observed): the gate is then stateless, so the wrap is built once per method.
        self._plain: dict[str, tuple[Handler, Handler]] = {}

    def _authorized(self, metadata: tuple[tuple[str, Any], ...]) -> bool:
        if not self.token:
            return True
        return any(
            key == "authorization" and isinstance(value, str) and bearer_matches(value, self.token)
            for key, value in metadata
        )

    async def intercept_service(
        self,
        continuation: Callable[[grpc.HandlerCallDetails], Awaitable[Handler | None]],
        details: grpc.HandlerCallDetails,
    ) -> Handler | None:
        handler = await continuation(details)
        if handler is None:
            return None
        method = details.method
        observe = self.observer is not None and not method.startswith(UNOBSERVED_PREFIXES)
        if not self.token and not observe:  # only the malformed-body guard: reuse the method's wrap
            cached = self._plain.get(method)
            if cached is None or cached[0] is not handler:
                cached = (handler, _wrap(handler, _Gate(None, method, (), True)))
                self._plain[method] = cached
            return cached[1]
        metadata = tuple(details.invocation_metadata or ())
        authorized = self._authorized(metadata) or method.startswith(OPEN_PREFIXES)
        return _wrap(handler, self._gate(method, metadata, authorized, observe))

    def _gate(
        self, method: str, metadata: tuple[tuple[str, Any], ...], authorized: bool, observe: bool
    ) -> _Gate:
        return _Gate(self.observer if observe else None, method, metadata, authorized)


class GuardedRegistration:
    """Stands in for the server while servicers register. Two things:

    - Each service is registered as ONE generic handler only, never through grpc's registered-method path:
      a grpc.aio server keeps one pending request task per registered method and waits on all of them
      (``asyncio.wait(..., FIRST_COMPLETED)``) for every call it accepts, so that path costs time per call
      in proportion to the methods registered (~70 here: every service of the API, health, reflection).
      A generic handler is one dict lookup per call. Request-streaming methods (uploads) are registered
      both ways: on the registered path a 64 MiB upload's peak memory stayed lower (bench P5).
    - With ``guard`` (no token, no observer: nothing is checked or recorded per call) each method handler
      gets the malformed-body guard once, here, and the server runs with no interceptor at all (a
      ``grpc.aio`` interceptor costs a coroutine and a handler lookup per call); otherwise the gatekeeper
      interceptor applies it.

    Generated ``add_<S>Servicer_to_server`` code calls ``add_generic_rpc_handlers`` with the service's
    generic handler, then ``add_registered_method_handlers`` with the same methods; the second call is the
    one that registers (the handlers by name), so the first is dropped."""

    def __init__(self, server: grpc.aio.Server, guard: bool = True) -> None:
        self._server = server
        self._guard = guard

    def add_generic_rpc_handlers(self, handlers: Any) -> None:
        pass  # the add_registered_method_handlers call that follows registers the (guarded) handlers

    def add_registered_method_handlers(self, service: str, handlers: dict[str, Handler]) -> None:
        handlers = _with_guard(service, handlers, self._guard)
        self._server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler(service, handlers),))
        streamed = {m: h for m, h in handlers.items() if h.request_streaming}
        if streamed:  # request streams (uploads) keep the registered path: its peak memory is lower (P5)
            self._server.add_registered_method_handlers(service, streamed)

    def add_lazy(
        self, service: str, add_to_server: Callable[[Any, Any], None], servicer: LazyServicer
    ) -> None:
        """Register a servicer made on its service's first call (api/lazy.py): the generic handler is the real
        servicer's, made then (``add_on_first_call``); request streams also go on the registered path now,
        through the stand-in's trampolines (handlers must exist before the server starts)."""
        collected = _OnFirstCall(service, lambda into: None, guard=False)  # only collects the handlers
        add_to_server(servicer, collected)
        streamed = {m: h for m, h in (collected.handlers or {}).items() if h.request_streaming}
        if streamed:  # guarded here; the real servicer's handlers are guarded when it is made
            self._server.add_registered_method_handlers(service, _with_guard(service, streamed, self._guard))
        self.add_on_first_call(service, lambda into: add_to_server(servicer.real(), into))

    def add_on_first_call(self, service: str, register: Callable[[Any], None]) -> None:
        """Register ``service`` when a call first reaches it: ``register(target)`` then imports its servicer
        and adds it to ``target`` like ``add_<S>Servicer_to_server`` (guarded the same way, generic handler
        only). For a service few calls use whose modules are slow to import (reflection)."""
        self._server.add_generic_rpc_handlers((_OnFirstCall(service, register, self._guard),))


def _with_guard(service: str, handlers: dict[str, Handler], guard: bool) -> dict[str, Handler]:
    if not guard:
        return handlers
    return {m: _wrap(h, _Gate(None, f"/{service}/{m}", (), True)) for m, h in handlers.items()}


class _OnFirstCall(grpc.GenericRpcHandler):
    """The generic handler of a service registered on its first call (``add_on_first_call``); the server's
    event loop asks it for every call, so registering needs no lock."""

    def __init__(self, service: str, register: Callable[[Any], None], guard: bool) -> None:
        self._service, self._prefix = service, f"/{service}/"
        self._register, self._guard = register, guard
        self.handlers: dict[str, Handler] | None = None

    def add_generic_rpc_handlers(self, handlers: Any) -> None:
        pass  # as GuardedRegistration: the add_registered_method_handlers call that follows registers

    def add_registered_method_handlers(self, service: str, handlers: dict[str, Handler]) -> None:
        if service == self._service:
            self.handlers = _with_guard(service, handlers, self._guard)

    def service(self, handler_call_details: grpc.HandlerCallDetails) -> Handler | None:
        method: str = handler_call_details.method
        if not method.startswith(self._prefix):
            return None
        if self.handlers is None:
            self._register(self)
        return (self.handlers or {}).get(method[len(self._prefix):])


class _Gate:
    """Per-call state: runs before the handler (auth, record, fault) and after it (final status)."""

    def __init__(
        self, observer: Observer | None, method: str, metadata: tuple[tuple[str, Any], ...], authorized: bool
    ) -> None:
        self.observer = observer
        self.method = method
        self.metadata = metadata
        self.authorized = authorized
        self.call: ObservedCall | None = None

    async def before(self, context: Ctx) -> None:
        fault = None
        if self.observer is not None:
            self.call, fault = self.observer.begin(
                self.method, self.metadata, context.time_remaining(), self.authorized, int(time.time() * 1000)
            )
        if not self.authorized:
            log_event(log, logging.WARNING, "call rejected: missing or invalid API token", method=self.method)
            self.finish("UNAUTHENTICATED")
            await context.abort(
                grpc.StatusCode.UNAUTHENTICATED,
                "missing or invalid API token: send metadata `authorization: Bearer <token>`",
            )
        if fault is not None:
            if fault.delay_ms:
                await asyncio.sleep(fault.delay_ms / 1000)
            if fault.code != "OK":
                self.finish(fault.code)
                await context.abort(getattr(grpc.StatusCode, fault.code), fault.message)

    def finish(self, code: str) -> None:
        if self.observer is not None and self.call is not None and not self.call.code:
            self.observer.end(self.call, code)

    def after(self, context: Ctx, exc: BaseException | None) -> None:
        if exc is None:
            self.finish("OK")
            return
        code = context.code() if isinstance(exc, grpc.aio.AbortError) else None
        if isinstance(exc, asyncio.CancelledError):
            self.finish("CANCELLED")
        else:
            self.finish(code.name if isinstance(code, grpc.StatusCode) else "UNKNOWN")


class Malformed:
    """What the guarded deserializer returns for request bytes that do not decode."""

    def __init__(self) -> None:
        self.error = invalid(
            "malformed request body: the bytes are not a valid encoding of the request message"
        )


def _guarded(deserializer: Callable[[bytes], Any] | None) -> Callable[[bytes], Any] | None:
    if deserializer is None:
        return None

    def decode(raw: bytes) -> Any:
        try:
            return deserializer(raw)
        except Exception:  # DecodeError, or anything a broken body can trigger
            return Malformed()

    return decode


async def _checked(requests: Any) -> Any:
    async for item in requests:
        if isinstance(item, Malformed):
            await drain(requests)
            raise item.error
        yield item


def _wrap(handler: Handler, gate: _Gate) -> Handler:
    behavior: Any
    factory: Any
    if handler.request_streaming and handler.response_streaming:
        behavior, factory = handler.stream_stream, grpc.stream_stream_rpc_method_handler
    elif handler.request_streaming:
        behavior, factory = handler.stream_unary, grpc.stream_unary_rpc_method_handler
    elif handler.response_streaming:
        behavior, factory = handler.unary_stream, grpc.unary_stream_rpc_method_handler
    else:
        behavior, factory = handler.unary_unary, grpc.unary_unary_rpc_method_handler

    if gate.observer is None and gate.authorized and not handler.request_streaming \
            and not inspect.isasyncgenfunction(behavior):
        # nothing to check or record per call (before/after would do nothing): the guard alone
        async def plain_call(request: Any, context: Ctx) -> Any:
            if isinstance(request, Malformed):
                await abort_with(context, request.error)
            try:
                return await behavior(request, context)
            except ApiError as err:
                await abort_with(context, err)

        return factory(  # type: ignore[no-any-return]
            plain_call,
            request_deserializer=_guarded(handler.request_deserializer),
            response_serializer=handler.response_serializer,
        )
    if inspect.isasyncgenfunction(behavior):

        async def wrapped_gen(request: Any, context: Ctx) -> Any:
            await gate.before(context)
            try:
                if isinstance(request, Malformed):
                    raise request.error
                if handler.request_streaming:
                    request = _checked(request)
                async for item in behavior(request, context):
                    yield item
            except ApiError as err:
                gate.finish(err.code)
                await abort_with(context, err)
            except BaseException as exc:
                gate.after(context, exc)
                raise
            gate.after(context, None)

        wrapped: Any = wrapped_gen
    else:

        async def wrapped_call(request: Any, context: Ctx) -> Any:
            await gate.before(context)
            try:
                if isinstance(request, Malformed):
                    raise request.error
                if handler.request_streaming:
                    request = _checked(request)
                result = await behavior(request, context)
            except ApiError as err:
                gate.finish(err.code)
                await abort_with(context, err)
            except BaseException as exc:
                gate.after(context, exc)
                raise
            gate.after(context, None)
            return result

        wrapped = wrapped_call
    wrapped_handler: Handler = factory(
        wrapped,
        request_deserializer=_guarded(handler.request_deserializer),
        response_serializer=handler.response_serializer,
    )
    return wrapped_handler
