"""Small shared types: per-call request options and header providers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any, TypeAlias, TypedDict

import httpx

__all__ = ["RequestOptions", "Timeout", "HeadersLike", "AsyncHeadersLike", "Query"]

Timeout: TypeAlias = float | httpx.Timeout
Query: TypeAlias = Mapping[str, Any]
HeadersLike: TypeAlias = Mapping[str, str] | Callable[[], Mapping[str, str]]
AsyncHeadersLike: TypeAlias = HeadersLike | Callable[[], Awaitable[Mapping[str, str]]]


class RequestOptions(TypedDict, total=False):
    """Per-call overrides every method accepts as keyword arguments.

    - `timeout`: seconds or an `httpx.Timeout` for this call.
    - `extra_headers`: headers added to (or replacing) the client's for this call.
    - `extra_query`: query parameters added to this call.
    - `max_retries`: this call's retry budget.
    - `idempotent`: True lets a POST/PATCH be retried on 5xx and timeouts (the caller vouches it is safe to repeat);
      False stops retries of a GET/PUT/DELETE on them.
    """

    timeout: Timeout
    extra_headers: Mapping[str, str]
    extra_query: Query
    max_retries: int
    idempotent: bool
