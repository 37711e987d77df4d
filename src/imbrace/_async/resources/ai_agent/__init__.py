"""`client.ai_agent`: the AI-agent service: chat v2 streaming, embeddings, parquet, traces, the chat-client API."""

from __future__ import annotations

from .documents import AsyncChatClientDocuments

__all__ = ["AsyncAiAgentResource"]


class AsyncAiAgentResource(AsyncChatClientDocuments):
    """The AI-agent service (`{gateway}/ai-agent`, or IMBRACE_AI_AGENT_URL / `services={"ai_agent": ...}`)."""
