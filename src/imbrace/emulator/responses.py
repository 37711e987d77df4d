"""Streamed and deliberately broken responses.

`sse` frames events as the AI-agent service does (`data: <json>` and a blank line, one body chunk per event, no
`event:`/`id:` lines). Starlette cancels the generator when the client disconnects, so a stream stops at once.
`CutResponse` sends part of another response and drops the connection without its end, as a failing network would.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Iterable
from typing import Any

from starlette.responses import Response, StreamingResponse
from starlette.types import Receive, Scope, Send

__all__ = ["DONE", "CutResponse", "InjectedCut", "frame", "paced", "quiet_injected_cuts", "sse"]

DONE = b"data: [DONE]\n\n"
SSE_HEADERS = {"cache-control": "no-cache", "connection": "keep-alive", "x-accel-buffering": "no"}


def frame(event: Any) -> bytes:
    return b"data: " + json.dumps(event, separators=(",", ":")).encode() + b"\n\n"


async def paced(frames: Iterable[bytes], delay: float) -> AsyncIterator[bytes]:
    """The frames, `delay` seconds apart (the first at once)."""
    for index, chunk in enumerate(frames):
        if index and delay:
            await asyncio.sleep(delay)
        yield chunk


def sse(frames: AsyncIterator[bytes], headers: dict[str, str] | None = None) -> StreamingResponse:
    return StreamingResponse(frames, media_type="text/event-stream", headers={**SSE_HEADERS, **(headers or {})})


class InjectedCut(Exception):
    """Raised to drop a connection mid-response; the server's log filter keeps it quiet."""


class _QuietCuts(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], InjectedCut))


def quiet_injected_cuts() -> None:
    """Keep uvicorn from logging a traceback for each connection a fault drops on purpose (idempotent)."""
    logger = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, _QuietCuts) for f in logger.filters):
        logger.addFilter(_QuietCuts())


class CutResponse(Response):
    """The first `after` chunks of a streamed response, or the first half of a plain one, then a dropped connection."""

    def __init__(self, inner: Response, after: int) -> None:
        self.inner = inner
        self.after = after
        self.status_code = inner.status_code
        self.background = None
        self.raw_headers = inner.raw_headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers})
        if isinstance(self.inner, StreamingResponse):
            await self._send_some_chunks(self.inner, send)
        else:
            body = bytes(self.inner.body)
            await send({"type": "http.response.body", "body": body[: len(body) // 2], "more_body": True})
        raise InjectedCut("connection dropped by an injected fault")

    async def _send_some_chunks(self, inner: StreamingResponse, send: Send) -> None:
        iterator = inner.body_iterator.__aiter__()
        try:
            for _ in range(self.after):
                try:
                    chunk = await iterator.__anext__()
                except StopAsyncIteration:
                    break
                data = chunk.encode() if isinstance(chunk, str) else bytes(chunk)
                await send({"type": "http.response.body", "body": data, "more_body": True})
        finally:
            close = getattr(iterator, "aclose", None)
            if close is not None:
                await close()
