"""P2: the cost of an SDK call against the raw generated stub on the same channel (Python sync + asyncio).

Place in the pipeline: one bench module of the suite (bench/run.py). The client runs under valgrind's
callgrind, which counts the instructions the client process executes (all threads), a figure that does not
move with a busy machine. The worker (``python -m bench.p2_client worker``) makes N ``get_state`` calls
through the SDK, then N through ``RuntimeStub(client channel)``, alternating for several rounds and calling
``os.getppid()`` between segments: callgrind dumps its counters at each call (``--dump-before=getppid``),
so each segment is one round of one side. The server is a local ``l8-runtime`` (not under valgrind).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from bench.common import PYTHON, ROOT, Paired, Row, callgrind_segments, dev_env, local_runtime, verdict

GOAL = 1.05  # SDK instructions per call / raw stub instructions per call
STORE, KEY = "state_demo", "bench-key"


def _sync_worker(target: str, rounds: int, calls: int, flat: bool = False) -> None:
    from l8sdk import Client
    from l8sdk._pb.spec.proto.runtime.v1 import runtime_pb2, runtime_pb2_grpc

    with Client(endpoint=target) as client:
        client.wait_for_ready(300)  # under valgrind on a busy machine the first handshake can time out
        stub = runtime_pb2_grpc.RuntimeStub(client._transport.raw_channel)  # type: ignore[no-untyped-call]
        request = runtime_pb2.GetStateRequest

        def sdk() -> Any:
            return client.get_state(store_name=STORE, key=KEY)

        if flat:  # the flattened signature ([tool.l8gen.signatures]): positional fields
            def sdk() -> Any:
                return client.get_state(STORE, KEY)

        def raw() -> Any:
            return stub.GetState(request(store_name=STORE, key=KEY))

        # Under callgrind the connection handshake is ~50x slower than the SDK's 100 ms minimum connect
        # timeout (its reconnect contract): wait until the channel is up, as the backoff grows, before calls.
        client.wait_for_ready(120)
        for _ in range(20):
            sdk()
            raw()
        for _ in range(rounds):
            os.getppid()
            for _ in range(calls):
                sdk()
            os.getppid()
            for _ in range(calls):
                raw()
        os.getppid()


async def _aio_worker(target: str, rounds: int, calls: int, flat: bool = False) -> None:
    from l8sdk import AsyncClient
    from l8sdk._pb.spec.proto.runtime.v1 import runtime_pb2, runtime_pb2_grpc

    async with AsyncClient(endpoint=target) as client:
        await client.wait_for_ready(300)
        stub = runtime_pb2_grpc.RuntimeStub(client._transport.channel)  # type: ignore[no-untyped-call]
        request = runtime_pb2.GetStateRequest
        await client.wait_for_ready(120)  # see _sync_worker
        for _ in range(20):
            await client.get_state(store_name=STORE, key=KEY)
            await stub.GetState(request(store_name=STORE, key=KEY))
        for _ in range(rounds):
            os.getppid()
            if flat:
                for _ in range(calls):
                    await client.get_state(STORE, KEY)
            for _ in range(0 if flat else calls):
                await client.get_state(store_name=STORE, key=KEY)
            os.getppid()
            for _ in range(calls):
                await stub.GetState(request(store_name=STORE, key=KEY))
        os.getppid()


def measure(target: str, mode: str, rounds: int, calls: int, flat: bool = False) -> Paired:
    """Per-call instructions of the SDK (A) and the raw stub (B), one pair per round."""
    cmd = [PYTHON, "-m", "bench.p2_client", "worker", "--target", target, "--mode", mode,
           "--rounds", str(rounds), "--calls", str(calls), *(["--flat"] if flat else [])]
    env = {**dev_env(), "PYTHONPATH": str(ROOT)}
    segments = callgrind_segments(cmd, "getppid", env=env)[1:]  # [0]: start-up and warm-up
    if len(segments) < 2 * rounds:
        raise RuntimeError(f"callgrind gave {len(segments)} segments, expected {2 * rounds}")
    per_call = [s / calls for s in segments[: 2 * rounds]]
    return Paired(per_call[0::2], per_call[1::2])


def rows(quick: bool) -> list[Row]:
    rounds, calls = (3, 100) if quick else (5, 300)
    out = []
    kinds = (
        ("sync", False, "P2 Python sync get_state: SDK vs raw stub, client Ir/call"),
        ("aio", False, "P2 Python asyncio get_state: SDK vs raw stub, client Ir/call"),
        ("sync", True, "P2 Python sync get_state(S, K) flattened: SDK vs raw stub, Ir/call"),
        ("aio", True, "P2 Python asyncio get_state(S, K) flattened: SDK vs raw stub, Ir/call"),
    )
    with local_runtime() as (target, _):
        # The four callgrind clients run two at a time (one per core here): 24 s instead of 44 s in --quick.
        # Counts barely depend on how busy the CPU is; the asyncio ratios moved within +-0.01 of a sequential
        # run (2026-12-05: three runs, 0.994-1.006x and 1.008-1.026x vs 0.997x and 1.015x).
        with ThreadPoolExecutor(max_workers=2) as pool:
            pairs = list(pool.map(lambda k: measure(target, k[0], rounds, calls, k[1]), kinds))
        for (_, _, label), pair in zip(kinds, pairs, strict=True):
            ratio = pair.median_ratio()
            extra = statistics.median(pair.a) - statistics.median(pair.b)
            out.append(Row(
                label,
                f"{ratio:.3f}x median (min {pair.min_ratio():.3f}x); SDK {statistics.median(pair.a):,.0f} vs "
                f"raw {statistics.median(pair.b):,.0f} Ir/call ({extra:+,.0f}); "
                f"{rounds} rounds x {calls} calls",
                f"<= {GOAL}x instructions", verdict(ratio, GOAL), asserted=True, data=pair.as_dict()))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    worker = sub.add_parser("worker")
    worker.add_argument("--target", required=True)
    worker.add_argument("--mode", choices=["sync", "aio"], required=True)
    worker.add_argument("--rounds", type=int, default=3)
    worker.add_argument("--calls", type=int, default=100)
    worker.add_argument("--flat", action="store_true", help="call the flattened form get_state(store, key)")
    sub.add_parser("run").add_argument("--quick", action="store_true")
    args = parser.parse_args()
    if args.command == "worker":
        if args.mode == "sync":
            _sync_worker(args.target, args.rounds, args.calls, args.flat)
        else:
            asyncio.run(_aio_worker(args.target, args.rounds, args.calls, args.flat))
        return
    for row in rows(args.quick):
        print(f"{row.metric}: {row.measured} [{row.verdict}]")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
