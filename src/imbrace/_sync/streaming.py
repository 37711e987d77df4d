# Generated from src/imbrace/_async/streaming.py by codegen/unasync.py: edit that file.
"""Streams over an open 2xx response: the chat UI message stream, OpenAI completion chunks, the chat status stream.

Each stream reads the body as it arrives (never whole first), can be read once, and closes the response when the
reading ends, breaks, fails, is cancelled, or the stream is garbage collected. A body that stops early raises
`IncompleteStreamError` saying how much arrived; an error the server reports inside the stream raises `StreamError`
after the chunks before it were delivered.

`codegen/unasync.py` derives `imbrace._sync.streaming` (ChatStream, CompletionStream, EventStream) from this file.
Where the sides differ, the markers of `codegen/unasync.py` say so (`# async-only`, `# sync-only: CODE`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Generator, Iterable, Iterator
from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar, cast

import httpx
from typing_extensions import Self

from .._errors import APITimeoutError, IncompleteStreamError, ResponseTooLargeError, StreamConsumedError, StreamError
from .._limits import DEFAULT_LIMITS
from .._logs import mask_request
from .._sse import ServerSentEvent, SSEDecoder
from .._stream_text import PlainText, chunk_text, error_text, loads

if TYPE_CHECKING:
    # The typed chunks are pydantic models: loaded by the first typed read, so the text reader never pays for them.
    from ..types._accumulate import UIMessage
    from ..types.ai import ChatCompletionChunk
    from ..types.ui_message import ChatStatusEvent, UIMessageChunk

__all__ = ["ChatStream", "CompletionStream", "EventStream", "ResponseStream"]

T = TypeVar("T")

_DONE = "[DONE]"
_NO_MESSAGE = "The stream reported an error without a message."
# After the terminator, the rest of the body (normally just the end of the chunked encoding) is read so that the
# connection goes back to the pool instead of being closed: a new TCP/TLS handshake per chat turn otherwise.
_DRAIN_BYTES = 64 * 1024
_DRAIN_SECONDS = 1.0


class ResponseStream(Generic[T]):
    """What the streams share: the raw response's API (as the documentation uses it), reading once, closing."""

    def __init__(self, response: httpx.Response, max_event_bytes: int = DEFAULT_LIMITS.max_event_bytes) -> None:
        self.response = response
        """The open httpx response."""
        self._consumer: str | None = None
        self._closed_by_caller = False
        self._sse = SSEDecoder(max_event_bytes)
        self._events = 0
        self._chars = 0
        self._bytes = 0
        self._done = False
        self._may_end = False
        self._error: StreamError | None = None

    @property
    def status_code(self) -> int:
        return self.response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.response.headers

    def raise_for_status(self) -> Self:
        """Returns the stream: a stream's status is always 2xx, since a failed status raised a typed error already."""
        self.response.raise_for_status()
        return self

    @property
    def content(self) -> bytes:
        """The whole body, read on first access (an async stream must be read, awaited, first, as with httpx)."""
        return self._read_body().content

    @property
    def text(self) -> str:
        """The whole body as text, read on first access (an async stream must be read, awaited, first)."""
        return self._read_body().text

    def read(self) -> bytes:
        """Read the whole body and close the response; `content` and `text` then hold it."""
        if self._consumer != "read()":
            self._claim("read()")
            try:
                with self._errors():
                    self.response.read()
            finally:
                self.close()
        return self.response.content

    def iter_bytes(self) -> Iterator[bytes]:
        """The body as it arrives, content-decoded."""
        self._claim("iter_bytes()")
        try:
            with self._errors():
                for data in self.response.iter_bytes():
                    self._bytes += len(data)
                    yield data
        finally:
            self.close()

    def iter_lines(self) -> Iterator[str]:
        """The body's text lines as they arrive, as httpx splits them."""
        self._claim("iter_lines()")
        try:
            with self._errors():
                for line in self.response.iter_lines():
                    yield line
        finally:
            self.close()

    def close(self) -> None:
        """Close the response now; reading stops, and a later read raises `StreamConsumedError`."""
        self._closed_by_caller = True
        self._consumer = self._consumer or "close()"
        self.response.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __del__(self) -> None:
        """Garbage collection closes a response nobody closed (the async side schedules it on the stream's loop)."""
        response: httpx.Response | None = self.__dict__.get("response")
        if response is None or response.is_closed:
            return
        response.close()

    def _items(self, consumer: str) -> Iterator[T]:
        """The stream's items for `consumer`, each as soon as its bytes arrive; the response closes when this ends."""
        self._claim(consumer)
        reads = self._reads()
        try:
            for items in reads:
                yield from items  # (cheaper per item than a loop that yields)
        finally:
            reads.close()
            self.close()

    def _reads(self) -> Generator[Iterable[T]]:
        """The items of each network read, as soon as its bytes arrive; after the last of them, the failure if any.

        The items are parsed lazily, as the reader takes them: parsing a large read all at once is slower, since
        its objects no longer fit the CPU caches.
        """
        chunks = self.response.iter_bytes()
        with self._errors():
            for data in chunks:
                self._bytes += len(data)
                yield self._feed(data)
                if self._error is not None:
                    raise self._error
                if self._done:
                    break
            else:
                yield self._end()
        if self._done:
            _drain(chunks)
        self._check_end()

    def _feed(self, data: bytes) -> Iterable[T]:
        return self._convert(self._sse.feed(data))

    def _end(self) -> Iterable[T]:
        return self._convert(self._sse.end())

    def _convert(self, events: list[ServerSentEvent]) -> Iterator[T]:
        """The items for some events; sets `_done` at the terminator and `_error` at a failure, and stops there.

        The one place for what every stream does per event; what an event's data means is the reader's `_parser`.
        """
        parse = self._parser()
        for event in events:
            data = event.data
            if data == _DONE:
                self._done = True
                return
            try:
                item = parse(data)
            except StreamError as exc:
                self._error = exc
                return
            except (ValueError, TypeError) as exc:
                self._error = self._reported(f"The stream sent a malformed {self._unit} ({exc}): {data[:200]!r}", data)
                return
            self._events += 1
            if item is not None:
                yield item

    _unit: ClassVar[str] = "chunk"
    """What an event is called in the stream's errors."""

    def _parser(self) -> Callable[[str], T | None]:
        """How an event's data becomes an item (None: nothing to yield); it marks a finish (`_may_end`), raises the
        `_reported` error at an error the server reports, and ValueError or TypeError at malformed data."""
        raise NotImplementedError

    def _check_end(self) -> None:
        if self._done or self._closed_by_caller:
            return
        if self._sse.pending:
            raise self._incomplete("The stream ended in the middle of an event")
        if not self._may_end:
            raise self._incomplete("The stream ended without [DONE] or a finish")

    def _claim(self, consumer: str) -> None:
        if self._consumer is not None:
            raise StreamConsumedError(f"This stream was {self._used()}; a stream can be read once.")
        self._consumer = consumer

    def _used(self) -> str:
        return "closed" if self._consumer == "close()" else f"already read by {self._consumer}"

    def _read_body(self) -> httpx.Response:
        if self._consumer is None:
            self.read()
        if self._consumer != "read()":
            raise StreamConsumedError(f"The body was not kept: this stream was {self._used()}.")
        return self.response

    @contextlib.contextmanager
    def _errors(self) -> Generator[None]:
        """Turn httpx's failures in mid-body into the SDK's errors, saying how much had arrived."""
        try:
            yield
        except httpx.TimeoutException as exc:
            raise APITimeoutError(
                f"The stream timed out after {self._progress()}.", request=mask_request(self.response.request)
            ) from exc
        except ResponseTooLargeError as exc:
            exc.request = mask_request(self.response.request)
            raise
        except (httpx.TransportError, httpx.StreamClosed) as exc:
            if not self._closed_by_caller:
                raise self._incomplete(f"The connection was cut ({type(exc).__name__}: {exc})") from exc

    def _incomplete(self, what: str) -> IncompleteStreamError:
        return IncompleteStreamError(
            f"{what} after {self._progress()}; the answer is incomplete.",
            request=mask_request(self.response.request),
            received_events=self._events,
        )

    def _progress(self) -> str:
        if self._events:
            return f"{self._events} events ({self._chars} characters of text)"
        return f"{self._bytes} bytes"

    def _reported(self, message: str, body: object) -> StreamError:
        """The error a stream raises once the items before it are delivered."""
        return StreamError(message, request=mask_request(self.response.request), body=body)


class ChatStream(ResponseStream["UIMessageChunk | str"]):
    """The reply of `stream_chat`: a Vercel AI SDK UI message stream, or the whole text of a non-streaming agent.

    Iterating yields typed chunks (`UIMessageChunk`); `iter_text()` (async: `aiter_text()`) yields only the answer
    text; `get_final_message()` reads everything into one `UIMessage`. A `text/plain` reply (an agent created with
    `streaming: false`) reads as the chunks Vercel's own client makes of a text stream: start, start-step,
    text-start, a text-delta per arriving piece, text-end, finish-step, finish.

    The text reader reads the JSON of each chunk as a dict and builds no model; the typed reads load the chunk
    models on first use and build each type's parser when that type first arrives.
    """

    _typed_text: ClassVar[bool] = False
    """Whether the text reader builds the typed chunks too (for a subclass that keeps them)."""

    def __init__(self, response: httpx.Response, max_event_bytes: int = DEFAULT_LIMITS.max_event_bytes) -> None:
        super().__init__(response, max_event_bytes)
        content_type = response.headers.get("content-type", "")
        self._plain = PlainText(response.encoding or "utf-8") if content_type.startswith("text/plain") else None
        self._text_only = False

    def __iter__(self) -> Iterator[UIMessageChunk]:
        return self.iter_events()

    def iter_events(self) -> Iterator[UIMessageChunk]:
        """Each chunk as soon as it arrives, up to `[DONE]`; an `error` chunk raises `StreamError`."""
        return self._items("iter_events()")  # type: ignore[return-value]  # only the text reader reads strings

    def iter_text(self) -> Iterator[str]:
        """The answer text as it arrives: text deltas (or OpenAI-style `choices[0].delta.content`)."""
        self._claim("iter_text()")
        self._text_only = not self._typed_text
        reads = self._reads()
        try:
            if self._text_only:
                for texts in reads:
                    yield from texts  # type: ignore[misc]
            else:
                from ..types._accumulate import text_delta

                for chunks in reads:
                    for chunk in chunks:
                        delta = text_delta(cast("UIMessageChunk", chunk))
                        if delta:
                            yield delta
        finally:
            reads.close()
            self.close()

    def get_final_message(self) -> UIMessage:
        """Read the whole stream and return the message it builds (text, reasoning, tool calls, data parts)."""
        from ..types._accumulate import MessageAccumulator

        accumulator = MessageAccumulator()
        for chunk in self._items("get_final_message()"):
            accumulator.add(cast("UIMessageChunk", chunk))
        return accumulator.message

    def _feed(self, data: bytes) -> Iterable[UIMessageChunk | str]:
        if self._plain is None:
            return super()._feed(data)
        return self._count(self._plain.feed(data, typed=not self._text_only))

    def _end(self) -> Iterable[UIMessageChunk | str]:
        if self._plain is None:
            return super()._end()
        self._done = True
        return self._count(self._plain.end(typed=not self._text_only))

    def _count(self, items: list[UIMessageChunk | str]) -> list[UIMessageChunk | str]:
        self._events += len(items)
        self._chars += sum(len(item) if isinstance(item, str) else len(getattr(item, "delta", "")) for item in items)
        return items

    def _parser(self) -> Callable[[str], UIMessageChunk | str | None]:
        if self._text_only:
            return self._text
        from ..types.ui_message import ErrorChunk, FinishChunk, TextDeltaChunk, parse_ui_chunk_json

        def typed(data: str) -> UIMessageChunk:
            chunk = parse_ui_chunk_json(data)
            if isinstance(chunk, TextDeltaChunk):
                self._chars += len(chunk.delta)
            elif isinstance(chunk, FinishChunk):
                self._may_end = True
            elif isinstance(chunk, ErrorChunk):
                raise self._reported(chunk.error_text or _NO_MESSAGE, chunk.model_dump(by_alias=True))
            return chunk

        return typed

    def _text(self, data: str) -> str | None:
        """The answer text of a chunk, read from its JSON as a dict (no model is built)."""
        chunk = loads(data)
        text = chunk_text(chunk)
        if text:
            self._chars += len(text)
            return text
        kind = chunk.get("type")
        if kind == "finish":
            self._may_end = True
        elif kind == "error":
            raise self._reported(chunk.get("errorText") or _NO_MESSAGE, chunk)
        return None


class CompletionStream(ResponseStream["ChatCompletionChunk"]):
    """The reply of `ai.stream`: OpenAI `chat.completion.chunk` events up to `[DONE]`; an error payload raises."""

    def __iter__(self) -> Iterator[ChatCompletionChunk]:
        return self.iter_chunks()

    def iter_chunks(self) -> Iterator[ChatCompletionChunk]:
        """Each completion chunk as soon as it arrives."""
        return self._items("iter_chunks()")

    def _parser(self) -> Callable[[str], ChatCompletionChunk]:
        from ..types.ai import ChatCompletionChunk

        validate = ChatCompletionChunk.__pydantic_validator__.validate_json

        def typed(data: str) -> ChatCompletionChunk:
            chunk: ChatCompletionChunk = validate(data)
            if chunk.model_extra and "error" in chunk.model_extra:
                raise self._reported(error_text(chunk.model_extra["error"]), chunk.model_dump())
            for choice in chunk.choices:
                self._chars += len(choice.delta.content or "")
                self._may_end = self._may_end or choice.finish_reason is not None
            return chunk

        return typed


class EventStream(ResponseStream["ChatStatusEvent"]):
    """The chat status stream: `{"status": ...}` events until the server closes (a clean close is its normal end)."""

    def __init__(self, response: httpx.Response, max_event_bytes: int = DEFAULT_LIMITS.max_event_bytes) -> None:
        super().__init__(response, max_event_bytes)
        self._may_end = True

    def __iter__(self) -> Iterator[ChatStatusEvent]:
        return self.iter_events()

    def iter_events(self) -> Iterator[ChatStatusEvent]:
        """Each status event as soon as it arrives."""
        return self._items("iter_events()")

    _unit = "event"

    def _parser(self) -> Callable[[str], ChatStatusEvent]:
        from ..types.ui_message import ChatStatusEvent

        validate: Callable[[str], ChatStatusEvent] = ChatStatusEvent.__pydantic_validator__.validate_json
        return validate


def _drain(chunks: Iterator[bytes]) -> None:
    """Read what is left of a body after its terminator, up to `_DRAIN_BYTES`; a failure there changes nothing."""
    drained = 0
    with contextlib.suppress(httpx.TransportError, httpx.StreamClosed):
        for data in chunks:
            drained += len(data)
            if drained > _DRAIN_BYTES:
                return
