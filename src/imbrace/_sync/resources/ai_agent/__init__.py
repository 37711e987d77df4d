# Generated from src/imbrace/_async/resources/ai_agent/__init__.py by codegen/unasync.py: edit that file.
"""`client.ai_agent`: the AI-agent service: chat v2 streaming, embeddings, parquet, traces, the chat-client API."""

from __future__ import annotations

from .documents import ChatClientDocuments

__all__ = ["AiAgentResource"]


class AiAgentResource(ChatClientDocuments):
    """The AI-agent service (`{gateway}/ai-agent`, or IMBRACE_AI_AGENT_URL / `services={"ai_agent": ...}`)."""
