"""Rows of the results table that one run cannot measure, and the profiles behind missed goals.

Place in the pipeline: read by bench/run.py. ``NOTES`` adds the measured profile (why the floor is where it
is) to a row by metric prefix; ``STATIC_ROWS`` are the issue's rows this suite does not measure itself, with
what measures them instead.
"""

from __future__ import annotations

from bench.common import Row

NOTES = {
    "P1 Python target alone": (
        "profile (cProfile, cold, .pyc present): protoc parse + python/grpc plugins ~0.10 s "
        "(B's whole work), "
        "writing 93 files atomically ~0.12 s (protoc writes 30), IR build ~0.05 s, rendering 44 templates "
        "~0.05 s, imports (jinja2, IR) ~0.08 s: the SDK layer is 3x the files of bare protoc, so the floor "
        "is above 2x"),
    "P1 cold `l8gen generate`": (
        "one protoc-gen-es start (was two, ~0.4 s of Node each); templates come from the Jinja2 bytecode "
        "cache; the rest is the SDK layers' IR + rendering + writing (see the Python row)"),
    "start-up: runtime start to READY": (
        "profile (-X importtime): the runtime loads config (yaml), 12 component kinds (cryptography, "
        "ssl), grpc_health and the control service that the echo server does not; the SDK client layer "
        "is no longer imported (l8sdk/__init__ is lazy)"),
    "start-up: runtime idle RSS": "same imports as the start-up row (cryptography + ssl + yaml ~ 14 MiB)",
}

STATIC_ROWS = [
    Row("P2 C++ SDK vs raw stub", "not measured by this suite", "keep (<= 1.05x)", "not measured",
        note="callgrind counts are wired for Python, Go and Node; the C++ call path was audited instead "
             "(docs/ARCHITECTURE.md, Performance)"),
    Row("CI `.ci/run` on a fresh machine", "see the CI step table (`nox -s ci` prints each step + total)",
        "<= 25 min cold", "not measured", note="the C++ SDK is built once per run in .cache/cpp-build"),
]
