"""Checks the compiled API definitions (proto/ -> FileDescriptorSet) against the Layotto wire facts.

The expected values below are transcribed from shared/reference/layotto-api-facts.md (sections 1.1-1.10):
service and RPC names, streaming shapes, message fields (`name:type=number`), enum values and the upstream
quirks that must survive (camelCase fields, jstype, proto3 optional, unused field numbers). They also check
the documentation rule: every element carries a comment.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from google.protobuf import descriptor_pb2

FDP = descriptor_pb2.FieldDescriptorProto
RT = "spec.proto.runtime.v1"
EXT = "spec.proto.extension.v1"
CONTROL_PACKAGE = "l8.control.v1"

# --------------------------------------------------------------------------------------------------------
# descriptor helpers


def layotto_files(fds: descriptor_pb2.FileDescriptorSet) -> list[descriptor_pb2.FileDescriptorProto]:
    """The Layotto API files: everything compiled from proto/ except well-known types and the control API."""
    return [f for f in fds.file if not f.name.startswith("google/") and f.package != CONTROL_PACKAGE]


def services(fds: descriptor_pb2.FileDescriptorSet) -> dict[str, descriptor_pb2.ServiceDescriptorProto]:
    return {f"{f.package}.{s.name}": s for f in layotto_files(fds) for s in f.service}


def file_by_name(fds: descriptor_pb2.FileDescriptorSet, name: str) -> descriptor_pb2.FileDescriptorProto:
    matches = [f for f in fds.file if f.name == name]
    assert matches, f"{name} was not compiled"
    return matches[0]


def _walk_messages(
    prefix: str, messages: list[descriptor_pb2.DescriptorProto]
) -> Iterator[tuple[str, descriptor_pb2.DescriptorProto]]:
    for m in messages:
        full = f"{prefix}.{m.name}"
        yield full, m
        yield from _walk_messages(full, list(m.nested_type))


def all_messages(fds: descriptor_pb2.FileDescriptorSet) -> dict[str, descriptor_pb2.DescriptorProto]:
    return {full: m for f in fds.file for full, m in _walk_messages(f.package, list(f.message_type))}


def all_enums(fds: descriptor_pb2.FileDescriptorSet) -> dict[str, descriptor_pb2.EnumDescriptorProto]:
    out = {f"{f.package}.{e.name}": e for f in fds.file for e in f.enum_type}
    for full, m in all_messages(fds).items():
        out.update({f"{full}.{e.name}": e for e in m.enum_type})
    return out


_SCALARS = {
    FDP.TYPE_STRING: "string",
    FDP.TYPE_BYTES: "bytes",
    FDP.TYPE_BOOL: "bool",
    FDP.TYPE_INT32: "int32",
    FDP.TYPE_INT64: "int64",
    FDP.TYPE_UINT32: "uint32",
    FDP.TYPE_UINT64: "uint64",
    FDP.TYPE_DOUBLE: "double",
    FDP.TYPE_FLOAT: "float",
}


def _type_name(field: descriptor_pb2.FieldDescriptorProto, package: str) -> str:
    if field.type in _SCALARS:
        return _SCALARS[field.type]
    name = field.type_name.lstrip(".")
    return name.removeprefix(package + ".")


def render_field(
    field: descriptor_pb2.FieldDescriptorProto,
    package: str,
    messages: dict[str, descriptor_pb2.DescriptorProto],
) -> str:
    """`name:type=number` as in the facts file: `map<K,V>`, `repeated T`, `optional T` (proto3 optional)."""
    type_ = _type_name(field, package)
    if field.label == FDP.LABEL_REPEATED and field.type == FDP.TYPE_MESSAGE:
        entry = messages[field.type_name.lstrip(".")]
        if entry.options.map_entry:
            key, value = entry.field
            return f"{field.name}:map<{_type_name(key, package)},{_type_name(value, package)}>={field.number}"
    if field.label == FDP.LABEL_REPEATED:
        type_ = f"repeated {type_}"
    elif field.proto3_optional:
        type_ = f"optional {type_}"
    return f"{field.name}:{type_}={field.number}"


def rendered_fields(fds: descriptor_pb2.FileDescriptorSet, full_name: str) -> list[str]:
    messages = all_messages(fds)
    assert full_name in messages, f"message {full_name} is missing"
    package = RT if full_name.startswith(RT + ".") else full_name.rsplit(".", 1)[0]
    return [
        render_field(f, package, messages) for f in sorted(messages[full_name].field, key=lambda f: f.number)
    ]


# --------------------------------------------------------------------------------------------------------
# services, RPCs, streaming shapes

EXPECTED_RPC_COUNTS = {
    f"{RT}.Runtime": 26,
    f"{RT}.AppCallback": 2,
    f"{RT}.Lifecycle": 1,
    f"{EXT}.cryption.CryptionService": 2,
    f"{EXT}.delay_queue.DelayQueue": 1,
    f"{EXT}.email.EmailService": 2,
    f"{EXT}.phone.PhoneCallService": 1,
    f"{EXT}.sms.SmsService": 1,
    f"{EXT}.s3.ObjectStorageService": 26,
}

# (client_streaming, server_streaming) of every RPC that is not unary; every other RPC must be unary.
STREAMING = {
    f"{RT}.Runtime/SubscribeConfiguration": (True, True),
    f"{RT}.Runtime/SubscribeTopicEvents": (True, True),
    f"{RT}.Runtime/GetFile": (False, True),
    f"{RT}.Runtime/PutFile": (True, False),
    f"{EXT}.s3.ObjectStorageService/PutObject": (True, False),
    f"{EXT}.s3.ObjectStorageService/UploadPart": (True, False),
    f"{EXT}.s3.ObjectStorageService/AppendObject": (True, False),
    f"{EXT}.s3.ObjectStorageService/GetObject": (False, True),
}

E = "google.protobuf.Empty"
# Runtime, AppCallback and Lifecycle in full: RPC -> (request, response), in declaration order.
RUNTIME_RPCS = {
    "Runtime": [
        ("SayHello", "SayHelloRequest", "SayHelloResponse"),
        ("InvokeService", "InvokeServiceRequest", "InvokeResponse"),
        ("GetConfiguration", "GetConfigurationRequest", "GetConfigurationResponse"),
        ("SaveConfiguration", "SaveConfigurationRequest", E),
        ("DeleteConfiguration", "DeleteConfigurationRequest", E),
        ("SubscribeConfiguration", "SubscribeConfigurationRequest", "SubscribeConfigurationResponse"),
        ("TryLock", "TryLockRequest", "TryLockResponse"),
        ("Unlock", "UnlockRequest", "UnlockResponse"),
        ("LockKeepAlive", "LockKeepAliveRequest", "LockKeepAliveResponse"),
        ("GetNextId", "GetNextIdRequest", "GetNextIdResponse"),
        ("GetState", "GetStateRequest", "GetStateResponse"),
        ("GetBulkState", "GetBulkStateRequest", "GetBulkStateResponse"),
        ("SaveState", "SaveStateRequest", E),
        ("DeleteState", "DeleteStateRequest", E),
        ("DeleteBulkState", "DeleteBulkStateRequest", E),
        ("ExecuteStateTransaction", "ExecuteStateTransactionRequest", E),
        ("PublishEvent", "PublishEventRequest", E),
        ("SubscribeTopicEvents", "SubscribeTopicEventsRequest", "SubscribeTopicEventsResponse"),
        ("GetFile", "GetFileRequest", "GetFileResponse"),
        ("PutFile", "PutFileRequest", E),
        ("ListFile", "ListFileRequest", "ListFileResp"),
        ("DelFile", "DelFileRequest", E),
        ("GetFileMeta", "GetFileMetaRequest", "GetFileMetaResponse"),
        ("InvokeBinding", "InvokeBindingRequest", "InvokeBindingResponse"),
        ("GetSecret", "GetSecretRequest", "GetSecretResponse"),
        ("GetBulkSecret", "GetBulkSecretRequest", "GetBulkSecretResponse"),
    ],
    "AppCallback": [
        ("ListTopicSubscriptions", E, "ListTopicSubscriptionsResponse"),
        ("OnTopicEvent", "TopicEventRequest", "TopicEventResponse"),
    ],
    "Lifecycle": [("ApplyConfiguration", "DynamicConfiguration", "ApplyConfigurationResponse")],
}

READ_ONLY_RPCS = {
    "SayHello",
    "GetConfiguration",
    "GetState",
    "GetBulkState",
    "GetFile",
    "ListFile",
    "GetFileMeta",
    "GetSecret",
    "GetBulkSecret",
}


def test_exactly_the_nine_layotto_services_with_62_rpcs(api_fds: descriptor_pb2.FileDescriptorSet) -> None:
    counts = {name: len(s.method) for name, s in services(api_fds).items()}
    assert counts == EXPECTED_RPC_COUNTS
    assert sum(counts.values()) == 62


@pytest.mark.parametrize("service", sorted(RUNTIME_RPCS))
def test_runtime_package_rpcs_and_types(api_fds: descriptor_pb2.FileDescriptorSet, service: str) -> None:
    svc = services(api_fds)[f"{RT}.{service}"]
    actual = [
        (
            m.name,
            m.input_type.lstrip(".").removeprefix(RT + "."),
            m.output_type.lstrip(".").removeprefix(RT + "."),
        )
        for m in svc.method
    ]
    assert actual == RUNTIME_RPCS[service]


@pytest.mark.parametrize("rpc", sorted(STREAMING))
def test_streaming_rpc_shape(api_fds: descriptor_pb2.FileDescriptorSet, rpc: str) -> None:
    service, method = rpc.split("/")
    methods = {m.name: m for m in services(api_fds)[service].method}
    assert (methods[method].client_streaming, methods[method].server_streaming) == STREAMING[rpc]


@pytest.mark.parametrize("service", sorted(EXPECTED_RPC_COUNTS))
def test_all_other_rpcs_are_unary(api_fds: descriptor_pb2.FileDescriptorSet, service: str) -> None:
    svc = services(api_fds).get(service)
    if svc is None:
        pytest.fail(f"service {service} is not defined in proto/")
    streaming = [
        m.name
        for m in svc.method
        if (m.client_streaming or m.server_streaming) and f"{service}/{m.name}" not in STREAMING
    ]
    assert streaming == []


def test_only_read_only_rpcs_are_marked_without_side_effects(
    api_fds: descriptor_pb2.FileDescriptorSet,
) -> None:
    marked = {
        m.name
        for name, s in services(api_fds).items()
        if name.startswith(RT + ".")
        for m in s.method
        if m.options.idempotency_level == descriptor_pb2.MethodOptions.NO_SIDE_EFFECTS
    }
    assert marked == READ_ONLY_RPCS
    idempotent = [
        m.name
        for name, s in services(api_fds).items()
        if name.startswith(RT + ".")
        for m in s.method
        if m.options.idempotency_level == descriptor_pb2.MethodOptions.IDEMPOTENT
    ]
    assert idempotent == []


# --------------------------------------------------------------------------------------------------------
# files and options

RUNTIME_FILES = {
    "spec/proto/runtime/v1/runtime.proto": "RuntimeProto",
    "spec/proto/runtime/v1/appcallback.proto": "AppCallbackProto",
    "spec/proto/runtime/v1/lifecycle.proto": "LifecycleProto",
}


@pytest.mark.parametrize("name", sorted(RUNTIME_FILES))
def test_runtime_file_package_and_options(api_fds: descriptor_pb2.FileDescriptorSet, name: str) -> None:
    f = file_by_name(api_fds, name)
    assert f.syntax == "proto3"
    assert f.package == RT
    assert f.options.go_package == "mosn.io/layotto/spec/proto/runtime/v1;runtime"
    assert f.options.java_package == RT
    assert f.options.java_outer_classname == RUNTIME_FILES[name]


# --------------------------------------------------------------------------------------------------------
# message fields (name:type=number, the wire contract)

ANY = "google.protobuf.Any"
MAP = "map<string,string>"
RUNTIME_MESSAGES = {
    "SayHelloRequest": ["service_name:string=1", "name:string=2", f"data:{ANY}=3"],
    "SayHelloResponse": ["hello:string=1", f"data:{ANY}=2"],
    "InvokeServiceRequest": ["id:string=1", "message:CommonInvokeRequest=3"],
    "CommonInvokeRequest": [
        "method:string=1",
        f"data:{ANY}=2",
        "content_type:string=3",
        "http_extension:HTTPExtension=4",
    ],
    "HTTPExtension": ["verb:HTTPExtension.Verb=1", "querystring:string=2"],
    "InvokeResponse": [f"data:{ANY}=1", "content_type:string=2"],
    "ConfigurationItem": [
        "key:string=1",
        "content:string=2",
        "group:string=3",
        "label:string=4",
        f"tags:{MAP}=5",
        f"metadata:{MAP}=6",
    ],
    "GetConfigurationRequest": [
        "store_name:string=1",
        "app_id:string=2",
        "group:string=3",
        "label:string=4",
        "keys:repeated string=5",
        f"metadata:{MAP}=6",
        "subscribe_update:bool=7",
    ],
    "GetConfigurationResponse": ["items:repeated ConfigurationItem=1"],
    "SaveConfigurationRequest": [
        "store_name:string=1",
        "app_id:string=2",
        "items:repeated ConfigurationItem=3",
        f"metadata:{MAP}=4",
    ],
    "DeleteConfigurationRequest": [
        "store_name:string=1",
        "app_id:string=2",
        "group:string=3",
        "label:string=4",
        "keys:repeated string=5",
        f"metadata:{MAP}=6",
    ],
    "SubscribeConfigurationRequest": [
        "store_name:string=1",
        "app_id:string=2",
        "group:string=3",
        "label:string=4",
        "keys:repeated string=5",
        f"metadata:{MAP}=6",
    ],
    "SubscribeConfigurationResponse": [
        "store_name:string=1",
        "app_id:string=2",
        "items:repeated ConfigurationItem=3",
    ],
    "TryLockRequest": [
        "store_name:string=1",
        "resource_id:string=2",
        "lock_owner:string=3",
        "expire:int32=4",
    ],
    "TryLockResponse": ["success:bool=1"],
    "UnlockRequest": ["store_name:string=1", "resource_id:string=2", "lock_owner:string=3"],
    "UnlockResponse": ["status:UnlockResponse.Status=1"],
    "LockKeepAliveRequest": [
        "store_name:string=1",
        "resource_id:string=2",
        "lock_owner:string=3",
        "expire:int32=4",
    ],
    "LockKeepAliveResponse": ["status:LockKeepAliveResponse.Status=1"],
    "GetNextIdRequest": [
        "store_name:string=1",
        "key:string=2",
        "options:SequencerOptions=3",
        f"metadata:{MAP}=4",
    ],
    "SequencerOptions": ["increment:SequencerOptions.AutoIncrement=1"],
    "GetNextIdResponse": ["next_id:int64=1"],
    "GetStateRequest": [
        "store_name:string=1",
        "key:string=2",
        "consistency:StateOptions.StateConsistency=3",
        f"metadata:{MAP}=4",
    ],
    "GetStateResponse": ["data:bytes=1", "etag:string=2", f"metadata:{MAP}=3"],
    "GetBulkStateRequest": [
        "store_name:string=1",
        "keys:repeated string=2",
        "parallelism:int32=3",
        f"metadata:{MAP}=4",
    ],
    "GetBulkStateResponse": ["items:repeated BulkStateItem=1"],
    "BulkStateItem": [
        "key:string=1",
        "data:bytes=2",
        "etag:string=3",
        "error:string=4",
        f"metadata:{MAP}=5",
    ],
    "SaveStateRequest": ["store_name:string=1", "states:repeated StateItem=2"],
    "DeleteStateRequest": [
        "store_name:string=1",
        "key:string=2",
        "etag:Etag=3",
        "options:StateOptions=4",
        f"metadata:{MAP}=5",
    ],
    "DeleteBulkStateRequest": ["store_name:string=1", "states:repeated StateItem=2"],
    "StateItem": [
        "key:string=1",
        "value:bytes=2",
        "etag:Etag=3",
        f"metadata:{MAP}=4",
        "options:StateOptions=5",
    ],
    "Etag": ["value:string=1"],
    "StateOptions": [
        "concurrency:StateOptions.StateConcurrency=1",
        "consistency:StateOptions.StateConsistency=2",
    ],
    "TransactionalStateOperation": ["operationType:string=1", "request:StateItem=2"],
    "ExecuteStateTransactionRequest": [
        "storeName:string=1",
        "operations:repeated TransactionalStateOperation=2",
        f"metadata:{MAP}=3",
    ],
    "PublishEventRequest": [
        "pubsub_name:string=1",
        "topic:string=2",
        "data:bytes=3",
        "data_content_type:string=4",
        f"metadata:{MAP}=5",
    ],
    "SubscribeTopicEventsRequest": [
        "initial_request:SubscribeTopicEventsRequestInitial=1",
        "event_processed:SubscribeTopicEventsRequestProcessed=2",
    ],
    "SubscribeTopicEventsRequestInitial": [
        "pubsub_name:string=1",
        "topic:string=2",
        f"metadata:{MAP}=3",
        "dead_letter_topic:optional string=4",
    ],
    "SubscribeTopicEventsRequestProcessed": ["id:string=1", "status:TopicEventResponse=2"],
    "SubscribeTopicEventsResponse": [
        "initial_response:SubscribeTopicEventsResponseInitial=1",
        "event_message:TopicEventRequest=2",
    ],
    "SubscribeTopicEventsResponseInitial": [],
    "GetFileRequest": ["store_name:string=1", "name:string=2", f"metadata:{MAP}=3"],
    "GetFileResponse": ["data:bytes=1"],
    "PutFileRequest": ["store_name:string=1", "name:string=2", "data:bytes=3", f"metadata:{MAP}=4"],
    "FileRequest": ["store_name:string=1", "name:string=2", f"metadata:{MAP}=3"],
    "ListFileRequest": ["request:FileRequest=1", "page_size:int32=2", "marker:string=3"],
    "ListFileResp": ["files:repeated FileInfo=1", "marker:string=2", "is_truncated:bool=3"],
    "FileInfo": ["file_name:string=1", "size:int64=2", "last_modified:string=3", f"metadata:{MAP}=4"],
    "DelFileRequest": ["request:FileRequest=1"],
    "GetFileMetaRequest": ["request:FileRequest=1"],
    "GetFileMetaResponse": ["size:int64=1", "last_modified:string=2", "response:FileMeta=3"],
    "FileMeta": ["metadata:map<string,FileMetaValue>=1"],
    "FileMetaValue": ["value:repeated string=1"],
    "InvokeBindingRequest": ["name:string=1", "data:bytes=2", f"metadata:{MAP}=3", "operation:string=4"],
    "InvokeBindingResponse": ["data:bytes=1", f"metadata:{MAP}=2"],
    "GetSecretRequest": ["store_name:string=1", "key:string=2", f"metadata:{MAP}=3"],
    "GetSecretResponse": [f"data:{MAP}=1"],
    "GetBulkSecretRequest": ["store_name:string=1", f"metadata:{MAP}=2"],
    "GetBulkSecretResponse": ["data:map<string,SecretResponse>=1"],
    "SecretResponse": [f"secrets:{MAP}=1"],
    # appcallback.proto
    "TopicEventRequest": [
        "id:string=1",
        "source:string=2",
        "type:string=3",
        "spec_version:string=4",
        "data_content_type:string=5",
        "topic:string=6",
        "data:bytes=7",
        "pubsub_name:string=8",
        f"metadata:{MAP}=10",
    ],
    "TopicEventResponse": ["status:TopicEventResponse.TopicEventResponseStatus=1"],
    "ListTopicSubscriptionsResponse": ["subscriptions:repeated TopicSubscription=1"],
    "TopicSubscription": ["pubsub_name:string=1", "topic:string=2", f"metadata:{MAP}=3"],
    # lifecycle.proto
    "DynamicConfiguration": ["component_config:ComponentConfig=1"],
    "ComponentConfig": ["kind:string=1", "name:string=2", f"metadata:{MAP}=3"],
    "ApplyConfigurationResponse": [],
}


@pytest.mark.parametrize("message", sorted(RUNTIME_MESSAGES))
def test_runtime_message_fields(api_fds: descriptor_pb2.FileDescriptorSet, message: str) -> None:
    assert rendered_fields(api_fds, f"{RT}.{message}") == RUNTIME_MESSAGES[message]


def test_runtime_package_has_no_unexpected_messages(api_fds: descriptor_pb2.FileDescriptorSet) -> None:
    top_level = {m.name for f in api_fds.file if f.package == RT for m in f.message_type}
    assert top_level == set(RUNTIME_MESSAGES)


# A sample of extension messages (the rest is checked by the extension protos' own tests).
EXTENSION_MESSAGES = {
    f"{EXT}.cryption.EncryptRequest": ["component_name:string=1", "plain_text:bytes=2", "key_id:string=3"],
    f"{EXT}.delay_queue.DelayMessageRequest": [
        "component_name:string=1",
        "topic:string=2",
        "data:bytes=3",
        "data_content_type:string=4",
        "delay_in_seconds:int32=5",
        f"metadata:{MAP}=6",
    ],
    f"{EXT}.sms.SendStatus": ["code:string=1", "message:string=2", f"metadata:{MAP}=3"],
    f"{EXT}.s3.SignURLInput": [
        "store_name:string=1",
        "bucket:string=2",
        "key:string=3",
        "method:string=4",
        "expired_in_sec:int64=5",
    ],
}


@pytest.mark.parametrize("message", sorted(EXTENSION_MESSAGES))
def test_extension_message_fields_sample(api_fds: descriptor_pb2.FileDescriptorSet, message: str) -> None:
    assert rendered_fields(api_fds, message) == EXTENSION_MESSAGES[message]


def test_oss_casing_quirks_survive(api_fds: descriptor_pb2.FileDescriptorSet) -> None:
    messages = all_messages(api_fds)
    list_objects = {f.name: (f.number, f.type) for f in messages[f"{EXT}.s3.ListObjectsInput"].field}
    assert list_objects["maxKeys"] == (7, FDP.TYPE_INT32)
    complete = {f.name: f.number for f in messages[f"{EXT}.s3.CompleteMultipartUploadOutput"].field}
    assert complete["sse_kms_keyId"] == 8


# --------------------------------------------------------------------------------------------------------
# the quirks, one by one


def test_camel_case_transaction_fields_keep_their_json_names(
    api_fds: descriptor_pb2.FileDescriptorSet,
) -> None:
    messages = all_messages(api_fds)
    store = messages[f"{RT}.ExecuteStateTransactionRequest"].field[0]
    op = messages[f"{RT}.TransactionalStateOperation"].field[0]
    assert (store.name, store.json_name) == ("storeName", "storeName")
    assert (op.name, op.json_name) == ("operationType", "operationType")


def test_next_id_is_a_js_string(api_fds: descriptor_pb2.FileDescriptorSet) -> None:
    (field,) = all_messages(api_fds)[f"{RT}.GetNextIdResponse"].field
    assert field.type == FDP.TYPE_INT64
    assert field.options.jstype == descriptor_pb2.FieldOptions.JS_STRING


def test_dead_letter_topic_is_the_only_proto3_optional(api_fds: descriptor_pb2.FileDescriptorSet) -> None:
    optional = [
        (full, f.name)
        for full, m in all_messages(api_fds).items()
        if full.startswith(RT + ".")
        for f in m.field
        if f.proto3_optional
    ]
    assert optional == [(f"{RT}.SubscribeTopicEventsRequestInitial", "dead_letter_topic")]
    msg = all_messages(api_fds)[f"{RT}.SubscribeTopicEventsRequestInitial"]
    # proto3 optional is carried by a synthetic oneof named after the field.
    assert [o.name for o in msg.oneof_decl] == ["_dead_letter_topic"]


@pytest.mark.parametrize(
    ("message", "oneof", "members"),
    [
        (
            "SubscribeTopicEventsRequest",
            "subscribe_topic_events_request_type",
            ["initial_request", "event_processed"],
        ),
        (
            "SubscribeTopicEventsResponse",
            "subscribe_topic_events_response_type",
            ["initial_response", "event_message"],
        ),
    ],
)
def test_subscribe_topic_events_oneofs(
    api_fds: descriptor_pb2.FileDescriptorSet, message: str, oneof: str, members: list[str]
) -> None:
    msg = all_messages(api_fds)[f"{RT}.{message}"]
    assert [o.name for o in msg.oneof_decl] == [oneof]
    assert [f.name for f in msg.field if f.HasField("oneof_index") and f.oneof_index == 0] == members


@pytest.mark.parametrize(("message", "number"), [("InvokeServiceRequest", 2), ("TopicEventRequest", 9)])
def test_unused_upstream_field_numbers_stay_unused(
    api_fds: descriptor_pb2.FileDescriptorSet, message: str, number: int
) -> None:
    msg = all_messages(api_fds)[f"{RT}.{message}"]
    assert number not in {f.number for f in msg.field}
    assert any(r.start <= number < r.end for r in msg.reserved_range)


EXPECTED_ENUMS = {
    "HTTPExtension.Verb": [
        ("NONE", 0),
        ("GET", 1),
        ("HEAD", 2),
        ("POST", 3),
        ("PUT", 4),
        ("DELETE", 5),
        ("CONNECT", 6),
        ("OPTIONS", 7),
        ("TRACE", 8),
        ("PATCH", 9),
    ],
    "UnlockResponse.Status": [
        ("SUCCESS", 0),
        ("LOCK_UNEXIST", 1),
        ("LOCK_BELONG_TO_OTHERS", 2),
        ("INTERNAL_ERROR", 3),
    ],
    "LockKeepAliveResponse.Status": [
        ("SUCCESS", 0),
        ("LOCK_UNEXIST", 1),
        ("LOCK_BELONG_TO_OTHERS", 2),
        ("INTERNAL_ERROR", 3),
    ],
    "SequencerOptions.AutoIncrement": [("WEAK", 0), ("STRONG", 1)],
    "StateOptions.StateConcurrency": [
        ("CONCURRENCY_UNSPECIFIED", 0),
        ("CONCURRENCY_FIRST_WRITE", 1),
        ("CONCURRENCY_LAST_WRITE", 2),
    ],
    "StateOptions.StateConsistency": [
        ("CONSISTENCY_UNSPECIFIED", 0),
        ("CONSISTENCY_EVENTUAL", 1),
        ("CONSISTENCY_STRONG", 2),
    ],
    "TopicEventResponse.TopicEventResponseStatus": [("SUCCESS", 0), ("RETRY", 1), ("DROP", 2)],
}


def test_runtime_enums(api_fds: descriptor_pb2.FileDescriptorSet) -> None:
    actual = {
        full.removeprefix(RT + "."): [(v.name, v.number) for v in e.value]
        for full, e in all_enums(api_fds).items()
        if full.startswith(RT + ".")
    }
    assert actual == EXPECTED_ENUMS


# --------------------------------------------------------------------------------------------------------
# documentation: every element has a comment

# Field numbers of the descriptor protos, used in SourceCodeInfo.Location.path.
_FILE_MESSAGE, _FILE_ENUM, _FILE_SERVICE = 4, 5, 6
_MSG_FIELD, _MSG_NESTED, _MSG_ENUM, _MSG_ONEOF = 2, 3, 4, 8
_ENUM_VALUE = 2
_SERVICE_METHOD = 2


def _elements(f: descriptor_pb2.FileDescriptorProto) -> Iterator[tuple[tuple[int, ...], str]]:
    """(source path, printable full name) of every element that must be documented."""

    def enum(
        path: tuple[int, ...], full: str, e: descriptor_pb2.EnumDescriptorProto
    ) -> Iterator[tuple[tuple[int, ...], str]]:
        yield path, f"enum {full}"
        for i, v in enumerate(e.value):
            yield (*path, _ENUM_VALUE, i), f"enum value {full}.{v.name}"

    def message(
        path: tuple[int, ...], full: str, m: descriptor_pb2.DescriptorProto
    ) -> Iterator[tuple[tuple[int, ...], str]]:
        if m.options.map_entry:
            return  # synthetic map entry types have no source of their own
        yield path, f"message {full}"
        for i, fld in enumerate(m.field):
            yield (*path, _MSG_FIELD, i), f"field {full}.{fld.name}"
        for i, o in enumerate(m.oneof_decl):
            synthetic = any(fld.proto3_optional and fld.oneof_index == i for fld in m.field)
            if not synthetic:
                yield (*path, _MSG_ONEOF, i), f"oneof {full}.{o.name}"
        for i, n in enumerate(m.nested_type):
            yield from message((*path, _MSG_NESTED, i), f"{full}.{n.name}", n)
        for i, e in enumerate(m.enum_type):
            yield from enum((*path, _MSG_ENUM, i), f"{full}.{e.name}", e)

    for i, m in enumerate(f.message_type):
        yield from message((_FILE_MESSAGE, i), f"{f.package}.{m.name}", m)
    for i, e in enumerate(f.enum_type):
        yield from enum((_FILE_ENUM, i), f"{f.package}.{e.name}", e)
    for i, s in enumerate(f.service):
        yield (_FILE_SERVICE, i), f"service {f.package}.{s.name}"
        for j, meth in enumerate(s.method):
            yield (_FILE_SERVICE, i, _SERVICE_METHOD, j), f"rpc {f.package}.{s.name}/{meth.name}"


def undocumented(f: descriptor_pb2.FileDescriptorProto) -> list[str]:
    comments = {
        tuple(loc.path): (loc.leading_comments + loc.trailing_comments).strip()
        for loc in f.source_code_info.location
    }
    return [name for path, name in _elements(f) if not comments.get(path)]


def test_every_element_is_documented(api_fds: descriptor_pb2.FileDescriptorSet, api_proto_file: str) -> None:
    f = file_by_name(api_fds, api_proto_file)
    assert f.source_code_info.location, "compiled without source info"
    assert undocumented(f) == []


def test_documentation_check_catches_a_missing_comment(
    compile_proto: Callable[..., descriptor_pb2.FileDescriptorSet],
) -> None:
    fds = compile_proto(
        {
            "frag/v1/frag.proto": 'syntax = "proto3";\npackage frag.v1;\n'
            "// Documented.\nmessage M {\n  // Documented.\n  string a = 1;\n  string b = 2;\n}\n"
            "// Documented.\nenum E {\n  E_UNSPECIFIED = 0;\n}\n"
        }
    )
    (f,) = [f for f in fds.file if f.name == "frag/v1/frag.proto"]
    assert undocumented(f) == ["field frag.v1.M.b", "enum value frag.v1.E.E_UNSPECIFIED"]
