"""Public types: UI message stream chunks, the message a stream builds, and the OpenAI-compatible AI types.

Names load on first use (PEP 562), so `import imbrace.types` imports neither pydantic nor any model.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._accumulate import (
        MessageAccumulator,
        MessagePart,
        ReasoningPart,
        TextPart,
        ToolPart,
        UIMessage,
        accumulate,
    )
    from .ai import (
        ChatCompletionChunk,
        ChoiceDelta,
        ChunkChoice,
        Completion,
        CompletionChoice,
        CompletionInput,
        CompletionMessage,
        CompletionUsage,
        Embedding,
        EmbeddingData,
        EmbeddingInput,
        StreamChoice,
        StreamChunk,
        StreamDelta,
        ToolCall,
        ToolCallFunction,
    )
    from .ui_message import (
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

__all__ = [
    "AbortChunk",
    "ChatCompletionChunk",
    "ChatStatusEvent",
    "ChoiceDelta",
    "ChunkChoice",
    "Completion",
    "CompletionChoice",
    "CompletionInput",
    "CompletionMessage",
    "CompletionUsage",
    "DataChunk",
    "Embedding",
    "EmbeddingData",
    "EmbeddingInput",
    "ErrorChunk",
    "FileChunk",
    "FinishChunk",
    "FinishStepChunk",
    "MessageAccumulator",
    "MessageMetadataChunk",
    "MessagePart",
    "ReasoningDeltaChunk",
    "ReasoningEndChunk",
    "ReasoningPart",
    "ReasoningStartChunk",
    "SourceDocumentChunk",
    "SourceUrlChunk",
    "StartChunk",
    "StartStepChunk",
    "StreamChoice",
    "StreamChunk",
    "StreamDelta",
    "TextDeltaChunk",
    "TextEndChunk",
    "TextPart",
    "TextStartChunk",
    "ToolApprovalRequestChunk",
    "ToolCall",
    "ToolCallFunction",
    "ToolInputAvailableChunk",
    "ToolInputDeltaChunk",
    "ToolInputErrorChunk",
    "ToolInputStartChunk",
    "ToolOutputAvailableChunk",
    "ToolOutputDeniedChunk",
    "ToolOutputErrorChunk",
    "ToolPart",
    "UIMessage",
    "UIMessageChunk",
    "UnknownChunk",
    "accumulate",
    "parse_ui_chunk",
    "parse_ui_chunk_json",
]

_MODULES = {
    "imbrace.types._accumulate": (
        "MessageAccumulator",
        "MessagePart",
        "ReasoningPart",
        "TextPart",
        "ToolPart",
        "UIMessage",
        "accumulate",
    ),
    "imbrace.types.ai": (
        "ChatCompletionChunk",
        "ChoiceDelta",
        "ChunkChoice",
        "Completion",
        "CompletionChoice",
        "CompletionInput",
        "CompletionMessage",
        "CompletionUsage",
        "Embedding",
        "EmbeddingData",
        "EmbeddingInput",
        "StreamChoice",
        "StreamChunk",
        "StreamDelta",
        "ToolCall",
        "ToolCallFunction",
    ),
    "imbrace.types.ui_message": (
        "AbortChunk",
        "ChatStatusEvent",
        "DataChunk",
        "ErrorChunk",
        "FileChunk",
        "FinishChunk",
        "FinishStepChunk",
        "MessageMetadataChunk",
        "ReasoningDeltaChunk",
        "ReasoningEndChunk",
        "ReasoningStartChunk",
        "SourceDocumentChunk",
        "SourceUrlChunk",
        "StartChunk",
        "StartStepChunk",
        "TextDeltaChunk",
        "TextEndChunk",
        "TextStartChunk",
        "ToolApprovalRequestChunk",
        "ToolInputAvailableChunk",
        "ToolInputDeltaChunk",
        "ToolInputErrorChunk",
        "ToolInputStartChunk",
        "ToolOutputAvailableChunk",
        "ToolOutputDeniedChunk",
        "ToolOutputErrorChunk",
        "UIMessageChunk",
        "UnknownChunk",
        "parse_ui_chunk",
        "parse_ui_chunk_json",
    ),
}
_WHERE = {name: module for module, names in _MODULES.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
