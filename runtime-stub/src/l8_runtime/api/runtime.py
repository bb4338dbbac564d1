"""The servicer of spec.proto.runtime.v1.Runtime (26 RPCs), composed from one mixin per building block.

Place in the runtime: registered on the gRPC server by server.py. Each mixin module holds the RPCs of one
concept; this module only assembles them.
"""

from __future__ import annotations

from ..pb import rt_grpc
from .host import Host
from .runtime_basic import BasicMixin
from .runtime_config import ConfigurationMixin
from .runtime_file import FileMixin
from .runtime_lock_seq import LockSequencerMixin
from .runtime_pubsub import PubSubMixin
from .runtime_state import StateMixin


class RuntimeService(
    BasicMixin,
    ConfigurationMixin,
    LockSequencerMixin,
    StateMixin,
    PubSubMixin,
    FileMixin,
    rt_grpc.RuntimeServicer,
):
    def __init__(self, host: Host) -> None:
        self.host = host
