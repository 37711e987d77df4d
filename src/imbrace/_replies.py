"""What a 2xx answer to a JSON operation must be, and the errors when it is not (or is too large to read)."""

from __future__ import annotations

import json
from typing import Any

import httpx

from ._errors import APIResponseValidationError, ResponseTooLargeError
from ._logs import mask_response

__all__ = ["json_reply", "too_large"]

# An empty answer is a valid one only here: "no content", and a deletion (the services answer 200 with nothing).
_EMPTY_STATUSES = frozenset({204, 205})


def json_reply(response: httpx.Response) -> Any:
    """The parsed JSON body of a read 2xx response; `APIResponseValidationError` when it is not JSON.

    A body labelled as something other than JSON (say `text/html` from a proxy's login page) is refused even when
    it parses, since it is not the operation's answer; a body with no content type is parsed.
    """
    content = response.content
    if not content:
        if response.status_code in _EMPTY_STATUSES or response.request.method == "DELETE":
            return None
        raise _invalid(response, "an empty body")
    content_type = response.headers.get("content-type", "")
    if content_type and "json" not in content_type:
        raise _invalid(response, f"a {content_type.split(';')[0]} body")
    try:
        return json.loads(content)
    except (ValueError, RecursionError) as exc:
        raise _invalid(response, f"a body that is not valid JSON ({type(exc).__name__})") from None


def too_large(response: httpx.Response, limit: int) -> ResponseTooLargeError:
    request = mask_response(response).request
    return ResponseTooLargeError(
        f"The answer to {request.method} {request.url.path} is larger than {limit} bytes"
        " (raise Limits.max_response_bytes to accept it)",
        request=request,
        limit=limit,
    )


def _invalid(response: httpx.Response, what: str) -> APIResponseValidationError:
    request = mask_response(response).request
    return APIResponseValidationError(
        f"{response.status_code} {request.method} {request.url.path}: expected a JSON body, got {what}",
        response=response,
    )
