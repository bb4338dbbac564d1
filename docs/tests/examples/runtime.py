"""A local, quiet ``l8-runtime`` for the examples check and the demo tour.

Place: used by ``run.py`` (``nox -s examples``) and ``tour.py`` (``nox -s demo``): starts the reference
runtime from the dev virtualenv in embedded mode on free ports with ``--log-level error`` (no JSON logs) and
yields its gRPC endpoint once it printed READY.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

QUIET = {"GRPC_VERBOSITY": "ERROR"}  # no gRPC core info lines ("Got goaway" when a client disconnects)


@contextmanager
def runtime() -> Iterator[str]:
    """``l8-runtime`` on free ports; yields its gRPC endpoint (``host:port``)."""
    command = [str(Path(sys.executable).parent / "l8-runtime"), "--grpc-port", "0", "--http-port", "0",
               "--log-level", "error"]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env={**os.environ, **QUIET})
    assert proc.stdout is not None
    try:
        line = proc.stdout.readline()
        found = re.search(r"grpc=(\S+)", line)
        if not found:
            raise SystemExit(f"l8-runtime did not start: {line!r}")
        host, port = found.group(1).rsplit(":", 1)
        yield f"{'127.0.0.1' if host in ('0.0.0.0', '::', '[::]') else host}:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=15)
