"""The servicer of spec.proto.runtime.v1.Lifecycle: ApplyConfiguration reconfigures a live component.

Place in the runtime: registered by server.py; the work is ``Components.apply`` (a full, not incremental,
replacement of the component's metadata, validated like at start-up; on error the old configuration stays).
``kind`` is the API key of the configuration ("hellos", "state", "lock", ...) or a singular alias.
"""

from __future__ import annotations

import logging

from ..errors import invalid
from ..logs import log_event
from ..pb import lc, lc_grpc
from .host import Host
from .status import Ctx, unary

log = logging.getLogger("l8.runtime.lifecycle")


class LifecycleService(lc_grpc.LifecycleServicer):
    def __init__(self, host: Host) -> None:
        self.host = host

    @unary
    async def ApplyConfiguration(
        self, request: lc.DynamicConfiguration, context: Ctx
    ) -> lc.ApplyConfigurationResponse:
        if not request.HasField("component_config"):
            raise invalid("component_config is required", field="component_config")
        cc = request.component_config
        if not cc.name:
            raise invalid("component_config.name must not be empty", field="component_config.name")
        comp = self.host.components.apply(cc.kind, cc.name, dict(cc.metadata))
        log_event(
            log,
            logging.INFO,
            "component reconfigured",
            component=comp.describe(),
            metadata_keys=sorted(cc.metadata),
        )
        return lc.ApplyConfigurationResponse()
