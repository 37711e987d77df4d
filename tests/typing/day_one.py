"""Typed use of the day-one conveniences: `mypy --strict` checks this file (pytest never runs it)."""

from __future__ import annotations

from typing import Any

import httpx
from typing_extensions import assert_type

import imbrace
from imbrace import (
    AsyncImbraceClient,
    AsyncRawResponse,
    AsyncStreamedResponse,
    ImbraceClient,
    RawResponse,
    StreamedResponse,
)


def sync_usage(client: ImbraceClient) -> None:
    raw = client.boards.with_raw_response.get("board_id")
    assert_type(raw, RawResponse[Any])
    status: int = raw.status_code
    request_id: str | None = raw.request_id
    headers: httpx.Headers = raw.headers
    with client.boards.with_streaming_response.get("board_id") as response:
        assert_type(response, StreamedResponse[Any])
        body: bytes = response.read()
    copied: ImbraceClient = client.copy(headers={"x-team": "a"}).with_options(max_retries=imbrace.DEFAULT_MAX_RETRIES)
    client.folders.update("folder_id", {"name": "n"}, extra_body={"color": "red"})
    own = ImbraceClient(http_client=imbrace.DefaultHttpxClient(timeout=imbrace.DEFAULT_TIMEOUT))
    del status, request_id, headers, body, copied, own


async def async_usage(client: AsyncImbraceClient) -> None:
    raw = await client.boards.with_raw_response.get("board_id")
    assert_type(raw, AsyncRawResponse[Any])
    async with client.boards.with_streaming_response.get("board_id") as response:
        assert_type(response, AsyncStreamedResponse[Any])
        parsed: Any = await response.parse()
    own = AsyncImbraceClient(http_client=imbrace.DefaultAsyncHttpxClient())
    await own.close()
    del parsed


def nested_usage(client: ImbraceClient) -> None:
    # A nested namespace's view (ai_agent.threads is coming) type-checks as a view too.
    view = client.ai_agent.with_raw_response
    raw = view.get_health
    nested_raw = view.threads.create  # the attribute chain stays a raw method for mypy
    assert_type(raw(), RawResponse[Any])
    assert_type(nested_raw(), RawResponse[Any])
