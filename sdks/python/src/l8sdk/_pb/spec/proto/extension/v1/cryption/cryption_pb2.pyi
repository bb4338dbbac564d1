from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class EncryptRequest(_message.Message):
    __slots__ = ("component_name", "plain_text", "key_id")
    COMPONENT_NAME_FIELD_NUMBER: _ClassVar[int]
    PLAIN_TEXT_FIELD_NUMBER: _ClassVar[int]
    KEY_ID_FIELD_NUMBER: _ClassVar[int]
    component_name: str
    plain_text: bytes
    key_id: str
    def __init__(self, component_name: _Optional[str] = ..., plain_text: _Optional[bytes] = ..., key_id: _Optional[str] = ...) -> None: ...

class EncryptResponse(_message.Message):
    __slots__ = ("cipher_text", "key_id", "key_version_id", "request_id")
    CIPHER_TEXT_FIELD_NUMBER: _ClassVar[int]
    KEY_ID_FIELD_NUMBER: _ClassVar[int]
    KEY_VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    cipher_text: bytes
    key_id: str
    key_version_id: str
    request_id: str
    def __init__(self, cipher_text: _Optional[bytes] = ..., key_id: _Optional[str] = ..., key_version_id: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class DecryptRequest(_message.Message):
    __slots__ = ("component_name", "cipher_text")
    COMPONENT_NAME_FIELD_NUMBER: _ClassVar[int]
    CIPHER_TEXT_FIELD_NUMBER: _ClassVar[int]
    component_name: str
    cipher_text: bytes
    def __init__(self, component_name: _Optional[str] = ..., cipher_text: _Optional[bytes] = ...) -> None: ...

class DecryptResponse(_message.Message):
    __slots__ = ("plain_text", "key_id", "key_version_id", "request_id")
    PLAIN_TEXT_FIELD_NUMBER: _ClassVar[int]
    KEY_ID_FIELD_NUMBER: _ClassVar[int]
    KEY_VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    plain_text: bytes
    key_id: str
    key_version_id: str
    request_id: str
    def __init__(self, plain_text: _Optional[bytes] = ..., key_id: _Optional[str] = ..., key_version_id: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...
