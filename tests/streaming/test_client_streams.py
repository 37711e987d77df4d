"""The namespace stream methods end to end against the emulator, on both clients: incremental arrival,
text/plain agents, typed failures, no retried chat turn, and cancellation that closes the connection."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

import imbrace
from imbrace.emulator import Emulator
from imbrace.testing import TEST_API_KEY

from helpers import Harness, Recorder

NewClient = Callable[..., Harness]
CHAT = "/ai-agent/v2/chat"


def _client(new_client: NewClient, emulator: Emulator, **kwargs: Any) -> Harness:
    return new_client(api_key=TEST_API_KEY, organization_id="org_test", gateway=emulator.url, **kwargs)


def _agent(harness: Harness, *, streaming: bool) -> str:
    body = {"name": f"bot-{streaming}", "workflow_name": "wf", "streaming": streaming}
    created = harness.call(harness.client.chat_ai.create_ai_agent, body)
    return str(created["id"])


def _body(agent_id: str, text: str = "tell me about billing and invoices please") -> dict[str, Any]:
    return {"assistant_id": agent_id, "messages": [{"role": "user", "content": text}]}


def _collect_text(harness: Harness, body: dict[str, Any], **options: Any) -> list[tuple[float, str]]:
    """(arrival time, delta) for each text delta `stream_chat_text` yields."""
    iterator = harness.client.ai_agent.stream_chat_text(body, **options)
    if harness.kind == "sync":
        return [(time.monotonic(), text) for text in iterator]

    async def collect() -> list[tuple[float, str]]:
        return [(time.monotonic(), text) async for text in iterator]

    return list(harness.call(collect))


def test_deltas_arrive_as_the_server_sends_them(new_client: NewClient, kind: str, imbrace_emulator: Emulator) -> None:
    harness = _client(new_client, imbrace_emulator)
    agent_id = _agent(harness, streaming=True)
    delay = 0.02
    arrivals = _collect_text(harness, _body(agent_id), extra_headers={"x-emulator-chat-delay": str(delay)})
    assert len(arrivals) >= 4
    assert "".join(text for _, text in arrivals).strip()
    spread = arrivals[-1][0] - arrivals[0][0]
    assert spread >= (len(arrivals) - 1) * delay * 0.5, "deltas were buffered, not streamed"


def test_a_non_streaming_agent_answers_text_plain(new_client: NewClient, kind: str, imbrace_emulator: Emulator) -> None:
    harness = _client(new_client, imbrace_emulator)
    agent_id = _agent(harness, streaming=False)
    text = "".join(delta for _, delta in _collect_text(harness, _body(agent_id)))
    assert text.strip()
    stream = harness.call(harness.client.ai_agent.stream_chat, _body(agent_id))
    assert stream.headers["content-type"].startswith("text/plain")
    body = stream.text if kind == "sync" else harness.call(stream.aread).decode()
    assert body == text


def test_typed_events_and_final_message(new_client: NewClient, kind: str, imbrace_emulator: Emulator) -> None:
    harness = _client(new_client, imbrace_emulator)
    stream = harness.call(harness.client.ai_agent.stream_chat, _body(_agent(harness, streaming=True)))
    assert stream.status_code == 200
    assert stream.raise_for_status() is stream
    message = harness.call(stream.get_final_message)
    assert message.text.strip()


def test_an_unknown_agent_raises_before_iteration(new_client: NewClient, kind: str, imbrace_emulator: Emulator) -> None:
    harness = _client(new_client, imbrace_emulator)
    with pytest.raises(imbrace.APIStatusError) as caught:
        harness.call(harness.client.ai_agent.stream_chat, _body("no-such-agent"))
    assert "no-such-agent" in str(caught.value)


def test_a_chat_turn_is_not_resent_after_a_503(new_client: NewClient, kind: str, imbrace_emulator: Emulator) -> None:
    harness = _client(new_client, imbrace_emulator)
    agent_id = _agent(harness, streaming=True)
    imbrace_emulator.add_fault(kind="status", path=CHAT, method="POST", status=503, times=1)
    with pytest.raises(imbrace.InternalServerError):
        harness.call(harness.client.ai_agent.stream_chat, _body(agent_id))
    assert imbrace_emulator.requests()["counts"][f"POST {CHAT}"] == 1


def test_a_cut_stream_raises_incomplete(new_client: NewClient, kind: str, imbrace_emulator: Emulator) -> None:
    harness = _client(new_client, imbrace_emulator)
    agent_id = _agent(harness, streaming=True)
    imbrace_emulator.add_fault(kind="cut", path=CHAT, method="POST", after=5, times=1)
    received: list[str] = []
    with pytest.raises(imbrace.IncompleteStreamError) as caught:
        if kind == "sync":
            received.extend(harness.client.ai_agent.stream_chat_text(_body(agent_id)))
        else:

            async def read() -> None:
                async for text in harness.client.ai_agent.stream_chat_text(_body(agent_id)):
                    received.append(text)

            harness.call(read)
    assert isinstance(caught.value, imbrace.APIConnectionError)
    assert "after 5 events" in str(caught.value)
    assert received, "the deltas before the cut were not delivered"


def test_cancelling_the_task_closes_the_connection(imbrace_emulator: Emulator) -> None:
    async def main() -> None:
        async with imbrace.AsyncImbraceClient(
            api_key=TEST_API_KEY, organization_id="org_test", gateway=imbrace_emulator.url
        ) as client:
            created = await client.chat_ai.create_ai_agent({"name": "b", "workflow_name": "w", "streaming": True})
            stream = await client.ai_agent.stream_chat(
                _body(created["id"]), extra_headers={"x-emulator-chat-delay": "0.5"}
            )
            first = asyncio.Event()

            async def consume() -> None:
                async for _ in stream:
                    first.set()

            task = asyncio.create_task(consume())
            await asyncio.wait_for(first.wait(), timeout=10)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            assert stream.response.is_closed

    asyncio.run(main())


def test_a_finished_stream_hands_its_connection_back_to_the_pool(imbrace_emulator: Emulator) -> None:
    with imbrace.ImbraceClient(
        api_key=TEST_API_KEY, organization_id="org_test", gateway=imbrace_emulator.url
    ) as client:
        created = client.chat_ai.create_ai_agent({"name": "b", "workflow_name": "w", "streaming": True})
        for _ in range(3):
            assert "".join(client.ai_agent.stream_chat_text(_body(created["id"])))
        pool = client._transport.http_client._transport._pool  # type: ignore[attr-defined]
        assert len(pool.connections) == 1


def test_stream_calls_ask_for_the_body_types_they_read(new_client: NewClient, kind: str) -> None:
    def respond(request: httpx.Request) -> httpx.Response:
        body = b'data: {"status":"idle"}\n\n' if "status" in request.url.path else b"data: [DONE]\n\n"
        return httpx.Response(200, content=body, headers={"content-type": "text/event-stream"})

    recorder = Recorder(respond=respond)
    harness = new_client(api_key="k", http_client=recorder.http_client(kind))
    ai_agent = harness.client.ai_agent
    for stream in (
        harness.call(ai_agent.stream_chat, {"assistant_id": "a", "messages": []}),
        harness.call(ai_agent.stream_sub_agent_chat, {"assistant_id": "a", "messages": []}),
        harness.call(ai_agent.stream_client_chat_status, "c1"),
    ):
        harness.call(stream.aclose if kind == "async" else stream.close)
    completions = harness.client.ai.stream(model="m", messages=[{"role": "user", "content": "hi"}])
    if kind == "sync":
        list(completions)
    else:

        async def drain() -> None:
            async for _ in completions:
                pass

        harness.call(drain)
    assert [r.headers["accept"] for r in recorder.requests] == [
        "text/event-stream, text/plain",
        "text/event-stream, text/plain",
        "text/event-stream",
        "text/event-stream",
    ]
