"""`DefaultHttpxClient` / `DefaultAsyncHttpxClient`: httpx clients with the SDK's own defaults.

For callers who pass `http_client=` to add a proxy, mTLS or event hooks and want to keep everything else as the SDK
sets it: its timeout (60 s, 5 s to connect) and redirects not followed (a redirect is answered, not chased with the
credentials). Any keyword of `httpx.Client` is accepted and wins.
"""

from __future__ import annotations

from typing import Any

import httpx

from ._config import DEFAULT_TIMEOUT

__all__ = ["DefaultAsyncHttpxClient", "DefaultHttpxClient"]


def _defaults(kwargs: dict[str, Any]) -> dict[str, Any]:
    return {"timeout": DEFAULT_TIMEOUT, "follow_redirects": False, **kwargs}


class DefaultHttpxClient(httpx.Client):
    """`httpx.Client` with the SDK's timeout and redirect policy, e.g. `DefaultHttpxClient(proxy="http://proxy:8080")`."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**_defaults(kwargs))


class DefaultAsyncHttpxClient(httpx.AsyncClient):
    """`httpx.AsyncClient` with the SDK's timeout and redirect policy."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**_defaults(kwargs))
