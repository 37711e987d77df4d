"""Header providers: a mapping, or a function (sync or async) called before every request, e.g. to refresh a token."""

from __future__ import annotations

import inspect
from collections.abc import Mapping

from ._types import AsyncHeadersLike, HeadersLike
from ._validate import check_headers

__all__ = ["async_merge_headers", "async_resolve_headers", "sync_merge_headers", "sync_resolve_headers"]


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


def async_merge_headers(base: AsyncHeadersLike | None, extra: AsyncHeadersLike | None) -> AsyncHeadersLike | None:
    """`extra` over `base` (`with_options(headers=...)`): two mappings merge now, a function is called per request."""
    if base is None or extra is None:
        return extra if base is None else base
    if isinstance(base, Mapping) and isinstance(extra, Mapping):
        return {**base, **extra}

    async def merged() -> Mapping[str, str]:
        return {**await async_resolve_headers(base), **await async_resolve_headers(extra)}

    return merged


def sync_merge_headers(base: HeadersLike | None, extra: HeadersLike | None) -> HeadersLike | None:
    """`extra` over `base` (`with_options(headers=...)`): two mappings merge now, a function is called per request."""
    if base is None or extra is None:
        return extra if base is None else base
    if isinstance(base, Mapping) and isinstance(extra, Mapping):
        return {**base, **extra}

    def merged() -> Mapping[str, str]:
        return {**sync_resolve_headers(base), **sync_resolve_headers(extra)}

    return merged


def _checked(value: object) -> Mapping[str, str]:
    if not isinstance(value, Mapping):
        raise TypeError(
            f"a headers provider must return a mapping of header names to values, got {type(value).__name__}"
        )
    return check_headers(value, "the headers provider")
