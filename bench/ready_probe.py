"""Runs a server up to its READY line and exits there: the instruction count of a start (bench/startup.py).

Place in the pipeline: started by bench/startup.py under callgrind (``python bench/ready_probe.py
runtime|echo``). It replaces stdout by a writer that, on the READY line, calls ``os.getppid()`` (the marker
callgrind dumps its counters before) and leaves at once (``os._exit``), so the one dump is the start to
READY and nothing of the shutdown. ``runtime`` enters as the ``l8-runtime`` console script does
(``l8_runtime.launch``, embedded mode, free ports); ``echo`` as ``python -m bench.echo_server`` does (runpy).
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Sequence


class _ExitOnReady(io.TextIOBase):
    def write(self, text: str) -> int:
        if "READY" in text:
            os.getppid()
            os._exit(0)
        return len(text)


def run_server(kind: str, runtime_args: Sequence[str] = ()) -> None:
    """Serve in this process: ``runtime`` as the ``l8-runtime`` console script does (``l8_runtime.launch``,
    embedded mode, free ports, then ``runtime_args``), ``echo`` as ``python -m bench.echo_server`` does
    (runpy). Returns only for another ``kind`` (bench/marked_server.py serves the same two)."""
    if kind == "runtime":
        sys.argv = ["l8-runtime", "--grpc-port", "0", "--http-port", "0", *runtime_args]
        from l8_runtime.launch import main as launch

        launch()
    elif kind == "echo":
        import runpy

        sys.argv = ["bench/echo_server.py"]
        runpy.run_module("bench.echo_server", run_name="__main__", alter_sys=True)


def main() -> None:
    sys.stdout = _ExitOnReady()
    run_server(sys.argv[1] if len(sys.argv) == 2 else "")
    raise SystemExit(f"usage: {sys.argv[0]} runtime|echo (and no READY line came)")


if __name__ == "__main__":
    main()
