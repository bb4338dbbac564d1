"""Helpers of the gRPC-level tests: an in-process runtime (RuntimeServer on free ports, its own asyncio loop
in a thread, sync stubs for every service) and status-code assertions."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import grpc
import pytest
from l8_runtime.config import RuntimeConfig, load_config
from l8_runtime.control import ctl_grpc
from l8_runtime.pb import (
    cb_grpc,
    cry_grpc,
    dq_grpc,
    email_grpc,
    lc_grpc,
    oss_grpc,
    phone_grpc,
    rt_grpc,
    sms_grpc,
)
from l8_runtime.server import RuntimeServer, ServerOptions


class RunningRuntime:
    def __init__(
        self, config: RuntimeConfig | None = None, data_dir: Path | None = None, **options: Any
    ) -> None:
        self.config = config or load_config(None, data_dir=data_dir is not None)
        opts = ServerOptions(grpc_port=0, http_port=0, data_dir=data_dir, **options)
        self.server = RuntimeServer(self.config, opts)
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.submit(self.server.start())
        self.target = self.server.grpc_address
        self.http = self.server.http_address
        self.channel = self.make_channel()
        self.runtime = rt_grpc.RuntimeStub(self.channel)
        self.appcallback = cb_grpc.AppCallbackStub(self.channel)
        self.lifecycle = lc_grpc.LifecycleStub(self.channel)
        self.cryption = cry_grpc.CryptionServiceStub(self.channel)
        self.delay_queue = dq_grpc.DelayQueueStub(self.channel)
        self.email = email_grpc.EmailServiceStub(self.channel)
        self.phone = phone_grpc.PhoneCallServiceStub(self.channel)
        self.sms = sms_grpc.SmsServiceStub(self.channel)
        self.oss = oss_grpc.ObjectStorageServiceStub(self.channel)
        self.control = ctl_grpc.ControlStub(self.channel)

    def make_channel(self) -> grpc.Channel:
        return grpc.insecure_channel(self.target)

    def submit(self, coro: Any, timeout: float = 30) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def stop(self) -> None:
        if self.loop.is_closed():
            return
        self.channel.close()
        self.submit(self.server.stop(0.5))
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()


def code_of(fn: Any, *args: Any, **kwargs: Any) -> grpc.StatusCode:
    with pytest.raises(grpc.RpcError) as exc:
        result = fn(*args, **kwargs)
        if hasattr(result, "__iter__") and not hasattr(result, "SerializeToString"):
            list(result)
    return exc.value.code()  # type: ignore[attr-defined,no-any-return]


def error_of(fn: Any, *args: Any, **kwargs: Any) -> grpc.RpcError:
    with pytest.raises(grpc.RpcError) as exc:
        result = fn(*args, **kwargs)
        if hasattr(result, "__iter__") and not hasattr(result, "SerializeToString"):
            list(result)
    return exc.value
