# Generated from src/imbrace/_async/resources/boards/core.py by codegen/unasync.py: edit that file.
"""Boards and their fields: list, create, update, reorder, import and export; field definitions."""

from __future__ import annotations

import builtins
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from typing_extensions import Unpack

from ...._boards import (
    BOARD_PAGES,
    board_types,
    csv_headers,
    field_index,
    import_body,
    mappings_for,
    split_extra,
    with_query,
)
from ...._files import FilesArg, multipart_parts
from ...._generated.gateway.api.boards import (
    bulk_update_fields,
    create_board,
    create_field,
    delete_board,
    delete_field,
    export_csv,
    get_board,
    get_import_progress,
    import_csv,
    import_excel,
    list_boards,
    reorder_boards,
    reorder_fields,
    update_board,
    update_field,
    upload_board_file,
    upload_board_file_v2,
)
from ...._types import RequestOptions
from ...pagination import sync_walk
from .._resource import Resource

if TYPE_CHECKING:
    from ...._generated.gateway.params import (
        BulkUpdateFieldsBody,
        CreateFieldBody,
        ExportCsvQuery,
        ImportCsvBody,
        ImportExcelBody,
        ReorderBoardsBody,
        ReorderFieldsBody,
        UpdateBoardBody,
        UpdateFieldBody,
    )
    from ...._generated.gateway.shapes import (
        Board,
        BoardEnvelope,
        BoardFileUploadResult,
        BoardList,
        BoardType,
        BoardUploadEntry,
        ImportProgress,
        ImportResult,
        MessageResult,
    )
    from ...client import ImbraceClient
from ._shared import _PAGE_SIZE

__all__ = ["BoardsCore"]


class BoardsCore(Resource):
    """Data boards, fields, items, segments, search, Knowledge Hub folders and files, drives."""

    _service = "data_board"

    def __init__(self, client: ImbraceClient) -> None:
        super().__init__(client)
        self._fields: dict[str, dict[str, str]] = {}

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
        return self._json(kwargs, options)

    def iter_boards(
        self,
        *,
        limit: int = _PAGE_SIZE,
        search: str | None = None,
        hidden: bool | None = None,
        category_id: str | None = None,
        sort: str | None = None,
        types: str | Sequence[str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Iterator[Board]:
        """GET /data-board/boards, page after page: every board, fetching the next page only when needed.

        `limit` is the page size, lowered to the service's 500; the filters are those of `list`. Pages follow the
        reply's `total`, so a page the service shortened is not taken for the last.

        Example: `for board in client.boards.iter_boards(): print(board["name"])`
        """

        filters = {"search": search, "hidden": hidden, "category_id": category_id, "sort": sort, "types": types}
        for board in sync_walk(self.list, BOARD_PAGES, BOARD_PAGES.first_params(limit), **filters, **options):
            yield board

    def get(self, board_id: str, **options: Unpack[RequestOptions]) -> BoardEnvelope:
        """GET /data-board/boards/{board_id}: one board with its field definitions.

        Returns the reply as sent: `{"data": board}`.

        Example: `board = client.boards.get("board_id")`
        """
        return self._json(get_board.build_request(board_id), options)

    def create(
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
        return self._json(create_board.build_request(body=body), request_options)

    def update(self, board_id: str, body: UpdateBoardBody, **options: Unpack[RequestOptions]) -> BoardEnvelope:
        """PATCH /data-board/boards/{board_id}: change the given keys (name, description, type, hidden, team_ids...).

        Returns the reply as sent: `{"data": board}`.

        Example: `client.boards.update("board_id", {"name": "Leads 2025"})`
        """
        return self._json(update_board.build_request(board_id, body=dict(body)), options)

    def delete(self, board_id: str, **options: Unpack[RequestOptions]) -> None:
        """DELETE /data-board/boards/{board_id}: delete a board and its items. Destructive. Returns None.

        Example: `client.boards.delete("board_id")`
        """
        self._json(delete_board.build_request(board_id), options)

    def reorder(self, body: ReorderBoardsBody, **options: Unpack[RequestOptions]) -> MessageResult:
        """POST /data-board/boards/reorder: set the display order of boards, `{"boardIds": [...]}`.

        The TS SDK's `{"order": [...]}` is sent as `boardIds` (the service rejects `order`).

        Example: `client.boards.reorder({"boardIds": ["b2", "b1"]})`
        """
        sent = {"boardIds": body["order"], **body} if "order" in body and "boardIds" not in body else dict(body)
        sent.pop("order", None)
        return self._json(reorder_boards.build_request(body=sent), options)

    def export_csv(self, board_id: str, params: ExportCsvQuery | None = None, **options: Unpack[RequestOptions]) -> str:
        """GET /data-board/boards/{board_id}/export_csv: the board's items as CSV text.

        `params` is passed through as the query string (None values left out).

        Example: `csv_text = client.boards.export_csv("board_id")`
        """
        response = self._response(with_query(export_csv.build_request(board_id), params), options)
        return response.text

    def import_csv(
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
        return self._json(kwargs, options)

    def import_excel(
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
        return self._json(kwargs, options)

    def import_file(
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
        index = field_index(self.get(board_id, **options))
        column_mappings = mappings_for(mappings or csv_headers(source), index)
        file_url = (self.upload_board_file(source, **options))["url"]
        if not excel:
            return self.import_csv(board_id, {"mappings": column_mappings, "fileUrl": file_url}, **options)
        excel_body: ImportExcelBody = {"mappings": column_mappings, "fileUrl": file_url}
        if sheet_name:
            excel_body["sheetName"] = sheet_name
        return self.import_excel(board_id, excel_body, **options)

    def get_import_progress(self, board_id: str, **options: Unpack[RequestOptions]) -> ImportProgress:
        """GET /data-board/boards/{board_id}/import_progress: how far the current import has got.

        Example: `progress = client.boards.get_import_progress("board_id")`
        """
        return self._json(get_import_progress.build_request(board_id), options)

    def upload_board_file(self, files: FilesArg, **options: Unpack[RequestOptions]) -> BoardFileUploadResult:
        """POST /data-board/boards/_fileupload: upload a file for a board (multipart `file`); the reply has its `url`.

        `files` is a path, bytes, a file object or the doc's `{"file": open("rows.csv", "rb")}`; it is streamed, not
        read into memory. Pass the `url` as `fileUrl` to `import_csv`/`import_excel`.

        Example: `url = client.boards.upload_board_file("photo.png")["url"]`
        """
        with multipart_parts(files) as parts:
            return self._json(upload_board_file.build_request(body=parts), options)

    def upload_board_file_v2(
        self, files: FilesArg, **options: Unpack[RequestOptions]
    ) -> builtins.list[BoardUploadEntry]:
        """POST /data-board/boards/upload: upload up to 10 files for a board's attachment fields (newer route).

        `files` as for `upload_board_file`; a dict may hold several files. Returns one entry per file
        (`{"name", "extension", "url", "key", "error", ...}`); a refused file type has `error` set and no `url`.

        Example: `stored = client.boards.upload_board_file_v2(files={"file": open("a.pdf", "rb")})`
        """
        with multipart_parts(files) as parts:
            return self._json(upload_board_file_v2.build_request(body=parts), options)

    # ---------------------------------------------------------------------------------------------------------------
    # Fields
    # ---------------------------------------------------------------------------------------------------------------

    def create_field(self, board_id: str, body: CreateFieldBody, **options: Unpack[RequestOptions]) -> BoardEnvelope:
        """POST /data-board/boards/{board_id}/fields: add a field (`{"name", "type", ...}`; body passed through).

        `type` is capitalised (`"ShortText"`, `"Number"`, `"Email"`, `"SingleSelection"`...; `"number"` is a 400);
        a duplicate name or a second `isUniqueIdentifier` field is a 400.

        Returns the reply as sent: the whole board, `{"data": board}` (the new field is in `["data"]["fields"]`).

        Example: `board = client.boards.create_field("board_id", {"name": "Email", "type": "Email"})["data"]`
        """
        self._fields.pop(board_id, None)
        return self._json(create_field.build_request(board_id, body=dict(body)), options)

    def update_field(
        self, board_id: str, field_id: str, body: UpdateFieldBody, **options: Unpack[RequestOptions]
    ) -> BoardEnvelope:
        """PATCH /data-board/boards/{board_id}/fields/{field_id}: change a field's name, type or options.

        Returns the reply as sent: the whole board, `{"data": board}`.

        Example: `client.boards.update_field("board_id", "field_id", {"name": "Work email"})`
        """
        self._fields.pop(board_id, None)
        return self._json(update_field.build_request(board_id, field_id, body=dict(body)), options)

    def delete_field(self, board_id: str, field_id: str, **options: Unpack[RequestOptions]) -> None:
        """DELETE /data-board/boards/{board_id}/fields/{field_id}: remove a field and its values. Returns None.

        Example: `client.boards.delete_field("board_id", "field_id")`
        """
        self._fields.pop(board_id, None)
        self._json(delete_field.build_request(board_id, field_id), options)

    def reorder_fields(
        self, board_id: str, body: ReorderFieldsBody, **options: Unpack[RequestOptions]
    ) -> BoardEnvelope:
        """POST /data-board/boards/{board_id}/fields/reorder: set the field order (body passed through).

        The ids go in `fieldIds` (or `fields`, the TS SDK's name). Returns the reply as sent: `{"data": board}`.

        Example: `client.boards.reorder_fields("board_id", {"fieldIds": ["f2", "f1"]})`
        """
        return self._json(reorder_fields.build_request(board_id, body=dict(body)), options)

    def bulk_update_fields(
        self, board_id: str, body: BulkUpdateFieldsBody, **options: Unpack[RequestOptions]
    ) -> BoardEnvelope:
        """PATCH /data-board/boards/{board_id}/fields/bulk: create or update many fields at once (`{"fields": [...]}`).

        Each entry needs `name` and `type`; with `field_id` it updates that field, without it creates one. Flags are
        snake_case (`is_unique_identifier`, `hidden_on_record`). Returns the reply as sent: `{"data": board}`.

        Example: `client.boards.bulk_update_fields("b1", {"fields": [{"name": "Score", "type": "Number"}]})`
        """
        self._fields.pop(board_id, None)
        return self._json(bulk_update_fields.build_request(board_id, body=dict(body)), options)
