"""OpenAI-compatible completion and embedding types, as `client.ai.complete`, `stream` and `embed` use them.

Tolerant by design: every model accepts a plain dict (`model_validate`), keeps fields it does not know
(`model_extra`), and takes values newer than this SDK (a `content_filter` finish reason, a `null` content, a role
such as `developer`). `to_request()` gives the JSON body with None values dropped.
"""

from __future__ import annotations

from typing import Any, Literal, Optional, Union

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

Role = Union[Literal["system", "user", "assistant", "tool", "developer"], str]
FinishReason = Union[Literal["stop", "length", "tool_calls", "content_filter", "function_call"], str]


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow", defer_build=True)

    def to_request(self) -> dict[str, Any]:
        """The JSON body for this value, without the fields that are None."""
        return self.model_dump(mode="json", exclude_none=True)


class ToolCallFunction(_Model):
    """The function a tool call names; in a stream delta both fields arrive in pieces."""

    name: Optional[str] = None
    arguments: Optional[str] = None


class ToolCall(_Model):
    """A tool call the model makes; `index` identifies it across stream deltas."""

    id: Optional[str] = None
    type: str = "function"
    function: Optional[ToolCallFunction] = None
    index: Optional[int] = None


class CompletionMessage(_Model):
    """One message of a conversation; `content` may be text, a list of content parts, or None (tool calls only)."""

    role: Role
    content: Optional[Union[str, list[Any]]] = None
    name: Optional[str] = None
    tool_calls: Optional[list[ToolCall]] = None
    tool_call_id: Optional[str] = None


class CompletionInput(_Model):
    """A chat completion request."""

    model: str
    messages: list[CompletionMessage]
    temperature: Optional[float] = None
    max_tokens: Optional[int] = None
    stream: bool = False
    metadata: Optional[dict[str, Any]] = None
    top_p: Optional[float] = None
    n: Optional[int] = None
    stop: Optional[Union[str, list[str]]] = None
    presence_penalty: Optional[float] = None
    frequency_penalty: Optional[float] = None
    seed: Optional[int] = None
    tools: Optional[list[dict[str, Any]]] = None
    tool_choice: Optional[Union[str, dict[str, Any]]] = None
    parallel_tool_calls: Optional[bool] = None
    response_format: Optional[dict[str, Any]] = None
    user: Optional[str] = None


class EmbeddingInput(_Model):
    """An embeddings request: one text or a list of texts."""

    model: str
    input: Union[str, list[str]]
    encoding_format: Optional[str] = None
    dimensions: Optional[int] = None
    user: Optional[str] = None


class CompletionUsage(_Model):
    """Token counts of a request."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0


class CompletionChoice(_Model):
    """One answer of a completion."""

    index: int = 0
    message: CompletionMessage
    finish_reason: Optional[FinishReason] = None


class Completion(_Model):
    """A chat completion (`object: "chat.completion"`)."""

    id: Optional[str] = None
    object: Optional[str] = None
    created: Optional[int] = None
    model: Optional[str] = None
    choices: list[CompletionChoice] = []
    usage: Optional[CompletionUsage] = None


class ChoiceDelta(_Model):
    """What one stream chunk adds to a choice's message."""

    role: Optional[Role] = None
    content: Optional[str] = None
    tool_calls: Optional[list[ToolCall]] = None


class ChunkChoice(_Model):
    """One choice's part of a stream chunk."""

    index: int = 0
    delta: ChoiceDelta = Field(default_factory=ChoiceDelta)
    finish_reason: Optional[FinishReason] = None


class ChatCompletionChunk(_Model):
    """One event of a streamed completion (`object: "chat.completion.chunk"`)."""

    id: Optional[str] = None
    object: Optional[str] = None
    created: Optional[int] = None
    model: Optional[str] = None
    choices: list[ChunkChoice] = []
    usage: Optional[CompletionUsage] = None


class EmbeddingData(_Model):
    """One embedding; a list of floats, or a base64 string when `encoding_format` was "base64"."""

    index: int = 0
    embedding: Union[list[float], str]
    object: str = "embedding"


class Embedding(_Model):
    """An embeddings response."""

    object: Optional[str] = None
    model: Optional[str] = None
    data: list[EmbeddingData] = []
    usage: Optional[CompletionUsage] = None


StreamChunk = ChatCompletionChunk
StreamChoice = ChunkChoice
StreamDelta = ChoiceDelta
