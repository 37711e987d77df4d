# Generated from src/imbrace/_async/resources/boards.py by codegen/unasync.py. Do not edit: change the async source.
"""`client.boards`: Data boards, fields, items, segments, search, Knowledge Hub folders and files, drives.

Results are the server's JSON, as for every namespace, with the old package's unwrapping kept where it had it, so
existing callers read the same shapes:

- the Knowledge Hub methods (`*folder*`, `*file*` except `delete_*`/`download_*`, and `generate_ai_tags`,
  `get_related_items`) return the reply's `data` (and `get_folder` returns `data.folder`); a reply without `data` is
  returned as is;
- everything else returns the reply as sent; `delete`, `delete_field`, `delete_item` and `delete_segment` return
  None (the service may answer 204); `export_csv` returns the CSV text; `download_file` and `download_drive_file`
  return the read `httpx.Response` (use `.content`), and `download_file_to` streams to a file instead.

The folder methods send their requests through `client.folders` (same routes, same defaults), then unwrap.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Unpack, cast

import httpx

from ..._files import FilesArg, multipart_parts
from ..._generated.gateway.api.boards import (
    bulk_delete_items,
    bulk_update_fields,
    create_board,
    create_field,
    create_file,
    create_item,
    create_segment,
    delete_board,
    delete_field,
    delete_files,
    delete_item,
    delete_segment,
    download_drive_file,
    download_file,
    export_csv,
    generate_ai_tags,
    get_board,
    get_file,
    get_import_progress,
    get_item,
    get_link_preview,
    get_onedrive_session_status,
    get_related_items,
    import_csv,
    import_excel,
    initiate_drive_auth,
    link_items,
    list_boards,
    list_drive_files,
    list_drive_folders,
    list_items,
    list_segments,
    reorder_boards,
    reorder_fields,
    search_board_items,
    search_files,
    unlink_items,
    update_board,
    update_field,
    update_file,
    update_item,
    update_segment,
    upload_board_file,
    upload_board_file_v2,
    upload_file,
)
from ..._pagination import OffsetPages
from ..._types import RequestOptions
from ..pagination import sync_iterate_pages
from ._resource import Resource
from .folders import ids_body, with_query

if TYPE_CHECKING:
    from ..._generated.gateway.shapes import (
        AiTags,
        Board,
        BoardField,
        BoardFileUploadResult,
        BoardItem,
        BoardItemList,
        BoardItemResponse,
        BoardList,
        BoardResponse,
        BoardSearchResult,
        DeleteResult,
        DriveAuthInitiation,
        DriveListing,
        DriveSessionStatus,
        FieldOperationResult,
        FileRecord,
        Folder,
        FolderDetail,
        ImportProgress,
        ImportResult,
        LinkPreview,
        SegmentListResponse,
        SegmentResponse,
        SuccessResult,
    )

__all__ = ["BoardsResource"]

_OPTION_NAMES = frozenset(RequestOptions.__annotations__)
_DATA_PAGES = OffsetPages(items_path=("data",))  # {"data": [...], "total": n}; no has_more flag
_FOLDER_FILE_PAGES = OffsetPages(items_path=("data", "files"))
_PAGE_SIZE = 50


def _data(reply: Any) -> Any:
    """The reply's `data` when it is an object holding one (the Knowledge Hub envelope), else the reply itself."""
    if isinstance(reply, Mapping) and "data" in reply:
        return reply["data"]
    return reply


def _folder(reply: Any) -> Any:
    """`data.folder`, else `data`, else the reply: what the old `boards.get_folder` returned."""
    data = _data(reply)
    if isinstance(data, Mapping) and "folder" in data:
        return data["folder"]
    return data


def _split_extra(options: RequestOptions) -> tuple[RequestOptions, dict[str, Any]]:
    """Per-call options apart from the other keyword arguments (the old `create(**extra)` body keys)."""
    known = {name: value for name, value in options.items() if name in _OPTION_NAMES}
    extra = {name: value for name, value in options.items() if name not in _OPTION_NAMES}
    return cast(RequestOptions, known), extra


def _form_fields(files: FilesArg) -> tuple[FilesArg, dict[str, Any]]:
    """Split the old SDK's form fields, passed as `(None, "value")` entries of the `files` dict, from the files."""
    if not isinstance(files, Mapping):
        return files, {}
    fields: dict[str, Any] = {}
    for name, value in files.items():
        if isinstance(value, tuple) and len(value) == 2 and value[0] is None and isinstance(value[1], str):
            fields[name] = value[1]
    return {name: value for name, value in files.items() if name not in fields}, fields


class BoardsResource(Resource):
    """Data boards, fields, items, segments, search, Knowledge Hub folders and files, drives."""

    _service = "data_board"

    # ---------------------------------------------------------------------------------------------------------------
    # Boards
    # ---------------------------------------------------------------------------------------------------------------

    def list(
        self,
        limit: int = 20,
        skip: int = 0,
        *,
        search: str | None = None,
        hidden: bool | None = None,
        category_id: str | None = None,
        sort: str | None = None,
        types: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BoardList:
        """GET /data-board/boards: one page of the organization's boards.

        `limit` (20) and `skip` (0) page; `search` filters by name, `hidden` includes (True) or excludes (False) hidden
        boards, `category_id` and `types` (comma-separated, e.g. "DocumentAI") filter, `sort` orders.
        Walk every page with `iter_boards`.

        Returns `{"data": [board, ...], "total": ...}`.

        Example: `boards = client.boards.list(limit=50)["data"]`
        """
        kwargs = list_boards._get_kwargs(
            limit=limit, skip=skip, search=search, hidden=hidden, category_id=category_id, sort=sort, types=types
        )
        return self._json(kwargs, options)

    def iter_boards(
        self,
        *,
        limit: int = _PAGE_SIZE,
        search: str | None = None,
        hidden: bool | None = None,
        category_id: str | None = None,
        sort: str | None = None,
        types: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Iterator[Board]:
        """GET /data-board/boards, page after page: every board, fetching the next page only when needed.

        `limit` is the page size; the filters are those of `list`. Stops after a short page.

        Example: `for board in client.boards.iter_boards(): print(board["name"])`
        """

        def fetch(page: Mapping[str, Any]) -> BoardList:
            return self.list(
                page["limit"],
                page["skip"],
                search=search,
                hidden=hidden,
                category_id=category_id,
                sort=sort,
                types=types,
                **options,
            )

        for board in sync_iterate_pages(fetch, {"limit": limit, "skip": 0}, _DATA_PAGES):
            yield board

    def get(self, board_id: str, **options: Unpack[RequestOptions]) -> BoardResponse:
        """GET /data-board/boards/{board_id}: one board with its field definitions.

        Returns the reply as sent (the board, or `{"data": board}`).

        Example: `board = client.boards.get("board_id")`
        """
        return self._json(get_board._get_kwargs(board_id), options)

    def create(
        self,
        name: str,
        description: str | None = None,
        *,
        type: str | None = None,
        fields: Sequence[Mapping[str, Any]] | None = None,
        team_ids: Sequence[str] | None = None,
        show_id: bool | None = None,
        category: str | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> BoardResponse:
        """POST /data-board/boards: create a board.

        Arguments left at None are not sent. `type="DocumentAI"` with `fields=[{"name", "type", ...}]` creates a
        Document AI board with its extraction schema. Other body keys go in `extra`; for the old package's
        `create(name, **extra)` form, keyword arguments that are not per-call options are sent in the body too.

        Returns the reply as sent (the board, or `{"data": board}`).

        Example: `board = client.boards.create("Leads", "Inbound leads", type="DocumentAI", fields=[...])`
        """
        request_options, loose = _split_extra(options)
        body: dict[str, Any] = {"name": name}
        given = {
            "description": description,
            "type": type,
            "fields": None if fields is None else [dict(field) for field in fields],
            "team_ids": None if team_ids is None else builtins.list(team_ids),
            "show_id": show_id,
            "category": category,
        }
        body.update({key: value for key, value in given.items() if value is not None})
        body.update(extra or {})
        body.update(loose)
        return self._json(create_board._get_kwargs(body=body), request_options)

    def update(self, board_id: str, body: Mapping[str, Any], **options: Unpack[RequestOptions]) -> BoardResponse:
        """PATCH /data-board/boards/{board_id}: change name, description, type, category or hidden; others are kept.

        Example: `client.boards.update("board_id", {"name": "Leads 2025"})`
        """
        return self._json(update_board._get_kwargs(board_id, body=dict(body)), options)

    def delete(self, board_id: str, **options: Unpack[RequestOptions]) -> None:
        """DELETE /data-board/boards/{board_id}: delete a board and its items. Destructive. Returns None.

        Example: `client.boards.delete("board_id")`
        """
        self._json(delete_board._get_kwargs(board_id), options)

    def reorder(self, body: Mapping[str, Any], **options: Unpack[RequestOptions]) -> SuccessResult:
        """POST /data-board/boards/reorder: set the display order of boards (body passed through).

        The service's spec names the list `boardIds`; the TS SDK sends `order`.

        Example: `client.boards.reorder({"boardIds": ["b2", "b1"]})`
        """
        return self._json(reorder_boards._get_kwargs(body=dict(body)), options)

    def export_csv(
        self, board_id: str, params: Mapping[str, Any] | None = None, **options: Unpack[RequestOptions]
    ) -> str:
        """GET /data-board/boards/{board_id}/export_csv: the board's items as CSV text.

        `params` is passed through as the query string (None values left out).

        Example: `csv_text = client.boards.export_csv("board_id")`
        """
        response = self._response(with_query(export_csv._get_kwargs(board_id), params), options)
        return response.text

    def import_csv(self, board_id: str, files: FilesArg, **options: Unpack[RequestOptions]) -> ImportResult:
        """POST /data-board/boards/{board_id}/import_csv: import rows from a CSV file as items (multipart `file`).

        `files` is `{"file": open("rows.csv", "rb")}` as in the doc, or a path, bytes or a file object; it is
        streamed, not read into memory.

        Example: `client.boards.import_csv("board_id", files={"file": open("rows.csv", "rb")})`
        """
        with multipart_parts(files) as parts:
            return self._json(import_csv._get_kwargs(board_id, body=parts), options)

    def import_excel(self, board_id: str, files: FilesArg, **options: Unpack[RequestOptions]) -> ImportResult:
        """POST /data-board/boards/{board_id}/import: import rows from an Excel file as items (multipart `file`).

        `files` as for `import_csv`. Poll `get_import_progress` for large files.

        Example: `client.boards.import_excel("board_id", "rows.xlsx")`
        """
        with multipart_parts(files) as parts:
            return self._json(import_excel._get_kwargs(board_id, body=parts), options)

    def get_import_progress(self, board_id: str, **options: Unpack[RequestOptions]) -> ImportProgress:
        """GET /data-board/boards/{board_id}/import_progress: how far the current import has got.

        Example: `progress = client.boards.get_import_progress("board_id")`
        """
        return self._json(get_import_progress._get_kwargs(board_id), options)

    def upload_board_file(self, files: FilesArg, **options: Unpack[RequestOptions]) -> BoardFileUploadResult:
        """POST /data-board/boards/_fileupload: upload a file for a board (multipart `file`); the reply has its `url`.

        `files` as for `import_csv`.

        Example: `url = client.boards.upload_board_file("photo.png")["url"]`
        """
        with multipart_parts(files) as parts:
            return self._json(upload_board_file._get_kwargs(body=parts), options)

    def upload_board_file_v2(self, files: FilesArg, **options: Unpack[RequestOptions]) -> BoardFileUploadResult:
        """POST /data-board/boards/upload: upload a file for a board's attachment fields (newer route).

        `files` as for `import_csv`; a dict may hold several files.

        Example: `stored = client.boards.upload_board_file_v2(files={"file": open("a.pdf", "rb")})`
        """
        with multipart_parts(files) as parts:
            return self._json(upload_board_file_v2._get_kwargs(body=parts), options)

    # ---------------------------------------------------------------------------------------------------------------
    # Fields
    # ---------------------------------------------------------------------------------------------------------------

    def create_field(self, board_id: str, body: Mapping[str, Any], **options: Unpack[RequestOptions]) -> BoardField:
        """POST /data-board/boards/{board_id}/fields: add a field (`{"name", "type", ...}`; body passed through).

        Example: `field = client.boards.create_field("board_id", {"name": "Email", "type": "Email"})`
        """
        return self._json(create_field._get_kwargs(board_id, body=dict(body)), options)

    def update_field(
        self, board_id: str, field_id: str, body: Mapping[str, Any], **options: Unpack[RequestOptions]
    ) -> BoardField:
        """PATCH /data-board/boards/{board_id}/fields/{field_id}: change a field's name, type or options.

        Example: `client.boards.update_field("board_id", "field_id", {"name": "Work email"})`
        """
        return self._json(update_field._get_kwargs(board_id, field_id, body=dict(body)), options)

    def delete_field(self, board_id: str, field_id: str, **options: Unpack[RequestOptions]) -> None:
        """DELETE /data-board/boards/{board_id}/fields/{field_id}: remove a field and its values. Returns None.

        Example: `client.boards.delete_field("board_id", "field_id")`
        """
        self._json(delete_field._get_kwargs(board_id, field_id), options)

    def reorder_fields(
        self, board_id: str, body: Mapping[str, Any], **options: Unpack[RequestOptions]
    ) -> FieldOperationResult:
        """POST /data-board/boards/{board_id}/fields/reorder: set the field order (body passed through).

        The service's spec names the list `fieldIds`; the TS SDK sends `fields`.

        Example: `client.boards.reorder_fields("board_id", {"fieldIds": ["f2", "f1"]})`
        """
        return self._json(reorder_fields._get_kwargs(board_id, body=dict(body)), options)

    def bulk_update_fields(
        self, board_id: str, body: Mapping[str, Any], **options: Unpack[RequestOptions]
    ) -> FieldOperationResult:
        """PATCH /data-board/boards/{board_id}/fields/bulk: create or update many fields at once (`{"fields": [...]}`).

        Example: `client.boards.bulk_update_fields("board_id", {"fields": [{"_id": "f1", "name": "Name"}]})`
        """
        return self._json(bulk_update_fields._get_kwargs(board_id, body=dict(body)), options)

    # ---------------------------------------------------------------------------------------------------------------
    # Items
    # ---------------------------------------------------------------------------------------------------------------

    def list_items(
        self,
        board_id: str,
        limit: int = 20,
        skip: int = 0,
        *,
        filter: str | None = None,
        sort: str | None = None,
        include_parent: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> BoardItemList:
        """GET /data-board/boards/{board_id}/items: one page of a board's items.

        `limit` (20) and `skip` (0) page; `filter` and `sort` are the service's expressions; `include_parent=True`
        adds each item's parent. Walk every page with `iter_items`.

        Returns `{"data": [item, ...], "total": ...}`.

        Example: `items = client.boards.list_items("board_id", limit=100)["data"]`
        """
        kwargs = list_items._get_kwargs(
            board_id, limit=limit, skip=skip, filter_=filter, sort=sort, include_parent=include_parent
        )
        return self._json(kwargs, options)

    def iter_items(
        self,
        board_id: str,
        *,
        limit: int = _PAGE_SIZE,
        filter: str | None = None,
        sort: str | None = None,
        include_parent: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> Iterator[BoardItem]:
        """GET /data-board/boards/{board_id}/items, page after page: every item, fetching pages only when needed.

        `limit` is the page size; the filters are those of `list_items`. Stops after a short page.

        Example: `for item in client.boards.iter_items("board_id"): print(item["_id"])`
        """

        def fetch(page: Mapping[str, Any]) -> BoardItemList:
            return self.list_items(
                board_id,
                page["limit"],
                page["skip"],
                filter=filter,
                sort=sort,
                include_parent=include_parent,
                **options,
            )

        for item in sync_iterate_pages(fetch, {"limit": limit, "skip": 0}, _DATA_PAGES):
            yield item

    def get_item(self, board_id: str, item_id: str, **options: Unpack[RequestOptions]) -> BoardItemResponse:
        """GET /data-board/boards/{board_id}/items/{item_id}: one item with its field values.

        Example: `item = client.boards.get_item("board_id", "item_id")`
        """
        return self._json(get_item._get_kwargs(board_id, item_id), options)

    def create_item(
        self, board_id: str, body: Mapping[str, Any], **options: Unpack[RequestOptions]
    ) -> BoardItemResponse:
        """POST /data-board/boards/{board_id}/items: create an item (`{"fields": {field id or name: value}}`).

        Example: `item = client.boards.create_item("board_id", {"fields": {"Name": "Ada"}})`
        """
        return self._json(create_item._get_kwargs(board_id, body=dict(body)), options)

    def update_item(
        self, board_id: str, item_id: str, body: Mapping[str, Any], **options: Unpack[RequestOptions]
    ) -> BoardItemResponse:
        """PATCH /data-board/boards/{board_id}/items/{item_id}: change field values; fields not mentioned are kept.

        `body` is `{"fields": {field id: value}}` or the legacy `{"data": [{"key": ..., "value": ...}]}`.

        Example: `client.boards.update_item("board_id", "item_id", {"fields": {"f1": "Grace"}})`
        """
        return self._json(update_item._get_kwargs(board_id, item_id, body=dict(body)), options)

    def delete_item(self, board_id: str, item_id: str, **options: Unpack[RequestOptions]) -> None:
        """DELETE /data-board/boards/{board_id}/items/{item_id}: delete an item. Destructive. Returns None.

        Example: `client.boards.delete_item("board_id", "item_id")`
        """
        self._json(delete_item._get_kwargs(board_id, item_id), options)

    def bulk_delete_items(
        self, board_id: str, body: Mapping[str, Any], **options: Unpack[RequestOptions]
    ) -> DeleteResult:
        """DELETE /data-board/boards/{board_id}/items/bulk-delete: delete many items (`{"ids": [...]}`, a JSON body).

        Example: `client.boards.bulk_delete_items("board_id", {"ids": ["i1", "i2"]})`
        """
        return self._json(bulk_delete_items._get_kwargs(board_id, body=dict(body)), options)

    def get_related_items(
        self,
        board_id: str,
        item_id: str,
        related_board_id: str,
        *,
        link: str | None = None,
        name: str | None = None,
        skip: int | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[BoardItem]:
        """GET /data-board/boards/{board_id}/items/{item_id}/related/{related_board_id}: an item's related items.

        `link`, `name`, `skip` and `limit` are the service's filters (not sent when None).

        Returns the reply's `data` (the list of items); a bare list is returned as is.

        Example: `related = client.boards.get_related_items("board_id", "item_id", "other_board_id")`
        """
        kwargs = get_related_items._get_kwargs(
            board_id, item_id, related_board_id, link=link, name=name, skip=skip, limit=limit
        )
        return _data(self._json(kwargs, options))

    def link_items(
        self,
        board_id: str,
        item_id: str,
        related_board_id: str,
        body: Mapping[str, Any],
        **options: Unpack[RequestOptions],
    ) -> SuccessResult:
        """POST /data-board/boards/{board_id}/items/{item_id}/related: link items of another board to an item.

        Sends `body` with `relatedBoardId` set to `related_board_id` and `relatedItemIds` defaulting to `[]`; every
        other key of `body` is sent too (the old package dropped them).

        Example: `client.boards.link_items("board_id", "item_id", "other_board_id", {"relatedItemIds": ["i9"]})`
        """
        kwargs = link_items._get_kwargs(board_id, item_id, body=_related_body(related_board_id, body))
        return self._json(kwargs, options)

    def unlink_items(
        self,
        board_id: str,
        item_id: str,
        related_board_id: str,
        body: Mapping[str, Any],
        **options: Unpack[RequestOptions],
    ) -> SuccessResult:
        """DELETE /data-board/boards/{board_id}/items/{item_id}/related: unlink related items (a JSON body).

        The body is built as for `link_items`: `relatedBoardId` from the argument, every key of `body` kept.

        Example: `client.boards.unlink_items("board_id", "item_id", "other_board_id", {"relatedItemIds": ["i9"]})`
        """
        kwargs = unlink_items._get_kwargs(board_id, item_id, body=_related_body(related_board_id, body))
        return self._json(kwargs, options)

    # ---------------------------------------------------------------------------------------------------------------
    # Search and segments
    # ---------------------------------------------------------------------------------------------------------------

    def search(
        self,
        board_id: str,
        q: str | None = None,
        limit: int = 100,
        offset: int = 0,
        *,
        filter: str | None = None,
        sort: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BoardSearchResult:
        """POST /data-board/search/{board_id}: full-text search of a board's items.

        Sends `{"limit": 100, "offset": 0}` plus `q` when not empty, and `filter`/`sort` when given.

        Returns the Meilisearch-style envelope `{"success", "message": {"hits", "estimatedTotalHits", ...}}`.

        Example: `hits = client.boards.search("board_id", "acme")["message"]["hits"]`
        """
        body: dict[str, Any] = {"limit": limit, "offset": offset}
        if q:
            body["q"] = q
        if filter is not None:
            body["filter"] = filter
        if sort is not None:
            body["sort"] = sort
        return self._json(search_board_items._get_kwargs(board_id, body=body), options)

    def list_segments(self, board_id: str, **options: Unpack[RequestOptions]) -> SegmentListResponse:
        """GET /data-board/boards/{board_id}/segmentation: a board's saved segments (item filters).

        Example: `segments = client.boards.list_segments("board_id")`
        """
        return self._json(list_segments._get_kwargs(board_id), options)

    def create_segment(
        self, board_id: str, body: Mapping[str, Any], **options: Unpack[RequestOptions]
    ) -> SegmentResponse:
        """POST /data-board/boards/{board_id}/segmentation: save a segment (`{"name", "description", "filters"}`).

        Example: `client.boards.create_segment("board_id", {"name": "VIP", "filters": [...]})`
        """
        return self._json(create_segment._get_kwargs(board_id, body=dict(body)), options)

    def update_segment(
        self, board_id: str, segment_id: str, body: Mapping[str, Any], **options: Unpack[RequestOptions]
    ) -> SegmentResponse:
        """PUT /data-board/boards/{board_id}/segmentation/{segment_id}: replace a segment's name, description, filters.

        PUT, as the data-board service declares it (the old package sent PATCH).

        Example: `client.boards.update_segment("board_id", "segment_id", {"name": "VIP 2025"})`
        """
        return self._json(update_segment._get_kwargs(board_id, segment_id, body=dict(body)), options)

    def delete_segment(self, board_id: str, segment_id: str, **options: Unpack[RequestOptions]) -> None:
        """DELETE /data-board/boards/{board_id}/segmentation/{segment_id}: delete a segment. Returns None.

        Example: `client.boards.delete_segment("board_id", "segment_id")`
        """
        self._json(delete_segment._get_kwargs(board_id, segment_id), options)

    # ---------------------------------------------------------------------------------------------------------------
    # Knowledge Hub folders: the `client.folders` requests, unwrapped
    # ---------------------------------------------------------------------------------------------------------------

    def search_folders(
        self,
        organization_id: str | None = None,
        q: str | None = None,
        *,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[Folder]:
        """GET /data-board/folders/search: Knowledge Hub folders whose name matches `q` (all without it).

        `organization_id`, `q` (when not empty) and `limit` are sent as given; the service takes the organization
        from the credentials, so `organization_id` is rarely needed.

        Returns the reply's `data`: the list of folders.

        Example: `folders = client.boards.search_folders()`
        """
        params = {"organization_id": organization_id or None, "q": q or None, "limit": limit}
        return _data(self._client.folders.search(params, **options))

    def get_folder(self, folder_id: str, recursive: bool | None = None, **options: Unpack[RequestOptions]) -> Folder:
        """GET /data-board/folders/{folder_id}: one Knowledge Hub folder.

        `recursive` is sent as `true`/`false` when given.

        Returns the folder (`data.folder` of the reply; else `data`; else the reply). Subfolders: `client.folders.get`.

        Example: `folder = client.boards.get_folder("folder_id")`
        """
        return _folder(self._client.folders.get(folder_id, recursive=recursive, **options))

    def create_folder(self, body: Mapping[str, Any], **options: Unpack[RequestOptions]) -> Folder:
        """POST /data-board/folders: create a Knowledge Hub folder.

        `body` holds `name` and optionally `parent_folder_id`, `team_ids`, `organization_id`, ...; `source_type`
        defaults to `"upload"` and `parent_folder_id` to `"root"` (keys in `body` win). Pass folder ids as
        `folder_ids` when creating an AI agent.

        Returns the created folder (the reply's `data`).

        Example: `folder = client.boards.create_folder({"name": "Q1 Reports"})`
        """
        return _data(self._client.folders.create(body, **options))

    def update_folder(self, folder_id: str, body: Mapping[str, Any], **options: Unpack[RequestOptions]) -> Folder:
        """PUT /data-board/folders/{folder_id}: rename a Knowledge Hub folder (`{"name": ...}`).

        Returns the updated folder (the reply's `data`).

        Example: `client.boards.update_folder(folder["_id"], {"name": "Q1 2025 Reports"})`
        """
        return _data(self._client.folders.update(folder_id, body, **options))

    def delete_folders(self, ids: str | Sequence[str], **options: Unpack[RequestOptions]) -> DeleteResult:
        """POST /data-board/folders/delete: delete folders with their subfolders and files. Destructive.

        `ids` is a list of folder ids (a single id string is one id); sent as `{"ids": [...]}`.

        Returns the reply as sent (not unwrapped, as before), e.g. `{"success": True, "data": {"deletedCount": 1}}`.

        Example: `client.boards.delete_folders([folder["_id"]])`
        """
        return self._client.folders.delete(ids, **options)

    def get_folder_contents(
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
    ) -> FolderDetail:
        """GET /data-board/folders/{folder_id}/contents: a folder's subfolders and files.

        Without arguments everything comes back in one reply. `skip`/`limit` page the subfolders and the files
        alike, `sort_by`/`sort_order` order them, `recursive=True` takes the files of the whole subtree, and `q`
        matches file names. Walk the files page by page with `iter_folder_files`.

        Returns the reply's `data`: `{"folder", "subfolders", "files", "pagination"}`.

        Example: `files = client.boards.get_folder_contents("folder_id")["files"]`
        """
        reply = self._client.folders.get_contents(
            folder_id,
            skip=skip,
            limit=limit,
            sort_by=sort_by,
            sort_order=sort_order,
            recursive=recursive,
            q=q,
            **options,
        )
        return _data(reply)

    def iter_folder_files(
        self,
        folder_id: str,
        *,
        limit: int = _PAGE_SIZE,
        sort_by: str | None = None,
        sort_order: str | None = None,
        recursive: bool | None = None,
        q: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Iterator[FileRecord]:
        """GET /data-board/folders/{folder_id}/contents, page after page: every file of a folder, lazily.

        `limit` is the page size; the other arguments are those of `get_folder_contents`. Stops after a short page.

        Example: `for file in client.boards.iter_folder_files("folder_id", recursive=True): print(file["name"])`
        """

        def fetch(page: Mapping[str, Any]) -> Any:
            return self._client.folders.get_contents(
                folder_id,
                skip=page["skip"],
                limit=page["limit"],
                sort_by=sort_by,
                sort_order=sort_order,
                recursive=recursive,
                q=q,
                **options,
            )

        for file in sync_iterate_pages(fetch, {"limit": limit, "skip": 0}, _FOLDER_FILE_PAGES):
            yield file

    # ---------------------------------------------------------------------------------------------------------------
    # Knowledge Hub files
    # ---------------------------------------------------------------------------------------------------------------

    def search_files(
        self,
        folder_id: str | None = None,
        *,
        q: str | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[FileRecord]:
        """GET /data-board/files/search: the files of a folder, optionally matching `q`.

        Returns the reply's `data`: the list of files.

        Example: `files = client.boards.search_files(folder_id=folder["_id"])`
        """
        kwargs = search_files._get_kwargs(folder_id=folder_id, q=q, limit=limit)
        return _data(self._json(kwargs, options))

    def get_file(self, file_id: str, **options: Unpack[RequestOptions]) -> FileRecord:
        """GET /data-board/files/{file_id}: one Knowledge Hub file record.

        Returns the file (the reply's `data`).

        Example: `file = client.boards.get_file("file_id")`
        """
        return _data(self._json(get_file._get_kwargs(file_id), options))

    def create_file(self, body: Mapping[str, Any], **options: Unpack[RequestOptions]) -> FileRecord:
        """POST /data-board/files: create a file record from content (`{"name", "folder_id", "content"}`).

        Returns the created file (the reply's `data`).

        Example: `note = client.boards.create_file({"name": "doc.txt", "folder_id": "folder_id", "content": "..."})`
        """
        return _data(self._json(create_file._get_kwargs(body=dict(body)), options))

    def upload_file(
        self,
        files: FilesArg,
        folder_id: str | None = None,
        organization_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> FileRecord:
        """POST /data-board/files/upload: upload a file to the Knowledge Hub (multipart `file`).

        `files` is `{"file": open("doc.pdf", "rb")}` as in the doc, or a path, bytes or a file object; it is streamed,
        not read into memory. `folder_id` and `organization_id` are sent as form fields; `organization_id` defaults
        to the client's. The old `(None, "value")` entries for these fields in the `files` dict still work.

        Returns the stored file (the reply's `data`); pass its id to `client.ai_agent.process_embedding`.

        Example: `file = client.boards.upload_file(files={"file": open("doc.pdf", "rb")}, folder_id=folder["_id"])`
        """
        files, legacy = _form_fields(files)
        fields = {
            **legacy,
            "folder_id": folder_id or legacy.get("folder_id"),
            "organization_id": self._organization(organization_id or legacy.get("organization_id")),
        }
        with multipart_parts(files, fields) as parts:
            return _data(self._json(upload_file._get_kwargs(body=parts), options))

    def download_file(self, file_id: str, **options: Unpack[RequestOptions]) -> httpx.Response:
        """GET /data-board/files/{file_id}/download: a file's bytes, as the read `httpx.Response`.

        The body is in memory; errors have raised already. For large files use `download_file_to`.

        Example: `pdf_bytes = client.boards.download_file("file_id").content`
        """
        return self._response(download_file._get_kwargs(file_id), options)

    def download_file_to(self, file_id: str, path: str | Path, **options: Unpack[RequestOptions]) -> Path:
        """GET /data-board/files/{file_id}/download, streamed to `path` chunk by chunk (flat memory).

        A partial file is removed when the download fails. Returns the path written.

        Example: `client.boards.download_file_to("file_id", "doc.pdf")`
        """
        return self._download(download_file._get_kwargs(file_id), path, options)

    def update_file(self, file_id: str, body: Mapping[str, Any], **options: Unpack[RequestOptions]) -> FileRecord:
        """PUT /data-board/files/{file_id}: change a file's name, content or folder (body passed through).

        Returns the updated file (the reply's `data`).

        Example: `client.boards.update_file("file_id", {"name": "renamed.pdf"})`
        """
        return _data(self._json(update_file._get_kwargs(file_id, body=dict(body)), options))

    def delete_files(self, ids: str | Sequence[str], **options: Unpack[RequestOptions]) -> DeleteResult:
        """POST /data-board/files/delete: delete Knowledge Hub files. Destructive.

        `ids` is a list of file ids (a single id string is one id); sent as `{"ids": [...]}`.

        Returns the reply as sent (not unwrapped).

        Example: `client.boards.delete_files(["file_id"])`
        """
        return self._json(delete_files._get_kwargs(body=ids_body(ids)), options)

    def generate_ai_tags(self, body: Mapping[str, Any], **options: Unpack[RequestOptions]) -> AiTags:
        """POST /data-board/ai/tag-generation: suggest tags for a file or a text (`{"file_id"}` or `{"text"}`).

        Returns the reply's `data`: `{"tags": [...]}`.

        Example: `tags = client.boards.generate_ai_tags({"text": "Quarterly revenue report"})["tags"]`
        """
        return _data(self._json(generate_ai_tags._get_kwargs(body=dict(body)), options))

    def get_link_preview(self, url: str, **options: Unpack[RequestOptions]) -> LinkPreview:
        """POST /data-board/link_preview/getWebsiteInfo: title, description and image of a web page.

        Example: `preview = client.boards.get_link_preview("https://imbrace.co")`
        """
        return self._json(get_link_preview._get_kwargs(body={"url": url}), options)

    # ---------------------------------------------------------------------------------------------------------------
    # External drives (drive_type: "onedrive", "google-drive", ...; encoded as one path segment)
    # ---------------------------------------------------------------------------------------------------------------

    def initiate_drive_auth(self, drive_type: str, **options: Unpack[RequestOptions]) -> DriveAuthInitiation:
        """GET /data-board/auth/{drive_type}/initiate: start connecting a drive; the reply has the URL to open.

        Example: `auth = client.boards.initiate_drive_auth("onedrive")`
        """
        return self._json(initiate_drive_auth._get_kwargs(drive_type), options)

    def list_drive_folders(
        self, drive_type: str, params: Mapping[str, Any] | None = None, **options: Unpack[RequestOptions]
    ) -> DriveListing:
        """GET /data-board/{drive_type}/folders: folders of a connected drive.

        `params` is passed through as the query string (None values left out).

        Example: `folders = client.boards.list_drive_folders("onedrive", {"parent_id": "root"})`
        """
        kwargs = with_query(list_drive_folders._get_kwargs(drive_type), params)
        return self._json(kwargs, options)

    def list_drive_files(
        self, drive_type: str, params: Mapping[str, Any] | None = None, **options: Unpack[RequestOptions]
    ) -> DriveListing:
        """GET /data-board/{drive_type}/files: files of a connected drive.

        `params` is passed through as the query string (None values left out).

        Example: `files = client.boards.list_drive_files("onedrive", {"folder_id": "abc"})`
        """
        kwargs = with_query(list_drive_files._get_kwargs(drive_type), params)
        return self._json(kwargs, options)

    def download_drive_file(
        self, drive_type: str, params: Mapping[str, Any] | None = None, **options: Unpack[RequestOptions]
    ) -> httpx.Response:
        """GET /data-board/{drive_type}/files/download: a drive file's bytes, as the read `httpx.Response`.

        `params` (passed through as the query string) says which file. For large files use
        `download_drive_file_to`.

        Example: `data = client.boards.download_drive_file("onedrive", {"file_id": "abc"}).content`
        """
        kwargs = with_query(download_drive_file._get_kwargs(drive_type), params)
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

        Example: `client.boards.download_drive_file_to("onedrive", "report.pdf", {"file_id": "abc"})`
        """
        kwargs = with_query(download_drive_file._get_kwargs(drive_type), params)
        return self._download(kwargs, path, options)

    def get_onedrive_session_status(self, **options: Unpack[RequestOptions]) -> DriveSessionStatus:
        """GET /data-board/auth/onedrive/files/session/status: whether the OneDrive picker session is active.

        Example: `status = client.boards.get_onedrive_session_status()`
        """
        return self._json(get_onedrive_session_status._get_kwargs(), options)


def _related_body(related_board_id: str, body: Mapping[str, Any]) -> dict[str, Any]:
    """The body of link/unlink: every key of `body`, `relatedBoardId` from the argument, `relatedItemIds` or []."""
    return {**body, "relatedBoardId": related_board_id, "relatedItemIds": body.get("relatedItemIds", [])}
