"""What every namespace shares: the transport, the service it talks to, and the client's defaults."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import httpx

from ..._body_check import check_bodies
from ..._config import Service
from ..._errors import connection_error
from ..._logs import mask_request
from ..._types import RequestOptions
from ..raw_response import AsyncWithRawResponse, AsyncWithStreamingResponse

if TYPE_CHECKING:
    from ..client import AsyncImbraceClient

__all__ = ["AsyncResource"]

_VIEWS = {"with_raw_response": AsyncWithRawResponse, "with_streaming_response": AsyncWithStreamingResponse}


class AsyncResource:
    """Base of the namespace classes; methods build kwargs with a generated `build_request` and send them here."""

    _service: ClassVar[Service]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        check_bodies(cls)

    def __init__(self, client: AsyncImbraceClient) -> None:
        self._client = client
        self._transport = client._transport

    if TYPE_CHECKING:
        # Every method of the namespace with its HTTP response (the `raw_response` module). Made on first use by
        # `__getattr__`, so that they stay out of the class's method list (and its docs, which list the API calls).
        with_raw_response: AsyncWithRawResponse
        with_streaming_response: AsyncWithStreamingResponse
    else:

        def __getattr__(self, name: str) -> object:
            view = _VIEWS.get(name)
            if view is None:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            self.__dict__[name] = made = view(self)
            return made

    def _organization(self, organization_id: str | None) -> str | None:
        """The caller's organization, else the client's."""
        return organization_id or self._transport.credentials.organization_id

    async def _json(self, kwargs: Mapping[str, Any], options: RequestOptions) -> Any:
        return await self._transport.request_json(self._service, kwargs, options)

    async def _response(self, kwargs: Mapping[str, Any], options: RequestOptions) -> httpx.Response:
        """The read response, for methods whose documented result is the raw response (downloads)."""
        return await self._transport.request(self._service, kwargs, options)

    async def _open_stream(
        self, kwargs: Mapping[str, Any], options: RequestOptions, *, accept: str | None = None
    ) -> httpx.Response:
        """The open 2xx response of a streamed call; `accept` names the body types the caller can read."""
        if accept is not None:
            kwargs = {**kwargs, "headers": {**kwargs.get("headers", {}), "accept": accept}}
        return await self._transport.stream(self._service, kwargs, options)

    async def _download(self, kwargs: Mapping[str, Any], path: str | Path, options: RequestOptions) -> Path:
        """Stream a download to `path` chunk by chunk (flat memory); a partial file is removed on failure."""
        target = Path(path)
        response = await self._open_stream(kwargs, options)
        try:
            with target.open("wb") as sink:
                async for chunk in response.aiter_bytes(1 << 16):
                    sink.write(chunk)
        except httpx.TransportError as exc:
            target.unlink(missing_ok=True)
            raise connection_error(exc, mask_request(response.request)) from exc
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        finally:
            await response.aclose()
        return target
