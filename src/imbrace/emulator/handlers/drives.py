"""External drives (OneDrive, ...): a fixed, connected-looking drive with one folder and one file."""

from __future__ import annotations

from starlette.responses import Response

from ..store import Doc
from .base import Ctx, operation

_FOLDER = {"id": "drive-folder-1", "name": "Documents", "folder": {"childCount": 1}}
_FILE = {"id": "drive-file-1", "name": "welcome.txt", "mimeType": "text/plain", "size": 42}


@operation("get_onedrive_session_status")
def get_onedrive_session_status(ctx: Ctx) -> Doc:
    return {"status": "active", "active": True}


@operation("initiate_drive_auth")
def initiate_drive_auth(ctx: Ctx) -> Doc:
    session = ctx.query("sessionId") or "emulator-session"
    url = f"{ctx.origin}/data-board/auth/{ctx.path['drive_type']}/callback?state={session}"
    return {"success": True, "message": "Authorization URL generated", "data": {"auth_url": url, "session_id": session}}


@operation("list_drive_folders")
def list_drive_folders(ctx: Ctx) -> Doc:
    return {"success": True, "message": "Folders retrieved successfully", "data": [_FOLDER]}


@operation("list_drive_files")
def list_drive_files(ctx: Ctx) -> Doc:
    return {"success": True, "message": "Files retrieved successfully", "data": [_FILE]}


@operation("download_drive_file")
def download_drive_file(ctx: Ctx) -> Response:
    text = f"A file of the emulated {ctx.path['drive_type']} drive.\n"
    return Response(text.encode(), media_type="application/octet-stream")
