"""The compiled API's services, RPCs, streaming shapes and runtime files against the Layotto wire facts
(shared/reference/layotto-api-facts.md; helpers: descriptor_facts).
"""

from __future__ import annotations

import pytest
from descriptor_facts import EXT, RT, file_by_name, services
from google.protobuf import descriptor_pb2

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
