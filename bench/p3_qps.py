"""P3: the runtime's SaveState throughput and tail latency against a bare grpc.aio server doing the same.

Place in the pipeline: one bench module of the suite (bench/run.py). Both servers run as their own
processes (``l8-runtime`` embedded mode, and bench/echo_server.py); one load process
(``python -m bench.p3_qps load``, grpc.aio, 32 calls in flight) drives one server for a fixed window, the
runtime and the echo server in turn (A B A B ...). Reported: QPS ratio runtime/echo (goal >= 0.9), the
p99 latency ratio (goal <= 1.2x), and the server's own CPU time per call (utime + stime from /proc, read
around each window): on a shared, busy machine wall-clock QPS swings with the neighbours, while CPU per call
is what bounds the QPS of a saturated server, so echo CPU/call over runtime CPU/call is the QPS ratio the
server code allows. Timings are reported, never asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import time
from pathlib import Path

from bench.common import (
    PYTHON,
    ROOT,
    Paired,
    Row,
    callgrind_server_rounds,
    dev_env,
    local_runtime,
    stop,
    verdict,
    wait_ready,
)

QPS_GOAL, P99_GOAL, IN_FLIGHT, WARMUP = 0.9, 1.2, 32, 50


async def _load(target: str, seconds: float, in_flight: int, calls: int = 0, warmup: int = WARMUP
                ) -> dict[str, float]:
    """``in_flight`` workers calling SaveState for ``seconds`` (or ``calls`` calls in all, when > 0), after
    ``warmup`` calls one by one."""
    import grpc.aio
    from l8sdk._pb.spec.proto.runtime.v1 import runtime_pb2, runtime_pb2_grpc

    async with grpc.aio.insecure_channel(target) as channel:
        stub = runtime_pb2_grpc.RuntimeStub(channel)  # type: ignore[no-untyped-call]
        item = runtime_pb2.SaveStateRequest(
            store_name="state_demo", states=[runtime_pb2.StateItem(key="bench", value=b"x" * 64)])
        for _ in range(warmup):
            await stub.SaveState(item)
        latencies: list[float] = []
        end = time.perf_counter() + seconds
        left = calls

        def more() -> bool:
            nonlocal left
            if calls <= 0:
                return time.perf_counter() < end
            left -= 1
            return left >= 0

        async def worker() -> None:
            while more():
                start = time.perf_counter()
                await stub.SaveState(item)
                latencies.append(time.perf_counter() - start)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(in_flight)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    return {"qps": len(latencies) / elapsed, "p99": latencies[int(len(latencies) * 0.99) - 1],
            "calls": len(latencies)}


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def _drive(target: str, seconds: float, server_pid: int) -> dict[str, float]:
    cmd = [PYTHON, "-m", "bench.p3_qps", "load", "--target", target, "--seconds", str(seconds)]
    before = _cpu_seconds(server_pid)
    proc = subprocess.run(cmd, capture_output=True, text=True, env={**dev_env(), "PYTHONPATH": str(ROOT)},
                          check=True)
    result: dict[str, float] = json.loads(proc.stdout)
    result["cpu_per_call"] = (_cpu_seconds(server_pid) - before) / (result["calls"] + WARMUP)  # + warm-up
    return result


def _calls(target: str, calls: int) -> None:
    cmd = [PYTHON, "-m", "bench.p3_qps", "load", "--target", target, "--calls", str(calls), "--warmup", "0"]
    subprocess.run(cmd, capture_output=True, text=True, env={**dev_env(), "PYTHONPATH": str(ROOT)},
                   check=True)


SIMULATED = ("--cache-sim=yes", "--branch-sim=yes")  # valgrind's model of the host's caches and predictors
MISSES = (("L1 instruction-cache misses", ("I1mr",)), ("L1 data-cache misses", ("D1mr", "D1mw")),
          ("last-level misses", ("ILmr", "DLmr", "DLmw")), ("mispredicted branches", ("Bcm", "Bim")))


def events_per_call(server: str, rounds: int, calls: int) -> list[dict[str, float]]:
    """Server events per SaveState (``server``: runtime or echo, bench/marked_server.py under callgrind with
    the simulated caches and branch predictors): Ir and the simulated misses, one dict per round of
    ``calls`` calls, IN_FLIGHT at a time, each round from a new client process."""
    cmd = [PYTHON, str(ROOT / "bench" / "marked_server.py"), server]
    totals = callgrind_server_rounds(cmd, rounds, lambda target: _calls(target, calls),
                                     env={**dev_env(), "PYTHONPATH": str(ROOT)}, options=SIMULATED)
    return [{event: count / calls for event, count in round_.items()} for round_ in totals]


def _misses(rounds: list[dict[str, float]], events: tuple[str, ...]) -> float:
    return statistics.median(sum(round_.get(event, 0.0) for event in events) for round_ in rounds)


def _instruction_row(quick: bool) -> Row:
    metric = "P3 server instructions per SaveState: echo / runtime"
    goal = "none: the CPU-per-call and QPS rows carry the goal"
    if quick:
        return Row(metric, "not run in --quick (~2 min under callgrind)", goal, "not measured")
    rounds, calls = 5, 200
    echo, runtime = (events_per_call(server, rounds, calls) for server in ("echo", "runtime"))
    pair = Paired([r["Ir"] for r in echo], [r["Ir"] for r in runtime])
    misses = "; ".join(f"{name} {_misses(runtime, events):,.0f} vs {_misses(echo, events):,.0f}"
                       for name, events in MISSES)
    return Row(metric, f"{pair.median_ratio():.3f} median (min {pair.min_ratio():.3f}); runtime "
               f"{statistics.median(pair.b):,.0f} Ir/call, echo {statistics.median(pair.a):,.0f}; {rounds} "
               f"rounds x {calls} calls, {IN_FLIGHT} in flight; per call, runtime vs echo (simulated): "
               f"{misses}",
               goal, "info",
               note="callgrind of the server process, every thread, between marks around each round (bench/"
                    "marked_server.py): the instructions the server code runs per call, free of the "
                    "machine's noise, and the misses of valgrind's model of this host's caches and branch "
                    "predictors (--cache-sim, --branch-sim); under callgrind both servers run ~50x slower, "
                    "so more calls wait per event-loop turn than at full speed, and neither the neighbours' "
                    "use of the caches nor thread switches are modelled: the CPU-per-call row is the "
                    "at-speed figure",
               data={**pair.as_dict(), "runtime_events": runtime, "echo_events": echo})


def rows(quick: bool) -> list[Row]:
    rounds, seconds = (2, 1.5) if quick else (12, 2.0)  # 12 pairs: see the P3 note (window-to-window spread)
    echo = subprocess.Popen([PYTHON, "-m", "bench.echo_server"], stdout=subprocess.PIPE, text=True,
                            env={**dev_env(), "PYTHONPATH": str(ROOT)})
    try:
        echo_target = wait_ready(echo, 30)
        with local_runtime("--log-level", "error") as (runtime_target, runtime):
            runs: list[tuple[dict[str, float], dict[str, float]]] = []
            _drive(runtime_target, 0.5, runtime.pid)
            _drive(echo_target, 0.5, echo.pid)
            for _ in range(rounds):
                runs.append((_drive(runtime_target, seconds, runtime.pid),
                             _drive(echo_target, seconds, echo.pid)))
    finally:
        stop(echo)
    qps = Paired([a["qps"] for a, _ in runs], [b["qps"] for _, b in runs])
    p99 = Paired([a["p99"] for a, _ in runs], [b["p99"] for _, b in runs])
    cpu = Paired([b["cpu_per_call"] for _, b in runs], [a["cpu_per_call"] for a, _ in runs])  # echo / runtime
    return [
        Row("P3 server CPU per SaveState: echo / runtime (the QPS ratio the server code allows)",
            f"{cpu.median_ratio():.2f} median (min {cpu.min_ratio():.2f}); runtime "
            f"{statistics.median(cpu.b) * 1e6:.0f} us/call, echo "
            f"{statistics.median(cpu.a) * 1e6:.0f} us/call",
            f">= {QPS_GOAL}", verdict(cpu.median_ratio(), QPS_GOAL, lower_is_better=False),
            note="utime+stime of the server process per call (/proc), less sensitive to a busy machine than "
                 "wall-clock QPS", data=cpu.as_dict()),
        Row("P3 runtime SaveState QPS / bare grpc.aio echo QPS", qps.summary("QPS"),
            f">= {QPS_GOAL}", verdict(qps.median_ratio(), QPS_GOAL, lower_is_better=False),
            note=f"{IN_FLIGHT} in flight, {rounds} rounds of {seconds} s each side", data=qps.as_dict()),
        Row(f"P3 p99 at {IN_FLIGHT} in flight, runtime vs echo", p99.summary("ms", 1000),
            f"<= {P99_GOAL}x echo's p99", verdict(p99.median_ratio(), P99_GOAL), data=p99.as_dict()),
        _instruction_row(quick),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    load = sub.add_parser("load")
    load.add_argument("--target", required=True)
    load.add_argument("--seconds", type=float, default=2.0)
    load.add_argument("--in-flight", type=int, default=IN_FLIGHT)
    load.add_argument("--calls", type=int, default=0, help="this many calls in all instead of --seconds")
    load.add_argument("--warmup", type=int, default=WARMUP)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(_load(args.target, args.seconds, args.in_flight, args.calls, args.warmup))))


if __name__ == "__main__":
    main()
