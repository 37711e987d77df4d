"""Errors in the platform's shapes, which differ by route group (see the `Error` schemas of both specs)."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from starlette.responses import JSONResponse

from .agent_errors import agent_error_body

__all__ = ["HttpError", "error_body", "error_response"]


class HttpError(Exception):
    """A failure a handler reports; the app turns it into the error body of the route's group.

    `code` is the chat-client `<type>:<surface>` code (e.g. `not_found:chat`); other groups ignore it.
    """

    def __init__(
        self, status: int, message: str, *, code: str | None = None, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
        self.headers = headers or {}


def error_body(method: str, path: str, error: HttpError) -> dict[str, Any]:
    """The body the real service of `path` sends for this error (all keys optional in the specs' `Error`)."""
    status, message = error.status, error.message
    if path.startswith("/ai-agent/"):
        return agent_error_body(method, path, error)
    if path.startswith("/data-board/"):
        return {"statusCode": status, "message": message, "error": _phrase(status)}
    return {"success": False, "statusCode": status, "message": message}


def error_response(method: str, path: str, error: HttpError) -> JSONResponse:
    return JSONResponse(error_body(method, path, error), status_code=error.status, headers=error.headers)


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"
