"""RPC components (`rpcs` API): ``echo`` and ``forward`` for Runtime.InvokeService.

Place in the runtime: InvokeService picks the `rpcs` component named like the target ``id``, else the one
with metadata ``default: "true"``, else the only configured one.

- ``echo`` answers with the request's data (an Any) and content type unchanged and records the call in
  the ``invoke`` outbox.
- ``forward`` sends the request on to another runtime's Runtime.InvokeService at metadata ``target``
  (host:port) -- sidecar to sidecar, like Layotto's rpc component. The upstream AppCallback service has no
  invocation RPC, so there is no "call the app" path in this API. The forwarding itself lives in the gRPC
  layer (api/runtime_invoke.py); the component holds the settings.
"""

from __future__ import annotations

from .base import Component, ComponentConfigError, meta_bool, meta_float


class EchoRpc(Component):
    api = "rpcs"
    type_name = "echo"

    def configure(self, metadata: dict[str, str]) -> None:
        self.is_default = meta_bool(metadata, "default", False)
        super().configure(metadata)


class ForwardRpc(EchoRpc):
    type_name = "forward"

    def configure(self, metadata: dict[str, str]) -> None:
        target = metadata.get("target", "")
        if not target or ":" not in target:
            raise ComponentConfigError("metadata 'target' (host:port of the next runtime) is required")
        self.target = target
        self.timeout_s = meta_float(metadata, "timeoutSeconds", 10.0, minimum=0.001)
        super().configure(metadata)
