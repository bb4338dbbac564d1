"""l8gen.targets._go_protogen / _go_stubs: protoc-gen-go's names, our package layout, the official stubs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from l8gen.errors import ConfigError, NamingError
from l8gen.ir.model import ProtoFile
from l8gen.targets import _go_stubs
from l8gen.targets._go_protogen import field_ident, go_camel_case, message_ident, package_layout
from l8gen.targets._go_stubs import generate_stubs, strip_versions

from tests.conftest import api_of, compile_proto, fragments_api

MODULE = "example.com/sdk"


@pytest.mark.parametrize(
    ("proto", "go"),
    [
        ("store_name", "StoreName"),
        ("GetNextId", "GetNextId"),
        ("sse_kms_keyId", "SseKmsKeyId"),
        ("maxKeys", "MaxKeys"),
        ("_private", "XPrivate"),
        ("ds18b20", "Ds18B20"),
        ("c2s", "C2S"),
        ("ALL_CAPS", "ALL_CAPS"),
        ("Outer.Inner", "Outer_Inner"),
        ("lowercase_message", "LowercaseMessage"),
        ("Outer.inner", "OuterInner"),
    ],
)
def test_go_camel_case_follows_protoc_gen_go(proto: str, go: str) -> None:
    assert go_camel_case(proto) == go


def test_message_and_field_names_match_the_real_plugin_output() -> None:
    fds, files, api = fragments_api()
    layout = package_layout(api.files, MODULE)
    stubs = generate_stubs(fds, files, layout, MODULE)
    code = "\n".join(stubs.values())
    declared = set(re.findall(r"^type (\w+) struct", code, re.MULTILINE))
    messages = [m for m in api.messages if not m.is_map_entry and not m.full_name.startswith("google.")]
    assert messages
    for message in messages:
        assert message_ident(message) in declared, message.full_name
        for field in message.fields:
            if field.oneof is None:
                ident = field_ident(message, field.name)
                assert re.search(rf"^\t{ident} +\S", code, re.MULTILINE), field.name


def test_lower_case_nested_names_match_the_real_plugin() -> None:
    text = ('syntax = "proto3"; package q; message Outer { message inner { string x_y = 1; } inner i = 1; }\n'
            "message lower_case { message Deep {} }")
    fds = compile_proto(text, name="q/q.proto")
    api = api_of(text, name="q/q.proto")
    stubs = generate_stubs(fds, ["q/q.proto"], package_layout(api.files, MODULE), MODULE)
    declared = re.findall(r"^type (\w+) struct", "\n".join(stubs.values()), re.MULTILINE)
    assert sorted(declared) == sorted(message_ident(m) for m in api.messages)
    assert "OuterInner" in declared  # '.' before a lower-case letter is dropped, not turned into '_'


def test_field_named_like_a_generated_method_gets_a_suffix() -> None:
    api = api_of('syntax = "proto3"; package p; message M { string reset = 1; string descriptor = 2; }')
    message = api.message("p.M")
    assert field_ident(message, "reset") == "Reset_"
    assert field_ident(message, "descriptor") == "Descriptor_"


def _file(name: str, package: str) -> ProtoFile:
    return ProtoFile(name=name, package=package, dependencies=(), options={})


def test_layout_of_the_layotto_tree() -> None:
    layout = package_layout(
        [_file("spec/proto/runtime/v1/runtime.proto", "spec.proto.runtime.v1"),
         _file("spec/proto/runtime/v1/appcallback.proto", "spec.proto.runtime.v1"),
         _file("spec/proto/extension/v1/delay_queue/delay_queue.proto",
               "spec.proto.extension.v1.delay_queue")],
        MODULE,
    )
    runtime = layout["spec/proto/runtime/v1/runtime.proto"]
    assert (runtime.import_path, runtime.name, runtime.out_dir) == (
        f"{MODULE}/proto/runtime/v1", "runtimev1", "proto/runtime/v1")
    assert layout["spec/proto/runtime/v1/appcallback.proto"] == runtime
    queue = layout["spec/proto/extension/v1/delay_queue/delay_queue.proto"]
    assert (queue.out_dir, queue.name) == ("proto/extension/v1/delay_queue", "delayqueue")


def test_packages_sharing_a_directory_get_subdirectories() -> None:
    layout = package_layout([_file("a.proto", "x.alpha"), _file("b.proto", "x.beta.v2")], MODULE)
    assert layout["a.proto"].out_dir == "proto/alpha"
    assert layout["b.proto"].out_dir == "proto/betav2"
    assert layout["b.proto"].name == "betav2"


def test_two_proto_packages_on_one_go_package_fail() -> None:
    with pytest.raises(NamingError, match="both map to the Go package proto/d/x"):
        package_layout([_file("d/a.proto", "one.x"), _file("d/b.proto", "two.x")], MODULE)


def test_stubs_live_in_our_module_without_tool_versions() -> None:
    fds = compile_proto(
        'syntax = "proto3"; package demo.v1; option go_package = "mosn.io/layotto/elsewhere;x";\n'
        "message M { bytes data = 1; } service S { rpc Get(M) returns (M); }",
        name="demo/v1/demo.proto",
    )
    layout = package_layout([_file("demo/v1/demo.proto", "demo.v1")], MODULE)
    stubs = generate_stubs(fds, ["demo/v1/demo.proto"], layout, MODULE)
    assert sorted(stubs) == ["proto/demo/v1/demo.pb.go", "proto/demo/v1/demo_grpc.pb.go"]
    for text in stubs.values():
        assert "package demov1\n" in text
        assert not re.search(r'^\t(\w+ )?"mosn\.io', text, re.MULTILINE)  # never imported (only in rawDesc)
        assert "// versions:" not in text and "protoc-gen-go v" not in text and "protoc   " not in text
        assert text.startswith("// Code generated by protoc-gen-go")


def test_strip_versions_removes_only_the_version_block() -> None:
    text = ("// Code generated. DO NOT EDIT.\n// versions:\n// - protoc-gen-go-grpc v1.6.2\n// - protoc v7\n"
            "// source: a\n")
    assert strip_versions(text) == "// Code generated. DO NOT EDIT.\n// source: a\n"
    text = "// versions:\n// \tprotoc-gen-go v1.36.12\n// \tprotoc        v7.35.1\n// source: a\n"
    assert strip_versions(text) == "// source: a\n"


def test_missing_plugin_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(_go_stubs, "_checked", {})
    monkeypatch.setattr(_go_stubs, "GOBIN", tmp_path)
    monkeypatch.setenv("L8GEN_GOBIN", str(tmp_path))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ConfigError, match=r"protoc-gen-go v[\d.]+ not found.*bootstrap --only go"):
        _go_stubs.plugin_path("protoc-gen-go")
