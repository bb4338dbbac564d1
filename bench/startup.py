"""Start-up: `l8-runtime` from process start to its READY line, and its idle RSS, vs a bare grpc.aio server.

Place in the pipeline: one bench module of the suite (bench/run.py). A = ``l8-runtime`` (embedded mode,
free ports), B = bench/echo_server.py (grpc.aio + the generated Runtime servicer, nothing else), started in
turn (A B A B ...). Time to READY is wall time from ``Popen`` to the READY line; idle RSS is VmRSS 0.3 s
after READY. Goals: <= 1.3x and <= 1.2x the echo server's. The same starts' instruction counts up to READY
(callgrind, bench/ready_probe.py) are the repeatable figure of the first (full mode only).
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import time

from bench.common import (
    PYTHON,
    ROOT,
    Paired,
    Row,
    callgrind_segments,
    dev_env,
    rss_kib,
    stop,
    verdict,
    wait_ready,
)

TIME_GOAL, RSS_GOAL = 1.3, 1.2
IR_ROUNDS = 3  # a start's instruction count repeats within ~0.01 %


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


def instructions(side: str) -> int:
    """Instructions (callgrind Ir, every thread) of one start of ``side`` up to its READY line."""
    env = {**dev_env(), "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "0"}
    segments = callgrind_segments([PYTHON, str(ROOT / "bench" / "ready_probe.py"), side], "getppid", env=env)
    if len(segments) != 1:  # one dump, at the marker; what runs after it (os._exit) is not a segment
        raise RuntimeError(f"callgrind gave {len(segments)} segments of a start of {side}, expected 1")
    return segments[0]


def _instruction_row(quick: bool) -> Row:
    metric = "start-up: instructions to READY, runtime vs echo server"
    goal = f"<= {TIME_GOAL}x instructions"
    if quick:
        return Row(metric, "not run in --quick (~9 s per start under callgrind)", goal, "not measured")
    runtime, echo = [], []
    for _ in range(IR_ROUNDS):
        runtime.append(float(instructions("runtime")))
        echo.append(float(instructions("echo")))
    pair = Paired(runtime, echo)
    ratio = pair.median_ratio()
    a, b = statistics.median(runtime), statistics.median(echo)
    measured = (f"{ratio:.3f}x median (min {pair.min_ratio():.3f}x); runtime {a:,.0f} vs echo {b:,.0f} Ir; "
                f"{IR_ROUNDS} starts each")
    return Row(metric, measured, goal, verdict(ratio, TIME_GOAL), asserted=True, data=pair.as_dict(),
               note="callgrind of bench/ready_probe.py: process start to the READY line, every thread; it "
                    "repeats where the timing row above moves by +-30 % on this VM")


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
        _instruction_row(quick),
        Row("start-up: runtime idle RSS vs echo server", rss.summary("MiB", 1 / 1024), f"<= {RSS_GOAL}x",
            verdict(rss.median_ratio(), RSS_GOAL), data=rss.as_dict()),
        Row("start-up: runtime start to READY vs a bare server of all the API's services", same.summary(),
            "none: a control for the row above", "info", data=same.as_dict(),
            note="B = the echo server with --all-services: the generated base servicers of the API's 9 "
                 "services, health and reflection (what any server of this API imports and registers); "
                 "A/B is the runtime's own code: components, config, actuator, servicers"),
    ]
