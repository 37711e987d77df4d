"""The Knowledge Hub: folders and files (uploaded bytes kept for download), AI tags and link previews.

Replies are the service's `{success, message, data}` (creates with 201). A folder takes its `organization_id` from
the body, as the service does (the database rejects a folder without one); files take it from the headers. File
search covers the whole organization whatever `folder_id` says, as in the service.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Any
from urllib.parse import urlparse

from starlette.responses import FileResponse, JSONResponse, Response

from ..data_board_errors import DataBoardError
from ..disposition import attachment
from ..ids import new_object_id
from ..multipart import UploadedFile
from ..store import Doc
from .base import Ctx, operation, stamp, touch

__all__ = ["FILES", "FOLDERS", "store_upload"]

FOLDERS = "folders"
FILES = "files"
ROOT = "root"


def _ok(message: str, data: Any, status: int = 200) -> Response:
    return JSONResponse({"success": True, "message": message, "data": data}, status_code=status)


def _not_found(what: str) -> DataBoardError:
    return DataBoardError(404, f"{what} not found", "folder")


def store_upload(ctx: Ctx, upload: UploadedFile, folder_id: str | None) -> Doc:
    """A Knowledge Hub file record for the upload; its bytes are kept for `download_file`."""
    key = new_object_id()
    ctx.state.files.put(key, upload.file)
    return _save_file(ctx, key, upload.filename, folder_id, upload.content_type, upload.size, None)


def _save_file(ctx: Ctx, key: str, name: str, folder_id: str | None, mime: str, size: int, content: str | None) -> Doc:
    url = f"{ctx.origin}/data-board/files/{key}/download"
    doc: Doc = {"_id": key, "id": key, "file_id": key, "name": name, "folder_id": folder_id}
    doc |= {"organization_id": ctx.organization_id, "key": f"knowledge/{key}/{name}", "file_type": mime}
    doc |= {"file_size": size, "size": size, "mime_type": mime, "url": url, "presigned_url": url}
    doc |= {"content": content, "status": "uploaded", "tags": []}
    return ctx.store.put(FILES, key, stamp(doc))


def _require_folder(ctx: Ctx, key: str | None = None) -> Doc:
    folder = ctx.store.get(FOLDERS, key if key is not None else ctx.path["folder_id"])
    if folder is None:
        raise _not_found("Folder")
    return folder


def _children(ctx: Ctx, folder_id: str, *, recursive: bool) -> list[Doc]:
    direct = ctx.store.all(FOLDERS, lambda d: d.get("parent_folder_id") == folder_id)
    if not recursive:
        return direct
    return [*direct, *(sub for child in direct for sub in _children(ctx, child["_id"], recursive=True))]


def _files_in(ctx: Ctx, folder_ids: set[str]) -> list[Doc]:
    return ctx.store.all(FILES, lambda d: d.get("folder_id") in folder_ids)


@operation("create_folder")
def create_folder(ctx: Ctx) -> Response:
    body, key = ctx.json, new_object_id()
    parent = body.get("parent_folder_id") or ROOT
    if parent != ROOT:
        _require_folder(ctx, parent)
    doc = {"team_ids": [], "source_type": "upload", **body, "_id": key, "id": key, "parent_folder_id": parent}
    return _ok("Folder created successfully", ctx.store.put(FOLDERS, key, stamp(doc)), 201)


@operation("search_folders")
def search_folders(ctx: Ctx) -> Response:
    query = (ctx.query("q") or "").lower()
    folders = ctx.store.all(
        FOLDERS,
        lambda d: d.get("organization_id") == ctx.organization_id and query in str(d.get("name", "")).lower(),
    )
    limit = ctx.query_int("limit", 0)
    return _ok("Folders searched successfully", folders[:limit] if limit else folders)


@operation("delete_folders")
def delete_folders(ctx: Ctx) -> Response:
    doomed = {key for key in ctx.json["ids"] if ctx.store.get(FOLDERS, key) is not None}
    doomed |= {sub["_id"] for key in list(doomed) for sub in _children(ctx, key, recursive=True)}
    for file in _files_in(ctx, doomed):
        _delete_file(ctx, file["_id"])
    for key in doomed:
        ctx.store.delete(FOLDERS, key)
    return _ok(f"{len(doomed)} folders deleted successfully", {"deletedCount": len(doomed)})


@operation("get_folder")
def get_folder(ctx: Ctx) -> Response:
    folder = _require_folder(ctx)
    recursive = ctx.query_flag("recursive")
    detail = {"folder": folder, "subfolders": _children(ctx, folder["_id"], recursive=recursive)}
    return _ok("Folder retrieved successfully", {**detail, "recursive": recursive})


@operation("update_folder")
def update_folder(ctx: Ctx) -> Response:
    folder = _require_folder(ctx)
    return _ok("Folder updated successfully", ctx.store.put(FOLDERS, folder["_id"], touch(folder, ctx.json)))


@operation("get_folder_contents")
def get_folder_contents(ctx: Ctx) -> Response:
    folder = _require_folder(ctx)
    query, recursive = (ctx.query("q") or "").strip().lower(), ctx.query_flag("recursive")
    subtree = _children(ctx, folder["_id"], recursive=True)
    everything = [
        f for f in _files_in(ctx, {folder["_id"], *(s["_id"] for s in subtree)}) if query in f["name"].lower()
    ]
    files = everything if recursive else [f for f in everything if f.get("folder_id") == folder["_id"]]
    order = ctx.query("sortOrder")
    files.sort(key=lambda f: str(f.get(ctx.query("sortBy") or "created_at", "")), reverse=order == "desc")
    skip, limit = ctx.query_int("skip", 0), ctx.query_int("limit", 0) or None
    page = files[skip : skip + limit] if limit else files[skip:]
    subfolders = _children(ctx, folder["_id"], recursive=False)
    subfolders = subfolders[skip : skip + limit] if limit else subfolders[skip:]
    pagination = {"file_count": len(files), "total_recursive_file_count": len(everything), "limit": limit, "skip": skip}
    pagination |= {
        "current_page": skip // limit + 1 if limit else 1,
        "total_pages": math.ceil(len(files) / limit) if limit else 1,
    }
    data = {"folder": folder, "subfolders": subfolders, "files": page, "search_query": query or None}
    return _ok("Folder contents retrieved successfully", {**data, "recursive": recursive, "pagination": pagination})


@operation("create_file")
def create_file(ctx: Ctx) -> Response:
    body, key = ctx.json, new_object_id()
    doc = {"name": body.get("name") or body["key"].rsplit("/", 1)[-1], "tags": [], **body, "_id": key, "id": key}
    return _ok("File created successfully", ctx.store.put(FILES, key, stamp({**doc, "file_id": key})), 201)


@operation("upload_file")
def upload_file(ctx: Ctx) -> Response:
    folder_id = ctx.field("folder_id")
    if folder_id is None:
        raise DataBoardError(400, "folder_id is required", "folder")
    _require_folder(ctx, folder_id)
    stored = [store_upload(ctx, upload, folder_id) for upload in ctx.form.files.values()] if ctx.form else []
    if not stored:
        raise DataBoardError(400, "No file uploaded", "folder")
    return _ok("File uploaded successfully", stored[0] if len(stored) == 1 else stored, 201)


@operation("search_files")
def search_files(ctx: Ctx) -> Response:
    query = (ctx.query("q") or "").lower()
    files = ctx.store.all(
        FILES, lambda d: d.get("organization_id") == ctx.organization_id and query in str(d.get("name", "")).lower()
    )
    limit = ctx.query_int("limit", 0)
    return _ok("Files searched successfully", files[:limit] if limit else files)


def _delete_file(ctx: Ctx, key: str) -> bool:
    ctx.state.files.delete(key)
    return ctx.store.delete(FILES, key) is not None


@operation("delete_files")
def delete_files(ctx: Ctx) -> Response:
    deleted = [key for key in ctx.json["ids"] if _delete_file(ctx, key)]
    return _ok(f"{len(deleted)} files deleted successfully", {"deletedCount": len(deleted)})


def _require_file(ctx: Ctx) -> Doc:
    file = ctx.store.get(FILES, ctx.path["file_id"])
    if file is None:
        raise _not_found("File")
    return file


@operation("get_file")
def get_file(ctx: Ctx) -> Response:
    return _ok("File retrieved successfully", _require_file(ctx))


@operation("update_file")
def update_file(ctx: Ctx) -> Response:
    file = _require_file(ctx)
    changes: dict[str, Any] = dict(ctx.json)
    if isinstance(changes.get("tags"), str):
        changes["tags"] = [tag.strip() for tag in changes["tags"].split(",") if tag.strip()]
    return _ok("File updated successfully", ctx.store.put(FILES, file["_id"], touch(file, changes)))


@operation("download_file")
def download_file(ctx: Ctx) -> Response:
    file = _require_file(ctx)
    headers = {"content-disposition": attachment(file["name"])}
    stored = ctx.state.files.find(file["_id"])
    if stored is not None:
        return FileResponse(stored, media_type="application/octet-stream", headers=headers)
    data = (file.get("content") or "").encode()
    return Response(data, media_type="application/octet-stream", headers=headers)


@operation("generate_ai_tags")
def generate_ai_tags(ctx: Ctx) -> Response:
    text = f"{ctx.json.get('folder_name') or ''} {ctx.json.get('description') or ''}"
    words = Counter(w for w in re.findall(r"[a-z]{4,}", text.lower()))
    return _ok("Tags generated successfully", {"tags": [word for word, _ in words.most_common(5)]})


@operation("get_link_preview")
def get_link_preview(ctx: Ctx) -> Response:
    url = urlparse(ctx.json["url"])
    if url.scheme not in ("http", "https") or not url.netloc:
        return Response(status_code=204)
    data = {"title": url.netloc, "description": f"A page on {url.netloc}", "imageUrl": None}
    return _ok("Website info retrieved successfully", {**data, "canonicalUrl": ctx.json["url"]})
