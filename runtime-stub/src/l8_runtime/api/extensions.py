"""Servicers of the small extension APIs: CryptionService, EmailService, SmsService, PhoneCallService and
DelayQueue.

Place in the runtime: registered by server.py. Components are picked by ``component_name``; the recording
components write their outbox (control ReadOutbox). DelayQueue extends `pub_subs`: ``component_name`` is
a pub/sub component and the message is published on it after the delay (its id = the event id).
"""

from __future__ import annotations

from typing import Any

from ..components.cryption import AesGcmCryption
from ..components.messaging import Recorder
from ..components.pubsub import PubSub
from ..errors import invalid
from ..pb import cry, cry_grpc, dq, dq_grpc, email, email_grpc, phone, phone_grpc, sms, sms_grpc
from .host import Host
from .status import Ctx, unary


def _need(ok: bool, field: str, what: str) -> None:
    if not ok:
        raise invalid(f"{field} is required: {what}", field=field)


class CryptionService(cry_grpc.CryptionServiceServicer):
    def __init__(self, host: Host) -> None:
        self.host = host

    def _comp(self, name: str) -> AesGcmCryption:
        return self.host.component("cryption", name, "component_name", AesGcmCryption)

    @unary
    async def Encrypt(self, request: cry.EncryptRequest, context: Ctx) -> cry.EncryptResponse:
        r = self._comp(request.component_name).encrypt(request.plain_text, request.key_id)
        return cry.EncryptResponse(
            cipher_text=r.data, key_id=r.key_id, key_version_id=r.key_version_id, request_id=r.request_id
        )

    @unary
    async def Decrypt(self, request: cry.DecryptRequest, context: Ctx) -> cry.DecryptResponse:
        comp = self._comp(request.component_name)
        _need(bool(request.cipher_text), "cipher_text", "the bytes returned by Encrypt")
        r = comp.decrypt(request.cipher_text)
        return cry.DecryptResponse(
            plain_text=r.data, key_id=r.key_id, key_version_id=r.key_version_id, request_id=r.request_id
        )


def _address(req: Any) -> dict[str, Any]:
    _need(req.HasField("address"), "address", "sender and recipients")
    _need(bool(req.address.to), "address.to", "at least one recipient")
    _need(bool(getattr(req.address, "from")), "address.from", "the sender address")
    return {"from": getattr(req.address, "from"), "to": list(req.address.to), "cc": list(req.address.cc)}


class EmailService(email_grpc.EmailServiceServicer):
    def __init__(self, host: Host) -> None:
        self.host = host

    @unary
    async def SendEmailWithTemplate(
        self, request: email.SendEmailWithTemplateRequest, context: Ctx
    ) -> email.SendEmailWithTemplateResponse:
        comp = self.host.component("email", request.component_name, "component_name", Recorder)
        address = _address(request)
        _need(
            request.HasField("template") and bool(request.template.template_id),
            "template.template_id",
            "the provider template id",
        )
        rid = comp.record(
            {
                "rpc": "SendEmailWithTemplate",
                "subject": request.subject,
                "address": address,
                "template_id": request.template.template_id,
                "template_params": dict(request.template.template_params),
            }
        )
        return email.SendEmailWithTemplateResponse(request_id=rid)

    @unary
    async def SendEmail(self, request: email.SendEmailRequest, context: Ctx) -> email.SendEmailResponse:
        comp = self.host.component("email", request.component_name, "component_name", Recorder)
        address = _address(request)
        _need(request.HasField("content"), "content", "the e-mail body")
        rid = comp.record(
            {
                "rpc": "SendEmail",
                "setting_id": request.setting_id,
                "subject": request.subject,
                "address": address,
                "content": request.content.text,
            }
        )
        return email.SendEmailResponse(request_id=rid)


class SmsService(sms_grpc.SmsServiceServicer):
    def __init__(self, host: Host) -> None:
        self.host = host

    @unary
    async def SendSmsWithTemplate(
        self, request: sms.SendSmsWithTemplateRequest, context: Ctx
    ) -> sms.SendSmsWithTemplateResponse:
        comp = self.host.component("sms", request.component_name, "component_name", Recorder)
        _need(bool(request.phone_numbers), "phone_numbers", "at least one phone number")
        _need(
            request.HasField("template") and bool(request.template.template_id),
            "template.template_id",
            "the provider template id",
        )
        rid = comp.record(
            {
                "rpc": "SendSmsWithTemplate",
                "phone_numbers": list(request.phone_numbers),
                "template_id": request.template.template_id,
                "template_params": dict(request.template.template_params),
                "sign_name": request.sign_name,
                "sender_id": request.sender_id,
                "metadata": dict(request.metadata),
            }
        )
        results = [
            sms.SendStatus(code="OK", message="send success", metadata={"PhoneNumber": n})
            for n in request.phone_numbers
        ]
        return sms.SendSmsWithTemplateResponse(request_id=rid, results=results)


class PhoneCallService(phone_grpc.PhoneCallServiceServicer):
    def __init__(self, host: Host) -> None:
        self.host = host

    @unary
    async def SendVoiceWithTemplate(
        self, request: phone.SendVoiceWithTemplateRequest, context: Ctx
    ) -> phone.SendVoiceWithTemplateResponse:
        comp = self.host.component("phone", request.component_name, "component_name", Recorder)
        _need(
            request.HasField("template") and bool(request.template.template_id),
            "template.template_id",
            "the voice template id",
        )
        _need(bool(request.to_mobile), "to_mobile", "at least one number to call")
        rid = comp.record(
            {
                "rpc": "SendVoiceWithTemplate",
                "to_mobile": list(request.to_mobile),
                "from_mobile": request.from_mobile,
                "template_id": request.template.template_id,
                "template_params": dict(request.template.template_params),
            }
        )
        return phone.SendVoiceWithTemplateResponse(request_id=rid)


class DelayQueueService(dq_grpc.DelayQueueServicer):
    def __init__(self, host: Host) -> None:
        self.host = host

    @unary
    async def PublishDelayMessage(
        self, request: dq.DelayMessageRequest, context: Ctx
    ) -> dq.DelayMessageResponse:
        ps = self.host.component("pub_subs", request.component_name, "component_name", PubSub)
        _need(bool(request.topic), "topic", "the topic to publish to")
        if request.delay_in_seconds < 0:
            raise invalid(
                f"delay_in_seconds must not be negative, got {request.delay_in_seconds}",
                field="delay_in_seconds",
            )
        event = ps.publish_later(
            request.delay_in_seconds,
            request.topic,
            request.data,
            request.data_content_type,
            dict(request.metadata),
        )
        due = int((self.host.ctx.wall() + request.delay_in_seconds) * 1000)
        self.host.ctx.outboxes.record(
            "delay_queue",
            ps.name,
            {
                "message_id": event.id,
                "topic": request.topic,
                "data": request.data,
                "data_content_type": request.data_content_type,
                "delay_in_seconds": request.delay_in_seconds,
                "metadata": dict(request.metadata),
                "due_unix_ms": due,
            },
        )
        return dq.DelayMessageResponse(message_id=event.id)
