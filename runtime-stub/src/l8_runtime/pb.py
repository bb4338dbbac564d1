"""Message and servicer modules of the API, from the Python SDK's official protoc output (CONTRACTS §2).

Place in the runtime: the module that imports ``l8sdk._pb`` for the API; the gRPC layer imports the aliases
below. One copy of every descriptor per process -- the oracle never uses the SDK's client layer. The
harness control service's modules are imported by control.py, which the server imports only with
``--enable-control`` (not on the start-up path: bench/notes.py).
"""

from __future__ import annotations

from l8sdk._pb.spec.proto.extension.v1.cryption import cryption_pb2 as cry
from l8sdk._pb.spec.proto.extension.v1.cryption import cryption_pb2_grpc as cry_grpc
from l8sdk._pb.spec.proto.extension.v1.delay_queue import delay_queue_pb2 as dq
from l8sdk._pb.spec.proto.extension.v1.delay_queue import delay_queue_pb2_grpc as dq_grpc
from l8sdk._pb.spec.proto.extension.v1.email import email_pb2 as email
from l8sdk._pb.spec.proto.extension.v1.email import email_pb2_grpc as email_grpc
from l8sdk._pb.spec.proto.extension.v1.phone import phone_pb2 as phone
from l8sdk._pb.spec.proto.extension.v1.phone import phone_pb2_grpc as phone_grpc
from l8sdk._pb.spec.proto.extension.v1.s3 import oss_pb2 as oss
from l8sdk._pb.spec.proto.extension.v1.s3 import oss_pb2_grpc as oss_grpc
from l8sdk._pb.spec.proto.extension.v1.sms import sms_pb2 as sms
from l8sdk._pb.spec.proto.extension.v1.sms import sms_pb2_grpc as sms_grpc
from l8sdk._pb.spec.proto.runtime.v1 import appcallback_pb2 as cb
from l8sdk._pb.spec.proto.runtime.v1 import appcallback_pb2_grpc as cb_grpc
from l8sdk._pb.spec.proto.runtime.v1 import lifecycle_pb2 as lc
from l8sdk._pb.spec.proto.runtime.v1 import lifecycle_pb2_grpc as lc_grpc
from l8sdk._pb.spec.proto.runtime.v1 import runtime_pb2 as rt
from l8sdk._pb.spec.proto.runtime.v1 import runtime_pb2_grpc as rt_grpc

# The 9 services of the Layotto API (the control service is separate and optional).
API_FILES = (rt, cb, lc, cry, dq, email, phone, sms, oss)
API_SERVICES: tuple[str, ...] = tuple(
    svc.full_name for mod in API_FILES for svc in mod.DESCRIPTOR.services_by_name.values()
)

__all__ = [
    "API_SERVICES",
    "cb",
    "cb_grpc",
    "cry",
    "cry_grpc",
    "dq",
    "dq_grpc",
    "email",
    "email_grpc",
    "lc",
    "lc_grpc",
    "oss",
    "oss_grpc",
    "phone",
    "phone_grpc",
    "rt",
    "rt_grpc",
    "sms",
    "sms_grpc",
]
