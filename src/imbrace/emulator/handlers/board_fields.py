"""A board's field definitions (its columns): add, reorder, bulk upsert, update, delete.

Every route answers the whole board as `{data: board}` (the add with 201), as the service does.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from ..data_board_errors import DataBoardError
from ..store import Doc
from .base import Ctx, operation, touch
from .boards import BOARDS, board_reply, field_doc, require_board

# bulk_update_fields' snake_case flags -> the stored camelCase keys.
_BULK_KEYS = {
    "is_unique_identifier": "isUniqueIdentifier",
    "is_default": "isDefault",
    "hidden_on_record": "hiddenOnRecord",
}


def _save(ctx: Ctx, board: Doc, fields: list[Doc], status: int = 200) -> Response:
    return board_reply(ctx.store.put(BOARDS, board["_id"], touch(board, {"fields": fields})), status)


def _index(fields: list[Doc], field_id: str) -> int:
    for position, field in enumerate(fields):
        if field_id in (field.get("_id"), field.get("id")):
            return position
    raise DataBoardError(404, f"Field not found: {field_id}", "handler")


def _check_new(fields: list[Doc], spec: dict[str, Any]) -> None:
    """The service's rules for a new field: a unique name, at most one unique identifier per board."""
    if any(f.get("name") == spec["name"] for f in fields):
        raise DataBoardError(400, f"Field with name '{spec['name']}' already exists", "handler")
    if spec.get("isUniqueIdentifier") and any(f.get("isUniqueIdentifier") for f in fields):
        raise DataBoardError(400, "Board already has a unique identifier field", "handler")


@operation("create_field")
def create_field(ctx: Ctx) -> Response:
    board = require_board(ctx)
    fields = list(board.get("fields") or [])
    _check_new(fields, ctx.json)
    return _save(ctx, board, [*fields, field_doc(ctx.json, len(fields))], 201)


@operation("reorder_fields")
def reorder_fields(ctx: Ctx) -> Response:
    board = require_board(ctx)
    fields = list(board.get("fields") or [])
    ids = ctx.json.get("fieldIds") or ctx.json["fields"]
    moved = [fields[_index(fields, field_id)] for field_id in ids]
    rest = [f for f in fields if f not in moved]
    return _save(ctx, board, [{**f, "order": i} for i, f in enumerate([*moved, *rest])])


@operation("bulk_update_fields")
def bulk_update_fields(ctx: Ctx) -> Response:
    board = require_board(ctx)
    fields = list(board.get("fields") or [])
    for entry in ctx.json["fields"]:
        spec = {_BULK_KEYS.get(key, key): value for key, value in entry.items() if key != "field_id"}
        field_id = (entry.get("field_id") or "").strip()
        if not field_id:
            _check_new(fields, spec)
            fields.append(field_doc(spec, len(fields)))
            continue
        position = _index(fields, field_id)
        changes = {key: value for key, value in spec.items() if key not in ("type", "isUniqueIdentifier", "isDefault")}
        fields[position] = {**fields[position], **changes}
    return _save(ctx, board, fields)


@operation("update_field")
def update_field(ctx: Ctx) -> Response:
    board = require_board(ctx)
    fields = list(board.get("fields") or [])
    position = _index(fields, ctx.path["field_id"])
    fields[position] = {**fields[position], **ctx.json}
    return _save(ctx, board, fields)


@operation("delete_field")
def delete_field(ctx: Ctx) -> Response:
    board = require_board(ctx)
    fields = list(board.get("fields") or [])
    fields.pop(_index(fields, ctx.path["field_id"]))
    return _save(ctx, board, fields)
