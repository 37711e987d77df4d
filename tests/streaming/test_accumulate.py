"""Folding UI message chunks into the final message, as Vercel's readUIMessageStream does."""

from __future__ import annotations

from typing import Any

from imbrace.types._accumulate import MessageAccumulator, ReasoningPart, TextPart, ToolPart, UIMessage, accumulate
from imbrace.types.ui_message import DataChunk, SourceUrlChunk, parse_ui_chunk


def fold(*wire: dict[str, Any]) -> UIMessage:
    return accumulate(parse_ui_chunk(chunk) for chunk in wire)


def test_text_reasoning_and_finish() -> None:
    message = fold(
        {"type": "start", "messageId": "m1", "messageMetadata": {"a": 1}},
        {"type": "start-step"},
        {"type": "reasoning-start", "id": "r"},
        {"type": "reasoning-delta", "id": "r", "delta": "think"},
        {"type": "reasoning-end", "id": "r"},
        {"type": "text-start", "id": "t"},
        {"type": "text-delta", "id": "t", "delta": "Hel"},
        {"type": "text-delta", "id": "t", "delta": "lo"},
        {"type": "text-end", "id": "t"},
        {"type": "finish-step"},
        {"type": "finish", "finishReason": "stop", "messageMetadata": {"b": 2}},
        {"type": "text-start", "id": "n"},
        {"type": "text-delta", "id": "n", "delta": "!"},
    )
    assert message.id == "m1"
    assert message.text == "Hello!"
    assert message.reasoning == "think"
    assert message.parts == [ReasoningPart("r", "think", True), TextPart("t", "Hello", True), TextPart("n", "!", False)]
    assert (message.finished, message.finish_reason, message.metadata) == (True, "stop", {"a": 1, "b": 2})


def test_tool_call_lifecycle() -> None:
    message = fold(
        {"type": "tool-input-start", "toolCallId": "c1", "toolName": "search", "dynamic": True},
        {"type": "tool-input-delta", "toolCallId": "c1", "inputTextDelta": '{"q":'},
        {"type": "tool-input-delta", "toolCallId": "c1", "inputTextDelta": '"x"}'},
        {"type": "tool-input-available", "toolCallId": "c1", "toolName": "search", "input": {"q": "x"}},
        {"type": "tool-output-available", "toolCallId": "c1", "output": {"hits": 1}},
        {"type": "tool-input-available", "toolCallId": "c2", "toolName": "write", "input": {}},
        {"type": "tool-approval-request", "approvalId": "a1", "toolCallId": "c2"},
        {"type": "tool-input-start", "toolCallId": "c3", "toolName": "bad"},
        {"type": "tool-input-error", "toolCallId": "c3", "toolName": "bad", "input": "{", "errorText": "invalid"},
        {"type": "tool-input-available", "toolCallId": "c4", "toolName": "fails", "input": 1},
        {"type": "tool-output-error", "toolCallId": "c4", "errorText": "threw"},
        {"type": "tool-output-denied", "toolCallId": "c5"},
    )
    first, second, third, fourth, fifth = message.tool_calls
    assert first == ToolPart("c1", "search", "output-available", {"q": "x"}, '{"q":"x"}', {"hits": 1}, dynamic=True)
    assert (second.state, second.approval_id) == ("approval-requested", "a1")
    assert (third.state, third.error_text, third.input) == ("output-error", "invalid", "{")
    assert (fourth.state, fourth.error_text) == ("output-error", "threw")
    assert fifth.state == "output-denied"


def test_data_parts_are_kept_and_reconciled_by_id() -> None:
    message = fold(
        {"type": "data-kind", "data": {"value": "text"}, "transient": True},
        {"type": "data-status", "id": "s", "data": "running"},
        {"type": "data-status", "id": "s", "data": "done"},
        {"type": "source-url", "sourceId": "u", "url": "https://example.com"},
    )
    assert [(p.type, p.data) for p in message.data] == [("data-kind", {"value": "text"}), ("data-status", "done")]
    assert isinstance(message.parts[-1], SourceUrlChunk)
    assert all(isinstance(p, DataChunk) for p in message.parts[:2])


def test_error_abort_and_unknown_chunks() -> None:
    message = fold({"type": "error", "errorText": "boom"}, {"type": "abort"}, {"type": "brand-new", "x": 1})
    assert (message.error_text, message.aborted, message.parts) == ("boom", True, [])


def test_openai_style_chunks_become_text() -> None:
    message = fold({"choices": [{"delta": {"content": "Hi"}}]}, {"choices": [{"delta": {"content": " you"}}]})
    assert message.text == "Hi you"


def test_snapshot_while_streaming() -> None:
    accumulator = MessageAccumulator()
    accumulator.add(parse_ui_chunk({"type": "text-delta", "id": "t", "delta": "a"}))
    assert accumulator.message.text == "a"
    accumulator.add(parse_ui_chunk({"type": "text-delta", "id": "t", "delta": "b"}))
    assert accumulator.message.text == "ab"
