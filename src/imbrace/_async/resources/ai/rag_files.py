"""RAG files of the AI service."""

from __future__ import annotations

from typing import TYPE_CHECKING

from typing_extensions import Unpack

from ...._files import FilesArg, multipart_parts
from ...._generated.gateway.api.ai import (
    delete_rag_file,
    get_rag_file,
    list_rag_files,
    upload_rag_file,
)
from ...._ids import with_both_ids
from ...._types import RequestOptions

if TYPE_CHECKING:
    from ...._generated.gateway.shapes import (
        AiDeleted,
        RagFile,
    )
from .guardrails import AsyncGuardrails

__all__ = ["AsyncRagFiles"]


class AsyncRagFiles(AsyncGuardrails):
    """RAG files of the AI service."""

    # --- RAG files

    async def list_rag_files(self, **options: Unpack[RequestOptions]) -> list[RagFile]:
        """GET /v3/ai/rag/files: the files uploaded for retrieval-augmented generation (those of no agent).

        Example: `files = client.ai.list_rag_files()`
        """
        return with_both_ids(await self._json(list_rag_files.build_request(), options))

    async def get_rag_file(self, file_id: str, **options: Unpack[RequestOptions]) -> RagFile:
        """GET /v3/ai/rag/files/{file_id}: one RAG file (the service answers `{}` for an unknown id).

        Example: `file = client.ai.get_rag_file("file_id")`
        """
        return with_both_ids(await self._json(get_rag_file.build_request(file_id), options))

    async def upload_rag_file(self, files: FilesArg, **options: Unpack[RequestOptions]) -> RagFile:
        """POST /v3/ai/rag/files: upload a file for retrieval-augmented generation (multipart part `file`).

        `files` is the doc's `{"file": open(...)}` dict, or a path, bytes or a binary file object; files are
        streamed, and paths are opened and closed here.

        Example: `uploaded = client.ai.upload_rag_file(files={"file": open("knowledge.pdf", "rb")})`
        """
        with multipart_parts(files) as parts:
            return with_both_ids(await self._json(upload_rag_file.build_request(body=parts), options))

    async def delete_rag_file(self, file_id: str, **options: Unpack[RequestOptions]) -> AiDeleted:
        """DELETE /v3/ai/rag/files/{file_id}: delete a RAG file and its embeddings.

        Example: `client.ai.delete_rag_file(uploaded["_id"])`
        """
        return await self._json(delete_rag_file.build_request(file_id), options)
