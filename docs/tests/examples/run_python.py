"""Run the Python blocks against the reference runtime, all in one Python process.

Place: called by ``run.py`` with the blocks whose runner is ``python``. Harness (documented in
``docs/tests/examples/README.md``): each block runs with ``exec`` in a fresh namespace, in a scratch
directory, with ``L8_GRPC_ENDPOINT`` set; a fragment that uses ``client`` without creating it gets ``client
= Client()`` (ready) first; a class ``App`` (an application-side handler) is instantiated and each of its
methods called with ``(None, None)``. A block passes when it finishes, or when it raises ``L8Error`` from
the runtime (the call reached it and the runtime answered, e.g. NOT_FOUND) and the block is lenient (a
reference block or a ``python call`` one-call example; other README blocks must finish); it fails on any
other exception, on UNAVAILABLE/UNKNOWN/INTERNAL, and after 30 s.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from blocks import Block

PROGRAM = r"""
import contextlib, io, json, re, signal, sys
from l8sdk import Client, L8Error

def alarm(*_):
    raise TimeoutError("no answer within 30 s")

signal.signal(signal.SIGALRM, alarm)
results = {}
for name, code, strict in json.load(sys.stdin):
    namespace = {"__name__": "__example__"}
    if re.search(r"\bclient\.", code) and not re.search(r"\bclient\s*=|as client\b", code):
        namespace["client"] = Client()
        namespace["client"].wait_for_ready(10)
    out = io.StringIO()
    signal.alarm(30)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(code, name, "exec"), namespace)
            app = namespace.get("App")
            if isinstance(app, type):
                for attr, method in vars(app).items():
                    if callable(method) and not attr.startswith("_"):
                        if method(app(), None, None) is None:
                            raise AssertionError(f"App.{attr} returned None")
        results[name] = ["ok", out.getvalue()]
    except L8Error as exc:
        bad = strict or exc.code in ("UNAVAILABLE", "UNKNOWN", "INTERNAL")
        results[name] = ["FAIL" if bad else "ok", f"L8Error {exc.code}: {exc.message}"]
    except BaseException as exc:
        results[name] = ["FAIL", f"{type(exc).__name__}: {exc}"]
    finally:
        signal.alarm(0)
        if "client" in namespace and hasattr(namespace["client"], "close"):
            namespace["client"].close()
print(json.dumps(results))
"""


def run(blocks: list[Block], endpoint: str, scratch: Path) -> dict[str, tuple[bool, str]]:
    """{block name: (passed, detail)} for every Python block."""
    work = scratch / "python"
    work.mkdir(parents=True, exist_ok=True)
    payload = json.dumps([(b.name, b.code, not b.lenient) for b in blocks])
    proc = subprocess.run(
        [sys.executable, "-c", PROGRAM],
        input=payload,
        capture_output=True,
        text=True,
        cwd=work,
        env={**os.environ, "L8_GRPC_ENDPOINT": endpoint},
        timeout=1200,
        check=False,
    )
    if proc.returncode != 0:
        return {b.name: (False, f"harness failed: {proc.stderr[-2000:]}") for b in blocks}
    results = json.loads(proc.stdout.strip().splitlines()[-1])
    return {name: (status == "ok", detail) for name, (status, detail) in results.items()}
