"""Error replies of the data-board service, whose body (and sometimes status) depends on the route group.

The service validates boards, fields, items and search with zod (`{success: false, error: {name: "ZodError",
message: "<issues as JSON>"}}`); its board and item handlers answer `{error}`; folder and file handlers
`{success: false, message, data: null}`; imports `{status: "error", message}`; the CRM board automations (the old
IPS service's shapes) `{message}`, with no validator before them; an error nothing caught (a database constraint)
`{success: false, error: {message}}` with a 500; an unknown route is Hono's text/plain "404 Not Found".

Handlers raise `DataBoardError` with an explicit shape. Everything else reaches here as a plain `HttpError`: the spec
validator's rejections (messages starting with its prefixes) and the lookups' 404s, dressed by route.
"""

from __future__ import annotations

import json
import re
from typing import Any, Literal

from starlette.responses import JSONResponse, PlainTextResponse, Response

from .errors import HttpError

__all__ = ["DataBoardError", "data_board_response", "zod_issue"]

Shape = Literal["zod", "handler", "folder", "import", "uncaught", "message"]

_VALIDATION = ("Request body validation error", "Query parameter", "Missing required query parameter")
_IMPORTS = re.compile(r"^/data-board/boards/[^/]+/(import_csv|import_excel)$")
_IMPORT_REQUIRED = "fileUrl and mappings are required"
_KNOWLEDGE = ("/data-board/folders", "/data-board/files")
_CRMBOARD = "/data-board/v1/crmboard"
_CRMBOARD_UPDATE = re.compile(r"^/data-board/v1/crmboard/board/[^/]+$")
# Routes without a validator: a body the spec rejects fails in the database insert instead.
_RAW_INSERTS = {("POST", "/data-board/folders"), ("POST", "/data-board/files")}
# Rejections the handlers word themselves, by route, for the validator's equivalent failure.
_FOLDER_MESSAGES = {
    ("POST", "/data-board/folders/delete"): "ids array is required and must not be empty",
    ("POST", "/data-board/files/delete"): "ids array is required and must not be empty",
    ("POST", "/data-board/files/upload"): "folder_id is required",
}
_MISSING = re.compile(r"^'([^']+)' is a required property$")
_DETAIL = re.compile(r"^(\w+)((?:\.[\w$-]+|\[\d+\])*): (.*)$", re.S)


class DataBoardError(HttpError):
    """A data-board failure in an explicit shape; `extra` keys join the body (e.g. `invalidMappings`)."""

    def __init__(self, status: int, message: str, shape: Shape, **extra: Any) -> None:
        super().__init__(status, message)
        self.shape: Shape = shape
        self.extra = extra


def zod_issue(message: str, path: list[str | int] | None = None, code: str = "custom") -> DataBoardError:
    """A 400 ZodError with one issue, as zod reports a failed check."""
    issue = {"code": code, "path": path or [], "message": message}
    return DataBoardError(400, json.dumps([issue], indent=2), "zod")


def data_board_response(method: str, path: str, error: HttpError) -> Response:
    """The reply the data-board service sends for this failure of `method path`."""
    if isinstance(error, DataBoardError):
        return _reply(error.status, error.shape, error.message, error.extra, error.headers)
    message, status = error.message, error.status
    if status == 404 and message.startswith("Cannot "):
        return PlainTextResponse("404 Not Found", status_code=404)
    validation = message.startswith(_VALIDATION)
    if validation and (method, path) in _RAW_INSERTS:
        return _reply(500, "uncaught", f"null value violates not-null constraint ({message})", {}, error.headers)
    if _IMPORTS.match(path):
        if validation:
            mismatch = "content type" in message
            status, message = (500, "Unexpected end of JSON input") if mismatch else (400, _IMPORT_REQUIRED)
        return _reply(status, "import", message, {}, error.headers)
    if path.startswith(_CRMBOARD):
        if validation and method == "PUT" and _CRMBOARD_UPDATE.match(path):
            status, message = 404, "BoardID is invalid or missing"
        return _reply(status, "message", message, {}, error.headers)
    if path.startswith(_KNOWLEDGE):
        if validation:
            message = _FOLDER_MESSAGES.get((method, path), message)
        return _reply(status, "folder", message, {}, error.headers)
    if validation:
        return _reply(400, "zod", _zod_message(message), {}, error.headers)
    return _reply(status, "handler", message, {}, error.headers)


def _reply(status: int, shape: Shape, message: str, extra: dict[str, Any], headers: dict[str, str]) -> Response:
    body: dict[str, Any]
    if shape == "zod":
        body = {"success": False, "error": {"name": "ZodError", "message": message}}
    elif shape == "folder":
        body = {"success": False, "message": message, "data": None}
    elif shape == "import":
        body = {"status": "error", "message": message}
    elif shape == "uncaught":
        body = {"success": False, "error": {"message": message}}
    elif shape == "message":
        body = {"message": message}
    else:
        body = {"error": message}
    return JSONResponse({**body, **extra}, status_code=status, headers=headers)


def _zod_message(message: str) -> str:
    """The validator's "<prefix>: body.a[0]: detail; ..." as zod's JSON list of issues."""
    _, _, details = message.partition(": ")
    issues = []
    for detail in details.split("; "):
        match = _DETAIL.match(detail)
        path: list[str | int] = []
        if match:
            steps = re.findall(r"\.([\w$-]+)|\[(\d+)\]", match.group(2))
            path = [int(index) if index else name for name, index in steps]
            path = path if match.group(1) == "body" else [match.group(1), *path]
            detail = match.group(3)
            missing = _MISSING.match(detail)
            path += [missing.group(1)] if missing else []
        issues.append({"code": "invalid_type", "path": path, "message": detail})
    return json.dumps(issues, indent=2)
