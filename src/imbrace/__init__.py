"""The Python SDK for the Imbrace AI-agent platform.

    from imbrace import ImbraceClient, AsyncImbraceClient

Names load on first use (PEP 562), so `import imbrace` costs little more than importing httpx.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from ._async.client import AsyncImbraceClient
    from ._async.raw_response import AsyncRawResponse, AsyncStreamedResponse
    from ._config import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT
    from ._errors import (
        APIConnectionError,
        APIError,
        ApiError,
        APIResponseValidationError,
        APIStatusError,
        APITimeoutError,
        AuthenticationError,
        AuthError,
        BadRequestError,
        ChatIdleTimeoutError,
        ConflictError,
        ImbraceError,
        IncompleteStreamError,
        InternalServerError,
        JobFailedError,
        JobTimeoutError,
        NetworkError,
        NotFoundError,
        PermissionDeniedError,
        RateLimitError,
        ResponseTooLargeError,
        StreamConsumedError,
        StreamError,
        UnprocessableEntityError,
    )
    from ._http_client import DefaultAsyncHttpxClient, DefaultHttpxClient
    from ._limits import Limits
    from ._open_routes import MissingCredentialsError
    from ._sync.client import ImbraceClient
    from ._sync.raw_response import RawResponse, StreamedResponse
    from ._types import RequestOptions


__all__ = [
    "__version__",
    "ImbraceClient",
    "AsyncImbraceClient",
    "RequestOptions",
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
    "MissingCredentialsError",
    "DEFAULT_TIMEOUT",
    "DEFAULT_MAX_RETRIES",
    "DefaultHttpxClient",
    "DefaultAsyncHttpxClient",
    "RawResponse",
    "StreamedResponse",
    "AsyncRawResponse",
    "AsyncStreamedResponse",
    "Limits",
]


_LOCATION: dict[str, str] = {
    **dict.fromkeys(__all__[4:], "._errors"),
    "ImbraceClient": "._sync.client",
    "AsyncImbraceClient": "._async.client",
    "RequestOptions": "._types",
    "MissingCredentialsError": "._open_routes",
    "DEFAULT_TIMEOUT": "._config",
    "DEFAULT_MAX_RETRIES": "._config",
    "DefaultHttpxClient": "._http_client",
    "DefaultAsyncHttpxClient": "._http_client",
    "RawResponse": "._sync.raw_response",
    "StreamedResponse": "._sync.raw_response",
    "AsyncRawResponse": "._async.raw_response",
    "AsyncStreamedResponse": "._async.raw_response",
    "Limits": "._limits",
}


def __getattr__(name: str) -> Any:
    module = _LOCATION.get(name)
    if module is None:
        raise AttributeError(f"module 'imbrace' has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
