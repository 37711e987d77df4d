"""Saved item filters (segmentations) of a board: the list as `{data}`, single segments as the bare row (as the
service answers); only `name`, `description` and `filters` of a body are kept."""

from __future__ import annotations

from ..data_board_errors import DataBoardError
from ..ids import new_object_id
from ..store import Doc
from .base import Ctx, operation, stamp, touch
from .boards import SEGMENTS, require_board


def _require(ctx: Ctx) -> Doc:
    board = require_board(ctx)
    segment = ctx.store.get(SEGMENTS, ctx.path["segment_id"])
    if segment is None or segment.get("board_id") != board["_id"]:
        raise DataBoardError(404, f"Segment not found: {ctx.path['segment_id']}", "handler")
    return segment


@operation("list_segments")
def list_segments(ctx: Ctx) -> Doc:
    board = require_board(ctx)
    return {"data": ctx.store.all(SEGMENTS, lambda d: d.get("board_id") == board["_id"])}


@operation("create_segment")
def create_segment(ctx: Ctx) -> Doc:
    board, key = require_board(ctx), new_object_id()
    doc = {
        "name": None,
        "description": None,
        "filters": [],
        **_kept(ctx.json),
        "_id": key,
        "id": key,
        "board_id": board["_id"],
    }
    return ctx.store.put(SEGMENTS, key, stamp(doc))


@operation("update_segment")
def update_segment(ctx: Ctx) -> Doc:
    segment = _require(ctx)
    return ctx.store.put(SEGMENTS, segment["_id"], touch(segment, _kept(ctx.json)))


@operation("delete_segment")
def delete_segment(ctx: Ctx) -> Doc:
    segment = _require(ctx)
    ctx.store.delete(SEGMENTS, segment["_id"])
    return {"message": "is deleted"}


def _kept(body: Doc) -> Doc:
    return {key: body[key] for key in ("name", "description", "filters") if key in body}
