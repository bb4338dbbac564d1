"""l8gen.languages.python.layer: the Python SDK layer generated from the IR (clients, helpers, driver)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from l8gen import pipeline
from l8gen.config import load_options
from l8gen.descriptors import compile_protos
from l8gen.errors import NamingError
from l8gen.ir.builder import build_api
from l8gen.languages.python.imports import Imports
from l8gen.languages.python.layer import build_context, docstring
from l8gen.targets.base import GenOptions

from tests.conftest import PROTO_ROOT, REPO, api_of, compile_proto, fragments_api

OPTS = load_options(REPO / "pyproject.toml")
BIN = Path(sys.executable).parent


def _write(files: dict[str, str], root: Path) -> Path:
    for path, text in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def full_sdk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    compiled = compile_protos(PROTO_ROOT)
    files = pipeline.generate(compiled.fds, compiled.files, OPTS, ["python"])["python"]
    return _write(files, tmp_path_factory.mktemp("sdk"))


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).lower()


def _descriptor_rpcs() -> dict[str, list[tuple[str, bool, bool]]]:
    """Straight from the FileDescriptorSet (not the IR): service full name -> (rpc, client/server stream)."""
    fds = compile_protos(PROTO_ROOT).fds
    out: dict[str, list[tuple[str, bool, bool]]] = {}
    for file in fds.file:
        for service in file.service:
            out[f"{file.package}.{service.name}"] = [
                (m.name, m.client_streaming, m.server_streaming) for m in service.method]
    return out


def _run_in(sdk: Path, script: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(sdk / "src")}
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(script)], env=env, capture_output=True,
                          text=True, timeout=120, cwd=sdk)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_every_client_rpc_has_a_method_on_client_and_async_client(full_sdk: Path) -> None:
    script = """
        import asyncio, inspect, json, l8sdk
        from l8sdk import AsyncClient, Client
        assert l8sdk.__file__.startswith(SDK_DIR), l8sdk.__file__
        found = {}
        with Client("127.0.0.1:1") as client:
            for attr, sub in vars(client).items():
                for name in dir(sub):
                    fn = getattr(sub, name)
                    if not name.startswith("_") and callable(fn) and getattr(fn, "__doc__", None):
                        found.setdefault(name, {})["sync"] = attr
                        found[name]["flat_sync"] = getattr(client, name, None) is not None
        async def scan():
            async with AsyncClient("127.0.0.1:1") as client:
                for attr, sub in vars(client).items():
                    for name in dir(sub):
                        fn = getattr(sub, name)
                        if not name.startswith("_") and callable(fn):
                            found.setdefault(name, {})["async"] = attr
                            found[name]["coroutine"] = inspect.iscoroutinefunction(fn)
                            found[name]["flat_async"] = getattr(client, name, None) is not None
        asyncio.run(scan())
        print(json.dumps(found))
    """.replace("SDK_DIR", repr(str(full_sdk)))
    found = json.loads(_run_in(full_sdk, script))
    rpcs = _descriptor_rpcs()
    clients = {k: v for k, v in rpcs.items() if k not in OPTS.app_services
               and not any(k.startswith(p + ".") for p in OPTS.internal_packages)}
    assert sum(len(v) for v in clients.values()) == 60
    for service, methods in sorted(clients.items()):
        for rpc, _, server_streaming in methods:
            entry = found.get(_snake(rpc))
            assert entry is not None, f"{service}/{rpc} has no method"
            assert entry.get("sync") and entry.get("async"), f"{service}/{rpc}: {entry}"
            assert entry["coroutine"] == (not server_streaming), f"{service}/{rpc}: {entry}"
            assert entry["flat_sync"] and entry["flat_async"], f"{service}/{rpc} not on the client itself"


def test_app_callback_helper_serves_both_rpcs(full_sdk: Path) -> None:
    app = {k: v for k, v in _descriptor_rpcs().items() if k in OPTS.app_services}
    assert app, "the API has an AppCallback service"
    (service, methods), = app.items()
    script = """
        import grpc, json
        from google.protobuf import empty_pb2
        from l8sdk import AppCallbackServer
        from l8sdk.pb import appcallback_pb2 as pb
        server = AppCallbackServer()
        server.add_handler("ps", "t", lambda event: pb.TopicEventResponse.RETRY)
        port = server.start()
        channel = grpc.insecure_channel(f"127.0.0.1:{port}")
        results = {}
        for name, (req, resp) in {
            "ListTopicSubscriptions": (empty_pb2.Empty(), pb.ListTopicSubscriptionsResponse),
            "OnTopicEvent": (pb.TopicEventRequest(pubsub_name="ps", topic="t"), pb.TopicEventResponse),
        }.items():
            call = channel.unary_unary(f"/SERVICE/{name}", request_serializer=type(req).SerializeToString,
                                       response_deserializer=resp.FromString)
            results[name] = str(call(req, timeout=10)).strip()
        server.stop(None)
        print(json.dumps(results))
    """.replace("SERVICE", service)
    results = json.loads(_run_in(full_sdk, script))
    assert sorted(results) == sorted(name for name, _, _ in methods)
    assert 'pubsub_name: "ps"' in results["ListTopicSubscriptions"]
    assert results["OnTopicEvent"] == "status: RETRY"


def test_generated_layer_passes_ruff_and_mypy_strict(full_sdk: Path) -> None:
    for command in ([str(BIN / "ruff"), "check", "--no-cache", "."],
                    [str(BIN / "mypy"), "--no-incremental", "src/l8sdk", "compat_driver"]):
        proc = subprocess.run(command, cwd=full_sdk, capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, proc.stdout + proc.stderr


def test_fragment_layers_pass_ruff_and_mypy_strict(tmp_path: Path) -> None:
    fds, files, _ = fragments_api()
    opts = GenOptions(languages={"python": {"package": "fragsdk"}})
    out = pipeline.generate(fds, files, opts, ["python"])["python"]
    sdk = _write(out, tmp_path)
    assert (sdk / "src/fragsdk/client.py").is_file()
    for command in ([str(BIN / "ruff"), "check", "--no-cache", "src", "compat_driver"],
                    [str(BIN / "mypy"), "--no-incremental", "src/fragsdk", "compat_driver"]):
        proc = subprocess.run(command, cwd=sdk, capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, proc.stdout + proc.stderr


RESERVED = """
syntax = "proto3";
package demo.v1;
message Req {
  string class = 1;
  map<string, string> metadata = 2;
  string timeout = 3;
  string request = 4;
  string self = 5;
  string path = 6;
}
message Chunk { string name = 1; bytes body = 2; }
message TwoBlobs { bytes a = 1; bytes b = 2; }
message Resp { string value = 1; }
service Store {
  rpc Get(Req) returns (Resp) { option idempotency_level = NO_SIDE_EFFECTS; }
  rpc Upload(stream Chunk) returns (Resp);
  rpc UploadTwo(stream TwoBlobs) returns (Resp);
}
service Other {
  rpc Get(Req) returns (Resp);
}
service Solo {
  rpc Ping(Resp) returns (Resp);
}
"""


def _context(text: str) -> dict[str, object]:
    return build_context(api_of(text), GenOptions())


def test_reserved_field_names_are_escaped_in_keyword_parameters() -> None:
    ctx = _context(RESERVED)
    store = next(s for s in ctx["services"] if s.name == "Store")  # type: ignore[attr-defined]
    get = store.methods[0]
    assert [(p.name, p.field) for p in get.params] == [
        ("class_", "class"), ("metadata", "metadata"), ("timeout_", "timeout"), ("request_", "request"),
        ("self_", "self"), ("path_", "path")]
    assert get.idempotent and get.shape == "unary"


def test_upload_helpers_only_for_one_bytes_field() -> None:
    ctx = _context(RESERVED)
    store = next(s for s in ctx["services"] if s.name == "Store")  # type: ignore[attr-defined]
    upload, two = store.methods[1], store.methods[2]
    assert upload.upload is not None and upload.upload.field == "body"
    helpers = (upload.upload.path_method, upload.upload.stream_method)
    assert helpers == ("upload_from_path", "upload_from_stream")
    assert [p.field for p in upload.upload.params] == ["name"]
    assert two.upload is None


def test_clashing_method_names_stay_on_sub_clients() -> None:
    ctx = _context(RESERVED)
    flat = {s.name: s.flat for s in ctx["services"]}  # type: ignore[attr-defined]
    assert flat == {"Other": False, "Solo": True, "Store": False}


def test_upload_helper_clashing_with_an_rpc_is_an_error() -> None:
    text = RESERVED.replace("rpc UploadTwo(stream TwoBlobs)", "rpc UploadFromPath(Resp)")
    with pytest.raises(NamingError, match="upload_from_path"):
        _context(text)


def test_docstrings_are_escaped_and_wrapped() -> None:
    text = docstring('Says """hi""" with a \\ backslash.\n\n' + "word " * 40, 8, "fallback")
    lines = text.split("\n")
    assert lines[0] == '        """Says \\"\\"\\"hi\\"\\"\\" with a \\\\ backslash.'
    assert all(len(line) <= 110 for line in lines)
    assert lines[-1] == '        """'
    assert docstring("", 4, "Calls X.") == '    """Calls X."""'
    compile("def f():\n" + text + "\n", "<doc>", "exec")


def test_imports_are_grouped_and_sorted() -> None:
    imports = Imports({"pkg"}).add("os").add("collections.abc", "Sequence", "Mapping").add("grpc")
    imports.add("pkg", "_rpc").add("pkg.b", "ZETA", "Alpha", "beta")
    imports.add_dotted("google.protobuf.empty_pb2", "e")
    assert imports.render() == (
        "import os\nfrom collections.abc import Mapping, Sequence\n\n"
        "import grpc\nfrom google.protobuf import empty_pb2 as e\n\n"
        "from pkg import _rpc\nfrom pkg.b import ZETA, Alpha, beta")


def test_rpc_table_marks_only_idempotent_rpcs() -> None:
    fds = compile_proto(RESERVED)
    files = pipeline.generate(fds, ["test.proto"], GenOptions(), ["python"])["python"]
    table = files["src/l8sdk/_rpc.py"]
    assert re.search(r'STORE_GET = MethodInfo\((?:\n.*){4}\n    "unary",\n    True,', table)
    assert re.search(r'OTHER_GET = MethodInfo\((?:\n.*){4}\n    "unary",\n    False,', table)


def test_generation_is_deterministic() -> None:
    compiled = compile_protos(PROTO_ROOT)
    api = pipeline.api_from(compiled.fds, compiled.files, OPTS)
    first = pipeline.generate(compiled.fds, compiled.files, OPTS, ["python"])["python"]
    second = pipeline.generate(compiled.fds, list(reversed(compiled.files)), OPTS, ["python"])["python"]
    assert first == second
    assert len(build_context(api, OPTS)["methods"]) == 60  # type: ignore[arg-type]


def test_flattened_signatures_become_overloads_with_positional_fields() -> None:
    text = RESERVED.replace("  string class = 1;", "  string class = 1;\n  string key = 9;")
    fds = compile_proto(text)
    api = build_api(fds, ["test.proto"], signatures={"demo.v1.Store.Get": ("key", "key,timeout")})
    store = next(s for s in build_context(api, GenOptions())["services"] if s.name == "Store")  # type: ignore[attr-defined]
    get = store.methods[0]
    assert [o.call for o in get.overloads] == ["get(key)", "get(key, timeout_)"]
    assert [p.field for p in get.overloads[1].keyword] == ["class", "metadata", "request", "self", "path"]
    assert get.signatures == '(("key",), ("key", "timeout"))'
    assert "Flattened: ``get(key)``; ``get(key, timeout_)``." in get.docstring


def test_docstrings_reflow_overlong_prose_instead_of_stranding_a_word() -> None:
    comment = ("word " * 21).strip() + "\n" + ("next " * 10).strip()  # first line: 104 characters
    text = docstring(comment, 8, "")
    lines = [line.strip() for line in text.splitlines()]
    assert all(len(line.split()) > 1 for line in lines if line and line != '"""')
    assert " ".join(text.replace('"""', "").split()) == " ".join(comment.split())
