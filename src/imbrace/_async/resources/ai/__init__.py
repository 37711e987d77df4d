"""`client.ai`: the OpenAI-compatible AI service: completions, embeddings, models, providers, guardrails, RAG files."""

from __future__ import annotations

from .agent_apps import AsyncAgentApps

__all__ = ["AsyncAiResource"]


class AsyncAiResource(AsyncAgentApps):
    """The OpenAI-compatible AI service: completions, embeddings, models, providers, guardrails, RAG files, agents."""
