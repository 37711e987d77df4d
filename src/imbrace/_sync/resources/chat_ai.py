# Generated from src/imbrace/_async/resources/chat_ai.py by codegen/unasync.py. Do not edit: change the async source.
"""`client.chat_ai`: AI agents (CRUD), agent files and document processing on the AI service (`/v3/ai`)."""

from __future__ import annotations

from ._resource import Resource

__all__ = ["ChatAiResource"]


class ChatAiResource(Resource):
    """AI agents (CRUD), agent files and document processing on the AI service (`/v3/ai`)."""

    _service = "ai"
