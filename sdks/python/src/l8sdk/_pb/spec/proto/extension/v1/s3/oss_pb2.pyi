from google.protobuf import empty_pb2 as _empty_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetObjectInput(_message.Message):
    __slots__ = ("store_name", "bucket", "key", "expected_bucket_owner", "if_match", "if_modified_since", "if_none_match", "if_unmodified_since", "part_number", "start", "end", "request_payer", "response_cache_control", "response_content_disposition", "response_content_encoding", "response_content_language", "response_content_type", "response_expires", "sse_customer_algorithm", "sse_customer_key", "sse_customer_key_md5", "version_id", "accept_encoding", "signed_url")
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    BUCKET_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_BUCKET_OWNER_FIELD_NUMBER: _ClassVar[int]
    IF_MATCH_FIELD_NUMBER: _ClassVar[int]
    IF_MODIFIED_SINCE_FIELD_NUMBER: _ClassVar[int]
    IF_NONE_MATCH_FIELD_NUMBER: _ClassVar[int]
    IF_UNMODIFIED_SINCE_FIELD_NUMBER: _ClassVar[int]
    PART_NUMBER_FIELD_NUMBER: _ClassVar[int]
    START_FIELD_NUMBER: _ClassVar[int]
    END_FIELD_NUMBER: _ClassVar[int]
    REQUEST_PAYER_FIELD_NUMBER: _ClassVar[int]
    RESPONSE_CACHE_CONTROL_FIELD_NUMBER: _ClassVar[int]
    RESPONSE_CONTENT_DISPOSITION_FIELD_NUMBER: _ClassVar[int]
    RESPONSE_CONTENT_ENCODING_FIELD_NUMBER: _ClassVar[int]
    RESPONSE_CONTENT_LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    RESPONSE_CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    RESPONSE_EXPIRES_FIELD_NUMBER: _ClassVar[int]
    SSE_CUSTOMER_ALGORITHM_FIELD_NUMBER: _ClassVar[int]
    SSE_CUSTOMER_KEY_FIELD_NUMBER: _ClassVar[int]
    SSE_CUSTOMER_KEY_MD5_FIELD_NUMBER: _ClassVar[int]
    VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    ACCEPT_ENCODING_FIELD_NUMBER: _ClassVar[int]
    SIGNED_URL_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    bucket: str
    key: str
    expected_bucket_owner: str
    if_match: str
    if_modified_since: int
    if_none_match: str
    if_unmodified_since: int
    part_number: int
    start: int
    end: int
    request_payer: str
    response_cache_control: str
    response_content_disposition: str
    response_content_encoding: str
    response_content_language: str
    response_content_type: str
    response_expires: str
    sse_customer_algorithm: str
    sse_customer_key: str
    sse_customer_key_md5: str
    version_id: str
    accept_encoding: str
    signed_url: str
    def __init__(self, store_name: _Optional[str] = ..., bucket: _Optional[str] = ..., key: _Optional[str] = ..., expected_bucket_owner: _Optional[str] = ..., if_match: _Optional[str] = ..., if_modified_since: _Optional[int] = ..., if_none_match: _Optional[str] = ..., if_unmodified_since: _Optional[int] = ..., part_number: _Optional[int] = ..., start: _Optional[int] = ..., end: _Optional[int] = ..., request_payer: _Optional[str] = ..., response_cache_control: _Optional[str] = ..., response_content_disposition: _Optional[str] = ..., response_content_encoding: _Optional[str] = ..., response_content_language: _Optional[str] = ..., response_content_type: _Optional[str] = ..., response_expires: _Optional[str] = ..., sse_customer_algorithm: _Optional[str] = ..., sse_customer_key: _Optional[str] = ..., sse_customer_key_md5: _Optional[str] = ..., version_id: _Optional[str] = ..., accept_encoding: _Optional[str] = ..., signed_url: _Optional[str] = ...) -> None: ...

class GetObjectOutput(_message.Message):
    __slots__ = ("body", "cache_control", "content_disposition", "content_encoding", "content_language", "content_length", "content_range", "content_type", "delete_marker", "etag", "expiration", "expires", "last_modified", "version_id", "tag_count", "storage_class", "parts_count", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    BODY_FIELD_NUMBER: _ClassVar[int]
    CACHE_CONTROL_FIELD_NUMBER: _ClassVar[int]
    CONTENT_DISPOSITION_FIELD_NUMBER: _ClassVar[int]
    CONTENT_ENCODING_FIELD_NUMBER: _ClassVar[int]
    CONTENT_LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_LENGTH_FIELD_NUMBER: _ClassVar[int]
    CONTENT_RANGE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    DELETE_MARKER_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    EXPIRATION_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_FIELD_NUMBER: _ClassVar[int]
    LAST_MODIFIED_FIELD_NUMBER: _ClassVar[int]
    VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    TAG_COUNT_FIELD_NUMBER: _ClassVar[int]
    STORAGE_CLASS_FIELD_NUMBER: _ClassVar[int]
    PARTS_COUNT_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    body: bytes
    cache_control: str
    content_disposition: str
    content_encoding: str
    content_language: str
    content_length: int
    content_range: str
    content_type: str
    delete_marker: bool
    etag: str
    expiration: str
    expires: str
    last_modified: int
    version_id: str
    tag_count: int
    storage_class: str
    parts_count: int
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, body: _Optional[bytes] = ..., cache_control: _Optional[str] = ..., content_disposition: _Optional[str] = ..., content_encoding: _Optional[str] = ..., content_language: _Optional[str] = ..., content_length: _Optional[int] = ..., content_range: _Optional[str] = ..., content_type: _Optional[str] = ..., delete_marker: _Optional[bool] = ..., etag: _Optional[str] = ..., expiration: _Optional[str] = ..., expires: _Optional[str] = ..., last_modified: _Optional[int] = ..., version_id: _Optional[str] = ..., tag_count: _Optional[int] = ..., storage_class: _Optional[str] = ..., parts_count: _Optional[int] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class PutObjectInput(_message.Message):
    __slots__ = ("store_name", "body", "bucket", "key", "acl", "bucket_key_enabled", "cache_control", "content_disposition", "content_encoding", "expires", "server_side_encryption", "signed_url", "meta", "tagging", "storage_class", "content_length")
    class MetaEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class TaggingEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    BUCKET_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    ACL_FIELD_NUMBER: _ClassVar[int]
    BUCKET_KEY_ENABLED_FIELD_NUMBER: _ClassVar[int]
    CACHE_CONTROL_FIELD_NUMBER: _ClassVar[int]
    CONTENT_DISPOSITION_FIELD_NUMBER: _ClassVar[int]
    CONTENT_ENCODING_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_FIELD_NUMBER: _ClassVar[int]
    SERVER_SIDE_ENCRYPTION_FIELD_NUMBER: _ClassVar[int]
    SIGNED_URL_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    TAGGING_FIELD_NUMBER: _ClassVar[int]
    STORAGE_CLASS_FIELD_NUMBER: _ClassVar[int]
    CONTENT_LENGTH_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    body: bytes
    bucket: str
    key: str
    acl: str
    bucket_key_enabled: bool
    cache_control: str
    content_disposition: str
    content_encoding: str
    expires: int
    server_side_encryption: str
    signed_url: str
    meta: _containers.ScalarMap[str, str]
    tagging: _containers.ScalarMap[str, str]
    storage_class: str
    content_length: int
    def __init__(self, store_name: _Optional[str] = ..., body: _Optional[bytes] = ..., bucket: _Optional[str] = ..., key: _Optional[str] = ..., acl: _Optional[str] = ..., bucket_key_enabled: _Optional[bool] = ..., cache_control: _Optional[str] = ..., content_disposition: _Optional[str] = ..., content_encoding: _Optional[str] = ..., expires: _Optional[int] = ..., server_side_encryption: _Optional[str] = ..., signed_url: _Optional[str] = ..., meta: _Optional[_Mapping[str, str]] = ..., tagging: _Optional[_Mapping[str, str]] = ..., storage_class: _Optional[str] = ..., content_length: _Optional[int] = ...) -> None: ...

class PutObjectOutput(_message.Message):
    __slots__ = ("bucket_key_enabled", "etag", "expiration", "request_charged", "version_id", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    BUCKET_KEY_ENABLED_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    EXPIRATION_FIELD_NUMBER: _ClassVar[int]
    REQUEST_CHARGED_FIELD_NUMBER: _ClassVar[int]
    VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    bucket_key_enabled: bool
    etag: str
    expiration: str
    request_charged: str
    version_id: str
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, bucket_key_enabled: _Optional[bool] = ..., etag: _Optional[str] = ..., expiration: _Optional[str] = ..., request_charged: _Optional[str] = ..., version_id: _Optional[str] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class DeleteObjectInput(_message.Message):
    __slots__ = ("store_name", "bucket", "key", "request_payer", "version_id")
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    BUCKET_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    REQUEST_PAYER_FIELD_NUMBER: _ClassVar[int]
    VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    bucket: str
    key: str
    request_payer: str
    version_id: str
    def __init__(self, store_name: _Optional[str] = ..., bucket: _Optional[str] = ..., key: _Optional[str] = ..., request_payer: _Optional[str] = ..., version_id: _Optional[str] = ...) -> None: ...

class DeleteObjectOutput(_message.Message):
    __slots__ = ("delete_marker", "request_charged", "version_id", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    DELETE_MARKER_FIELD_NUMBER: _ClassVar[int]
    REQUEST_CHARGED_FIELD_NUMBER: _ClassVar[int]
    VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    delete_marker: bool
    request_charged: str
    version_id: str
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, delete_marker: _Optional[bool] = ..., request_charged: _Optional[str] = ..., version_id: _Optional[str] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class PutObjectTaggingInput(_message.Message):
    __slots__ = ("store_name", "bucket", "key", "tags", "version_id")
    class TagsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    BUCKET_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    bucket: str
    key: str
    tags: _containers.ScalarMap[str, str]
    version_id: str
    def __init__(self, store_name: _Optional[str] = ..., bucket: _Optional[str] = ..., key: _Optional[str] = ..., tags: _Optional[_Mapping[str, str]] = ..., version_id: _Optional[str] = ...) -> None: ...

class PutObjectTaggingOutput(_message.Message):
    __slots__ = ("version_id", "result_metadata")
    class ResultMetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    RESULT_METADATA_FIELD_NUMBER: _ClassVar[int]
    version_id: str
    result_metadata: _containers.ScalarMap[str, str]
    def __init__(self, version_id: _Optional[str] = ..., result_metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class DeleteObjectTaggingInput(_message.Message):
    __slots__ = ("store_name", "bucket", "key", "version_id", "expected_bucket_owner")
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    BUCKET_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_BUCKET_OWNER_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    bucket: str
    key: str
    version_id: str
    expected_bucket_owner: str
    def __init__(self, store_name: _Optional[str] = ..., bucket: _Optional[str] = ..., key: _Optional[str] = ..., version_id: _Optional[str] = ..., expected_bucket_owner: _Optional[str] = ...) -> None: ...

class DeleteObjectTaggingOutput(_message.Message):
    __slots__ = ("version_id", "result_metadata")
    class ResultMetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    RESULT_METADATA_FIELD_NUMBER: _ClassVar[int]
    version_id: str
    result_metadata: _containers.ScalarMap[str, str]
    def __init__(self, version_id: _Optional[str] = ..., result_metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class GetObjectTaggingInput(_message.Message):
    __slots__ = ("store_name", "bucket", "key", "version_id", "expected_bucket_owner", "request_payer")
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    BUCKET_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_BUCKET_OWNER_FIELD_NUMBER: _ClassVar[int]
    REQUEST_PAYER_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    bucket: str
    key: str
    version_id: str
    expected_bucket_owner: str
    request_payer: str
    def __init__(self, store_name: _Optional[str] = ..., bucket: _Optional[str] = ..., key: _Optional[str] = ..., version_id: _Optional[str] = ..., expected_bucket_owner: _Optional[str] = ..., request_payer: _Optional[str] = ...) -> None: ...

class GetObjectTaggingOutput(_message.Message):
    __slots__ = ("tags", "version_id", "result_metadata")
    class TagsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class ResultMetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    TAGS_FIELD_NUMBER: _ClassVar[int]
    VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    RESULT_METADATA_FIELD_NUMBER: _ClassVar[int]
    tags: _containers.ScalarMap[str, str]
    version_id: str
    result_metadata: _containers.ScalarMap[str, str]
    def __init__(self, tags: _Optional[_Mapping[str, str]] = ..., version_id: _Optional[str] = ..., result_metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class CopySource(_message.Message):
    __slots__ = ("copy_source_bucket", "copy_source_key", "copy_source_version_id")
    COPY_SOURCE_BUCKET_FIELD_NUMBER: _ClassVar[int]
    COPY_SOURCE_KEY_FIELD_NUMBER: _ClassVar[int]
    COPY_SOURCE_VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    copy_source_bucket: str
    copy_source_key: str
    copy_source_version_id: str
    def __init__(self, copy_source_bucket: _Optional[str] = ..., copy_source_key: _Optional[str] = ..., copy_source_version_id: _Optional[str] = ...) -> None: ...

class CopyObjectInput(_message.Message):
    __slots__ = ("store_name", "bucket", "key", "copy_source", "tagging", "expires", "metadata_directive", "metadata")
    class TaggingEntry(_message.Message):
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
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    BUCKET_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    COPY_SOURCE_FIELD_NUMBER: _ClassVar[int]
    TAGGING_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_FIELD_NUMBER: _ClassVar[int]
    METADATA_DIRECTIVE_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    bucket: str
    key: str
    copy_source: CopySource
    tagging: _containers.ScalarMap[str, str]
    expires: int
    metadata_directive: str
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, store_name: _Optional[str] = ..., bucket: _Optional[str] = ..., key: _Optional[str] = ..., copy_source: _Optional[_Union[CopySource, _Mapping]] = ..., tagging: _Optional[_Mapping[str, str]] = ..., expires: _Optional[int] = ..., metadata_directive: _Optional[str] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class CopyObjectResult(_message.Message):
    __slots__ = ("etag", "last_modified")
    ETAG_FIELD_NUMBER: _ClassVar[int]
    LAST_MODIFIED_FIELD_NUMBER: _ClassVar[int]
    etag: str
    last_modified: int
    def __init__(self, etag: _Optional[str] = ..., last_modified: _Optional[int] = ...) -> None: ...

class CopyObjectOutput(_message.Message):
    __slots__ = ("copy_object_result", "version_id", "expiration", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    COPY_OBJECT_RESULT_FIELD_NUMBER: _ClassVar[int]
    VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    EXPIRATION_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    copy_object_result: CopyObjectResult
    version_id: str
    expiration: str
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, copy_object_result: _Optional[_Union[CopyObjectResult, _Mapping]] = ..., version_id: _Optional[str] = ..., expiration: _Optional[str] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class Delete(_message.Message):
    __slots__ = ("objects", "quiet")
    OBJECTS_FIELD_NUMBER: _ClassVar[int]
    QUIET_FIELD_NUMBER: _ClassVar[int]
    objects: _containers.RepeatedCompositeFieldContainer[ObjectIdentifier]
    quiet: bool
    def __init__(self, objects: _Optional[_Iterable[_Union[ObjectIdentifier, _Mapping]]] = ..., quiet: _Optional[bool] = ...) -> None: ...

class ObjectIdentifier(_message.Message):
    __slots__ = ("key", "version_id")
    KEY_FIELD_NUMBER: _ClassVar[int]
    VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    key: str
    version_id: str
    def __init__(self, key: _Optional[str] = ..., version_id: _Optional[str] = ...) -> None: ...

class DeleteObjectsInput(_message.Message):
    __slots__ = ("store_name", "bucket", "delete", "request_payer")
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    BUCKET_FIELD_NUMBER: _ClassVar[int]
    DELETE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_PAYER_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    bucket: str
    delete: Delete
    request_payer: str
    def __init__(self, store_name: _Optional[str] = ..., bucket: _Optional[str] = ..., delete: _Optional[_Union[Delete, _Mapping]] = ..., request_payer: _Optional[str] = ...) -> None: ...

class DeletedObject(_message.Message):
    __slots__ = ("delete_marker", "delete_marker_version_id", "key", "version_id")
    DELETE_MARKER_FIELD_NUMBER: _ClassVar[int]
    DELETE_MARKER_VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    delete_marker: bool
    delete_marker_version_id: str
    key: str
    version_id: str
    def __init__(self, delete_marker: _Optional[bool] = ..., delete_marker_version_id: _Optional[str] = ..., key: _Optional[str] = ..., version_id: _Optional[str] = ...) -> None: ...

class DeleteObjectsOutput(_message.Message):
    __slots__ = ("deleted", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    DELETED_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    deleted: _containers.RepeatedCompositeFieldContainer[DeletedObject]
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, deleted: _Optional[_Iterable[_Union[DeletedObject, _Mapping]]] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ListObjectsInput(_message.Message):
    __slots__ = ("store_name", "bucket", "delimiter", "encoding_type", "expected_bucket_owner", "marker", "maxKeys", "prefix", "request_payer", "fetch_owner")
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    BUCKET_FIELD_NUMBER: _ClassVar[int]
    DELIMITER_FIELD_NUMBER: _ClassVar[int]
    ENCODING_TYPE_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_BUCKET_OWNER_FIELD_NUMBER: _ClassVar[int]
    MARKER_FIELD_NUMBER: _ClassVar[int]
    MAXKEYS_FIELD_NUMBER: _ClassVar[int]
    PREFIX_FIELD_NUMBER: _ClassVar[int]
    REQUEST_PAYER_FIELD_NUMBER: _ClassVar[int]
    FETCH_OWNER_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    bucket: str
    delimiter: str
    encoding_type: str
    expected_bucket_owner: str
    marker: str
    maxKeys: int
    prefix: str
    request_payer: str
    fetch_owner: bool
    def __init__(self, store_name: _Optional[str] = ..., bucket: _Optional[str] = ..., delimiter: _Optional[str] = ..., encoding_type: _Optional[str] = ..., expected_bucket_owner: _Optional[str] = ..., marker: _Optional[str] = ..., maxKeys: _Optional[int] = ..., prefix: _Optional[str] = ..., request_payer: _Optional[str] = ..., fetch_owner: _Optional[bool] = ...) -> None: ...

class ListObjectsOutput(_message.Message):
    __slots__ = ("common_prefixes", "contents", "delimiter", "encoding_type", "is_truncated", "marker", "max_keys", "name", "next_marker", "prefix", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    COMMON_PREFIXES_FIELD_NUMBER: _ClassVar[int]
    CONTENTS_FIELD_NUMBER: _ClassVar[int]
    DELIMITER_FIELD_NUMBER: _ClassVar[int]
    ENCODING_TYPE_FIELD_NUMBER: _ClassVar[int]
    IS_TRUNCATED_FIELD_NUMBER: _ClassVar[int]
    MARKER_FIELD_NUMBER: _ClassVar[int]
    MAX_KEYS_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    NEXT_MARKER_FIELD_NUMBER: _ClassVar[int]
    PREFIX_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    common_prefixes: _containers.RepeatedScalarFieldContainer[str]
    contents: _containers.RepeatedCompositeFieldContainer[Object]
    delimiter: str
    encoding_type: str
    is_truncated: bool
    marker: str
    max_keys: int
    name: str
    next_marker: str
    prefix: str
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, common_prefixes: _Optional[_Iterable[str]] = ..., contents: _Optional[_Iterable[_Union[Object, _Mapping]]] = ..., delimiter: _Optional[str] = ..., encoding_type: _Optional[str] = ..., is_truncated: _Optional[bool] = ..., marker: _Optional[str] = ..., max_keys: _Optional[int] = ..., name: _Optional[str] = ..., next_marker: _Optional[str] = ..., prefix: _Optional[str] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class Owner(_message.Message):
    __slots__ = ("display_name", "id")
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    display_name: str
    id: str
    def __init__(self, display_name: _Optional[str] = ..., id: _Optional[str] = ...) -> None: ...

class Object(_message.Message):
    __slots__ = ("etag", "key", "last_modified", "owner", "size", "storage_class", "type")
    ETAG_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    LAST_MODIFIED_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    STORAGE_CLASS_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    etag: str
    key: str
    last_modified: int
    owner: Owner
    size: int
    storage_class: str
    type: str
    def __init__(self, etag: _Optional[str] = ..., key: _Optional[str] = ..., last_modified: _Optional[int] = ..., owner: _Optional[_Union[Owner, _Mapping]] = ..., size: _Optional[int] = ..., storage_class: _Optional[str] = ..., type: _Optional[str] = ...) -> None: ...

class GetObjectCannedAclInput(_message.Message):
    __slots__ = ("store_name", "bucket", "key", "version_id")
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    BUCKET_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    bucket: str
    key: str
    version_id: str
    def __init__(self, store_name: _Optional[str] = ..., bucket: _Optional[str] = ..., key: _Optional[str] = ..., version_id: _Optional[str] = ...) -> None: ...

class GetObjectCannedAclOutput(_message.Message):
    __slots__ = ("canned_acl", "owner", "request_charged", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    CANNED_ACL_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    REQUEST_CHARGED_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    canned_acl: str
    owner: Owner
    request_charged: str
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, canned_acl: _Optional[str] = ..., owner: _Optional[_Union[Owner, _Mapping]] = ..., request_charged: _Optional[str] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class PutObjectCannedAclInput(_message.Message):
    __slots__ = ("store_name", "bucket", "key", "acl", "version_id")
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    BUCKET_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    ACL_FIELD_NUMBER: _ClassVar[int]
    VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    bucket: str
    key: str
    acl: str
    version_id: str
    def __init__(self, store_name: _Optional[str] = ..., bucket: _Optional[str] = ..., key: _Optional[str] = ..., acl: _Optional[str] = ..., version_id: _Optional[str] = ...) -> None: ...

class PutObjectCannedAclOutput(_message.Message):
    __slots__ = ("request_charged", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    REQUEST_CHARGED_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    request_charged: str
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, request_charged: _Optional[str] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class GlacierJobParameters(_message.Message):
    __slots__ = ("tier",)
    TIER_FIELD_NUMBER: _ClassVar[int]
    tier: str
    def __init__(self, tier: _Optional[str] = ...) -> None: ...

class OutputLocation(_message.Message):
    __slots__ = ("bucket_name", "prefix")
    BUCKET_NAME_FIELD_NUMBER: _ClassVar[int]
    PREFIX_FIELD_NUMBER: _ClassVar[int]
    bucket_name: str
    prefix: str
    def __init__(self, bucket_name: _Optional[str] = ..., prefix: _Optional[str] = ...) -> None: ...

class CSVInput(_message.Message):
    __slots__ = ("allow_quoted_record_delimiter", "comments", "field_delimiter", "file_header_info", "quote_character", "quote_escape_character", "record_delimiter")
    ALLOW_QUOTED_RECORD_DELIMITER_FIELD_NUMBER: _ClassVar[int]
    COMMENTS_FIELD_NUMBER: _ClassVar[int]
    FIELD_DELIMITER_FIELD_NUMBER: _ClassVar[int]
    FILE_HEADER_INFO_FIELD_NUMBER: _ClassVar[int]
    QUOTE_CHARACTER_FIELD_NUMBER: _ClassVar[int]
    QUOTE_ESCAPE_CHARACTER_FIELD_NUMBER: _ClassVar[int]
    RECORD_DELIMITER_FIELD_NUMBER: _ClassVar[int]
    allow_quoted_record_delimiter: bool
    comments: str
    field_delimiter: str
    file_header_info: str
    quote_character: str
    quote_escape_character: str
    record_delimiter: str
    def __init__(self, allow_quoted_record_delimiter: _Optional[bool] = ..., comments: _Optional[str] = ..., field_delimiter: _Optional[str] = ..., file_header_info: _Optional[str] = ..., quote_character: _Optional[str] = ..., quote_escape_character: _Optional[str] = ..., record_delimiter: _Optional[str] = ...) -> None: ...

class InputSerialization(_message.Message):
    __slots__ = ("csv", "compression_type", "json")
    CSV_FIELD_NUMBER: _ClassVar[int]
    COMPRESSION_TYPE_FIELD_NUMBER: _ClassVar[int]
    JSON_FIELD_NUMBER: _ClassVar[int]
    csv: CSVInput
    compression_type: str
    json: str
    def __init__(self, csv: _Optional[_Union[CSVInput, _Mapping]] = ..., compression_type: _Optional[str] = ..., json: _Optional[str] = ...) -> None: ...

class CSVOutput(_message.Message):
    __slots__ = ("field_delimiter", "quote_character", "quote_escape_character", "quote_fields", "record_delimiter")
    FIELD_DELIMITER_FIELD_NUMBER: _ClassVar[int]
    QUOTE_CHARACTER_FIELD_NUMBER: _ClassVar[int]
    QUOTE_ESCAPE_CHARACTER_FIELD_NUMBER: _ClassVar[int]
    QUOTE_FIELDS_FIELD_NUMBER: _ClassVar[int]
    RECORD_DELIMITER_FIELD_NUMBER: _ClassVar[int]
    field_delimiter: str
    quote_character: str
    quote_escape_character: str
    quote_fields: str
    record_delimiter: str
    def __init__(self, field_delimiter: _Optional[str] = ..., quote_character: _Optional[str] = ..., quote_escape_character: _Optional[str] = ..., quote_fields: _Optional[str] = ..., record_delimiter: _Optional[str] = ...) -> None: ...

class OutputSerialization(_message.Message):
    __slots__ = ("csv", "json")
    CSV_FIELD_NUMBER: _ClassVar[int]
    JSON_FIELD_NUMBER: _ClassVar[int]
    csv: CSVOutput
    json: str
    def __init__(self, csv: _Optional[_Union[CSVOutput, _Mapping]] = ..., json: _Optional[str] = ...) -> None: ...

class SelectParameters(_message.Message):
    __slots__ = ("expression", "expression_type", "input_serialization", "output_serialization")
    EXPRESSION_FIELD_NUMBER: _ClassVar[int]
    EXPRESSION_TYPE_FIELD_NUMBER: _ClassVar[int]
    INPUT_SERIALIZATION_FIELD_NUMBER: _ClassVar[int]
    OUTPUT_SERIALIZATION_FIELD_NUMBER: _ClassVar[int]
    expression: str
    expression_type: str
    input_serialization: InputSerialization
    output_serialization: OutputSerialization
    def __init__(self, expression: _Optional[str] = ..., expression_type: _Optional[str] = ..., input_serialization: _Optional[_Union[InputSerialization, _Mapping]] = ..., output_serialization: _Optional[_Union[OutputSerialization, _Mapping]] = ...) -> None: ...

class RestoreRequest(_message.Message):
    __slots__ = ("days", "description", "glacier_job_parameters", "output_location", "select_parameters", "tier", "type")
    DAYS_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    GLACIER_JOB_PARAMETERS_FIELD_NUMBER: _ClassVar[int]
    OUTPUT_LOCATION_FIELD_NUMBER: _ClassVar[int]
    SELECT_PARAMETERS_FIELD_NUMBER: _ClassVar[int]
    TIER_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    days: int
    description: str
    glacier_job_parameters: GlacierJobParameters
    output_location: OutputLocation
    select_parameters: SelectParameters
    tier: str
    type: str
    def __init__(self, days: _Optional[int] = ..., description: _Optional[str] = ..., glacier_job_parameters: _Optional[_Union[GlacierJobParameters, _Mapping]] = ..., output_location: _Optional[_Union[OutputLocation, _Mapping]] = ..., select_parameters: _Optional[_Union[SelectParameters, _Mapping]] = ..., tier: _Optional[str] = ..., type: _Optional[str] = ...) -> None: ...

class RestoreObjectInput(_message.Message):
    __slots__ = ("store_name", "bucket", "key", "restore_request", "version_id")
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    BUCKET_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    RESTORE_REQUEST_FIELD_NUMBER: _ClassVar[int]
    VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    bucket: str
    key: str
    restore_request: RestoreRequest
    version_id: str
    def __init__(self, store_name: _Optional[str] = ..., bucket: _Optional[str] = ..., key: _Optional[str] = ..., restore_request: _Optional[_Union[RestoreRequest, _Mapping]] = ..., version_id: _Optional[str] = ...) -> None: ...

class RestoreObjectOutput(_message.Message):
    __slots__ = ("request_charged", "restore_output_path", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    REQUEST_CHARGED_FIELD_NUMBER: _ClassVar[int]
    RESTORE_OUTPUT_PATH_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    request_charged: str
    restore_output_path: str
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, request_charged: _Optional[str] = ..., restore_output_path: _Optional[str] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class CreateMultipartUploadInput(_message.Message):
    __slots__ = ("store_name", "bucket", "key", "acl", "bucket_key_enabled", "cache_control", "content_disposition", "content_encoding", "content_language", "content_type", "expected_bucket_owner", "expires", "grant_full_control", "grant_read", "grant_read_acp", "grant_write_acp", "meta_data", "object_lock_legal_hold_status", "object_lock_mode", "object_lock_retain_until_date", "request_payer", "sse_customer_algorithm", "sse_customer_key", "sse_customer_key_md5", "sse_kms_encryption_context", "sse_kms_key_id", "server_side_encryption", "storage_class", "tagging", "website_redirect_location")
    class MetaDataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class TaggingEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    BUCKET_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    ACL_FIELD_NUMBER: _ClassVar[int]
    BUCKET_KEY_ENABLED_FIELD_NUMBER: _ClassVar[int]
    CACHE_CONTROL_FIELD_NUMBER: _ClassVar[int]
    CONTENT_DISPOSITION_FIELD_NUMBER: _ClassVar[int]
    CONTENT_ENCODING_FIELD_NUMBER: _ClassVar[int]
    CONTENT_LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_BUCKET_OWNER_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_FIELD_NUMBER: _ClassVar[int]
    GRANT_FULL_CONTROL_FIELD_NUMBER: _ClassVar[int]
    GRANT_READ_FIELD_NUMBER: _ClassVar[int]
    GRANT_READ_ACP_FIELD_NUMBER: _ClassVar[int]
    GRANT_WRITE_ACP_FIELD_NUMBER: _ClassVar[int]
    META_DATA_FIELD_NUMBER: _ClassVar[int]
    OBJECT_LOCK_LEGAL_HOLD_STATUS_FIELD_NUMBER: _ClassVar[int]
    OBJECT_LOCK_MODE_FIELD_NUMBER: _ClassVar[int]
    OBJECT_LOCK_RETAIN_UNTIL_DATE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_PAYER_FIELD_NUMBER: _ClassVar[int]
    SSE_CUSTOMER_ALGORITHM_FIELD_NUMBER: _ClassVar[int]
    SSE_CUSTOMER_KEY_FIELD_NUMBER: _ClassVar[int]
    SSE_CUSTOMER_KEY_MD5_FIELD_NUMBER: _ClassVar[int]
    SSE_KMS_ENCRYPTION_CONTEXT_FIELD_NUMBER: _ClassVar[int]
    SSE_KMS_KEY_ID_FIELD_NUMBER: _ClassVar[int]
    SERVER_SIDE_ENCRYPTION_FIELD_NUMBER: _ClassVar[int]
    STORAGE_CLASS_FIELD_NUMBER: _ClassVar[int]
    TAGGING_FIELD_NUMBER: _ClassVar[int]
    WEBSITE_REDIRECT_LOCATION_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    bucket: str
    key: str
    acl: str
    bucket_key_enabled: bool
    cache_control: str
    content_disposition: str
    content_encoding: str
    content_language: str
    content_type: str
    expected_bucket_owner: str
    expires: int
    grant_full_control: str
    grant_read: str
    grant_read_acp: str
    grant_write_acp: str
    meta_data: _containers.ScalarMap[str, str]
    object_lock_legal_hold_status: str
    object_lock_mode: str
    object_lock_retain_until_date: int
    request_payer: str
    sse_customer_algorithm: str
    sse_customer_key: str
    sse_customer_key_md5: str
    sse_kms_encryption_context: str
    sse_kms_key_id: str
    server_side_encryption: str
    storage_class: str
    tagging: _containers.ScalarMap[str, str]
    website_redirect_location: str
    def __init__(self, store_name: _Optional[str] = ..., bucket: _Optional[str] = ..., key: _Optional[str] = ..., acl: _Optional[str] = ..., bucket_key_enabled: _Optional[bool] = ..., cache_control: _Optional[str] = ..., content_disposition: _Optional[str] = ..., content_encoding: _Optional[str] = ..., content_language: _Optional[str] = ..., content_type: _Optional[str] = ..., expected_bucket_owner: _Optional[str] = ..., expires: _Optional[int] = ..., grant_full_control: _Optional[str] = ..., grant_read: _Optional[str] = ..., grant_read_acp: _Optional[str] = ..., grant_write_acp: _Optional[str] = ..., meta_data: _Optional[_Mapping[str, str]] = ..., object_lock_legal_hold_status: _Optional[str] = ..., object_lock_mode: _Optional[str] = ..., object_lock_retain_until_date: _Optional[int] = ..., request_payer: _Optional[str] = ..., sse_customer_algorithm: _Optional[str] = ..., sse_customer_key: _Optional[str] = ..., sse_customer_key_md5: _Optional[str] = ..., sse_kms_encryption_context: _Optional[str] = ..., sse_kms_key_id: _Optional[str] = ..., server_side_encryption: _Optional[str] = ..., storage_class: _Optional[str] = ..., tagging: _Optional[_Mapping[str, str]] = ..., website_redirect_location: _Optional[str] = ...) -> None: ...

class CreateMultipartUploadOutput(_message.Message):
    __slots__ = ("bucket", "key", "abort_date", "abort_rule_id", "bucket_key_enabled", "request_charged", "sse_customer_algorithm", "sse_customer_key_md5", "sse_kms_encryption_context", "sse_kms_key_id", "server_side_encryption", "upload_id", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    BUCKET_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    ABORT_DATE_FIELD_NUMBER: _ClassVar[int]
    ABORT_RULE_ID_FIELD_NUMBER: _ClassVar[int]
    BUCKET_KEY_ENABLED_FIELD_NUMBER: _ClassVar[int]
    REQUEST_CHARGED_FIELD_NUMBER: _ClassVar[int]
    SSE_CUSTOMER_ALGORITHM_FIELD_NUMBER: _ClassVar[int]
    SSE_CUSTOMER_KEY_MD5_FIELD_NUMBER: _ClassVar[int]
    SSE_KMS_ENCRYPTION_CONTEXT_FIELD_NUMBER: _ClassVar[int]
    SSE_KMS_KEY_ID_FIELD_NUMBER: _ClassVar[int]
    SERVER_SIDE_ENCRYPTION_FIELD_NUMBER: _ClassVar[int]
    UPLOAD_ID_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    bucket: str
    key: str
    abort_date: int
    abort_rule_id: str
    bucket_key_enabled: bool
    request_charged: str
    sse_customer_algorithm: str
    sse_customer_key_md5: str
    sse_kms_encryption_context: str
    sse_kms_key_id: str
    server_side_encryption: str
    upload_id: str
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, bucket: _Optional[str] = ..., key: _Optional[str] = ..., abort_date: _Optional[int] = ..., abort_rule_id: _Optional[str] = ..., bucket_key_enabled: _Optional[bool] = ..., request_charged: _Optional[str] = ..., sse_customer_algorithm: _Optional[str] = ..., sse_customer_key_md5: _Optional[str] = ..., sse_kms_encryption_context: _Optional[str] = ..., sse_kms_key_id: _Optional[str] = ..., server_side_encryption: _Optional[str] = ..., upload_id: _Optional[str] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class UploadPartInput(_message.Message):
    __slots__ = ("store_name", "bucket", "key", "body", "content_length", "content_md5", "expected_bucket_owner", "part_number", "request_payer", "sse_customer_algorithm", "sse_customer_key", "sse_customer_key_md5", "upload_id")
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    BUCKET_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    CONTENT_LENGTH_FIELD_NUMBER: _ClassVar[int]
    CONTENT_MD5_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_BUCKET_OWNER_FIELD_NUMBER: _ClassVar[int]
    PART_NUMBER_FIELD_NUMBER: _ClassVar[int]
    REQUEST_PAYER_FIELD_NUMBER: _ClassVar[int]
    SSE_CUSTOMER_ALGORITHM_FIELD_NUMBER: _ClassVar[int]
    SSE_CUSTOMER_KEY_FIELD_NUMBER: _ClassVar[int]
    SSE_CUSTOMER_KEY_MD5_FIELD_NUMBER: _ClassVar[int]
    UPLOAD_ID_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    bucket: str
    key: str
    body: bytes
    content_length: int
    content_md5: str
    expected_bucket_owner: str
    part_number: int
    request_payer: str
    sse_customer_algorithm: str
    sse_customer_key: str
    sse_customer_key_md5: str
    upload_id: str
    def __init__(self, store_name: _Optional[str] = ..., bucket: _Optional[str] = ..., key: _Optional[str] = ..., body: _Optional[bytes] = ..., content_length: _Optional[int] = ..., content_md5: _Optional[str] = ..., expected_bucket_owner: _Optional[str] = ..., part_number: _Optional[int] = ..., request_payer: _Optional[str] = ..., sse_customer_algorithm: _Optional[str] = ..., sse_customer_key: _Optional[str] = ..., sse_customer_key_md5: _Optional[str] = ..., upload_id: _Optional[str] = ...) -> None: ...

class UploadPartOutput(_message.Message):
    __slots__ = ("bucket_key_enabled", "etag", "request_charged", "sse_customer_algorithm", "sse_customer_key_md5", "sse_kms_key_id", "server_side_encryption", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    BUCKET_KEY_ENABLED_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    REQUEST_CHARGED_FIELD_NUMBER: _ClassVar[int]
    SSE_CUSTOMER_ALGORITHM_FIELD_NUMBER: _ClassVar[int]
    SSE_CUSTOMER_KEY_MD5_FIELD_NUMBER: _ClassVar[int]
    SSE_KMS_KEY_ID_FIELD_NUMBER: _ClassVar[int]
    SERVER_SIDE_ENCRYPTION_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    bucket_key_enabled: bool
    etag: str
    request_charged: str
    sse_customer_algorithm: str
    sse_customer_key_md5: str
    sse_kms_key_id: str
    server_side_encryption: str
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, bucket_key_enabled: _Optional[bool] = ..., etag: _Optional[str] = ..., request_charged: _Optional[str] = ..., sse_customer_algorithm: _Optional[str] = ..., sse_customer_key_md5: _Optional[str] = ..., sse_kms_key_id: _Optional[str] = ..., server_side_encryption: _Optional[str] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class UploadPartCopyInput(_message.Message):
    __slots__ = ("store_name", "bucket", "key", "copy_source", "part_number", "upload_id", "start_position", "part_size")
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    BUCKET_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    COPY_SOURCE_FIELD_NUMBER: _ClassVar[int]
    PART_NUMBER_FIELD_NUMBER: _ClassVar[int]
    UPLOAD_ID_FIELD_NUMBER: _ClassVar[int]
    START_POSITION_FIELD_NUMBER: _ClassVar[int]
    PART_SIZE_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    bucket: str
    key: str
    copy_source: CopySource
    part_number: int
    upload_id: str
    start_position: int
    part_size: int
    def __init__(self, store_name: _Optional[str] = ..., bucket: _Optional[str] = ..., key: _Optional[str] = ..., copy_source: _Optional[_Union[CopySource, _Mapping]] = ..., part_number: _Optional[int] = ..., upload_id: _Optional[str] = ..., start_position: _Optional[int] = ..., part_size: _Optional[int] = ...) -> None: ...

class CopyPartResult(_message.Message):
    __slots__ = ("etag", "last_modified")
    ETAG_FIELD_NUMBER: _ClassVar[int]
    LAST_MODIFIED_FIELD_NUMBER: _ClassVar[int]
    etag: str
    last_modified: int
    def __init__(self, etag: _Optional[str] = ..., last_modified: _Optional[int] = ...) -> None: ...

class UploadPartCopyOutput(_message.Message):
    __slots__ = ("bucket_key_enabled", "copy_part_result", "copy_source_version_id", "request_charged", "sse_customer_algorithm", "sse_customer_key_md5", "sse_kms_key_id", "server_side_encryption", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    BUCKET_KEY_ENABLED_FIELD_NUMBER: _ClassVar[int]
    COPY_PART_RESULT_FIELD_NUMBER: _ClassVar[int]
    COPY_SOURCE_VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    REQUEST_CHARGED_FIELD_NUMBER: _ClassVar[int]
    SSE_CUSTOMER_ALGORITHM_FIELD_NUMBER: _ClassVar[int]
    SSE_CUSTOMER_KEY_MD5_FIELD_NUMBER: _ClassVar[int]
    SSE_KMS_KEY_ID_FIELD_NUMBER: _ClassVar[int]
    SERVER_SIDE_ENCRYPTION_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    bucket_key_enabled: bool
    copy_part_result: CopyPartResult
    copy_source_version_id: str
    request_charged: str
    sse_customer_algorithm: str
    sse_customer_key_md5: str
    sse_kms_key_id: str
    server_side_encryption: str
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, bucket_key_enabled: _Optional[bool] = ..., copy_part_result: _Optional[_Union[CopyPartResult, _Mapping]] = ..., copy_source_version_id: _Optional[str] = ..., request_charged: _Optional[str] = ..., sse_customer_algorithm: _Optional[str] = ..., sse_customer_key_md5: _Optional[str] = ..., sse_kms_key_id: _Optional[str] = ..., server_side_encryption: _Optional[str] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class CompletedPart(_message.Message):
    __slots__ = ("etag", "part_number")
    ETAG_FIELD_NUMBER: _ClassVar[int]
    PART_NUMBER_FIELD_NUMBER: _ClassVar[int]
    etag: str
    part_number: int
    def __init__(self, etag: _Optional[str] = ..., part_number: _Optional[int] = ...) -> None: ...

class CompletedMultipartUpload(_message.Message):
    __slots__ = ("parts",)
    PARTS_FIELD_NUMBER: _ClassVar[int]
    parts: _containers.RepeatedCompositeFieldContainer[CompletedPart]
    def __init__(self, parts: _Optional[_Iterable[_Union[CompletedPart, _Mapping]]] = ...) -> None: ...

class CompleteMultipartUploadInput(_message.Message):
    __slots__ = ("store_name", "bucket", "key", "upload_id", "request_payer", "expected_bucket_owner", "multipart_upload")
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    BUCKET_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    UPLOAD_ID_FIELD_NUMBER: _ClassVar[int]
    REQUEST_PAYER_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_BUCKET_OWNER_FIELD_NUMBER: _ClassVar[int]
    MULTIPART_UPLOAD_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    bucket: str
    key: str
    upload_id: str
    request_payer: str
    expected_bucket_owner: str
    multipart_upload: CompletedMultipartUpload
    def __init__(self, store_name: _Optional[str] = ..., bucket: _Optional[str] = ..., key: _Optional[str] = ..., upload_id: _Optional[str] = ..., request_payer: _Optional[str] = ..., expected_bucket_owner: _Optional[str] = ..., multipart_upload: _Optional[_Union[CompletedMultipartUpload, _Mapping]] = ...) -> None: ...

class CompleteMultipartUploadOutput(_message.Message):
    __slots__ = ("bucket", "key", "bucket_key_enabled", "etag", "expiration", "location", "request_charged", "sse_kms_keyId", "server_side_encryption", "version_id", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    BUCKET_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    BUCKET_KEY_ENABLED_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    EXPIRATION_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    REQUEST_CHARGED_FIELD_NUMBER: _ClassVar[int]
    SSE_KMS_KEYID_FIELD_NUMBER: _ClassVar[int]
    SERVER_SIDE_ENCRYPTION_FIELD_NUMBER: _ClassVar[int]
    VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    bucket: str
    key: str
    bucket_key_enabled: bool
    etag: str
    expiration: str
    location: str
    request_charged: str
    sse_kms_keyId: str
    server_side_encryption: str
    version_id: str
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, bucket: _Optional[str] = ..., key: _Optional[str] = ..., bucket_key_enabled: _Optional[bool] = ..., etag: _Optional[str] = ..., expiration: _Optional[str] = ..., location: _Optional[str] = ..., request_charged: _Optional[str] = ..., sse_kms_keyId: _Optional[str] = ..., server_side_encryption: _Optional[str] = ..., version_id: _Optional[str] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class AbortMultipartUploadInput(_message.Message):
    __slots__ = ("store_name", "bucket", "key", "expected_bucket_owner", "request_payer", "upload_id")
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    BUCKET_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_BUCKET_OWNER_FIELD_NUMBER: _ClassVar[int]
    REQUEST_PAYER_FIELD_NUMBER: _ClassVar[int]
    UPLOAD_ID_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    bucket: str
    key: str
    expected_bucket_owner: str
    request_payer: str
    upload_id: str
    def __init__(self, store_name: _Optional[str] = ..., bucket: _Optional[str] = ..., key: _Optional[str] = ..., expected_bucket_owner: _Optional[str] = ..., request_payer: _Optional[str] = ..., upload_id: _Optional[str] = ...) -> None: ...

class AbortMultipartUploadOutput(_message.Message):
    __slots__ = ("request_charged", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    REQUEST_CHARGED_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    request_charged: str
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, request_charged: _Optional[str] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ListMultipartUploadsInput(_message.Message):
    __slots__ = ("store_name", "bucket", "delimiter", "encoding_type", "expected_bucket_owner", "key_marker", "max_uploads", "prefix", "upload_id_marker")
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    BUCKET_FIELD_NUMBER: _ClassVar[int]
    DELIMITER_FIELD_NUMBER: _ClassVar[int]
    ENCODING_TYPE_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_BUCKET_OWNER_FIELD_NUMBER: _ClassVar[int]
    KEY_MARKER_FIELD_NUMBER: _ClassVar[int]
    MAX_UPLOADS_FIELD_NUMBER: _ClassVar[int]
    PREFIX_FIELD_NUMBER: _ClassVar[int]
    UPLOAD_ID_MARKER_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    bucket: str
    delimiter: str
    encoding_type: str
    expected_bucket_owner: str
    key_marker: str
    max_uploads: int
    prefix: str
    upload_id_marker: str
    def __init__(self, store_name: _Optional[str] = ..., bucket: _Optional[str] = ..., delimiter: _Optional[str] = ..., encoding_type: _Optional[str] = ..., expected_bucket_owner: _Optional[str] = ..., key_marker: _Optional[str] = ..., max_uploads: _Optional[int] = ..., prefix: _Optional[str] = ..., upload_id_marker: _Optional[str] = ...) -> None: ...

class Initiator(_message.Message):
    __slots__ = ("display_name", "id")
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    display_name: str
    id: str
    def __init__(self, display_name: _Optional[str] = ..., id: _Optional[str] = ...) -> None: ...

class MultipartUpload(_message.Message):
    __slots__ = ("initiated", "initiator", "key", "owner", "storage_class", "upload_id")
    INITIATED_FIELD_NUMBER: _ClassVar[int]
    INITIATOR_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    STORAGE_CLASS_FIELD_NUMBER: _ClassVar[int]
    UPLOAD_ID_FIELD_NUMBER: _ClassVar[int]
    initiated: int
    initiator: Initiator
    key: str
    owner: Owner
    storage_class: str
    upload_id: str
    def __init__(self, initiated: _Optional[int] = ..., initiator: _Optional[_Union[Initiator, _Mapping]] = ..., key: _Optional[str] = ..., owner: _Optional[_Union[Owner, _Mapping]] = ..., storage_class: _Optional[str] = ..., upload_id: _Optional[str] = ...) -> None: ...

class ListMultipartUploadsOutput(_message.Message):
    __slots__ = ("bucket", "common_prefixes", "delimiter", "encoding_type", "is_truncated", "key_marker", "max_uploads", "next_key_marker", "next_upload_id_marker", "prefix", "upload_id_marker", "uploads", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    BUCKET_FIELD_NUMBER: _ClassVar[int]
    COMMON_PREFIXES_FIELD_NUMBER: _ClassVar[int]
    DELIMITER_FIELD_NUMBER: _ClassVar[int]
    ENCODING_TYPE_FIELD_NUMBER: _ClassVar[int]
    IS_TRUNCATED_FIELD_NUMBER: _ClassVar[int]
    KEY_MARKER_FIELD_NUMBER: _ClassVar[int]
    MAX_UPLOADS_FIELD_NUMBER: _ClassVar[int]
    NEXT_KEY_MARKER_FIELD_NUMBER: _ClassVar[int]
    NEXT_UPLOAD_ID_MARKER_FIELD_NUMBER: _ClassVar[int]
    PREFIX_FIELD_NUMBER: _ClassVar[int]
    UPLOAD_ID_MARKER_FIELD_NUMBER: _ClassVar[int]
    UPLOADS_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    bucket: str
    common_prefixes: _containers.RepeatedScalarFieldContainer[str]
    delimiter: str
    encoding_type: str
    is_truncated: bool
    key_marker: str
    max_uploads: int
    next_key_marker: str
    next_upload_id_marker: str
    prefix: str
    upload_id_marker: str
    uploads: _containers.RepeatedCompositeFieldContainer[MultipartUpload]
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, bucket: _Optional[str] = ..., common_prefixes: _Optional[_Iterable[str]] = ..., delimiter: _Optional[str] = ..., encoding_type: _Optional[str] = ..., is_truncated: _Optional[bool] = ..., key_marker: _Optional[str] = ..., max_uploads: _Optional[int] = ..., next_key_marker: _Optional[str] = ..., next_upload_id_marker: _Optional[str] = ..., prefix: _Optional[str] = ..., upload_id_marker: _Optional[str] = ..., uploads: _Optional[_Iterable[_Union[MultipartUpload, _Mapping]]] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ListObjectVersionsInput(_message.Message):
    __slots__ = ("store_name", "bucket", "delimiter", "encoding_type", "expected_bucket_owner", "key_marker", "max_keys", "prefix", "version_id_marker")
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    BUCKET_FIELD_NUMBER: _ClassVar[int]
    DELIMITER_FIELD_NUMBER: _ClassVar[int]
    ENCODING_TYPE_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_BUCKET_OWNER_FIELD_NUMBER: _ClassVar[int]
    KEY_MARKER_FIELD_NUMBER: _ClassVar[int]
    MAX_KEYS_FIELD_NUMBER: _ClassVar[int]
    PREFIX_FIELD_NUMBER: _ClassVar[int]
    VERSION_ID_MARKER_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    bucket: str
    delimiter: str
    encoding_type: str
    expected_bucket_owner: str
    key_marker: str
    max_keys: int
    prefix: str
    version_id_marker: str
    def __init__(self, store_name: _Optional[str] = ..., bucket: _Optional[str] = ..., delimiter: _Optional[str] = ..., encoding_type: _Optional[str] = ..., expected_bucket_owner: _Optional[str] = ..., key_marker: _Optional[str] = ..., max_keys: _Optional[int] = ..., prefix: _Optional[str] = ..., version_id_marker: _Optional[str] = ...) -> None: ...

class DeleteMarkerEntry(_message.Message):
    __slots__ = ("is_latest", "key", "last_modified", "owner", "version_id")
    IS_LATEST_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    LAST_MODIFIED_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    is_latest: bool
    key: str
    last_modified: int
    owner: Owner
    version_id: str
    def __init__(self, is_latest: _Optional[bool] = ..., key: _Optional[str] = ..., last_modified: _Optional[int] = ..., owner: _Optional[_Union[Owner, _Mapping]] = ..., version_id: _Optional[str] = ...) -> None: ...

class ObjectVersion(_message.Message):
    __slots__ = ("etag", "is_latest", "key", "last_modified", "owner", "size", "storage_class", "version_id")
    ETAG_FIELD_NUMBER: _ClassVar[int]
    IS_LATEST_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    LAST_MODIFIED_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    STORAGE_CLASS_FIELD_NUMBER: _ClassVar[int]
    VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    etag: str
    is_latest: bool
    key: str
    last_modified: int
    owner: Owner
    size: int
    storage_class: str
    version_id: str
    def __init__(self, etag: _Optional[str] = ..., is_latest: _Optional[bool] = ..., key: _Optional[str] = ..., last_modified: _Optional[int] = ..., owner: _Optional[_Union[Owner, _Mapping]] = ..., size: _Optional[int] = ..., storage_class: _Optional[str] = ..., version_id: _Optional[str] = ...) -> None: ...

class ListObjectVersionsOutput(_message.Message):
    __slots__ = ("common_prefixes", "delete_markers", "delimiter", "encoding_type", "is_truncated", "key_marker", "max_keys", "name", "next_key_marker", "next_version_id_marker", "prefix", "version_id_marker", "versions", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    COMMON_PREFIXES_FIELD_NUMBER: _ClassVar[int]
    DELETE_MARKERS_FIELD_NUMBER: _ClassVar[int]
    DELIMITER_FIELD_NUMBER: _ClassVar[int]
    ENCODING_TYPE_FIELD_NUMBER: _ClassVar[int]
    IS_TRUNCATED_FIELD_NUMBER: _ClassVar[int]
    KEY_MARKER_FIELD_NUMBER: _ClassVar[int]
    MAX_KEYS_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    NEXT_KEY_MARKER_FIELD_NUMBER: _ClassVar[int]
    NEXT_VERSION_ID_MARKER_FIELD_NUMBER: _ClassVar[int]
    PREFIX_FIELD_NUMBER: _ClassVar[int]
    VERSION_ID_MARKER_FIELD_NUMBER: _ClassVar[int]
    VERSIONS_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    common_prefixes: _containers.RepeatedScalarFieldContainer[str]
    delete_markers: _containers.RepeatedCompositeFieldContainer[DeleteMarkerEntry]
    delimiter: str
    encoding_type: str
    is_truncated: bool
    key_marker: str
    max_keys: int
    name: str
    next_key_marker: str
    next_version_id_marker: str
    prefix: str
    version_id_marker: str
    versions: _containers.RepeatedCompositeFieldContainer[ObjectVersion]
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, common_prefixes: _Optional[_Iterable[str]] = ..., delete_markers: _Optional[_Iterable[_Union[DeleteMarkerEntry, _Mapping]]] = ..., delimiter: _Optional[str] = ..., encoding_type: _Optional[str] = ..., is_truncated: _Optional[bool] = ..., key_marker: _Optional[str] = ..., max_keys: _Optional[int] = ..., name: _Optional[str] = ..., next_key_marker: _Optional[str] = ..., next_version_id_marker: _Optional[str] = ..., prefix: _Optional[str] = ..., version_id_marker: _Optional[str] = ..., versions: _Optional[_Iterable[_Union[ObjectVersion, _Mapping]]] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class HeadObjectInput(_message.Message):
    __slots__ = ("store_name", "bucket", "key", "checksum_mode", "expected_bucket_owner", "if_match", "if_modified_since", "if_none_match", "if_unmodified_since", "part_number", "request_payer", "sse_customer_algorithm", "sse_customer_key", "sse_customer_key_md5", "version_id", "with_details")
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    BUCKET_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    CHECKSUM_MODE_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_BUCKET_OWNER_FIELD_NUMBER: _ClassVar[int]
    IF_MATCH_FIELD_NUMBER: _ClassVar[int]
    IF_MODIFIED_SINCE_FIELD_NUMBER: _ClassVar[int]
    IF_NONE_MATCH_FIELD_NUMBER: _ClassVar[int]
    IF_UNMODIFIED_SINCE_FIELD_NUMBER: _ClassVar[int]
    PART_NUMBER_FIELD_NUMBER: _ClassVar[int]
    REQUEST_PAYER_FIELD_NUMBER: _ClassVar[int]
    SSE_CUSTOMER_ALGORITHM_FIELD_NUMBER: _ClassVar[int]
    SSE_CUSTOMER_KEY_FIELD_NUMBER: _ClassVar[int]
    SSE_CUSTOMER_KEY_MD5_FIELD_NUMBER: _ClassVar[int]
    VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    WITH_DETAILS_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    bucket: str
    key: str
    checksum_mode: str
    expected_bucket_owner: str
    if_match: str
    if_modified_since: int
    if_none_match: str
    if_unmodified_since: int
    part_number: int
    request_payer: str
    sse_customer_algorithm: str
    sse_customer_key: str
    sse_customer_key_md5: str
    version_id: str
    with_details: bool
    def __init__(self, store_name: _Optional[str] = ..., bucket: _Optional[str] = ..., key: _Optional[str] = ..., checksum_mode: _Optional[str] = ..., expected_bucket_owner: _Optional[str] = ..., if_match: _Optional[str] = ..., if_modified_since: _Optional[int] = ..., if_none_match: _Optional[str] = ..., if_unmodified_since: _Optional[int] = ..., part_number: _Optional[int] = ..., request_payer: _Optional[str] = ..., sse_customer_algorithm: _Optional[str] = ..., sse_customer_key: _Optional[str] = ..., sse_customer_key_md5: _Optional[str] = ..., version_id: _Optional[str] = ..., with_details: _Optional[bool] = ...) -> None: ...

class HeadObjectOutput(_message.Message):
    __slots__ = ("result_metadata",)
    class ResultMetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    RESULT_METADATA_FIELD_NUMBER: _ClassVar[int]
    result_metadata: _containers.ScalarMap[str, str]
    def __init__(self, result_metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class IsObjectExistInput(_message.Message):
    __slots__ = ("store_name", "bucket", "key", "version_id")
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    BUCKET_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    bucket: str
    key: str
    version_id: str
    def __init__(self, store_name: _Optional[str] = ..., bucket: _Optional[str] = ..., key: _Optional[str] = ..., version_id: _Optional[str] = ...) -> None: ...

class IsObjectExistOutput(_message.Message):
    __slots__ = ("file_exist", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    FILE_EXIST_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    file_exist: bool
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, file_exist: _Optional[bool] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class SignURLInput(_message.Message):
    __slots__ = ("store_name", "bucket", "key", "method", "expired_in_sec")
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    BUCKET_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    EXPIRED_IN_SEC_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    bucket: str
    key: str
    method: str
    expired_in_sec: int
    def __init__(self, store_name: _Optional[str] = ..., bucket: _Optional[str] = ..., key: _Optional[str] = ..., method: _Optional[str] = ..., expired_in_sec: _Optional[int] = ...) -> None: ...

class SignURLOutput(_message.Message):
    __slots__ = ("signed_url",)
    SIGNED_URL_FIELD_NUMBER: _ClassVar[int]
    signed_url: str
    def __init__(self, signed_url: _Optional[str] = ...) -> None: ...

class UpdateBandwidthRateLimitInput(_message.Message):
    __slots__ = ("store_name", "average_rate_limit_in_bits_per_sec", "gateway_resource_name")
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    AVERAGE_RATE_LIMIT_IN_BITS_PER_SEC_FIELD_NUMBER: _ClassVar[int]
    GATEWAY_RESOURCE_NAME_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    average_rate_limit_in_bits_per_sec: int
    gateway_resource_name: str
    def __init__(self, store_name: _Optional[str] = ..., average_rate_limit_in_bits_per_sec: _Optional[int] = ..., gateway_resource_name: _Optional[str] = ...) -> None: ...

class AppendObjectInput(_message.Message):
    __slots__ = ("store_name", "bucket", "key", "body", "position", "acl", "cache_control", "content_disposition", "content_encoding", "content_md5", "expires", "storage_class", "server_side_encryption", "meta", "tags")
    class TagsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    BUCKET_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    ACL_FIELD_NUMBER: _ClassVar[int]
    CACHE_CONTROL_FIELD_NUMBER: _ClassVar[int]
    CONTENT_DISPOSITION_FIELD_NUMBER: _ClassVar[int]
    CONTENT_ENCODING_FIELD_NUMBER: _ClassVar[int]
    CONTENT_MD5_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_FIELD_NUMBER: _ClassVar[int]
    STORAGE_CLASS_FIELD_NUMBER: _ClassVar[int]
    SERVER_SIDE_ENCRYPTION_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    bucket: str
    key: str
    body: bytes
    position: int
    acl: str
    cache_control: str
    content_disposition: str
    content_encoding: str
    content_md5: str
    expires: int
    storage_class: str
    server_side_encryption: str
    meta: str
    tags: _containers.ScalarMap[str, str]
    def __init__(self, store_name: _Optional[str] = ..., bucket: _Optional[str] = ..., key: _Optional[str] = ..., body: _Optional[bytes] = ..., position: _Optional[int] = ..., acl: _Optional[str] = ..., cache_control: _Optional[str] = ..., content_disposition: _Optional[str] = ..., content_encoding: _Optional[str] = ..., content_md5: _Optional[str] = ..., expires: _Optional[int] = ..., storage_class: _Optional[str] = ..., server_side_encryption: _Optional[str] = ..., meta: _Optional[str] = ..., tags: _Optional[_Mapping[str, str]] = ...) -> None: ...

class AppendObjectOutput(_message.Message):
    __slots__ = ("append_position", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    APPEND_POSITION_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    append_position: int
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, append_position: _Optional[int] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ListPartsInput(_message.Message):
    __slots__ = ("store_name", "bucket", "key", "expected_bucket_owner", "max_parts", "part_number_marker", "request_payer", "upload_id")
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    BUCKET_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_BUCKET_OWNER_FIELD_NUMBER: _ClassVar[int]
    MAX_PARTS_FIELD_NUMBER: _ClassVar[int]
    PART_NUMBER_MARKER_FIELD_NUMBER: _ClassVar[int]
    REQUEST_PAYER_FIELD_NUMBER: _ClassVar[int]
    UPLOAD_ID_FIELD_NUMBER: _ClassVar[int]
    store_name: str
    bucket: str
    key: str
    expected_bucket_owner: str
    max_parts: int
    part_number_marker: int
    request_payer: str
    upload_id: str
    def __init__(self, store_name: _Optional[str] = ..., bucket: _Optional[str] = ..., key: _Optional[str] = ..., expected_bucket_owner: _Optional[str] = ..., max_parts: _Optional[int] = ..., part_number_marker: _Optional[int] = ..., request_payer: _Optional[str] = ..., upload_id: _Optional[str] = ...) -> None: ...

class Part(_message.Message):
    __slots__ = ("etag", "last_modified", "part_number", "size")
    ETAG_FIELD_NUMBER: _ClassVar[int]
    LAST_MODIFIED_FIELD_NUMBER: _ClassVar[int]
    PART_NUMBER_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    etag: str
    last_modified: int
    part_number: int
    size: int
    def __init__(self, etag: _Optional[str] = ..., last_modified: _Optional[int] = ..., part_number: _Optional[int] = ..., size: _Optional[int] = ...) -> None: ...

class ListPartsOutput(_message.Message):
    __slots__ = ("bucket", "key", "upload_id", "next_part_number_marker", "max_parts", "is_truncated", "parts", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    BUCKET_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    UPLOAD_ID_FIELD_NUMBER: _ClassVar[int]
    NEXT_PART_NUMBER_MARKER_FIELD_NUMBER: _ClassVar[int]
    MAX_PARTS_FIELD_NUMBER: _ClassVar[int]
    IS_TRUNCATED_FIELD_NUMBER: _ClassVar[int]
    PARTS_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    bucket: str
    key: str
    upload_id: str
    next_part_number_marker: str
    max_parts: int
    is_truncated: bool
    parts: _containers.RepeatedCompositeFieldContainer[Part]
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, bucket: _Optional[str] = ..., key: _Optional[str] = ..., upload_id: _Optional[str] = ..., next_part_number_marker: _Optional[str] = ..., max_parts: _Optional[int] = ..., is_truncated: _Optional[bool] = ..., parts: _Optional[_Iterable[_Union[Part, _Mapping]]] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...
