# Generated from src/imbrace/_async/resources/ai_agent.py by codegen/unasync.py: edit that file.
"""`client.ai_agent`: the AI-agent service: chat v2 streaming, embeddings, parquet, traces, the chat-client API."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator, Mapping, Sequence
from functools import cached_property
from pathlib import Path
from time import monotonic
from typing import TYPE_CHECKING, Any, TypedDict, Unpack

import httpx

from ..._agent_bodies import (
    ALL_VERSIONS,
    chat_update_body,
    client_chat_body,
    credentials_body,
    message_body,
    parquet_stored_name,
    title_body,
    turn_messages,
    vote_body,
)
from ..._errors import JobFailedError, JobTimeoutError
from ..._generated.ai_agent.api.ai_agent import (
    classify_file,
    create_client_chat,
    create_document,
    delete_all_client_chats,
    delete_chat,
    delete_client_chat,
    delete_document,
    delete_embedding_file,
    delete_parquet_file,
    delete_trailing_messages,
    generate_client_chat_title,
    generate_parquet,
    get_admin_guide,
    get_agent_prompt_suggestion,
    get_chat,
    get_chat_client_user,
    get_client_chat,
    get_config,
    get_document,
    get_document_latest,
    get_document_latest_by_kind,
    get_document_public,
    get_document_suggestions,
    get_embedding_file,
    get_health,
    get_sub_agent_history,
    get_trace,
    get_trace_services,
    get_trace_tag_values,
    get_trace_tags,
    get_traces,
    get_version,
    get_votes,
    list_admin_guides,
    list_chats,
    list_client_chats,
    list_client_messages,
    list_embedding_files,
    list_parquet_files,
    persist_client_message,
    preview_embedding_file,
    process_embedding,
    register_chat_client,
    search_traceql,
    stream_chat,
    stream_client_chat_status,
    stream_sub_agent_chat,
    suggest_field_types,
    update_client_chat,
    update_embedding_file_status,
    update_vote,
    verify_chat_client_credentials,
)
from ..._pagination import CursorPages, NumberedPages
from ..._types import Query, RequestOptions
from ..pagination import sync_walk
from ._resource import Resource

if TYPE_CHECKING:
    from ..._generated.ai_agent.params import (
        CreateClientChatBody,
        CreateDocumentBody,
        GenerateClientChatTitleBody,
        GetChatClientUserBody,
        PersistClientMessageBody,
        RegisterChatClientBody,
        StreamChatBody,
        StreamSubAgentChatBody,
        UpdateClientChatBody,
        UpdateVoteBody,
        VerifyChatClientCredentialsBody,
    )
    from ..._generated.ai_agent.shapes import (
        AdminGuideListResponse,
        ChatClientUser,
        ClassifyFileResponse,
        ClientChat,
        ClientChatCreateResponse,
        ClientChatList,
        ClientMessage,
        ClientMessageCreateResponse,
        ConfigResponse,
        DeleteAllClientChatsResponse,
        Document,
        DocumentKind,
        DocumentSuggestion,
        EmbeddingFile,
        EmbeddingFileListResponse,
        EmbeddingFileResponse,
        EmbeddingPreviewResponse,
        GenerateTitleResponse,
        HealthResponse,
        LegacyChatDeleteResponse,
        LegacyChatDetail,
        LegacyChatList,
        OkResponse,
        ParquetDeleteResponse,
        ParquetFileListResponse,
        ParquetGenerateResponse,
        PromptSuggestionsResponse,
        SubAgentHistoryResponse,
        SuccessResponse,
        SuggestFieldTypesResponse,
        TraceDetailResponse,
        TraceListResponse,
        TraceQLSearchResponse,
        TraceServicesResponse,
        TraceTagsResponse,
        TraceTagValuesResponse,
        VersionResponse,
        Vote,
    )
    from ..streaming import ChatStream, EventStream
    from ..threads import Threads

__all__ = ["AiAgentResource"]

_CHAT_ACCEPT = "text/event-stream, text/plain"


# The spec gives no enum for EmbeddingFile.status (only "e.g. `active`"): these are the values taken as final.
EMBEDDING_DONE_STATUSES = frozenset({"active", "completed", "complete", "done", "processed", "ready", "success"})
EMBEDDING_FAILED_STATUSES = frozenset({"failed", "failure", "error", "errored"})

# The chat list is newest first; `ending_before=<oldest chat seen>` gives the next (older) page.
_CLIENT_CHAT_PAGES = CursorPages(items_path=("chats",), cursor_key="ending_before")
_EMBEDDING_FILE_PAGES = NumberedPages(items_path=("data", "files"))


class _PollOptions(TypedDict, total=False):
    """`RequestOptions` without `timeout`, which names the whole wait in `process_embedding_and_wait`."""

    extra_headers: Mapping[str, str]
    extra_query: Query
    max_retries: int
    idempotent: bool


def _embedding_status(result: Any) -> str | None:
    """The file's status from `{data: {status}}` (or a bare `{status}`), lower-cased."""
    if not isinstance(result, Mapping):
        return None
    data = result.get("data")
    holder = data if isinstance(data, Mapping) and "status" in data else result
    status = holder.get("status")
    return status.lower() if isinstance(status, str) else None


class AiAgentResource(Resource):
    """The AI-agent service (`{gateway}/ai-agent`, or IMBRACE_AI_AGENT_URL / `services={"ai_agent": ...}`)."""

    _service = "ai_agent"

    @cached_property
    def threads(self) -> Threads:
        """POST /v2/chat, with the chat-client routes: conversation handles (`threads.create`, `get`, `list`).

        A `Thread` sends each turn under its chat id, streams the reply, cancels it, and waits for the chat to go idle.

        Example: `thread = client.ai_agent.threads.create("asst_abc"); print(thread.reply("Hello").text)`
        """
        from ..threads import Threads

        return Threads(self)

    def _required_organization(self, organization_id: str | None, method: str) -> str:
        organization = self._organization(organization_id)
        if not organization:
            raise ValueError(f"{method} needs organization_id: pass it, or create the client with organization_id=")
        return organization

    # ------------------------------------------------------------------ chat v2 (streaming)

    def _chat_body(self, body: Mapping[str, Any], *, new_id: bool) -> dict[str, Any]:
        """The caller's body (not mutated) with a fresh chat `id` when asked and the client's organization."""
        payload = dict(body)
        if "messages" in payload:
            payload["messages"] = turn_messages(payload["messages"])
        if new_id and not payload.get("id"):
            payload["id"] = str(uuid.uuid4())
        organization = self._organization(payload.get("organization_id"))
        if organization:
            payload["organization_id"] = organization
        return payload

    def stream_chat(self, body: StreamChatBody, **options: Unpack[RequestOptions]) -> ChatStream:
        """POST /v2/chat: one chat turn; returns the reply as a stream that reads as it arrives.

        `body` is `{"id", "assistant_id", "messages", ...}`; `id` (a UUID) defaults to a new one (a new chat) and
        `organization_id` to the client's. A `{"role", "content"}` message is sent with its text as a part too (the
        service reads `parts`). The result works like the raw response the documentation uses
        (`status_code`, `headers`, `raise_for_status()`, `text`, `iter_lines()`) and adds `iter_events()` (typed
        chunks), `iter_text()` (text deltas) and `get_final_message()`. A non-2xx status raises before it returns;
        close it (or use `with`) if you do not read it to the end. Never retried once sent: a chat turn is a write.

        Example: `res = client.ai_agent.stream_chat({"assistant_id": "asst_abc", "messages": [...]})`
        """
        from ..streaming import ChatStream

        kwargs = stream_chat.build_request(body=self._chat_body(body, new_id=True))
        return ChatStream(
            self._open_stream(kwargs, options, accept=_CHAT_ACCEPT), self._transport.limits.max_event_bytes
        )

    def stream_chat_text(self, body: StreamChatBody, **options: Unpack[RequestOptions]) -> Iterator[str]:
        """POST /v2/chat: the reply's text deltas as they arrive, for streaming and non-streaming agents alike.

        A `text/plain` reply (an agent created with `streaming: false`) yields its text; an OpenAI-style chunk
        stream is understood too. Errors raise as in `stream_chat`.

        Example: `for chunk in client.ai_agent.stream_chat_text(body): print(chunk, end="", flush=True)`
        """
        stream = self.stream_chat(body, **options)
        try:
            for text in stream.iter_text():
                yield text
        finally:
            stream.close()

    def stream_sub_agent_chat(self, body: StreamSubAgentChatBody, **options: Unpack[RequestOptions]) -> ChatStream:
        """POST /v2/sub-agent-chat: a sub-agent turn, streamed like `stream_chat`.

        `body` carries `assistant_id`, `session_id`, `chat_id` and `messages`; `organization_id` defaults to the
        client's (on both clients).

        Example: `res = client.ai_agent.stream_sub_agent_chat({"assistant_id": "asst_sub", "session_id": "s", ...})`
        """
        from ..streaming import ChatStream

        kwargs = stream_sub_agent_chat.build_request(body=self._chat_body(body, new_id=False))
        return ChatStream(
            self._open_stream(kwargs, options, accept=_CHAT_ACCEPT), self._transport.limits.max_event_bytes
        )

    def stream_client_chat_status(self, chat_id: str, **options: Unpack[RequestOptions]) -> EventStream:
        """GET /chat-client/chats/{chat_id}/status/stream: the chat's status events until the server closes.

        Iterating yields `ChatStatusEvent`s (`event.status`: "processing", "idle"...); the raw response API
        (`status_code`, `iter_lines()`...) works too. A quiet gap longer than the read timeout raises
        `APITimeoutError`: pass `timeout=` to wait longer.

        Example: `status_stream = client.ai_agent.stream_client_chat_status("chat_id")`
        """
        from ..streaming import EventStream

        kwargs = stream_client_chat_status.build_request(chat_id)
        return EventStream(
            self._open_stream(kwargs, options, accept="text/event-stream"), self._transport.limits.max_event_bytes
        )

    # ------------------------------------------------------------------ service info

    def get_config(self, **options: Unpack[RequestOptions]) -> ConfigResponse:
        """GET /config: the service's public configuration.

        Example: `config = client.ai_agent.get_config()`
        """
        return self._json(get_config.build_request(), options)

    def get_health(self, detailed: bool = False, **options: Unpack[RequestOptions]) -> HealthResponse:
        """GET /health: the service's health; `detailed=True` asks for the per-dependency report.

        Example: `details = client.ai_agent.get_health(detailed=True)`
        """
        return self._json(get_health.build_request(detailed=True if detailed else None), options)

    def get_version(self, **options: Unpack[RequestOptions]) -> VersionResponse:
        """GET /version: the service's version information.

        Example: `version = client.ai_agent.get_version()`
        """
        return self._json(get_version.build_request(), options)

    # ------------------------------------------------------------------ legacy v1 chat store

    def list_chats(
        self,
        organization_id: str | None = None,
        user_id: str | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> LegacyChatList:
        """GET /chat: chats of the legacy v1 store (prefer `list_client_chats`).

        `organization_id` defaults to the client's; one of them is required (ValueError otherwise).

        Example: `chats = client.ai_agent.list_chats(organization_id="org_abc", user_id="user_123", limit=20)`
        """
        kwargs = list_chats.build_request(
            organization_id=self._required_organization(organization_id, "list_chats"), user_id=user_id, limit=limit
        )
        return self._json(kwargs, options)

    def get_chat(
        self, chat_id: str, include_messages: bool = False, **options: Unpack[RequestOptions]
    ) -> LegacyChatDetail:
        """GET /chat/{chat_id}: one legacy v1 chat, with its messages when `include_messages=True`.

        Example: `chat = client.ai_agent.get_chat("chat_id", include_messages=True)`
        """
        kwargs = get_chat.build_request(chat_id, include_messages=True if include_messages else None)
        return self._json(kwargs, options)

    def delete_chat(
        self,
        chat_id: str,
        organization_id: str | None = None,
        user_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> LegacyChatDeleteResponse | None:
        """DELETE /chat/{chat_id}: delete a legacy v1 chat; None when the server answers without a body.

        `organization_id` defaults to the client's; one of them is required (ValueError otherwise).

        Example: `client.ai_agent.delete_chat("chat_id", organization_id="org_abc", user_id="user_123")`
        """
        organization = self._required_organization(organization_id, "delete_chat")
        return self._json(delete_chat.build_request(chat_id, organization_id=organization, user_id=user_id), options)

    # ------------------------------------------------------------------ sub-agents and prompt suggestions

    def get_sub_agent_history(
        self, session_id: str | None = None, chat_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> SubAgentHistoryResponse:
        """GET /v2/sub-agent-chat/history: the messages a sub-agent exchanged in a session.

        Example: `history = client.ai_agent.get_sub_agent_history(session_id="sess_xyz", chat_id="chat_id")`
        """
        return self._json(get_sub_agent_history.build_request(session_id=session_id, chat_id=chat_id), options)

    def get_agent_prompt_suggestion(
        self, assistant_id: str, **options: Unpack[RequestOptions]
    ) -> PromptSuggestionsResponse:
        """GET /chat/get-agent-prompt-suggestion: starter prompts for an AI agent.

        Example: `suggestions = client.ai_agent.get_agent_prompt_suggestion("asst_abc")`
        """
        return self._json(get_agent_prompt_suggestion.build_request(assistant_id=assistant_id), options)

    # ------------------------------------------------------------------ embeddings

    def process_embedding(
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
        return self._json(process_embedding.build_request(body=body), request_options)

    def process_embedding_and_wait(
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
        result = self.process_embedding(file_id, options, **request_options)
        while True:
            status = _embedding_status(result)
            if status in EMBEDDING_DONE_STATUSES:
                return result
            if status in EMBEDDING_FAILED_STATUSES:
                raise JobFailedError(f"embedding of file {file_id!r}", status or "", result)
            remaining = deadline - monotonic()
            if remaining <= 0:
                raise JobTimeoutError(f"embedding of file {file_id!r}", timeout, status, result)
            time.sleep(min(interval, remaining))
            result = self.get_embedding_file(file_id, **request_options)

    def list_embedding_files(
        self, page: int | None = None, limit: int | None = None, **options: Unpack[RequestOptions]
    ) -> EmbeddingFileListResponse:
        """GET /embedding/files: one page of embedding files, as `{data: {files: [...]}}`.

        Walk every page with `iter_embedding_files`.

        Example: `files = client.ai_agent.list_embedding_files(page=1, limit=20)`
        """
        return self._json(list_embedding_files.build_request(page=page, limit=limit), options)

    def iter_embedding_files(
        self, page: int = 1, limit: int = 20, **options: Unpack[RequestOptions]
    ) -> Iterator[EmbeddingFile]:
        """GET /embedding/files, page after page: every file, fetching the next page only when it is needed.

        Stops after a page shorter than `limit`.

        Example: `for file in client.ai_agent.iter_embedding_files(limit=50): print(file["id"], file["status"])`
        """

        first = {"page": page, "limit": limit}
        for file in sync_walk(self.list_embedding_files, _EMBEDDING_FILE_PAGES, first, **options):
            yield file

    def get_embedding_file(self, file_id: str, **options: Unpack[RequestOptions]) -> EmbeddingFileResponse:
        """GET /embedding/files/{file_id}: one embedding file with its processing status.

        Example: `file = client.ai_agent.get_embedding_file("file_abc")`
        """
        return self._json(get_embedding_file.build_request(file_id), options)

    def preview_embedding_file(
        self, file_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> EmbeddingPreviewResponse:
        """GET /embedding/files/preview: a preview of a file's extracted content.

        Example: `preview = client.ai_agent.preview_embedding_file(file_id="file_abc")`
        """
        return self._json(preview_embedding_file.build_request(file_id=file_id), options)

    def update_embedding_file_status(
        self, file_id: str, status: str, **options: Unpack[RequestOptions]
    ) -> EmbeddingFileResponse:
        """PUT /embedding/files/{file_id}/status: set a file's status, sent as `{"status": status}`.

        Example: `client.ai_agent.update_embedding_file_status("file_abc", "active")`
        """
        kwargs = update_embedding_file_status.build_request(file_id, body={"status": status})
        return self._json(kwargs, options)

    def delete_embedding_file(self, file_id: str, **options: Unpack[RequestOptions]) -> SuccessResponse | None:
        """DELETE /embedding/files/{file_id}: remove a file and its embeddings; None when the reply has no body.

        Example: `client.ai_agent.delete_embedding_file("file_abc")`
        """
        return self._json(delete_embedding_file.build_request(file_id), options)

    def classify_file(self, file_id: str | None = None, **options: Unpack[RequestOptions]) -> ClassifyFileResponse:
        """GET /embedding/classify: classify a file for retrieval categorisation (the platform needs `file_id`).

        Example: `classification = client.ai_agent.classify_file(file_id="file_abc")`
        """
        return self._json(classify_file.build_request(file_id=file_id), options)

    # ------------------------------------------------------------------ data board

    def suggest_field_types(
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
        return self._json(suggest_field_types.build_request(body=body), options)

    # ------------------------------------------------------------------ parquet

    def generate_parquet(
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
        return self._json(generate_parquet.build_request(body=body), options)

    def list_parquet_files(
        self, folder_name: str | None = None, **options: Unpack[RequestOptions]
    ) -> ParquetFileListResponse:
        """GET /parquet/files: the generated parquet files, optionally of one folder.

        Example: `files = client.ai_agent.list_parquet_files()`
        """
        return self._json(list_parquet_files.build_request(folder_name=folder_name), options)

    def delete_parquet_file(
        self, file_name: str, folder_name: str | None = None, **options: Unpack[RequestOptions]
    ) -> ParquetDeleteResponse | None:
        """DELETE /parquet/{file_name}: delete a parquet file; None when the reply has no body.

        `file_name` is the stored name `generate_parquet` answered as `fileName` (`20261202_users`: the date of the
        day it was written, then the name given), `folder_name` its folder. A path or a `.parquet` name raises
        ValueError: the service finds nothing by them (404).

        Example: `client.ai_agent.delete_parquet_file("20261202_users", folder_name="exports")`
        """
        kwargs = delete_parquet_file.build_request(parquet_stored_name(file_name), folder_name=folder_name)
        return self._json(kwargs, options)

    # ------------------------------------------------------------------ tracing

    def get_traces(
        self,
        service: str | None = None,
        limit: int | None = None,
        time_range: int | None = None,
        org_id: str | None = None,
        details: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> TraceListResponse:
        """GET /trace/traces: recent traces of a service (sent as `timeRange`, `orgId`; `details=True` adds details).

        `time_range` is in seconds.

        Example: `traces = client.ai_agent.get_traces(service="ai-agent", limit=50, time_range=3600, details=True)`
        """
        kwargs = get_traces.build_request(
            service=service, limit=limit, time_range=time_range, org_id=org_id, details=details
        )
        return self._json(kwargs, options)

    def get_trace(
        self,
        trace_id: str,
        format: str | None = None,
        span_metrics: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> TraceDetailResponse:
        """GET /trace/traces/{trace_id}: one whole trace, with size metadata.

        Example: `trace = client.ai_agent.get_trace("trace_id_hex")`
        """
        return self._json(get_trace.build_request(trace_id, format_=format, span_metrics=span_metrics), options)

    def get_trace_services(self, **options: Unpack[RequestOptions]) -> TraceServicesResponse:
        """GET /trace/services: the service names seen in the traces.

        Example: `services = client.ai_agent.get_trace_services()`
        """
        return self._json(get_trace_services.build_request(), options)

    def get_trace_tags(self, time_range: int | None = None, **options: Unpack[RequestOptions]) -> TraceTagsResponse:
        """GET /trace/tags: the span tag names (`time_range` in seconds).

        Example: `tags = client.ai_agent.get_trace_tags()`
        """
        return self._json(get_trace_tags.build_request(time_range=time_range), options)

    def get_trace_tag_values(
        self, tag_name: str, time_range: int | None = None, **options: Unpack[RequestOptions]
    ) -> TraceTagValuesResponse:
        """GET /trace/tags/{tag_name}/values: the values seen for one tag (`time_range` in seconds).

        Example: `values = client.ai_agent.get_trace_tag_values("http.status_code")`
        """
        return self._json(get_trace_tag_values.build_request(tag_name, time_range=time_range), options)

    def search_traceql(
        self,
        q: str | None = None,
        *,
        queries: str | None = None,
        limit: int | None = None,
        time_range: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> TraceQLSearchResponse:
        """GET /trace/search/traceql: traces matching a TraceQL query `q`.

        `queries` is a JSON-encoded array of several queries instead (results deduplicated by trace id).

        Example: `results = client.ai_agent.search_traceql('{ .service.name = "ai-agent" && .http.status = 500 }')`
        """
        kwargs = search_traceql.build_request(q=q, queries=queries, limit=limit, time_range=time_range, org_id=org_id)
        return self._json(kwargs, options)

    # ------------------------------------------------------------------ chat client: auth

    def verify_chat_client_credentials(
        self, body: VerifyChatClientCredentialsBody, **options: Unpack[RequestOptions]
    ) -> ChatClientUser:
        """POST /chat-client/auth/verify-credentials: check a chat-client user's `{email, password}`.

        Returns `{id, email}`; a wrong password raises AuthenticationError (401 `invalid_credentials`). A body without
        both (the documentation's `{token}`) raises ValueError before sending.

        Example: `user = client.ai_agent.verify_chat_client_credentials({"email": "a@b.co", "password": "pw-123456"})`
        """
        return self._json(
            verify_chat_client_credentials.build_request(body=credentials_body(body, "verify_chat_client_credentials")),
            options,
        )

    def register_chat_client(self, body: RegisterChatClientBody, **options: Unpack[RequestOptions]) -> OkResponse:
        """POST /chat-client/auth/register: create a chat-client user from `{email, password}` (201 `{ok: true}`).

        A registered e-mail raises ConflictError (409 `user_exists`). A body without both (the documentation's
        `{name, secret}`) raises ValueError before sending.

        Example: `client.ai_agent.register_chat_client({"email": "a@b.co", "password": "pw-123456"})`
        """
        return self._json(
            register_chat_client.build_request(body=credentials_body(body, "register_chat_client")), options
        )

    def get_chat_client_user(
        self, body: GetChatClientUserBody | None = None, **options: Unpack[RequestOptions]
    ) -> ChatClientUser:
        """POST /chat-client/auth/user: the calling chat-client user (its `id` is the chat `user_id`).

        The service reads no body (the documentation's `{token}` is ignored); without `body` the request has none.

        Example: `user = client.ai_agent.get_chat_client_user()`
        """
        return self._json(get_chat_client_user.build_request(body=body), options)

    # ------------------------------------------------------------------ chat client: chats

    def create_client_chat(
        self,
        body: CreateClientChatBody | str,
        *,
        message: Mapping[str, Any] | None = None,
        selectedVisibilityType: str | None = None,
        assistantId: str | None = None,
        organizationId: str | None = None,
        userId: str | None = None,
        type: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ClientChatCreateResponse:
        """POST /chat-client/chats: create a chat with its first user message (or add the message if it exists).

        `body` is the whole chat dict, or the chat id with the other fields as keywords (the old `(id, **fields)`
        form); keywords given override the dict. `organizationId` defaults to the client's. The chat id and the
        message id are UUIDs; a message with `content` and no `parts` (the documentation's form) is sent with its
        text as a text part (the service reads only `parts`).

        Example: `client.ai_agent.create_client_chat({"id": str(uuid4()), "selectedVisibilityType": "private", ...})`
        """
        fields = {
            "message": message,
            "selectedVisibilityType": selectedVisibilityType,
            "assistantId": assistantId,
            "organizationId": organizationId,
            "userId": userId,
            "type": type,
        }
        chat: dict[str, Any] = {"id": body} if isinstance(body, str) else dict(body)
        chat.update({key: value for key, value in fields.items() if value is not None})
        if chat.get("organizationId") is None:
            organization = self._organization(None)
            if organization:
                chat["organizationId"] = organization
        return self._json(create_client_chat.build_request(body=client_chat_body(chat)), options)

    def list_client_chats(
        self,
        organization_id: str | None = None,
        limit: int | None = None,
        starting_after: str | None = None,
        ending_before: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ClientChatList:
        """GET /chat-client/chats: one page of the caller's chats, newest first (cursor paging).

        `organization_id` defaults to the client's. `ending_before=<chat id>` gives older chats, `starting_after`
        newer ones. Walk every page with `iter_client_chats`.

        Example: `chats = client.ai_agent.list_client_chats(organization_id="org_abc", limit=20)`
        """
        kwargs = list_client_chats.build_request(
            organization_id=self._organization(organization_id),
            limit=limit,
            starting_after=starting_after,
            ending_before=ending_before,
        )
        return self._json(kwargs, options)

    def iter_client_chats(
        self,
        organization_id: str | None = None,
        limit: int | None = None,
        ending_before: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Iterator[ClientChat]:
        """GET /chat-client/chats, page after page: every chat, newest first, fetching a page only when needed.

        Each next page starts before the oldest chat seen (`ending_before`); stops when the server says `hasMore`
        is false. `organization_id` defaults to the client's; `ending_before` starts below a given chat.

        Example: `for chat in client.ai_agent.iter_client_chats(limit=50): print(chat["title"])`
        """

        first = {"organization_id": organization_id, "limit": limit, "ending_before": ending_before}
        for chat in sync_walk(self.list_client_chats, _CLIENT_CHAT_PAGES, first, **options):
            yield chat

    def delete_all_client_chats(
        self, organization_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> DeleteAllClientChatsResponse | None:
        """DELETE /chat-client/chats: delete all of the caller's chats of an organization, with messages and votes.

        `organization_id` defaults to the client's. None when the reply has no body.

        Example: `client.ai_agent.delete_all_client_chats("org_abc")`
        """
        kwargs = delete_all_client_chats.build_request(organization_id=self._organization(organization_id))
        return self._json(kwargs, options)

    def get_client_chat(self, chat_id: str, **options: Unpack[RequestOptions]) -> ClientChat:
        """GET /chat-client/chats/{chat_id}: one chat.

        Example: `chat = client.ai_agent.get_client_chat("chat_id")`
        """
        return self._json(get_client_chat.build_request(chat_id), options)

    def update_client_chat(
        self, chat_id: str, body: UpdateClientChatBody, **options: Unpack[RequestOptions]
    ) -> OkResponse:
        """PATCH /chat-client/chats/{chat_id}: change a chat's `assistantId` or `visibility`.

        Any other key (e.g. `title`, which the service silently ignores) raises ValueError before sending.

        Example: `client.ai_agent.update_client_chat("chat_id", {"visibility": "private"})`
        """
        return self._json(update_client_chat.build_request(chat_id, body=chat_update_body(body)), options)

    def delete_client_chat(self, chat_id: str, **options: Unpack[RequestOptions]) -> ClientChat | None:
        """DELETE /chat-client/chats/{chat_id}: delete a chat with its messages and votes; returns the deleted chat.

        None when the server answers null or without a body (204).

        Example: `client.ai_agent.delete_client_chat("chat_id")`
        """
        return self._json(delete_client_chat.build_request(chat_id), options)

    def generate_client_chat_title(
        self, chat_id: str, body: GenerateClientChatTitleBody | None = None, **options: Unpack[RequestOptions]
    ) -> GenerateTitleResponse:
        """POST /chat-client/chats/{chat_id}/title: a title for a message's text (the chat itself is not updated).

        `body` is `{"message": {"parts": [text_part, ...]}}` with `text_part = {"type": "text", "text": ...}`; without
        it (the documentation's call)
        ValueError is raised before sending: the service answers 400.

        Example: `client.ai_agent.generate_client_chat_title("chat_id", {"message": {"parts": [text_part]}})`
        """
        kwargs = generate_client_chat_title.build_request(chat_id, body=title_body(body))
        return self._json(kwargs, options)

    # ------------------------------------------------------------------ chat client: messages and votes

    def persist_client_message(
        self, body: PersistClientMessageBody, **options: Unpack[RequestOptions]
    ) -> ClientMessageCreateResponse:
        """POST /chat-client/messages: store an assistant message produced elsewhere; returns `{ok, id}`.

        `body` is `{"message": {"id", "chatId", "role": "assistant", "parts", "metadata"?}}`, or the documented
        `{"chatId", "content"}`, sent as such a message with one text part and a new UUID id. Anything else raises
        ValueError before sending. A non-UUID message id is replaced by the service (and kept in a `source` part).

        Example: `client.ai_agent.persist_client_message({"chatId": "chat_id", "content": "Hello"})`
        """
        return self._json(persist_client_message.build_request(body=message_body(body)), options)

    def list_client_messages(self, chat_id: str, **options: Unpack[RequestOptions]) -> list[ClientMessage]:
        """GET /chat-client/chats/{chat_id}/messages: every message of a chat, oldest first.

        Example: `messages = client.ai_agent.list_client_messages("chat_id")`
        """
        return self._json(list_client_messages.build_request(chat_id), options)

    def delete_trailing_messages(self, message_id: str, **options: Unpack[RequestOptions]) -> OkResponse | None:
        """DELETE /chat-client/messages/{message_id}/trailing: delete a message and every later one of its chat.

        None when the reply has no body.

        Example: `client.ai_agent.delete_trailing_messages("message_id")`
        """
        return self._json(delete_trailing_messages.build_request(message_id), options)

    def get_votes(self, chat_id: str, **options: Unpack[RequestOptions]) -> list[Vote]:
        """GET /chat-client/chats/{chat_id}/votes: the up/down votes on a chat's messages.

        Example: `votes = client.ai_agent.get_votes("chat_id")`
        """
        return self._json(get_votes.build_request(chat_id), options)

    def update_vote(self, body: UpdateVoteBody, **options: Unpack[RequestOptions]) -> OkResponse:
        """PATCH /chat-client/votes: vote a message of a chat up or down, `{"chatId", "messageId", "type"}`.

        A `vote` key is taken as `type`; without `chatId` (the documentation's `{messageId, vote}`) ValueError is
        raised before sending. A message the chat does not hold is a 400 (`bad_request:database`).

        Example: `client.ai_agent.update_vote({"chatId": "chat_id", "messageId": "msg_id", "type": "up"})`
        """
        return self._json(update_vote.build_request(body=vote_body(body)), options)

    # ------------------------------------------------------------------ chat client: documents

    def create_document(
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
        return self._json(kwargs, options)

    def get_document_latest_by_kind(self, kind: DocumentKind, **options: Unpack[RequestOptions]) -> Document | None:
        """GET /chat-client/documents/latest-by-kind: the caller's newest document of a kind, or None.

        Example: `by_kind = client.ai_agent.get_document_latest_by_kind(kind="text")`
        """
        return self._json(get_document_latest_by_kind.build_request(kind=kind), options)

    def get_document(self, doc_id: str, **options: Unpack[RequestOptions]) -> list[Document]:
        """GET /chat-client/documents/{doc_id}: every version of a document, oldest first.

        Example: `doc = client.ai_agent.get_document("doc_id")`
        """
        return self._json(get_document.build_request(doc_id), options)

    def get_document_latest(self, doc_id: str, **options: Unpack[RequestOptions]) -> Document:
        """GET /chat-client/documents/{doc_id}/latest: a document's newest version.

        Example: `latest = client.ai_agent.get_document_latest("doc_id")`
        """
        return self._json(get_document_latest.build_request(doc_id), options)

    def get_document_public(self, doc_id: str, **options: Unpack[RequestOptions]) -> Document:
        """GET /chat-client/documents/{doc_id}/public: a shared document's newest version.

        Example: `pub = client.ai_agent.get_document_public("doc_id")`
        """
        return self._json(get_document_public.build_request(doc_id), options)

    def delete_document(
        self, doc_id: str, timestamp: str | None = None, **options: Unpack[RequestOptions]
    ) -> list[Document] | None:
        """DELETE /chat-client/documents/{doc_id}: delete a document's versions; returns the deleted ones.

        `timestamp` (ISO 8601) deletes only the versions created after it; without it every version is deleted
        (the SDK sends the Unix epoch: the service requires a timestamp). None when the reply has no body.

        Example: `client.ai_agent.delete_document("doc_id")`
        """
        kwargs = delete_document.build_request(doc_id, timestamp=timestamp or ALL_VERSIONS)
        return self._json(kwargs, options)

    def get_document_suggestions(self, document_id: str, **options: Unpack[RequestOptions]) -> list[DocumentSuggestion]:
        """GET /chat-client/documents/{document_id}/suggestions: the edit suggestions on a document.

        Example: `suggestion = client.ai_agent.get_document_suggestions("doc_id")`
        """
        return self._json(get_document_suggestions.build_request(document_id), options)

    # ------------------------------------------------------------------ admin guides

    def list_admin_guides(self, **options: Unpack[RequestOptions]) -> AdminGuideListResponse:
        """GET /admin/guides: the admin guide files.

        Example: `guides = client.ai_agent.list_admin_guides()`
        """
        return self._json(list_admin_guides.build_request(), options)

    def get_admin_guide(self, filename: str, **options: Unpack[RequestOptions]) -> httpx.Response:
        """GET /admin/guides/{filename}: a guide file (usually a PDF) as the read `httpx.Response`.

        The bytes are `response.content`; to stream a large file to disk instead, use `download_admin_guide`.

        The service bundles `ai-agent-guide-*.pdf` files (see `list_admin_guides`); an unknown name is NotFoundError,
        a name other than `<letters, digits, ._->.pdf` BadRequestError (`Invalid filename`).

        Example: `response = client.ai_agent.get_admin_guide("ai-agent-guide-code-step.pdf")`
        """
        return self._response(get_admin_guide.build_request(filename), options)

    def download_admin_guide(self, filename: str, path: str | Path, **options: Unpack[RequestOptions]) -> Path:
        """GET /admin/guides/{filename}, streamed chunk by chunk to `path`; returns the path.

        A partly written file is removed when the download fails.

        Example: `client.ai_agent.download_admin_guide("ai-agent-guide-code-step.pdf", "guide.pdf")`
        """
        return self._download(get_admin_guide.build_request(filename), path, options)
