"""l8gen.languages.node.target: the Node/TypeScript SDK (protobuf-es messages + client, driver, package).

The fast tests check the generated text against the IR and the descriptors; the ``tsc`` tests compile the
output of the full API and of the fragment protos with the SDK's pinned TypeScript (they need ``npm``).
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from l8gen import pipeline
from l8gen.config import load_options
from l8gen.descriptors import compile_protos
from l8gen.errors import NamingError
from l8gen.ir.builder import build_api
from l8gen.languages.node.es import ES_VERSION, parse_exports
from l8gen.languages.node.target import DEPENDENCIES, DEV_DEPENDENCIES
from l8gen.languages.node.view import es_method_local, jsdoc
from l8gen.targets import REGISTRY

from tests.conftest import PROTO_ROOT, REPO, compile_proto, fragments_api

OPTS = load_options(REPO / "pyproject.toml")
SDK = REPO / "sdks" / "node"


@pytest.fixture(scope="module")
def full() -> dict[str, str]:
    compiled = compile_protos(PROTO_ROOT)
    return pipeline.generate(compiled.fds, compiled.files, OPTS, ["node"])["node"]


@pytest.fixture(scope="module")
def api():  # type: ignore[no-untyped-def]
    compiled = compile_protos(PROTO_ROOT)
    return pipeline.api_from(compiled.fds, compiled.files, OPTS)


def _camel(name: str) -> str:
    return name[:1].lower() + name[1:]


def test_registered_as_node_writing_sdks_node() -> None:
    target = REGISTRY["node"]
    assert (target.name, target.out_dir) == ("node", "sdks/node")


_DECL = re.compile(r"^  ([\w$]+)\(\s*(?:request|requests|first|options)\??: (?!ClientOptions)", re.M)


def _classes(client: str) -> dict[str, list[str]]:
    """{class name: RPC methods it declares (upload helpers left out)}."""
    out = {}
    for chunk in client.split("\nexport class ")[1:]:
        name = chunk.split(" ", 1)[0]
        out[name] = [d for d in _DECL.findall(chunk) if not d.endswith("From")]
    return out


def test_client_has_one_method_per_client_rpc(full: dict[str, str], api) -> None:  # type: ignore[no-untyped-def]
    classes = _classes(full["src/client.ts"])
    rpcs = [m for s in api.client_services for m in s.methods]
    assert len(rpcs) == 60
    assert len(classes["Client"]) == 60, "no method name clashes between services: every RPC is also flat"
    for service in api.client_services:
        expected = [_camel(m.name).replace("URL", "Url") for m in service.methods]
        assert classes[f"{service.name}Client"] == expected, service.name
        assert f"readonly {_camel(service.name)}: {service.name}Client;" in full["src/client.ts"]


def test_method_shapes_match_the_descriptors(full: dict[str, str]) -> None:
    client = full["src/client.ts"]
    fds = compile_protos(PROTO_ROOT).fds
    for file in fds.file:
        for svc in file.service:
            if svc.name == "AppCallback" or file.package in OPTS.internal_packages:
                continue
            for m in svc.method:
                local = es_method_local(m.name)
                call = re.search(rf"this\.#core\.(\w+)\(\w+(?:\$\d+)?\.method\.{re.escape(local)}\b", client)
                assert call is not None, m.name
                expected = {(False, False): "unary", (False, True): "serverStream",
                            (True, False): "clientStream", (True, True): "bidi"}[
                    (m.client_streaming, m.server_streaming)]
                assert call.group(1) == expected, m.name


def test_only_idempotent_rpcs_are_marked_retryable(full: dict[str, str], api) -> None:  # type: ignore[no-untyped-def]
    client = full["src/client.ts"]
    for s in api.client_services:
        for m in s.methods:
            if m.shape not in ("unary", "server_stream"):
                continue
            local = es_method_local(m.name)
            flag = re.search(rf"\.method\.{re.escape(local)}, (true|false),", client)
            assert flag is not None and flag.group(1) == ("true" if m.idempotent else "false"), m.name


def test_upload_helpers_for_client_streams_with_one_bytes_field(full: dict[str, str]) -> None:
    helpers = re.findall(r"^  (\w+From)\(", full["src/client.ts"], re.M)
    assert sorted(set(helpers)) == ["appendObjectFrom", "putFileFrom", "putObjectFrom", "uploadPartFrom"]
    assert len(helpers) == 8  # on Client and on the service's sub-client
    assert '"data", first, source' in full["src/client.ts"]  # PutFileRequest.data
    assert '"body", first, source' in full["src/client.ts"]  # PutObjectInput.body ...


def test_driver_table_lists_every_client_rpc_and_the_app_callback(full: dict[str, str], api) -> None:  # type: ignore[no-untyped-def]
    table = full["compat-driver/src/table.ts"]
    listed = re.findall(r'^  \["([\w.]+/\w+)", ', table, re.M)
    assert listed == [m.path.lstrip("/") for s in api.client_services for m in s.methods]
    assert '"spec.proto.runtime.v1.AppCallback/OnTopicEvent"' in table
    assert "from \"@l8sdk/sdk/gen/spec/proto/runtime/v1/runtime_pb.js\"" in table


def test_js_string_int64_stays_string_other_int64_are_bigint(full: dict[str, str]) -> None:
    runtime = full["src/gen/spec/proto/runtime/v1/runtime_pb.ts"]
    js_string = r"@generated from field: int64 next_id = 1 \[jstype = JS_STRING\];\n   \*/\n  nextId: string;"
    assert re.search(js_string, runtime)
    assert re.search(r"@generated from field: int64 size = 2;\n   \*/\n  size: bigint;", runtime)


def test_no_tool_versions_in_generated_files(full: dict[str, str]) -> None:
    for path, text in full.items():
        assert not re.search(r"protoc-gen-es v\d", text), path
        assert "protoc " not in text.split("\n", 3)[0], path


def test_jsdoc_comes_from_proto_comments(full: dict[str, str]) -> None:
    client = full["src/client.ts"]
    assert "Tries once, without blocking, to take a distributed lock" in client
    assert jsdoc(type("D", (), {"text": "a */ b\n\nc"})(), "  ") == ["   * a *\\/ b", "   *", "   * c"]  # type: ignore[arg-type]


def test_package_json_pins_exact_versions_and_metadata(full: dict[str, str]) -> None:
    pkg = json.loads(full["package.json"])
    assert pkg["name"] == OPTS.option("node", "package") and pkg["version"] == OPTS.version
    assert pkg["type"] == "module" and pkg["types"] == "./dist/index.d.ts"
    assert pkg["engines"]["node"].startswith(">=18")
    for deps in (pkg["dependencies"], pkg["devDependencies"]):
        for name, version in deps.items():
            assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name} {version} is not an exact pin"
    assert pkg["dependencies"]["@bufbuild/protobuf"] == ES_VERSION


def test_lock_file_matches_the_pins(full: dict[str, str]) -> None:
    lock = json.loads(full["package-lock.json"])
    root = lock["packages"][""]
    assert root["dependencies"] == DEPENDENCIES and root["devDependencies"] == DEV_DEPENDENCIES
    for name, version in {**DEPENDENCIES, **DEV_DEPENDENCIES}.items():
        assert lock["packages"][f"node_modules/{name}"]["version"] == version, name


def test_root_package_pins_the_same_protoc_gen_es() -> None:
    root = json.loads((REPO / "package.json").read_text())
    assert root["devDependencies"]["@bufbuild/protoc-gen-es"] == ES_VERSION


def test_generation_is_deterministic_and_order_independent(full: dict[str, str]) -> None:
    compiled = compile_protos(PROTO_ROOT)
    files = tuple(reversed(compiled.files))
    assert pipeline.generate(compiled.fds, files, OPTS, ["node"])["node"] == full
    assert list(full) == sorted(full)


def test_checked_in_sdk_is_up_to_date(full: dict[str, str]) -> None:
    stale = [p for p, text in full.items() if not (SDK / p).is_file() or (SDK / p).read_text() != text]
    assert stale == [], "run `l8gen generate --target node`"


def test_parse_exports_maps_full_names_to_protobuf_es_names(full: dict[str, str]) -> None:
    es = {p.removeprefix("src/gen/"): t for p, t in full.items() if p.startswith("src/gen/")}
    symbols = parse_exports(es)
    assert symbols["spec.proto.runtime.v1.Runtime"].schema == "Runtime"
    verb = symbols["spec.proto.runtime.v1.HTTPExtension.Verb"]
    assert (verb.schema, verb.type, verb.kind) == ("HTTPExtension_VerbSchema", "HTTPExtension_Verb", "enum")
    assert symbols["grpc.health.v1.Health"].module == "./gen/grpc/health/v1/health_pb.js"


def test_same_export_name_in_two_modules_is_aliased() -> None:
    fds = compile_proto(
        'syntax = "proto3"; package p.b; import "a.proto"; message Thing { string b = 1; }\n'
        "service Hello { rpc Say(Thing) returns (p.a.Thing); }\n",
        "b.proto",
        {"a.proto": 'syntax = "proto3"; package p.a; message Thing { string a = 1; }\n'
                    "service Hello { rpc Say(Thing) returns (Thing); }\n"},
    )
    api = build_api(fds, ["a.proto", "b.proto"])
    files = REGISTRY["node"].generate(api, fds, OPTS)
    client = files["src/client.ts"]
    assert "import { Hello as Hello$1 } from \"./gen/a_pb.js\";" in client
    assert "import { Hello as Hello$2 } from \"./gen/b_pb.js\";" in client
    assert "export * as file_a from \"./gen/a_pb.js\";" in files["src/index.ts"]


def test_upload_helper_clash_fails_with_a_clear_message() -> None:
    fds = compile_proto(
        'syntax = "proto3"; package q; message Chunk { string name = 1; bytes data = 2; }\n'
        "message Done {}\n"
        "service S { rpc Put(stream Chunk) returns (Done); rpc PutFrom(Chunk) returns (Done); }\n"
    )
    api = build_api(fds, ["test.proto"])
    with pytest.raises(NamingError, match=r"upload helper of rpc q\.S\.Put would be 'putFrom'"):
        REGISTRY["node"].generate(api, fds, OPTS)


# ---- compiled with tsc ---------------------------------------------------------------------------------


def _tsc_workspace(files: dict[str, str], root: Path) -> Path:
    for path, text in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    if (SDK / "node_modules" / ".bin" / "tsc").exists():
        (root / "node_modules").symlink_to(SDK / "node_modules", target_is_directory=True)
    else:
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"], cwd=root, check=True,
                       capture_output=True)
    return root


# One `tsc -b` (build mode) for all of a package's projects: one process shares the parsed lib and
# node_modules declarations between them (17.9 s as three `tsc -p` runs, 10.9 s as one, 2026-12-05).
PROJECTS = ("tsconfig.json", "compat-driver/tsconfig.json", "test/tsconfig.json")


def _tsc(root: Path, *args: str) -> None:
    proc = subprocess.run(["node_modules/.bin/tsc", *args], cwd=root, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_fragment_protos_generate_and_compile_with_tsc(tmp_path: Path) -> None:
    fds, names, fragments = fragments_api()
    files = REGISTRY["node"].generate(fragments, fds, OPTS)
    assert "src/app-callback.ts" not in files and "src/subscription.ts" not in files
    root = _tsc_workspace(files, tmp_path)
    _tsc(root, "-b", *PROJECTS)  # strict builds of the SDK, its compat driver and its tests
    classes = _classes(files["src/client.ts"])
    reserved = classes["ReservedClient"]
    assert "import" in reserved and "delete" in reserved, "keywords are legal method names"
    assert "sayHello" not in classes["Client"], "same RPC name in two services: only on the sub-clients"
    hello = sorted(c for c in classes if c.endswith("HelloClient"))
    assert len(hello) == 2 and all(classes[c] == ["sayHello"] for c in hello)


def _readme_examples(readme: str) -> str:
    """The README's ```ts blocks as one module: imports first, the rest as the body of a function."""
    lines = [line for block in re.findall(r"```ts\n(.*?)```", readme, re.S) for line in block.splitlines()]
    imports = sorted({line for line in lines if line.startswith("import ")})
    body = "".join(f"  {line}\n" for line in lines if not line.startswith("import "))
    return "\n".join(imports) + f"\nexport async function examples(): Promise<void> {{\n{body}}}\n"


def test_full_api_and_readme_examples_compile_with_tsc(full: dict[str, str], tmp_path: Path) -> None:
    root = _tsc_workspace(full, tmp_path)
    examples = root / "readme-examples"
    examples.mkdir()
    (examples / "examples.ts").write_text(_readme_examples(full["README.md"]))
    (examples / "tsconfig.json").write_text(json.dumps({
        "extends": "../tsconfig.json", "include": ["*.ts"],
        "compilerOptions": {"rootDir": ".", "noEmit": True, "noUnusedLocals": False},
    }))
    _tsc(root, "-b", *PROJECTS, "readme-examples/tsconfig.json")


def test_flattened_signatures_become_flat_methods_typed_from_the_init_shape() -> None:
    from l8gen.targets.base import GenOptions

    text = """syntax = "proto3";
package f.v1;
service S { rpc Put(PutRequest) returns (PutRequest); }
message PutRequest {
  string store_name = 1;
  oneof pick { string a = 2; bytes b = 3; }
  string class = 4;
}
"""
    opts = GenOptions(signatures={"f.v1.S.Put": ("store_name", "store_name,b,class")})
    client = pipeline.generate(compile_proto(text), ["test.proto"], opts, ["node"])["node"]["src/client.ts"]
    shape = "MessageInitShape<typeof PutRequestSchema>"
    assert (f'putFlat(storeName: NonNullable<{shape}["storeName"]>, options?: CallOptions): '
            "Promise<PutRequest>") in client
    assert (f'putFlat2(storeName: NonNullable<{shape}["storeName"]>, '
            f'b: Extract<NonNullable<{shape}["pick"]>, {{ case: "b" }}>["value"], '
            f'class_: NonNullable<{shape}["class"]>, options?: CallOptions)') in client
    assert ('this.#core.unary(S.method.put, false, { storeName, pick: { case: "b", value: b }, '
            "class: class_ }") in client
