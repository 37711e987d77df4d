"""Data boards as the data-board service keeps them: CRUD, order, board file uploads, CSV export, imports.

Replies follow the service: single boards as `{data: board}` (creates with 201), lists as `{data, total, count}`.
A board's `team_ids` is derived from its managers; `team_ids` sent on create is dropped, on update it sets them.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from typing import Any
from urllib.parse import urlparse

from starlette.responses import JSONResponse, Response

from ..data_board_errors import DataBoardError, zod_issue
from ..ids import new_object_id, now_iso
from ..multipart import UploadedFile
from ..store import Doc
from .base import Ctx, operation, require, stamp, touch
from .knowledge import FILES, store_upload

__all__ = ["BOARDS", "ITEMS", "SEGMENTS", "board_reply", "field_doc", "item_doc", "require_board"]

BOARDS = "boards"
ITEMS = "board_items"
SEGMENTS = "segments"
IMPORTS = "board_imports"

BOARD_TYPES = (
    "Contacts",
    "Companies",
    "Opportunities",
    "OptOut",
    "Tasks",
    "System",
    "General",
    "KnowledgeHub",
    "DocumentAI",
)
_LIST_CAP, _LIST_DEFAULT = 500, 100
_UPLOAD_MAX = 10
_UPLOAD_EXTENSIONS = frozenset(
    [
        "gif",
        "tiff",
        "tif",
        "svg",
        "jpg",
        "jpeg",
        "png",
        "txt",
        "ai",
        "psd",
        "csv",
        "doc",
        "docx",
        "pdf",
        "ppt",
        "pptx",
        "xls",
        "xlsx",
        "mp4",
        "json",
    ]
)


def require_board(ctx: Ctx, key: str | None = None) -> Doc:
    return require(ctx.store, BOARDS, key if key is not None else ctx.path["board_id"], "Board")


def board_view(board: Doc) -> Doc:
    """The board as the service shows it: with `team_ids` derived from its managers."""
    return {**board, "team_ids": [m.get("teamId") for m in board.get("managers") or []]}


def board_reply(board: Doc, status: int = 200) -> Response:
    """`{data: board}`, as every single-board and every field reply."""
    return JSONResponse({"data": board_view(board)}, status_code=status)


def field_doc(spec: dict[str, Any], order: int) -> Doc:
    """A field definition as the service stores it, from a create body (or a board's `fields` entry)."""
    key = new_object_id()
    base: Doc = {"description": None, "isUniqueIdentifier": False, "isDefault": False, "hidden": False}
    base |= {"hiddenOnRecord": False, "isDeprecated": False, "data": [], "settings": None, "order": order}
    field = {**base, **spec, "_id": key, "id": key}
    field["isIdentifier"] = bool(field["isUniqueIdentifier"])
    return field


def item_doc(ctx: Ctx, board: Doc, fields: dict[str, Any]) -> Doc:
    """A new item of the board; `fields` is stored as given (the service maps no names to ids)."""
    key = new_object_id()
    doc = {"_id": key, "id": key, "board_id": board["_id"], "organization_id": ctx.organization_id}
    return stamp({**doc, "fields": fields, "created_type": "Manual"})


@operation("list_boards")
def list_boards(ctx: Ctx) -> Doc:
    search, hidden, category = ctx.query("search"), ctx.query("hidden"), ctx.query("category_id")
    types = ctx.request.query_params.getlist("types")
    for position, value in enumerate(types):
        if value not in BOARD_TYPES:
            raise zod_issue(f"Invalid enum value. Expected {' | '.join(BOARD_TYPES)}", ["types", position])
    boards = [
        b
        for b in sorted(ctx.store.all(BOARDS), key=lambda b: b.get("order", 0))
        if (not search or search.lower() in str(b.get("name", "")).lower())
        and (hidden is None or bool(b.get("hidden")) == (hidden == "true"))
        and (not category or b.get("category_id") == category)
        and (not types or b.get("type") in types)
    ]
    skip, limit = max(ctx.query_int("skip", 0), 0), _list_limit(ctx.query_int("limit", _LIST_DEFAULT))
    page = boards[skip:] if limit == 0 else boards[skip : skip + limit]
    counts = Counter(item.get("board_id") for item in ctx.store.all(ITEMS))
    data = [{**board_view(b), "items_count": counts[b["_id"]]} for b in page]
    return {"data": data, "total": len(boards), "count": len(data)}


def _list_limit(limit: int) -> int:
    """The service's page size: 0 is all, 1 to 500 as asked, anything else silently 100."""
    return limit if 0 <= limit <= _LIST_CAP else _LIST_DEFAULT


@operation("create_board")
def create_board(ctx: Ctx) -> Response:
    body, key = ctx.json, new_object_id()
    fields = [field_doc(spec, i) for i, spec in enumerate(body.get("fields") or [])]
    base = {"description": None, "type": "General", "category_id": body.get("category"), "hidden": False}
    base |= {"show_id": False, "is_child_table": False, "managers": [], "order": len(ctx.store.all(BOARDS))}
    kept = {k: v for k, v in body.items() if k not in ("fields", "team_ids", "category")}
    doc = {**base, **kept, "_id": key, "id": key, "fields": fields, "organization_id": ctx.organization_id}
    return board_reply(ctx.store.put(BOARDS, key, stamp(doc)), 201)


@operation("reorder_boards")
def reorder_boards(ctx: Ctx) -> Doc:
    boards = [require_board(ctx, key) for key in ctx.json["boardIds"]]
    for position, board in enumerate(boards):
        ctx.store.put(BOARDS, board["_id"], touch(board, {"order": position}))
    return {"message": "Boards reordered successfully"}


def _board_upload(ctx: Ctx) -> list[UploadedFile]:
    uploads = list(ctx.form.files.values()) if ctx.form is not None else []
    if not uploads:
        raise DataBoardError(400, "No file uploaded", "handler")
    return uploads


@operation("upload_board_file")
def upload_board_file(ctx: Ctx) -> Doc:
    stored = store_upload(ctx, _board_upload(ctx)[0], folder_id=None)
    return {"url": stored["url"]}


@operation("upload_board_file_v2")
def upload_board_file_v2(ctx: Ctx) -> list[Doc]:
    uploads = _board_upload(ctx)
    if len(uploads) > _UPLOAD_MAX:
        raise DataBoardError(400, f"maximum {_UPLOAD_MAX} files are allowed", "handler")
    return [_upload_entry(ctx, upload) for upload in uploads]


def _upload_entry(ctx: Ctx, upload: UploadedFile) -> Doc:
    name, _, extension = upload.filename.rpartition(".")
    extension = extension.lower() if name else upload.content_type.rsplit("/", 1)[-1].lower()
    entry: Doc = {"name": name or upload.filename, "extension": extension, "sizeInBytes": upload.size}
    entry |= {"uploadDate": now_iso(), "user_id": None, "uploader": None, "url": None, "key": None}
    if extension not in _UPLOAD_EXTENSIONS:
        return {**entry, "error": f"unsupported file type {extension}"}
    stored = store_upload(ctx, upload, folder_id=None)
    return {**entry, "url": stored["url"], "key": stored["key"], "error": None}


@operation("get_board")
def get_board(ctx: Ctx) -> Response:
    return board_reply(require_board(ctx))


@operation("update_board")
def update_board(ctx: Ctx) -> Response:
    board, changes = require_board(ctx), dict(ctx.json)
    if "team_ids" in changes:
        changes["managers"] = [{"teamId": team, "teamName": ""} for team in changes.pop("team_ids") if team]
    if "category" in changes:
        changes["category_id"] = changes.pop("category")
    return board_reply(ctx.store.put(BOARDS, board["_id"], touch(board, changes)))


@operation("delete_board")
def delete_board(ctx: Ctx) -> Doc:
    board = require_board(ctx)
    for collection in (ITEMS, SEGMENTS):
        for doc in ctx.store.all(collection, lambda d: d.get("board_id") == board["_id"]):
            ctx.store.delete(collection, doc["_id"])
    ctx.store.delete(IMPORTS, board["_id"])
    ctx.store.delete(BOARDS, board["_id"])
    return {"message": "Board deleted successfully"}


@operation("export_csv")
def export_csv(ctx: Ctx) -> Response:
    board = require_board(ctx)
    fields = board.get("fields") or []
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([*(f.get("name") for f in fields), "Record Created On", "Lasted Updated On"])
    for item in ctx.store.all(ITEMS, lambda d: d.get("board_id") == board["_id"]):
        values = [(item.get("fields") or {}).get(f["_id"], "") for f in fields]
        writer.writerow([*values, item["created_at"], item["updated_at"]])
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8")


def _import(ctx: Ctx, completed: str) -> Doc:
    board, body = require_board(ctx), ctx.json
    fields = {f["_id"]: f for f in board.get("fields") or []}
    mappings = body["mappings"]
    invalid = [m for m in mappings if fields.get(m["boardFieldId"], {}).get("name") != m["boardFieldName"]]
    if invalid:
        listed = [{"csvHeader": m["csvHeader"], "boardFieldName": m["boardFieldName"]} for m in invalid]
        raise DataBoardError(400, "Invalid field mappings", "import", invalidMappings=listed)
    identifier = next((f for f in fields.values() if f.get("isIdentifier")), None)
    if identifier is not None and not any(m["boardFieldId"] == identifier["_id"] for m in mappings):
        required = {"boardFieldId": identifier["_id"], "boardFieldName": identifier["name"]}
        raise DataBoardError(400, "Identifier field is required in mappings", "import", requiredField=required)
    by_header = {m["csvHeader"].strip(): m["boardFieldId"] for m in mappings}
    rows = _rows(ctx, body["fileUrl"])
    for row in rows:
        values = {by_header[h.strip()]: v for h, v in row.items() if h and h.strip() in by_header}
        item = item_doc(ctx, board, values)
        ctx.store.put(ITEMS, item["_id"], item)
    done = {"status": "completed", "total": len(rows), "processed": len(rows), "success": len(rows), "failed": 0}
    ctx.store.put(IMPORTS, board["_id"], {**done, "percentage": 100})
    results = {"total": len(rows), "successful": len(rows), "failed": 0, "skipped": 0}
    return {"status": "success", "message": completed, "results": results}


def _rows(ctx: Ctx, url: str) -> list[dict[str, str]]:
    """The rows of a file uploaded to this emulator (it fetches nothing from elsewhere), read as UTF-8 CSV."""
    parts = urlparse(url).path.strip("/").split("/")
    key = parts[2] if len(parts) == 4 and parts[:2] == ["data-board", "files"] and parts[2].isalnum() else ""
    stored = ctx.state.files.find(key) if key else None
    if stored is None or ctx.store.get(FILES, key) is None:
        raise DataBoardError(400, "Failed to fetch file: HTTP 404", "import")
    try:
        text = stored.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataBoardError(400, "the emulator reads UTF-8 CSV text only (it parses no .xlsx)", "import") from None
    return list(csv.DictReader(io.StringIO(text)))


@operation("import_csv")
def import_csv(ctx: Ctx) -> Doc:
    return _import(ctx, "CSV import completed")


@operation("import_excel")
def import_excel(ctx: Ctx) -> Doc:
    return _import(ctx, "Excel import completed")


@operation("get_import_progress")
def get_import_progress(ctx: Ctx) -> Doc:
    progress = ctx.store.get(IMPORTS, ctx.path["board_id"])
    if progress is None:
        return {"status": "not_found", "message": "No active import found"}
    ctx.store.delete(IMPORTS, ctx.path["board_id"])
    return progress
