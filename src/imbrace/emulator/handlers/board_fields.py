"""A board's field definitions (its columns): add, reorder, bulk upsert, update, delete."""

from __future__ import annotations

from typing import Any

from ..errors import HttpError
from ..store import Doc
from .base import Ctx, operation, touch
from .boards import BOARDS, field_doc, require_board


def _save_fields(ctx: Ctx, board: Doc, fields: list[Doc]) -> list[Doc]:
    ctx.store.put(BOARDS, board["_id"], touch(board, {"fields": fields}))
    return fields


def _index(fields: list[Doc], field_id: str) -> int:
    for position, field in enumerate(fields):
        if field_id in (field.get("_id"), field.get("id")):
            return position
    raise HttpError(404, f"Field not found: {field_id}")


@operation("create_field")
def create_field(ctx: Ctx) -> Doc:
    board = require_board(ctx)
    fields = list(board.get("fields") or [])
    field = field_doc(ctx.json, len(fields))
    _save_fields(ctx, board, [*fields, field])
    return field


@operation("reorder_fields")
def reorder_fields(ctx: Ctx) -> Doc:
    board = require_board(ctx)
    fields = list(board.get("fields") or [])
    ids = ctx.json.get("fieldIds") or ctx.json.get("fields") or []
    moved = [fields[_index(fields, field_id)] for field_id in ids]
    rest = [f for f in fields if f not in moved]
    ordered = [{**f, "order": i} for i, f in enumerate([*moved, *rest])]
    return {"success": True, "fields": _save_fields(ctx, board, ordered)}


@operation("bulk_update_fields")
def bulk_update_fields(ctx: Ctx) -> Doc:
    board = require_board(ctx)
    fields = list(board.get("fields") or [])
    for spec in ctx.json["fields"]:
        field_id = spec.get("_id") or spec.get("id")
        if field_id is None:
            fields.append(field_doc(_present(spec), len(fields)))
        else:
            position = _index(fields, field_id)
            fields[position] = {**fields[position], **_present(spec)}
    return {"success": True, "fields": _save_fields(ctx, board, fields)}


def _present(spec: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in spec.items() if value is not None}


@operation("update_field")
def update_field(ctx: Ctx) -> Doc:
    board = require_board(ctx)
    fields = list(board.get("fields") or [])
    position = _index(fields, ctx.path["field_id"])
    field: Doc = {**fields[position], **ctx.json}
    fields[position] = field
    _save_fields(ctx, board, fields)
    return field


@operation("delete_field")
def delete_field(ctx: Ctx) -> Doc:
    board = require_board(ctx)
    fields = list(board.get("fields") or [])
    removed = fields.pop(_index(fields, ctx.path["field_id"]))
    _save_fields(ctx, board, fields)
    return {"success": True, "message": "Field deleted", "_id": removed["_id"]}
