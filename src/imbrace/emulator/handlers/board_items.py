"""A board's items (rows): CRUD, bulk delete, links to items of other boards, full-text search.

Single items are answered as `{data: item}`: a bare item carries the legacy `data: [{key, value}]` list, which a
client unwrapping `data` would mistake for the item.
"""

from __future__ import annotations

import time
from typing import Any

from ..errors import HttpError
from ..store import Doc
from .base import Ctx, operation, touch
from .boards import ITEMS, item_doc, normalize_values, require_board


def _board_items(ctx: Ctx, board: Doc) -> list[Doc]:
    return ctx.store.all(ITEMS, lambda d: d.get("board_id") == board["_id"])


def _require_item(ctx: Ctx, board: Doc, item_id: str | None = None) -> Doc:
    item_id = item_id if item_id is not None else ctx.path["item_id"]
    item = ctx.store.get(ITEMS, item_id)
    if item is None or item.get("board_id") != board["_id"]:
        raise HttpError(404, f"Item not found: {item_id}")
    return item


def _page(ctx: Ctx, items: list[Doc]) -> Doc:
    skip, limit = ctx.query_int("skip", 0), ctx.query_int("limit", 20)
    return {"data": items[skip : skip + limit], "total": len(items), "skip": skip, "limit": limit}


@operation("list_items")
def list_items(ctx: Ctx) -> Doc:
    return _page(ctx, _board_items(ctx, require_board(ctx)))


@operation("create_item")
def create_item(ctx: Ctx) -> Doc:
    item = item_doc(ctx, require_board(ctx), ctx.json["fields"])
    return {"data": ctx.store.put(ITEMS, item["_id"], item)}


@operation("bulk_delete_items")
def bulk_delete_items(ctx: Ctx) -> Doc:
    board = require_board(ctx)
    owned = {item["_id"] for item in _board_items(ctx, board)}
    deleted = [key for key in ctx.json["ids"] if key in owned and ctx.store.delete(ITEMS, key) is not None]
    return {"success": True, "deletedCount": len(deleted), "deleted": deleted}


@operation("get_item")
def get_item(ctx: Ctx) -> Doc:
    return {"data": _require_item(ctx, require_board(ctx))}


@operation("update_item")
def update_item(ctx: Ctx) -> Doc:
    board = require_board(ctx)
    item = _require_item(ctx, board)
    values = dict(ctx.json.get("fields") or {})
    values.update({entry["key"]: entry.get("value") for entry in ctx.json.get("data") or [] if "key" in entry})
    fields = {**(item.get("fields") or {}), **normalize_values(board, values)}
    data = [{"key": k, "value": v} for k, v in fields.items()]
    return {"data": ctx.store.put(ITEMS, item["_id"], touch(item, {"fields": fields, "data": data}))}


@operation("delete_item")
def delete_item(ctx: Ctx) -> Doc:
    item = _require_item(ctx, require_board(ctx))
    ctx.store.delete(ITEMS, item["_id"])
    return {"success": True, "message": "Item deleted", "_id": item["_id"]}


def _link(ctx: Ctx, *, add: bool) -> Doc:
    board = require_board(ctx)
    item = _require_item(ctx, board)
    related_board = require_board(ctx, ctx.json["relatedBoardId"])
    targets = [_require_item(ctx, related_board, key)["_id"] for key in ctx.json["relatedItemIds"]]
    links: dict[str, list[str]] = {k: list(v) for k, v in (item.get("related") or {}).items()}
    current = links.get(related_board["_id"], [])
    links[related_board["_id"]] = (
        [*current, *(t for t in targets if t not in current)] if add else [key for key in current if key not in targets]
    )
    ctx.store.put(ITEMS, item["_id"], touch(item, {"related": links}))
    return {"success": True, "message": f"{len(targets)} items {'linked' if add else 'unlinked'}"}


@operation("link_items")
def link_items(ctx: Ctx) -> Doc:
    return _link(ctx, add=True)


@operation("unlink_items")
def unlink_items(ctx: Ctx) -> Doc:
    return _link(ctx, add=False)


@operation("get_related_items")
def get_related_items(ctx: Ctx) -> Doc:
    item = _require_item(ctx, require_board(ctx))
    related_board = require_board(ctx, ctx.path["related_board_id"])
    keys = (item.get("related") or {}).get(related_board["_id"], [])
    return _page(ctx, [doc for key in keys if (doc := ctx.store.get(ITEMS, key)) is not None])


@operation("search_board_items")
def search_board_items(ctx: Ctx) -> Doc:
    started = time.perf_counter()
    board = require_board(ctx)
    query = str(ctx.json.get("q") or "")
    hits = [item for item in _board_items(ctx, board) if _matches(item, query)]
    limit, offset = ctx.json.get("limit", 100), ctx.json.get("offset", 0)
    took = int((time.perf_counter() - started) * 1000)
    message = {
        "hits": hits[offset : offset + limit],
        "estimatedTotalHits": len(hits),
        "limit": limit,
        "offset": offset,
        "processingTimeMs": took,
        "query": query,
    }
    return {"success": True, "message": message}


def _matches(item: Doc, query: str) -> bool:
    values: dict[str, Any] = item.get("fields") or {}
    return not query or any(query.lower() in str(value).lower() for value in values.values())
