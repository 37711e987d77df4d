"""Fault soak (issue 7): 200 concurrent calls on one `AsyncImbraceClient` while the emulator answers 429s and 503s and
cuts streams. Every call succeeds or raises its typed error, a POST is sent again only after a 429, nothing hangs, and
no connection is left busy or open.

Which call meets which fault depends on scheduling; the counts checked here do not.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Awaitable
from typing import Any

import pytest

from imbrace import (
    APIConnectionError,
    APIStatusError,
    AsyncImbraceClient,
    IncompleteStreamError,
    InternalServerError,
    RateLimitError,
)
from imbrace._async import transport as async_transport
from imbrace.emulator import Emulator
from imbrace.testing import TEST_API_KEY, TEST_ORGANIZATION_ID

AGENTS = "/v3/ai/accounts/assistants"
APPS = "/v3/ai/assistant_apps"
CHAT = "/ai-agent/v2/chat"
CALLS = 200
MAX_RETRIES = 2
TIMES = 8  # how many requests each fault answers
FAULTS = [
    {"method": "GET", "path": AGENTS, "kind": "status", "status": 429, "retry_after": 0.01},
    {"method": "GET", "path": AGENTS, "kind": "status", "status": 503},
    {"method": "POST", "path": APPS, "kind": "status", "status": 429, "retry_after": 0.01},
    {"method": "POST", "path": APPS, "kind": "status", "status": 503},
    {"method": "POST", "path": CHAT, "kind": "status", "status": 429, "retry_after": 0.01},
    {"method": "POST", "path": CHAT, "kind": "status", "status": 503},
    {"method": "POST", "path": CHAT, "kind": "cut", "after": 3},
]


def agent_body(n: int) -> dict[str, Any]:
    return {"name": f"Soak {n}", "workflow_name": f"soak_{n}", "provider_id": "system", "model_id": "Default"}


async def soak(emulator: Emulator) -> tuple[dict[str, list[BaseException | None]], list[Any], list[Any]]:
    """Run the calls; their outcomes per path, and the pool's connections after the run and after `aclose()`."""
    client = AsyncImbraceClient(
        api_key=TEST_API_KEY,
        organization_id=TEST_ORGANIZATION_ID,
        gateway=emulator.url,
        timeout=5,
        max_retries=MAX_RETRIES,
    )
    agent = await client.chat_ai.create_ai_agent({**agent_body(-1), "streaming": True})
    emulator.state.requests.clear()
    for fault in FAULTS:
        emulator.add_fault(**fault, times=TIMES)

    async def chat(n: int) -> None:
        body = {"assistant_id": agent["id"], "messages": [{"role": "user", "content": f"hello {n}"}]}
        assert "".join([text async for text in client.ai_agent.stream_chat_text(body)])

    def call(n: int) -> tuple[str, Awaitable[object]]:
        if n % 3 == 0:
            return AGENTS, client.chat_ai.list_ai_agents()
        if n % 3 == 1:
            return APPS, client.chat_ai.create_ai_agent(agent_body(n))
        return CHAT, chat(n)

    async def outcome(call: Awaitable[object]) -> BaseException | None:
        try:
            await call
        except (APIStatusError, APIConnectionError) as exc:  # anything else fails the test
            return exc
        return None

    calls = [call(n) for n in range(CALLS)]
    outcomes = await asyncio.wait_for(asyncio.gather(*(outcome(call) for _, call in calls)), 25)
    by_path: dict[str, list[BaseException | None]] = {AGENTS: [], APPS: [], CHAT: []}
    for (path, _), result in zip(calls, outcomes):
        by_path[path].append(result)
    pool = client._transport.http_client._transport._pool
    after_run = pool.connections
    await client.aclose()
    return by_path, after_run, pool.connections


def kinds(outcomes: list[BaseException | None]) -> Counter[str]:
    return Counter("ok" if error is None else type(error).__name__ for error in outcomes)


def test_concurrent_calls_under_faults_fail_typed_never_duplicate_a_post_and_leak_nothing(
    imbrace_emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(async_transport, "retry_delay", lambda retries, headers, budget_left: 0.001)
    by_path, after_run, after_close = asyncio.run(soak(imbrace_emulator))

    assert imbrace_emulator.state.faults.active() == []  # every fault answered its TIMES requests
    errors = [error for outcomes in by_path.values() for error in outcomes if error is not None]
    assert {error.status_code for error in errors if isinstance(error, APIStatusError)} <= {429, 503}
    # A POST is never retried after a 503 or a cut: each of those faults is exactly one failed call.
    assert kinds(by_path[APPS])[InternalServerError.__name__] == TIMES
    assert kinds(by_path[CHAT])[InternalServerError.__name__] == TIMES
    assert kinds(by_path[CHAT])[IncompleteStreamError.__name__] == TIMES
    # A GET fails only after 1 + MAX_RETRIES faulted answers in a row, and the GET faults gave 2 * TIMES answers.
    assert kinds(by_path[AGENTS])["ok"] >= len(by_path[AGENTS]) - 2 * TIMES // (1 + MAX_RETRIES)

    log = imbrace_emulator.requests()["log"]
    for path in (APPS, CHAT):
        sent = Counter(entry["body_sha256"] for entry in log if entry["method"] == "POST" and entry["path"] == path)
        assert len(sent) == len(by_path[path])  # every call's body, each its own
        # Each 429 led to one resend, except for the calls whose retries ran out on a 429 (they raised it).
        resends = sum(sent.values()) - len(sent)
        assert resends == TIMES - kinds(by_path[path])[RateLimitError.__name__]
        assert max(sent.values()) <= 1 + MAX_RETRIES

    assert all(connection.is_idle() or connection.is_closed() for connection in after_run)
    assert after_close == []
