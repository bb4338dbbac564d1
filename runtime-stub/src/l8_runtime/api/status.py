"""Mapping runtime errors to gRPC statuses, and the guards every servicer method runs under.

Place in the runtime: between the servicers (api/*.py) and grpc.aio. ``ApiError`` becomes a
``google.rpc.Status`` (code, message, ``ErrorInfo`` with reason/domain/metadata, ``BadRequest`` for field
violations) sent with ``abort_with_status``, so every SDK can decode the details. Anything unexpected is
logged with its traceback on the runtime side and reported as a bare INTERNAL -- clients never see a
traceback.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import grpc
from google.protobuf import any_pb2
from google.rpc import error_details_pb2, status_pb2  # type: ignore[import-untyped]
from grpc_status import rpc_status  # type: ignore[attr-defined,unused-ignore]

from ..components.base import ComponentConfigError
from ..errors import DOMAIN, ApiError, invalid

log = logging.getLogger("l8.runtime.api")
T = TypeVar("T")
if TYPE_CHECKING:
    Ctx = grpc.aio.ServicerContext[Any, Any]
else:  # the grpc classes are not subscriptable at run time
    Ctx = grpc.aio.ServicerContext


def to_status(err: ApiError) -> grpc.Status:
    details = []
    info = any_pb2.Any()
    info.Pack(error_details_pb2.ErrorInfo(reason=err.reason, domain=DOMAIN, metadata=err.metadata))
    details.append(info)
    if err.violations:
        bad = any_pb2.Any()
        bad.Pack(
            error_details_pb2.BadRequest(
                field_violations=[
                    error_details_pb2.BadRequest.FieldViolation(field=f, description=d)
                    for f, d in err.violations
                ]
            )
        )
        details.append(bad)
    code = getattr(grpc.StatusCode, err.code)
    status: grpc.Status = rpc_status.to_status(
        status_pb2.Status(code=code.value[0], message=err.message, details=details)
    )
    return status


async def abort(context: Ctx, err: ApiError) -> NoReturn:
    await context.abort_with_status(to_status(err))
    raise AssertionError("abort_with_status returned")  # pragma: no cover


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
            await abort(context, _translate(exc, fn.__qualname__))

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
            await abort(context, _translate(exc, fn.__qualname__))

    return wrapper
