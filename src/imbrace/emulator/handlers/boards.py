"""Data boards: CRUD, order, board file uploads, CSV export and CSV/Excel import with its progress.

Single boards are answered bare: the spec's `BoardResponse` is `oneOf: [BoardEnvelope, Board]`, and a `{data: board}`
envelope is also a valid (open) `Board`, so an envelope would match both branches and fail the oneOf.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from starlette.responses import Response

from ..errors import HttpError
from ..ids import new_object_id
from ..store import Doc
from .base import Ctx, operation, require, stamp, touch
from .knowledge import store_upload

__all__ = ["BOARDS", "ITEMS", "SEGMENTS", "field_doc", "item_doc", "require_board"]

BOARDS = "boards"
ITEMS = "board_items"
SEGMENTS = "segments"
IMPORTS = "board_imports"


def require_board(ctx: Ctx, key: str | None = None) -> Doc:
    return require(ctx.store, BOARDS, key if key is not None else ctx.path["board_id"], "Board")


def field_doc(spec: dict[str, Any], order: int) -> Doc:
    """A field definition with its ids, from a create/bulk body entry."""
    key = new_object_id()
    slug = re.sub(r"[^a-z0-9]+", "_", str(spec.get("name", "")).lower()).strip("_")
    base = {"options": [], "required": False, "hidden": False, "key": slug or key, "order": order}
    return {**base, **spec, "_id": key, "id": key}


def item_doc(ctx: Ctx, board: Doc, values: dict[str, Any]) -> Doc:
    """A new item of the board; values keyed by field name are re-keyed by field id."""
    key = new_object_id()
    fields = normalize_values(board, values)
    doc = {
        "_id": key,
        "id": key,
        "object_name": "BoardItem",
        "board_id": board["_id"],
        "organization_id": ctx.organization_id,
        "fields": fields,
        "data": [{"key": k, "value": v} for k, v in fields.items()],
    }
    return stamp(doc)


def normalize_values(board: Doc, values: dict[str, Any]) -> dict[str, Any]:
    by_name = {f.get("name"): f["_id"] for f in board.get("fields") or []}
    return {by_name.get(key, key): value for key, value in values.items()}


@operation("list_boards")
def list_boards(ctx: Ctx) -> Doc:
    search, hidden, category = ctx.query("search"), ctx.query("hidden"), ctx.query("category_id")
    types = set((ctx.query("types") or "").split(",")) - {""}
    boards = ctx.store.all(BOARDS)
    boards = [
        b
        for b in boards
        if (not search or search.lower() in str(b.get("name", "")).lower())
        and (hidden is None or bool(b.get("hidden")) == (hidden == "true"))
        and (category is None or b.get("category_id") == category)
        and (not types or b.get("type") in types)
    ]
    skip, limit = ctx.query_int("skip", 0), ctx.query_int("limit", 20)
    return {"data": boards[skip : skip + limit], "total": len(boards), "skip": skip, "limit": limit}


@operation("create_board")
def create_board(ctx: Ctx) -> Doc:
    body, key = ctx.json, new_object_id()
    fields = [field_doc(spec, i) for i, spec in enumerate(body.get("fields", []))]
    base = {"description": None, "type": "General", "category": None, "category_id": None, "hidden": False}
    extra = {"show_id": False, "team_ids": [], "workflow_id": None, "order": len(ctx.store.all(BOARDS))}
    doc = {**base, **extra, **body, "_id": key, "id": key, "object_name": f"board_{key}", "fields": fields}
    return ctx.store.put(BOARDS, key, stamp({**doc, "organization_id": ctx.organization_id}))


@operation("reorder_boards")
def reorder_boards(ctx: Ctx) -> Doc:
    ids = ctx.json.get("boardIds") or ctx.json.get("order") or []
    boards = [require_board(ctx, key) for key in ids]
    for position, board in enumerate(boards):
        ctx.store.put(BOARDS, board["_id"], touch(board, {"order": position}))
    return {"success": True, "message": f"{len(boards)} boards reordered"}


def _board_upload(ctx: Ctx) -> Doc:
    stored = store_upload(ctx, ctx.file(), folder_id=None)
    return {"url": stored["url"], "file_id": stored["_id"], "key": f"uploads/{stored['_id']}/{stored['name']}"}


@operation("upload_board_file")
def upload_board_file(ctx: Ctx) -> Doc:
    return _board_upload(ctx)


@operation("upload_board_file_v2")
def upload_board_file_v2(ctx: Ctx) -> Doc:
    return _board_upload(ctx)


@operation("get_board")
def get_board(ctx: Ctx) -> Doc:
    return require_board(ctx)


@operation("update_board")
def update_board(ctx: Ctx) -> Doc:
    board = require_board(ctx)
    return ctx.store.put(BOARDS, board["_id"], touch(board, ctx.json))


@operation("delete_board")
def delete_board(ctx: Ctx) -> Doc:
    board = require_board(ctx)
    for collection in (ITEMS, SEGMENTS):
        for doc in ctx.store.all(collection, lambda d: d.get("board_id") == board["_id"]):
            ctx.store.delete(collection, doc["_id"])
    ctx.store.delete(IMPORTS, board["_id"])
    ctx.store.delete(BOARDS, board["_id"])
    return {"success": True, "message": "Board deleted", "_id": board["_id"]}


@operation("export_csv")
def export_csv(ctx: Ctx) -> Response:
    board = require_board(ctx)
    fields = board.get("fields") or []
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["_id", *(f.get("name") for f in fields)])
    for item in ctx.store.all(ITEMS, lambda d: d.get("board_id") == board["_id"]):
        writer.writerow([item["_id"], *((item.get("fields") or {}).get(f["_id"], "") for f in fields)])
    return Response(out.getvalue(), media_type="text/csv")


def _import(ctx: Ctx) -> Doc:
    board, upload = require_board(ctx), ctx.file()
    try:
        rows = list(csv.DictReader(io.StringIO(upload.data.decode("utf-8-sig"))))
    except UnicodeDecodeError:
        raise HttpError(400, "the emulator imports UTF-8 CSV text only (it does not parse .xlsx files)") from None
    board = _ensure_fields(ctx, board, [name for name in rows[0] if name] if rows else [])
    for row in rows:
        item = item_doc(ctx, board, {name: value for name, value in row.items() if name})
        ctx.store.put(ITEMS, item["_id"], item)
    job_id = new_object_id()
    progress = {"status": "completed", "progress": 100, "processed": len(rows), "total": len(rows), "job_id": job_id}
    ctx.store.put(IMPORTS, board["_id"], progress)
    return {
        "success": True,
        "message": f"Imported {len(rows)} items",
        "imported": len(rows),
        "errors": [],
        "job_id": job_id,
    }


def _ensure_fields(ctx: Ctx, board: Doc, names: list[str]) -> Doc:
    fields = list(board.get("fields") or [])
    known = {f.get("name") for f in fields}
    fields += [
        field_doc({"name": name, "type": "text"}, len(fields) + i) for i, name in enumerate(names) if name not in known
    ]
    return ctx.store.put(BOARDS, board["_id"], touch(board, {"fields": fields}))


@operation("import_csv")
def import_csv(ctx: Ctx) -> Doc:
    return _import(ctx)


@operation("import_excel")
def import_excel(ctx: Ctx) -> Doc:
    return _import(ctx)


@operation("get_import_progress")
def get_import_progress(ctx: Ctx) -> Doc:
    board = require_board(ctx)
    progress = ctx.store.get(IMPORTS, board["_id"])
    return progress or {"status": "idle", "progress": 0, "processed": 0, "total": 0}
