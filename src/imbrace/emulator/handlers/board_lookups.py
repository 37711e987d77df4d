"""Vendor data-board operations that read what the hand-written board handlers keep (overrides of the generic one).

The generic handler keeps its own collections; these routes name records the gateway's routes create (segments,
fields, Knowledge Hub folders and files), so they read those. The reply shapes follow the neighbouring hand-written
routes: a segment bare, a field as `{data: field}` (a guess: the service answers its other field routes with the
board), folders and files as the folder routes' `{success, message, data}`.
"""

from __future__ import annotations

from starlette.responses import JSONResponse, Response

from ..data_board_errors import DataBoardError
from ..store import Doc
from .base import Ctx, operation
from .boards import SEGMENTS, require_board
from .knowledge import FILES, FOLDERS


@operation("getSegmentation")
def get_segmentation(ctx: Ctx) -> Doc:
    board = require_board(ctx, ctx.path["boardId"])
    segment = ctx.store.get(SEGMENTS, ctx.path["id"])
    if segment is None or segment.get("board_id") != board["_id"]:
        raise DataBoardError(404, f"Segment not found: {ctx.path['id']}", "handler")
    return segment


@operation("getBoardField")
def get_board_field(ctx: Ctx) -> Response:
    board = require_board(ctx, ctx.path["id"])
    field_id = ctx.path["fieldId"]
    for field in board.get("fields") or []:
        if field_id in (field.get("_id"), field.get("id")):
            return JSONResponse({"data": field})
    raise DataBoardError(404, f"Field not found: {field_id}", "handler")


@operation("listFolders")
def list_folders(ctx: Ctx) -> Response:
    mine = ctx.store.all(FOLDERS, lambda d: d.get("organization_id") == ctx.organization_id)
    return _listed("Folders retrieved successfully", mine)


@operation("listFiles")
def list_files(ctx: Ctx) -> Response:
    folder_id = ctx.query("folder_id")
    mine = ctx.store.all(
        FILES,
        lambda d: d.get("organization_id") == ctx.organization_id and folder_id in (None, d.get("folder_id")),
    )
    skip, limit = ctx.query_int("skip", 0), ctx.query_int("limit", 20)
    return _listed("Files retrieved successfully", mine[skip : skip + limit])


def _listed(message: str, data: list[Doc]) -> Response:
    return JSONResponse({"success": True, "message": message, "data": data})
