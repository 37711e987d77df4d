"""Walk every page lazily: the next page is fetched only when the caller has consumed the current one."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from typing import Any

from .._pagination import PageStyle

__all__ = ["async_iterate_pages", "async_walk"]

MAX_PAGES = 100_000


async def async_iterate_pages(
    fetch: Callable[[Mapping[str, Any]], Awaitable[Any]], params: Mapping[str, Any], style: PageStyle
) -> AsyncIterator[Any]:
    """Yield every item of every page; `fetch(params)` gets one page. Stops on the last page or a repeated cursor."""
    current: Mapping[str, Any] | None = dict(params)
    seen: set[str] = set()
    while current is not None and len(seen) < MAX_PAGES:
        seen.add(repr(sorted(current.items())))
        page = await fetch(current)
        items = style.items(page)
        for item in items:
            yield item
        current = style.next_params(page, items, current)
        if current is not None and repr(sorted(current.items())) in seen:
            return


def async_walk(
    list_page: Callable[..., Awaitable[Any]], style: PageStyle, first: Mapping[str, Any], *args: Any, **kwargs: Any
) -> AsyncIterator[Any]:
    """Every item of every page of `list_page(*args, **kwargs)`, each page's parameters (from `first`, then from
    `style`) passed as keyword arguments: what every `iter_*` method of the namespaces does."""

    async def fetch(page: Mapping[str, Any]) -> Any:
        return await list_page(*args, **kwargs, **page)

    return async_iterate_pages(fetch, first, style)
