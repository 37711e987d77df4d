"""How each paging style finds its items and the next page's parameters: pure, shared by sync and async."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["PageStyle", "OffsetPages", "NumberedPages", "CursorPages", "NextCursorPages"]


def _items_at(page: Any, path: Sequence[str]) -> list[Any]:
    """The item list of a page: the page itself when it is a list, else the value at `path` (e.g. data.files)."""
    value = page if isinstance(page, list) else _value_at(page, path)
    return list(value) if isinstance(value, list) else []


def _value_at(page: Any, path: Sequence[str]) -> Any:
    for key in path:
        if not isinstance(page, Mapping):
            return None
        page = page.get(key)
    return page


def _more(page: Any, got: int, limit: int | None) -> bool:
    """Whether another page exists: the server's flag when it sends one, else a full page means maybe."""
    if isinstance(page, Mapping):
        for holder in (page, page.get("pagination"), page.get("data")):
            if isinstance(holder, Mapping):
                for flag in ("has_more", "has_next", "hasMore", "hasNext"):
                    if isinstance(holder.get(flag), bool):
                        return bool(holder[flag])
    return got > 0 and limit is not None and got >= limit


@dataclass(frozen=True)
class PageStyle:
    """Base: where the items are; subclasses say how to ask for the next page."""

    items_path: tuple[str, ...] = ()

    def items(self, page: Any) -> list[Any]:
        return _items_at(page, self.items_path)

    def next_params(self, page: Any, items: list[Any], params: Mapping[str, Any]) -> dict[str, Any] | None:
        raise NotImplementedError


@dataclass(frozen=True)
class OffsetPages(PageStyle):
    """`skip`/`offset` + `limit` paging (data-board lists).

    `cap` is the largest page the service serves (a larger `limit` is lowered to it before asking), and
    `total_paths` where a page says how many items match in all: with a total, a short page is not taken for the
    last one (a service may serve fewer than asked), only reaching the total or an empty page ends the walk.
    """

    offset_key: str = "skip"
    limit_key: str = "limit"
    default_limit: int = 20
    cap: int | None = None
    total_paths: tuple[tuple[str, ...], ...] = (("total",),)

    def first_params(self, limit: int) -> dict[str, Any]:
        """The first page's parameters, the page size within the cap (0, "all", is kept)."""
        size = min(limit, self.cap) if self.cap is not None and limit > 0 else limit
        return {self.limit_key: size, self.offset_key: 0}

    def next_params(self, page: Any, items: list[Any], params: Mapping[str, Any]) -> dict[str, Any] | None:
        limit = params.get(self.limit_key) or self.default_limit
        offset = (params.get(self.offset_key) or 0) + len(items)
        total = self._total(page)
        if total is not None:
            return None if not items or offset >= total else {**params, self.offset_key: offset}
        if not _more(page, len(items), limit):
            return None
        return {**params, self.offset_key: offset, self.limit_key: limit}

    def _total(self, page: Any) -> int | None:
        for path in self.total_paths:
            value = _value_at(page, path)
            if isinstance(value, int) and not isinstance(value, bool):
                return value
        return None


@dataclass(frozen=True)
class NumberedPages(PageStyle):
    """`page` (1-based) + `limit` paging."""

    page_key: str = "page"
    limit_key: str = "limit"

    def next_params(self, page: Any, items: list[Any], params: Mapping[str, Any]) -> dict[str, Any] | None:
        if not _more(page, len(items), params.get(self.limit_key)):
            return None
        return {**params, self.page_key: (params.get(self.page_key) or 1) + 1}


@dataclass(frozen=True)
class CursorPages(PageStyle):
    """`starting_after` cursor paging: the next page starts after the last item's id."""

    cursor_key: str = "starting_after"
    id_key: str = "id"

    def next_params(self, page: Any, items: list[Any], params: Mapping[str, Any]) -> dict[str, Any] | None:
        if not items or not _more(page, len(items), params.get("limit")):
            return None
        last = items[-1]
        cursor = last.get(self.id_key) if isinstance(last, Mapping) else None
        return None if cursor is None else {**params, self.cursor_key: cursor}


@dataclass(frozen=True)
class NextCursorPages(PageStyle):
    """A cursor the page hands out (`{"data": [...], "next": "<cursor>" | null}`, the workflow service's pages): the
    next page asks for `cursor=<next>`; no `next` ends the walk."""

    cursor_key: str = "cursor"
    next_path: tuple[str, ...] = ("next",)

    def next_params(self, page: Any, items: list[Any], params: Mapping[str, Any]) -> dict[str, Any] | None:
        cursor = _value_at(page, self.next_path)
        if not items or not isinstance(cursor, str) or not cursor:
            return None
        return {**params, self.cursor_key: cursor}
