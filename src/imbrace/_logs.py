"""The `imbrace` logger, and the redaction every logged URL and header goes through."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable, Mapping

import httpx

__all__ = ["logger", "SECRET_HEADERS", "redact_url", "redact_headers", "setup_from_env"]

logger = logging.getLogger("imbrace")

SECRET_HEADERS = frozenset(
    {"x-api-key", "x-access-token", "authorization", "cookie", "set-cookie", "proxy-authorization"}
)
_SECRET_QUERY = re.compile(r"(token|key|secret|password|signature|auth|credential|code)", re.IGNORECASE)
REDACTED = "<redacted>"


def redact_url(url: httpx.URL | str) -> str:
    """The URL with every token-like query parameter's value replaced."""
    url = httpx.URL(str(url))
    if not url.query:
        return str(url)
    params = [(k, "REDACTED" if _SECRET_QUERY.search(k) else v) for k, v in url.params.multi_items()]
    return str(url.copy_with(params=params))


def redact_headers(headers: Mapping[str, str] | Iterable[tuple[str, str]]) -> dict[str, str]:
    items = headers.items() if isinstance(headers, Mapping) else headers
    return {k: (REDACTED if k.lower() in SECRET_HEADERS else v) for k, v in items}


def setup_from_env() -> None:
    """IMBRACE_LOG=debug|info turns the logger on with a stderr handler; anything else leaves logging to the app."""
    level = {"debug": logging.DEBUG, "info": logging.INFO}.get((os.environ.get("IMBRACE_LOG") or "").lower())
    if level is None or logger.handlers:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("[%(asctime)s %(name)s %(levelname)s] %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)
