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
from typing import TYPE_CHECKING, Any

from ._pagination import OffsetPages

if TYPE_CHECKING:
    from ._generated.gateway.shapes import ImportMapping

__all__ = [
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
