"""Structured logs: one JSON object per line on stderr, with secrets redacted.

Place in the runtime: every module logs through ``logging.getLogger("l8.runtime...")`` and passes
structured fields with ``log_event``. Values under keys that look sensitive (authorization, token, secret,
password, credential, api key, signing key) are replaced by "<redacted>" at any nesting depth, so request
metadata can be logged safely. Payloads (state values, secrets, file bodies) are never logged at all.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
from typing import Any, TextIO

SENSITIVE = re.compile(
    r"authorization|token|secret|passw|credential|api[-_]?key|signing|cookie", re.IGNORECASE
)
REDACTED = "<redacted>"


def redact(value: Any, key: str = "") -> Any:
    if key and SENSITIVE.search(key):
        return REDACTED
    if isinstance(value, dict):
        return {str(k): redact(v, str(k)) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [redact(v) for v in value]
    return value


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            entry.update(redact(fields))
        if record.exc_info and record.exc_info[0] is not None:
            entry["error"] = f"{record.exc_info[0].__name__}: {record.exc_info[1]}"
            entry["traceback"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, sort_keys=False)


def setup(stream: TextIO | None = None, level: str = "info") -> logging.Logger:
    logger = logging.getLogger("l8.runtime")
    for h in list(logger.handlers):
        logger.removeHandler(h)
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter())
    logger.addHandler(handler)
    logger.setLevel(level.upper())
    logger.propagate = False
    return logger


def log_event(logger: logging.Logger, level: int, msg: str, **fields: Any) -> None:
    if logger.isEnabledFor(level):
        logger.log(level, msg, extra={"fields": fields})
