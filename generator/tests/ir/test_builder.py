"""l8gen.ir.builder: FileDescriptorSet -> Api (services, methods, messages, fields, enums, ordering)."""

from __future__ import annotations

import random

from google.protobuf import descriptor_pb2
from l8gen.descriptors import compile_protos
from l8gen.ir.builder import build_api, json_name_of

from tests.conftest import PROTO_ROOT, api_of, fragments_api


def test_services_are_sorted_with_roles_and_internal_packages_left_out() -> None:
    compiled = compile_protos(PROTO_ROOT)
    api = build_api(compiled.fds, compiled.files, ["spec.proto.runtime.v1.AppCallback"], ["l8.control.v1"])
    names = [s.full_name for s in api.services]
    assert names == sorted(names)
    assert not any(n.startswith("l8.control.v1") for n in names)
    assert [s.full_name for s in api.app_services] == ["spec.proto.runtime.v1.AppCallback"]
    assert sum(len(s.methods) for s in api.client_services) == 60
    assert sum(len(s.methods) for s in api.app_services) == 2


def test_a_service_without_methods_gets_no_sdk_layer() -> None:
    api = api_of(
        'syntax = "proto3";\npackage e.v1;\nmessage M {}\nservice Empty {}\n'
        "service S { rpc Get(M) returns (M); }\n"
    )
    assert [s.full_name for s in api.services] == ["e.v1.S"]
    assert [m.full_name for m in api.messages] == ["e.v1.M"]


def test_all_four_shapes_and_idempotency() -> None:
    _, _, api = fragments_api()
    methods = {m.name: m for m in api.service("l8test.streaming.Streamer").methods}
    assert [m.name for m in api.service("l8test.streaming.Streamer").methods] == [
        "Get",
        "Put",
        "Download",
        "Upload",
        "Chat",
    ]
    assert {n: m.shape for n, m in methods.items()} == {
        "Get": "unary",
        "Put": "unary",
        "Download": "server_stream",
        "Upload": "client_stream",
        "Chat": "bidi",
    }
    assert {n for n, m in methods.items() if m.idempotent} == {"Get", "Put"}
    assert methods["Chat"].path == "/l8test.streaming.Streamer/Chat"
    assert methods["Upload"].input_type == "l8test.streaming.Chunk"
    assert methods["Download"].doc.leading == "Server streaming."


def test_nested_messages_are_flattened_with_parents() -> None:
    _, _, api = fragments_api()
    deeper = api.message("l8test.nested.Outer.Inner.Deeper")
    assert (deeper.parent, deeper.name, deeper.local_path) == (
        "l8test.nested.Outer.Inner",
        "Deeper",
        ("Outer", "Inner", "Deeper"),
    )
    kind = api.enum("l8test.nested.Outer.Inner.Kind")
    assert kind.parent == "l8test.nested.Outer.Inner" and [v.name for v in kind.values] == [
        "KIND_UNSPECIFIED",
        "KIND_ONE",
    ]
    assert [c.full_name for c in api.children("l8test.nested.Outer.Inner")] == [
        "l8test.nested.Outer.Inner.Deeper",
        "l8test.nested.Outer.Inner.Kind",
    ]
    many = api.message("l8test.nested.Outer").fields[1]
    assert (many.repeated, many.type.kind, many.type.name) == (
        True,
        "message",
        "l8test.nested.Outer.Inner.Deeper",
    )


def test_maps_are_marked() -> None:
    _, _, api = fragments_api()
    fields = {f.name: f for f in api.message("l8test.maps.Maps").fields}
    items = fields["items_by_id"]
    assert items.is_map and items.repeated
    assert items.map_key is not None and items.map_value is not None
    assert (items.map_key.name, items.map_value.kind, items.map_value.name) == (
        "int64",
        "message",
        "l8test.maps.Item",
    )
    colors = fields["colors"].map_value
    assert colors is not None and colors.kind == "enum"
    entry = api.message("l8test.maps.Maps.ItemsByIdEntry")
    assert entry.is_map_entry


def test_oneofs_exclude_synthetic_optional_ones() -> None:
    _, _, api = fragments_api()
    choice = api.message("l8test.oneofs.Choice")
    assert [(o.name, o.fields) for o in choice.oneofs] == [
        ("value", ("text", "number", "payload", "flag")),
        ("other", ("ratio",)),
    ]
    assert choice.oneofs[0].doc.leading == "Exactly one kind of value."
    assert {f.name: f.oneof for f in choice.fields}["payload"] == "value"
    presence = api.message("l8test.optional.Presence")
    assert presence.oneofs == ()
    fields = {f.name: f for f in presence.fields}
    assert fields["name"].optional and fields["parent"].optional and not fields["plain"].optional
    assert fields["name"].oneof is None
    assert fields["big"].js_string and not fields["plain"].js_string


def test_json_names_and_lines() -> None:
    api = api_of(
        'syntax = "proto3";\npackage j;\nmessage M {\n  string store_name = 1;\n'
        '  string x = 2 [json_name = "why"];\n}\n'
    )
    fields = api.message("j.M").fields
    assert [(f.json_name, f.line) for f in fields] == [("storeName", 4), ("why", 5)]
    assert json_name_of("sse_kms_keyId") == "sseKmsKeyId" and json_name_of("a__b") == "aB"


def test_well_known_types_used_are_listed_but_their_files_are_not() -> None:
    compiled = compile_protos(PROTO_ROOT)
    api = build_api(compiled.fds, compiled.files)
    assert api.message("google.protobuf.Empty").file == "google/protobuf/empty.proto"
    assert api.message("google.protobuf.Any").fields[0].name == "type_url"
    assert all(not f.name.startswith("google/") for f in api.files)


def test_file_options_and_docs() -> None:
    compiled = compile_protos(PROTO_ROOT)
    api = build_api(compiled.fds, compiled.files)
    runtime = next(f for f in api.files if f.name == "spec/proto/runtime/v1/runtime.proto")
    assert runtime.options["go_package"].startswith("mosn.io/layotto/spec/proto/runtime/v1")
    assert runtime.package == "spec.proto.runtime.v1"
    assert api.service("spec.proto.runtime.v1.Runtime").doc.text


def test_shuffled_input_order_gives_an_identical_ir() -> None:
    fds, files, api = fragments_api()
    for seed in range(5):
        shuffled = descriptor_pb2.FileDescriptorSet()
        protos = list(fds.file)
        random.Random(seed).shuffle(protos)
        shuffled.file.extend(protos)
        names = list(files)
        random.Random(seed + 100).shuffle(names)
        assert build_api(shuffled, names) == api


def test_api_lookups() -> None:
    _, _, api = fragments_api()
    assert api.service("l8test.maps.MapService").methods[0].name == "Put"
    for lookup in (api.message, api.enum, api.service):
        try:
            lookup("no.such.Thing")
        except KeyError:
            continue
        raise AssertionError("lookup of an unknown name must raise KeyError")
