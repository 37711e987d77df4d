"""The thread tests' fixtures: an emulator client of either kind that records its chat turns, and agents."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from thread_support import make_agent

from imbrace import ImbraceClient
from imbrace.emulator import Emulator
from imbrace.testing import TEST_API_KEY, TEST_ORGANIZATION_ID

from helpers import Harness


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def sent_bodies() -> list[Any]:
    """The JSON body of every POST /v2/chat the `emulated` client sends."""
    return []


@pytest.fixture
def emulated(
    new_client: Callable[..., Harness], kind: str, imbrace_emulator: Emulator, sent_bodies: list[Any]
) -> Iterator[Harness]:
    """A sync or async client of the emulator (default retries) that records its chat turns in `sent_bodies`."""

    def record(request: httpx.Request) -> None:
        if request.url.path.endswith("/v2/chat"):
            sent_bodies.append(json.loads(request.content))

    async def arecord(request: httpx.Request) -> None:
        record(request)

    hooks: dict[str, list[Any]] = {"request": [record if kind == "sync" else arecord]}
    http = httpx.Client(event_hooks=hooks) if kind == "sync" else httpx.AsyncClient(event_hooks=hooks)
    harness = new_client(
        api_key=TEST_API_KEY,
        organization_id=TEST_ORGANIZATION_ID,
        gateway=imbrace_emulator.url,
        http_client=http,
    )
    yield harness
    harness.call(http.close if isinstance(http, httpx.Client) else http.aclose)


@pytest.fixture
def agent_id(imbrace_client: ImbraceClient) -> str:
    """A streaming agent."""
    return make_agent(imbrace_client)


@pytest.fixture
def plain_agent_id(imbrace_client: ImbraceClient) -> str:
    """An agent created with `streaming: false`: it answers text/plain."""
    return make_agent(imbrace_client, streaming=False)
