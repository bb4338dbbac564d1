"""Start-up: `l8-runtime` from process start to its READY line, and its idle RSS, vs a bare grpc.aio server.

Place in the pipeline: one bench module of the suite (bench/run.py). A = ``l8-runtime`` (embedded mode,
free ports), B = bench/echo_server.py (grpc.aio + the generated Runtime servicer, nothing else), started in
turn (A B A B ...). Time to READY is wall time from ``Popen`` to the READY line; idle RSS is VmRSS 0.3 s
after READY. Goals: <= 1.3x and <= 1.2x the echo server's.
"""

from __future__ import annotations

import shutil
import subprocess
import time

from bench.common import PYTHON, ROOT, Paired, Row, dev_env, rss_kib, stop, verdict, wait_ready

TIME_GOAL, RSS_GOAL = 1.3, 1.2


def _start(cmd: list[str]) -> tuple[float, float]:
    """(seconds to READY, idle RSS in KiB) of one start."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env={**dev_env(), "PYTHONPATH": str(ROOT)})
    try:
        wait_ready(proc, 60)
        ready = time.perf_counter() - start
        time.sleep(0.3)
        return ready, float(rss_kib(proc.pid))
    finally:
        stop(proc)


def rows(quick: bool) -> list[Row]:
    rounds = 3 if quick else 21  # a start takes ~0.1 s and moves by +-30 % on this VM: 21 pairs per side
    runtime = [shutil.which("l8-runtime", path=dev_env()["PATH"]) or "l8-runtime", "--grpc-port", "0",
               "--http-port", "0"]
    echo = [PYTHON, "-m", "bench.echo_server"]
    full = [*echo, "--all-services"]
    _start(runtime)
    _start(echo)
    _start(full)
    triples = [(_start(runtime), _start(echo), _start(full)) for _ in range(rounds)]
    ready = Paired([a[0] for a, _, _ in triples], [b[0] for _, b, _ in triples])
    rss = Paired([a[1] for a, _, _ in triples], [b[1] for _, b, _ in triples])
    same = Paired([a[0] for a, _, _ in triples], [c[0] for _, _, c in triples])
    return [
        Row("start-up: runtime start to READY vs echo server", ready.summary(), f"<= {TIME_GOAL}x",
            verdict(ready.median_ratio(), TIME_GOAL), data=ready.as_dict()),
        Row("start-up: runtime idle RSS vs echo server", rss.summary("MiB", 1 / 1024), f"<= {RSS_GOAL}x",
            verdict(rss.median_ratio(), RSS_GOAL), data=rss.as_dict()),
        Row("start-up: runtime start to READY vs a bare server of all the API's services", same.summary(),
            "none: a control for the row above", "info", data=same.as_dict(),
            note="B = the echo server with --all-services: the generated base servicers of the API's 9 "
                 "services, health and reflection (what any server of this API imports and registers); "
                 "A/B is the runtime's own code: components, config, actuator, servicers"),
    ]
