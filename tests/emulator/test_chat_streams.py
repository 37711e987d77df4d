"""Chat and completion streams really stream: events arrive one by one, paced by the delay setting, and a client
that goes away stops its stream. Non-streaming agents answer text/plain. Timings are bounded, never slept on."""

from __future__ import annotations

import json
import time
from typing import Any

import anyio
import httpx
import pytest

from imbrace.emulator import Emulator
from imbrace.testing import TEST_API_KEY as KEY

DELAY = 0.05
HEADERS = {"x-api-key": KEY, "x-organization-id": "org_test"}
PACED = {"x-emulator-chat-delay": str(DELAY)}
MESSAGE = "one two three four five six seven eight"


def make_agent(http: httpx.Client, **fields: Any) -> str:
    body = {"name": "A", "workflow_name": "a", "provider_id": "system", "model_id": "Default", **fields}
    agent_id: str = http.post("/v3/ai/assistant_apps", json=body).json()["id"]
    return agent_id


def chat_body(
    agent_id: str, text: str = MESSAGE, chat_id: str = "0d6c3a55-3b5e-4c1a-9f5e-2f6a1c0e0001"
) -> dict[str, Any]:
    return {"id": chat_id, "assistant_id": agent_id, "messages": [{"role": "user", "content": text}]}


def timed_lines(response: httpx.Response) -> tuple[list[str], list[float]]:
    """The non-empty lines of a streamed body, and when each arrived."""
    lines, arrivals = [], []
    for line in response.iter_lines():
        if line:
            lines.append(line)
            arrivals.append(time.monotonic())
    return lines, arrivals


def events_of(body: str) -> list[Any]:
    lines = [line.removeprefix("data: ") for line in body.split("\n\n") if line]
    return [line if line == "[DONE]" else json.loads(line) for line in lines]


def test_deltas_arrive_one_by_one_as_the_server_sends_them(http: httpx.Client) -> None:
    agent = make_agent(http, streaming=True)
    with http.stream("POST", "/ai-agent/v2/chat", json=chat_body(agent), headers=PACED) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        assert response.headers["x-vercel-ai-ui-message-stream"] == "v1"
        lines, arrivals = timed_lines(response)
    deltas = [(i, json.loads(line[6:])) for i, line in enumerate(lines) if '"text-delta"' in line]
    text = "".join(event["delta"] for _, event in deltas)
    assert text == f"You said: {MESSAGE}"
    (first, _), (last, _) = deltas[0], deltas[-1]
    # The last delta is sent (last - first) delays after the first one: the first must have arrived well before.
    assert arrivals[last] - arrivals[first] >= 0.5 * DELAY * (last - first)
    assert lines[-1] == "data: [DONE]"


def test_a_stream_has_the_ui_message_shape(http: httpx.Client) -> None:
    agent = make_agent(http, streaming=True, show_thinking_process=True)
    events = events_of(http.post("/ai-agent/v2/chat", json=chat_body(agent, "please use tool now")).text)
    types = [e if e == "[DONE]" else e["type"] for e in events]
    assert types[:3] == ["start", "start-step", "reasoning-start"]
    assert "reasoning-delta" in types
    tool = types.index("tool-input-start")
    assert types[tool : tool + 4] == [
        "tool-input-start",
        "tool-input-delta",
        "tool-input-available",
        "tool-output-available",
    ]
    assert types[-4:] == ["text-end", "finish-step", "finish", "[DONE]"]


def test_the_turn_is_saved_in_the_chat_history(http: httpx.Client) -> None:
    agent = make_agent(http, streaming=True)
    http.post("/ai-agent/v2/chat", json=chat_body(agent, "first"))
    http.post("/ai-agent/v2/chat", json=chat_body(agent, "second"))
    messages = http.get("/ai-agent/chat-client/chats/0d6c3a55-3b5e-4c1a-9f5e-2f6a1c0e0001/messages").json()
    texts = [(m["role"], m["parts"][-1]["text"]) for m in messages]
    assert texts == [
        ("user", "first"),
        ("assistant", "You said: first"),
        ("user", "second"),
        ("assistant", "You said: second"),
    ]
    assert http.get("/ai-agent/chat-client/chats/0d6c3a55-3b5e-4c1a-9f5e-2f6a1c0e0001").json()["status"] == "idle"
    assert (
        http.get("/ai-agent/chat-client/chats/0d6c3a55-3b5e-4c1a-9f5e-2f6a1c0e0001/status/stream").text
        == 'data: {"status":"idle"}\n\n'
    )


def test_a_non_streaming_agent_answers_text_plain(http: httpx.Client) -> None:
    agent = make_agent(http)  # new agents default to streaming: false
    response = http.post("/ai-agent/v2/chat", json=chat_body(agent, "hello"))
    assert response.headers["content-type"].startswith("text/plain")
    assert response.text == "You said: hello"
    wrapped = http.post("/ai-agent/v2/chat", json={**chat_body(agent, "hi"), "from-connector": True})
    assert (
        wrapped.text
        == "session_id: 0d6c3a55-3b5e-4c1a-9f5e-2f6a1c0e0001\n\n<chat_result>\nYou said: hi\n</chat_result>"
    )


def test_an_unknown_assistant_is_500_as_on_the_platform(http: httpx.Client) -> None:
    response = http.post("/ai-agent/v2/chat", json=chat_body("nope"))
    assert (response.status_code, response.json()) == (500, {"error": "Assistant not found: nope"})


def test_sub_agent_chat_and_its_history(http: httpx.Client) -> None:
    agent = make_agent(http, streaming=True)
    body = {
        "assistant_id": agent,
        "session_id": "s1",
        "chat_id": "sub",
        "messages": [{"role": "user", "content": "go"}],
    }
    assert events_of(http.post("/ai-agent/v2/sub-agent-chat", json=body).text)[-1] == "[DONE]"
    history = http.get("/ai-agent/v2/sub-agent-chat/history", params={"session_id": "s1"}).json()
    assert [m["role"] for m in history["messages"]] == ["user", "assistant"]
    assert http.get("/ai-agent/chat-client/chats").json()["chats"] == []  # sub-agent chats are hidden


def test_completion_chunks_stream_and_end_with_done(http: httpx.Client) -> None:
    body = {"model": "gpt-4o", "messages": [{"role": "user", "content": MESSAGE}], "stream": True}
    with http.stream("POST", "/v3/ai/completions", json=body, headers=PACED) as response:
        lines, arrivals = timed_lines(response)
    chunks = [json.loads(line[6:]) for line in lines[:-1]]
    assert lines[-1] == "data: [DONE]"
    assert {c["object"] for c in chunks} == {"chat.completion.chunk"}
    assert "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks) == f"You said: {MESSAGE}"
    assert chunks[-1]["choices"][0]["finish_reason"] == "stop"
    assert arrivals[-1] - arrivals[0] >= 0.5 * DELAY * (len(lines) - 1)


@pytest.mark.anyio
async def test_status_stream_reports_processing_then_idle_when_the_turn_ends(
    imbrace_emulator: Emulator, http: httpx.Client
) -> None:
    agent = make_agent(http, streaming=True)
    times: dict[str, float] = {}
    async with httpx.AsyncClient(base_url=imbrace_emulator.url, headers=HEADERS, timeout=10) as client:
        started = anyio.Event()

        async def chat() -> None:
            async with client.stream("POST", "/ai-agent/v2/chat", json=chat_body(agent), headers=PACED) as response:
                async for line in response.aiter_lines():
                    started.set()
                    if line == "data: [DONE]":
                        times["done"] = time.monotonic()

        async def status() -> None:
            await started.wait()
            async with client.stream(
                "GET", "/ai-agent/chat-client/chats/0d6c3a55-3b5e-4c1a-9f5e-2f6a1c0e0001/status/stream"
            ) as response:
                async for line in response.aiter_lines():
                    if line:
                        times[json.loads(line[6:])["status"]] = time.monotonic()

        with anyio.fail_after(10):
            async with anyio.create_task_group() as group:
                group.start_soon(chat)
                group.start_soon(status)
    assert times["processing"] < times["done"] <= times["idle"] + DELAY


@pytest.mark.anyio
async def test_a_client_that_disconnects_stops_its_stream(imbrace_emulator: Emulator, http: httpx.Client) -> None:
    agent = make_agent(http, streaming=True)
    slow = {"x-emulator-chat-delay": "0.5"}  # the whole reply would take about 8 s
    async with httpx.AsyncClient(base_url=imbrace_emulator.url, headers=HEADERS, timeout=10) as client:
        async with client.stream("POST", "/ai-agent/v2/chat", json=chat_body(agent), headers=slow) as response:
            async for _ in response.aiter_lines():
                break
        started = time.monotonic()
        with anyio.fail_after(3):
            async with client.stream(
                "GET", "/ai-agent/chat-client/chats/0d6c3a55-3b5e-4c1a-9f5e-2f6a1c0e0001/status/stream"
            ) as status:
                lines = [line async for line in status.aiter_lines() if line]
    assert lines[-1] == 'data: {"status":"idle"}' and time.monotonic() - started < 3
    reply = http.get("/ai-agent/chat-client/chats/0d6c3a55-3b5e-4c1a-9f5e-2f6a1c0e0001/messages").json()[-1]
    assert reply["parts"][-1]["text"] == f"You said: {MESSAGE}"  # as on the platform, the turn still completes
