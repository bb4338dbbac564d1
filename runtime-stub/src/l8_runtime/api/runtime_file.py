"""Runtime file RPCs: GetFile (server stream), PutFile (client stream), ListFile, DelFile, GetFileMeta.

Place in the runtime: mixin of the Runtime servicer; semantics live in components/file.py. Bodies stream
chunk by chunk in both directions (constant memory). An upload that ends with an error or a cancelled
stream leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from google.protobuf import empty_pb2

from ..components.file import FileStore, FileWriter
from ..errors import invalid
from ..pb import rt
from .host import Host
from .status import Ctx, stream, unary


class FileMixin:
    host: Host

    def _files(self, name: str, field: str = "store_name") -> FileStore:
        return self.host.component("file", name, field, FileStore)

    @stream
    async def GetFile(self, request: rt.GetFileRequest, context: Ctx) -> AsyncIterator[rt.GetFileResponse]:
        store = self._files(request.store_name)
        if not request.name:
            raise invalid("name must not be empty", field="name")
        for chunk in store.read_chunks(request.name):
            yield rt.GetFileResponse(data=chunk)

    @unary
    async def PutFile(
        self, request_iterator: AsyncIterator[rt.PutFileRequest], context: Ctx
    ) -> empty_pb2.Empty:
        writer: FileWriter | None = None
        committed = False
        try:
            async for req in request_iterator:
                if writer is None:
                    store = self._files(req.store_name)
                    if not req.name:
                        raise invalid("name must not be empty in the first message", field="name")
                    writer = store.open_writer(req.name, dict(req.metadata))
                writer.write(req.data)
            if writer is None:
                raise invalid("empty stream: the first message must carry store_name and name", field="name")
            writer.commit()
            committed = True
        finally:
            if writer is not None and not committed:
                writer.abort()
        return empty_pb2.Empty()

    @unary
    async def ListFile(self, request: rt.ListFileRequest, context: Ctx) -> rt.ListFileResp:
        store = self._files(request.request.store_name, "request.store_name")
        infos, marker, truncated = store.list(request.request.name, request.page_size, request.marker)
        files = [
            rt.FileInfo(
                file_name=i.name, size=i.size, last_modified=i.last_modified, metadata=dict(i.metadata)
            )
            for i in infos
        ]
        return rt.ListFileResp(files=files, marker=marker, is_truncated=truncated)

    @unary
    async def DelFile(self, request: rt.DelFileRequest, context: Ctx) -> empty_pb2.Empty:
        store = self._files(request.request.store_name, "request.store_name")
        if not request.request.name:
            raise invalid("request.name must not be empty", field="request.name")
        store.delete(request.request.name)
        return empty_pb2.Empty()

    @unary
    async def GetFileMeta(self, request: rt.GetFileMetaRequest, context: Ctx) -> rt.GetFileMetaResponse:
        store = self._files(request.request.store_name, "request.store_name")
        if not request.request.name:
            raise invalid("request.name must not be empty", field="request.name")
        info = store.stat(request.request.name)
        resp = rt.GetFileMetaResponse(size=info.size, last_modified=info.last_modified)
        for k, v in info.metadata.items():
            resp.response.metadata[k].value.append(v)
        return resp
