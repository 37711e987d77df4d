"""What the emulator checks before it reads a request body: who calls, from where, and how much they send.

- the admin routes (`/_emulator/...`) ask for the configured API key like any secured operation, and refuse what
  a web page could send from another site: a request with a foreign `Origin` or a cross-site `Sec-Fetch-Site`, and a
  body that is not JSON (a `text/plain` form POST needs no CORS preflight; a JSON one does);
- a body is read in chunks up to `max_upload_bytes` (413 beyond, by Content-Length before reading anything).
"""

from __future__ import annotations

from starlette.requests import Request

from .errors import HttpError
from .state import EmulatorState

__all__ = ["check_admin", "read_body"]

_CROSS_SITE = frozenset({"cross-site", "same-site"})


def check_admin(state: EmulatorState, request: Request) -> None:
    """HttpError(403/415/401) unless the request may use an admin route."""
    headers = request.headers
    origin = headers.get("origin")
    if origin is not None and origin.partition("://")[2] != headers.get("host", ""):
        raise HttpError(403, "The emulator's admin routes refuse requests from another origin")
    if headers.get("sec-fetch-site") in _CROSS_SITE:
        raise HttpError(403, "The emulator's admin routes refuse cross-site requests")
    content_type = headers.get("content-type")
    if content_type is not None and content_type.split(";")[0].strip().lower() != "application/json":
        raise HttpError(415, "The emulator's admin routes take JSON bodies only")
    if state.auth.api_key is not None:
        state.auth.check(headers)


async def read_body(request: Request, limit: int) -> bytes:
    """The whole body, or HttpError(413) as soon as it is known to be over `limit` bytes."""
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > limit:
        raise _too_large(limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(limit: int) -> HttpError:
    return HttpError(413, f"Request body larger than the emulator's limit of {limit} bytes (--max-upload-mb)")
