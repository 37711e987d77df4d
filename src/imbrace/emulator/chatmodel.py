"""A deterministic stand-in for the platform's models: the same input always gives the same reply.

The reply echoes the last user message ("You said: ..."), split into word-sized deltas. An agent with
`show_thinking_process` also streams reasoning; a message containing "use tool" makes the agent call the
`RAGknowledge` tool first, one containing "create document" the `createDocument` tool. Completions and embeddings
follow the OpenAI shapes.

The UI-message chunks are as the AI-agent service sends them (measured, `service-conformance.md`): part ids from the
OpenAI-compatible provider (`txt-0`, `reasoning-0`), no `finishReason` on `finish`, the knowledge-search input
`{tool_title, vector_search_query, full_text_search_query}`, and a document tool's `data-kind`/`data-id`/
`data-title`/`data-clear` chunks ahead of its `tool-input-available`.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

__all__ = [
    "DOCUMENT_TRIGGER",
    "TOOL_TRIGGER",
    "Turn",
    "completion",
    "completion_chunks",
    "embedding_vector",
    "message_parts",
    "plan_turn",
    "split_deltas",
    "text_of",
    "ui_chunks",
]

TOOL_TRIGGER = "use tool"
DOCUMENT_TRIGGER = "create document"
_TOOL_NAME = "RAGknowledge"
_DOCUMENT_TOOL = "createDocument"
_EMBEDDING_DIMENSIONS = 16


@dataclass(frozen=True)
class ToolCall:
    call_id: str
    name: str
    input: dict[str, Any]
    output: dict[str, Any]
    data: tuple[dict[str, Any], ...] = ()  # the tool's data-* chunks before its input is announced
    streamed: tuple[dict[str, Any], ...] = ()  # and after it


@dataclass(frozen=True)
class Turn:
    """What the agent answers to one user message."""

    reply: str
    reasoning: str | None = None
    tool: ToolCall | None = None


def text_of(message: Any) -> str:
    """The text of a UI message (`parts` of type text) or an OpenAI-style message (`content` string or parts)."""
    if not isinstance(message, dict):
        return ""
    parts = message.get("parts")
    if not isinstance(parts, list):
        content = message.get("content")
        parts = content if isinstance(content, list) else [{"type": "text", "text": content or ""}]
    return "".join(str(p.get("text", "")) for p in parts if isinstance(p, dict) and p.get("type") == "text")


def last_user_text(messages: Iterable[Any]) -> str:
    users = [m for m in messages if isinstance(m, dict) and m.get("role") == "user"]
    return text_of(users[-1]) if users else ""


def reply_to(text: str) -> str:
    return f"You said: {text.strip()}" if text.strip() else "You sent an empty message."


def plan_turn(text: str, *, thinking: bool, chat_id: str = "", document_id: str = "") -> Turn:
    """The turn for the user's text; a `createDocument` call writes `document_id` of chat `chat_id`."""
    call_id = "call_" + hashlib.sha256(text.encode()).hexdigest()[:16]
    tool = None
    if DOCUMENT_TRIGGER in text.lower():
        tool = _document_tool(call_id, text, chat_id, document_id)
    elif TOOL_TRIGGER in text.lower():
        output = {"results": [], "message": "No document of the knowledge base matches (emulated search)."}
        query = {"tool_title": "Searching the knowledge base", "vector_search_query": text}
        tool = ToolCall(call_id, _TOOL_NAME, {**query, "full_text_search_query": text}, output)
    reasoning = f"The user wrote {len(text.split())} words; I will repeat them back." if thinking else None
    return Turn(reply_to(text), reasoning, tool)


def _document_tool(call_id: str, text: str, chat_id: str, document_id: str) -> ToolCall:
    title, content = text.strip()[:80], f"# {text.strip()}\n\nA document the emulator wrote."
    output = {"id": document_id, "title": title, "kind": "text", "chatId": chat_id, "content": content}
    data = tuple(
        {"type": f"data-{key}", "data": {"value": value, "chatId": chat_id}, "transient": True}
        for key, value in (("kind", "text"), ("id", document_id), ("title", title))
    )
    deltas = tuple(
        {"type": "data-textDelta", "data": {"value": piece, "chatId": chat_id}, "transient": True}
        for piece in split_deltas(content)
    )
    clear = {"type": "data-clear", "data": {"chatId": chat_id}, "transient": True}
    finish = {"type": "data-finish", "data": {"chatId": chat_id}, "transient": True}
    tool_input = {"title": title, "kind": "text"}
    return ToolCall(call_id, _DOCUMENT_TOOL, tool_input, output, (*data, clear), (*deltas, finish))


def split_deltas(text: str) -> list[str]:
    """Word-sized pieces (each with its trailing space) that join back to `text`."""
    return re.findall(r"\s*\S+\s*", text) or [text]


def ui_chunks(turn: Turn, message_id: str) -> list[dict[str, Any]]:
    """The Vercel AI SDK UI-message chunks of the turn, from `start` to `finish` ([DONE] is the stream's)."""
    chunks: list[dict[str, Any]] = [{"type": "start", "messageId": message_id}, {"type": "start-step"}]
    if turn.reasoning is not None:
        chunks += _part_chunks("reasoning", "reasoning-0", turn.reasoning)
    if turn.tool is not None:
        chunks += _tool_chunks(turn.tool)
        chunks += [{"type": "finish-step"}, {"type": "start-step"}]
    chunks += _part_chunks("text", "txt-0", turn.reply)
    chunks += [{"type": "finish-step"}, {"type": "finish"}]
    return chunks


def _part_chunks(kind: str, part_id: str, text: str) -> list[dict[str, Any]]:
    deltas = [{"type": f"{kind}-delta", "id": part_id, "delta": d} for d in split_deltas(text)]
    return [{"type": f"{kind}-start", "id": part_id}, *deltas, {"type": f"{kind}-end", "id": part_id}]


def _tool_chunks(tool: ToolCall) -> list[dict[str, Any]]:
    ids = {"toolCallId": tool.call_id}
    return [
        {"type": "tool-input-start", **ids, "toolName": tool.name},
        {"type": "tool-input-delta", **ids, "inputTextDelta": json.dumps(tool.input)},
        *tool.data,
        {"type": "tool-input-available", **ids, "toolName": tool.name, "input": tool.input},
        *tool.streamed,
        {"type": "tool-output-available", **ids, "output": tool.output},
    ]


def message_parts(turn: Turn) -> list[dict[str, Any]]:
    """The assistant message's parts as the service saves them."""
    parts: list[dict[str, Any]] = [{"type": "step-start"}]
    if turn.reasoning is not None:
        parts.append({"type": "reasoning", "text": turn.reasoning, "state": "done"})
    if turn.tool is not None:
        tool = turn.tool
        parts.append(
            {
                "type": f"tool-{tool.name}",
                "toolCallId": tool.call_id,
                "state": "output-available",
                "input": tool.input,
                "output": tool.output,
            }
        )
        parts.append({"type": "step-start"})
    parts.append({"type": "text", "text": turn.reply, "state": "done"})
    return parts


def completion(model: str, messages: list[Any]) -> dict[str, Any]:
    """An OpenAI `chat.completion` answering the last user message."""
    text = last_user_text(messages)
    reply = reply_to(text)
    prompt, answer = _tokens(" ".join(text_of(m) for m in messages)), _tokens(reply)
    return {
        **_completion_head(model, "chat.completion", text),
        "choices": [{"index": 0, "message": {"role": "assistant", "content": reply}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": prompt, "completion_tokens": answer, "total_tokens": prompt + answer},
    }


def completion_chunks(model: str, messages: list[Any]) -> list[dict[str, Any]]:
    """The same completion as OpenAI `chat.completion.chunk` events: role, content deltas, then the finish."""
    text = last_user_text(messages)
    head = _completion_head(model, "chat.completion.chunk", text)
    deltas: list[dict[str, Any]] = [{"role": "assistant", "content": ""}]
    deltas += [{"content": piece} for piece in split_deltas(reply_to(text))]
    chunks = [{**head, "choices": [{"index": 0, "delta": d, "finish_reason": None}]} for d in deltas]
    chunks.append({**head, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
    return chunks


def _completion_head(model: str, kind: str, text: str) -> dict[str, Any]:
    digest = hashlib.sha256(f"{model}\n{text}".encode()).hexdigest()[:24]
    return {"id": f"chatcmpl-{digest}", "object": kind, "created": int(time.time()), "model": model}


def embedding_vector(text: str) -> list[float]:
    """A unit vector derived from the text's SHA-256: equal texts embed equally, different ones differently."""
    digest = hashlib.sha256(text.encode()).digest()
    raw = [(digest[i] - 127.5) / 127.5 for i in range(_EMBEDDING_DIMENSIONS)]
    norm = math.sqrt(sum(x * x for x in raw)) or 1.0
    return [round(x / norm, 6) for x in raw]


def _tokens(text: str) -> int:
    return len(text.split())
