"""Every UI message chunk type parses to its class; unknown types and extra fields survive; errors in both shapes."""

from __future__ import annotations

import json
from typing import Any

import pydantic
import pytest

from imbrace.types import ui_message
from imbrace.types.ui_message import (
    AbortChunk,
    ChatStatusEvent,
    DataChunk,
    ErrorChunk,
    FileChunk,
    FinishChunk,
    FinishStepChunk,
    MessageMetadataChunk,
    ReasoningDeltaChunk,
    ReasoningEndChunk,
    ReasoningStartChunk,
    SourceDocumentChunk,
    SourceUrlChunk,
    StartChunk,
    StartStepChunk,
    TextDeltaChunk,
    TextEndChunk,
    TextStartChunk,
    ToolApprovalRequestChunk,
    ToolInputAvailableChunk,
    ToolInputDeltaChunk,
    ToolInputErrorChunk,
    ToolInputStartChunk,
    ToolOutputAvailableChunk,
    ToolOutputDeniedChunk,
    ToolOutputErrorChunk,
    UIMessageChunk,
    UnknownChunk,
    parse_ui_chunk,
    parse_ui_chunk_json,
)

WIRE: list[tuple[dict[str, Any], type[pydantic.BaseModel], dict[str, Any]]] = [
    ({"type": "start", "messageId": "m1"}, StartChunk, {"message_id": "m1"}),
    ({"type": "start-step"}, StartStepChunk, {}),
    ({"type": "finish-step"}, FinishStepChunk, {}),
    ({"type": "text-start", "id": "t"}, TextStartChunk, {"id": "t"}),
    ({"type": "text-delta", "id": "t", "delta": "hi"}, TextDeltaChunk, {"delta": "hi"}),
    ({"type": "text-end", "id": "t", "providerMetadata": {"x": 1}}, TextEndChunk, {"provider_metadata": {"x": 1}}),
    ({"type": "reasoning-start", "id": "r"}, ReasoningStartChunk, {"id": "r"}),
    ({"type": "reasoning-delta", "id": "r", "delta": "hmm"}, ReasoningDeltaChunk, {"delta": "hmm"}),
    ({"type": "reasoning-end", "id": "r"}, ReasoningEndChunk, {"id": "r"}),
    (
        {"type": "tool-input-start", "toolCallId": "c", "toolName": "mcp", "dynamic": True, "title": "T"},
        ToolInputStartChunk,
        {"tool_call_id": "c", "tool_name": "mcp", "dynamic": True, "title": "T"},
    ),
    (
        {"type": "tool-input-delta", "toolCallId": "c", "inputTextDelta": '{"q'},
        ToolInputDeltaChunk,
        {"input_text_delta": '{"q'},
    ),
    (
        {
            "type": "tool-input-available",
            "toolCallId": "c",
            "toolName": "t",
            "input": {"q": 1},
            "providerExecuted": False,
        },
        ToolInputAvailableChunk,
        {"input": {"q": 1}, "provider_executed": False},
    ),
    (
        {"type": "tool-input-error", "toolCallId": "c", "toolName": "t", "input": "{bad", "errorText": "invalid"},
        ToolInputErrorChunk,
        {"error_text": "invalid", "input": "{bad"},
    ),
    (
        {"type": "tool-approval-request", "approvalId": "a", "toolCallId": "c"},
        ToolApprovalRequestChunk,
        {"approval_id": "a"},
    ),
    (
        {"type": "tool-output-available", "toolCallId": "c", "output": [1], "preliminary": True},
        ToolOutputAvailableChunk,
        {"output": [1], "preliminary": True},
    ),
    (
        {"type": "tool-output-error", "toolCallId": "c", "errorText": "threw"},
        ToolOutputErrorChunk,
        {"error_text": "threw"},
    ),
    ({"type": "tool-output-denied", "toolCallId": "c"}, ToolOutputDeniedChunk, {"tool_call_id": "c"}),
    (
        {"type": "source-url", "sourceId": "s", "url": "https://example.com", "title": "Ex"},
        SourceUrlChunk,
        {"source_id": "s", "url": "https://example.com"},
    ),
    (
        {
            "type": "source-document",
            "sourceId": "d",
            "mediaType": "application/pdf",
            "title": "Doc",
            "filename": "a.pdf",
        },
        SourceDocumentChunk,
        {"media_type": "application/pdf", "filename": "a.pdf"},
    ),
    (
        {"type": "file", "url": "data:image/png;base64,AA==", "mediaType": "image/png"},
        FileChunk,
        {"media_type": "image/png"},
    ),
    (
        {"type": "data-kind", "data": {"value": "text", "chatId": "c"}, "transient": True},
        DataChunk,
        {"transient": True},
    ),
    ({"type": "error", "errorText": "boom"}, ErrorChunk, {"error_text": "boom"}),
    ({"type": "finish"}, FinishChunk, {"finish_reason": None}),
    ({"type": "finish", "finishReason": "stop"}, FinishChunk, {"finish_reason": "stop"}),
    ({"type": "message-metadata", "messageMetadata": {"k": 1}}, MessageMetadataChunk, {"message_metadata": {"k": 1}}),
    ({"type": "abort"}, AbortChunk, {"reason": None}),
]


@pytest.mark.parametrize(("wire", "cls", "attributes"), WIRE, ids=[w["type"] for w, _, _ in WIRE])
def test_every_chunk_type_parses_to_its_class(wire: dict[str, Any], cls: type, attributes: dict[str, Any]) -> None:
    for chunk in (parse_ui_chunk(wire), parse_ui_chunk_json(json.dumps(wire, separators=(",", ":")))):
        assert type(chunk) is cls
        for name, value in attributes.items():
            assert getattr(chunk, name) == value
        assert chunk.model_dump(by_alias=True, exclude_none=True) == wire


def test_the_union_validates_as_a_pydantic_type() -> None:
    adapter = pydantic.TypeAdapter(list[UIMessageChunk])
    chunks = adapter.validate_python([wire for wire, _, _ in WIRE] + [{"type": "later"}])
    assert [type(c) for c in chunks] == [cls for _, cls, _ in WIRE] + [UnknownChunk]


def test_every_known_type_has_a_class() -> None:
    assert {wire["type"] for wire, _, _ in WIRE if not wire["type"].startswith("data-")} == set(
        ui_message._CHUNK_CLASSES
    )


def test_snake_case_names_construct_chunks() -> None:
    chunk = ToolInputStartChunk(tool_call_id="c", tool_name="t")
    assert chunk.model_dump(by_alias=True, exclude_none=True) == {
        "type": "tool-input-start",
        "toolCallId": "c",
        "toolName": "t",
    }


def test_any_data_name_is_a_data_chunk() -> None:
    chunk = parse_ui_chunk_json('{"type":"data-sub-agent-text-delta","data":{"text":"x"}}')
    assert isinstance(chunk, DataChunk)
    assert chunk.name == "sub-agent-text-delta"
    assert chunk.data == {"text": "x"}
    with pytest.raises(pydantic.ValidationError):
        DataChunk(type="kind")


def test_unknown_type_keeps_every_field() -> None:
    chunk = parse_ui_chunk({"type": "tool-progress", "toolCallId": "c", "percent": 40})
    assert isinstance(chunk, UnknownChunk)
    assert chunk.type == "tool-progress"
    assert chunk.model_extra == {"toolCallId": "c", "percent": 40}
    assert chunk.model_dump() == {"type": "tool-progress", "toolCallId": "c", "percent": 40}


def test_object_without_type_is_unknown() -> None:
    chunk = parse_ui_chunk_json('{"choices":[{"delta":{"content":"x"}}]}')
    assert isinstance(chunk, UnknownChunk)
    assert chunk.type is None


def test_unknown_fields_of_known_types_are_kept() -> None:
    chunk = parse_ui_chunk_json('{"type":"text-delta","id":"t","delta":"x","newField":[1]}')
    assert chunk.model_extra == {"newField": [1]}


def test_error_in_the_malformed_server_shape() -> None:
    chunk = parse_ui_chunk_json('{"type":"error","error":"stream read failed"}')
    assert isinstance(chunk, ErrorChunk)
    assert chunk.error_text == "stream read failed"


def test_other_key_order_and_spacing_parse_the_same() -> None:
    assert parse_ui_chunk_json('{ "delta": "x", "id": "t", "type": "text-delta" }') == TextDeltaChunk(id="t", delta="x")


def test_escaped_type_parses_by_its_value() -> None:
    assert isinstance(parse_ui_chunk_json('{"type":"text\\u002ddelta","id":"t","delta":"x"}'), TextDeltaChunk)


def test_known_type_with_wrong_fields_raises() -> None:
    with pytest.raises(pydantic.ValidationError):
        parse_ui_chunk_json('{"type":"text-delta","id":"t"}')


def test_invalid_json_and_non_objects_raise() -> None:
    with pytest.raises(ValueError):
        parse_ui_chunk_json("{nope")
    with pytest.raises(TypeError):
        parse_ui_chunk_json("[1, 2]")


def test_chat_status_event_is_open() -> None:
    event = ChatStatusEvent.model_validate({"status": "idle", "stale": True, "since": 5})
    assert (event.status, event.stale, event.model_extra) == ("idle", True, {"since": 5})
    assert ChatStatusEvent.model_validate({"status": "queued"}).status == "queued"
