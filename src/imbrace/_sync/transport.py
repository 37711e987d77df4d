# Generated from src/imbrace/_async/transport.py by codegen/unasync.py: edit that file.
"""The one place a request is sent: URL, headers, timeout, retries, typed errors and logging.

Every namespace method hands this the keyword arguments a generated `build_request` built, plus the caller's
per-call options. The sync transport is derived from this file by `codegen/unasync.py`.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Mapping
from time import monotonic
from typing import Any

import httpx

from .._auth import Credentials
from .._capture import CAPTURE
from .._config import Service, Services, resolve_timeout
from .._errors import connection_error, status_error
from .._headers import sync_merge_headers, sync_resolve_headers
from .._limits import DEFAULT_LIMITS, Limits
from .._logs import logger, mask_request, mask_response, redact_url
from .._open_routes import check_credential
from .._platform import user_agent
from .._redirects import MAX_REDIRECTS, redirect_request
from .._replies import json_reply, too_large
from .._retry import over_budget, retry_delay, should_retry_exception, should_retry_status
from .._types import HeadersLike, RequestOptions, extra_body
from .._validate import check_headers

__all__ = ["Transport"]

_NO_OPTIONS: RequestOptions = {}
_OPTION_NAMES = frozenset(RequestOptions.__annotations__)
# What a generated `build_request` may carry besides method, url and headers; only the present ones are passed on.
_BODY_KEYS = ("params", "json", "data", "files", "content")
# httpx parses a URL string anew on each request; a client calls few distinct URLs, so each is parsed once (httpx
# treats a URL as immutable: params and redirects make new ones).
_parsed_url = functools.lru_cache(maxsize=256)(httpx.URL)


class Transport:
    """Sends requests over one shared `httpx.Client` (async: `httpx.AsyncClient`) with the rules of `imbrace._retry`."""

    def __init__(
        self,
        *,
        services: Services,
        credentials: Credentials,
        timeout: httpx.Timeout,
        max_retries: int,
        headers: HeadersLike | None,
        http_client: httpx.Client | None,
        limits: Limits = DEFAULT_LIMITS,
    ) -> None:
        if max_retries < 0:
            raise ValueError(f"max_retries must be 0 or more, got {max_retries}")
        self.services = services
        self.credentials = credentials
        self.timeout = timeout
        self.max_retries = max_retries
        self.header_provider = check_headers(headers, "headers") if isinstance(headers, Mapping) else headers
        self.limits = limits
        base_headers = {"user-agent": user_agent(), "accept": "application/json"}
        self.owns_http_client = http_client is None
        self.http_client = http_client or httpx.Client(timeout=timeout, follow_redirects=False, headers=base_headers)
        # The pool's own timeout applies unless this transport's differs (an injected client, `with_options`).
        self._timeout_differs = self.http_client.timeout != timeout
        # Per request only the base headers the pool does not send already (an injected client's): httpx replaces
        # a default header at a cost on every request.
        self._base_headers = {k: v for k, v in base_headers.items() if self.http_client.headers.get(k) != v}

    def copy(
        self,
        *,
        timeout: httpx.Timeout | None = None,
        max_retries: int | None = None,
        headers: HeadersLike | None = None,
    ) -> Transport:
        """A transport with other defaults over the same connection pool and credentials; closing it closes nothing."""
        twin = Transport(
            services=self.services,
            credentials=self.credentials,
            timeout=timeout or self.timeout,
            max_retries=self.max_retries if max_retries is None else max_retries,
            headers=sync_merge_headers(self.header_provider, headers),
            http_client=self.http_client,
            limits=self.limits,
        )
        return twin

    def request(
        self, service: Service, kwargs: Mapping[str, Any], options: RequestOptions = _NO_OPTIONS
    ) -> httpx.Response:
        """Send, retrying by the rules; return the read 2xx response or raise the typed error."""
        return self._dispatch(self._build(service, kwargs, options), options, stream=False, max_bytes=None)

    def request_json(self, service: Service, kwargs: Mapping[str, Any], options: RequestOptions = _NO_OPTIONS) -> Any:
        """Send, then the 2xx body as the JSON the operation promises (None for 204 and empty deletions).

        A body over `limits.max_response_bytes` raises `ResponseTooLargeError`; one that is not JSON,
        `APIResponseValidationError`.
        """
        request = self._build(service, kwargs, options)
        response = self._dispatch(request, options, stream=False, max_bytes=self.limits.max_response_bytes)
        return json_reply(response)

    def stream(
        self, service: Service, kwargs: Mapping[str, Any], options: RequestOptions = _NO_OPTIONS
    ) -> httpx.Response:
        """Send and return the 2xx response unread, for the caller to stream and close; errors raise before."""
        return self._dispatch(self._build(service, kwargs, options), options, stream=True, max_bytes=None)

    def close(self) -> None:
        if self.owns_http_client:
            self.http_client.close()

    def _build(self, service: Service, kwargs: Mapping[str, Any], options: RequestOptions) -> httpx.Request:
        if options and not _OPTION_NAMES.issuperset(options):
            unknown = ", ".join(sorted(set(options) - _OPTION_NAMES))
            raise TypeError(f"unexpected keyword arguments: {unknown} (per-call options are {sorted(_OPTION_NAMES)})")
        if not self.credentials.has_credential():
            check_credential(service, kwargs["method"].upper(), kwargs["url"])
        headers = {**self._base_headers, **self.credentials.headers}
        if self.header_provider is not None:
            headers.update(sync_resolve_headers(self.header_provider))
        if "headers" in kwargs:
            headers.update(check_headers(kwargs["headers"], "a header parameter"))
        if "extra_headers" in options:
            headers.update(check_headers(options["extra_headers"], "extra_headers"))
        body = {key: kwargs[key] for key in _BODY_KEYS if kwargs.get(key) is not None}
        if "extra_query" in options:
            body["params"] = {**(kwargs.get("params") or {}), **options["extra_query"]}
        if "extra_body" in options:
            body.update(extra_body(body, options["extra_body"]))
        if "timeout" in options:
            body["timeout"] = resolve_timeout(options["timeout"])
        elif self._timeout_differs:
            body["timeout"] = self.timeout
        url = _parsed_url(self.services.url_for(service, kwargs["url"]))
        return self.http_client.build_request(kwargs["method"], url, headers=headers, **body)

    def _dispatch(
        self, request: httpx.Request, options: RequestOptions, *, stream: bool, max_bytes: int | None
    ) -> httpx.Response:
        """`_send`, letting a `with_raw_response` / `with_streaming_response` call capture or replay the response.

        A replayed response (a streaming view's `parse()`) is read here, under the same `max_bytes` cap `_send`
        applies, so the method then checks its body as a plain call does.
        """
        capture = CAPTURE.get()
        if capture is None:
            return self._send(request, options, stream=stream, max_bytes=max_bytes)
        response = capture.take_replay()
        if response is None:
            response = self._send(request, options, stream=stream or capture.defer, max_bytes=max_bytes)
            capture.record(response)
        elif not stream:
            try:
                _read(response, max_bytes)
            except httpx.TransportError as exc:
                exc.request = mask_request(response.request)
                raise connection_error(exc, exc.request) from exc
        return response

    def _send(
        self, request: httpx.Request, options: RequestOptions, *, stream: bool, max_bytes: int | None
    ) -> httpx.Response:
        max_retries = options.get("max_retries", self.max_retries)
        idempotent = options.get("idempotent")
        retries = redirects = 0
        waited = 0.0
        while True:
            started = monotonic()
            try:
                # Redirects are never left to httpx, which would carry x-api-key and the body to any host.
                response = self.http_client.send(request, stream=True, follow_redirects=False)
                if not stream or not response.is_success:
                    _read(response, max_bytes)
            except httpx.TransportError as exc:
                _log_failure(request, exc, started)
                if retries < max_retries and should_retry_exception(request.method, exc, idempotent=idempotent):
                    delay = self._wait(request, retries, None, waited, type(exc).__name__)
                    if delay is not None:
                        waited += delay
                        retries += 1
                        continue
                exc.request = mask_request(request)
                raise connection_error(exc, exc.request) from exc
            _log_response(request, response, started, retries)
            if response.is_success:
                return response
            if response.is_redirect and self.http_client.follow_redirects and redirects < MAX_REDIRECTS:
                request = redirect_request(request, response)
                redirects += 1
                continue
            retry = should_retry_status(request.method, response.status_code, response.headers, idempotent=idempotent)
            note = ""
            if retry and retries < max_retries:
                delay = self._wait(request, retries, response.headers, waited, f"status {response.status_code}")
                if delay is not None:
                    response.close()
                    waited += delay
                    retries += 1
                    continue
                note = over_budget(response.headers, self.limits.max_retry_wait - waited, self.limits.max_retry_wait)
            raise status_error(mask_response(response), note)

    def _wait(
        self, request: httpx.Request, retries: int, headers: httpx.Headers | None, waited: float, reason: str
    ) -> float | None:
        """Sleep before the next try and return how long; None (no sleep) when the server asks past the budget."""
        delay = retry_delay(retries, headers, self.limits.max_retry_wait - waited)
        if delay is not None:
            logger.info("Retrying %s %s in %.2fs (%s)", request.method, redact_url(request.url), delay, reason)
            time.sleep(delay)
        return delay


def _read(response: httpx.Response, max_bytes: int | None) -> None:
    """Read the body, refusing one over `max_bytes` (by its Content-Length, or as it arrives when there is none).

    A body read piecewise is stored where httpx's own `read`/`aread` keeps it, so `content`, `text` and `json()` work.
    """
    if max_bytes is None:
        response.read()
        return
    length = response.headers.get("content-length")
    if length is not None and length.isdigit():
        if int(length) > max_bytes:
            response.close()
            raise too_large(response, max_bytes)
        response.read()
        return
    parts: list[bytes] = []
    size = 0
    for part in response.iter_bytes():
        size += len(part)
        if size > max_bytes:
            response.close()
            raise too_large(response, max_bytes)
        parts.append(part)
    response._content = b"".join(parts)


def _log_response(request: httpx.Request, response: httpx.Response, started: float, retries: int) -> None:
    if logger.isEnabledFor(10):
        elapsed = (monotonic() - started) * 1000
        logger.debug(
            "%s %s -> %d (%.1f ms, retry %d)",
            request.method,
            redact_url(request.url),
            response.status_code,
            elapsed,
            retries,
        )


def _log_failure(request: httpx.Request, exc: Exception, started: float) -> None:
    if logger.isEnabledFor(10):
        elapsed = (monotonic() - started) * 1000
        logger.debug(
            "%s %s failed after %.1f ms: %s", request.method, redact_url(request.url), elapsed, type(exc).__name__
        )
