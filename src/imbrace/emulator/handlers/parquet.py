"""Parquet files generated from rows, as the service's local storage reports them (no file is written).

As `controllers/parquetController.ts` of imbraceltd/ai-agent with local storage: a file is stored as
`YYYYMMDD_<fileName>` in `<base>/<folderName>/`, and is deleted by that stored name and its folder (404
`{error, fileName, localPath}` for any other name).
"""

from __future__ import annotations

import json
from typing import Any

from starlette.responses import JSONResponse

from ..ids import now_iso, today_compact
from ..store import Doc
from .base import Ctx, operation

PARQUET = "parquet_files"
_BASE_PATH = "/srv/ai-agent/files/embedding"


def _column(name: str) -> dict[str, Any]:
    return {"column_name": name, "column_type": "VARCHAR", "null": "YES", "key": None, "default": None, "extra": None}


def _local_path(folder: str | None, name: str) -> str:
    return "/".join(part for part in (_BASE_PATH, folder, f"{name}.parquet") if part)


@operation("generate_parquet")
def generate_parquet(ctx: Ctx) -> Doc:
    body = ctx.json
    rows: list[dict[str, Any]] = body["data"]
    folder = body.get("folderName") or None
    name = f"{today_compact()}_{body.get('fileName') or 'data'}"
    size = len(json.dumps(rows).encode())
    now, path = now_iso(), _local_path(folder, name)
    record = {
        "fileName": name,
        "folderName": folder or "",
        "filePath": path,
        "size": size,
        "sizeFormatted": f"{size / 1024:.2f} KB",
        "createdAt": now,
        "modifiedAt": now,
    }
    ctx.store.put(PARQUET, path, record)
    return {
        "success": True,
        "message": "Parquet file generated and saved to local successfully",
        "storageType": "local",
        "localPath": path,
        **({"folderName": folder} if folder else {}),
        "recordCount": len(rows),
        "schema": [_column(column) for column in rows[0]],
        "fileName": name,
    }


@operation("list_parquet_files")
def list_parquet_files(ctx: Ctx) -> Doc:
    folder = ctx.query("folderName")
    files = ctx.store.all(PARQUET, lambda d: folder is None or d["folderName"] == folder)
    base = _BASE_PATH if folder is None else f"{_BASE_PATH}/{folder}"
    return {"success": True, "storageType": "local", "basePath": base, "count": len(files), "files": files}


@operation("delete_parquet_file")
def delete_parquet_file(ctx: Ctx) -> Doc | JSONResponse:
    name = ctx.path["file_name"]
    path = _local_path(ctx.query("folderName"), name)
    if ctx.store.delete(PARQUET, path) is None:
        return JSONResponse({"error": "File not found", "fileName": name, "localPath": path}, status_code=404)
    message = "Parquet file deleted successfully"
    return {"success": True, "message": message, "storageType": "local", "fileName": name, "localPath": path}
