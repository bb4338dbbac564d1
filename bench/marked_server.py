"""Runs a server and calls ``os.getppid()`` for every line it reads on stdin: segment marks for callgrind.

Place in the pipeline: started by bench/p3_qps.py under callgrind with ``--dump-before=getppid``
(``python bench/marked_server.py runtime|echo``). The server runs as in ready_probe.py (``runtime``: the
``l8-runtime`` console script's entry, embedded mode, free ports; ``echo``: ``python -m bench.echo_server``)
and prints its READY line; a daemon thread reads stdin and calls the marker once per line, so callgrind
dumps the counters of every thread at each mark and the Ir between two marks is the server's work for the
calls the bench made in between. End of input ends the process (``os._exit``: no shutdown in a segment).
"""

from __future__ import annotations

import os
import sys
import threading


def _marks() -> None:
    for _ in sys.stdin:
        os.getppid()
    os._exit(0)


def main() -> None:
    threading.Thread(target=_marks, name="marks", daemon=True).start()
    if sys.argv[1:] == ["runtime"]:
        sys.argv = ["l8-runtime", "--grpc-port", "0", "--http-port", "0", "--log-level", "error"]
        from l8_runtime.launch import main as launch

        launch()
    elif sys.argv[1:] == ["echo"]:
        import runpy

        sys.argv = ["bench/echo_server.py"]
        runpy.run_module("bench.echo_server", run_name="__main__", alter_sys=True)
    raise SystemExit(f"usage: {sys.argv[0]} runtime|echo")


if __name__ == "__main__":
    main()
