from google.protobuf import any_pb2 as _any_pb2
from google.protobuf import empty_pb2 as _empty_pb2
from l8sdk._pb.spec.proto.runtime.v1 import appcallback_pb2 as _appcallback_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class SayHelloRequest(_message.Message):
    __slots__ = ("service_name", "name", "data")
    SERVICE_NAME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    service_name: str
    name: str
    data: _any_pb2.Any
    def __init__(self, service_name: _Optional[str] = ..., name: _Optional[str] = ..., data: _Optional[_Union[_any_pb2.Any, _Mapping]] = ...) -> None: ...

class SayHelloResponse(_message.Message):
    __slots__ = ("hello", "data")
    HELLO_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    hello: str
    data: _any_pb2.Any
    def __init__(self, hello: _Optional[str] = ..., data: _Optional[_Union[_any_pb2.Any, _Mapping]] = ...) -> None: ...

class InvokeServiceRequest(_message.Message):
    __slots__ = ("id", "message")
    ID_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    id: str
    message: CommonInvokeRequest
    def __init__(self, id: _Optional[str] = ..., message: _Optional[_Union[CommonInvokeRequest, _Mapping]] = ...) -> None: ...

class CommonInvokeRequest(_message.Message):
    __slots__ = ("method", "data", "content_type", "http_extension")
    METHOD_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    HTTP_EXTENSION_FIELD_NUMBER: _ClassVar[int]
    method: str
    data: _any_pb2.Any
    content_type: str
    http_extension: HTTPExtension
    def __init__(self, method: _Optional[str] = ..., data: _Optional[_Union[_any_pb2.Any, _Mapping]] = ..., content_type: _Optional[str] = ..., http_extension: _Optional[_Union[HTTPExtension, _Mapping]] = ...) -> None: ...

class HTTPExtension(_message.Message):
    __slots__ = ("verb", "querystring")
    class Verb(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        NONE: _ClassVar[HTTPExtension.Verb]
        GET: _ClassVar[HTTPExtension.Verb]
        HEAD: _ClassVar[HTTPExtension.Verb]
        POST: _ClassVar[HTTPExtension.Verb]
        PUT: _ClassVar[HTTPExtension.Verb]
        DELETE: _ClassVar[HTTPExtension.Verb]
        CONNECT: _ClassVar[HTTPExtension.Verb]
        OPTIONS: _ClassVar[HTTPExtension.Verb]
        TRACE: _ClassVar[HTTPExtension.Verb]
        PATCH: _ClassVar[HTTPExtension.Verb]
    NONE: HTTPExtension.Verb
    GET: HTTPExtension.Verb
    HEAD: HTTPExtension.Verb
    POST: HTTPExtension.Verb
    PUT: HTTPExtension.Verb
    DELETE: HTTPExtension.Verb
    CONNECT: HTTPExtension.Verb
    OPTIONS: HTTPExtension.Verb
    TRACE: HTTPExtension.Verb
    PATCH: HTTPExtension.Verb
    VERB_FIELD_NUMBER: _ClassVar[int]
    QUERYSTRING_FIELD_NUMBER: _ClassVar[int]
    verb: HTTPExtension.Verb
    querystring: str
    def __init__(self, verb: _Optional[_Union[HTTPExtension.Verb, str]] = ..., querystring: _Optional[str] = ...) -> None: ...

class InvokeResponse(_message.Message):
    __slots__ = ("data", "content_type")
    DATA_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    data: _any_pb2.Any
    content_type: str
    def __init__(self, data: _Optional[_Union[_any_pb2.Any, _Mapping]] = ..., content_type: _Optional[str] = ...) -> None: ...

class ConfigurationItem(_message.Message):
    __slots__ = ("key", "content", "group", "label", "tags", "metadata")
    class TagsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    KEY_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    GROUP_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    key: str
    content: str
    group: str
    label: str
    tags: _containers.ScalarMap[str, str]
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, key: _Optional[str] = ..., content: _Optional[str] = ..., group: _Optional[str] = ..., label: _Optional[str] = ..., tags: _Optional[_Mapping[str, str]] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class GetConfigurationRequest(_message.Message):
    __slots__ = ("store_name", "app_id", "group", "label", "keys", "metadata", "subscribe_update")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    APP_ID_FIELD_NUMBER: _ClassVar[int]
    GROUP_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    KEYS_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    SUBSCRIBE_UPDATE_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    app_id: str
    group: str
    label: str
    keys: _containers.RepeatedScalarFieldContainer[str]
    metadata: _containers.ScalarMap[str, str]
    subscribe_update: bool
    def __init__(self, store_name: _Optional[str] = ..., app_id: _Optional[str] = ..., group: _Optional[str] = ..., label: _Optional[str] = ..., keys: _Optional[_Iterable[str]] = ..., metadata: _Optional[_Mapping[str, str]] = ..., subscribe_update: _Optional[bool] = ...) -> None: ...

class GetConfigurationResponse(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[ConfigurationItem]
    def __init__(self, items: _Optional[_Iterable[_Union[ConfigurationItem, _Mapping]]] = ...) -> None: ...

class SubscribeConfigurationRequest(_message.Message):
    __slots__ = ("store_name", "app_id", "group", "label", "keys", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    APP_ID_FIELD_NUMBER: _ClassVar[int]
    GROUP_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    KEYS_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    app_id: str
    group: str
    label: str
    keys: _containers.RepeatedScalarFieldContainer[str]
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, store_name: _Optional[str] = ..., app_id: _Optional[str] = ..., group: _Optional[str] = ..., label: _Optional[str] = ..., keys: _Optional[_Iterable[str]] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class SubscribeConfigurationResponse(_message.Message):
    __slots__ = ("store_name", "app_id", "items")
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    APP_ID_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    app_id: str
    items: _containers.RepeatedCompositeFieldContainer[ConfigurationItem]
    def __init__(self, store_name: _Optional[str] = ..., app_id: _Optional[str] = ..., items: _Optional[_Iterable[_Union[ConfigurationItem, _Mapping]]] = ...) -> None: ...

class SaveConfigurationRequest(_message.Message):
    __slots__ = ("store_name", "app_id", "items", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    APP_ID_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    app_id: str
    items: _containers.RepeatedCompositeFieldContainer[ConfigurationItem]
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, store_name: _Optional[str] = ..., app_id: _Optional[str] = ..., items: _Optional[_Iterable[_Union[ConfigurationItem, _Mapping]]] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class DeleteConfigurationRequest(_message.Message):
    __slots__ = ("store_name", "app_id", "group", "label", "keys", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    APP_ID_FIELD_NUMBER: _ClassVar[int]
    GROUP_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    KEYS_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    app_id: str
    group: str
    label: str
    keys: _containers.RepeatedScalarFieldContainer[str]
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, store_name: _Optional[str] = ..., app_id: _Optional[str] = ..., group: _Optional[str] = ..., label: _Optional[str] = ..., keys: _Optional[_Iterable[str]] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class TryLockRequest(_message.Message):
    __slots__ = ("store_name", "resource_id", "lock_owner", "expire")
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_ID_FIELD_NUMBER: _ClassVar[int]
    LOCK_OWNER_FIELD_NUMBER: _ClassVar[int]
    EXPIRE_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    resource_id: str
    lock_owner: str
    expire: int
    def __init__(self, store_name: _Optional[str] = ..., resource_id: _Optional[str] = ..., lock_owner: _Optional[str] = ..., expire: _Optional[int] = ...) -> None: ...

class TryLockResponse(_message.Message):
    __slots__ = ("success",)
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    success: bool
    def __init__(self, success: _Optional[bool] = ...) -> None: ...

class UnlockRequest(_message.Message):
    __slots__ = ("store_name", "resource_id", "lock_owner")
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_ID_FIELD_NUMBER: _ClassVar[int]
    LOCK_OWNER_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    resource_id: str
    lock_owner: str
    def __init__(self, store_name: _Optional[str] = ..., resource_id: _Optional[str] = ..., lock_owner: _Optional[str] = ...) -> None: ...

class UnlockResponse(_message.Message):
    __slots__ = ("status",)
    class Status(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        SUCCESS: _ClassVar[UnlockResponse.Status]
        LOCK_UNEXIST: _ClassVar[UnlockResponse.Status]
        LOCK_BELONG_TO_OTHERS: _ClassVar[UnlockResponse.Status]
        INTERNAL_ERROR: _ClassVar[UnlockResponse.Status]
    SUCCESS: UnlockResponse.Status
    LOCK_UNEXIST: UnlockResponse.Status
    LOCK_BELONG_TO_OTHERS: UnlockResponse.Status
    INTERNAL_ERROR: UnlockResponse.Status
    STATUS_FIELD_NUMBER: _ClassVar[int]
    status: UnlockResponse.Status
    def __init__(self, status: _Optional[_Union[UnlockResponse.Status, str]] = ...) -> None: ...

class LockKeepAliveRequest(_message.Message):
    __slots__ = ("store_name", "resource_id", "lock_owner", "expire")
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_ID_FIELD_NUMBER: _ClassVar[int]
    LOCK_OWNER_FIELD_NUMBER: _ClassVar[int]
    EXPIRE_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    resource_id: str
    lock_owner: str
    expire: int
    def __init__(self, store_name: _Optional[str] = ..., resource_id: _Optional[str] = ..., lock_owner: _Optional[str] = ..., expire: _Optional[int] = ...) -> None: ...

class LockKeepAliveResponse(_message.Message):
    __slots__ = ("status",)
    class Status(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        SUCCESS: _ClassVar[LockKeepAliveResponse.Status]
        LOCK_UNEXIST: _ClassVar[LockKeepAliveResponse.Status]
        LOCK_BELONG_TO_OTHERS: _ClassVar[LockKeepAliveResponse.Status]
        INTERNAL_ERROR: _ClassVar[LockKeepAliveResponse.Status]
    SUCCESS: LockKeepAliveResponse.Status
    LOCK_UNEXIST: LockKeepAliveResponse.Status
    LOCK_BELONG_TO_OTHERS: LockKeepAliveResponse.Status
    INTERNAL_ERROR: LockKeepAliveResponse.Status
    STATUS_FIELD_NUMBER: _ClassVar[int]
    status: LockKeepAliveResponse.Status
    def __init__(self, status: _Optional[_Union[LockKeepAliveResponse.Status, str]] = ...) -> None: ...

class GetNextIdRequest(_message.Message):
    __slots__ = ("store_name", "key", "options", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    key: str
    options: SequencerOptions
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, store_name: _Optional[str] = ..., key: _Optional[str] = ..., options: _Optional[_Union[SequencerOptions, _Mapping]] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class SequencerOptions(_message.Message):
    __slots__ = ("increment",)
    class AutoIncrement(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        WEAK: _ClassVar[SequencerOptions.AutoIncrement]
        STRONG: _ClassVar[SequencerOptions.AutoIncrement]
    WEAK: SequencerOptions.AutoIncrement
    STRONG: SequencerOptions.AutoIncrement
    INCREMENT_FIELD_NUMBER: _ClassVar[int]
    increment: SequencerOptions.AutoIncrement
    def __init__(self, increment: _Optional[_Union[SequencerOptions.AutoIncrement, str]] = ...) -> None: ...

class GetNextIdResponse(_message.Message):
    __slots__ = ("next_id",)
    NEXT_ID_FIELD_NUMBER: _ClassVar[int]
    next_id: int
    def __init__(self, next_id: _Optional[int] = ...) -> None: ...

class GetStateRequest(_message.Message):
    __slots__ = ("store_name", "key", "consistency", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    CONSISTENCY_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    key: str
    consistency: StateOptions.StateConsistency
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, store_name: _Optional[str] = ..., key: _Optional[str] = ..., consistency: _Optional[_Union[StateOptions.StateConsistency, str]] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class GetBulkStateRequest(_message.Message):
    __slots__ = ("store_name", "keys", "parallelism", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    KEYS_FIELD_NUMBER: _ClassVar[int]
    PARALLELISM_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    keys: _containers.RepeatedScalarFieldContainer[str]
    parallelism: int
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, store_name: _Optional[str] = ..., keys: _Optional[_Iterable[str]] = ..., parallelism: _Optional[int] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class GetBulkStateResponse(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[BulkStateItem]
    def __init__(self, items: _Optional[_Iterable[_Union[BulkStateItem, _Mapping]]] = ...) -> None: ...

class BulkStateItem(_message.Message):
    __slots__ = ("key", "data", "etag", "error", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    KEY_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    key: str
    data: bytes
    etag: str
    error: str
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, key: _Optional[str] = ..., data: _Optional[bytes] = ..., etag: _Optional[str] = ..., error: _Optional[str] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class GetStateResponse(_message.Message):
    __slots__ = ("data", "etag", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    DATA_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    data: bytes
    etag: str
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, data: _Optional[bytes] = ..., etag: _Optional[str] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class DeleteStateRequest(_message.Message):
    __slots__ = ("store_name", "key", "etag", "options", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    key: str
    etag: Etag
    options: StateOptions
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, store_name: _Optional[str] = ..., key: _Optional[str] = ..., etag: _Optional[_Union[Etag, _Mapping]] = ..., options: _Optional[_Union[StateOptions, _Mapping]] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class DeleteBulkStateRequest(_message.Message):
    __slots__ = ("store_name", "states")
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    STATES_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    states: _containers.RepeatedCompositeFieldContainer[StateItem]
    def __init__(self, store_name: _Optional[str] = ..., states: _Optional[_Iterable[_Union[StateItem, _Mapping]]] = ...) -> None: ...

class SaveStateRequest(_message.Message):
    __slots__ = ("store_name", "states")
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    STATES_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    states: _containers.RepeatedCompositeFieldContainer[StateItem]
    def __init__(self, store_name: _Optional[str] = ..., states: _Optional[_Iterable[_Union[StateItem, _Mapping]]] = ...) -> None: ...

class StateItem(_message.Message):
    __slots__ = ("key", "value", "etag", "metadata", "options")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    KEY_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    key: str
    value: bytes
    etag: Etag
    metadata: _containers.ScalarMap[str, str]
    options: StateOptions
    def __init__(self, key: _Optional[str] = ..., value: _Optional[bytes] = ..., etag: _Optional[_Union[Etag, _Mapping]] = ..., metadata: _Optional[_Mapping[str, str]] = ..., options: _Optional[_Union[StateOptions, _Mapping]] = ...) -> None: ...

class Etag(_message.Message):
    __slots__ = ("value",)
    VALUE_FIELD_NUMBER: _ClassVar[int]
    value: str
    def __init__(self, value: _Optional[str] = ...) -> None: ...

class StateOptions(_message.Message):
    __slots__ = ("concurrency", "consistency")
    class StateConcurrency(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        CONCURRENCY_UNSPECIFIED: _ClassVar[StateOptions.StateConcurrency]
        CONCURRENCY_FIRST_WRITE: _ClassVar[StateOptions.StateConcurrency]
        CONCURRENCY_LAST_WRITE: _ClassVar[StateOptions.StateConcurrency]
    CONCURRENCY_UNSPECIFIED: StateOptions.StateConcurrency
    CONCURRENCY_FIRST_WRITE: StateOptions.StateConcurrency
    CONCURRENCY_LAST_WRITE: StateOptions.StateConcurrency
    class StateConsistency(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        CONSISTENCY_UNSPECIFIED: _ClassVar[StateOptions.StateConsistency]
        CONSISTENCY_EVENTUAL: _ClassVar[StateOptions.StateConsistency]
        CONSISTENCY_STRONG: _ClassVar[StateOptions.StateConsistency]
    CONSISTENCY_UNSPECIFIED: StateOptions.StateConsistency
    CONSISTENCY_EVENTUAL: StateOptions.StateConsistency
    CONSISTENCY_STRONG: StateOptions.StateConsistency
    CONCURRENCY_FIELD_NUMBER: _ClassVar[int]
    CONSISTENCY_FIELD_NUMBER: _ClassVar[int]
    concurrency: StateOptions.StateConcurrency
    consistency: StateOptions.StateConsistency
    def __init__(self, concurrency: _Optional[_Union[StateOptions.StateConcurrency, str]] = ..., consistency: _Optional[_Union[StateOptions.StateConsistency, str]] = ...) -> None: ...

class TransactionalStateOperation(_message.Message):
    __slots__ = ("operationType", "request")
    OPERATIONTYPE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_FIELD_NUMBER: _ClassVar[int]
    operationType: str
    request: StateItem
    def __init__(self, operationType: _Optional[str] = ..., request: _Optional[_Union[StateItem, _Mapping]] = ...) -> None: ...

class ExecuteStateTransactionRequest(_message.Message):
    __slots__ = ("storeName", "operations", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    STORENAME_FIELD_NUMBER: _ClassVar[int]
    OPERATIONS_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    storeName: str
    operations: _containers.RepeatedCompositeFieldContainer[TransactionalStateOperation]
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, storeName: _Optional[str] = ..., operations: _Optional[_Iterable[_Union[TransactionalStateOperation, _Mapping]]] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class PublishEventRequest(_message.Message):
    __slots__ = ("pubsub_name", "topic", "data", "data_content_type", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    PUBSUB_NAME_FIELD_NUMBER: _ClassVar[int]
    TOPIC_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    DATA_CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    pubsub_name: str
    topic: str
    data: bytes
    data_content_type: str
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, pubsub_name: _Optional[str] = ..., topic: _Optional[str] = ..., data: _Optional[bytes] = ..., data_content_type: _Optional[str] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class SubscribeTopicEventsRequest(_message.Message):
    __slots__ = ("initial_request", "event_processed")
    INITIAL_REQUEST_FIELD_NUMBER: _ClassVar[int]
    EVENT_PROCESSED_FIELD_NUMBER: _ClassVar[int]
    initial_request: SubscribeTopicEventsRequestInitial
    event_processed: SubscribeTopicEventsRequestProcessed
    def __init__(self, initial_request: _Optional[_Union[SubscribeTopicEventsRequestInitial, _Mapping]] = ..., event_processed: _Optional[_Union[SubscribeTopicEventsRequestProcessed, _Mapping]] = ...) -> None: ...

class SubscribeTopicEventsRequestInitial(_message.Message):
    __slots__ = ("pubsub_name", "topic", "metadata", "dead_letter_topic")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    PUBSUB_NAME_FIELD_NUMBER: _ClassVar[int]
    TOPIC_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    DEAD_LETTER_TOPIC_FIELD_NUMBER: _ClassVar[int]
    pubsub_name: str
    topic: str
    metadata: _containers.ScalarMap[str, str]
    dead_letter_topic: str
    def __init__(self, pubsub_name: _Optional[str] = ..., topic: _Optional[str] = ..., metadata: _Optional[_Mapping[str, str]] = ..., dead_letter_topic: _Optional[str] = ...) -> None: ...

class SubscribeTopicEventsRequestProcessed(_message.Message):
    __slots__ = ("id", "status")
    ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    id: str
    status: _appcallback_pb2.TopicEventResponse
    def __init__(self, id: _Optional[str] = ..., status: _Optional[_Union[_appcallback_pb2.TopicEventResponse, _Mapping]] = ...) -> None: ...

class SubscribeTopicEventsResponse(_message.Message):
    __slots__ = ("initial_response", "event_message")
    INITIAL_RESPONSE_FIELD_NUMBER: _ClassVar[int]
    EVENT_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    initial_response: SubscribeTopicEventsResponseInitial
    event_message: _appcallback_pb2.TopicEventRequest
    def __init__(self, initial_response: _Optional[_Union[SubscribeTopicEventsResponseInitial, _Mapping]] = ..., event_message: _Optional[_Union[_appcallback_pb2.TopicEventRequest, _Mapping]] = ...) -> None: ...

class SubscribeTopicEventsResponseInitial(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetFileMetaRequest(_message.Message):
    __slots__ = ("request",)
    REQUEST_FIELD_NUMBER: _ClassVar[int]
    request: FileRequest
    def __init__(self, request: _Optional[_Union[FileRequest, _Mapping]] = ...) -> None: ...

class GetFileMetaResponse(_message.Message):
    __slots__ = ("size", "last_modified", "response")
    SIZE_FIELD_NUMBER: _ClassVar[int]
    LAST_MODIFIED_FIELD_NUMBER: _ClassVar[int]
    RESPONSE_FIELD_NUMBER: _ClassVar[int]
    size: int
    last_modified: str
    response: FileMeta
    def __init__(self, size: _Optional[int] = ..., last_modified: _Optional[str] = ..., response: _Optional[_Union[FileMeta, _Mapping]] = ...) -> None: ...

class FileMetaValue(_message.Message):
    __slots__ = ("value",)
    VALUE_FIELD_NUMBER: _ClassVar[int]
    value: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, value: _Optional[_Iterable[str]] = ...) -> None: ...

class FileMeta(_message.Message):
    __slots__ = ("metadata",)
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: FileMetaValue
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[FileMetaValue, _Mapping]] = ...) -> None: ...
    METADATA_FIELD_NUMBER: _ClassVar[int]
    metadata: _containers.MessageMap[str, FileMetaValue]
    def __init__(self, metadata: _Optional[_Mapping[str, FileMetaValue]] = ...) -> None: ...

class GetFileRequest(_message.Message):
    __slots__ = ("store_name", "name", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    name: str
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, store_name: _Optional[str] = ..., name: _Optional[str] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class GetFileResponse(_message.Message):
    __slots__ = ("data",)
    DATA_FIELD_NUMBER: _ClassVar[int]
    data: bytes
    def __init__(self, data: _Optional[bytes] = ...) -> None: ...

class PutFileRequest(_message.Message):
    __slots__ = ("store_name", "name", "data", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    name: str
    data: bytes
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, store_name: _Optional[str] = ..., name: _Optional[str] = ..., data: _Optional[bytes] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class FileRequest(_message.Message):
    __slots__ = ("store_name", "name", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    name: str
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, store_name: _Optional[str] = ..., name: _Optional[str] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ListFileRequest(_message.Message):
    __slots__ = ("request", "page_size", "marker")
    REQUEST_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    MARKER_FIELD_NUMBER: _ClassVar[int]
    request: FileRequest
    page_size: int
    marker: str
    def __init__(self, request: _Optional[_Union[FileRequest, _Mapping]] = ..., page_size: _Optional[int] = ..., marker: _Optional[str] = ...) -> None: ...

class FileInfo(_message.Message):
    __slots__ = ("file_name", "size", "last_modified", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    LAST_MODIFIED_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    file_name: str
    size: int
    last_modified: str
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, file_name: _Optional[str] = ..., size: _Optional[int] = ..., last_modified: _Optional[str] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ListFileResp(_message.Message):
    __slots__ = ("files", "marker", "is_truncated")
    FILES_FIELD_NUMBER: _ClassVar[int]
    MARKER_FIELD_NUMBER: _ClassVar[int]
    IS_TRUNCATED_FIELD_NUMBER: _ClassVar[int]
    files: _containers.RepeatedCompositeFieldContainer[FileInfo]
    marker: str
    is_truncated: bool
    def __init__(self, files: _Optional[_Iterable[_Union[FileInfo, _Mapping]]] = ..., marker: _Optional[str] = ..., is_truncated: _Optional[bool] = ...) -> None: ...

class DelFileRequest(_message.Message):
    __slots__ = ("request",)
    REQUEST_FIELD_NUMBER: _ClassVar[int]
    request: FileRequest
    def __init__(self, request: _Optional[_Union[FileRequest, _Mapping]] = ...) -> None: ...

class InvokeBindingRequest(_message.Message):
    __slots__ = ("name", "data", "metadata", "operation")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    NAME_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    name: str
    data: bytes
    metadata: _containers.ScalarMap[str, str]
    operation: str
    def __init__(self, name: _Optional[str] = ..., data: _Optional[bytes] = ..., metadata: _Optional[_Mapping[str, str]] = ..., operation: _Optional[str] = ...) -> None: ...

class InvokeBindingResponse(_message.Message):
    __slots__ = ("data", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    DATA_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    data: bytes
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, data: _Optional[bytes] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class GetSecretRequest(_message.Message):
    __slots__ = ("store_name", "key", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    key: str
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, store_name: _Optional[str] = ..., key: _Optional[str] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class GetSecretResponse(_message.Message):
    __slots__ = ("data",)
    class DataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    DATA_FIELD_NUMBER: _ClassVar[int]
    data: _containers.ScalarMap[str, str]
    def __init__(self, data: _Optional[_Mapping[str, str]] = ...) -> None: ...

class GetBulkSecretRequest(_message.Message):
    __slots__ = ("store_name", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, store_name: _Optional[str] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class GetBulkSecretResponse(_message.Message):
    __slots__ = ("data",)
    class DataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: SecretResponse
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[SecretResponse, _Mapping]] = ...) -> None: ...
    DATA_FIELD_NUMBER: _ClassVar[int]
    data: _containers.MessageMap[str, SecretResponse]
    def __init__(self, data: _Optional[_Mapping[str, SecretResponse]] = ...) -> None: ...

class SecretResponse(_message.Message):
    __slots__ = ("secrets",)
    class SecretsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    SECRETS_FIELD_NUMBER: _ClassVar[int]
    secrets: _containers.ScalarMap[str, str]
    def __init__(self, secrets: _Optional[_Mapping[str, str]] = ...) -> None: ...
