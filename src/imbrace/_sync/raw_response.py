# Generated from src/imbrace/_async/raw_response.py by codegen/unasync.py: edit that file.
"""`with_raw_response` and `with_streaming_response`: any namespace method, with the HTTP response it got.

`client.boards.with_raw_response.get(board_id)` runs `boards.get` and returns a `RawResponse` (async:
`AsyncRawResponse`): status, headers, request id, and `.parse()` for exactly what `boards.get` returns.
`client.boards.with_streaming_response.get(...)` is a context manager whose `StreamedResponse` (async:
`AsyncStreamedResponse`) has the status and headers but leaves the body unread until `parse()`, `read()` or
`iter_bytes()` asks for it. Both work for every public method of every namespace: the transport
hands the response to an `imbrace._capture.Capture` (see there), so no method body knows about them. The response
shown is the call's first one (a method that sends several requests, such as a polling helper, shows its first).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator, Mapping
from contextlib import suppress
from datetime import timedelta
from types import TracebackType
from typing import Any, Generic, Protocol, TypeVar, cast

import httpx

from .._capture import CAPTURE, Capture, Deferred
from .._errors import _REQUEST_ID_HEADERS
from .._response import decode_body

__all__ = [
    "RawResponse",
    "StreamedResponse",
    "StreamedResponseContext",
    "WithRawResponse",
    "WithStreamingResponse",
]

T = TypeVar("T")


class _ResponseView:
    """What both views show of the HTTP response: status, headers, request id, URL."""

    http_response: httpx.Response

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """The server's request id header (`x-request-id` and its kin), for support tickets."""
        headers = self.http_response.headers
        return next((headers[name] for name in _REQUEST_ID_HEADERS if name in headers), None)

    @property
    def url(self) -> httpx.URL:
        return self.http_response.url

    @property
    def method(self) -> str:
        return self.http_response.request.method

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status_code}] {self.method} {self.url.path}>"


class RawResponse(_ResponseView, Generic[T]):
    """A finished call: the method has run; `parse()` returns its result."""

    def __init__(self, http_response: httpx.Response, result: T) -> None:
        self.http_response = http_response
        self._result = result

    def parse(self) -> T:
        """Exactly what the plain method returned."""
        return self._result

    @property
    def content(self) -> bytes:
        """The body as received (a streamed method's body belongs to its result, and raises `httpx.ResponseNotRead`)."""
        return self.http_response.content

    @property
    def text(self) -> str:
        return self.http_response.text

    @property
    def elapsed(self) -> timedelta:
        """From sending the request to the end of its body (httpx's `elapsed`; a streamed body must be closed first)."""
        return self.http_response.elapsed


class StreamedResponse(_ResponseView, Generic[T]):
    """A call stopped after the response headers; the body is read only when asked for."""

    def __init__(self, http_response: httpx.Response, call: Callable[[], Any]) -> None:
        self.http_response = http_response
        self._call = call
        self._parsed: list[T] = []

    def parse(self) -> T:
        """Finish the method on this response: exactly what the plain method returns (computed once)."""
        if not self._parsed:
            self._parsed.append(_run(self._call, Capture(replay=self.http_response)))
        return self._parsed[0]

    def read(self) -> bytes:
        return self.http_response.read()

    def text(self) -> str:
        self.http_response.read()
        return self.http_response.text

    def json(self) -> Any:
        """The body as JSON, text or None, as a plain method would decode it."""
        self.http_response.read()
        return decode_body(self.http_response)

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        return self.http_response.iter_bytes(chunk_size)

    def iter_text(self, chunk_size: int | None = None) -> Iterator[str]:
        return self.http_response.iter_text(chunk_size)

    def iter_lines(self) -> Iterator[str]:
        return self.http_response.iter_lines()

    def close(self) -> None:
        self.http_response.close()


class StreamedResponseContext(Generic[T]):
    """`with ... as response` (`async with` on the async client): sends on entry, closes the response on exit."""

    def __init__(self, call: Callable[[], Any]) -> None:
        self._call = call
        self._response: StreamedResponse[T] | None = None

    def __enter__(self) -> StreamedResponse[T]:
        capture = Capture(defer=True)
        with suppress(Deferred):
            _run(self._call, capture)
        self._response = StreamedResponse(_sent(capture), self._call)
        return self._response

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._response is not None:
            self._response.close()


class RawMethod(Protocol):
    """A method seen through `with_raw_response` (or a nested namespace's view), for type checkers."""

    def __call__(self, *args: Any, **kwargs: Any) -> RawResponse[Any]: ...

    def __getattr__(self, name: str) -> RawMethod: ...


class StreamingMethod(Protocol):
    """A method seen through `with_streaming_response` (or a nested namespace's view), for type checkers."""

    def __call__(self, *args: Any, **kwargs: Any) -> StreamedResponseContext[Any]: ...

    def __getattr__(self, name: str) -> StreamingMethod: ...


class WithRawResponse:
    """`resource.with_raw_response.<method>(...)`: the method's result with its HTTP response."""

    def __init__(self, resource: object) -> None:
        self._resource = resource

    def __getattr__(self, name: str) -> RawMethod:
        method = _public_method(self._resource, name, "with_raw_response")
        if not callable(method):
            return cast(RawMethod, method)

        def call(*args: Any, **kwargs: Any) -> RawResponse[Any]:
            capture = Capture()
            result = _run(lambda: method(*args, **kwargs), capture)
            return RawResponse(_sent(capture), result)

        return cast(RawMethod, call)

    def __dir__(self) -> list[str]:
        return _public_names(self._resource)


class WithStreamingResponse:
    """`resource.with_streaming_response.<method>(...)`: a context manager over the unread response."""

    def __init__(self, resource: object) -> None:
        self._resource = resource

    def __getattr__(self, name: str) -> StreamingMethod:
        method = _public_method(self._resource, name, "with_streaming_response")
        if not callable(method):
            return cast(StreamingMethod, method)

        def call(*args: Any, **kwargs: Any) -> StreamedResponseContext[Any]:
            return StreamedResponseContext(lambda: method(*args, **kwargs))

        return cast(StreamingMethod, call)

    def __dir__(self) -> list[str]:
        return _public_names(self._resource)


def _run(call: Callable[[], Any], capture: Capture) -> Any:
    """Run a method with `capture` watching its requests; an iterator result is started, so its first request goes."""
    token = CAPTURE.set(capture)
    try:
        result = call()
        if _started_by_one_item(result):
            return _Started.start(result)
        return result
    finally:
        CAPTURE.reset(token)


_started_by_one_item = inspect.isgenerator


class _Started(Generic[T]):
    """An iterator already advanced by one item (to send its first request), yielding that item first."""

    def __init__(self, iterator: Any, first: list[T]) -> None:
        self._iterator = iterator
        self._first = first

    @classmethod
    def start(cls, iterator: Any) -> _Started[T]:
        try:
            first = [iterator.__next__()]
        except StopIteration:
            first = []
        return cls(iterator, first)

    def __iter__(self) -> _Started[T]:
        return self

    def __next__(self) -> T:
        if self._first:
            return self._first.pop()
        item: T = self._iterator.__next__()
        return item

    def close(self) -> None:
        self._iterator.close()


def _sent(capture: Capture) -> httpx.Response:
    if capture.response is None:
        raise TypeError("this method sent no request, so it has no HTTP response to show")
    return capture.response


def _public_method(resource: object, name: str, view: str) -> Any:
    """The resource's public method `name`; a nested namespace gives its own view (`ai_agent.with_raw_response.x`)."""
    if name.startswith("_") or name in _VIEWS:
        raise AttributeError(f"{view} has no attribute {name!r}")
    attribute = getattr(resource, name)
    if callable(attribute):
        return attribute
    nested = getattr(attribute, view, None)
    if nested is None:
        raise AttributeError(f"{view}.{name} is not a method")
    return nested


def _public_names(resource: object) -> list[str]:
    return [name for name in dir(resource) if not name.startswith("_") and name not in _VIEWS]


_VIEWS: Mapping[str, None] = dict.fromkeys(("with_raw_response", "with_streaming_response"))
