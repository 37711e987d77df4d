"""Parquet files generated from rows, as the service's local storage reports them (no file is written)."""

from __future__ import annotations

import json
from typing import Any

from ..errors import HttpError
from ..ids import now_iso, today_compact
from ..store import Doc
from .base import Ctx, operation

PARQUET = "parquet_files"
_BASE_PATH = "/data/parquet"


def _column(name: str) -> dict[str, Any]:
    return {"column_name": name, "column_type": "VARCHAR", "null": "YES", "key": None, "default": None, "extra": None}


@operation("generate_parquet")
def generate_parquet(ctx: Ctx) -> Doc:
    body = ctx.json
    rows: list[dict[str, Any]] = body["data"]
    folder = body.get("folderName") or "default"
    name = f"{today_compact()}_{body.get('fileName') or 'data'}"
    size = len(json.dumps(rows).encode())
    now = now_iso()
    record = {
        "fileName": name,
        "folderName": folder,
        "filePath": f"{_BASE_PATH}/{folder}/{name}.parquet",
        "size": size,
        "sizeFormatted": f"{size / 1024:.2f} KB",
        "createdAt": now,
        "modifiedAt": now,
    }
    ctx.store.put(PARQUET, f"{folder}/{name}", record)
    return {
        "success": True,
        "message": "Parquet file generated",
        "storageType": "local",
        "localPath": record["filePath"],
        "folderName": folder,
        "recordCount": len(rows),
        "schema": [_column(column) for column in rows[0]],
        "fileName": name,
    }


@operation("list_parquet_files")
def list_parquet_files(ctx: Ctx) -> Doc:
    folder = ctx.query("folderName")
    files = ctx.store.all(PARQUET, lambda d: folder is None or d["folderName"] == folder)
    return {"success": True, "storageType": "local", "basePath": _BASE_PATH, "count": len(files), "files": files}


@operation("delete_parquet_file")
def delete_parquet_file(ctx: Ctx) -> Doc:
    """Finds the file by its stored name or the name it was generated from, with or without folder and extension
    (the documentation passes `exports/users.parquet`; the service wants `users` and `folderName=exports`)."""
    requested = ctx.path["file_name"].removesuffix(".parquet")
    folder, _, name = requested.rpartition("/")
    folder = ctx.query("folderName") or folder
    for key, record in ctx.store.keyed(PARQUET):
        stored = record["fileName"]
        if (not folder or record["folderName"] == folder) and (stored == name or stored.endswith(f"_{name}")):
            ctx.store.delete(PARQUET, key)
            path = record["filePath"]
            return {
                "success": True,
                "message": "File deleted",
                "storageType": "local",
                "fileName": stored,
                "localPath": path,
            }
    raise HttpError(404, f"Parquet file not found: {ctx.path['file_name']}")
