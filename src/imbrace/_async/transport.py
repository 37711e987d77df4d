"""The one place a request is sent: URL, headers, timeout, retries, typed errors and logging.

Every namespace method hands this the keyword arguments a generated endpoint's `_get_kwargs` built, plus the caller's
per-call options. The sync transport is derived from this file by `codegen/unasync.py`.
"""

from __future__ import annotations

from collections.abc import Mapping
from time import monotonic
from typing import Any

import anyio
import httpx

from .._auth import Credentials
from .._capture import CAPTURE
from .._config import Service, Services, resolve_timeout
from .._errors import connection_error, status_error
from .._headers import async_merge_headers, async_resolve_headers
from .._logs import logger, redact_url
from .._open_routes import check_credential
from .._platform import user_agent
from .._response import decode_body
from .._retry import retry_delay, should_retry_exception, should_retry_status
from .._types import AsyncHeadersLike, RequestOptions, extra_body

__all__ = ["AsyncTransport"]

_NO_OPTIONS: RequestOptions = {}
_OPTION_NAMES = frozenset(RequestOptions.__annotations__)
# What a generated `_get_kwargs` may carry besides method, url and headers; only the present ones are passed on.
_BODY_KEYS = ("params", "json", "data", "files", "content")


class AsyncTransport:
    """Sends requests over one shared `httpx.AsyncClient` and applies the retry rules of `imbrace._retry`."""

    def __init__(
        self,
        *,
        services: Services,
        credentials: Credentials,
        timeout: httpx.Timeout,
        max_retries: int,
        headers: AsyncHeadersLike | None,
        http_client: httpx.AsyncClient | None,
    ) -> None:
        if max_retries < 0:
            raise ValueError(f"max_retries must be 0 or more, got {max_retries}")
        self.services = services
        self.credentials = credentials
        self.timeout = timeout
        self.max_retries = max_retries
        self.header_provider = headers
        self.owns_http_client = http_client is None
        self.http_client = http_client or httpx.AsyncClient(timeout=timeout, follow_redirects=False)
        # The pool's own timeout applies unless this transport's differs (an injected client, `with_options`).
        self._timeout_differs = self.http_client.timeout != timeout
        self._base_headers = {"user-agent": user_agent(), "accept": "application/json"}

    def copy(
        self,
        *,
        timeout: httpx.Timeout | None = None,
        max_retries: int | None = None,
        headers: AsyncHeadersLike | None = None,
    ) -> AsyncTransport:
        """A transport with other defaults over the same connection pool and credentials; closing it closes nothing."""
        twin = AsyncTransport(
            services=self.services,
            credentials=self.credentials,
            timeout=timeout or self.timeout,
            max_retries=self.max_retries if max_retries is None else max_retries,
            headers=async_merge_headers(self.header_provider, headers),
            http_client=self.http_client,
        )
        return twin

    async def request(
        self, service: Service, kwargs: Mapping[str, Any], options: RequestOptions = _NO_OPTIONS
    ) -> httpx.Response:
        """Send, retrying by the rules; return the read 2xx response or raise the typed error."""
        return await self._dispatch(await self._build(service, kwargs, options), options, stream=False)

    async def request_json(
        self, service: Service, kwargs: Mapping[str, Any], options: RequestOptions = _NO_OPTIONS
    ) -> Any:
        """`request`, then the body as JSON, text or None."""
        return decode_body(await self.request(service, kwargs, options))

    async def stream(
        self, service: Service, kwargs: Mapping[str, Any], options: RequestOptions = _NO_OPTIONS
    ) -> httpx.Response:
        """Send and return the 2xx response unread, for the caller to stream and close; errors raise before."""
        return await self._dispatch(await self._build(service, kwargs, options), options, stream=True)

    async def aclose(self) -> None:
        if self.owns_http_client:
            await self.http_client.aclose()

    async def _build(self, service: Service, kwargs: Mapping[str, Any], options: RequestOptions) -> httpx.Request:
        if options and not _OPTION_NAMES.issuperset(options):
            unknown = ", ".join(sorted(set(options) - _OPTION_NAMES))
            raise TypeError(f"unexpected keyword arguments: {unknown} (per-call options are {sorted(_OPTION_NAMES)})")
        if not self.credentials.has_credential():
            check_credential(service, kwargs["method"].upper(), kwargs["url"])
        headers = {**self._base_headers, **self.credentials.headers}
        if self.header_provider is not None:
            headers.update(await async_resolve_headers(self.header_provider))
        if "headers" in kwargs:
            headers.update(kwargs["headers"])
        if "extra_headers" in options:
            headers.update(options["extra_headers"])
        body = {key: kwargs[key] for key in _BODY_KEYS if kwargs.get(key) is not None}
        if "extra_query" in options:
            body["params"] = {**(kwargs.get("params") or {}), **options["extra_query"]}
        if "extra_body" in options:
            body.update(extra_body(body, options["extra_body"]))
        if "timeout" in options:
            body["timeout"] = resolve_timeout(options["timeout"])
        elif self._timeout_differs:
            body["timeout"] = self.timeout
        url = self.services.url_for(service, kwargs["url"])
        return self.http_client.build_request(kwargs["method"], url, headers=headers, **body)

    async def _dispatch(self, request: httpx.Request, options: RequestOptions, *, stream: bool) -> httpx.Response:
        """`_send`, letting a `with_raw_response` / `with_streaming_response` call capture or replay the response."""
        capture = CAPTURE.get()
        if capture is None:
            return await self._send(request, options, stream=stream)
        response = capture.take_replay()
        if response is None:
            response = await self._send(request, options, stream=stream or capture.defer)
            capture.record(response)
        if not stream:
            try:
                await response.aread()
            except httpx.TransportError as exc:
                raise connection_error(exc, request) from exc
        return response

    async def _send(self, request: httpx.Request, options: RequestOptions, *, stream: bool) -> httpx.Response:
        max_retries = options.get("max_retries", self.max_retries)
        idempotent = options.get("idempotent")
        retries = 0
        while True:
            started = monotonic()
            try:
                response = await self.http_client.send(request, stream=True)
                if not stream or not response.is_success:
                    await response.aread()
            except httpx.TransportError as exc:
                _log_failure(request, exc, started)
                if retries < max_retries and should_retry_exception(request.method, exc, idempotent=idempotent):
                    await self._wait(request, retries, None, type(exc).__name__)
                    retries += 1
                    continue
                raise connection_error(exc, request) from exc
            _log_response(request, response, started, retries)
            if response.is_success:
                return response
            retry = should_retry_status(request.method, response.status_code, response.headers, idempotent=idempotent)
            if retry and retries < max_retries:
                await response.aclose()
                await self._wait(request, retries, response.headers, f"status {response.status_code}")
                retries += 1
                continue
            raise status_error(response)

    async def _wait(self, request: httpx.Request, retries: int, headers: httpx.Headers | None, reason: str) -> None:
        delay = retry_delay(retries, headers)
        logger.info("Retrying %s %s in %.2fs (%s)", request.method, redact_url(request.url), delay, reason)
        await anyio.sleep(delay)


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
