"""Recording outboxes for the notification extensions: `email`, `sms`, `phone` (type ``recorder``).

Place in the runtime: the components behind EmailService, SmsService and PhoneCallService. Nothing is
sent anywhere: every accepted request is appended to the outbox of its kind (readable through the control
service) and answered with a fresh request id. Validation happens in the gRPC layer.
"""

from __future__ import annotations

from typing import Any

from .. import ids
from .base import Component


class Recorder(Component):
    type_name = "recorder"

    def record(self, payload: dict[str, Any]) -> str:
        request_id = ids.uuid4()
        self.ctx.outboxes.record(self.api, self.name, payload | {"request_id": request_id})
        return request_id


class EmailRecorder(Recorder):
    api = "email"


class SmsRecorder(Recorder):
    api = "sms"


class PhoneRecorder(Recorder):
    api = "phone"
