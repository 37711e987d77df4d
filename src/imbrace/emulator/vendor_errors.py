"""Error replies of the workflow and marketplace services (data-board's: `data_board_errors.py`).

- workflow (Activepieces, a Fastify app; its source is public): a request its TypeBox schemas reject is Fastify's
  400 `{statusCode, code: "FST_ERR_VALIDATION", error, message}`; an `ActivepiecesError` is `{code, params}` (an
  unknown id: 404 `ENTITY_NOT_FOUND`); an unknown route Fastify's 404 `{message: "Route GET:/x not found", error,
  statusCode}`;
- marketplace (`imbraceltd/marketplace`, Express): every failure its controllers catch is `{message}` with the
  status (`handleControllerError`), its use cases' checks included.

Failures in front of the services (the gateway's credential check, 401) keep the gateway's shape.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import JSONResponse, Response

from .errors import HttpError

__all__ = ["MOUNTS", "vendor_error_response"]

MOUNTS = ("/activepieces/", "/v3/marketplaces/")
_VALIDATION = ("Request body validation error", "Query parameter", "Missing required query parameter")


def vendor_error_response(method: str, path: str, error: HttpError, fallback: dict[str, Any]) -> Response:
    """The service's reply to `error`; `fallback` is the gateway's body, for failures the service never sees."""
    status, message = error.status, error.message
    body: dict[str, Any] = fallback
    if status == 401:
        pass
    elif path.startswith("/v3/marketplaces/"):
        body = {"message": message}
    elif status == 404 and message.startswith("Cannot "):
        route = path.removeprefix("/activepieces")
        body = {"message": f"Route {method}:{route} not found", "error": "Not Found", "statusCode": 404}
    elif status == 404:
        body = {"code": "ENTITY_NOT_FOUND", "params": {"message": message}}
    elif status == 400 and message.startswith(_VALIDATION):
        body = {"statusCode": 400, "code": "FST_ERR_VALIDATION", "error": "Bad Request", "message": message}
    return JSONResponse(body, status_code=status, headers=error.headers)
