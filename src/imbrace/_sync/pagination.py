# Generated from src/imbrace/_async/pagination.py by codegen/unasync.py: edit that file.
"""Walk every page lazily: the next page is fetched only when the caller has consumed the current one."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from .._pagination import PageStyle

__all__ = ["sync_iterate_pages", "sync_walk"]

MAX_PAGES = 100_000


def sync_iterate_pages(
    fetch: Callable[[Mapping[str, Any]], Any], params: Mapping[str, Any], style: PageStyle
) -> Iterator[Any]:
    """Yield every item of every page; `fetch(params)` gets one page. Stops on the last page or a repeated cursor."""
    current: Mapping[str, Any] | None = dict(params)
    seen: set[str] = set()
    while current is not None and len(seen) < MAX_PAGES:
        seen.add(repr(sorted(current.items())))
        page = fetch(current)
        items = style.items(page)
        for item in items:
            yield item
        current = style.next_params(page, items, current)
        if current is not None and repr(sorted(current.items())) in seen:
            return


def sync_walk(
    list_page: Callable[..., Any], style: PageStyle, first: Mapping[str, Any], *args: Any, **kwargs: Any
) -> Iterator[Any]:
    """Every item of every page of `list_page(*args, **kwargs)`, each page's parameters (from `first`, then from
    `style`) passed as keyword arguments: what every `iter_*` method of the namespaces does."""

    def fetch(page: Mapping[str, Any]) -> Any:
        return list_page(*args, **kwargs, **page)

    return sync_iterate_pages(fetch, first, style)
