"""Chat-client documents and admin guides."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
from typing_extensions import Unpack

from ...._agent_bodies import (
    ALL_VERSIONS,
)
from ...._generated.ai_agent.api.ai_agent import (
    create_document,
    delete_document,
    get_admin_guide,
    get_document,
    get_document_latest,
    get_document_latest_by_kind,
    get_document_public,
    get_document_suggestions,
    list_admin_guides,
)
from ...._types import RequestOptions

if TYPE_CHECKING:
    from ...._generated.ai_agent.params import (
        CreateDocumentBody,
    )
    from ...._generated.ai_agent.shapes import (
        AdminGuideListResponse,
        Document,
        DocumentKind,
        DocumentSuggestion,
    )
from .chat_client import AsyncChatClient

__all__ = ["AsyncChatClientDocuments"]


class AsyncChatClientDocuments(AsyncChatClient):
    """Chat-client documents and admin guides."""

    # ------------------------------------------------------------------ chat client: documents

    async def create_document(
        self, body: CreateDocumentBody, document_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> list[Document]:
        """POST /chat-client/documents: save a version of an AI-generated document; returns the inserted row(s).

        `body` is `{"title", "content", "kind"}` (all three required by the service: a body without `title`, like the
        documentation's, raises ValueError before sending). `document_id` (a UUID, sent as the `id` query parameter)
        names the document to add a version to; without it a new document is created under a new UUID, the `id`
        of the returned row.

        Example: `client.ai_agent.create_document({"title": "Plan", "kind": "text", "content": "Draft..."})`
        """
        if "title" not in body:
            raise ValueError(
                "create_document needs a title: {'title': ..., 'content': ..., 'kind': 'text'} "
                f"(the service answers 400 bad_request:document otherwise); got the keys {sorted(body)}"
            )
        kwargs = create_document.build_request(body=body, id=document_id or str(uuid.uuid4()))
        return await self._json(kwargs, options)

    async def get_document_latest_by_kind(
        self, kind: DocumentKind, **options: Unpack[RequestOptions]
    ) -> Document | None:
        """GET /chat-client/documents/latest-by-kind: the caller's newest document of a kind, or None.

        Example: `by_kind = client.ai_agent.get_document_latest_by_kind(kind="text")`
        """
        return await self._json(get_document_latest_by_kind.build_request(kind=kind), options)

    async def get_document(self, doc_id: str, **options: Unpack[RequestOptions]) -> list[Document]:
        """GET /chat-client/documents/{doc_id}: every version of a document, oldest first.

        Example: `doc = client.ai_agent.get_document("doc_id")`
        """
        return await self._json(get_document.build_request(doc_id), options)

    async def get_document_latest(self, doc_id: str, **options: Unpack[RequestOptions]) -> Document:
        """GET /chat-client/documents/{doc_id}/latest: a document's newest version.

        Example: `latest = client.ai_agent.get_document_latest("doc_id")`
        """
        return await self._json(get_document_latest.build_request(doc_id), options)

    async def get_document_public(self, doc_id: str, **options: Unpack[RequestOptions]) -> Document:
        """GET /chat-client/documents/{doc_id}/public: a shared document's newest version.

        Example: `pub = client.ai_agent.get_document_public("doc_id")`
        """
        return await self._json(get_document_public.build_request(doc_id), options)

    async def delete_document(
        self, doc_id: str, timestamp: str | None = None, **options: Unpack[RequestOptions]
    ) -> list[Document] | None:
        """DELETE /chat-client/documents/{doc_id}: delete a document's versions; returns the deleted ones.

        `timestamp` (ISO 8601) deletes only the versions created after it; without it every version is deleted
        (the SDK sends the Unix epoch: the service requires a timestamp). None when the reply has no body.

        Example: `client.ai_agent.delete_document("doc_id")`
        """
        kwargs = delete_document.build_request(doc_id, timestamp=timestamp or ALL_VERSIONS)
        return await self._json(kwargs, options)

    async def get_document_suggestions(
        self, document_id: str, **options: Unpack[RequestOptions]
    ) -> list[DocumentSuggestion]:
        """GET /chat-client/documents/{document_id}/suggestions: the edit suggestions on a document.

        Example: `suggestion = client.ai_agent.get_document_suggestions("doc_id")`
        """
        return await self._json(get_document_suggestions.build_request(document_id), options)

    # ------------------------------------------------------------------ admin guides

    async def list_admin_guides(self, **options: Unpack[RequestOptions]) -> AdminGuideListResponse:
        """GET /admin/guides: the admin guide files.

        Example: `guides = client.ai_agent.list_admin_guides()`
        """
        return await self._json(list_admin_guides.build_request(), options)

    async def get_admin_guide(self, filename: str, **options: Unpack[RequestOptions]) -> httpx.Response:
        """GET /admin/guides/{filename}: a guide file (usually a PDF) as the read `httpx.Response`.

        The bytes are `response.content`; to stream a large file to disk instead, use `download_admin_guide`.

        The service bundles `ai-agent-guide-*.pdf` files (see `list_admin_guides`); an unknown name is NotFoundError,
        a name other than `<letters, digits, ._->.pdf` BadRequestError (`Invalid filename`).

        Example: `response = client.ai_agent.get_admin_guide("ai-agent-guide-code-step.pdf")`
        """
        return await self._response(get_admin_guide.build_request(filename), options)

    async def download_admin_guide(self, filename: str, path: str | Path, **options: Unpack[RequestOptions]) -> Path:
        """GET /admin/guides/{filename}, streamed chunk by chunk to `path`; returns the path.

        A partly written file is removed when the download fails.

        Example: `client.ai_agent.download_admin_guide("ai-agent-guide-code-step.pdf", "guide.pdf")`
        """
        return await self._download(get_admin_guide.build_request(filename), path, options)
