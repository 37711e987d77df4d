"""Small shared types: per-call request options (and how `extra_body` joins a body) and header providers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Union

import httpx
from typing_extensions import TypeAlias, TypedDict

__all__ = ["RequestOptions", "Timeout", "HeadersLike", "AsyncHeadersLike", "Query", "extra_body"]

Timeout: TypeAlias = Union[float, httpx.Timeout]
Query: TypeAlias = Mapping[str, Any]
HeadersLike: TypeAlias = Union[Mapping[str, str], Callable[[], Mapping[str, str]]]
AsyncHeadersLike: TypeAlias = Union[HeadersLike, Callable[[], Awaitable[Mapping[str, str]]]]


class RequestOptions(TypedDict, total=False):
    """Per-call overrides every method accepts as keyword arguments.

    - `timeout`: seconds or an `httpx.Timeout` for this call.
    - `extra_headers`: headers added to (or replacing) the client's for this call.
    - `extra_query`: query parameters added to this call.
    - `extra_body`: fields merged into this call's JSON body (or its form fields, for an upload); they win.
    - `max_retries`: this call's retry budget.
    - `idempotent`: True lets a POST/PATCH be retried on 5xx and timeouts (the caller vouches it is safe to repeat);
      False stops retries of a GET/PUT/DELETE on them.
    """

    timeout: Timeout
    extra_headers: Mapping[str, str]
    extra_query: Query
    extra_body: Mapping[str, Any]
    max_retries: int
    idempotent: bool


def extra_body(body: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """The body keyword of a request with `extra_body` merged in: into the JSON object, or the form fields of an upload.

    A call with neither (a GET, a raw upload) refuses it rather than drop it.
    """
    if isinstance(body.get("json"), Mapping):
        return {"json": {**body["json"], **extra}}
    if "files" in body or isinstance(body.get("data"), Mapping):
        return {"data": {**(body.get("data") or {}), **extra}}
    raise TypeError("extra_body= needs a call that sends a JSON object or form fields; this one sends neither")
