"""Redirects, followed by the SDK itself, so a credential never reaches another origin.

httpx strips only `Authorization` when a redirect leaves the origin; `x-api-key`, `x-access-token`,
`x-organization-id`, any header of the caller's and a 307's body would follow. So every request goes out with
`follow_redirects=False`; when the `http_client` asks for redirects to be followed, the transport follows:
- those on the same scheme, host and port, as httpx would (up to 5);
- a GET or HEAD to another origin (a drive's download URL) with only the `_CROSS_ORIGIN_HEADERS` and no body, unless
  it leaves https for http;
and refuses any other with an `APIStatusError` that names the target (redacted).
"""

from __future__ import annotations

import httpx

from ._errors import status_error
from ._logs import mask_response, redact_url

__all__ = ["MAX_REDIRECTS", "redirect_request"]

MAX_REDIRECTS = 5
_BODY_KEPT = frozenset({307, 308})
_BODY_HEADERS = ("content-length", "content-type", "transfer-encoding")
_CROSS_ORIGIN_HEADERS = frozenset({"accept", "accept-encoding", "user-agent"})


def redirect_request(request: httpx.Request, response: httpx.Response) -> httpx.Request:
    """The request that follows `response`'s Location; raises the status error for one that may not be followed."""
    url = request.url
    target = url.join(response.headers["location"])
    method = request.method
    if response.status_code not in _BODY_KEPT and method not in ("GET", "HEAD"):
        method = "GET"
    if (target.scheme, target.host, target.port) != (url.scheme, url.host, url.port):
        if request.method not in ("GET", "HEAD") or (url.scheme, target.scheme) == ("https", "http"):
            note = f"; the redirect to {redact_url(target)} leaves the origin and was not followed (credentials stay)"
            raise status_error(mask_response(response), note)
        kept = [(k, v) for k, v in request.headers.multi_items() if k in _CROSS_ORIGIN_HEADERS]
        return httpx.Request(method, target, headers=kept, extensions=request.extensions)
    if method == request.method:
        return httpx.Request(
            method, target, headers=request.headers, stream=request.stream, extensions=request.extensions
        )
    headers = httpx.Headers(request.headers)
    for name in _BODY_HEADERS:
        headers.pop(name, None)
    return httpx.Request(method, target, headers=headers, extensions=request.extensions)
