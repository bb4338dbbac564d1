"""The servicer of spec.proto.extension.v1.s3.ObjectStorageService (26 RPCs), composed from three mixins.

Place in the runtime: registered by server.py; transfer (bodies, head, sign), manage (delete, copy, list,
tags, ACL, restore, bandwidth) and multipart live in their own modules.
"""

from __future__ import annotations

from ..pb import oss_grpc
from .host import Host
from .oss_manage import ManageMixin
from .oss_multipart import MultipartMixin
from .oss_transfer import TransferMixin


class ObjectStorageService(TransferMixin, ManageMixin, MultipartMixin, oss_grpc.ObjectStorageServiceServicer):
    def __init__(self, host: Host) -> None:
        self.host = host
