"""`client.chat_ai`: AI agents (CRUD), agent files and document processing on the AI service (`/v3/ai`)."""

from __future__ import annotations

from ._resource import AsyncResource

__all__ = ["AsyncChatAiResource"]


class AsyncChatAiResource(AsyncResource):
    """AI agents (CRUD), agent files and document processing on the AI service (`/v3/ai`)."""

    _service = "ai"
