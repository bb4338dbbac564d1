from l8sdk._pb.spec.proto.runtime.v1 import appcallback_pb2 as _appcallback_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ScriptFaultRequest(_message.Message):
    __slots__ = ("method", "code", "message", "times", "delay_ms", "skip")
    METHOD_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    TIMES_FIELD_NUMBER: _ClassVar[int]
    DELAY_MS_FIELD_NUMBER: _ClassVar[int]
    SKIP_FIELD_NUMBER: _ClassVar[int]
    method: str
    code: str
    message: str
    times: int
    delay_ms: int
    skip: int
    def __init__(self, method: _Optional[str] = ..., code: _Optional[str] = ..., message: _Optional[str] = ..., times: _Optional[int] = ..., delay_ms: _Optional[int] = ..., skip: _Optional[int] = ...) -> None: ...

class ScriptFaultResponse(_message.Message):
    __slots__ = ("fault_id",)
    FAULT_ID_FIELD_NUMBER: _ClassVar[int]
    fault_id: str
    def __init__(self, fault_id: _Optional[str] = ...) -> None: ...

class ClearFaultsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ClearFaultsResponse(_message.Message):
    __slots__ = ("cleared",)
    CLEARED_FIELD_NUMBER: _ClassVar[int]
    cleared: int
    def __init__(self, cleared: _Optional[int] = ...) -> None: ...

class ListFaultsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListFaultsResponse(_message.Message):
    __slots__ = ("faults",)
    FAULTS_FIELD_NUMBER: _ClassVar[int]
    faults: _containers.RepeatedCompositeFieldContainer[Fault]
    def __init__(self, faults: _Optional[_Iterable[_Union[Fault, _Mapping]]] = ...) -> None: ...

class Fault(_message.Message):
    __slots__ = ("fault_id", "method", "code", "message", "remaining", "skip_remaining", "delay_ms")
    FAULT_ID_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    REMAINING_FIELD_NUMBER: _ClassVar[int]
    SKIP_REMAINING_FIELD_NUMBER: _ClassVar[int]
    DELAY_MS_FIELD_NUMBER: _ClassVar[int]
    fault_id: str
    method: str
    code: str
    message: str
    remaining: int
    skip_remaining: int
    delay_ms: int
    def __init__(self, fault_id: _Optional[str] = ..., method: _Optional[str] = ..., code: _Optional[str] = ..., message: _Optional[str] = ..., remaining: _Optional[int] = ..., skip_remaining: _Optional[int] = ..., delay_ms: _Optional[int] = ...) -> None: ...

class ListCallsRequest(_message.Message):
    __slots__ = ("method", "clear")
    METHOD_FIELD_NUMBER: _ClassVar[int]
    CLEAR_FIELD_NUMBER: _ClassVar[int]
    method: str
    clear: bool
    def __init__(self, method: _Optional[str] = ..., clear: _Optional[bool] = ...) -> None: ...

class ListCallsResponse(_message.Message):
    __slots__ = ("calls",)
    CALLS_FIELD_NUMBER: _ClassVar[int]
    calls: _containers.RepeatedCompositeFieldContainer[ObservedCall]
    def __init__(self, calls: _Optional[_Iterable[_Union[ObservedCall, _Mapping]]] = ...) -> None: ...

class ObservedCall(_message.Message):
    __slots__ = ("sequence", "method", "metadata", "has_deadline", "deadline_remaining_ms", "attempt", "previous_attempts", "code", "fault_id", "time_unix_ms", "authorized")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    SEQUENCE_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    HAS_DEADLINE_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_REMAINING_MS_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    FAULT_ID_FIELD_NUMBER: _ClassVar[int]
    TIME_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    sequence: int
    method: str
    metadata: _containers.ScalarMap[str, str]
    has_deadline: bool
    deadline_remaining_ms: int
    attempt: int
    previous_attempts: int
    code: str
    fault_id: str
    time_unix_ms: int
    authorized: bool
    def __init__(self, sequence: _Optional[int] = ..., method: _Optional[str] = ..., metadata: _Optional[_Mapping[str, str]] = ..., has_deadline: _Optional[bool] = ..., deadline_remaining_ms: _Optional[int] = ..., attempt: _Optional[int] = ..., previous_attempts: _Optional[int] = ..., code: _Optional[str] = ..., fault_id: _Optional[str] = ..., time_unix_ms: _Optional[int] = ..., authorized: _Optional[bool] = ...) -> None: ...

class GetAttemptCountsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetAttemptCountsResponse(_message.Message):
    __slots__ = ("counts",)
    class CountsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    COUNTS_FIELD_NUMBER: _ClassVar[int]
    counts: _containers.ScalarMap[str, int]
    def __init__(self, counts: _Optional[_Mapping[str, int]] = ...) -> None: ...

class ReadOutboxRequest(_message.Message):
    __slots__ = ("kind", "component", "clear")
    KIND_FIELD_NUMBER: _ClassVar[int]
    COMPONENT_FIELD_NUMBER: _ClassVar[int]
    CLEAR_FIELD_NUMBER: _ClassVar[int]
    kind: str
    component: str
    clear: bool
    def __init__(self, kind: _Optional[str] = ..., component: _Optional[str] = ..., clear: _Optional[bool] = ...) -> None: ...

class ReadOutboxResponse(_message.Message):
    __slots__ = ("entries",)
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    entries: _containers.RepeatedCompositeFieldContainer[OutboxEntry]
    def __init__(self, entries: _Optional[_Iterable[_Union[OutboxEntry, _Mapping]]] = ...) -> None: ...

class OutboxEntry(_message.Message):
    __slots__ = ("kind", "component", "json", "time_unix_ms")
    KIND_FIELD_NUMBER: _ClassVar[int]
    COMPONENT_FIELD_NUMBER: _ClassVar[int]
    JSON_FIELD_NUMBER: _ClassVar[int]
    TIME_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    kind: str
    component: str
    json: str
    time_unix_ms: int
    def __init__(self, kind: _Optional[str] = ..., component: _Optional[str] = ..., json: _Optional[str] = ..., time_unix_ms: _Optional[int] = ...) -> None: ...

class ListDeliveriesRequest(_message.Message):
    __slots__ = ("pubsub_name", "topic", "clear")
    PUBSUB_NAME_FIELD_NUMBER: _ClassVar[int]
    TOPIC_FIELD_NUMBER: _ClassVar[int]
    CLEAR_FIELD_NUMBER: _ClassVar[int]
    pubsub_name: str
    topic: str
    clear: bool
    def __init__(self, pubsub_name: _Optional[str] = ..., topic: _Optional[str] = ..., clear: _Optional[bool] = ...) -> None: ...

class ListDeliveriesResponse(_message.Message):
    __slots__ = ("deliveries",)
    DELIVERIES_FIELD_NUMBER: _ClassVar[int]
    deliveries: _containers.RepeatedCompositeFieldContainer[Delivery]
    def __init__(self, deliveries: _Optional[_Iterable[_Union[Delivery, _Mapping]]] = ...) -> None: ...

class Delivery(_message.Message):
    __slots__ = ("event_id", "pubsub_name", "topic", "channel", "subscriber", "attempt", "status", "error", "dead_letter_topic", "time_unix_ms")
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    PUBSUB_NAME_FIELD_NUMBER: _ClassVar[int]
    TOPIC_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    SUBSCRIBER_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    DEAD_LETTER_TOPIC_FIELD_NUMBER: _ClassVar[int]
    TIME_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    event_id: str
    pubsub_name: str
    topic: str
    channel: str
    subscriber: str
    attempt: int
    status: str
    error: str
    dead_letter_topic: str
    time_unix_ms: int
    def __init__(self, event_id: _Optional[str] = ..., pubsub_name: _Optional[str] = ..., topic: _Optional[str] = ..., channel: _Optional[str] = ..., subscriber: _Optional[str] = ..., attempt: _Optional[int] = ..., status: _Optional[str] = ..., error: _Optional[str] = ..., dead_letter_topic: _Optional[str] = ..., time_unix_ms: _Optional[int] = ...) -> None: ...

class ListReceivedEventsRequest(_message.Message):
    __slots__ = ("clear",)
    CLEAR_FIELD_NUMBER: _ClassVar[int]
    clear: bool
    def __init__(self, clear: _Optional[bool] = ...) -> None: ...

class ListReceivedEventsResponse(_message.Message):
    __slots__ = ("events",)
    EVENTS_FIELD_NUMBER: _ClassVar[int]
    events: _containers.RepeatedCompositeFieldContainer[ReceivedEvent]
    def __init__(self, events: _Optional[_Iterable[_Union[ReceivedEvent, _Mapping]]] = ...) -> None: ...

class ReceivedEvent(_message.Message):
    __slots__ = ("event", "status", "time_unix_ms")
    EVENT_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    TIME_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    event: _appcallback_pb2.TopicEventRequest
    status: str
    time_unix_ms: int
    def __init__(self, event: _Optional[_Union[_appcallback_pb2.TopicEventRequest, _Mapping]] = ..., status: _Optional[str] = ..., time_unix_ms: _Optional[int] = ...) -> None: ...

class ConfigureLoopbackAppRequest(_message.Message):
    __slots__ = ("subscriptions",)
    SUBSCRIPTIONS_FIELD_NUMBER: _ClassVar[int]
    subscriptions: _containers.RepeatedCompositeFieldContainer[LoopbackSubscription]
    def __init__(self, subscriptions: _Optional[_Iterable[_Union[LoopbackSubscription, _Mapping]]] = ...) -> None: ...

class LoopbackSubscription(_message.Message):
    __slots__ = ("pubsub_name", "topic", "status", "fail_times", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    PUBSUB_NAME_FIELD_NUMBER: _ClassVar[int]
    TOPIC_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    FAIL_TIMES_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    pubsub_name: str
    topic: str
    status: str
    fail_times: int
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, pubsub_name: _Optional[str] = ..., topic: _Optional[str] = ..., status: _Optional[str] = ..., fail_times: _Optional[int] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ConfigureLoopbackAppResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class SetAppCallbackRequest(_message.Message):
    __slots__ = ("address",)
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    address: str
    def __init__(self, address: _Optional[str] = ...) -> None: ...

class SetAppCallbackResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ResetRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ResetResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetRuntimeInfoRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetRuntimeInfoResponse(_message.Message):
    __slots__ = ("version", "mutation", "app_id", "components", "token_required", "tls", "app_callback")
    VERSION_FIELD_NUMBER: _ClassVar[int]
    MUTATION_FIELD_NUMBER: _ClassVar[int]
    APP_ID_FIELD_NUMBER: _ClassVar[int]
    COMPONENTS_FIELD_NUMBER: _ClassVar[int]
    TOKEN_REQUIRED_FIELD_NUMBER: _ClassVar[int]
    TLS_FIELD_NUMBER: _ClassVar[int]
    APP_CALLBACK_FIELD_NUMBER: _ClassVar[int]
    version: str
    mutation: str
    app_id: str
    components: _containers.RepeatedCompositeFieldContainer[ComponentInfo]
    token_required: bool
    tls: bool
    app_callback: str
    def __init__(self, version: _Optional[str] = ..., mutation: _Optional[str] = ..., app_id: _Optional[str] = ..., components: _Optional[_Iterable[_Union[ComponentInfo, _Mapping]]] = ..., token_required: _Optional[bool] = ..., tls: _Optional[bool] = ..., app_callback: _Optional[str] = ...) -> None: ...

class ComponentInfo(_message.Message):
    __slots__ = ("api", "name", "type")
    API_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    api: str
    name: str
    type: str
    def __init__(self, api: _Optional[str] = ..., name: _Optional[str] = ..., type: _Optional[str] = ...) -> None: ...
