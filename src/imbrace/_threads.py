"""What a conversation thread (`client.ai_agent.threads`) builds without I/O: the user message of a turn, the stored
shape of a reply, and the id check the service makes.

One copy serves the sync and async handles. The shapes are the AI-agent service's (`server/src/routes/chatClient.ts`,
`services/chatSessionService.ts`): ids are UUIDs, a message is `{id, role, parts}`, and a saved reply has its
reasoning and transient data parts dropped.
"""

from __future__ import annotations

import contextlib
import re
import socket
import uuid
from collections.abc import Mapping, Sequence
from typing import Any, Union

import httpx
from typing_extensions import TypeAlias

from .types._accumulate import MessagePart, ReasoningPart, TextPart, ToolPart, UIMessage
from .types.ui_message import DataChunk

__all__ = ["Content", "ThreadMessage", "check_chat_id", "reply_message", "shutdown_socket", "user_message"]

ThreadMessage: TypeAlias = dict[str, Any]
"""A message as the service stores it: `{"id", "role", "parts", ...}`."""

Content: TypeAlias = Union[str, Sequence[Mapping[str, Any]]]
"""What a turn sends: a text, or the message's parts (`[{"type": "text", "text": ...}, {"type": "file", ...}]`)."""

# zod's `.uuid()`: the service answers 400 (or 500 on /v2/chat) for any other chat id.
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)


def check_chat_id(chat_id: str) -> str:
    """`chat_id` when it is a UUID (as the service requires), else ValueError."""
    if not isinstance(chat_id, str) or not _UUID.fullmatch(chat_id):
        raise ValueError(f"a chat id is a UUID such as {uuid.uuid4()}, got {chat_id!r}")
    return chat_id


def user_message(content: Content) -> ThreadMessage:
    """A new user message with a fresh UUID: one text part for a string, else a copy of the given parts."""
    if isinstance(content, str):
        if not content.strip():
            raise ValueError("a message needs some text")
        parts = [{"type": "text", "text": content}]
    else:
        if isinstance(content, Mapping) or not all(isinstance(part, Mapping) for part in content):
            raise TypeError("a message is a text or a list of parts (dicts with a `type`)")
        parts = [dict(part) for part in content]
        if not parts or not all(isinstance(part.get("type"), str) for part in parts):
            raise ValueError("a message needs at least one part, and every part a `type`")
    return {"id": str(uuid.uuid4()), "role": "user", "parts": parts}


def reply_message(message: UIMessage, **marks: bool) -> ThreadMessage:
    """The assistant message a reply built, in the shape the service saves it; `marks` go into its metadata."""
    metadata = dict(message.metadata) if isinstance(message.metadata, Mapping) else {}
    metadata.update(marks)
    parts = [stored for stored in map(_stored_part, message.parts) if stored is not None]
    return {
        "id": message.id or str(uuid.uuid4()),
        "role": "assistant",
        "parts": parts,
        "metadata": metadata or message.metadata,
    }


def _stored_part(part: MessagePart) -> dict[str, Any] | None:
    """A part as the service saves it; None for what it drops (reasoning, transient data)."""
    if isinstance(part, TextPart):
        return {"type": "text", "text": part.text, "state": "done" if part.done else "streaming"}
    if isinstance(part, ReasoningPart):
        return None
    if isinstance(part, ToolPart):
        kind = (
            {"type": "dynamic-tool", "toolName": part.tool_name} if part.dynamic else {"type": f"tool-{part.tool_name}"}
        )
        stored = {**kind, "toolCallId": part.tool_call_id, "state": part.state, "input": part.input}
        if part.state == "output-available":
            stored["output"] = part.output
        if part.error_text is not None:
            stored["errorText"] = part.error_text
        return stored
    if isinstance(part, DataChunk) and part.transient:
        return None
    return part.model_dump(by_alias=True, exclude_none=True)


def shutdown_socket(response: httpx.Response) -> None:
    """Shut the response's socket down, which wakes a read blocked on it in another thread (closing it does not).

    An event loop's transport socket is left alone: closing the response wakes a task reading it.
    """
    stream = response.extensions.get("network_stream")
    sock = stream.get_extra_info("socket") if stream is not None else None
    if isinstance(sock, socket.socket):
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
