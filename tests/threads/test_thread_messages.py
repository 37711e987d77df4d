"""The thread's messages without I/O: a user message per send, a reply in the shape the service saves it, chat ids."""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest

from imbrace._threads import check_chat_id, reply_message, user_message
from imbrace.types._accumulate import accumulate
from imbrace.types.ui_message import parse_ui_chunk

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
REPLY_ID = "0ba16504-94d3-4362-8372-49a68df1f7f4"


def test_a_text_becomes_one_text_part_under_a_fresh_uuid() -> None:
    first, second = user_message("Hello"), user_message("Hello")
    assert first["role"] == "user" and first["parts"] == [{"type": "text", "text": "Hello"}]
    assert UUID.fullmatch(first["id"]) and UUID.fullmatch(second["id"]) and first["id"] != second["id"]


def test_parts_are_copied() -> None:
    parts: list[dict[str, Any]] = [{"type": "file", "url": "https://x.test/a.pdf", "mediaType": "application/pdf"}]
    message = user_message(parts)
    parts[0]["url"] = "changed"
    assert message["parts"] == [{"type": "file", "url": "https://x.test/a.pdf", "mediaType": "application/pdf"}]


def test_a_reply_is_kept_as_the_service_saves_it() -> None:
    chunks = [
        {"type": "start", "messageId": REPLY_ID},
        {"type": "start-step"},
        {"type": "reasoning-start", "id": "r1"},
        {"type": "reasoning-delta", "id": "r1", "delta": "thinking"},
        {"type": "reasoning-end", "id": "r1"},
        {"type": "tool-input-start", "toolCallId": "c1", "toolName": "RAGknowledge"},
        {"type": "tool-input-available", "toolCallId": "c1", "toolName": "RAGknowledge", "input": {"q": "x"}},
        {"type": "data-kind", "data": {"value": "text", "chatId": "c"}, "transient": True},
        {"type": "tool-output-available", "toolCallId": "c1", "output": {"hits": 1}},
        {"type": "tool-input-available", "toolCallId": "c2", "toolName": "mcp_search", "input": {}, "dynamic": True},
        {"type": "tool-output-error", "toolCallId": "c2", "errorText": "down"},
        {"type": "data-note", "id": "n1", "data": {"k": 1}},
        {"type": "source-url", "sourceId": "s1", "url": "https://x.test"},
        {"type": "text-start", "id": "txt-0"},
        {"type": "text-delta", "id": "txt-0", "delta": "Hi"},
        {"type": "text-end", "id": "txt-0"},
        {"type": "text-start", "id": "txt-1"},
        {"type": "text-delta", "id": "txt-1", "delta": " the"},
    ]
    message = accumulate(parse_ui_chunk(chunk) for chunk in chunks)
    assert reply_message(message, partial=True) == {
        "id": REPLY_ID,
        "role": "assistant",
        "parts": [
            {
                "type": "tool-RAGknowledge",
                "toolCallId": "c1",
                "state": "output-available",
                "input": {"q": "x"},
                "output": {"hits": 1},
            },
            {
                "type": "dynamic-tool",
                "toolName": "mcp_search",
                "toolCallId": "c2",
                "state": "output-error",
                "input": {},
                "errorText": "down",
            },
            {"type": "data-note", "data": {"k": 1}, "id": "n1"},
            {"type": "source-url", "sourceId": "s1", "url": "https://x.test"},
            {"type": "text", "text": "Hi", "state": "done"},
            {"type": "text", "text": " the", "state": "streaming"},
        ],
        "metadata": {"partial": True},
    }


def test_a_reply_without_an_id_or_marks_gets_a_uuid_and_its_own_metadata() -> None:
    message = accumulate([parse_ui_chunk({"type": "message-metadata", "messageMetadata": {"model": "m"}})])
    kept = reply_message(message)
    assert UUID.fullmatch(kept["id"]) and kept["parts"] == [] and kept["metadata"] == {"model": "m"}


@pytest.mark.parametrize("chat_id", [str(uuid.uuid4()), str(uuid.uuid4()).upper()])
def test_a_chat_id_is_a_uuid(chat_id: str) -> None:
    assert check_chat_id(chat_id) == chat_id


@pytest.mark.parametrize("chat_id", ["chat_123", "", f"{{{uuid.uuid4()}}}", uuid.uuid4().hex, f"{uuid.uuid4()}\n"])
def test_anything_else_is_refused(chat_id: str) -> None:
    with pytest.raises(ValueError, match="a chat id is a UUID"):
        check_chat_id(chat_id)
