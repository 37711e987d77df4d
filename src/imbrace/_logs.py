"""The `imbrace` logger, and the redaction every logged URL and header goes through."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable, Mapping

import httpx

__all__ = [
    "logger",
    "SECRET_HEADERS",
    "redact_url",
    "redact_headers",
    "mask_request",
    "mask_response",
    "setup_from_env",
]

logger = logging.getLogger("imbrace")

SECRET_HEADERS = frozenset(
    {"x-api-key", "x-access-token", "authorization", "cookie", "set-cookie", "proxy-authorization"}
)
_SECRET_QUERY = re.compile(r"(token|key|secret|password|signature|auth|credential|code)", re.IGNORECASE)
REDACTED = "<redacted>"


def redact_url(url: httpx.URL | str) -> str:
    """The URL with its user info (`user:password@`) and every token-like query parameter's value replaced."""
    url = httpx.URL(str(url))
    if url.userinfo:
        url = url.copy_with(userinfo=b"REDACTED")
    if not url.query:
        return str(url)
    params = [(k, "REDACTED" if _SECRET_QUERY.search(k) else v) for k, v in url.params.multi_items()]
    return str(url.copy_with(params=params))


def mask_request(request: httpx.Request) -> httpx.Request:
    """A copy of a request for an error to carry: secret headers and URL parts masked, the original left as sent."""
    headers = [(k, REDACTED if k.lower() in SECRET_HEADERS else v) for k, v in request.headers.multi_items()]
    return httpx.Request(
        request.method, redact_url(request.url), headers=headers, stream=request.stream, extensions=request.extensions
    )


def mask_response(response: httpx.Response) -> httpx.Response:
    """The response, now pointing at a masked copy of its request (see `mask_request`)."""
    response.request = mask_request(response.request)
    return response


class _RedactHttpxUrls(logging.Filter):
    """Redacts the URLs httpx's own logger prints ("HTTP Request: GET <url> ...")."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and any(isinstance(arg, httpx.URL) for arg in record.args):
            record.args = tuple(redact_url(arg) if isinstance(arg, httpx.URL) else arg for arg in record.args)
        return True


_HTTPX_FILTER = _RedactHttpxUrls()


def redact_headers(headers: Mapping[str, str] | Iterable[tuple[str, str]]) -> dict[str, str]:
    items = headers.items() if isinstance(headers, Mapping) else headers
    return {k: (REDACTED if k.lower() in SECRET_HEADERS else v) for k, v in items}


def setup_from_env() -> None:
    """IMBRACE_LOG=debug|info turns the logger on with a stderr handler; anything else leaves logging to the app.

    Also makes httpx's own INFO log line show redacted URLs (httpx prints query strings and user info whole)."""
    httpx_logger = logging.getLogger("httpx")
    if _HTTPX_FILTER not in httpx_logger.filters:
        httpx_logger.addFilter(_HTTPX_FILTER)
    level = {"debug": logging.DEBUG, "info": logging.INFO}.get((os.environ.get("IMBRACE_LOG") or "").lower())
    if level is None or logger.handlers:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("[%(asctime)s %(name)s %(levelname)s] %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)
