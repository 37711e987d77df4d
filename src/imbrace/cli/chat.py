"""`imbrace chat --agent ID "message"`: one chat turn, its reply written to the terminal as it arrives."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TextIO

from .target import live_client

__all__ = ["Reply", "chat", "write_reply"]


@dataclass(frozen=True)
class Reply:
    """A streamed reply: its text, how many deltas it came in, and the seconds from the first to the last."""

    text: str
    deltas: int
    seconds: float


def write_reply(deltas: Iterable[str], out: TextIO, indent: str = "") -> Reply:
    """Write each delta to `out` the moment it arrives (flushed), indenting every line by `indent`."""
    pieces: list[str] = []
    first = last = 0.0
    for delta in deltas:
        last = time.monotonic()
        first = first or last
        out.write(delta.replace("\n", "\n" + indent))
        out.flush()
        pieces.append(delta)
    return Reply("".join(pieces), len(pieces), last - first)


def chat(agent_id: str, message: str, gateway: str | None, out: TextIO) -> None:
    """Stream the agent's reply to `message` (a new chat) to `out`."""
    body = {"assistant_id": agent_id, "messages": [{"role": "user", "content": message}]}
    with live_client(gateway) as client:
        reply = write_reply(client.ai_agent.stream_chat_text(body), out)
    if not reply.text.endswith("\n"):
        out.write("\n")
        out.flush()
