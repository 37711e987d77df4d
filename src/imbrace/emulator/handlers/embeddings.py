"""Embedding files: processing an uploaded Knowledge Hub file, and watching its status move to a terminal value.

`process_embedding` puts the file in `processing`. It becomes `completed` (or `failed`, when the file name contains
"fail", to test the error path of a wait helper) after `embedding_delay` seconds or on the `embedding_polls`-th read
of `get_embedding_file`, whichever comes first.
"""

from __future__ import annotations

import time

from ..errors import HttpError
from ..store import Doc
from .base import Ctx, operation, require, touch
from .knowledge import FILES

__all__ = ["COMPLETED", "FAILED", "PROCESSING"]

EMBEDDING_FILES = "embedding_files"
JOBS = "embedding_jobs"
PROCESSING, COMPLETED, FAILED = "processing", "completed", "failed"


def _progress(ctx: Ctx, doc: Doc, *, polled: bool) -> Doc:
    """The file with its status brought up to date (a read counts as a poll when `polled`)."""
    job = ctx.store.get(JOBS, doc["id"])
    if job is None or doc["status"] != PROCESSING:
        return doc
    polls = job["polls"] + (1 if polled else 0)
    ctx.store.put(JOBS, doc["id"], {**job, "polls": polls})
    settings = ctx.state.settings
    if polls < settings.embedding_polls and time.time() - job["started"] < settings.embedding_delay:
        return doc
    ctx.store.delete(JOBS, doc["id"])
    return ctx.store.put(EMBEDDING_FILES, doc["id"], touch(doc, {"status": job["outcome"]}))


def _require(ctx: Ctx) -> Doc:
    return require(ctx.store, EMBEDDING_FILES, ctx.path["file_id"], "Embedding file")


@operation("process_embedding")
def process_embedding(ctx: Ctx) -> Doc:
    file = require(ctx.store, FILES, ctx.json["fileId"], "File")
    key = file["_id"]
    doc = {
        "id": key,
        "file_id": key,
        "name": file["name"],
        "status": PROCESSING,
        "organization_id": file["organization_id"],
        "folder_id": file.get("folder_id"),
        "mime_type": file.get("mime_type"),
        "size": file.get("size"),
        "created_at": file["created_at"],
        "options": ctx.json.get("options") or {},
    }
    outcome = FAILED if "fail" in file["name"].lower() else COMPLETED
    ctx.store.put(JOBS, key, {"started": time.time(), "polls": 0, "outcome": outcome})
    doc = ctx.store.put(EMBEDDING_FILES, key, touch({k: v for k, v in doc.items() if v is not None}, {}))
    return {"success": True, "message": "Embedding started", "data": doc}


@operation("list_embedding_files")
def list_embedding_files(ctx: Ctx) -> Doc:
    files = [_progress(ctx, doc, polled=False) for doc in ctx.store.all(EMBEDDING_FILES)]
    page, limit = ctx.query_int("page", 1), ctx.query_int("limit", 20)
    chunk = files[(page - 1) * limit : page * limit]
    return {"success": True, "data": {"files": chunk, "total": len(files), "page": page, "limit": limit}}


@operation("preview_embedding_file")
def preview_embedding_file(ctx: Ctx) -> Doc:
    file_id = ctx.query("file_id")
    if file_id is None:
        raise HttpError(400, "file_id is required")
    file = require(ctx.store, FILES, file_id, "File")
    content = file.get("content") or f"[{file.get('mime_type')} file {file['name']}]"
    return {"success": True, "data": {"file_id": file_id, "content": content[:1000], "chunks": [content[:500]]}}


@operation("get_embedding_file")
def get_embedding_file(ctx: Ctx) -> Doc:
    return {"success": True, "data": _progress(ctx, _require(ctx), polled=True)}


@operation("delete_embedding_file")
def delete_embedding_file(ctx: Ctx) -> Doc:
    doc = _require(ctx)
    ctx.store.delete(JOBS, doc["id"])
    ctx.store.delete(EMBEDDING_FILES, doc["id"])
    return {"success": True, "message": "Embedding file deleted"}


@operation("update_embedding_file_status")
def update_embedding_file_status(ctx: Ctx) -> Doc:
    doc = _require(ctx)
    ctx.store.delete(JOBS, doc["id"])
    doc = ctx.store.put(EMBEDDING_FILES, doc["id"], touch(doc, {"status": ctx.json["status"]}))
    return {"success": True, "message": "Status updated", "data": doc}


@operation("classify_file")
def classify_file(ctx: Ctx) -> Doc:
    file_id = ctx.query("file_id")
    if file_id is None:
        raise HttpError(400, "file_id is required")
    file = require(ctx.store, FILES, file_id, "File")
    category = "spreadsheet" if "csv" in str(file.get("mime_type")) else "document"
    return {"success": True, "data": {"file_id": file_id, "category": category, "confidence": 1.0}}
