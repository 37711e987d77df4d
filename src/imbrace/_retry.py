"""When to retry and how long to wait: pure decisions, shared by the sync and async transports.

A write is never sent twice unless that is safe: POST and PATCH are retried only when the server refused it outright
(429), when it never left the machine (the connection could not be opened), or when the caller marks the call
idempotent. Idempotent methods are also retried on 408, 5xx and any connection failure.
"""

from __future__ import annotations

import email.utils
import random
import time

import httpx

__all__ = ["IDEMPOTENT_METHODS", "should_retry_status", "should_retry_exception", "retry_delay"]

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
INITIAL_DELAY = 0.5
MAX_DELAY = 8.0
MAX_RETRY_AFTER = 60.0

# Raised before a single byte of the request was written: the server cannot have acted on it.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)


def _idempotent(method: str, marked: bool | None) -> bool:
    return marked if marked is not None else method in IDEMPOTENT_METHODS


def should_retry_status(method: str, status: int, headers: httpx.Headers, *, idempotent: bool | None) -> bool:
    """Retry this response? The server's `x-should-retry` header wins when present."""
    hint = headers.get("x-should-retry")
    if hint in ("true", "false"):
        return hint == "true" and (status == 429 or _idempotent(method, idempotent))
    if status == 429:
        return True
    return (status == 408 or status >= 500) and _idempotent(method, idempotent)


def should_retry_exception(method: str, error: httpx.TransportError, *, idempotent: bool | None) -> bool:
    return isinstance(error, _NOT_SENT) or _idempotent(method, idempotent)


def retry_delay(retries_done: int, headers: httpx.Headers | None) -> float:
    """The server's Retry-After (ms, seconds or HTTP date) when it is sane, else capped exponential backoff."""
    hinted = _retry_after(headers) if headers is not None else None
    if hinted is not None and 0 <= hinted <= MAX_RETRY_AFTER:
        return hinted
    backoff = min(INITIAL_DELAY * 2.0 ** min(retries_done, 30), MAX_DELAY)
    return backoff * (1 - 0.25 * random.random())


def _retry_after(headers: httpx.Headers) -> float | None:
    millis = headers.get("retry-after-ms")
    if millis is not None:
        try:
            return float(millis) / 1000
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value) if _looks_like_date(value) else None
        return None if parsed is None else max(parsed.timestamp() - time.time(), 0.0)


def _looks_like_date(value: str) -> bool:
    try:
        return email.utils.parsedate_tz(value) is not None
    except (TypeError, ValueError):
        return False
