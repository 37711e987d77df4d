"""Chat v2 as the documentation uses it: `stream_chat` (typed events), `stream_chat_text`, a non-streaming agent.

Each reply is checked against the chat history the service saved, so a stream that lost, reordered or repeated a
delta fails, on a replay as on a live server. `test_stream_chat_live` runs the same turn on a live emulator, where
the deltas must also arrive one by one rather than all at the end.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from imbrace.types.ui_message import TextDeltaChunk, TextEndChunk, TextStartChunk, UIMessageChunk

from .support import collect, read_text
from helpers import Harness

pytestmark = pytest.mark.integration

FIRST, SECOND = "What can you do?", "Summarize our refund policy."
DELAY = 0.01
"""Seconds between two events of the live emulator's stream."""


def create_agent(h: Harness, *, streaming: bool) -> str:
    body = {"name": "Support Bot", "workflow_name": "support_bot_v1", "streaming": streaming}
    agent_id: str = h.call(h.client.chat_ai.create_ai_agent, body)["id"]
    return agent_id


def turn(agent_id: str, text: str) -> dict[str, Any]:
    """A turn's body, in a chat whose `id` is explicit: new with each recording (the agent is new), and the same on
    every replay of it (the agent's id comes from the cassette), where the SDK would send a random one."""
    chat_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"imbrace-test-chat:{agent_id}"))
    return {"id": chat_id, "assistant_id": agent_id, "messages": [{"role": "user", "content": text}]}


def text_of(events: list[UIMessageChunk]) -> str:
    """The reply's text, checking the stream's shape: `start` first, `finish` last, each delta inside its text part."""
    assert (events[0].type, events[-1].type) == ("start", "finish")
    open_parts: set[str] = set()
    deltas = []
    for event in events:
        if isinstance(event, TextStartChunk):
            open_parts.add(event.id)
        elif isinstance(event, TextDeltaChunk):
            assert event.id in open_parts
            deltas.append(event.delta)
        elif isinstance(event, TextEndChunk):
            open_parts.remove(event.id)
    assert deltas and not open_parts
    return "".join(deltas)


def saved_replies(h: Harness, chat_id: str) -> list[str]:
    """The assistant messages of the chat's history, oldest first."""
    history = h.call(h.client.ai_agent.get_chat, chat_id, include_messages=True)
    return [message["content"] for message in history["messages"] if message["role"] == "assistant"]


def chat_flow(h: Harness, arrivals: list[float] | None = None, **options: Any) -> None:
    """A streaming agent answers two turns, as typed events then as text; both replies are the ones it saved."""
    agent_id = create_agent(h, streaming=True)
    first_turn = turn(agent_id, FIRST)
    stream = h.call(h.client.ai_agent.stream_chat, first_turn, **options)
    assert stream.headers["content-type"].startswith("text/event-stream")
    first = text_of(collect(h, stream, arrivals))

    pieces = collect(h, h.client.ai_agent.stream_chat_text(turn(agent_id, SECOND), **options))
    assert pieces and all(pieces)

    assert saved_replies(h, first_turn["id"]) == [first, "".join(pieces)]
    assert h.call(h.client.chat_ai.delete_ai_agent, agent_id) is True


def test_stream_chat(client: Harness) -> None:
    chat_flow(client)


def test_stream_chat_live(live_client: Harness) -> None:
    arrivals: list[float] = []
    chat_flow(live_client, arrivals, extra_headers={"x-emulator-chat-delay": str(DELAY)})
    # Each event is sent DELAY after the one before: had the stream been read whole, all would arrive together.
    assert arrivals[-1] - arrivals[0] >= 0.5 * DELAY * (len(arrivals) - 1)


def test_non_streaming_agent_answers_plain_text(client: Harness) -> None:
    agent_id = create_agent(client, streaming=False)
    body = turn(agent_id, FIRST)
    stream = client.call(client.client.ai_agent.stream_chat, body)
    stream.raise_for_status()
    assert stream.headers["content-type"].startswith("text/plain")
    reply = read_text(client, stream)
    assert reply and saved_replies(client, body["id"]) == []  # as on the service: a plain reply is not saved
    assert client.call(client.client.ai_agent.get_client_chat, body["id"])["status"] == "processing"
    assert client.call(client.client.chat_ai.delete_ai_agent, agent_id) is True
