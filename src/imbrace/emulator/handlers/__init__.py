"""The handlers of every operation, registered by operationId as their modules are imported."""

from __future__ import annotations

from importlib import import_module

from .base import HANDLERS, Ctx, Handler

__all__ = ["HANDLERS", "Ctx", "Handler"]

_MODULES = (
    "agent_service",
    "agents",
    "ai_files",
    "board_fields",
    "board_items",
    "boards",
    "chat",
    "chat_client",
    "completions",
    "documents",
    "drives",
    "embeddings",
    "guardrails",
    "knowledge",
    "parquet",
    "platform",
    "providers",
    "segments",
    "traces",
)

for _module in _MODULES:
    import_module(f"{__name__}.{_module}")
