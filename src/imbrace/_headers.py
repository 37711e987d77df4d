"""Header providers: a mapping, or a function (sync or async) called before every request, e.g. to refresh a token."""

from __future__ import annotations

import inspect
from collections.abc import Mapping

from ._types import AsyncHeadersLike, HeadersLike
from ._validate import check_headers

__all__ = ["async_resolve_headers", "sync_resolve_headers"]


async def async_resolve_headers(provider: AsyncHeadersLike | None) -> Mapping[str, str]:
    if provider is None:
        return {}
    if isinstance(provider, Mapping):
        return provider
    value = provider()
    if inspect.isawaitable(value):
        value = await value
    return _checked(value)


def sync_resolve_headers(provider: HeadersLike | None) -> Mapping[str, str]:
    if provider is None:
        return {}
    if isinstance(provider, Mapping):
        return provider
    value = provider()
    if inspect.isawaitable(value):
        close = getattr(value, "close", None)
        if close is not None:
            close()
        raise TypeError("ImbraceClient got an async headers provider; use AsyncImbraceClient, or a plain function")
    return _checked(value)


def _checked(value: object) -> Mapping[str, str]:
    if not isinstance(value, Mapping):
        raise TypeError(
            f"a headers provider must return a mapping of header names to values, got {type(value).__name__}"
        )
    return check_headers(value, "the headers provider")
