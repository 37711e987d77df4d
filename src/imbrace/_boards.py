"""What the data-board service accepts, as pure checks and mappings shared by both clients' `boards`/`folders`.

Each function turns a caller's input into the body or query the service takes (see openapi/gateway.yaml), or raises
`ValueError` with the accepted shape before anything is sent.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ._call_shape import with_query
from ._pagination import OffsetPages
from ._types import RequestOptions

if TYPE_CHECKING:
    from ._files import FilesArg
    from ._generated.gateway.shapes import ImportMapping

__all__ = [
    "form_fields",
    "ids_body",
    "related_body",
    "reply_data",
    "reply_folder",
    "split_extra",
    "with_query",
    "BOARD_PAGES",
    "FOLDER_FILE_PAGES",
    "ITEM_PAGES",
    "board_types",
    "csv_headers",
    "field_index",
    "folder_create_body",
    "import_body",
    "item_fields",
    "list_filter",
    "mappings_for",
    "search_sort",
    "unknown_fields_error",
]

# The service serves at most 500 boards (a larger limit silently becomes 100) and 1000 items (above is a 400) a page.
BOARD_PAGES = OffsetPages(items_path=("data",), cap=500)
ITEM_PAGES = OffsetPages(items_path=("data",), cap=1000, total_paths=(("total",), ("count",)))
FOLDER_FILE_PAGES = OffsetPages(items_path=("data", "files"), total_paths=(("data", "pagination", "file_count"),))

# Folder creation: the service needs both, and reads the organization from the body (NOT NULL in its database).
FOLDER_DEFAULTS: Mapping[str, str] = {"source_type": "upload", "parent_folder_id": "root"}


def board_types(types: str | Sequence[str] | None) -> list[str] | None:
    """The `types` filter as the repeated parameter the service takes; "A,B" (the old comma form) is two types."""
    if types is None:
        return None
    values = types.split(",") if isinstance(types, str) else list(types)
    return [value.strip() for value in values if value.strip()]


def list_filter(filter: Mapping[str, Any] | None) -> str | None:
    """list_items' `filter`: an object, sent as JSON text; a string expression is refused (the service's 400)."""
    if filter is None:
        return None
    if not isinstance(filter, Mapping):
        raise ValueError(
            "list_items(filter=...) takes a mapping such as {'status': 'open'}; the service rejects a filter string "
            "(for filter expressions use boards.search(board_id, filter='status = open'))"
        )
    return json.dumps(dict(filter), separators=(",", ":"))


def search_sort(sort: str | Sequence[str] | None) -> list[str] | None:
    """search's `sort` as the list of rules the service takes; one rule string is a list of one."""
    if sort is None:
        return None
    return [sort] if isinstance(sort, str) else list(sort)


def folder_create_body(body: Mapping[str, Any], organization_id: str | None) -> dict[str, Any]:
    """A folder creation body: the defaults, the organization, then the caller's keys (which win)."""
    created = {**FOLDER_DEFAULTS, **({"organization_id": organization_id} if organization_id else {}), **body}
    if not created.get("organization_id"):
        raise ValueError(
            "creating a folder needs organization_id: the data-board service reads it from the body. Set "
            "organization_id on the client or pass {'name': ..., 'organization_id': ...}"
        )
    return created


def field_index(board: Any) -> dict[str, str]:
    """Field id by field id and by field name, from a board reply (`{data: board}` or the board)."""
    found = board.get("data", board) if isinstance(board, Mapping) else {}
    index: dict[str, str] = {}
    for field in found.get("fields") or []:
        field_id = field.get("_id") or field.get("id")
        if field_id:
            index.setdefault(str(field.get("name")), field_id)
            index[field_id] = field_id
    return index


def item_fields(fields: Mapping[str, Any], index: Mapping[str, str]) -> dict[str, Any] | None:
    """`fields` keyed by field id, names mapped through `index`; None when a key names no field of the board."""
    if any(key not in index for key in fields):
        return None
    return {index[key]: value for key, value in fields.items()}


def unknown_fields_error(fields: Mapping[str, Any], index: Mapping[str, str]) -> ValueError:
    unknown = sorted(key for key in fields if key not in index)
    names = sorted({name for name, field_id in index.items() if name != field_id})
    return ValueError(
        f"item fields {unknown} name no field of the board (its fields: {names}); the service would store them as "
        "orphan keys. Key fields by field id or by exact field name, e.g. {'fields': {'<field id>': 'Ada'}}"
    )


def import_body(body: Mapping[str, Any] | None, files: object, method: str) -> dict[str, Any]:
    """The JSON body of an import, checked: the service takes `{fileUrl, mappings}`, not a multipart upload."""
    if files is not None or body is None or "fileUrl" not in body or not body.get("mappings"):
        raise ValueError(
            f"boards.{method} sends JSON {{'fileUrl': <url from boards.upload_board_file>, 'mappings': "
            "[{'csvHeader', 'boardFieldId', 'boardFieldName'}, ...]}; the service rejects a multipart upload. "
            "To import a local file, call boards.import_file(board_id, path)"
        )
    return dict(body)


def csv_headers(path: Path) -> list[str]:
    """The header row of a local CSV file (the first line only is read)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        first = handle.readline()
    return [header.strip() for header in next(csv.reader(io.StringIO(first)), []) if header.strip()]


def mappings_for(columns: Mapping[str, str] | Sequence[str], index: Mapping[str, str]) -> list[ImportMapping]:
    """Import mappings (the service checks each field's id and exact name) from column -> field id or name, or
    from column names that are field names. A column that matches no field raises."""
    names = {field_id: name for name, field_id in index.items() if name != field_id}
    pairs = columns.items() if isinstance(columns, Mapping) else [(column, column) for column in columns]
    missing = [column for column, field in pairs if field not in index]
    if missing:
        raise ValueError(
            f"columns {missing} match no field of the board (its fields: {sorted(set(names.values()))}); pass "
            "mappings={'<column>': '<field name or id>'} for them"
        )
    return [
        {"csvHeader": column, "boardFieldId": index[field], "boardFieldName": names[index[field]]}
        for column, field in pairs
    ]


_OPTION_NAMES = frozenset(RequestOptions.__annotations__)


def reply_data(reply: Any) -> Any:
    """The reply's `data` when it is an object holding one (the Knowledge Hub envelope), else the reply itself."""
    if isinstance(reply, Mapping) and "data" in reply:
        return reply["data"]
    return reply


def reply_folder(reply: Any) -> Any:
    """`data.folder`, else `data`, else the reply: what the old `boards.get_folder` returned."""
    data = reply_data(reply)
    if isinstance(data, Mapping) and "folder" in data:
        return data["folder"]
    return data


def split_extra(options: RequestOptions) -> tuple[RequestOptions, dict[str, Any]]:
    """Per-call options apart from the other keyword arguments (the old `create(**extra)` body keys)."""
    known = {name: value for name, value in options.items() if name in _OPTION_NAMES}
    extra = {name: value for name, value in options.items() if name not in _OPTION_NAMES}
    return cast(RequestOptions, known), extra


def form_fields(files: FilesArg) -> tuple[FilesArg, dict[str, Any]]:
    """Split the old SDK's form fields, passed as `(None, "value")` entries of the `files` dict, from the files."""
    if not isinstance(files, Mapping):
        return files, {}
    fields: dict[str, Any] = {}
    for name, value in files.items():
        if isinstance(value, tuple) and len(value) == 2 and value[0] is None and isinstance(value[1], str):
            fields[name] = value[1]
    return {name: value for name, value in files.items() if name not in fields}, fields


def related_body(related_board_id: str, body: Mapping[str, Any]) -> dict[str, Any]:
    """The body of link/unlink: every key of `body` and `relatedBoardId` from the argument; item ids required."""
    if not (body.get("relatedItemIds") or body.get("ids")):
        raise ValueError("link_items/unlink_items need item ids: {'relatedItemIds': ['<item id>', ...]}")
    return {**body, "relatedBoardId": related_board_id}


def ids_body(ids: str | Sequence[str]) -> dict[str, list[str]]:
    """`{"ids": [...]}` for the delete routes; a single id string counts as one id (not as its characters)."""
    return {"ids": [ids] if isinstance(ids, str) else list(ids)}
