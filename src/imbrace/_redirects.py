"""Redirects, followed by the SDK itself and only within one origin, so a credential never reaches another host.

httpx strips only `Authorization` when a redirect leaves the origin; `x-api-key`, `x-access-token`,
`x-organization-id` and a 307's body would follow. So every request goes out with `follow_redirects=False`: when the
`http_client` asks for redirects to be followed, the transport follows those to the same scheme, host and port, and
refuses the others with an `APIStatusError` that names the target (redacted).
"""

from __future__ import annotations

import httpx

from ._errors import status_error
from ._logs import mask_response, redact_url

__all__ = ["MAX_REDIRECTS", "redirect_request"]

MAX_REDIRECTS = 5
_BODY_KEPT = frozenset({307, 308})
_BODY_HEADERS = ("content-length", "content-type", "transfer-encoding")


def redirect_request(request: httpx.Request, response: httpx.Response) -> httpx.Request:
    """The request that follows `response`'s Location on the same origin; raises the status error for another."""
    target = request.url.join(response.headers["location"])
    if (target.scheme, target.host, target.port) != (request.url.scheme, request.url.host, request.url.port):
        note = f"; the redirect to {redact_url(target)} leaves the origin and was not followed (credentials stay)"
        raise status_error(mask_response(response), note)
    method = request.method
    if response.status_code not in _BODY_KEPT and method not in ("GET", "HEAD"):
        method = "GET"
    if method == request.method:
        return httpx.Request(
            method, target, headers=request.headers, stream=request.stream, extensions=request.extensions
        )
    headers = httpx.Headers(request.headers)
    for name in _BODY_HEADERS:
        headers.pop(name, None)
    return httpx.Request(method, target, headers=headers, extensions=request.extensions)
