"""The chunks of a Vercel AI SDK UI message stream (what `POST /v2/chat` sends), and the chat status event.

Each chunk type is a model whose `type` is a literal, so `UIMessageChunk` is a union discriminated on `type`, in the
style of ChatKit's `ThreadStreamEvent`. Two members take many types: `DataChunk` (any `data-<name>`) and
`UnknownChunk` (a type this SDK does not know yet, kept whole, so a newer server never breaks an older client).
Wire names are camelCase and are aliases of the snake_case attributes; unknown fields are kept (`model_extra`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal, Optional, Union, cast

from pydantic import AliasChoices, BaseModel, ConfigDict, Discriminator, Field, Tag, ValidationError
from pydantic.alias_generators import to_camel
from pydantic_core import from_json
from typing_extensions import TypeAlias

__all__ = [
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
]


class _Chunk(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="allow", defer_build=True)


class StartChunk(_Chunk):
    """The first chunk: the id of the assistant message being streamed."""

    type: Literal["start"] = "start"
    message_id: Optional[str] = None
    message_metadata: Any = None


class StartStepChunk(_Chunk):
    """A step begins: one model call and the tool calls it makes."""

    type: Literal["start-step"] = "start-step"


class FinishStepChunk(_Chunk):
    """A step ends."""

    type: Literal["finish-step"] = "finish-step"


class TextStartChunk(_Chunk):
    """A text part `id` begins."""

    type: Literal["text-start"] = "text-start"
    id: str
    provider_metadata: Any = None


class TextDeltaChunk(_Chunk):
    """More text for part `id`."""

    type: Literal["text-delta"] = "text-delta"
    id: str
    delta: str
    provider_metadata: Any = None


class TextEndChunk(_Chunk):
    """Text part `id` is complete."""

    type: Literal["text-end"] = "text-end"
    id: str
    provider_metadata: Any = None


class ReasoningStartChunk(_Chunk):
    """A reasoning part begins (sent even when the assistant hides its thinking)."""

    type: Literal["reasoning-start"] = "reasoning-start"
    id: str
    provider_metadata: Any = None


class ReasoningDeltaChunk(_Chunk):
    """More reasoning text for part `id`."""

    type: Literal["reasoning-delta"] = "reasoning-delta"
    id: str
    delta: str
    provider_metadata: Any = None


class ReasoningEndChunk(_Chunk):
    """Reasoning part `id` is complete."""

    type: Literal["reasoning-end"] = "reasoning-end"
    id: str
    provider_metadata: Any = None


class ToolInputStartChunk(_Chunk):
    """The model starts a tool call; `dynamic` marks an MCP tool."""

    type: Literal["tool-input-start"] = "tool-input-start"
    tool_call_id: str
    tool_name: str
    provider_executed: Optional[bool] = None
    dynamic: Optional[bool] = None
    title: Optional[str] = None


class ToolInputDeltaChunk(_Chunk):
    """More of a tool call's input, as JSON text."""

    type: Literal["tool-input-delta"] = "tool-input-delta"
    tool_call_id: str
    input_text_delta: str


class ToolInputAvailableChunk(_Chunk):
    """A tool call's input is complete and valid."""

    type: Literal["tool-input-available"] = "tool-input-available"
    tool_call_id: str
    tool_name: str
    input: Any = None
    provider_executed: Optional[bool] = None
    provider_metadata: Any = None
    dynamic: Optional[bool] = None
    title: Optional[str] = None


class ToolInputErrorChunk(_Chunk):
    """A tool call's input is invalid and could not be repaired."""

    type: Literal["tool-input-error"] = "tool-input-error"
    tool_call_id: str
    tool_name: str
    input: Any = None
    error_text: str
    provider_executed: Optional[bool] = None
    provider_metadata: Any = None
    dynamic: Optional[bool] = None
    title: Optional[str] = None


class ToolApprovalRequestChunk(_Chunk):
    """A tool call waits for a human to approve it; the agent pauses."""

    type: Literal["tool-approval-request"] = "tool-approval-request"
    approval_id: str
    tool_call_id: str


class ToolOutputAvailableChunk(_Chunk):
    """A tool call's result; `preliminary` results are replaced by later ones."""

    type: Literal["tool-output-available"] = "tool-output-available"
    tool_call_id: str
    output: Any = None
    provider_executed: Optional[bool] = None
    dynamic: Optional[bool] = None
    preliminary: Optional[bool] = None


class ToolOutputErrorChunk(_Chunk):
    """A tool call failed."""

    type: Literal["tool-output-error"] = "tool-output-error"
    tool_call_id: str
    error_text: str
    provider_executed: Optional[bool] = None
    dynamic: Optional[bool] = None


class ToolOutputDeniedChunk(_Chunk):
    """The user denied a tool call's approval."""

    type: Literal["tool-output-denied"] = "tool-output-denied"
    tool_call_id: str


class SourceUrlChunk(_Chunk):
    """A web source the answer cites."""

    type: Literal["source-url"] = "source-url"
    source_id: str
    url: str
    title: Optional[str] = None
    provider_metadata: Any = None


class SourceDocumentChunk(_Chunk):
    """A document source the answer cites."""

    type: Literal["source-document"] = "source-document"
    source_id: str
    media_type: str
    title: str
    filename: Optional[str] = None
    provider_metadata: Any = None


class FileChunk(_Chunk):
    """A file the model produced (`url` is often a data: URL)."""

    type: Literal["file"] = "file"
    url: str
    media_type: str
    provider_metadata: Any = None


class DataChunk(_Chunk):
    """An application event `data-<name>`, such as the `data-textDelta` of a document a tool is writing."""

    type: Annotated[str, Field(pattern=r"^data-")]
    data: Any = None
    id: Optional[str] = None
    transient: Optional[bool] = None

    @property
    def name(self) -> str:
        """The part after `data-`."""
        return self.type[5:]


class ErrorChunk(_Chunk):
    """The server reports an error inside the stream (the HTTP status stays 200).

    Also read from the malformed variant `{"type": "error", "error": "..."}` that one server path writes.
    """

    type: Literal["error"] = "error"
    error_text: str = Field(default="", validation_alias=AliasChoices("errorText", "error", "error_text"))


class FinishChunk(_Chunk):
    """The agent's part of the stream ends (more text may still follow, before `[DONE]`)."""

    type: Literal["finish"] = "finish"
    finish_reason: Optional[str] = None
    message_metadata: Any = None


class MessageMetadataChunk(_Chunk):
    """Metadata for the message being streamed."""

    type: Literal["message-metadata"] = "message-metadata"
    message_metadata: Any = None


class AbortChunk(_Chunk):
    """The stream was aborted on the server."""

    type: Literal["abort"] = "abort"
    reason: Optional[str] = None


class UnknownChunk(_Chunk):
    """A chunk whose type this SDK does not know; every field it had is kept in `model_extra`."""

    type: Optional[str] = None


_CHUNK_CLASSES: dict[str, type[_Chunk]] = {
    cls.model_fields["type"].default: cls
    for cls in (
        StartChunk,
        StartStepChunk,
        FinishStepChunk,
        TextStartChunk,
        TextDeltaChunk,
        TextEndChunk,
        ReasoningStartChunk,
        ReasoningDeltaChunk,
        ReasoningEndChunk,
        ToolInputStartChunk,
        ToolInputDeltaChunk,
        ToolInputAvailableChunk,
        ToolInputErrorChunk,
        ToolApprovalRequestChunk,
        ToolOutputAvailableChunk,
        ToolOutputErrorChunk,
        ToolOutputDeniedChunk,
        SourceUrlChunk,
        SourceDocumentChunk,
        FileChunk,
        ErrorChunk,
        FinishChunk,
        MessageMetadataChunk,
        AbortChunk,
    )
}


def _chunk_class(kind: object) -> type[_Chunk]:
    if not isinstance(kind, str):
        return UnknownChunk
    cls = _CHUNK_CLASSES.get(kind)
    if cls is not None:
        return cls
    return DataChunk if kind.startswith("data-") else UnknownChunk


def _tag(value: Any) -> str:
    kind = value.get("type") if isinstance(value, dict) else getattr(value, "type", None)
    cls = _chunk_class(kind)
    return "data" if cls is DataChunk else "unknown" if cls is UnknownChunk else cast(str, kind)


UIMessageChunk: TypeAlias = Annotated[
    Union[
        Annotated[StartChunk, Tag("start")],
        Annotated[StartStepChunk, Tag("start-step")],
        Annotated[FinishStepChunk, Tag("finish-step")],
        Annotated[TextStartChunk, Tag("text-start")],
        Annotated[TextDeltaChunk, Tag("text-delta")],
        Annotated[TextEndChunk, Tag("text-end")],
        Annotated[ReasoningStartChunk, Tag("reasoning-start")],
        Annotated[ReasoningDeltaChunk, Tag("reasoning-delta")],
        Annotated[ReasoningEndChunk, Tag("reasoning-end")],
        Annotated[ToolInputStartChunk, Tag("tool-input-start")],
        Annotated[ToolInputDeltaChunk, Tag("tool-input-delta")],
        Annotated[ToolInputAvailableChunk, Tag("tool-input-available")],
        Annotated[ToolInputErrorChunk, Tag("tool-input-error")],
        Annotated[ToolApprovalRequestChunk, Tag("tool-approval-request")],
        Annotated[ToolOutputAvailableChunk, Tag("tool-output-available")],
        Annotated[ToolOutputErrorChunk, Tag("tool-output-error")],
        Annotated[ToolOutputDeniedChunk, Tag("tool-output-denied")],
        Annotated[SourceUrlChunk, Tag("source-url")],
        Annotated[SourceDocumentChunk, Tag("source-document")],
        Annotated[FileChunk, Tag("file")],
        Annotated[DataChunk, Tag("data")],
        Annotated[ErrorChunk, Tag("error")],
        Annotated[FinishChunk, Tag("finish")],
        Annotated[MessageMetadataChunk, Tag("message-metadata")],
        Annotated[AbortChunk, Tag("abort")],
        Annotated[UnknownChunk, Tag("unknown")],
    ],
    Discriminator(_tag),
]
"""Any chunk of a UI message stream; usable as a pydantic field type (e.g. `list[UIMessageChunk]`)."""


def parse_ui_chunk(obj: dict[str, Any]) -> UIMessageChunk:
    """The typed chunk for a decoded JSON object, chosen by one dict lookup on its `type`.

    An unknown type gives an `UnknownChunk`; a known type whose fields do not fit raises `pydantic.ValidationError`.
    """
    if not isinstance(obj, dict):
        raise TypeError(f"a UI message chunk is a JSON object, not {type(obj).__name__}")
    return cast("UIMessageChunk", _chunk_class(obj.get("type")).model_validate(obj))


class _JSONParsers(dict[str, Optional[Callable[[str], UIMessageChunk]]]):
    """Each chunk type's JSON validator, built on first use; None for a type this SDK does not know."""

    def __missing__(self, kind: str) -> Callable[[str], UIMessageChunk] | None:
        cls = _chunk_class(kind)
        if cls is UnknownChunk:
            return None
        cls.model_rebuild()
        parser: Callable[[str], UIMessageChunk] = cls.__pydantic_validator__.validate_json
        if len(self) < 256:
            self[kind] = parser
        return parser


_JSON_PARSERS = _JSONParsers()


def parse_ui_chunk_json(data: str) -> UIMessageChunk:
    """The typed chunk for one `data:` payload, parsed straight from JSON.

    The fast path reads the type from the usual `{"type":"...` prefix and lets that type's model parse the JSON in
    one pass; anything else (another key order, a mismatch) goes through `parse_ui_chunk`. Invalid JSON raises
    ValueError.
    """
    if data.startswith('{"type":"'):
        parser = _JSON_PARSERS[data[9 : data.find('"', 9)]]
        if parser is not None:
            try:
                return parser(data)
            except ValidationError:
                pass
    return parse_ui_chunk(from_json(data))


class ChatStatusEvent(BaseModel):
    """One event of the chat status stream: `processing` while a turn runs, then `idle` (`stale` after a timeout)."""

    model_config = ConfigDict(extra="allow", defer_build=True)

    status: Union[Literal["idle", "processing"], str]
    stale: Optional[bool] = None


def build_validators() -> None:
    """Build every model's validator now rather than on first use (deferred to keep this import cheap).

    The streams call this when they load, so the first chunk of the first stream is not delayed by it.
    """
    for kind in _CHUNK_CLASSES:
        _JSON_PARSERS[kind]
    DataChunk.model_rebuild()
    UnknownChunk.model_rebuild()
    ChatStatusEvent.model_rebuild()
