"""The pure pieces of the streams (no I/O, one copy for the sync and async clients): the answer text of a chunk's
JSON, a `text/plain` reply as UI message chunks, the message of an error payload."""

from __future__ import annotations

import codecs
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .types.ui_message import UIMessageChunk

__all__ = ["PlainText", "chunk_text", "error_text", "loads"]

_PLAIN_TEXT_ID = "text-1"
_scan = json.JSONDecoder().raw_decode


def loads(data: str) -> Any:
    """`json.loads` of one event's data, without its two whitespace scans where the data has no surrounding space
    (nearly always; on a small chunk they cost about as much as the parse). Anything else goes to `json.loads`, which
    also names the error."""
    try:
        value, end = _scan(data)
    except ValueError:
        return json.loads(data)
    return value if end == len(data) else json.loads(data)


class PlainText:
    """A `text/plain` body as UI message chunks, decoded incrementally so no character is cut."""

    def __init__(self, encoding: str) -> None:
        self._decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        self._started = False

    def feed(self, data: bytes, *, typed: bool) -> list[UIMessageChunk | str]:
        """The chunks of some bytes; with `typed=False` just the text, if any."""
        text = self._decoder.decode(data)
        if not typed:
            return [text] if text else []
        return self._delta(text)

    def end(self, *, typed: bool) -> list[UIMessageChunk | str]:
        text = self._decoder.decode(b"", final=True)
        if not typed:
            return [text] if text else []
        from .types.ui_message import FinishChunk, FinishStepChunk, TextEndChunk

        return [*self._delta(text), TextEndChunk(id=_PLAIN_TEXT_ID), FinishStepChunk(), FinishChunk()]

    def _delta(self, text: str) -> list[UIMessageChunk | str]:
        from .types.ui_message import StartChunk, StartStepChunk, TextDeltaChunk, TextStartChunk

        chunks: list[UIMessageChunk | str] = []
        if not self._started:
            self._started = True
            chunks += [StartChunk(), StartStepChunk(), TextStartChunk(id=_PLAIN_TEXT_ID)]
        if text:
            chunks.append(TextDeltaChunk(id=_PLAIN_TEXT_ID, delta=text))
        return chunks


def chunk_text(chunk: object) -> str | None:
    """The answer text a chunk's JSON carries: a text delta's `delta`, or OpenAI's `choices[0].delta.content`."""
    if not isinstance(chunk, dict):
        raise TypeError(f"a UI message chunk is a JSON object, not {type(chunk).__name__}")
    kind = chunk.get("type")
    if kind == "text-delta":
        delta = chunk.get("delta")
        if not isinstance(delta, str) or not isinstance(chunk.get("id"), str):
            raise TypeError("a text-delta chunk needs a string `id` and `delta`")
        return delta
    if kind is None:
        choices = chunk.get("choices")
        if isinstance(choices, list) and choices and isinstance(choices[0], dict):
            delta = choices[0].get("delta")
            content = delta.get("content") if isinstance(delta, dict) else None
            return content if isinstance(content, str) else None
    return None


def error_text(error: Any) -> str:
    if isinstance(error, dict) and isinstance(error.get("message"), str):
        return str(error["message"])
    return error if isinstance(error, str) and error else json.dumps(error)
