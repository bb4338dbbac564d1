"""Runs a server and calls ``os.getppid()`` for every line it reads on stdin: segment marks for callgrind.

Place in the pipeline: started by bench/p3_qps.py under callgrind with ``--dump-before=getppid``
(``python bench/marked_server.py runtime|echo``). The server runs as in ready_probe.py (``run_server``) and
prints its READY line; a daemon thread reads stdin and calls the marker once per line, so callgrind dumps
the counters of every thread at each mark and the Ir between two marks is the server's work for the calls
the bench made in between. End of input ends the process (``os._exit``: no shutdown in a segment).
"""

from __future__ import annotations

import os
import sys
import threading

from bench.ready_probe import run_server


def _marks() -> None:
    for _ in sys.stdin:
        os.getppid()
    os._exit(0)


def main() -> None:
    threading.Thread(target=_marks, name="marks", daemon=True).start()
    run_server(sys.argv[1] if len(sys.argv) == 2 else "", ["--log-level", "error"])
    raise SystemExit(f"usage: {sys.argv[0]} runtime|echo")


if __name__ == "__main__":
    main()
