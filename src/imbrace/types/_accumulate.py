"""Fold the chunks of a UI message stream into the message they describe, as Vercel's `readUIMessageStream` does.

Pure (no I/O), so one copy serves the sync and async streams. Where it differs from Vercel: data parts marked
`transient` are kept (this server marks every document event transient, and they are its only record), and a text
part is also made from an OpenAI-style chunk (`choices[0].delta.content`), which `stream_chat_text` understands too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal, Union

from typing_extensions import TypeAlias

from .ui_message import (
    AbortChunk,
    DataChunk,
    ErrorChunk,
    FileChunk,
    FinishChunk,
    MessageMetadataChunk,
    ReasoningDeltaChunk,
    ReasoningEndChunk,
    ReasoningStartChunk,
    SourceDocumentChunk,
    SourceUrlChunk,
    StartChunk,
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
)

__all__ = [
    "MessageAccumulator",
    "MessagePart",
    "ReasoningPart",
    "TextPart",
    "ToolPart",
    "UIMessage",
    "accumulate",
]

ToolState: TypeAlias = Literal[
    "input-streaming", "input-available", "approval-requested", "output-available", "output-error", "output-denied"
]


@dataclass
class TextPart:
    """A block of answer text."""

    id: str
    text: str = ""
    done: bool = False


@dataclass
class ReasoningPart:
    """A block of the model's reasoning (present only when the assistant shows its thinking)."""

    id: str
    text: str = ""
    done: bool = False


@dataclass
class ToolPart:
    """One tool call: its input, then its output or error; `state` follows Vercel's tool part states."""

    tool_call_id: str
    tool_name: str
    state: ToolState = "input-streaming"
    input: Any = None
    input_text: str = ""
    output: Any = None
    error_text: str | None = None
    approval_id: str | None = None
    dynamic: bool = False
    provider_executed: bool | None = None
    preliminary: bool = False
    title: str | None = None


MessagePart: TypeAlias = Union[
    TextPart, ReasoningPart, ToolPart, DataChunk, SourceUrlChunk, SourceDocumentChunk, FileChunk
]


@dataclass
class UIMessage:
    """The assistant message a stream built: its parts in order, plus what the stream said about its end."""

    id: str | None = None
    role: str = "assistant"
    parts: list[MessagePart] = field(default_factory=list)
    metadata: Any = None
    finish_reason: str | None = None
    finished: bool = False
    aborted: bool = False
    error_text: str | None = None

    @property
    def text(self) -> str:
        """All answer text, as `stream_chat_text` yields it (parts joined without a separator)."""
        return "".join(part.text for part in self.parts if isinstance(part, TextPart))

    @property
    def reasoning(self) -> str:
        """All reasoning text."""
        return "".join(part.text for part in self.parts if isinstance(part, ReasoningPart))

    @property
    def tool_calls(self) -> list[ToolPart]:
        """The tool calls, in the order they started."""
        return [part for part in self.parts if isinstance(part, ToolPart)]

    @property
    def data(self) -> list[DataChunk]:
        """The `data-*` parts, in order."""
        return [part for part in self.parts if isinstance(part, DataChunk)]


def text_delta(chunk: UIMessageChunk) -> str | None:
    """The answer text a chunk adds: a `text-delta`'s delta, or an OpenAI-style chunk's `choices[0].delta.content`."""
    if isinstance(chunk, TextDeltaChunk):
        return chunk.delta
    if isinstance(chunk, UnknownChunk) and chunk.type is None and chunk.model_extra:
        choices = chunk.model_extra.get("choices")
        if isinstance(choices, list) and choices and isinstance(choices[0], dict):
            delta = choices[0].get("delta")
            content = delta.get("content") if isinstance(delta, dict) else None
            return content if isinstance(content, str) else None
    return None


class MessageAccumulator:
    """Builds a `UIMessage` chunk by chunk; `message` is a consistent snapshot at any point."""

    def __init__(self) -> None:
        self._message = UIMessage()
        self._texts: dict[tuple[type[TextPart | ReasoningPart], str], tuple[TextPart | ReasoningPart, list[str]]] = {}
        self._tools: dict[str, tuple[ToolPart, list[str]]] = {}

    @property
    def message(self) -> UIMessage:
        """The message so far (text is joined here, so adding a delta stays cheap)."""
        for part, pieces in self._texts.values():
            part.text = "".join(pieces)
        for tool, pieces in self._tools.values():
            tool.input_text = "".join(pieces)
        return self._message

    def add(self, chunk: UIMessageChunk) -> None:
        """Apply one chunk; chunk types that carry nothing for the message (steps, unknown types) are skipped."""
        handler = _HANDLERS.get(type(chunk))
        if handler is not None:
            handler(self, chunk)
        elif isinstance(chunk, DataChunk):
            self._on_data(chunk)
        else:
            delta = text_delta(chunk)
            if delta is not None:
                self._entry(TextPart, "choices")[1].append(delta)

    def _entry(self, kind: type[TextPart | ReasoningPart], part_id: str) -> tuple[TextPart | ReasoningPart, list[str]]:
        entry = self._texts.get((kind, part_id))
        if entry is None:
            entry = self._texts[kind, part_id] = (kind(part_id), [])
            self._message.parts.append(entry[0])
        return entry

    def _tool(self, tool_call_id: str, tool_name: str = "") -> ToolPart:
        entry = self._tools.get(tool_call_id)
        if entry is None:
            entry = self._tools[tool_call_id] = (ToolPart(tool_call_id, tool_name), [])
            self._message.parts.append(entry[0])
        return entry[0]

    def _merge_metadata(self, metadata: Any) -> None:
        current = self._message.metadata
        if isinstance(current, dict) and isinstance(metadata, dict):
            self._message.metadata = {**current, **metadata}
        elif metadata is not None:
            self._message.metadata = metadata

    def _on_start(self, chunk: StartChunk) -> None:
        self._message.id = chunk.message_id or self._message.id
        self._merge_metadata(chunk.message_metadata)

    def _on_text(self, chunk: TextStartChunk | TextDeltaChunk | TextEndChunk) -> None:
        part, pieces = self._entry(TextPart, chunk.id)
        if isinstance(chunk, TextDeltaChunk):
            pieces.append(chunk.delta)
        elif isinstance(chunk, TextEndChunk):
            part.done = True

    def _on_reasoning(self, chunk: ReasoningStartChunk | ReasoningDeltaChunk | ReasoningEndChunk) -> None:
        part, pieces = self._entry(ReasoningPart, chunk.id)
        if isinstance(chunk, ReasoningDeltaChunk):
            pieces.append(chunk.delta)
        elif isinstance(chunk, ReasoningEndChunk):
            part.done = True

    def _on_tool_input_start(self, chunk: ToolInputStartChunk) -> None:
        tool = self._tool(chunk.tool_call_id, chunk.tool_name)
        tool.dynamic = bool(chunk.dynamic)
        tool.provider_executed = chunk.provider_executed
        tool.title = chunk.title

    def _on_tool_input_delta(self, chunk: ToolInputDeltaChunk) -> None:
        self._tool(chunk.tool_call_id)
        self._tools[chunk.tool_call_id][1].append(chunk.input_text_delta)

    def _on_tool_input(self, chunk: ToolInputAvailableChunk | ToolInputErrorChunk) -> None:
        tool = self._tool(chunk.tool_call_id)
        tool.tool_name = chunk.tool_name
        tool.input = chunk.input
        tool.dynamic = tool.dynamic or bool(chunk.dynamic)
        if chunk.provider_executed is not None:
            tool.provider_executed = chunk.provider_executed
        tool.title = chunk.title or tool.title
        if isinstance(chunk, ToolInputErrorChunk):
            tool.state, tool.error_text = "output-error", chunk.error_text
        else:
            tool.state = "input-available"

    def _on_tool_approval(self, chunk: ToolApprovalRequestChunk) -> None:
        tool = self._tool(chunk.tool_call_id)
        tool.state, tool.approval_id = "approval-requested", chunk.approval_id

    def _on_tool_output(self, chunk: ToolOutputAvailableChunk) -> None:
        tool = self._tool(chunk.tool_call_id)
        tool.state, tool.output, tool.preliminary = "output-available", chunk.output, bool(chunk.preliminary)

    def _on_tool_error(self, chunk: ToolOutputErrorChunk) -> None:
        tool = self._tool(chunk.tool_call_id)
        tool.state, tool.error_text = "output-error", chunk.error_text

    def _on_tool_denied(self, chunk: ToolOutputDeniedChunk) -> None:
        self._tool(chunk.tool_call_id).state = "output-denied"

    def _on_part(self, chunk: SourceUrlChunk | SourceDocumentChunk | FileChunk) -> None:
        self._message.parts.append(chunk)

    def _on_data(self, chunk: DataChunk) -> None:
        """Append a data part, or replace the earlier one of the same type and id (Vercel's reconciliation)."""
        parts = self._message.parts
        if chunk.id is not None:
            for index, part in enumerate(parts):
                if isinstance(part, DataChunk) and part.type == chunk.type and part.id == chunk.id:
                    parts[index] = chunk
                    return
        parts.append(chunk)

    def _on_error(self, chunk: ErrorChunk) -> None:
        self._message.error_text = chunk.error_text

    def _on_finish(self, chunk: FinishChunk) -> None:
        self._message.finished = True
        self._message.finish_reason = chunk.finish_reason or self._message.finish_reason
        self._merge_metadata(chunk.message_metadata)

    def _on_metadata(self, chunk: MessageMetadataChunk) -> None:
        self._merge_metadata(chunk.message_metadata)

    def _on_abort(self, chunk: AbortChunk) -> None:
        self._message.aborted = True


_HANDLERS: dict[type[Any], Callable[[MessageAccumulator, Any], None]] = {
    StartChunk: MessageAccumulator._on_start,
    TextStartChunk: MessageAccumulator._on_text,
    TextDeltaChunk: MessageAccumulator._on_text,
    TextEndChunk: MessageAccumulator._on_text,
    ReasoningStartChunk: MessageAccumulator._on_reasoning,
    ReasoningDeltaChunk: MessageAccumulator._on_reasoning,
    ReasoningEndChunk: MessageAccumulator._on_reasoning,
    ToolInputStartChunk: MessageAccumulator._on_tool_input_start,
    ToolInputDeltaChunk: MessageAccumulator._on_tool_input_delta,
    ToolInputAvailableChunk: MessageAccumulator._on_tool_input,
    ToolInputErrorChunk: MessageAccumulator._on_tool_input,
    ToolApprovalRequestChunk: MessageAccumulator._on_tool_approval,
    ToolOutputAvailableChunk: MessageAccumulator._on_tool_output,
    ToolOutputErrorChunk: MessageAccumulator._on_tool_error,
    ToolOutputDeniedChunk: MessageAccumulator._on_tool_denied,
    SourceUrlChunk: MessageAccumulator._on_part,
    SourceDocumentChunk: MessageAccumulator._on_part,
    FileChunk: MessageAccumulator._on_part,
    ErrorChunk: MessageAccumulator._on_error,
    FinishChunk: MessageAccumulator._on_finish,
    MessageMetadataChunk: MessageAccumulator._on_metadata,
    AbortChunk: MessageAccumulator._on_abort,
}


def accumulate(chunks: Iterable[UIMessageChunk]) -> UIMessage:
    """The message a sequence of chunks builds."""
    accumulator = MessageAccumulator()
    for chunk in chunks:
        accumulator.add(chunk)
    return accumulator.message
