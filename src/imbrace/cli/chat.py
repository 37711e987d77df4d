"""`imbrace chat --agent ID`: a conversation with an agent in the terminal, one thread across turns.

With a message, one turn: the reply is written as it arrives, then the command ends. Without one, it reads a message
per line and streams each reply, all in one chat (`--chat ID` continues an existing one). Ctrl-C stops the reply in
progress and the conversation goes on; Ctrl-C at the prompt, or the end of the input (Ctrl-D), ends it.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from .errors import USAGE, CliError
from .target import live_client

if TYPE_CHECKING:
    from .._sync.threads import Thread

__all__ = ["PROMPT", "Reply", "chat", "converse", "write_reply"]

PROMPT = "you> "


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


def chat(
    agent_id: str, message: str | None, gateway: str | None, out: TextIO, lines: TextIO, chat_id: str | None
) -> None:
    """One turn when `message` is given, else a conversation read line by line from `lines`."""
    with live_client(gateway) as client:
        threads = client.ai_agent.threads
        try:
            thread = threads.create(agent_id) if chat_id is None else threads(chat_id, assistant_id=agent_id)
        except ValueError as exc:
            raise CliError(str(exc), code=USAGE) from exc
        if message is None:
            converse(thread, lines, out)
        else:
            _turn(thread, message, out)


def converse(thread: Thread, lines: TextIO, out: TextIO) -> None:
    """Send each line of `lines` to `thread` and write the replies; Ctrl-C during a reply cancels only that reply."""
    out.write(f"chat {thread.id}: Ctrl-C stops a reply, Ctrl-D ends\n")
    while True:
        out.write(PROMPT)
        out.flush()
        try:
            line = lines.readline()
        except KeyboardInterrupt:
            break
        if not line:
            break
        if not line.strip():
            continue
        try:
            _turn(thread, line.strip(), out)
        except KeyboardInterrupt:
            thread.cancel()
            out.write(" [cancelled]\n")
    out.write("\n")
    out.flush()


def _turn(thread: Thread, message: str, out: TextIO) -> None:
    with thread.send(message) as stream:
        reply = write_reply(stream.iter_text(), out)
    if not reply.text.endswith("\n"):
        out.write("\n")
        out.flush()
