"""Files on the AI service: agent files, content extraction, Document AI processing and RAG files."""

from __future__ import annotations

from ..errors import HttpError
from ..ids import new_object_id, now_iso
from ..multipart import UploadedFile
from ..store import Doc
from .base import Ctx, operation, require
from .boards import BOARDS

AGENT_FILES = "agent_files"
RAG_FILES = "rag_files"
_PREVIEW_CHARS = 20_000


def text_content(upload: UploadedFile) -> str:
    """The file's text when it is UTF-8, else a note saying what it is (the emulator runs no OCR)."""
    try:
        return upload.data.decode("utf-8")[:_PREVIEW_CHARS]
    except UnicodeDecodeError:
        return f"[{upload.content_type} file {upload.filename}, {len(upload.data)} bytes]"


@operation("upload_agent_file")
def upload_agent_file(ctx: Ctx) -> Doc:
    upload, key = ctx.file(), new_object_id()
    doc = {
        "_id": key,
        "id": key,
        "filename": upload.filename,
        "url": f"{ctx.origin}/v3/ai/files/agent/{key}",
        "bytes": len(upload.data),
        "agent_id": ctx.field("agent_id"),
        "created_at": now_iso(),
    }
    return ctx.store.put(AGENT_FILES, key, doc)


@operation("extract_file")
def extract_file(ctx: Ctx) -> Doc:
    upload = ctx.file()
    content = text_content(upload)
    return {"success": True, "filename": upload.filename, "content": content, "text": content}


@operation("process_document")
def process_document(ctx: Ctx) -> Doc:
    body = ctx.json
    if "boardId" in body:
        require(ctx.store, BOARDS, body["boardId"], "Board")
    data = {"url": body["url"], "modelName": body["modelName"], "fields": {}}
    if "fileUrlToFill" in body:
        data["filledPdfUrl"] = f"{ctx.origin}/v3/ai/document/filled/{new_object_id()}.pdf"
    return {"success": True, "data": data}


@operation("list_rag_files")
def list_rag_files(ctx: Ctx) -> Doc:
    files = ctx.store.all(RAG_FILES)
    return {"data": files, "total": len(files)}


@operation("upload_rag_file")
def upload_rag_file(ctx: Ctx) -> Doc:
    upload, key = ctx.file(), new_object_id()
    doc = {
        "_id": key,
        "id": key,
        "name": upload.filename,
        "filename": upload.filename,
        "bytes": len(upload.data),
        "size": len(upload.data),
        "status": "processed",
        "assistant_id": ctx.field("assistant_id"),
        "board_id": ctx.field("board_id"),
        "url": None,
        "created_at": now_iso(),
    }
    return ctx.store.put(RAG_FILES, key, doc)


@operation("get_rag_file")
def get_rag_file(ctx: Ctx) -> Doc:
    return require(ctx.store, RAG_FILES, ctx.path["file_id"], "RAG file")


@operation("delete_rag_file")
def delete_rag_file(ctx: Ctx) -> Doc:
    key = ctx.path["file_id"]
    if ctx.store.delete(RAG_FILES, key) is None:
        raise HttpError(404, f"RAG file not found: {key}")
    return {"success": True, "message": "RAG file deleted", "_id": key}
