"""API inventory for the harness: proto/ -> FileDescriptorSet -> descriptor pool.

The harness judges SDKs against proto/ itself, not against any SDK's view of it: it compiles proto/ with
the generator's own compiler (l8gen.descriptors), lists every RPC of every API service (the coverage gate's
universe), and converts driver replies to canonical proto3 JSON (every no-presence field printed) so that
expectations do not depend on which defaults a language's JSON printer omits.
"""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory
from google.protobuf.descriptor import Descriptor
from l8gen.config import load_options
from l8gen.descriptors import compile_protos, find_proto_files
from l8gen.errors import ProtoError as L8genProtoError

REPO_ROOT = Path(__file__).resolve().parents[2]
PROTO_ROOT = REPO_ROOT / "proto"
CONTROL_PACKAGE = "l8.control.v1"
# Types a proto3 JSON document may name inside google.protobuf.Any.
_WKT_MODULES = ("any_pb2", "empty_pb2", "wrappers_pb2", "struct_pb2", "timestamp_pb2", "duration_pb2")


@dataclass(frozen=True)
class Rpc:
    service: str  # full name, e.g. spec.proto.runtime.v1.Runtime
    name: str  # GetState
    input_type: str
    output_type: str
    shape: str  # unary | server_stream | client_stream | bidi
    role: str  # client (SDK calls it) | app (the runtime calls the app) | control (harness only)

    @property
    def key(self) -> str:
        return f"{self.service}/{self.name}"

    @property
    def service_short(self) -> str:
        return self.service.rsplit(".", 1)[-1]


class ProtoError(RuntimeError):
    pass


def _roles() -> tuple[set[str], set[str]]:
    """(internal packages, app services) from this repository's ``[tool.l8gen]``, read by the generator's
    own config loader (the same defaults as ``l8gen generate``)."""
    opts = load_options(REPO_ROOT / "pyproject.toml")
    return set(opts.internal_packages), set(opts.app_services)


def compile_descriptor_set(proto_root: Path = PROTO_ROOT) -> descriptor_pb2.FileDescriptorSet:
    """Compile the API's .proto files (not proto/tests/) with the generator's compiler (include_imports)."""
    try:
        files = [f for f in find_proto_files(proto_root) if not f.startswith("tests/")]
        return compile_protos(proto_root, files).fds
    except L8genProtoError as exc:
        raise ProtoError(f"protoc failed on {proto_root}:\n{exc}") from exc


class Api:
    """Descriptor pool + RPC inventory of proto/."""

    def __init__(self, fds: descriptor_pb2.FileDescriptorSet) -> None:
        self.pool = descriptor_pool.DescriptorPool()
        names = {f.name for f in fds.file}
        for mod in _WKT_MODULES:
            m = importlib.import_module(f"google.protobuf.{mod}")
            if m.DESCRIPTOR.name not in names:
                self.pool.AddSerializedFile(m.DESCRIPTOR.serialized_pb)
        for f in fds.file:
            self.pool.Add(f)
        internal, app = _roles()
        rpcs: list[Rpc] = []
        for f in fds.file:
            for svc in f.service:
                full = f"{f.package}.{svc.name}" if f.package else svc.name
                role = "control" if f.package in internal else ("app" if full in app else "client")
                for meth in svc.method:
                    shape = {
                        (False, False): "unary",
                        (False, True): "server_stream",
                        (True, False): "client_stream",
                        (True, True): "bidi",
                    }[(meth.client_streaming, meth.server_streaming)]
                    rpcs.append(
                        Rpc(
                            full,
                            meth.name,
                            meth.input_type.lstrip("."),
                            meth.output_type.lstrip("."),
                            shape,
                            role,
                        )
                    )
        self.rpcs: tuple[Rpc, ...] = tuple(sorted(rpcs, key=lambda r: r.key))
        self._by_key = {r.key: r for r in self.rpcs}

    # -- inventory -------------------------------------------------------------------------------------
    def api_rpcs(self) -> tuple[Rpc, ...]:
        """Every RPC of the Layotto API (client and app roles): the coverage gate's universe."""
        return tuple(r for r in self.rpcs if r.role != "control")

    def services(self) -> list[str]:
        return sorted({r.service for r in self.rpcs})

    def resolve(self, service: str, rpc: str) -> Rpc:
        """Find an RPC by full service name or by its short name (unique across proto/)."""
        if "/" in rpc:
            service, rpc = rpc.split("/", 1)
        full = service
        if service and "." not in service:
            matches = {r.service for r in self.rpcs if r.service_short == service}
            if len(matches) != 1:
                raise KeyError(f"unknown or ambiguous service {service!r}")
            full = matches.pop()
        found = self._by_key.get(f"{full}/{rpc}")
        if found is None:
            raise KeyError(f"unknown rpc {full}/{rpc}")
        return found

    def message(self, full_name: str) -> Descriptor:
        return self.pool.FindMessageTypeByName(full_name)

    # -- proto3 JSON -----------------------------------------------------------------------------------
    def canonical(self, full_name: str, value: Any) -> Any:
        """Parse proto3 JSON as `full_name` and print it back with every no-presence field shown."""
        cls = message_factory.GetMessageClass(self.message(full_name))
        msg = cls()
        json_format.ParseDict(value, msg, descriptor_pool=self.pool)
        return json_format.MessageToDict(
            msg, always_print_fields_with_no_presence=True, descriptor_pool=self.pool
        )

    def check_keys(self, full_name: str, value: Any, path: str = "") -> list[str]:
        """Static check of request field names (values may still hold templates). Returns problems."""
        if not isinstance(value, dict):
            return [f"{path or '<root>'}: expected an object for {full_name}"]
        desc = self.message(full_name)
        if desc.full_name in ("google.protobuf.Any", "google.protobuf.Struct", "google.protobuf.Value"):
            return []
        by_name = {}
        for f in desc.fields:
            by_name[f.name] = f
            by_name[f.json_name] = f
        problems: list[str] = []
        for k, v in value.items():
            fd = by_name.get(k)
            where = f"{path}.{k}" if path else k
            if fd is None:
                problems.append(
                    f"{where}: {full_name} has no field {k!r} "
                    f"(fields: {', '.join(sorted(x.json_name for x in desc.fields))})"
                )
                continue
            if fd.message_type is None or isinstance(v, str):
                continue
            if fd.message_type.GetOptions().map_entry:
                vfd = fd.message_type.fields_by_name["value"]
                if vfd.message_type is not None and isinstance(v, dict):
                    for mk, mv in v.items():
                        problems += self.check_keys(vfd.message_type.full_name, mv, f"{where}.{mk}")
            elif fd.is_repeated and isinstance(v, list):
                for i, item in enumerate(v):
                    problems += self.check_keys(fd.message_type.full_name, item, f"{where}[{i}]")
            elif isinstance(v, dict):
                problems += self.check_keys(fd.message_type.full_name, v, where)
        return problems


@functools.lru_cache(maxsize=1)
def load_api() -> Api:
    return Api(compile_descriptor_set())
