"""Errors in the platform's shapes, which differ by route group (see the `Error` schemas of both specs)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from starlette.responses import JSONResponse, Response

from .agent_errors import agent_error_body
from .fastapi_errors import AI_PREFIXES, fastapi_response

__all__ = ["HttpError", "error_body", "error_response"]


class HttpError(Exception):
    """A failure a handler reports; the app turns it into the error body of the route's group.

    `code` is the chat-client `<type>:<surface>` code (e.g. `not_found:chat`); other groups ignore it. On the AI
    service, `detail` (when not None) is the body's `detail` in place of the message, and `schema_errors` (the
    jsonschema errors of a request that breaks the spec) make a FastAPI 422.
    """

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: str | None = None,
        headers: dict[str, str] | None = None,
        detail: Any = None,
        schema_errors: Sequence[Any] = (),
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
        self.headers = headers or {}
        self.detail = detail
        self.schema_errors = schema_errors


def error_body(method: str, path: str, error: HttpError) -> dict[str, Any]:
    """The body the real service of `path` sends for this error (all keys optional in the specs' `Error`)."""
    status, message = error.status, error.message
    if path.startswith("/ai-agent/"):
        return agent_error_body(method, path, error)
    return {"success": False, "statusCode": status, "message": message}


def error_response(method: str, path: str, error: HttpError) -> Response:
    if path.startswith(AI_PREFIXES):
        return fastapi_response(error)
    if path.startswith("/data-board/"):
        from .data_board_errors import data_board_response  # here: that module builds on HttpError

        return data_board_response(method, path, error)
    if path.startswith(("/activepieces/", "/v3/marketplaces/")):
        from .vendor_errors import vendor_error_response  # here: that module builds on HttpError

        return vendor_error_response(method, path, error, error_body(method, path, error))
    return JSONResponse(error_body(method, path, error), status_code=error.status, headers=error.headers)
