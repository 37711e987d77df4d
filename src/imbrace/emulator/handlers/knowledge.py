"""The Knowledge Hub: folders and files (uploaded bytes kept for download), AI tags and link previews."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any
from urllib.parse import urlparse

from starlette.responses import FileResponse, Response

from ..disposition import attachment
from ..errors import HttpError
from ..ids import new_object_id
from ..multipart import UploadedFile
from ..store import Doc
from .base import Ctx, operation, require, stamp, touch

__all__ = ["FILES", "FOLDERS", "store_upload"]

FOLDERS = "folders"
FILES = "files"
ROOT = "root"


def store_upload(ctx: Ctx, upload: UploadedFile, folder_id: str | None) -> Doc:
    """A Knowledge Hub file record for the upload; its bytes are kept in the file store for `download_file`."""
    key = new_object_id()
    ctx.state.files.put(key, upload.data)
    return _save_file(ctx, key, upload.filename, folder_id, upload.content_type, len(upload.data), None)


def _save_file(ctx: Ctx, key: str, name: str, folder_id: str | None, mime: str, size: int, content: str | None) -> Doc:
    doc: Doc = {
        "_id": key,
        "id": key,
        "file_id": key,
        "name": name,
        "folder_id": folder_id,
        "organization_id": ctx.organization_id,
        "url": f"{ctx.origin}/data-board/files/{key}/download",
        "size": size,
        "mime_type": mime,
        "type": mime.split("/")[-1],
        "content": content,
        "status": "uploaded",
        "tags": [],
    }
    return ctx.store.put(FILES, key, stamp(doc))


def _require_folder(ctx: Ctx, key: str | None = None) -> Doc:
    return require(ctx.store, FOLDERS, key if key is not None else ctx.path["folder_id"], "Folder")


def _children(ctx: Ctx, folder_id: str, *, recursive: bool) -> list[Doc]:
    direct = ctx.store.all(FOLDERS, lambda d: d.get("parent_folder_id") == folder_id)
    if not recursive:
        return direct
    return [*direct, *(sub for child in direct for sub in _children(ctx, child["_id"], recursive=True))]


def _files_in(ctx: Ctx, folder_ids: set[str]) -> list[Doc]:
    return ctx.store.all(FILES, lambda d: d.get("folder_id") in folder_ids)


@operation("create_folder")
def create_folder(ctx: Ctx) -> Doc:
    body, key = ctx.json, new_object_id()
    if body["source_type"] != "upload":
        raise HttpError(400, f"source_type must be 'upload', got {body['source_type']!r}")
    parent = body.get("parent_folder_id") or body.get("parent_id") or ROOT
    parent_path = "" if parent == ROOT else _require_folder(ctx, parent)["path"]
    doc = {"team_ids": [], **body, "_id": key, "id": key, "parent_folder_id": parent, "source_type": "upload"}
    doc |= {"organization_id": ctx.organization_id, "path": f"{parent_path}/{body['name']}"}
    return {"data": ctx.store.put(FOLDERS, key, stamp(doc))}


@operation("search_folders")
def search_folders(ctx: Ctx) -> Doc:
    query = (ctx.query("q") or "").lower()
    folders = ctx.store.all(FOLDERS, lambda d: query in str(d.get("name", "")).lower())
    limit = ctx.query_int("limit", len(folders))
    return {"data": folders[:limit], "total": len(folders)}


@operation("delete_folders")
def delete_folders(ctx: Ctx) -> Doc:
    doomed = {key for key in ctx.json["ids"] if ctx.store.get(FOLDERS, key) is not None}
    doomed |= {sub["_id"] for key in list(doomed) for sub in _children(ctx, key, recursive=True)}
    for file in _files_in(ctx, doomed):
        _delete_file(ctx, file["_id"])
    for key in doomed:
        ctx.store.delete(FOLDERS, key)
    return {"success": True, "deletedCount": len(doomed), "deleted": sorted(doomed)}


@operation("get_folder")
def get_folder(ctx: Ctx) -> Doc:
    folder = _require_folder(ctx)
    detail: Doc = {"folder": folder}
    if ctx.query_flag("recursive"):
        subfolders = _children(ctx, folder["_id"], recursive=True)
        detail |= {"subfolders": subfolders, "files": _files_in(ctx, {folder["_id"], *(f["_id"] for f in subfolders)})}
    return {"data": detail}


@operation("update_folder")
def update_folder(ctx: Ctx) -> Doc:
    folder = _require_folder(ctx)
    return {"data": ctx.store.put(FOLDERS, folder["_id"], touch(folder, ctx.json))}


@operation("get_folder_contents")
def get_folder_contents(ctx: Ctx) -> Doc:
    folder = _require_folder(ctx)
    query = (ctx.query("q") or "").lower()
    subfolders = _children(ctx, folder["_id"], recursive=ctx.query_flag("recursive"))
    files = _files_in(ctx, {folder["_id"], *(f["_id"] for f in subfolders)})
    subfolders = [f for f in subfolders if query in str(f.get("name", "")).lower()]
    files = [f for f in files if query in str(f.get("name", "")).lower()]
    files.sort(
        key=lambda f: str(f.get(ctx.query("sortBy") or "created_at", "")), reverse=ctx.query("sortOrder") == "desc"
    )
    skip = ctx.query_int("skip", 0)
    limit = ctx.query_int("limit", len(files))
    total = len(subfolders) + len(files)
    return {"data": {"folder": folder, "subfolders": subfolders, "files": files[skip : skip + limit], "total": total}}


@operation("create_file")
def create_file(ctx: Ctx) -> Doc:
    body = ctx.json
    folder_id = body.get("folder_id")
    if folder_id is not None:
        _require_folder(ctx, folder_id)
    content = body.get("content") or ""
    name = body.get("name") or "untitled.txt"
    return {"data": _save_file(ctx, new_object_id(), name, folder_id, "text/plain", len(content.encode()), content)}


@operation("upload_file")
def upload_file(ctx: Ctx) -> Doc:
    folder_id = ctx.field("folder_id")
    if folder_id is not None:
        _require_folder(ctx, folder_id)
    return {"data": store_upload(ctx, ctx.file(), folder_id)}


@operation("search_files")
def search_files(ctx: Ctx) -> Doc:
    folder_id, query = ctx.query("folder_id"), (ctx.query("q") or "").lower()
    files = ctx.store.all(
        FILES,
        lambda d: (folder_id is None or d.get("folder_id") == folder_id) and query in str(d.get("name", "")).lower(),
    )
    limit = ctx.query_int("limit", len(files))
    return {"data": files[:limit], "total": len(files)}


def _delete_file(ctx: Ctx, key: str) -> bool:
    ctx.state.files.delete(key)
    return ctx.store.delete(FILES, key) is not None


@operation("delete_files")
def delete_files(ctx: Ctx) -> Doc:
    deleted = [key for key in ctx.json["ids"] if _delete_file(ctx, key)]
    return {"success": True, "deletedCount": len(deleted), "deleted": deleted}


def _require_file(ctx: Ctx) -> Doc:
    return require(ctx.store, FILES, ctx.path["file_id"], "File")


@operation("get_file")
def get_file(ctx: Ctx) -> Doc:
    return {"data": _require_file(ctx)}


@operation("update_file")
def update_file(ctx: Ctx) -> Doc:
    file = _require_file(ctx)
    changes: dict[str, Any] = dict(ctx.json)
    if "folder_id" in changes:
        _require_folder(ctx, changes["folder_id"])
    if "content" in changes:
        changes["size"] = len(changes["content"].encode())
        ctx.state.files.delete(file["_id"])
    return {"data": ctx.store.put(FILES, file["_id"], touch(file, changes))}


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
def generate_ai_tags(ctx: Ctx) -> Doc:
    text = ctx.json.get("text") or ""
    if "file_id" in ctx.json:
        file = require(ctx.store, FILES, ctx.json["file_id"], "File")
        text = f"{text} {file.get('name', '')} {file.get('content') or ''}"
    words = Counter(w for w in re.findall(r"[a-z]{4,}", text.lower()))
    return {"data": {"tags": [word for word, _ in words.most_common(5)]}}


@operation("get_link_preview")
def get_link_preview(ctx: Ctx) -> Doc:
    url = ctx.json["url"]
    host = urlparse(url).netloc or url
    return {"url": url, "title": host, "description": f"A page on {host}", "image": None, "siteName": host}
