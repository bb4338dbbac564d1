"""P5: the runtime's peak memory while a file goes in (PutFile) and comes back (GetFile), 64 MiB vs smaller.

Place in the pipeline: one bench module of the suite (bench/run.py). A fresh ``l8-runtime`` per size; the
client streams the file in 64 KiB chunks through the raw stub and reads it back; the figure is the
runtime's peak RSS (VmHWM) growth over its idle peak. Flat in file size = the runtime streams, never
holds the whole file. Goal (kept from the issue): <= 6 MiB growth at 64 MiB; the 4 MiB figure is printed
next to it to show the growth is gRPC's buffers, not the file.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator

from bench.common import Row, hwm_kib, local_runtime, verdict

CHUNK = 64 * 1024
GROWTH_GOAL_MIB = 6.0


def _growth_kib(size: int) -> int:
    import grpc
    from l8sdk._pb.spec.proto.runtime.v1 import runtime_pb2, runtime_pb2_grpc

    with local_runtime() as (target, proc), grpc.insecure_channel(target) as channel:
        stub = runtime_pb2_grpc.RuntimeStub(channel)  # type: ignore[no-untyped-call]
        stub.PutFile(iter([runtime_pb2.PutFileRequest(store_name="file_demo", name="warm.bin", data=b"w")]))
        warm = runtime_pb2.GetFileRequest(store_name="file_demo", name="warm.bin")
        b"".join(r.data for r in stub.GetFile(warm))
        before = hwm_kib(proc.pid)
        block = bytes(range(256)) * (CHUNK // 256)

        def chunks() -> Iterator[runtime_pb2.PutFileRequest]:
            for _ in range(size // CHUNK):
                yield runtime_pb2.PutFileRequest(store_name="file_demo", name="big.bin", data=block)

        stub.PutFile(chunks())
        received = 0
        for reply in stub.GetFile(runtime_pb2.GetFileRequest(store_name="file_demo", name="big.bin")):
            received += len(reply.data)
        if received != size:
            raise RuntimeError(f"GetFile returned {received} bytes, PutFile sent {size}")
        return hwm_kib(proc.pid) - before


def rows(quick: bool) -> list[Row]:
    runs = 1 if quick else 3  # a fresh runtime per run; the median is quoted
    small = statistics.median(_growth_kib(4 << 20) / 1024 for _ in range(runs))
    big = statistics.median(_growth_kib(64 << 20) / 1024 for _ in range(runs))
    return [Row("P5 64 MiB PutFile/GetFile: runtime peak RSS growth",
                f"median {big:.1f} MiB at 64 MiB, {small:.1f} MiB at 4 MiB ({runs} runs each)",
                f"<= {GROWTH_GOAL_MIB:g} MiB (not the file size)", verdict(big, GROWTH_GOAL_MIB),
                data={"growth_mib_64": big, "growth_mib_4": small})]
