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


class _ExitOnReady(io.TextIOBase):
    def write(self, text: str) -> int:
        if "READY" in text:
            os.getppid()
            os._exit(0)
        return len(text)


def main() -> None:
    sys.stdout = _ExitOnReady()
    if sys.argv[1:] == ["runtime"]:
        sys.argv = ["l8-runtime", "--grpc-port", "0", "--http-port", "0"]
        from l8_runtime.launch import main as launch

        launch()
    elif sys.argv[1:] == ["echo"]:
        import runpy

        sys.argv = ["bench/echo_server.py"]
        runpy.run_module("bench.echo_server", run_name="__main__", alter_sys=True)
    raise SystemExit(f"usage: {sys.argv[0]} runtime|echo (and no READY line came)")


if __name__ == "__main__":
    main()
