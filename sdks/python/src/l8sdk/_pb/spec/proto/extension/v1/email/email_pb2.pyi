from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class SendEmailWithTemplateRequest(_message.Message):
    __slots__ = ("component_name", "template", "subject", "address")
    COMPONENT_NAME_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    component_name: str
    template: EmailTemplate
    subject: str
    address: EmailAddress
    def __init__(self, component_name: _Optional[str] = ..., template: _Optional[_Union[EmailTemplate, _Mapping]] = ..., subject: _Optional[str] = ..., address: _Optional[_Union[EmailAddress, _Mapping]] = ...) -> None: ...

class EmailTemplate(_message.Message):
    __slots__ = ("template_id", "template_params")
    class TemplateParamsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_PARAMS_FIELD_NUMBER: _ClassVar[int]
    template_id: str
    template_params: _containers.ScalarMap[str, str]
    def __init__(self, template_id: _Optional[str] = ..., template_params: _Optional[_Mapping[str, str]] = ...) -> None: ...

class EmailAddress(_message.Message):
    __slots__ = ("to", "cc")
    FROM_FIELD_NUMBER: _ClassVar[int]
    TO_FIELD_NUMBER: _ClassVar[int]
    CC_FIELD_NUMBER: _ClassVar[int]
    to: _containers.RepeatedScalarFieldContainer[str]
    cc: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, to: _Optional[_Iterable[str]] = ..., cc: _Optional[_Iterable[str]] = ..., **kwargs) -> None: ...

class SendEmailWithTemplateResponse(_message.Message):
    __slots__ = ("request_id",)
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    def __init__(self, request_id: _Optional[str] = ...) -> None: ...

class SendEmailRequest(_message.Message):
    __slots__ = ("component_name", "setting_id", "subject", "content", "address")
    COMPONENT_NAME_FIELD_NUMBER: _ClassVar[int]
    SETTING_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    component_name: str
    setting_id: str
    subject: str
    content: Content
    address: EmailAddress
    def __init__(self, component_name: _Optional[str] = ..., setting_id: _Optional[str] = ..., subject: _Optional[str] = ..., content: _Optional[_Union[Content, _Mapping]] = ..., address: _Optional[_Union[EmailAddress, _Mapping]] = ...) -> None: ...

class Content(_message.Message):
    __slots__ = ("text",)
    TEXT_FIELD_NUMBER: _ClassVar[int]
    text: str
    def __init__(self, text: _Optional[str] = ...) -> None: ...

class SendEmailResponse(_message.Message):
    __slots__ = ("request_id",)
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    def __init__(self, request_id: _Optional[str] = ...) -> None: ...
