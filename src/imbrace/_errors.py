"""The exception hierarchy: one tree, typed by what went wrong.

    ImbraceError
      APIError
        APIStatusError (+ one class per common status)
        APIConnectionError
          APITimeoutError
          IncompleteStreamError
        APIResponseValidationError
        ResponseTooLargeError
        StreamError

The old package's names stay importable and catch the same cases, as real base classes (so `except` works):
`AuthError` (401/403), `ApiError` (any status error), `NetworkError` (connection failures and timeouts).
"""

from __future__ import annotations

import httpx

from ._logs import redact_url
from ._response import decode_body

__all__ = [
    "ImbraceError",
    "APIError",
    "APIStatusError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
    "APIConnectionError",
    "APITimeoutError",
    "IncompleteStreamError",
    "APIResponseValidationError",
    "ResponseTooLargeError",
    "StreamError",
    "StreamConsumedError",
    "JobFailedError",
    "JobTimeoutError",
    "ChatIdleTimeoutError",
    "AuthError",
    "ApiError",
    "NetworkError",
]

_REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-amzn-requestid", "x-correlation-id")


class ImbraceError(Exception):
    """Base of every error the SDK raises."""


class AuthError(ImbraceError):
    """The old package's name for a 401 or 403; `AuthenticationError` and `PermissionDeniedError` are both."""


class ApiError(ImbraceError):
    """The old package's name for any status error; every `APIStatusError` is one."""


class NetworkError(ImbraceError):
    """The old package's name for a connection failure or timeout; every `APIConnectionError` is one."""


class APIError(ImbraceError):
    """A request to the platform failed; `request` is the httpx request when one was built."""

    def __init__(self, message: str, *, request: httpx.Request | None = None, body: object = None) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        self.body = body


class APIStatusError(APIError, ApiError):
    """The server answered with a non-2xx status."""

    def __init__(self, message: str, *, response: httpx.Response, body: object) -> None:
        super().__init__(message, request=response.request, body=body)
        self.response = response
        self.status_code = response.status_code
        self.request_id = next((response.headers[h] for h in _REQUEST_ID_HEADERS if h in response.headers), None)


class BadRequestError(APIStatusError):
    """400."""


class AuthenticationError(APIStatusError, AuthError):
    """401: the credential is missing, wrong or expired."""


class PermissionDeniedError(APIStatusError, AuthError):
    """403: the credential is valid but not allowed to do this."""


class NotFoundError(APIStatusError):
    """404."""


class ConflictError(APIStatusError):
    """409."""


class UnprocessableEntityError(APIStatusError):
    """422."""


class RateLimitError(APIStatusError):
    """429."""


class InternalServerError(APIStatusError):
    """Any status of 500 or above."""


class APIConnectionError(APIError, NetworkError):
    """No usable answer arrived: the connection failed, was cut, or timed out."""

    def __init__(self, message: str = "Connection error.", *, request: httpx.Request | None = None) -> None:
        super().__init__(message, request=request)


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, read, write or pool)."""

    def __init__(self, message: str = "Request timed out.", *, request: httpx.Request | None = None) -> None:
        super().__init__(message, request=request)


class IncompleteStreamError(APIConnectionError):
    """A stream ended before its terminator: the answer is short, not complete."""

    def __init__(self, message: str, *, request: httpx.Request | None = None, received_events: int = 0) -> None:
        super().__init__(message, request=request)
        self.received_events = received_events


class APIResponseValidationError(APIError):
    """A 2xx answer whose body is not what the operation promises (empty, not JSON, or JSON labelled otherwise).

    `response`, `status_code` and `headers` are the answer's; `body` is its raw text, kept whole.
    """

    def __init__(self, message: str, *, response: httpx.Response) -> None:
        super().__init__(message, request=response.request, body=response.text)
        self.response = response
        self.status_code = response.status_code
        self.headers = response.headers


class ResponseTooLargeError(APIError):
    """A body, or one event of a stream, was larger than the client's `Limits` allow; `limit` is that bound."""

    def __init__(self, message: str, *, request: httpx.Request | None = None, limit: int) -> None:
        super().__init__(message, request=request)
        self.limit = limit


class StreamError(APIError):
    """The server reported an error inside a stream whose HTTP status was 2xx."""

    def __init__(self, message: str, *, request: httpx.Request | None = None, body: object = None) -> None:
        super().__init__(message, request=request, body=body)
        self.error_text = message


class JobFailedError(ImbraceError):
    """A long job (embedding, document processing) reached a failed status; `result` is the last status reply."""

    def __init__(self, job: str, status: str, result: object) -> None:
        super().__init__(f"{job} failed with status {status!r}")
        self.job = job
        self.status = status
        self.result = result


class JobTimeoutError(ImbraceError, TimeoutError):
    """A wait-for-completion helper gave up at its bound; the job itself may still finish later."""

    def __init__(self, job: str, timeout: float, status: str | None, result: object) -> None:
        super().__init__(f"{job} not finished after {timeout:g}s (last status {status!r})")
        self.job = job
        self.timeout = timeout
        self.status = status
        self.result = result


class ChatIdleTimeoutError(JobTimeoutError):
    """`Thread.wait_idle` gave up at its bound while the chat was still processing a turn (it may finish later)."""

    def __init__(self, chat_id: str, timeout: float, status: str | None) -> None:
        super().__init__(f"chat {chat_id}", timeout, status, None)
        self.chat_id = chat_id


class StreamConsumedError(ImbraceError, RuntimeError):
    """A stream was iterated a second time; its events can be read only once."""


_STATUS_CLASSES: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def _message_from(body: object) -> str | None:
    if isinstance(body, dict):
        for key in ("message", "error", "detail", "errorText", "msg"):
            value = body.get(key)
            if isinstance(value, str) and value:
                return value
            if isinstance(value, dict):
                nested = _message_from(value)
                if nested:
                    return nested
            if isinstance(value, list) and value:
                return "; ".join(_issue(item) for item in value)
    if isinstance(body, str) and body.strip():
        text = body.strip()
        return text if len(text) <= 500 else text[:500] + "..."
    return None


def _issue(item: object) -> str:
    """One validation problem: a FastAPI/pydantic `{loc, msg}` as `loc.path: msg`, anything else as text."""
    if isinstance(item, dict) and "msg" in item:
        loc = ".".join(str(part) for part in item.get("loc") or ())
        return f"{loc}: {item['msg']}" if loc else str(item["msg"])
    return str(item)


def status_error(response: httpx.Response, note: str = "") -> APIStatusError:
    """The typed error for a non-2xx response; its body must already be read. `note` is appended to the message."""
    body = decode_body(response)
    status = response.status_code
    detail = _message_from(body) or response.reason_phrase or "no message"
    message = f"{status} {detail} ({response.request.method} {response.request.url.path}){note}"
    cls = _STATUS_CLASSES.get(status) or (InternalServerError if status >= 500 else APIStatusError)
    return cls(message, response=response, body=body)


def connection_error(exc: httpx.TransportError, request: httpx.Request) -> APIConnectionError:
    """The typed error for an httpx transport failure; the URL in the message is redacted."""
    where = f"{request.method} {redact_url(request.url)}"
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"Request timed out ({type(exc).__name__}): {where}", request=request)
    return APIConnectionError(f"Connection error ({type(exc).__name__}: {exc}): {where}", request=request)
