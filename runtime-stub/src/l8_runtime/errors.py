"""Errors of the reference runtime.

Place in the runtime: components raise :class:`ApiError` for every failure a client can cause or observe
(unknown component, empty key, etag mismatch, missing file ...). The gRPC layer (``l8_runtime.api.status``)
turns it into a ``google.rpc.Status`` with the canonical code, a message, an ``ErrorInfo`` (reason, domain,
metadata) and, for bad fields, a ``BadRequest``. Components stay free of gRPC imports, so codes are the
canonical status *names* ("INVALID_ARGUMENT", ...).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

DOMAIN = "l8-runtime"

CODES = (
    "OK",
    "CANCELLED",
    "UNKNOWN",
    "INVALID_ARGUMENT",
    "DEADLINE_EXCEEDED",
    "NOT_FOUND",
    "ALREADY_EXISTS",
    "PERMISSION_DENIED",
    "RESOURCE_EXHAUSTED",
    "FAILED_PRECONDITION",
    "ABORTED",
    "OUT_OF_RANGE",
    "UNIMPLEMENTED",
    "INTERNAL",
    "UNAVAILABLE",
    "DATA_LOSS",
    "UNAUTHENTICATED",
)


class ApiError(Exception):
    """A failure reported to the client with a canonical gRPC status code."""

    def __init__(
        self,
        code: str,
        message: str,
        *,
        reason: str = "",
        metadata: Mapping[str, str] | None = None,
        violations: Sequence[tuple[str, str]] = (),
    ) -> None:
        if code not in CODES:
            raise ValueError(f"unknown status code name {code!r}")
        super().__init__(message)
        self.code = code
        self.message = message
        self.reason = reason or code
        self.metadata = dict(metadata or {})
        self.violations = tuple(violations)

    def __repr__(self) -> str:
        return f"ApiError({self.code}, {self.message!r})"


def invalid(message: str, *, field: str = "", reason: str = "INVALID_ARGUMENT") -> ApiError:
    """INVALID_ARGUMENT, with a BadRequest field violation when ``field`` is given."""
    violations = ((field, message),) if field else ()
    return ApiError("INVALID_ARGUMENT", message, reason=reason, violations=violations)


def not_found(message: str, *, reason: str = "NOT_FOUND", **metadata: str) -> ApiError:
    return ApiError("NOT_FOUND", message, reason=reason, metadata=metadata)


def aborted(message: str, *, reason: str = "ETAG_MISMATCH", **metadata: str) -> ApiError:
    return ApiError("ABORTED", message, reason=reason, metadata=metadata)


def failed_precondition(message: str, *, reason: str = "FAILED_PRECONDITION", **metadata: str) -> ApiError:
    return ApiError("FAILED_PRECONDITION", message, reason=reason, metadata=metadata)


def require(value: object, field: str, what: str | None = None) -> None:
    """Raise INVALID_ARGUMENT naming ``field`` when ``value`` is empty (None, "", b"", 0-length)."""
    if value is None or (hasattr(value, "__len__") and len(value) == 0):
        raise invalid(f"{what or field} is required: field `{field}` must not be empty", field=field)


def require_positive(value: int, field: str) -> None:
    if value <= 0:
        raise invalid(f"`{field}` must be greater than 0, got {value}", field=field)


def unknown_component(api_label: str, name: str, configured: Iterable[str], field: str) -> ApiError:
    """The Layotto rule: an unknown component name is INVALID_ARGUMENT naming the configured ones."""
    names = sorted(configured)
    listed = ", ".join(f'"{n}"' for n in names)
    return ApiError(
        "INVALID_ARGUMENT",
        f'{api_label} "{name}" is not found; configured: [{listed}]',
        reason="COMPONENT_NOT_FOUND",
        metadata={"component": name, "configured": ",".join(names)},
        violations=((field, f'unknown {api_label} "{name}"'),),
    )


def none_configured(api_label: str) -> ApiError:
    return ApiError("FAILED_PRECONDITION", f"no {api_label} is configured", reason="COMPONENT_NOT_CONFIGURED")
