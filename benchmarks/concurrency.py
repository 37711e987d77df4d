"""Async concurrency: 500 concurrent `ai_agent.stream_chat_text` on one `AsyncImbraceClient`, against 500 raw
`httpx.AsyncClient.stream` + `aiter_lines()` + `json.loads` (both on httpx's default pool: 100 connections, 20 kept
alive; both with a 60 s timeout).

Every run makes its client, warms it with one chat, times the 500, checks and closes it: idle pooled connections
left over from an earlier run would expire (httpx's 5 s keep-alive) and skew the next burst. Checked on every
imbrace run: every stream finished whole, the pool then holds no busy connection, the server has no more open than
the pool holds, and none after `aclose()`. The peak RSS growth of the first imbrace run is the memory figure.
"""

from __future__ import annotations

import asyncio
import json
import resource
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx

from imbrace import AsyncImbraceClient

from ._shared import API_KEY, Result, main, paired, server_stats
from .server import SHORT_DELTAS

STREAMS = 500
POOL_SIZE = 100  # httpx's default max_connections
BODY = {"assistant_id": "short", "messages": [{"role": "user", "content": "hi"}]}


@dataclass
class Burst:
    seconds: float
    complete: int  # streams that delivered every delta
    opened: int  # connections the server accepted during the burst
    clean: bool  # no busy connection after the burst, the server no more open than pooled, none after aclose()
    rss_growth_mib: float


def pooled(http: httpx.AsyncClient) -> list[Any]:
    """The connections in httpx's pool (httpcore's `AsyncHTTPConnection`s)."""
    return list(http._transport._pool.connections)  # type: ignore[attr-defined]


def peak_rss_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


async def burst(url: str, chat: Callable[[], Awaitable[int]], http: httpx.AsyncClient) -> Burst:
    await chat()  # the first imbrace chat imports and builds the stream types
    rss_before, accepted = peak_rss_kib(), server_stats(url)[1]
    started = time.perf_counter()
    deltas = await asyncio.wait_for(asyncio.gather(*(chat() for _ in range(STREAMS))), 300)
    seconds = time.perf_counter() - started
    rss_growth_mib = (peak_rss_kib() - rss_before) / 1024
    connections = pooled(http)
    open_now, accepted_now = server_stats(url)
    await http.aclose()
    await asyncio.sleep(0.2)  # the server notices the closes
    clean = all(c.is_idle() or c.is_closed() for c in connections) and open_now <= len(connections)
    return Burst(
        seconds,
        deltas.count(SHORT_DELTAS),
        accepted_now - accepted,
        clean and server_stats(url)[0] == 0,
        rss_growth_mib,
    )


async def sdk_burst(url: str) -> Burst:
    client = AsyncImbraceClient(api_key=API_KEY, gateway=url)

    async def chat() -> int:
        return sum([1 async for _ in client.ai_agent.stream_chat_text(BODY)])

    return await burst(url, chat, client._transport.http_client)


async def raw_burst(url: str) -> Burst:
    http = httpx.AsyncClient(timeout=60)

    async def chat() -> int:
        deltas = 0
        async with http.stream("POST", f"{url}/ai-agent/v2/chat", json=BODY, headers={"x-api-key": API_KEY}) as r:
            async for line in r.aiter_lines():
                if line.startswith("data: {"):
                    deltas += json.loads(line[6:])["type"] == "text-delta"
        return deltas

    return await burst(url, chat, http)


def run(url: str, quick: bool) -> list[Result]:
    runs = paired(lambda: asyncio.run(sdk_burst(url)), lambda: asyncio.run(raw_burst(url)), 1 if quick else 3)
    mine = runs.imbrace
    complete = min(b.complete for b in mine)
    opened = runs.map(lambda b: b.opened)
    return [
        runs.map(lambda b: b.seconds).result(
            f"async: {STREAMS} concurrent stream_chat_text, one client", lambda s: f"{s:.2f} s"
        ),
        Result(
            f"async: connections opened for {STREAMS} streams (median)",
            f"{statistics.median(opened.imbrace):.0f}",
            f"{statistics.median(opened.httpx):.0f}",
            goal=f"≤ {POOL_SIZE} (pool size)",
            met=max(opened.imbrace) <= POOL_SIZE,
        ),
        Result(
            "async: streams complete; peak RSS growth",
            f"{complete}/{STREAMS}; +{mine[0].rss_growth_mib:.1f} MiB",
            goal="all complete",
            met=complete == STREAMS,
        ),
        Result(
            "async: no connection busy after a run, none open after aclose()",
            "yes" if all(b.clean for b in mine) else "no",
            "yes" if all(b.clean for b in runs.httpx) else "no",
            goal="yes",
            met=all(b.clean for b in mine),
        ),
    ]


if __name__ == "__main__":
    main(run)
