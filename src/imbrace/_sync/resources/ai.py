# Generated from src/imbrace/_async/resources/ai.py by codegen/unasync.py. Do not edit: change the async source.
"""`client.ai`: the OpenAI-compatible AI service: completions, embeddings, models, providers, guardrails, RAG files."""

from __future__ import annotations

from ._resource import Resource

__all__ = ["AiResource"]


class AiResource(Resource):
    """The OpenAI-compatible AI service: completions, embeddings, models, providers, guardrails, RAG files, agents."""

    _service = "ai"
