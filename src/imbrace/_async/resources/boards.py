"""`client.boards`: Data boards, fields, items, segments, search, Knowledge Hub folders and files, drives.

Results are the server's JSON, as for every namespace, with the old package's unwrapping kept where it had it, so
existing callers read the same shapes:

- the Knowledge Hub methods (`*folder*`, `*file*` except `delete_*`/`download_*`, and `generate_ai_tags`,
  `get_related_items`) return the reply's `data` (and `get_folder` returns `data.folder`); a reply without `data` is
  returned as is;
- everything else returns the reply as sent: single boards and every field call `{"data": board}`, items
  `{"data": item}`, lists `{"data": [...], ...}`; `delete`, `delete_field`, `delete_item` and `delete_segment` return
  None; `export_csv` returns the CSV text; `download_file` and `download_drive_file` return the read `httpx.Response`
  (use `.content`), and `download_file_to` streams to a file instead.

Bodies the data-board service would reject or misread are fixed or refused before sending: folders get the client's
`organization_id`, item fields keyed by field name are keyed by field id (one cached read of the board), imports use
the service's JSON flow, uploads need a folder. The folder methods send their requests through `client.folders`.
"""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Unpack

import httpx

from ..._boards import (
    BOARD_PAGES,
    FOLDER_FILE_PAGES,
    ITEM_PAGES,
    board_types,
    csv_headers,
    field_index,
    form_fields,
    ids_body,
    import_body,
    item_fields,
    list_filter,
    mappings_for,
    related_body,
    reply_data,
    reply_folder,
    search_sort,
    split_extra,
    unknown_fields_error,
    with_query,
)
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
from ..._types import RequestOptions
from ..pagination import async_walk
from ._resource import AsyncResource

if TYPE_CHECKING:
    from ..._generated.gateway.params import (
        BulkDeleteItemsBody,
        BulkUpdateFieldsBody,
        CreateFieldBody,
        CreateFileBody,
        CreateFolderBody,
        CreateItemBody,
        CreateSegmentBody,
        ExportCsvQuery,
        GenerateAiTagsBody,
        ImportCsvBody,
        ImportExcelBody,
        LinkItemsBody,
        ReorderBoardsBody,
        ReorderFieldsBody,
        SearchFoldersQuery,
        UnlinkItemsBody,
        UpdateBoardBody,
        UpdateFieldBody,
        UpdateFileBody,
        UpdateFolderBody,
        UpdateItemBody,
        UpdateSegmentBody,
    )
    from ..._generated.gateway.shapes import (
        AiTags,
        Board,
        BoardEnvelope,
        BoardFileUploadResult,
        BoardItem,
        BoardItemEnvelope,
        BoardItemList,
        BoardList,
        BoardSearchResult,
        BoardType,
        BoardUploadEntry,
        BulkDeleteResult,
        DeletedCountEnvelope,
        DriveAuthInitiation,
        DriveListing,
        DriveSessionStatus,
        FileRecord,
        Folder,
        FolderContents,
        ImportProgress,
        ImportResult,
        LinkPreviewEnvelope,
        MessageResult,
        Segment,
        SegmentList,
    )
    from ..client import AsyncImbraceClient

__all__ = ["AsyncBoardsResource"]

_PAGE_SIZE = 50


class AsyncBoardsResource(AsyncResource):
    """Data boards, fields, items, segments, search, Knowledge Hub folders and files, drives."""

    _service = "data_board"

    def __init__(self, client: AsyncImbraceClient) -> None:
        super().__init__(client)
        self._fields: dict[str, dict[str, str]] = {}

    # ---------------------------------------------------------------------------------------------------------------
    # Boards
    # ---------------------------------------------------------------------------------------------------------------

    async def list(
        self,
        limit: int = 20,
        skip: int = 0,
        *,
        search: str | None = None,
        hidden: bool | None = None,
        category_id: str | None = None,
        sort: str | None = None,
        types: str | Sequence[str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> BoardList:
        """GET /data-board/boards: one page of the organization's boards.

        `limit` (20) and `skip` (0) page: the service serves 1 to 500 boards a page, all with 0, and silently 100
        for anything else (walk every page with `iter_boards`). `search` filters by name, `hidden` keeps hidden
        (True) or visible (False) boards, `category_id` and `types` (a list such as `["DocumentAI", "Tasks"]`, sent
        as repeated parameters; "A,B" is split) filter. `sort` is sent but ignored by the service.

        Returns `{"data": [board, ...], "total": <matching boards>, "count": <on this page>}`.

        Example: `boards = client.boards.list(limit=50, types=["DocumentAI"])["data"]`
        """
        kwargs = list_boards.build_request(
            limit=limit, skip=skip, search=search, hidden=hidden, category_id=category_id, sort=sort
        )
        listed = board_types(types)
        if listed is not None:
            kwargs["params"]["types"] = listed
        return await self._json(kwargs, options)

    async def iter_boards(
        self,
        *,
        limit: int = _PAGE_SIZE,
        search: str | None = None,
        hidden: bool | None = None,
        category_id: str | None = None,
        sort: str | None = None,
        types: str | Sequence[str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncIterator[Board]:
        """GET /data-board/boards, page after page: every board, fetching the next page only when needed.

        `limit` is the page size, lowered to the service's 500; the filters are those of `list`. Pages follow the
        reply's `total`, so a page the service shortened is not taken for the last.

        Example: `for board in client.boards.iter_boards(): print(board["name"])`
        """

        filters = {"search": search, "hidden": hidden, "category_id": category_id, "sort": sort, "types": types}
        async for board in async_walk(self.list, BOARD_PAGES, BOARD_PAGES.first_params(limit), **filters, **options):
            yield board

    async def get(self, board_id: str, **options: Unpack[RequestOptions]) -> BoardEnvelope:
        """GET /data-board/boards/{board_id}: one board with its field definitions.

        Returns the reply as sent: `{"data": board}`.

        Example: `board = client.boards.get("board_id")`
        """
        return await self._json(get_board.build_request(board_id), options)

    async def create(
        self,
        name: str,
        description: str | None = None,
        *,
        type: BoardType | None = None,
        fields: Sequence[Mapping[str, Any]] | None = None,
        team_ids: Sequence[str] | None = None,
        show_id: bool | None = None,
        category: str | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> BoardEnvelope:
        """POST /data-board/boards: create a board (type "General" unless given; without `fields` it has none).

        Arguments left at None are not sent. `type="DocumentAI"` with `fields=[{"name", "type", ...}]` creates a
        Document AI board with its extraction schema; field types are capitalised (`"ShortText"`, `"Number"`).
        The service drops `team_ids` on create: set them with `update`. Other body keys go in `extra`; for the old
        package's `create(name, **extra)` form, keyword arguments that are not per-call options go in the body too.

        Returns the reply as sent: `{"data": board}`.

        Example: `board = client.boards.create("Leads", fields=[{"name": "Name", "type": "ShortText"}])["data"]`
        """
        request_options, loose = split_extra(options)
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
        return await self._json(create_board.build_request(body=body), request_options)

    async def update(self, board_id: str, body: UpdateBoardBody, **options: Unpack[RequestOptions]) -> BoardEnvelope:
        """PATCH /data-board/boards/{board_id}: change the given keys (name, description, type, hidden, team_ids...).

        Returns the reply as sent: `{"data": board}`.

        Example: `client.boards.update("board_id", {"name": "Leads 2025"})`
        """
        return await self._json(update_board.build_request(board_id, body=dict(body)), options)

    async def delete(self, board_id: str, **options: Unpack[RequestOptions]) -> None:
        """DELETE /data-board/boards/{board_id}: delete a board and its items. Destructive. Returns None.

        Example: `client.boards.delete("board_id")`
        """
        await self._json(delete_board.build_request(board_id), options)

    async def reorder(self, body: ReorderBoardsBody, **options: Unpack[RequestOptions]) -> MessageResult:
        """POST /data-board/boards/reorder: set the display order of boards, `{"boardIds": [...]}`.

        The TS SDK's `{"order": [...]}` is sent as `boardIds` (the service rejects `order`).

        Example: `client.boards.reorder({"boardIds": ["b2", "b1"]})`
        """
        sent = {"boardIds": body["order"], **body} if "order" in body and "boardIds" not in body else dict(body)
        sent.pop("order", None)
        return await self._json(reorder_boards.build_request(body=sent), options)

    async def export_csv(
        self, board_id: str, params: ExportCsvQuery | None = None, **options: Unpack[RequestOptions]
    ) -> str:
        """GET /data-board/boards/{board_id}/export_csv: the board's items as CSV text.

        `params` is passed through as the query string (None values left out).

        Example: `csv_text = client.boards.export_csv("board_id")`
        """
        response = await self._response(with_query(export_csv.build_request(board_id), params), options)
        return response.text

    async def import_csv(
        self,
        board_id: str,
        body: ImportCsvBody | None = None,
        *,
        files: FilesArg | None = None,
        **options: Unpack[RequestOptions],
    ) -> ImportResult:
        """POST /data-board/boards/{board_id}/import_csv: import the rows of an uploaded CSV file as items.

        `body` is `{"fileUrl": <the url upload_board_file answered>, "mappings": [{"csvHeader", "boardFieldId",
        "boardFieldName"}, ...]}`; each mapping names a field by id and exact name, and the board's identifier field
        must be mapped. The old multipart form (`files=`) is refused before sending (the service answers it with a
        500): `import_file` uploads a local file and maps its columns for you.

        Returns `{"status": "success", "message", "results": {"total", "successful", "failed", "skipped"}}`.

        Example: `client.boards.import_csv("board_id", {"fileUrl": url, "mappings": mappings})`
        """
        kwargs = import_csv.build_request(board_id, body=import_body(body, files, "import_csv"))
        return await self._json(kwargs, options)

    async def import_excel(
        self,
        board_id: str,
        body: ImportExcelBody | None = None,
        *,
        files: FilesArg | None = None,
        **options: Unpack[RequestOptions],
    ) -> ImportResult:
        """POST /data-board/boards/{board_id}/import_excel: import the rows of an uploaded Excel workbook as items.

        `body` is as for `import_csv`, plus an optional `"sheetName"` (default the first sheet). The old multipart
        form (`files=`) is refused before sending. Poll `get_import_progress` for large files.

        Example: `client.boards.import_excel("board_id", {"fileUrl": url, "mappings": mappings, "sheetName": "Q1"})`
        """
        kwargs = import_excel.build_request(board_id, body=import_body(body, files, "import_excel"))
        return await self._json(kwargs, options)

    async def import_file(
        self,
        board_id: str,
        path: str | Path,
        mappings: Mapping[str, str] | None = None,
        *,
        sheet_name: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ImportResult:
        """POST /data-board/boards/_fileupload, then POST .../import_csv (or import_excel): import a local file.

        Uploads the CSV or Excel file at `path` (`upload_board_file`), then imports its rows with the JSON flow.

        `mappings` maps column headers to fields (by field name or id); without it, a CSV's columns are matched to
        the fields of the same name (an Excel file needs `mappings`). The board is read once to resolve the fields;
        a column that matches no field raises `ValueError` before anything is uploaded. `sheet_name` picks the
        Excel worksheet. Not retried as a whole: each request follows the client's retry rules.

        Example: `client.boards.import_file("board_id", "leads.csv")`
        """
        source = Path(path)
        excel = source.suffix.lower() in (".xlsx", ".xls")
        if mappings is None and excel:
            raise ValueError("import_file needs mappings={'<column>': '<field name or id>'} for an Excel file")
        index = field_index(await self.get(board_id, **options))
        column_mappings = mappings_for(mappings or csv_headers(source), index)
        file_url = (await self.upload_board_file(source, **options))["url"]
        if not excel:
            return await self.import_csv(board_id, {"mappings": column_mappings, "fileUrl": file_url}, **options)
        excel_body: ImportExcelBody = {"mappings": column_mappings, "fileUrl": file_url}
        if sheet_name:
            excel_body["sheetName"] = sheet_name
        return await self.import_excel(board_id, excel_body, **options)

    async def get_import_progress(self, board_id: str, **options: Unpack[RequestOptions]) -> ImportProgress:
        """GET /data-board/boards/{board_id}/import_progress: how far the current import has got.

        Example: `progress = client.boards.get_import_progress("board_id")`
        """
        return await self._json(get_import_progress.build_request(board_id), options)

    async def upload_board_file(self, files: FilesArg, **options: Unpack[RequestOptions]) -> BoardFileUploadResult:
        """POST /data-board/boards/_fileupload: upload a file for a board (multipart `file`); the reply has its `url`.

        `files` is a path, bytes, a file object or the doc's `{"file": open("rows.csv", "rb")}`; it is streamed, not
        read into memory. Pass the `url` as `fileUrl` to `import_csv`/`import_excel`.

        Example: `url = client.boards.upload_board_file("photo.png")["url"]`
        """
        with multipart_parts(files) as parts:
            return await self._json(upload_board_file.build_request(body=parts), options)

    async def upload_board_file_v2(
        self, files: FilesArg, **options: Unpack[RequestOptions]
    ) -> builtins.list[BoardUploadEntry]:
        """POST /data-board/boards/upload: upload up to 10 files for a board's attachment fields (newer route).

        `files` as for `upload_board_file`; a dict may hold several files. Returns one entry per file
        (`{"name", "extension", "url", "key", "error", ...}`); a refused file type has `error` set and no `url`.

        Example: `stored = client.boards.upload_board_file_v2(files={"file": open("a.pdf", "rb")})`
        """
        with multipart_parts(files) as parts:
            return await self._json(upload_board_file_v2.build_request(body=parts), options)

    # ---------------------------------------------------------------------------------------------------------------
    # Fields
    # ---------------------------------------------------------------------------------------------------------------

    async def create_field(
        self, board_id: str, body: CreateFieldBody, **options: Unpack[RequestOptions]
    ) -> BoardEnvelope:
        """POST /data-board/boards/{board_id}/fields: add a field (`{"name", "type", ...}`; body passed through).

        `type` is capitalised (`"ShortText"`, `"Number"`, `"Email"`, `"SingleSelection"`...; `"number"` is a 400);
        a duplicate name or a second `isUniqueIdentifier` field is a 400.

        Returns the reply as sent: the whole board, `{"data": board}` (the new field is in `["data"]["fields"]`).

        Example: `board = client.boards.create_field("board_id", {"name": "Email", "type": "Email"})["data"]`
        """
        self._fields.pop(board_id, None)
        return await self._json(create_field.build_request(board_id, body=dict(body)), options)

    async def update_field(
        self, board_id: str, field_id: str, body: UpdateFieldBody, **options: Unpack[RequestOptions]
    ) -> BoardEnvelope:
        """PATCH /data-board/boards/{board_id}/fields/{field_id}: change a field's name, type or options.

        Returns the reply as sent: the whole board, `{"data": board}`.

        Example: `client.boards.update_field("board_id", "field_id", {"name": "Work email"})`
        """
        self._fields.pop(board_id, None)
        return await self._json(update_field.build_request(board_id, field_id, body=dict(body)), options)

    async def delete_field(self, board_id: str, field_id: str, **options: Unpack[RequestOptions]) -> None:
        """DELETE /data-board/boards/{board_id}/fields/{field_id}: remove a field and its values. Returns None.

        Example: `client.boards.delete_field("board_id", "field_id")`
        """
        self._fields.pop(board_id, None)
        await self._json(delete_field.build_request(board_id, field_id), options)

    async def reorder_fields(
        self, board_id: str, body: ReorderFieldsBody, **options: Unpack[RequestOptions]
    ) -> BoardEnvelope:
        """POST /data-board/boards/{board_id}/fields/reorder: set the field order (body passed through).

        The ids go in `fieldIds` (or `fields`, the TS SDK's name). Returns the reply as sent: `{"data": board}`.

        Example: `client.boards.reorder_fields("board_id", {"fieldIds": ["f2", "f1"]})`
        """
        return await self._json(reorder_fields.build_request(board_id, body=dict(body)), options)

    async def bulk_update_fields(
        self, board_id: str, body: BulkUpdateFieldsBody, **options: Unpack[RequestOptions]
    ) -> BoardEnvelope:
        """PATCH /data-board/boards/{board_id}/fields/bulk: create or update many fields at once (`{"fields": [...]}`).

        Each entry needs `name` and `type`; with `field_id` it updates that field, without it creates one. Flags are
        snake_case (`is_unique_identifier`, `hidden_on_record`). Returns the reply as sent: `{"data": board}`.

        Example: `client.boards.bulk_update_fields("b1", {"fields": [{"name": "Score", "type": "Number"}]})`
        """
        self._fields.pop(board_id, None)
        return await self._json(bulk_update_fields.build_request(board_id, body=dict(body)), options)

    # ---------------------------------------------------------------------------------------------------------------
    # Items
    # ---------------------------------------------------------------------------------------------------------------

    async def list_items(
        self,
        board_id: str,
        limit: int = 20,
        skip: int = 0,
        *,
        filter: Mapping[str, Any] | None = None,
        sort: str | None = None,
        include_parent: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> BoardItemList:
        """GET /data-board/boards/{board_id}/items: one page of a board's items.

        `limit` (20; 0 is all, the service's maximum is 1000) and `skip` (0) page; `sort` is `"-created_at"` or
        `"fields.<field id>"` (comma-separated, `-` for descending); `include_parent=True` adds each item's parent.
        `filter` is a mapping, sent as JSON (a string is refused): the open-source service rejects every `filter`
        on this route with a 400, so filter with `search`. Walk every page with `iter_items`.

        Returns `{"data": [item, ...], "count": <matching items>, "skip", "limit", "totalPages"}`.

        Example: `items = client.boards.list_items("board_id", limit=100)["data"]`
        """
        kwargs = list_items.build_request(
            board_id, limit=limit, skip=skip, filter_=list_filter(filter), sort=sort, include_parent=include_parent
        )
        return await self._json(kwargs, options)

    async def iter_items(
        self,
        board_id: str,
        *,
        limit: int = _PAGE_SIZE,
        filter: Mapping[str, Any] | None = None,
        sort: str | None = None,
        include_parent: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncIterator[BoardItem]:
        """GET /data-board/boards/{board_id}/items, page after page: every item, fetching pages only when needed.

        `limit` is the page size, lowered to the service's 1000; the filters are those of `list_items`. Pages follow
        the reply's count of matching items.

        Example: `for item in client.boards.iter_items("board_id"): print(item["_id"])`
        """

        filters = {"filter": filter, "sort": sort, "include_parent": include_parent}
        first = ITEM_PAGES.first_params(limit)
        async for item in async_walk(self.list_items, ITEM_PAGES, first, board_id, **filters, **options):
            yield item

    async def get_item(self, board_id: str, item_id: str, **options: Unpack[RequestOptions]) -> BoardItemEnvelope:
        """GET /data-board/boards/{board_id}/items/{item_id}: one item with its field values, as `{"data": item}`.

        Example: `item = client.boards.get_item("board_id", "item_id")`
        """
        return await self._json(get_item.build_request(board_id, item_id), options)

    async def create_item(
        self, board_id: str, body: CreateItemBody, **options: Unpack[RequestOptions]
    ) -> BoardItemEnvelope:
        """POST /data-board/boards/{board_id}/items: create an item (`{"fields": {field id or name: value}}`).

        The service keys values by field id only (a name would be stored as an orphan key no field shows), so an
        object's keys are resolved here: field ids are kept, field names become their ids. The board's fields are
        read once per client and board (again when a key is unknown, or after this client changed the board's
        fields); a key that names no field raises `ValueError` before sending. The list form
        `[{"board_field_id", "value"}]` is sent as is, without a read.

        Returns the reply as sent: `{"data": item}`.

        Example: `item = client.boards.create_item("board_id", {"fields": {"Name": "Ada"}})["data"]`
        """
        sent = await self._with_field_ids(board_id, body, options)
        return await self._json(create_item.build_request(board_id, body=sent), options)

    async def update_item(
        self, board_id: str, item_id: str, body: UpdateItemBody, **options: Unpack[RequestOptions]
    ) -> BoardItemEnvelope:
        """PATCH /data-board/boards/{board_id}/items/{item_id}: change field values; fields not mentioned are kept.

        `body` is `{"fields": {field id or name: value}}` (names resolved as for `create_item`) or the legacy
        `{"data": [{"key": <field id>, "value": ...}]}`. Returns the reply as sent: `{"data": item}`.

        Example: `client.boards.update_item("board_id", "item_id", {"fields": {"Name": "Grace"}})`
        """
        sent = await self._with_field_ids(board_id, body, options)
        return await self._json(update_item.build_request(board_id, item_id, body=sent), options)

    async def _with_field_ids(self, board_id: str, body: Mapping[str, Any], options: RequestOptions) -> dict[str, Any]:
        """`body` with an object of `fields` keyed by field id (one cached board read), else as given."""
        fields = body.get("fields")
        if not isinstance(fields, Mapping) or not fields:
            return dict(body)
        cached = self._fields.get(board_id)
        mapped = None if cached is None else item_fields(fields, cached)
        if mapped is None:
            index = self._fields[board_id] = field_index(await self.get(board_id, **options))
            mapped = item_fields(fields, index)
            if mapped is None:
                raise unknown_fields_error(fields, index)
        return {**body, "fields": mapped}

    async def delete_item(self, board_id: str, item_id: str, **options: Unpack[RequestOptions]) -> None:
        """DELETE /data-board/boards/{board_id}/items/{item_id}: delete an item. Destructive. Returns None.

        Example: `client.boards.delete_item("board_id", "item_id")`
        """
        await self._json(delete_item.build_request(board_id, item_id), options)

    async def bulk_delete_items(
        self, board_id: str, body: BulkDeleteItemsBody, **options: Unpack[RequestOptions]
    ) -> BulkDeleteResult:
        """DELETE /data-board/boards/{board_id}/items/bulk-delete: delete many items (`{"ids": [...]}`, a JSON body).

        Every id must be an item of the board (else a 404, nothing deleted). Returns `{"message", "count"}`.

        Example: `client.boards.bulk_delete_items("board_id", {"ids": ["i1", "i2"]})`
        """
        return await self._json(bulk_delete_items.build_request(board_id, body=dict(body)), options)

    async def get_related_items(
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

        `link` ("true", the default: the linked items; "false": the candidates), `name`, `skip` and `limit` (20) are
        the service's filters (not sent when None).

        Returns the reply's `data` (the list of items); a bare list is returned as is.

        Example: `related = client.boards.get_related_items("board_id", "item_id", "other_board_id")`
        """
        kwargs = get_related_items.build_request(
            board_id, item_id, related_board_id, link=link, name=name, skip=skip, limit=limit
        )
        return reply_data(await self._json(kwargs, options))

    async def link_items(
        self,
        board_id: str,
        item_id: str,
        related_board_id: str,
        body: LinkItemsBody,
        **options: Unpack[RequestOptions],
    ) -> MessageResult:
        """POST /data-board/boards/{board_id}/items/{item_id}/related: link items of another board to an item.

        Sends `body` (`{"relatedItemIds": [...]}`, or `{"ids": [...]}`) with `relatedBoardId` set to
        `related_board_id`; every other key of `body` is sent too (the old package dropped them). Without item ids
        it raises `ValueError` before sending (the service's 400).

        Example: `client.boards.link_items("board_id", "item_id", "other_board_id", {"relatedItemIds": ["i9"]})`
        """
        kwargs = link_items.build_request(board_id, item_id, body=related_body(related_board_id, body))
        return await self._json(kwargs, options)

    async def unlink_items(
        self,
        board_id: str,
        item_id: str,
        related_board_id: str,
        body: UnlinkItemsBody,
        **options: Unpack[RequestOptions],
    ) -> MessageResult:
        """DELETE /data-board/boards/{board_id}/items/{item_id}/related: unlink related items (a JSON body).

        The body is built as for `link_items`: `relatedBoardId` from the argument, every key of `body` kept.

        Example: `client.boards.unlink_items("board_id", "item_id", "other_board_id", {"relatedItemIds": ["i9"]})`
        """
        kwargs = unlink_items.build_request(board_id, item_id, body=related_body(related_board_id, body))
        return await self._json(kwargs, options)

    # ---------------------------------------------------------------------------------------------------------------
    # Search and segments
    # ---------------------------------------------------------------------------------------------------------------

    async def search(
        self,
        board_id: str,
        q: str | None = None,
        limit: int = 100,
        offset: int = 0,
        *,
        filter: str | None = None,
        sort: str | Sequence[str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> BoardSearchResult:
        """POST /data-board/search/{board_id}: full-text search of a board's items.

        Sends `{"limit": 100, "offset": 0}` (the service allows 1 to 10000) plus `q` when not empty, `filter` (an
        expression) and `sort` (a list of rules such as `["created_at:desc"]`; one string is a list of one) when
        given.

        Returns the Meilisearch-style envelope `{"success", "message": {"hits", "estimatedTotalHits", ...}}`.

        Example: `hits = client.boards.search("board_id", "acme")["message"]["hits"]`
        """
        body: dict[str, Any] = {"limit": limit, "offset": offset}
        if q:
            body["q"] = q
        if filter is not None:
            body["filter"] = filter
        if sort is not None:
            body["sort"] = search_sort(sort)
        return await self._json(search_board_items.build_request(board_id, body=body), options)

    async def list_segments(self, board_id: str, **options: Unpack[RequestOptions]) -> SegmentList:
        """GET /data-board/boards/{board_id}/segmentation: a board's saved segments (item filters), as `{"data"}`.

        Example: `segments = client.boards.list_segments("board_id")`
        """
        return await self._json(list_segments.build_request(board_id), options)

    async def create_segment(
        self, board_id: str, body: CreateSegmentBody, **options: Unpack[RequestOptions]
    ) -> Segment:
        """POST /data-board/boards/{board_id}/segmentation: save a segment (`{"name", "description", "filters"}`).

        Other keys are dropped by the service. Returns the segment (the bare row).

        Example: `client.boards.create_segment("board_id", {"name": "VIP", "filters": [...]})`
        """
        return await self._json(create_segment.build_request(board_id, body=dict(body)), options)

    async def update_segment(
        self, board_id: str, segment_id: str, body: UpdateSegmentBody, **options: Unpack[RequestOptions]
    ) -> Segment:
        """PUT /data-board/boards/{board_id}/segmentation/{segment_id}: replace a segment's name, description, filters.

        PUT, as the data-board service declares it (the old package sent PATCH).

        Example: `client.boards.update_segment("board_id", "segment_id", {"name": "VIP 2025"})`
        """
        return await self._json(update_segment.build_request(board_id, segment_id, body=dict(body)), options)

    async def delete_segment(self, board_id: str, segment_id: str, **options: Unpack[RequestOptions]) -> None:
        """DELETE /data-board/boards/{board_id}/segmentation/{segment_id}: delete a segment. Returns None.

        Example: `client.boards.delete_segment("board_id", "segment_id")`
        """
        await self._json(delete_segment.build_request(board_id, segment_id), options)

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

    # ---------------------------------------------------------------------------------------------------------------
    # External drives (drive_type: "onedrive", "google-drive", ...; encoded as one path segment)
    # ---------------------------------------------------------------------------------------------------------------

    async def initiate_drive_auth(
        self, drive_type: str, *, session_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> DriveAuthInitiation:
        """GET /data-board/auth/{drive_type}/initiate: start connecting a drive; the reply has the URL to open.

        `session_id` (sent as `sessionId`) is required by the service. Returns `{"success", "message", "data":
        {"auth_url", "session_id"}}`.

        Example: `url = client.boards.initiate_drive_auth("onedrive", session_id="s-1")["data"]["auth_url"]`
        """
        return await self._json(initiate_drive_auth.build_request(drive_type, session_id=session_id), options)

    async def list_drive_folders(
        self, drive_type: str, params: Mapping[str, Any] | None = None, **options: Unpack[RequestOptions]
    ) -> DriveListing:
        """GET /data-board/{drive_type}/folders: folders of a connected drive.

        `params` is passed through as the query string (None values left out); the service's names are camelCase.

        Example: `folders = client.boards.list_drive_folders("onedrive", {"sessionId": "s-1", "parentId": "root"})`
        """
        kwargs = with_query(list_drive_folders.build_request(drive_type), params)
        return await self._json(kwargs, options)

    async def list_drive_files(
        self, drive_type: str, params: Mapping[str, Any] | None = None, **options: Unpack[RequestOptions]
    ) -> DriveListing:
        """GET /data-board/{drive_type}/files: files of a connected drive.

        `params` is passed through as the query string (None values left out); the service's names are camelCase.

        Example: `files = client.boards.list_drive_files("onedrive", {"sessionId": "s-1", "folderId": "abc"})`
        """
        kwargs = with_query(list_drive_files.build_request(drive_type), params)
        return await self._json(kwargs, options)

    async def download_drive_file(
        self, drive_type: str, params: Mapping[str, Any] | None = None, **options: Unpack[RequestOptions]
    ) -> httpx.Response:
        """GET /data-board/{drive_type}/files/download: a drive file's bytes, as the read `httpx.Response`.

        `params` (passed through as the query string) says which file. For large files use
        `download_drive_file_to`.

        Example: `data = client.boards.download_drive_file("onedrive", {"sessionId": "s-1", "fileId": "abc"}).content`
        """
        kwargs = with_query(download_drive_file.build_request(drive_type), params)
        return await self._response(kwargs, options)

    async def download_drive_file_to(
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
        return await self._download(kwargs, path, options)

    async def get_onedrive_session_status(self, **options: Unpack[RequestOptions]) -> DriveSessionStatus:
        """GET /data-board/auth/onedrive/files/session/status: whether the OneDrive picker session is active.

        Example: `status = client.boards.get_onedrive_session_status()`
        """
        return await self._json(get_onedrive_session_status.build_request(), options)
