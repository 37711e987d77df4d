"""The hand-written handlers, registered by operationId as their modules are imported.

Every operation of our specs has one; a vendor operation has one only where it replaces the generic handler
(`generic.py`), which serves the rest.
"""

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
    "board_lookups",
    "boards",
    "chat",
    "chat_client",
    "completions",
    "crmboards",
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
