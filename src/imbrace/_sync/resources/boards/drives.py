# Generated from src/imbrace/_async/resources/boards/drives.py by codegen/unasync.py: edit that file.
"""External drives (OneDrive, Google Drive...) linked to the data board."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
from typing_extensions import Unpack

from ...._boards import (
    with_query,
)
from ...._generated.gateway.api.boards import (
    download_drive_file,
    get_onedrive_session_status,
    initiate_drive_auth,
    list_drive_files,
    list_drive_folders,
)
from ...._types import RequestOptions

if TYPE_CHECKING:
    from ...._generated.gateway.shapes import (
        DriveAuthInitiation,
        DriveListing,
        DriveSessionStatus,
    )
from .knowledge_hub import KnowledgeHub

__all__ = ["BoardDrives"]


class BoardDrives(KnowledgeHub):
    """External drives (OneDrive, Google Drive...) linked to the data board."""

    # ---------------------------------------------------------------------------------------------------------------
    # External drives (drive_type: "onedrive", "google-drive", ...; encoded as one path segment)
    # ---------------------------------------------------------------------------------------------------------------

    def initiate_drive_auth(
        self, drive_type: str, *, session_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> DriveAuthInitiation:
        """GET /data-board/auth/{drive_type}/initiate: start connecting a drive; the reply has the URL to open.

        `session_id` (sent as `sessionId`) is required by the service. Returns `{"success", "message", "data":
        {"auth_url", "session_id"}}`.

        Example: `url = client.boards.initiate_drive_auth("onedrive", session_id="s-1")["data"]["auth_url"]`
        """
        return self._json(initiate_drive_auth.build_request(drive_type, session_id=session_id), options)

    def list_drive_folders(
        self, drive_type: str, params: Mapping[str, Any] | None = None, **options: Unpack[RequestOptions]
    ) -> DriveListing:
        """GET /data-board/{drive_type}/folders: folders of a connected drive.

        `params` is passed through as the query string (None values left out); the service's names are camelCase.

        Example: `folders = client.boards.list_drive_folders("onedrive", {"sessionId": "s-1", "parentId": "root"})`
        """
        kwargs = with_query(list_drive_folders.build_request(drive_type), params)
        return self._json(kwargs, options)

    def list_drive_files(
        self, drive_type: str, params: Mapping[str, Any] | None = None, **options: Unpack[RequestOptions]
    ) -> DriveListing:
        """GET /data-board/{drive_type}/files: files of a connected drive.

        `params` is passed through as the query string (None values left out); the service's names are camelCase.

        Example: `files = client.boards.list_drive_files("onedrive", {"sessionId": "s-1", "folderId": "abc"})`
        """
        kwargs = with_query(list_drive_files.build_request(drive_type), params)
        return self._json(kwargs, options)

    def download_drive_file(
        self, drive_type: str, params: Mapping[str, Any] | None = None, **options: Unpack[RequestOptions]
    ) -> httpx.Response:
        """GET /data-board/{drive_type}/files/download: a drive file's bytes, as the read `httpx.Response`.

        `params` (passed through as the query string) says which file. For large files use
        `download_drive_file_to`.

        Example: `data = client.boards.download_drive_file("onedrive", {"sessionId": "s-1", "fileId": "abc"}).content`
        """
        kwargs = with_query(download_drive_file.build_request(drive_type), params)
        return self._response(kwargs, options)

    def download_drive_file_to(
        self,
        drive_type: str,
        path: str | Path,
        params: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Path:
        """GET /data-board/{drive_type}/files/download, streamed to `path` chunk by chunk (flat memory).

        A partial file is removed when the download fails. Returns the path written.

        Example: `client.boards.download_drive_file_to("onedrive", "report.pdf", {"sessionId": "s-1", "fileId": "abc"})`
        """
        kwargs = with_query(download_drive_file.build_request(drive_type), params)
        return self._download(kwargs, path, options)

    def get_onedrive_session_status(self, **options: Unpack[RequestOptions]) -> DriveSessionStatus:
        """GET /data-board/auth/onedrive/files/session/status: whether the OneDrive picker session is active.

        Example: `status = client.boards.get_onedrive_session_status()`
        """
        return self._json(get_onedrive_session_status.build_request(), options)
