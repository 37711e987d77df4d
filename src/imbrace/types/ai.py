"""OpenAI-compatible completion and embedding types, as `client.ai.complete`, `stream` and `embed` use them.

Tolerant by design: every model accepts a plain dict (`model_validate`), keeps fields it does not know
(`model_extra`), and takes values newer than this SDK (a `content_filter` finish reason, a `null` content, a role
such as `developer`). `to_request()` gives the JSON body with None values dropped.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
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
]

Role = Literal["system", "user", "assistant", "tool", "developer"] | str
FinishReason = Literal["stop", "length", "tool_calls", "content_filter", "function_call"] | str


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow", defer_build=True)

    def to_request(self) -> dict[str, Any]:
        """The JSON body for this value, without the fields that are None."""
        return self.model_dump(mode="json", exclude_none=True)


class ToolCallFunction(_Model):
    """The function a tool call names; in a stream delta both fields arrive in pieces."""

    name: str | None = None
    arguments: str | None = None


class ToolCall(_Model):
    """A tool call the model makes; `index` identifies it across stream deltas."""

    id: str | None = None
    type: str = "function"
    function: ToolCallFunction | None = None
    index: int | None = None


class CompletionMessage(_Model):
    """One message of a conversation; `content` may be text, a list of content parts, or None (tool calls only)."""

    role: Role
    content: str | list[Any] | None = None
    name: str | None = None
    tool_calls: list[ToolCall] | None = None
    tool_call_id: str | None = None


class CompletionInput(_Model):
    """A chat completion request."""

    model: str
    messages: list[CompletionMessage]
    temperature: float | None = None
    max_tokens: int | None = None
    stream: bool = False
    metadata: dict[str, Any] | None = None
    top_p: float | None = None
    n: int | None = None
    stop: str | list[str] | None = None
    presence_penalty: float | None = None
    frequency_penalty: float | None = None
    seed: int | None = None
    tools: list[dict[str, Any]] | None = None
    tool_choice: str | dict[str, Any] | None = None
    parallel_tool_calls: bool | None = None
    response_format: dict[str, Any] | None = None
    user: str | None = None


class EmbeddingInput(_Model):
    """An embeddings request: one text or a list of texts."""

    model: str
    input: str | list[str]
    encoding_format: str | None = None
    dimensions: int | None = None
    user: str | None = None


class CompletionUsage(_Model):
    """Token counts of a request."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0


class CompletionChoice(_Model):
    """One answer of a completion."""

    index: int = 0
    message: CompletionMessage
    finish_reason: FinishReason | None = None


class Completion(_Model):
    """A chat completion (`object: "chat.completion"`)."""

    id: str | None = None
    object: str | None = None
    created: int | None = None
    model: str | None = None
    choices: list[CompletionChoice] = []
    usage: CompletionUsage | None = None


class ChoiceDelta(_Model):
    """What one stream chunk adds to a choice's message."""

    role: Role | None = None
    content: str | None = None
    tool_calls: list[ToolCall] | None = None


class ChunkChoice(_Model):
    """One choice's part of a stream chunk."""

    index: int = 0
    delta: ChoiceDelta = Field(default_factory=ChoiceDelta)
    finish_reason: FinishReason | None = None


class ChatCompletionChunk(_Model):
    """One event of a streamed completion (`object: "chat.completion.chunk"`)."""

    id: str | None = None
    object: str | None = None
    created: int | None = None
    model: str | None = None
    choices: list[ChunkChoice] = []
    usage: CompletionUsage | None = None


class EmbeddingData(_Model):
    """One embedding; a list of floats, or a base64 string when `encoding_format` was "base64"."""

    index: int = 0
    embedding: list[float] | str
    object: str = "embedding"


class Embedding(_Model):
    """An embeddings response."""

    object: str | None = None
    model: str | None = None
    data: list[EmbeddingData] = []
    usage: CompletionUsage | None = None


StreamChunk = ChatCompletionChunk
StreamChoice = ChunkChoice
StreamDelta = ChoiceDelta
