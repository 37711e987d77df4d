"""CRM board automations (`/data-board/v1/crmboard`), as the data-board service's `crmboard.controller.ts` serves
them: the old IPS service's shapes, kept for its callers. Rows bare or in bare lists; failures `{message}`; lookups
that find nothing are 404 "CRMBoard not found" (the by-board list and by-field list excepted: `[]`); an update needs
`board_id` in its body (404 otherwise, as the service answers); deletes answer `{message: "Delete successfully"}`.
Rows belong to the caller's organization.
"""

from __future__ import annotations

from collections.abc import Callable

from ..data_board_errors import DataBoardError
from ..ids import new_object_id
from ..store import Doc
from .base import Ctx, operation, stamp, touch

CRMBOARDS = "crmboards"
_NOT_FOUND = "CRMBoard not found"
_DELETED = {"message": "Delete successfully"}


def _rows(ctx: Ctx, where: Callable[[Doc], bool]) -> list[Doc]:
    org = ctx.organization_id
    return ctx.store.all(CRMBOARDS, lambda row: row.get("organization_id") == org and where(row))


def _found(rows: list[Doc], message: str = _NOT_FOUND) -> list[Doc]:
    if not rows:
        raise DataBoardError(404, message, "message")
    return rows


def _require(ctx: Ctx) -> Doc:
    key = ctx.path["id"]
    return _found(_rows(ctx, lambda row: row["_id"] == key))[0]


@operation("searchCrmboards")
def search_crmboards(ctx: Ctx) -> list[Doc]:
    folder_id, board_id = ctx.query("folder_id"), ctx.query("board_id")
    if not folder_id and not board_id:
        raise DataBoardError(400, "At least one of folder_id or board_id is required", "message")
    matching = [v for v in (folder_id, board_id) if v]
    return _found(_rows(ctx, lambda row: row.get("folder_id") in matching or row.get("board_id") in matching))


@operation("listOrgCrmboards")
def list_org_crmboards(ctx: Ctx) -> list[Doc]:
    return _found(_rows(ctx, lambda row: True))


@operation("getCrmboardById")
def get_crmboard(ctx: Ctx) -> Doc:
    return _require(ctx)


@operation("getCrmboardsByField")
def get_crmboards_by_field(ctx: Ctx) -> list[Doc]:
    return _rows(ctx, lambda row: row.get("field_id") == ctx.path["id"])


@operation("getCrmboardsByWorkflow")
def get_crmboards_by_workflow(ctx: Ctx) -> list[Doc]:
    found = _rows(ctx, lambda row: row.get("workflow_id") == ctx.path["id"])
    return _found(found, "CRMBoard not found for the given workflow_id")


@operation("listCrmboardsByBoard")
def list_crmboards_by_board(ctx: Ctx) -> list[Doc]:
    return _rows(ctx, lambda row: row.get("board_id") == ctx.path["boardid"])


@operation("createCrmboard")
def create_crmboard(ctx: Ctx) -> Doc:
    key = new_object_id()
    row = stamp({**ctx.json, "_id": key, "organization_id": ctx.organization_id})
    return ctx.store.put(CRMBOARDS, key, row)


@operation("updateCrmboard")
def update_crmboard(ctx: Ctx) -> Doc:
    if not ctx.json.get("board_id"):
        raise DataBoardError(404, "BoardID is invalid or missing", "message")
    row = _require(ctx)
    return ctx.store.put(CRMBOARDS, row["_id"], touch(row, {**ctx.json, "_id": row["_id"]}))


@operation("deleteCrmboard")
def delete_crmboard(ctx: Ctx) -> Doc:
    ctx.store.delete(CRMBOARDS, _require(ctx)["_id"])
    return _DELETED


@operation("deleteCrmboardsByBoard")
def delete_crmboards_by_board(ctx: Ctx) -> Doc:
    for row in _found(_rows(ctx, lambda row: row.get("board_id") == ctx.path["boardid"])):
        ctx.store.delete(CRMBOARDS, row["_id"])
    return _DELETED
