"""``nox -s fuzz``: every RPC of every API service, >= 200 generated inputs each, against a runtime process.

Place in the pipeline: a CI step (noxfile.py ``fuzz``). Services and RPCs are discovered from the runtime's
descriptors (``l8_runtime.pb.API_SERVICES``); inputs come from Hypothesis (strategies.py), seeded, so a run
is reproducible (``--seed``). Calls go through raw-bytes stubs, so garbage bodies reach the runtime as is.
Fails on any INTERNAL or UNKNOWN, a unary call that hangs > 5 s, the runtime's death, or RSS growth
> 64 MiB after a warm-up pass; prints per-status-code counts.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import grpc
from google.protobuf import descriptor_pool
from google.protobuf.descriptor import MethodDescriptor
from hypothesis import HealthCheck, Phase, given, seed, settings

sys.path.insert(0, str(Path(__file__).resolve().parent))
from l8_runtime.config import default_config  # noqa: E402
from l8_runtime.pb import API_SERVICES  # noqa: E402
from probe import configured_names  # noqa: E402
from process import RuntimeProcess  # noqa: E402
from strategies import request_bodies, stream_bodies  # noqa: E402

HANG_S = 5.0
STREAM_WINDOW_S = 1.5  # a streaming response may stay open (subscriptions): read it this long
RSS_LIMIT = 64 * 1024 * 1024
BAD = {"INTERNAL", "UNKNOWN"}
KEYS = ("key", "k", "topic", "bucket", "a/b.txt", "default")  # generic keys, topics, buckets, file names


def rpcs() -> list[MethodDescriptor]:
    pool = descriptor_pool.Default()
    return [m for name in API_SERVICES for m in pool.FindServiceByName(name).methods]


def vocabulary() -> tuple[str, ...]:
    """Configured component names (and a few of their keys): the vocabulary of RPCs the probe learnt
    nothing for."""
    cfg = default_config(False)
    names = {n for comps in cfg.values() if isinstance(comps, dict) for n in comps}
    return tuple(sorted(names | set(KEYS)))


def generate(method: MethodDescriptor, count: int, run_seed: int, vocab: tuple[str, ...]) -> list[Any]:
    """``count`` inputs for ``method``, drawn by Hypothesis with a per-RPC seed."""
    strategy = (
        stream_bodies(method.input_type, vocab)
        if method.client_streaming
        else request_bodies(method.input_type, vocab)
    )
    out: list[Any] = []

    @seed(run_seed)
    @settings(
        max_examples=count,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
        deadline=None,
    )
    @given(strategy)
    def collect(value: Any) -> None:
        out.append(value)

    collect()
    return out


class Stats:
    def __init__(self) -> None:
        self.codes: Counter[str] = Counter()
        self.failures: list[str] = []
        self.calls = 0


async def call(channel: grpc.aio.Channel, m: MethodDescriptor, body: Any, stats: Stats) -> None:
    path = f"/{m.containing_service.full_name}/{m.name}"
    ident = dict(request_serializer=None, response_deserializer=None)
    window = STREAM_WINDOW_S if m.server_streaming else HANG_S
    t0 = time.monotonic()
    code = "OK"
    try:
        if m.client_streaming and m.server_streaming:
            it = channel.stream_stream(path, **ident)(iter(body), timeout=window)
            async for _ in it:
                pass
        elif m.client_streaming:
            await channel.stream_unary(path, **ident)(iter(body), timeout=window)
        elif m.server_streaming:
            async for _ in channel.unary_stream(path, **ident)(body, timeout=window):
                pass
        else:
            await channel.unary_unary(path, **ident)(body, timeout=window)
    except grpc.aio.AioRpcError as err:
        code = err.code().name
        if code in BAD:
            stats.failures.append(f"{path}: {code} {err.details()!r} for input {_show(body)}")
        if code == "DEADLINE_EXCEEDED" and not m.server_streaming:
            stats.failures.append(f"{path}: hang > {HANG_S:g}s for input {_show(body)}")
        if code == "DEADLINE_EXCEEDED" and m.server_streaming:
            code = "DEADLINE_EXCEEDED(open stream)"
    stats.calls += 1
    stats.codes[code] += 1
    if time.monotonic() - t0 > window + 2:
        stats.failures.append(f"{path}: took {time.monotonic() - t0:.1f}s for input {_show(body)}")


def _show(body: Any) -> str:
    text = repr(body)
    return text if len(text) < 200 else text[:200] + "..."


async def run_all(
    target: str, plan: list[tuple[MethodDescriptor, list[Any]]], stats: Stats, par: int
) -> None:
    sem = asyncio.Semaphore(par)
    options = [("grpc.max_send_message_length", 64 << 20), ("grpc.max_receive_message_length", 64 << 20)]
    async with grpc.aio.insecure_channel(target, options=options) as channel:

        async def one(m: MethodDescriptor, body: Any) -> None:
            async with sem:
                await call(channel, m, body, stats)

        await asyncio.gather(*(one(m, b) for m, bodies in plan for b in bodies))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--inputs", type=int, default=200, help="generated inputs per RPC")
    ap.add_argument("--parallel", type=int, default=32)
    args = ap.parse_args(argv)
    started = time.monotonic()
    vocab = vocabulary()
    methods = rpcs()
    rt = RuntimeProcess()
    stats = Stats()
    try:
        with grpc.insecure_channel(rt.grpc) as probe_channel:
            learned = {m.full_name: configured_names(probe_channel, m) for m in methods}
        plan = [
            (
                m,
                generate(
                    m,
                    args.inputs,
                    args.seed + i,
                    (*learned[m.full_name], *KEYS) if learned[m.full_name] else vocab,
                ),
            )
            for i, m in enumerate(methods)
        ]
        short = [(m.full_name, len(b)) for m, b in plan if len(b) < args.inputs]
        gen_s = time.monotonic() - started
        warm = [(m, b[:5]) for m, b in plan]
        asyncio.run(run_all(rt.grpc, warm, Stats(), args.parallel))
        base_rss = rt.rss_bytes()
        asyncio.run(run_all(rt.grpc, plan, stats, args.parallel))
        alive = rt.alive()
        growth = rt.rss_bytes() - base_rss if alive else 0
    finally:
        rt.stop()
    total_inputs = sum(len(b) for _, b in plan)
    print(
        f"fuzz: seed {args.seed}, {len(methods)} RPCs of {len(API_SERVICES)} services, {total_inputs} inputs"
    )
    print(f"fuzz: generation {gen_s:.1f}s, total {time.monotonic() - started:.1f}s")
    for code, n in sorted(stats.codes.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {code:<32} {n}")
    print(f"fuzz: runtime RSS growth {growth / 2**20:.1f} MiB (limit {RSS_LIMIT >> 20} MiB)")
    failed = list(stats.failures)
    if short:
        failed.append(f"fewer than {args.inputs} inputs generated for {short}")
    if not alive:
        failed.append("the runtime process died:\n" + rt.log_text())
    if growth > RSS_LIMIT:
        failed.append(f"runtime RSS grew by {growth / 2**20:.1f} MiB")
    if "Traceback" in rt.log_text():
        failed.append("the runtime logged a traceback:\n" + rt.log_text()[-3000:])
    for f in failed[:30]:
        print("FAIL", f)
    print(f"fuzz: {'FAILED' if failed else 'passed'} ({len(failed)} failures)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
