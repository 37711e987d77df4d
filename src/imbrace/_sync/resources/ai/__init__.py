# Generated from src/imbrace/_async/resources/ai/__init__.py by codegen/unasync.py: edit that file.
"""`client.ai`: the OpenAI-compatible AI service: completions, embeddings, models, providers, guardrails, RAG files."""

from __future__ import annotations

from .agent_apps import AgentApps

__all__ = ["AiResource"]


class AiResource(AgentApps):
    """The OpenAI-compatible AI service: completions, embeddings, models, providers, guardrails, RAG files, agents."""
