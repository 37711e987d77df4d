"""The Python SDK for the Imbrace AI-agent platform.

    from imbrace import ImbraceClient, AsyncImbraceClient

The exceptions load with the package (with httpx, which any client needs); the other names load on first use
(PEP 562), so `import imbrace` costs little more than importing httpx.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from . import _errors
from ._errors import *  # noqa: F403  (the exceptions: their classes are needed by any call, and light)
from ._version import __version__

if TYPE_CHECKING:
    from ._async.client import AsyncImbraceClient
    from ._async.raw_response import AsyncRawResponse, AsyncStreamedResponse
    from ._config import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT
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
__all__ += _errors.__all__


_LOCATION: dict[str, str] = {
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
