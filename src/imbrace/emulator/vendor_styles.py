"""How each vendor service shapes what the generic handler answers: ids, timestamps, records, pages, statuses.

- data-board: as its document-AI controllers answer (`imbraceltd/data_board`, `doc-category.controller.ts`,
  `doc-schema.controller.ts`): one record as `{data: record}`, a page as `{data, count, limit, skip}` (`count`
  all that match, `limit` null and every row when none is asked), creates 201, deletes 204 with no body;
  Mongo-style `_id` and `created_at`/`updated_at` as the emulator's board handlers keep them;
- workflow (Activepieces): `id`, `created`/`updated`, bare records, a page as its `SeekPage` `{data, next,
  previous}` with opaque cursors, 10 rows by default (as the spec's reply schemas and Activepieces' list endpoints);
- marketplace: as its Express controllers answer (`imbraceltd/marketplace`, `EmailSenderController`): one record
  as `{data: record}`, a list as `{data: rows}`, a delete as `{data: the deleted record}`; `_id` and
  `created_at`/`updated_at` (`generalSchemaFactory`); 20 rows by default (a guess);
- channel, platform: their source is not public. Guessed: Mongo `_id`, `created_at`/`updated_at`, bare records, a
  page as `{data, total}`, 20 rows by default (the old package's default `limit`).

Where the source does not say, statuses are the spec's, and a deleted record is answered as the guess
`{success: true}` (nothing for a `204`).
"""

from __future__ import annotations

import base64
import binascii
import secrets
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Optional

from .errors import HttpError
from .ids import new_object_id
from .specs import Service
from .store import Doc

__all__ = ["Page", "Style", "style_of"]


@dataclass(frozen=True)
class Page:
    """One page of a list: the rows, where they start, how many were asked for (None: all) and how many match."""

    rows: list[Doc]
    offset: int
    limit: Optional[int]
    total: int


@dataclass(frozen=True)
class Style:
    id_field: str
    new_id: Callable[[], str]
    created_field: str
    updated_field: str
    default_limit: Optional[int]
    item: Callable[[Doc], Any]
    page: Callable[[Page], Any]
    offset_of: Callable[[Mapping[str, str]], int]
    deleted: Callable[[Doc], Any] = lambda doc: {"success": True}
    created_status: Optional[int] = None  # None: the spec's
    deleted_status: Optional[int] = None


def _mongo(item: Callable[[Doc], Any], page: Callable[[Page], Any], **rest: Any) -> Style:
    return Style("_id", new_object_id, "created_at", "updated_at", 20, item, page, _skipped, **rest)


def _ap_id() -> str:
    """An id as Activepieces makes them (`apId()`: 21 characters of nanoid's alphabet, here alphanumeric only)."""
    return "".join(secrets.choice(_ALPHANUMERIC) for _ in range(21))


_ALPHANUMERIC = string.ascii_letters + string.digits


def _bare(doc: Doc) -> Any:
    return doc


def _wrapped(doc: Doc) -> Any:
    return {"data": doc}


def _counted(page: Page) -> Any:
    return {"data": page.rows, "count": page.total, "limit": page.limit, "skip": page.offset}


def _totalled(page: Page) -> Any:
    return {"data": page.rows, "total": page.total}


def _listed(page: Page) -> Any:
    return {"data": page.rows}


def _seek(page: Page) -> Any:
    after = page.offset + len(page.rows)
    following = _cursor(after) if after < page.total else None
    preceding = _cursor(max(0, page.offset - (page.limit or 0))) if page.offset > 0 else None
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
    "data-board": Style(
        "_id",
        new_object_id,
        "created_at",
        "updated_at",
        None,
        _wrapped,
        _counted,
        _skipped,
        created_status=201,
        deleted_status=204,
    ),
    "workflow": Style("id", _ap_id, "created", "updated", 10, _bare, _seek, _from_cursor),
    "channel": _mongo(_bare, _totalled),
    "platform": _mongo(_bare, _totalled),
    "marketplace": _mongo(_wrapped, _listed, deleted=_wrapped),
}


def style_of(service: Service) -> Style:
    return _STYLES[service]
