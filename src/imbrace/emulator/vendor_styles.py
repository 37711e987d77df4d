"""How each vendor service shapes what the generic handler answers: ids, timestamps, single records, pages.

- data-board: as its board handlers answer (`imbraceltd/data_board`, see `handlers/boards.py`): Mongo `_id`,
  `created_at`/`updated_at`, one record as `{data: record}`, a page as `{data, total, count}`, 100 rows by default;
- workflow (Activepieces): `id`, `created`/`updated`, bare records, a page as its `SeekPage` `{data, next,
  previous}` with opaque cursors, 10 rows by default (as the spec's reply schemas and Activepieces' list endpoints);
- channel, platform, marketplace: their source is not public. Guessed: Mongo `_id`, `created_at`/`updated_at`,
  bare records, a page as `{data, total}`, 20 rows by default (the old package's default `limit`).

A deleted record is answered as the guess `{success: true}` wherever the spec declares a body (`204` has none).
"""

from __future__ import annotations

import base64
import binascii
import secrets
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .errors import HttpError
from .ids import new_object_id
from .specs import Service
from .store import Doc

__all__ = ["Page", "Style", "style_of"]


@dataclass(frozen=True)
class Page:
    """One page of a list: the rows, where they start, how many were asked for and how many match in all."""

    rows: list[Doc]
    offset: int
    limit: int
    total: int


@dataclass(frozen=True)
class Style:
    id_field: str
    new_id: Callable[[], str]
    created_field: str
    updated_field: str
    default_limit: int
    item: Callable[[Doc], Any]
    page: Callable[[Page], Any]
    offset_of: Callable[[Mapping[str, str]], int]


def _mongo(default_limit: int, item: Callable[[Doc], Any], page: Callable[[Page], Any]) -> Style:
    return Style("_id", new_object_id, "created_at", "updated_at", default_limit, item, page, _skipped)


def _ap_id() -> str:
    """An id as Activepieces makes them (`apId()`: 21 characters of nanoid's alphabet, here alphanumeric only)."""
    return "".join(secrets.choice(_ALPHANUMERIC) for _ in range(21))


_ALPHANUMERIC = string.ascii_letters + string.digits


def _bare(doc: Doc) -> Any:
    return doc


def _wrapped(doc: Doc) -> Any:
    return {"data": doc}


def _counted(page: Page) -> Any:
    return {"data": page.rows, "total": page.total, "count": len(page.rows)}


def _totalled(page: Page) -> Any:
    return {"data": page.rows, "total": page.total}


def _seek(page: Page) -> Any:
    after = page.offset + len(page.rows)
    following = _cursor(after) if after < page.total else None
    preceding = _cursor(max(0, page.offset - page.limit)) if page.offset > 0 else None
    return {"data": page.rows, "next": following, "previous": preceding}


def _cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(str(offset).encode()).decode()


def _skipped(query: Mapping[str, str]) -> int:
    return int(query.get("offset") or query.get("skip") or 0)


def _from_cursor(query: Mapping[str, str]) -> int:
    cursor = query.get("cursor")
    if not cursor:
        return 0
    try:
        return int(base64.urlsafe_b64decode(cursor.encode()).decode())
    except (ValueError, binascii.Error):
        raise HttpError(400, f"Query parameter cursor: {cursor[:40]!r} is not a cursor this service issued") from None


_STYLES: dict[Service, Style] = {
    "data-board": _mongo(100, _wrapped, _counted),
    "workflow": Style("id", _ap_id, "created", "updated", 10, _bare, _seek, _from_cursor),
    "channel": _mongo(20, _bare, _totalled),
    "platform": _mongo(20, _bare, _totalled),
    "marketplace": _mongo(20, _bare, _totalled),
}


def style_of(service: Service) -> Style:
    return _STYLES[service]
