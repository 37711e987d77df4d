"""Files on the AI service: agent files, content extraction, Document AI processing and RAG files."""

from __future__ import annotations

import codecs

from starlette.responses import RedirectResponse

from ..errors import HttpError
from ..ids import new_object_id, new_uuid, now_iso
from ..multipart import UploadedFile
from ..store import Doc
from .base import Ctx, operation, require
from .boards import BOARDS

AGENT_FILES = "agent_files"
RAG_FILES = "rag_files"
_PREVIEW_CHARS = 20_000


def text_content(upload: UploadedFile) -> str:
    """The start of the file's text when it is UTF-8, else a note saying what it is (the emulator runs no OCR)."""
    head = upload.head(_PREVIEW_CHARS * 4)
    try:
        return codecs.getincrementaldecoder("utf-8")().decode(head, final=upload.size <= len(head))[:_PREVIEW_CHARS]
    except UnicodeDecodeError:
        return f"[{upload.content_type} file {upload.filename}, {upload.size} bytes]"


@operation("upload_agent_file")
def upload_agent_file(ctx: Ctx) -> Doc:
    """The service forwards the caller's `X-Access-Token` to the file service: an API-key call fails there."""
    if not ctx.request.headers.get("x-access-token"):
        raise HttpError(400, "Error uploading file: 401: Not authenticated (X-Access-Token required)")
    upload, key = ctx.file(), new_uuid()
    doc = {
        "id": key,
        "bytes": upload.size,
        "filename": upload.filename,
        "assistant_id": ctx.field("agent_id"),
        "url": f"{ctx.origin}/v3/ai/files/agent/{key}",
        "created_at": now_iso(),
    }
    return {"message": "File uploaded successfully", "result": ctx.store.put(AGENT_FILES, key, doc)}


@operation("extract_file")
def extract_file(ctx: Ctx) -> Doc:
    upload = ctx.file()
    if upload.head(4) != b"%PDF":
        raise HttpError(400, f"Only PDF files can be extracted: {upload.filename} is not a PDF")
    elements = [{"type": "text", "page": 1, "text": text_content(upload)}]
    return {"message": "File extracted successfully", "result": {"status": "success", "text_elements": elements}}


@operation("process_document")
def process_document(ctx: Ctx) -> Doc | RedirectResponse:
    """`/document/` is FastAPI's redirect to the route without the slash (the service points it at its own host)."""
    if ctx.request.url.path.endswith("/"):
        return RedirectResponse(f"{ctx.origin}{ctx.request.url.path.rstrip('/')}", status_code=307)
    body = ctx.json
    if "boardId" in body:
        require(ctx.store, BOARDS, body["boardId"], "Board")
    data = {"url": body["url"], "modelName": body["modelName"], "fields": {}}
    if "fileUrlToFill" in body:
        data["filledPdfUrl"] = f"{ctx.origin}/v3/ai/document/filled/{new_object_id()}.pdf"
    return {"success": True, "data": data}


def _rag_files(ctx: Ctx, assistant_id: str) -> list[Doc]:
    return ctx.store.all(
        RAG_FILES, lambda doc: doc["organization_id"] == ctx.organization_id and doc["assistant_id"] == assistant_id
    )


@operation("list_rag_files")
def list_rag_files(ctx: Ctx) -> list[Doc]:
    """The files of one agent (`?assistant_id=`), by default those of none."""
    return [_public(doc) for doc in _rag_files(ctx, ctx.query("assistant_id") or "")]


@operation("upload_rag_file")
def upload_rag_file(ctx: Ctx) -> Doc:
    upload, key = ctx.file(), new_uuid()
    if not upload.size:
        raise HttpError(400, "Empty file content")
    doc = {
        "id": key,
        "bytes": upload.size,
        "filename": upload.filename,
        "assistant_id": ctx.field("assistant_id") or "",
        "created_at": now_iso(),
        "board_id": ctx.field("board_id") or "",
        "boarditem_id": "",
        "extraction_method": "text",
        "tables_extracted": 0,
        "text_chunks_extracted": 1,
        "url": None,
        "organization_id": ctx.organization_id,
    }
    return _public(ctx.store.put(RAG_FILES, key, doc))


@operation("get_rag_file")
def get_rag_file(ctx: Ctx) -> Doc:
    """The file, or `{}` for an unknown id (as the service answers)."""
    doc = ctx.store.get(RAG_FILES, ctx.path["file_id"])
    return {} if doc is None or doc["organization_id"] != ctx.organization_id else _public(doc)


@operation("delete_rag_file")
def delete_rag_file(ctx: Ctx) -> Doc:
    key = ctx.path["file_id"]
    if key.startswith("file-"):
        raise HttpError(501, "Regular file removal not implemented yet")
    ctx.store.delete(RAG_FILES, key)
    return {"id": key, "object": "file.deleted", "deleted": True}


def _public(doc: Doc) -> Doc:
    return {key: value for key, value in doc.items() if key != "organization_id"}
