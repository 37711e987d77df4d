"""A board's items (rows): CRUD, bulk delete, links to items of other boards, full-text search.

As in the service: item `fields` are keyed by field id and stored as sent (an object keyed by names keeps those
orphan keys); the list form `[{board_field_id, value}]` becomes that object. A board with an identifier field needs
its value in every new item, unique across the board (else 409). Lists flatten `fields` onto each row.
"""

from __future__ import annotations

import math
import time
from functools import partial
from typing import Any

from starlette.responses import JSONResponse, Response

from ..data_board_errors import DataBoardError, zod_issue
from ..store import Doc
from .base import Ctx, operation, touch
from .boards import ITEMS, item_doc, require_board

_LINKED = "related_board_item_list"


def _board_items(ctx: Ctx, board: Doc) -> list[Doc]:
    return ctx.store.all(ITEMS, lambda d: d.get("board_id") == board["_id"])


def _require_item(ctx: Ctx, board: Doc, item_id: str | None = None) -> Doc:
    item_id = item_id if item_id is not None else ctx.path["item_id"]
    item = ctx.store.get(ITEMS, item_id)
    if item is None or item.get("board_id") != board["_id"]:
        raise DataBoardError(404, f"Board item not found: {item_id}", "handler")
    return item


def _row(item: Doc) -> Doc:
    return {**item, **(item.get("fields") or {})}


def _sorted(items: list[Doc], sort: str | None) -> list[Doc]:
    """Items ordered by `"a,-b"` keys (`created_at`, `fields.<field id>`), the last key applied first."""
    for token in reversed([t.strip() for t in (sort or "").split(",") if t.strip()]):
        key = token.lstrip("-").removeprefix("fields.")
        items = sorted(items, key=partial(_sort_value, key), reverse=token.startswith("-"))
    return items


def _sort_value(key: str, item: Doc) -> str:
    return str(_row(item).get(key, ""))


@operation("list_items")
def list_items(ctx: Ctx) -> Doc:
    if ctx.query("filter") is not None:
        raise zod_issue("Expected object, received string", ["filter"], code="invalid_type")
    items = _sorted(_board_items(ctx, require_board(ctx)), ctx.query("sort"))
    skip, limit = ctx.query_int("skip", 0), ctx.query_int("limit", 20)
    page = [_row(item) for item in (items[skip:] if limit == 0 else items[skip : skip + limit])]
    if ctx.query("include_parent") in ("true", "1"):
        return {"data": page, "count": len(page), "total": len(items), "has_more": skip + len(page) < len(items)}
    pages = math.ceil(len(items) / limit) if limit else 1
    return {"data": page, "count": len(items), "skip": skip, "limit": limit, "totalPages": pages}


def _values(fields: dict[str, Any] | list[dict[str, Any]]) -> dict[str, Any]:
    if isinstance(fields, list):
        return {entry["board_field_id"]: entry["value"] for entry in fields}
    return dict(fields)


def _check_identifier(ctx: Ctx, board: Doc, values: dict[str, Any], item_id: str | None = None) -> None:
    identifier = next((f for f in board.get("fields") or [] if f.get("isIdentifier")), None)
    if identifier is None:
        return
    value = values.get(identifier["_id"])
    if value in (None, ""):
        raise DataBoardError(400, f"Field '{identifier['name']}' is required", "handler")
    for other in _board_items(ctx, board):
        if other["_id"] != item_id and (other.get("fields") or {}).get(identifier["_id"]) == value:
            raise DataBoardError(409, f"A record with {identifier['name']} '{value}' already exists", "handler")


@operation("create_item")
def create_item(ctx: Ctx) -> Response:
    board = require_board(ctx)
    values = _values(ctx.json["fields"])
    _check_identifier(ctx, board, values)
    item = item_doc(ctx, board, values)
    return JSONResponse({"data": ctx.store.put(ITEMS, item["_id"], item)}, status_code=201)


@operation("bulk_delete_items")
def bulk_delete_items(ctx: Ctx) -> Doc:
    board = require_board(ctx)
    params = ctx.request.query_params
    ids = list(ctx.json.get("ids") or params.getlist("ids[]") or params.getlist("ids"))
    if not ids:
        raise DataBoardError(400, "At least one ID is required", "handler")
    items = [_require_item(ctx, board, key) for key in ids]
    for item in items:
        ctx.store.delete(ITEMS, item["_id"])
    return {"message": f"{len(items)} items deleted successfully", "count": len(items)}


@operation("get_item")
def get_item(ctx: Ctx) -> Doc:
    return {"data": _require_item(ctx, require_board(ctx))}


@operation("update_item")
def update_item(ctx: Ctx) -> Doc:
    board = require_board(ctx)
    item = _require_item(ctx, board)
    changes = dict(ctx.json.get("fields") or {})
    changes.update({entry["key"]: entry.get("value") for entry in ctx.json.get("data") or []})
    fields = {**(item.get("fields") or {}), **changes}
    return {"data": ctx.store.put(ITEMS, item["_id"], touch(item, {"fields": fields}))}


@operation("delete_item")
def delete_item(ctx: Ctx) -> Doc:
    item = _require_item(ctx, require_board(ctx))
    ctx.store.delete(ITEMS, item["_id"])
    return {"message": "Board item deleted successfully"}


def _link(ctx: Ctx, *, add: bool) -> Doc:
    item = _require_item(ctx, require_board(ctx))
    targets = ctx.json.get("relatedItemIds") or ctx.json.get("ids") or []
    if not targets:
        raise zod_issue("At least one related item ID is required (relatedItemIds | ids)")
    linked = list(item.get(_LINKED) or [])
    linked = [*linked, *(t for t in targets if t not in linked)] if add else [k for k in linked if k not in targets]
    ctx.store.put(ITEMS, item["_id"], touch(item, {_LINKED: linked}))
    return {"message": f"Items {'linked' if add else 'unlinked'} successfully"}


@operation("link_items")
def link_items(ctx: Ctx) -> Doc:
    return _link(ctx, add=True)


@operation("unlink_items")
def unlink_items(ctx: Ctx) -> Doc:
    return _link(ctx, add=False)


@operation("get_related_items")
def get_related_items(ctx: Ctx) -> Doc:
    item = _require_item(ctx, require_board(ctx))
    related = _board_items(ctx, require_board(ctx, ctx.path["related_board_id"]))
    linked = set(item.get(_LINKED) or [])
    wanted = ctx.query("link") != "false"
    name = (ctx.query("name") or "").lower()
    matches = [r for r in related if (r["_id"] in linked) == wanted and _named(r, name)]
    skip, limit = ctx.query_int("skip", 0), ctx.query_int("limit", 20)
    page = [_row(r) for r in matches[skip : skip + limit]]
    return {"data": page, "count": len(page), "total": len(matches), "has_more": skip + len(page) < len(matches)}


def _named(item: Doc, name: str) -> bool:
    return not name or any(name in str(value).lower() for value in (item.get("fields") or {}).values())


@operation("search_board_items")
def search_board_items(ctx: Ctx) -> Doc:
    started = time.perf_counter()
    board = require_board(ctx)
    query = str(ctx.json.get("q") or "")
    hits = [_row(item) for item in _board_items(ctx, board) if _named(item, query.lower())]
    limit, offset = ctx.json.get("limit", 20), ctx.json.get("offset", 0)
    message = {
        "hits": hits[offset : offset + limit],
        "estimatedTotalHits": len(hits),
        "limit": limit,
        "offset": offset,
        "processingTimeMs": int((time.perf_counter() - started) * 1000),
        "query": query,
    }
    return {"success": True, "message": message}
