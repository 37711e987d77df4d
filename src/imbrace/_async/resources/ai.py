"""`client.ai`: the OpenAI-compatible AI service: completions, embeddings, models, providers, guardrails, RAG files."""

from __future__ import annotations

from ._resource import AsyncResource

__all__ = ["AsyncAiResource"]


class AsyncAiResource(AsyncResource):
    """The OpenAI-compatible AI service: completions, embeddings, models, providers, guardrails, RAG files, agents."""

    _service = "ai"
