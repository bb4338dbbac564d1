"""Mapping runtime errors to gRPC statuses, and the guards every servicer method runs under.

Place in the runtime: between the servicers (api/*.py) and grpc.aio. ``ApiError`` becomes a
``google.rpc.Status`` (code, message, ``ErrorInfo`` with reason/domain/metadata, ``BadRequest`` for field
violations) sent with ``abort_with_status``, so every SDK can decode the details. Anything unexpected is
logged with its traceback on the runtime side and reported as a bare INTERNAL -- clients never see a
traceback.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import grpc
from google.protobuf import any_pb2

from ..components.base import ComponentConfigError
from ..errors import DOMAIN, ApiError, invalid

log = logging.getLogger("l8.runtime.api")
T = TypeVar("T")
if TYPE_CHECKING:
    Ctx = grpc.aio.ServicerContext[Any, Any]
else:  # the grpc classes are not subscriptable at run time
    Ctx = grpc.aio.ServicerContext


# Error size limits (docs/CONTRACTS.md): echoed input is cut so that the whole status (grpc-message,
# percent-encoded, plus grpc-status-details-bin, base64) stays under gRPC's 8 KiB metadata limit and the
# client always sees the real status code.
MESSAGE_LIMIT = 512  # UTF-8 bytes of a status message
DETAIL_LIMIT = 128  # UTF-8 bytes of each ErrorInfo metadata value / BadRequest field and description
DETAIL_ENTRIES = 8  # ErrorInfo metadata entries / BadRequest violations kept


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` UTF-8 bytes, marking the cut ("...[cut N bytes]")."""
    raw = text.encode("utf-8")
    if len(raw) <= limit:
        return text
    keep = raw[: max(limit - 24, 0)].decode("utf-8", errors="ignore")
    return f"{keep}...[cut {len(raw) - len(keep.encode('utf-8'))} bytes]"


def to_status(err: ApiError) -> grpc.Status:
    # Imported on the first error, not at start-up: grpc_status + google.rpc are ~2.7 MiB of idle RSS and
    # ~14 ms of the runtime's start (bench/startup.py).
    from google.rpc import error_details_pb2, status_pb2  # type: ignore[import-untyped]
    from grpc_status import rpc_status  # type: ignore[attr-defined,unused-ignore]

    details = []
    info = any_pb2.Any()
    metadata = {clip(k, 64): clip(v, DETAIL_LIMIT) for k, v in sorted(err.metadata.items())[:DETAIL_ENTRIES]}
    info.Pack(error_details_pb2.ErrorInfo(reason=clip(err.reason, 64), domain=DOMAIN, metadata=metadata))
    details.append(info)
    if err.violations:
        bad = any_pb2.Any()
        bad.Pack(
            error_details_pb2.BadRequest(
                field_violations=[
                    error_details_pb2.BadRequest.FieldViolation(
                        field=clip(f, DETAIL_LIMIT), description=clip(d, DETAIL_LIMIT)
                    )
                    for f, d in err.violations[:DETAIL_ENTRIES]
                ]
            )
        )
        details.append(bad)
    code = getattr(grpc.StatusCode, err.code)
    status: grpc.Status = rpc_status.to_status(
        status_pb2.Status(code=code.value[0], message=clip(err.message, MESSAGE_LIMIT), details=details)
    )
    return status


async def abort(context: Ctx, err: ApiError) -> NoReturn:
    await context.abort_with_status(to_status(err))
    raise AssertionError("abort_with_status returned")  # pragma: no cover


DRAIN_SECONDS = 1.0
DRAIN_MESSAGES = 10_000


async def drain(requests: object) -> None:
    """Before rejecting a client stream, read (and drop) what the client is still sending, for at most
    ``DRAIN_SECONDS`` / ``DRAIN_MESSAGES``: a status sent while the client is mid-write reaches grpc.aio
    clients as "INTERNAL: Internal error from Core" instead of the real code."""
    if not hasattr(requests, "__anext__"):
        return
    deadline = asyncio.get_running_loop().time() + DRAIN_SECONDS
    try:
        for _ in range(DRAIN_MESSAGES):
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                return
            await asyncio.wait_for(requests.__anext__(), left)
    except (StopAsyncIteration, TimeoutError, ApiError, grpc.RpcError, RuntimeError):
        return


def _translate(exc: Exception, method: str) -> ApiError:
    if isinstance(exc, ApiError):
        return exc
    if isinstance(exc, ComponentConfigError):
        return invalid(str(exc))
    log.error("unexpected error in RPC handler", exc_info=exc, extra={"fields": {"method": method}})
    return ApiError(
        "INTERNAL", "internal error in the runtime (details are in the runtime log)", reason="INTERNAL_ERROR"
    )


def unary(fn: Callable[..., Awaitable[T]]) -> Callable[..., Awaitable[T]]:
    """Guard a unary-response handler (unary or client-streaming request)."""

    @functools.wraps(fn)
    async def wrapper(self: Any, request: Any, context: Ctx) -> T:
        try:
            return await fn(self, request, context)
        except Exception as exc:  # AbortError / CancelledError are BaseException-derived or re-raised below
            if isinstance(exc, grpc.aio.AbortError):
                raise
            err = _translate(exc, fn.__qualname__)
            await drain(request)
            await abort(context, err)

    return wrapper


def stream(fn: Callable[..., AsyncIterator[T]]) -> Callable[..., AsyncIterator[T]]:
    """Guard a streaming-response handler written as an async generator."""

    @functools.wraps(fn)
    async def wrapper(self: Any, request: Any, context: Ctx) -> AsyncIterator[T]:
        try:
            async for item in fn(self, request, context):
                yield item
        except Exception as exc:
            if isinstance(exc, grpc.aio.AbortError):
                raise
            err = _translate(exc, fn.__qualname__)
            await drain(request)
            await abort(context, err)

    return wrapper
