# Generated from src/imbrace/_async/resources/ai_agent/chat.py by codegen/unasync.py: edit that file.
"""Chat turns (v2 streaming, sub-agents, prompt suggestions), the legacy v1 chat store, service info."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any, cast

from typing_extensions import Unpack

from ...._agent_bodies import (
    turn_messages,
)
from ...._generated.ai_agent.api.ai_agent import (
    delete_chat,
    get_agent_prompt_suggestion,
    get_chat,
    get_config,
    get_health,
    get_sub_agent_history,
    get_version,
    list_chats,
    stream_chat,
    stream_client_chat_status,
    stream_sub_agent_chat,
)
from ...._types import RequestOptions
from .._resource import Resource

if TYPE_CHECKING:
    from ...._generated.ai_agent.params import (
        StreamChatBody,
        StreamSubAgentChatBody,
    )
    from ...._generated.ai_agent.shapes import (
        ConfigResponse,
        HealthResponse,
        LegacyChatDeleteResponse,
        LegacyChatDetail,
        LegacyChatList,
        PromptSuggestionsResponse,
        SubAgentHistoryResponse,
        VersionResponse,
    )
    from ...streaming import ChatStream, EventStream
    from ...threads import Threads
    from . import AiAgentResource
from ._shared import _CHAT_ACCEPT

__all__ = ["AgentChat"]


class AgentChat(Resource):
    """The AI-agent service (`{gateway}/ai-agent`, or IMBRACE_AI_AGENT_URL / `services={"ai_agent": ...}`)."""

    _service = "ai_agent"

    @cached_property
    def threads(self) -> Threads:
        """POST /v2/chat, with the chat-client routes: conversation handles (`threads.create`, `get`, `list`).

        A `Thread` sends each turn under its chat id, streams the reply, cancels it, and waits for the chat to go idle.

        Example: `thread = client.ai_agent.threads.create("asst_abc"); print(thread.reply("Hello").text)`
        """
        from ...threads import Threads

        return Threads(cast("AiAgentResource", self))  # the property is only reached on the whole resource

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
        from ...streaming import ChatStream

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
        from ...streaming import ChatStream

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
        from ...streaming import EventStream

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
