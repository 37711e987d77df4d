"""A conversation recorded against the real AI-agent service, replayed through the thread handle on both clients.

`recorded_conversation.json` holds two turns on one chat, then its history and the chat, as the service answered
them (see its `note`). A loopback server answers in the recorded order and checks that the thread sends what the
service was sent: the same chat id, agent and organization, and only the new user message (any UUID as its id).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from thread_support import text_of

from helpers import Harness, Reply, Seen, scripted_server

RECORDING = json.loads(Path(__file__).with_name("recorded_conversation.json").read_text(encoding="utf-8"))
EXCHANGES: list[dict[str, Any]] = RECORDING["exchanges"]
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def without_message_ids(body: Any) -> Any:
    """The body with each message id replaced by a mark (a UUID, fresh per send, is all the service requires)."""
    messages = [{**m, "id": "<uuid>" if UUID.fullmatch(str(m.get("id"))) else m.get("id")} for m in body["messages"]]
    return {**body, "messages": messages}


class Replay:
    """Answers each request with the next recorded exchange; anything else is a 599 and a recorded mismatch."""

    def __init__(self) -> None:
        self.next = 0
        self.mismatches: list[str] = []

    def __call__(self, seen: Seen) -> Reply:
        if self.next == len(EXCHANGES):
            return self._mismatch(f"unexpected {seen.method} {seen.path}")
        exchange = EXCHANGES[self.next]
        if (seen.method, seen.path) != (exchange["method"], exchange["path"]):
            return self._mismatch(f"{seen.method} {seen.path} instead of {exchange['method']} {exchange['path']}")
        expected = exchange["request_body"]
        if expected is not None and without_message_ids(json.loads(seen.body)) != without_message_ids(expected):
            return self._mismatch(f"{exchange['step']}: sent {seen.body!r}")
        self.next += 1
        body = exchange["body"]
        encoded = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        headers = {**exchange.get("headers", {}), "content-type": exchange["content_type"]}
        return Reply(exchange["status"], encoded, headers)

    def _mismatch(self, what: str) -> Reply:
        self.mismatches.append(what)
        return Reply(599, {"error": what})


def test_a_recorded_conversation_replays_through_the_handle(new_client: Callable[..., Harness]) -> None:
    replay = Replay()
    first_turn = EXCHANGES[0]["request_body"]
    with scripted_server(replay) as server:
        harness = new_client(
            api_key="test-key", organization_id="org_1", services={"ai_agent": server.url}, max_retries=0
        )
        thread = harness.client.ai_agent.threads.create(first_turn["assistant_id"], chat_id=first_turn["id"])
        replies = [harness.call(thread.reply, text) for text in ("Hello there", "Second turn")]
        stored = harness.call(thread.messages)
        title = harness.call(thread.title)

    assert replay.mismatches == []
    assert replay.next == len(EXCHANGES)
    assert stored == EXCHANGES[2]["body"]
    saved_replies = [message for message in stored if message["role"] == "assistant"]
    assert [reply.text for reply in replies] == [text_of(message) for message in saved_replies]
    assert [(m["role"], text_of(m)) for m in thread.history] == [(m["role"], text_of(m)) for m in stored]
    assert [m["id"] for m in thread.history if m["role"] == "assistant"] == [m["id"] for m in saved_replies]
    assert title == EXCHANGES[3]["body"]["title"] == "Hello there"
