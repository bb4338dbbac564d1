"""Issue 18 item 3: memory stays bounded -- outboxes record only with --enable-control, capped by bytes,
without hex copies; 100 x 4 MiB InvokeBinding grows a runtime process's RSS by < 64 MiB."""

from __future__ import annotations

import sys
from pathlib import Path

import grpc
from l8_runtime.context import OUTBOX_BYTES, OUTBOX_VALUE_BYTES, Outboxes
from l8_runtime.pb import rt, rt_grpc

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fuzz"))
from process import RuntimeProcess  # noqa: E402

MiB = 1024 * 1024


def test_item03_outboxes_are_off_without_enable_control():
    box = Outboxes(enabled=False)
    box.record("bindings", "echo", {"data": b"x" * 100})
    assert box.read() == [] and box.total_bytes == 0


def test_item03_outboxes_are_capped_by_bytes_and_keep_no_hex_copies():
    box = Outboxes()
    for i in range(200):
        box.record("bindings", "echo", {"data": bytes([i % 256]) * (OUTBOX_VALUE_BYTES - 1), "i": i})
    assert box.total_bytes <= OUTBOX_BYTES
    kept = box.read("bindings")
    assert 0 < len(kept) < 200 and kept[-1]["payload"]["i"] == 199  # the oldest went first
    box.record("bindings", "echo", {"data": b"\xff\xfe" * 8})
    assert box.read("bindings")[-1]["payload"]["data"].startswith("base64:")
    box.record("bindings", "echo", {"data": b"y" * (4 * MiB)})
    big = box.read("bindings")[-1]["payload"]["data"]
    assert big["size"] == 4 * MiB and len(big["sha256"]) == 64


def test_item03_invoke_binding_4mib_x100_keeps_rss_bounded():
    proc = RuntimeProcess()
    try:
        options = [("grpc.max_send_message_length", 64 * MiB), ("grpc.max_receive_message_length", 64 * MiB)]
        with grpc.insecure_channel(proc.grpc, options=options) as ch:
            stub = rt_grpc.RuntimeStub(ch)
            payload = bytes(range(256)) * (4 * MiB // 256)
            req = rt.InvokeBindingRequest(name="recorder", operation="create", data=payload)
            for _ in range(5):  # warm-up: gRPC buffers, allocator arenas
                stub.InvokeBinding(req)
            base = proc.rss_bytes()
            for _ in range(100):
                assert stub.InvokeBinding(req).metadata["recorded"]
            growth = proc.rss_bytes() - base
        assert proc.alive()
        assert growth < 64 * MiB, f"RSS grew by {growth / MiB:.1f} MiB"
    finally:
        proc.stop()
