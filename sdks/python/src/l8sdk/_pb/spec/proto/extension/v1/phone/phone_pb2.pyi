from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class SendVoiceWithTemplateRequest(_message.Message):
    __slots__ = ("component_name", "template", "to_mobile", "from_mobile")
    COMPONENT_NAME_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    TO_MOBILE_FIELD_NUMBER: _ClassVar[int]
    FROM_MOBILE_FIELD_NUMBER: _ClassVar[int]
    component_name: str
    template: VoiceTemplate
    to_mobile: _containers.RepeatedScalarFieldContainer[str]
    from_mobile: str
    def __init__(self, component_name: _Optional[str] = ..., template: _Optional[_Union[VoiceTemplate, _Mapping]] = ..., to_mobile: _Optional[_Iterable[str]] = ..., from_mobile: _Optional[str] = ...) -> None: ...

class VoiceTemplate(_message.Message):
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

class SendVoiceWithTemplateResponse(_message.Message):
    __slots__ = ("request_id",)
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    def __init__(self, request_id: _Optional[str] = ...) -> None: ...
