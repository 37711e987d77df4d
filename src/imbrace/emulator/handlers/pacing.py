"""How fast a stream goes: the seconds between two events, so tests and demos can watch deltas arrive one by one."""

from __future__ import annotations

from typing import Any

from ..errors import HttpError
from ..store import Doc
from .base import Ctx

__all__ = ["DELAY_HEADER", "DELAY_QUERY", "stream_delay"]

DELAY_HEADER = "x-emulator-chat-delay"
DELAY_QUERY = "emulator_chat_delay"
_MAX_DELAY = 10.0


def stream_delay(ctx: Ctx, agent: Doc | None = None) -> float:
    """The request's header, else its query parameter, else the agent's `metadata.emulator_chat_delay`, else the
    emulator's `chat_delay` setting."""
    metadata = (agent or {}).get("metadata") or {}
    for value in (ctx.request.headers.get(DELAY_HEADER), ctx.query(DELAY_QUERY), metadata.get(DELAY_QUERY)):
        if value is not None:
            return _seconds(value)
    return ctx.state.settings.chat_delay


def _seconds(value: Any) -> float:
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        seconds = -1.0
    if not 0 <= seconds <= _MAX_DELAY:
        raise HttpError(400, f"a stream delay is a number of seconds from 0 to {_MAX_DELAY:g}, got {value!r}")
    return seconds
