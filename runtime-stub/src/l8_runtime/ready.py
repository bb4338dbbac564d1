"""The runtime's readiness line (CONTRACTS §6): the one definition its writer and every reader share.

Pipeline place: ``server.py`` prints it on stdout once the gRPC and HTTP ports serve; the container helpers
(``l8dev.toolchain.runtime_container``), the compat engine, the noxfile, the benchmarks and the tests parse
it with ``READY_RE``. Standard library only, so readers don't import the server.
"""

from __future__ import annotations

import re

PREFIX = "L8 RUNTIME READY"
READY_RE = re.compile(rf"{PREFIX} grpc=(\S+) http=(\S+)")


def ready_line(grpc_address: str, http_address: str) -> str:
    """The line the runtime prints when it is ready (``READY_RE`` matches it: group 1 grpc, group 2 http)."""
    return f"{PREFIX} grpc={grpc_address} http={http_address}"
