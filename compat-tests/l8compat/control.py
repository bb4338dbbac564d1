"""Client of the harness control service l8.control.v1.Control (proto/l8/control/v1/control.proto).

Place in the pipeline: the executor's `control:` steps -> this client -> the runtime under test. It is the
runner's own gRPC client (message classes built from proto/ at run time, no SDK involved): fault scripts,
observed attempts/deadlines/metadata, outboxes. Replies come back as canonical proto3 JSON, like driver
replies.
"""

from __future__ import annotations

from typing import Any

import grpc
from google.protobuf import json_format, message_factory

from .protos import CONTROL_PACKAGE, Api


class ControlError(RuntimeError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code, self.message = code, message


class ControlClient:
    def __init__(self, api: Api, endpoint: str) -> None:
        self.api = api
        self.endpoint = endpoint
        self._channel = grpc.insecure_channel(endpoint)
        self.service = next(
            (r.service for r in api.rpcs if r.role == "control"), f"{CONTROL_PACKAGE}.Control"
        )

    def close(self) -> None:
        self._channel.close()

    def reconnect(self, endpoint: str) -> None:
        self.close()
        self.endpoint = endpoint
        self._channel = grpc.insecure_channel(endpoint)

    def call(
        self, rpc_name: str, request: dict[str, Any] | None = None, timeout_s: float = 15.0
    ) -> dict[str, Any]:
        rpc = self.api.resolve(self.service, rpc_name)
        req_cls = message_factory.GetMessageClass(self.api.message(rpc.input_type))
        rsp_cls = message_factory.GetMessageClass(self.api.message(rpc.output_type))
        msg = req_cls()
        json_format.ParseDict(request or {}, msg, descriptor_pool=self.api.pool)
        stub: Any = self._channel.unary_unary(
            f"/{rpc.service}/{rpc.name}",
            request_serializer=lambda m: m.SerializeToString(),
            response_deserializer=rsp_cls.FromString,
        )
        try:
            rsp = stub(msg, timeout=timeout_s)
        except grpc.RpcError as exc:
            raise ControlError(exc.code().name, exc.details() or "") from None
        return json_format.MessageToDict(
            rsp, always_print_fields_with_no_presence=True, descriptor_pool=self.api.pool
        )

    def available(self) -> tuple[bool, str]:
        """Whether the target serves the control service (external runtimes usually do not)."""
        rpcs = [r for r in self.api.rpcs if r.role == "control"]
        if not rpcs:
            return False, "proto/ has no control service"
        probe = next(
            (r for r in rpcs if r.input_type == "google.protobuf.Empty" or r.name.startswith("Get")), rpcs[0]
        )
        try:
            self.call(probe.name, {}, timeout_s=5)
        except ControlError as exc:
            if exc.code in ("UNIMPLEMENTED", "UNAVAILABLE", "UNAUTHENTICATED", "PERMISSION_DENIED"):
                return False, f"control service not served: {exc}"
            return True, f"control probe {probe.name} answered {exc.code}"
        return True, "control service answered"
