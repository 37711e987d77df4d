"""`client.folders`: Knowledge Hub folders (the data-board folder routes), as the server sends them.

The same six routes back `client.boards.*folder*`. The two namespaces differ only in their results, and on purpose:
`folders.*` returns the server's reply as is (`{"success", "message", "data": ...}`), while `boards.*folder*` unwraps
`data` (and `get_folder` unwraps `data.folder`), as the old package did. `boards` calls these methods and unwraps, so
the requests (defaults included) are the same from both.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from typing_extensions import Unpack

from ..._boards import folder_create_body, ids_body, with_query
from ..._generated.gateway.api.boards import (
    create_folder,
    delete_folders,
    get_folder,
    get_folder_contents,
    search_folders,
    update_folder,
)
from ..._types import RequestOptions
from ._resource import AsyncResource

if TYPE_CHECKING:
    from ..._generated.gateway.params import CreateFolderBody, SearchFoldersQuery, UpdateFolderBody
    from ..._generated.gateway.shapes import (
        DeletedCountEnvelope,
        FolderContentsEnvelope,
        FolderDetailEnvelope,
        FolderEnvelope,
        FolderList,
    )

__all__ = ["AsyncFoldersResource"]


class AsyncFoldersResource(AsyncResource):
    """Knowledge Hub folders (the data-board folder routes); results are the server's reply, not unwrapped."""

    _service = "data_board"

    async def search(self, params: SearchFoldersQuery | None = None, **options: Unpack[RequestOptions]) -> FolderList:
        """GET /data-board/folders/search: folders whose name matches `q` (all folders without it).

        `params` is passed through as the query string, e.g. `{"q": "reports", "limit": 10}`; None values are left
        out. The service takes the organization from the credentials.

        Returns the reply as sent: `{"success", "message", "data": [folder, ...]}`
        (`client.boards.search_folders` returns the list alone).

        Example: `folders = client.folders.search({"q": "Q1"})["data"]`
        """
        return await self._json(with_query(search_folders.build_request(), params), options)

    async def get(
        self, folder_id: str, *, recursive: bool | None = None, **options: Unpack[RequestOptions]
    ) -> FolderDetailEnvelope:
        """GET /data-board/folders/{folder_id}: one folder and its subfolders.

        `recursive=True` returns the whole subtree as a flat list (sent as `true`/`false`; omitted when None).

        Returns the reply as sent: `{"success", "message", "data": {"folder": {...}, "subfolders": [...], "recursive"}}`
        (`client.boards.get_folder` returns the folder alone).

        Example: `folder = client.folders.get("folder_id")["data"]["folder"]`
        """
        return await self._json(get_folder.build_request(folder_id, recursive=recursive), options)

    async def get_contents(
        self,
        folder_id: str,
        *,
        skip: int | None = None,
        limit: int | None = None,
        sort_by: str | None = None,
        sort_order: str | None = None,
        recursive: bool | None = None,
        q: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> FolderContentsEnvelope:
        """GET /data-board/folders/{folder_id}/contents: a folder's subfolders and files.

        Without arguments the service returns everything. `skip`/`limit` page the subfolders and the files alike,
        `sort_by` (`name`, `created_time`, `last_updated_time`, ...) and `sort_order` (`asc`/`desc`) order them,
        `recursive=True` includes the files of the whole subtree, and `q` matches file names.

        Returns the reply as sent: `{"success", "message", "data": {"folder", "subfolders", "files", "search_query",
        "recursive", "pagination"}}`
        (`client.boards.get_folder_contents` returns `data`; `client.boards.iter_folder_files` walks the pages).

        Example: `files = client.folders.get_contents("folder_id")["data"]["files"]`
        """
        kwargs = get_folder_contents.build_request(
            folder_id, skip=skip, limit=limit, sort_by=sort_by, sort_order=sort_order, recursive=recursive, q=q
        )
        return await self._json(kwargs, options)

    async def create(self, body: CreateFolderBody, **options: Unpack[RequestOptions]) -> FolderEnvelope:
        """POST /data-board/folders: create a folder.

        `body` holds `name` and optionally `parent_folder_id`, `team_ids`, ... The service reads `organization_id`
        from the body and fails without it: it defaults to the client's (a `ValueError` before sending when neither
        is set). `source_type` defaults to `"upload"` and `parent_folder_id` to `"root"` (a top-level folder); keys
        in `body` win. The caller's dict is not changed.

        Returns the reply as sent: `{"success", "message", "data": {folder}}`.

        Example: `folder = client.folders.create({"name": "Q1 Reports"})["data"]`
        """
        created = folder_create_body(body, self._organization(None))
        return await self._json(create_folder.build_request(body=created), options)

    async def update(self, folder_id: str, body: UpdateFolderBody, **options: Unpack[RequestOptions]) -> FolderEnvelope:
        """PUT /data-board/folders/{folder_id}: rename a folder (`{"name": ...}`; the body is passed through).

        Returns the reply as sent: `{"success", "message", "data": {folder}}`.

        Example: `client.folders.update("folder_id", {"name": "Q1 2025 Reports"})`
        """
        return await self._json(update_folder.build_request(folder_id, body=dict(body)), options)

    async def delete(self, folder_ids: str | Sequence[str], **options: Unpack[RequestOptions]) -> DeletedCountEnvelope:
        """POST /data-board/folders/delete: delete folders, their subfolders and their files. Destructive.

        `folder_ids` is a list of ids (a single id string is taken as one id); sent as `{"ids": [...]}`.

        Returns the reply as sent, e.g. `{"success": True, "message": ..., "data": {"deletedCount": 1}}`.

        Example: `client.folders.delete(["folder_id"])`
        """
        return await self._json(delete_folders.build_request(body=ids_body(folder_ids)), options)
