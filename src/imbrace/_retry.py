"""When to retry and how long to wait: pure decisions, shared by the sync and async transports.

A write is never sent twice unless that is safe: POST and PATCH are retried only when the server refused it outright
(429), when it never left the machine (the connection could not be opened), or when the caller marks the call
idempotent. Idempotent methods are also retried on 408, 5xx and any connection failure.
The waits between one call's tries share a budget (`Limits.max_retry_wait`); when it cannot pay for the next wait,
the call fails at once.
"""

from __future__ import annotations

import email.utils
import math
import random
import time

import httpx

__all__ = [
    "IDEMPOTENT_METHODS",
    "should_retry_status",
    "should_retry_exception",
    "retry_delay",
    "server_wait",
    "over_budget",
]

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
INITIAL_DELAY = 0.5
MAX_DELAY = 8.0

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


def retry_delay(retries_done: int, headers: httpx.Headers | None, budget_left: float) -> float | None:
    """How long to wait before the next try: the server's Retry-After (ms, seconds or HTTP date) when it is a sane
    value, else capped exponential backoff, never more than `budget_left`. None when the server asks for more than
    `budget_left`, or when the budget is spent: the caller then gives up at once rather than sleep past it."""
    hinted = server_wait(headers) if headers is not None else None
    if hinted is not None:
        return hinted if hinted <= budget_left else None
    if budget_left <= 0:
        return None
    backoff = min(INITIAL_DELAY * 2.0 ** min(retries_done, 30), MAX_DELAY)
    return min(backoff * (1 - 0.25 * random.random()), budget_left)


def server_wait(headers: httpx.Headers) -> float | None:
    """The wait the server asked for, in seconds; None when it asked for none or the value is malformed."""
    millis = _number(headers.get("retry-after-ms"))
    if millis is not None:
        return millis / 1000
    value = headers.get("retry-after")
    if value is None:
        return None
    seconds = _number(value)
    if seconds is not None:
        return seconds
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, OverflowError, IndexError):
        return None
    return max(parsed.timestamp() - time.time(), 0.0)


def _number(value: str | None) -> float | None:
    """A finite, non-negative number of the header, else None."""
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if 0 <= number < math.inf else None


def over_budget(headers: httpx.Headers, left: float, budget: float) -> str:
    """What a status error adds when it was not retried for want of retry budget."""
    asked = server_wait(headers)
    if asked is None:
        return f"; not retried: this call's retry budget (Limits.max_retry_wait={budget:g}s) is spent"
    return (
        f"; the server asked to retry after {asked:g}s, more than the {max(left, 0.0):g}s left of this call's"
        f" retry budget (Limits.max_retry_wait={budget:g}s), so it was not retried"
    )
