"""Knowledge Hub folders and files, as the old package's `boards` methods had them."""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
from typing_extensions import Unpack

from ...._boards import (
    FOLDER_FILE_PAGES,
    form_fields,
    ids_body,
    reply_data,
    reply_folder,
)
from ...._files import FilesArg, multipart_parts
from ...._generated.gateway.api.boards import (
    create_file,
    delete_files,
    download_file,
    generate_ai_tags,
    get_file,
    get_link_preview,
    search_files,
    update_file,
    upload_file,
)
from ...._types import RequestOptions
from ...pagination import async_walk

if TYPE_CHECKING:
    from ...._generated.gateway.params import (
        CreateFileBody,
        CreateFolderBody,
        GenerateAiTagsBody,
        SearchFoldersQuery,
        UpdateFileBody,
        UpdateFolderBody,
    )
    from ...._generated.gateway.shapes import (
        AiTags,
        DeletedCountEnvelope,
        FileRecord,
        Folder,
        FolderContents,
        LinkPreviewEnvelope,
    )
from ._shared import _PAGE_SIZE
from .items import AsyncBoardItems

__all__ = ["AsyncKnowledgeHub"]


class AsyncKnowledgeHub(AsyncBoardItems):
    """Knowledge Hub folders and files, as the old package's `boards` methods had them."""

    # ---------------------------------------------------------------------------------------------------------------
    # Knowledge Hub folders: the `client.folders` requests, unwrapped
    # ---------------------------------------------------------------------------------------------------------------

    async def search_folders(
        self,
        organization_id: str | None = None,
        q: str | None = None,
        *,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[Folder]:
        """GET /data-board/folders/search: Knowledge Hub folders whose name matches `q` (all without it).

        `q` (when not empty) and `limit` are sent as given; `organization_id` is sent too but the service takes the
        organization from the credentials.

        Returns the reply's `data`: the list of folders.

        Example: `folders = client.boards.search_folders()`
        """
        params: SearchFoldersQuery = {"organization_id": organization_id or None, "q": q or None, "limit": limit}
        return reply_data(await self._client.folders.search(params, **options))

    async def get_folder(
        self, folder_id: str, recursive: bool | None = None, **options: Unpack[RequestOptions]
    ) -> Folder:
        """GET /data-board/folders/{folder_id}: one Knowledge Hub folder.

        `recursive` is sent as `true`/`false` when given.

        Returns the folder (`data.folder` of the reply; else `data`; else the reply). Subfolders: `client.folders.get`.

        Example: `folder = client.boards.get_folder("folder_id")`
        """
        return reply_folder(await self._client.folders.get(folder_id, recursive=recursive, **options))

    async def create_folder(self, body: CreateFolderBody, **options: Unpack[RequestOptions]) -> Folder:
        """POST /data-board/folders: create a Knowledge Hub folder.

        `body` holds `name` and optionally `parent_folder_id`, `team_ids`, ...; `organization_id` defaults to the
        client's (the service reads it from the body and fails without it), `source_type` to `"upload"` and
        `parent_folder_id` to `"root"` (keys in `body` win). Pass folder ids as `folder_ids` when creating an AI
        agent.

        Returns the created folder (the reply's `data`).

        Example: `folder = client.boards.create_folder({"name": "Q1 Reports"})`
        """
        return reply_data(await self._client.folders.create(body, **options))

    async def update_folder(self, folder_id: str, body: UpdateFolderBody, **options: Unpack[RequestOptions]) -> Folder:
        """PUT /data-board/folders/{folder_id}: rename a Knowledge Hub folder (`{"name": ...}`).

        Returns the updated folder (the reply's `data`).

        Example: `client.boards.update_folder(folder["_id"], {"name": "Q1 2025 Reports"})`
        """
        return reply_data(await self._client.folders.update(folder_id, body, **options))

    async def delete_folders(self, ids: str | Sequence[str], **options: Unpack[RequestOptions]) -> DeletedCountEnvelope:
        """POST /data-board/folders/delete: delete folders with their subfolders and files. Destructive.

        `ids` is a list of folder ids (a single id string is one id); sent as `{"ids": [...]}`.

        Returns the reply as sent (not unwrapped, as before), e.g. `{"success": True, "data": {"deletedCount": 1}}`.

        Example: `client.boards.delete_folders([folder["_id"]])`
        """
        return await self._client.folders.delete(ids, **options)

    async def get_folder_contents(
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
    ) -> FolderContents:
        """GET /data-board/folders/{folder_id}/contents: a folder's subfolders and files.

        Without arguments everything comes back in one reply. `skip`/`limit` page the subfolders and the files
        alike, `sort_by`/`sort_order` order them, `recursive=True` takes the files of the whole subtree, and `q`
        matches file names. Walk the files page by page with `iter_folder_files`.

        Returns the reply's `data`: `{"folder", "subfolders", "files", "search_query", "recursive", "pagination"}`,
        where `pagination["file_count"]` counts the matching files of every page.

        Example: `files = client.boards.get_folder_contents("folder_id")["files"]`
        """
        reply = await self._client.folders.get_contents(
            folder_id,
            skip=skip,
            limit=limit,
            sort_by=sort_by,
            sort_order=sort_order,
            recursive=recursive,
            q=q,
            **options,
        )
        return reply_data(reply)

    async def iter_folder_files(
        self,
        folder_id: str,
        *,
        limit: int = _PAGE_SIZE,
        sort_by: str | None = None,
        sort_order: str | None = None,
        recursive: bool | None = None,
        q: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncIterator[FileRecord]:
        """GET /data-board/folders/{folder_id}/contents, page after page: every file of a folder, lazily.

        `limit` is the page size; the other arguments are those of `get_folder_contents`. Pages follow the reply's
        `pagination.file_count`.

        Example: `for file in client.boards.iter_folder_files("folder_id", recursive=True): print(file["name"])`
        """

        filters = {"sort_by": sort_by, "sort_order": sort_order, "recursive": recursive, "q": q}
        first = FOLDER_FILE_PAGES.first_params(limit)
        contents = self._client.folders.get_contents
        async for file in async_walk(contents, FOLDER_FILE_PAGES, first, folder_id, **filters, **options):
            yield file

    # ---------------------------------------------------------------------------------------------------------------
    # Knowledge Hub files
    # ---------------------------------------------------------------------------------------------------------------

    async def search_files(
        self,
        folder_id: str | None = None,
        *,
        q: str | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[FileRecord]:
        """GET /data-board/files/search: the organization's files matching `q`.

        The service searches the whole organization whatever `folder_id` says; with `folder_id`, the files of other
        folders are left out here (so `limit` counts before that; to list one folder's files page by page, use
        `iter_folder_files`).

        Returns the reply's `data`: the list of files.

        Example: `files = client.boards.search_files(q="report", folder_id=folder["_id"])`
        """
        files = reply_data(await self._json(search_files.build_request(folder_id=folder_id, q=q, limit=limit), options))
        if folder_id is None or not isinstance(files, builtins.list):
            return files
        return [file for file in files if file.get("folder_id") == folder_id]

    async def get_file(self, file_id: str, **options: Unpack[RequestOptions]) -> FileRecord:
        """GET /data-board/files/{file_id}: one Knowledge Hub file record.

        Returns the file (the reply's `data`).

        Example: `file = client.boards.get_file("file_id")`
        """
        return reply_data(await self._json(get_file.build_request(file_id), options))

    async def create_file(self, body: CreateFileBody, **options: Unpack[RequestOptions]) -> FileRecord:
        """POST /data-board/files: insert a file record (no bytes are stored; upload bytes with `upload_file`).

        The service needs `organization_id`, `folder_id` (below, in `ids`), `key` (the storage key), `file_type` and
        `file_size`.

        Returns the created file (the reply's `data`).

        Example: `client.boards.create_file({**ids, "key": "kb/a.pdf", "file_type": "pdf", "file_size": 9})`
        """
        return reply_data(await self._json(create_file.build_request(body=dict(body)), options))

    async def upload_file(
        self,
        files: FilesArg,
        folder_id: str | None = None,
        organization_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> FileRecord:
        """POST /data-board/files/upload: upload a file into a Knowledge Hub folder (multipart `file`).

        `files` is `{"file": open("doc.pdf", "rb")}` as in the doc, or a path, bytes or a file object; it is streamed,
        not read into memory. `folder_id` is required by the service (a `ValueError` is raised before sending
        without one). `folder_id` and `organization_id` are sent as form fields; `organization_id` defaults to the
        client's. The old `(None, "value")` entries for these fields in the `files` dict still work.

        Returns the stored file (the reply's `data`; a list when several were sent); pass its id to
        `client.ai_agent.process_embedding`.

        Example: `file = client.boards.upload_file(files={"file": open("doc.pdf", "rb")}, folder_id=folder["_id"])`
        """
        files, legacy = form_fields(files)
        fields = {
            **legacy,
            "folder_id": folder_id or legacy.get("folder_id"),
            "organization_id": self._organization(organization_id or legacy.get("organization_id")),
        }
        if not fields["folder_id"]:
            raise ValueError(
                "upload_file needs a folder: the service rejects an upload without folder_id. Create one with "
                "client.boards.create_folder({'name': ...}) and pass folder_id=folder['_id']"
            )
        with multipart_parts(files, fields) as parts:
            return reply_data(await self._json(upload_file.build_request(body=parts), options))

    async def download_file(self, file_id: str, **options: Unpack[RequestOptions]) -> httpx.Response:
        """GET /data-board/files/{file_id}/download: a file's bytes, as the read `httpx.Response`.

        The body is in memory; errors have raised already. For large files use `download_file_to`.

        Example: `pdf_bytes = client.boards.download_file("file_id").content`
        """
        return await self._response(download_file.build_request(file_id), options)

    async def download_file_to(self, file_id: str, path: str | Path, **options: Unpack[RequestOptions]) -> Path:
        """GET /data-board/files/{file_id}/download, streamed to `path` chunk by chunk (flat memory).

        A partial file is removed when the download fails. Returns the path written.

        Example: `client.boards.download_file_to("file_id", "doc.pdf")`
        """
        return await self._download(download_file.build_request(file_id), path, options)

    async def update_file(self, file_id: str, body: UpdateFileBody, **options: Unpack[RequestOptions]) -> FileRecord:
        """PUT /data-board/files/{file_id}: change a file's name, content or folder (body passed through).

        Returns the updated file (the reply's `data`).

        Example: `client.boards.update_file("file_id", {"name": "renamed.pdf"})`
        """
        return reply_data(await self._json(update_file.build_request(file_id, body=dict(body)), options))

    async def delete_files(self, ids: str | Sequence[str], **options: Unpack[RequestOptions]) -> DeletedCountEnvelope:
        """POST /data-board/files/delete: delete Knowledge Hub files. Destructive.

        `ids` is a list of file ids (a single id string is one id); sent as `{"ids": [...]}`.

        Returns the reply as sent (not unwrapped): `{"success", "message", "data": {"deletedCount"}}`.

        Example: `client.boards.delete_files(["file_id"])`
        """
        return await self._json(delete_files.build_request(body=ids_body(ids)), options)

    async def generate_ai_tags(self, body: GenerateAiTagsBody, **options: Unpack[RequestOptions]) -> AiTags:
        """POST /data-board/ai/tag-generation: suggest tags for a folder (`{"folder_name", "description"}`).

        Returns the reply's `data`: `{"tags": [...]}`.

        Example: `tags = client.boards.generate_ai_tags({"folder_name": "Q1", "description": "Revenue"})["tags"]`
        """
        return reply_data(await self._json(generate_ai_tags.build_request(body=dict(body)), options))

    async def get_link_preview(self, url: str, **options: Unpack[RequestOptions]) -> LinkPreviewEnvelope | None:
        """POST /data-board/link_preview/getWebsiteInfo: title, description, image and canonical URL of a web page.

        Returns the reply as sent, `{"success", "message", "data": {"title", "description", "imageUrl",
        "canonicalUrl"}}`, or None when the service could not fetch the page (it answers 204).

        Example: `preview = client.boards.get_link_preview("https://imbrace.co")["data"]`
        """
        return await self._json(get_link_preview.build_request(body={"url": url}), options)
