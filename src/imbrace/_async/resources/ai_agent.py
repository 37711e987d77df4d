"""`client.ai_agent`: the AI-agent service: chat v2 streaming, embeddings, parquet, traces, the chat-client API."""

from __future__ import annotations

from typing import TYPE_CHECKING, Unpack

from ..._generated.ai_agent.api.ai_agent import (
    get_client_chat,
    get_config,
    get_health,
    list_client_chats,
    update_client_chat,
)
from ..._types import RequestOptions
from ._resource import AsyncResource

if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

    from ..._generated.ai_agent.shapes import ClientChat, ClientChatList, ConfigResponse, HealthResponse, OkResponse

__all__ = ["AsyncAiAgentResource"]


class AsyncAiAgentResource(AsyncResource):
    """The AI-agent service (`{gateway}/ai-agent`, or IMBRACE_AI_AGENT_URL / `services={"ai_agent": ...}`)."""

    _service = "ai_agent"

    async def get_config(self, **options: Unpack[RequestOptions]) -> ConfigResponse:
        """GET /config: the service's public configuration.

        Example: `config = client.ai_agent.get_config()`
        """
        return await self._json(get_config._get_kwargs(), options)

    async def get_health(self, detailed: bool = False, **options: Unpack[RequestOptions]) -> HealthResponse:
        """GET /health: the service's health; `detailed=True` asks for the per-dependency report.

        Example: `details = client.ai_agent.get_health(detailed=True)`
        """
        return await self._json(get_health._get_kwargs(detailed=True if detailed else None), options)

    async def list_client_chats(
        self,
        organization_id: str | None = None,
        limit: int | None = None,
        starting_after: str | None = None,
        ending_before: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ClientChatList:
        """GET /chat-client/chats: one page of the caller's chats, newest first (cursor paging).

        `organization_id` defaults to the client's. Walk every page with `iter_client_chats`.

        Example: `chats = client.ai_agent.list_client_chats(organization_id="org_abc", limit=20)`
        """
        kwargs = list_client_chats._get_kwargs(
            organization_id=self._organization(organization_id),
            limit=limit,
            starting_after=starting_after,
            ending_before=ending_before,
        )
        return await self._json(kwargs, options)

    async def get_client_chat(self, chat_id: str, **options: Unpack[RequestOptions]) -> ClientChat:
        """GET /chat-client/chats/{chat_id}: one chat.

        Example: `chat = client.ai_agent.get_client_chat("chat_id")`
        """
        return await self._json(get_client_chat._get_kwargs(chat_id), options)

    async def update_client_chat(
        self, chat_id: str, body: Mapping[str, Any], **options: Unpack[RequestOptions]
    ) -> OkResponse:
        """PATCH /chat-client/chats/{chat_id}: change a chat's title or visibility.

        Example: `client.ai_agent.update_client_chat("chat_id", {"visibility": "private"})`
        """
        return await self._json(update_client_chat._get_kwargs(chat_id, body=body), options)
