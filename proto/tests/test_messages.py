"""The compiled API's message fields (``name:type=number``, the wire contract) against the Layotto wire facts
(shared/reference/layotto-api-facts.md; helpers: descriptor_facts).
"""

from __future__ import annotations

import pytest
from descriptor_facts import EXT, FDP, RT, all_messages, rendered_fields
from google.protobuf import descriptor_pb2

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
