"""C++ names grpc_cpp_plugin 1.51 writes unescaped (see ``l8gen.naming.plugin_limits``).

Message types of RPCs are written unescaped (``::torture::v1::class``), so are service and RPC names and
package namespaces; a service named ``Service`` declares a nested class with the name of its enclosing class.
The C++ target's ``plugin_problems``.
"""

from __future__ import annotations

from collections.abc import Iterable

from l8gen.ir.model import Api
from l8gen.languages.cpp.naming import KEYWORDS as CPP_KEYWORDS
from l8gen.naming.plugin_limits import Problem


def plugin_problems(api: Api) -> Iterable[Problem]:
    for file in api.files:
        bad = [part for part in file.package.split(".") if part in CPP_KEYWORDS]
        if bad:
            yield (file.name, 1, f"cpp: package {file.package}: {bad[0]!r} is a C++ keyword; grpc_cpp_plugin "
                                 f"writes the namespace unescaped; rename the package")
    used = sorted({t for s in api.services for m in s.methods for t in (m.input_type, m.output_type)})
    own = {m.full_name: m for m in api.messages}
    for name in used:
        message = own.get(name)
        if message is not None and message.parent is None and message.name in CPP_KEYWORDS:
            yield (message.file, message.line,
                   f"cpp: message {message.full_name}: a C++ keyword used by an RPC; grpc_cpp_plugin 1.51 "
                   "writes "
                   f"`::{message.full_name.replace('.', '::')}` unescaped; rename it in the proto")
    for service in api.services:
        if service.name in CPP_KEYWORDS or service.name == "Service":
            why = ("a C++ keyword" if service.name in CPP_KEYWORDS
                   else "grpc_cpp_plugin declares class Service inside it (same name as its enclosing class)")
            yield (service.file, service.line,
                   f"cpp: service {service.full_name}: {why}; rename it in the proto")
        for method in service.methods:
            if method.name in CPP_KEYWORDS:
                yield (service.file, method.line,
                       f"cpp: rpc {method.full_name}: a C++ keyword; grpc_cpp_plugin writes it unescaped; "
                       "rename it in the proto")
