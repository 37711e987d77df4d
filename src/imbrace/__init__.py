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
    from ._limits import Limits
    from ._sync.client import ImbraceClient
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
    "AuthError",
    "ApiError",
    "NetworkError",
    "Limits",
]


_LOCATION: dict[str, str] = {
    **dict.fromkeys(__all__[4:], "._errors"),
    "ImbraceClient": "._sync.client",
    "AsyncImbraceClient": "._async.client",
    "RequestOptions": "._types",
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
