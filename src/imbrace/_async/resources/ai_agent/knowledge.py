"""Embeddings, data-board field suggestions and parquet files: what agents know."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from time import monotonic
from typing import TYPE_CHECKING, Any

import anyio
from typing_extensions import Unpack

from ...._agent_bodies import (
    parquet_stored_name,
)
from ...._errors import JobFailedError, JobTimeoutError
from ...._generated.ai_agent.api.ai_agent import (
    classify_file,
    delete_embedding_file,
    delete_parquet_file,
    generate_parquet,
    get_embedding_file,
    list_embedding_files,
    list_parquet_files,
    preview_embedding_file,
    process_embedding,
    suggest_field_types,
    update_embedding_file_status,
)
from ...._types import RequestOptions
from ...pagination import async_walk

if TYPE_CHECKING:
    from ...._generated.ai_agent.shapes import (
        ClassifyFileResponse,
        EmbeddingFile,
        EmbeddingFileListResponse,
        EmbeddingFileResponse,
        EmbeddingPreviewResponse,
        ParquetDeleteResponse,
        ParquetFileListResponse,
        ParquetGenerateResponse,
        SuccessResponse,
        SuggestFieldTypesResponse,
    )
from ._shared import (
    _EMBEDDING_FILE_PAGES,
    EMBEDDING_DONE_STATUSES,
    EMBEDDING_FAILED_STATUSES,
    _embedding_status,
    _PollOptions,
)
from .chat import AsyncAgentChat

__all__ = ["AsyncAgentKnowledge"]


class AsyncAgentKnowledge(AsyncAgentChat):
    """Embeddings, data-board field suggestions and parquet files: what agents know."""

    # ------------------------------------------------------------------ embeddings

    async def process_embedding(
        self,
        file_id: str,
        options: Mapping[str, Any] | None = None,
        **request_options: Unpack[RequestOptions],
    ) -> EmbeddingFileResponse:
        """POST /embedding/process: start chunking and embedding an uploaded file.

        `options` are the processing options (e.g. `{"chunk_size": 512}`), sent as `{}` when omitted; the per-call
        request options (timeout, extra_headers, ...) are the other keyword arguments. To wait for the result, use
        `process_embedding_and_wait`.

        Example: `client.ai_agent.process_embedding("file_abc", options={"chunk_size": 512})`
        """
        body = {"fileId": file_id, "options": dict(options or {})}
        return await self._json(process_embedding.build_request(body=body), request_options)

    async def process_embedding_and_wait(
        self,
        file_id: str,
        options: Mapping[str, Any] | None = None,
        *,
        timeout: float = 600,
        interval: float = 2.0,
        **request_options: Unpack[_PollOptions],
    ) -> EmbeddingFileResponse:
        """POST /embedding/process, then GET /embedding/files/{file_id} every `interval` s until a final status.

        Returns the last file response once its status is done (`active`, `completed`, `ready`, ...). Raises
        `JobFailedError` on a failed status (`failed`, `error`), and `JobTimeoutError` (a `TimeoutError`)
        when `timeout` seconds pass first; processing may still finish on the server. Statuses are compared without
        case; any other status means "still processing".

        Example: `file = client.ai_agent.process_embedding_and_wait("file_abc", timeout=300)`
        """
        deadline = monotonic() + timeout
        result = await self.process_embedding(file_id, options, **request_options)
        while True:
            status = _embedding_status(result)
            if status in EMBEDDING_DONE_STATUSES:
                return result
            if status in EMBEDDING_FAILED_STATUSES:
                raise JobFailedError(f"embedding of file {file_id!r}", status or "", result)
            remaining = deadline - monotonic()
            if remaining <= 0:
                raise JobTimeoutError(f"embedding of file {file_id!r}", timeout, status, result)
            await anyio.sleep(min(interval, remaining))
            result = await self.get_embedding_file(file_id, **request_options)

    async def list_embedding_files(
        self, page: int | None = None, limit: int | None = None, **options: Unpack[RequestOptions]
    ) -> EmbeddingFileListResponse:
        """GET /embedding/files: one page of embedding files, as `{data: {files: [...]}}`.

        Walk every page with `iter_embedding_files`.

        Example: `files = client.ai_agent.list_embedding_files(page=1, limit=20)`
        """
        return await self._json(list_embedding_files.build_request(page=page, limit=limit), options)

    async def iter_embedding_files(
        self, page: int = 1, limit: int = 20, **options: Unpack[RequestOptions]
    ) -> AsyncIterator[EmbeddingFile]:
        """GET /embedding/files, page after page: every file, fetching the next page only when it is needed.

        Stops after a page shorter than `limit`.

        Example: `for file in client.ai_agent.iter_embedding_files(limit=50): print(file["id"], file["status"])`
        """

        first = {"page": page, "limit": limit}
        async for file in async_walk(self.list_embedding_files, _EMBEDDING_FILE_PAGES, first, **options):
            yield file

    async def get_embedding_file(self, file_id: str, **options: Unpack[RequestOptions]) -> EmbeddingFileResponse:
        """GET /embedding/files/{file_id}: one embedding file with its processing status.

        Example: `file = client.ai_agent.get_embedding_file("file_abc")`
        """
        return await self._json(get_embedding_file.build_request(file_id), options)

    async def preview_embedding_file(
        self, file_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> EmbeddingPreviewResponse:
        """GET /embedding/files/preview: a preview of a file's extracted content.

        Example: `preview = client.ai_agent.preview_embedding_file(file_id="file_abc")`
        """
        return await self._json(preview_embedding_file.build_request(file_id=file_id), options)

    async def update_embedding_file_status(
        self, file_id: str, status: str, **options: Unpack[RequestOptions]
    ) -> EmbeddingFileResponse:
        """PUT /embedding/files/{file_id}/status: set a file's status, sent as `{"status": status}`.

        Example: `client.ai_agent.update_embedding_file_status("file_abc", "active")`
        """
        kwargs = update_embedding_file_status.build_request(file_id, body={"status": status})
        return await self._json(kwargs, options)

    async def delete_embedding_file(self, file_id: str, **options: Unpack[RequestOptions]) -> SuccessResponse | None:
        """DELETE /embedding/files/{file_id}: remove a file and its embeddings; None when the reply has no body.

        Example: `client.ai_agent.delete_embedding_file("file_abc")`
        """
        return await self._json(delete_embedding_file.build_request(file_id), options)

    async def classify_file(
        self, file_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> ClassifyFileResponse:
        """GET /embedding/classify: classify a file for retrieval categorisation (the platform needs `file_id`).

        Example: `classification = client.ai_agent.classify_file(file_id="file_abc")`
        """
        return await self._json(classify_file.build_request(file_id=file_id), options)

    # ------------------------------------------------------------------ data board

    async def suggest_field_types(
        self,
        file_urls: Sequence[str],
        *,
        board_schema_url: str | None = None,
        organization_id: str | None = None,
        model_name: str | None = None,
        provider_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SuggestFieldTypesResponse:
        """POST /data-board/suggest-field-types: suggest a data-board schema from sample documents.

        `file_urls` are public URLs of PDFs or images. `model_name` with `provider_id` makes the server read them
        with that vision model. Keywords left as None are not sent.

        Example: `result = client.ai_agent.suggest_field_types(file_urls=["https://cdn.imbrace.co/docs/invoice-1.pdf"])`
        """
        body: dict[str, Any] = {"file_urls": list(file_urls)}
        extra = {
            "board_schema_url": board_schema_url,
            "organization_id": organization_id,
            "model_name": model_name,
            "provider_id": provider_id,
        }
        body.update({key: value for key, value in extra.items() if value is not None})
        return await self._json(suggest_field_types.build_request(body=body), options)

    # ------------------------------------------------------------------ parquet

    async def generate_parquet(
        self,
        data: Sequence[Mapping[str, Any]],
        file_name: str | None = None,
        folder_name: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ParquetGenerateResponse:
        """POST /parquet/generate: write rows as a parquet file, sent as `{data, fileName?, folderName?}`.

        Columns come from the first row and are stored as text; an empty `file_name` or `folder_name` is not sent.

        Example: `result = client.ai_agent.generate_parquet(data=[{"id": 1}], file_name="users", folder_name="exports")`
        """
        body: dict[str, Any] = {"data": [dict(row) for row in data]}
        if file_name:
            body["fileName"] = file_name
        if folder_name:
            body["folderName"] = folder_name
        return await self._json(generate_parquet.build_request(body=body), options)

    async def list_parquet_files(
        self, folder_name: str | None = None, **options: Unpack[RequestOptions]
    ) -> ParquetFileListResponse:
        """GET /parquet/files: the generated parquet files, optionally of one folder.

        Example: `files = client.ai_agent.list_parquet_files()`
        """
        return await self._json(list_parquet_files.build_request(folder_name=folder_name), options)

    async def delete_parquet_file(
        self, file_name: str, folder_name: str | None = None, **options: Unpack[RequestOptions]
    ) -> ParquetDeleteResponse | None:
        """DELETE /parquet/{file_name}: delete a parquet file; None when the reply has no body.

        `file_name` is the stored name `generate_parquet` answered as `fileName` (`20261202_users`: the date of the
        day it was written, then the name given), `folder_name` its folder. A path or a `.parquet` name raises
        ValueError: the service finds nothing by them (404).

        Example: `client.ai_agent.delete_parquet_file("20261202_users", folder_name="exports")`
        """
        kwargs = delete_parquet_file.build_request(parquet_stored_name(file_name), folder_name=folder_name)
        return await self._json(kwargs, options)
