"""What the emulator checks before it reads a request body: who calls, from where, and how much they send.

- the admin routes (`/_emulator/...`) ask for the configured API key like any secured operation, and refuse what
  a web page could send from another site: a request with a foreign `Origin` or a cross-site `Sec-Fetch-Site`, and a
  body that is not JSON (a `text/plain` form POST needs no CORS preflight; a JSON one does);
- a body is read in chunks up to `max_upload_bytes` (413 beyond, by Content-Length before reading anything); a
  multipart one is parsed as it arrives, its files spooled to disk (`multipart.py`), any other read whole.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from starlette.requests import Request

from .errors import HttpError
from .multipart import Form, read_form
from .state import EmulatorState

__all__ = ["check_admin", "read_payload"]

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


async def read_payload(request: Request, limit: int) -> bytes | Form:
    """A non-empty multipart body as a Form (close it once answered), any other as bytes; 413 over `limit`."""
    content_type = request.headers.get("content-type", "")
    multipart = content_type.split(";", 1)[0].strip().lower() == "multipart/form-data"
    if not multipart or request.headers.get("content-length") == "0":
        return await read_body(request, limit)
    return await read_form(content_type, _capped(request, limit))


async def read_body(request: Request, limit: int) -> bytes:
    """The whole body, or HttpError(413) as soon as it is known to be over `limit` bytes."""
    return b"".join([chunk async for chunk in _capped(request, limit)])


async def _capped(request: Request, limit: int) -> AsyncIterator[bytes]:
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > limit:
        raise _too_large(limit)
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        yield chunk


def _too_large(limit: int) -> HttpError:
    return HttpError(413, f"Request body larger than the emulator's limit of {limit} bytes (--max-upload-mb)")
