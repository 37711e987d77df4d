"""What the thread tests share besides fixtures: agents, message text, socket checks, the longest wait."""

from __future__ import annotations

import time
from typing import Any, Protocol, cast

import anyio
import httpx

from imbrace import ImbraceClient

from helpers import Harness

WAIT = 10.0
"""The longest a test waits for anything; reached only when it fails."""
DELAY_HEADER = "x-emulator-chat-delay"


class Socket(Protocol):
    def fileno(self) -> int: ...


def make_agent(client: ImbraceClient, *, streaming: bool = True) -> str:
    agent = client.chat_ai.create_ai_agent({"name": "Bot", "workflow_name": "bot", "streaming": streaming})
    return str(agent["id"])


def text_of(message: Any) -> str:
    return "".join(part.get("text", "") for part in message["parts"] if part.get("type") == "text")


def socket_of(response: httpx.Response) -> Socket:
    """The response's socket (an asyncio `TransportSocket` on the async client)."""
    sock = response.extensions["network_stream"].get_extra_info("socket")
    assert sock.fileno() != -1
    return cast(Socket, sock)


def closed_soon(sock: Socket) -> bool:
    """Whether the socket is closed within `WAIT` seconds."""
    deadline = time.monotonic() + WAIT
    while sock.fileno() != -1 and time.monotonic() < deadline:
        time.sleep(0.01)
    return sock.fileno() == -1


async def aclosed_soon(sock: Socket) -> bool:
    """`closed_soon` on an event loop, whose callbacks close the socket."""
    deadline = time.monotonic() + WAIT
    while sock.fileno() != -1 and time.monotonic() < deadline:
        await anyio.sleep(0.01)
    return sock.fileno() == -1


def collect(harness: Harness, iterator: Any) -> list[Any]:
    """Every item of a sync iterator, or of an async one (on the harness's event loop)."""
    if harness.runner is None:
        return list(iterator)

    async def gather() -> list[Any]:
        return [item async for item in iterator]

    return harness.runner.run(gather())
