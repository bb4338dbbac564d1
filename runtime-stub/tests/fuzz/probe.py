"""Per-RPC vocabularies learned from the runtime itself, so generated calls get past the component lookup.

Place in the pipeline: between the runtime start and input generation in run_fuzz.py. Every string field
whose name ends in ``name`` (top level and one message level down) is set to an unknown name; the runtime's
INVALID_ARGUMENT for an unknown component carries the configured names in ``ErrorInfo.metadata
["configured"]`` (docs/CONTRACTS.md), which become the names that RPC's inputs draw from. No RPC or
component name is written down here.
"""

from __future__ import annotations

from typing import Any

import grpc
from google.protobuf import message_factory
from google.protobuf.descriptor import Descriptor, FieldDescriptor, MethodDescriptor
from google.rpc import error_details_pb2  # type: ignore[import-untyped]
from grpc_status import rpc_status  # type: ignore[attr-defined,unused-ignore]

UNKNOWN = "l8-fuzz-probe-unknown"


def _probe_message(desc: Descriptor) -> Any:
    msg = message_factory.GetMessageClass(desc)()
    for f in desc.fields:
        if f.type == FieldDescriptor.TYPE_STRING and f.name.endswith("name") and not _repeated(f):
            setattr(msg, f.name, UNKNOWN)
        elif (
            f.type == FieldDescriptor.TYPE_MESSAGE
            and not _repeated(f)
            and not f.message_type.GetOptions().map_entry
        ):
            sub = getattr(msg, f.name)
            for g in f.message_type.fields:
                if g.type == FieldDescriptor.TYPE_STRING and g.name.endswith("name") and not _repeated(g):
                    setattr(sub, g.name, UNKNOWN)
    return msg


def _repeated(f: FieldDescriptor) -> bool:
    return bool(f.is_repeated) if hasattr(f, "is_repeated") else f.label == FieldDescriptor.LABEL_REPEATED


def configured_names(channel: grpc.Channel, m: MethodDescriptor) -> tuple[str, ...]:
    body = _probe_message(m.input_type).SerializeToString()
    path = f"/{m.containing_service.full_name}/{m.name}"
    try:
        if m.client_streaming and m.server_streaming:
            list(channel.stream_stream(path)(iter([body]), timeout=3))
        elif m.client_streaming:
            channel.stream_unary(path)(iter([body]), timeout=3)
        elif m.server_streaming:
            list(channel.unary_stream(path)(body, timeout=3))
        else:
            channel.unary_unary(path)(body, timeout=3)
    except grpc.RpcError as err:
        status = rpc_status.from_call(err)  # type: ignore[arg-type]
        names: set[str] = set()
        for d in status.details if status is not None else ():
            info = error_details_pb2.ErrorInfo()
            if d.Unpack(info) and info.metadata.get("configured"):
                names |= set(info.metadata["configured"].split(","))
        return tuple(sorted(names))
    return ()
