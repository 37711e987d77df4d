"""`client.ai_agent.threads` on both clients against the emulator: a conversation kept by the service, re-attaching,
listing, deleting, non-streaming agents, `wait_idle` and its bound, bad input refused before any request."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from time import monotonic
from typing import Any

import pytest
from thread_support import DELAY_HEADER, WAIT, collect, make_agent, text_of

from imbrace import ChatIdleTimeoutError, ImbraceClient, InternalServerError, NotFoundError
from imbrace._async.threads import AsyncThread, AsyncThreads
from imbrace._sync.threads import Thread, Threads
from imbrace.emulator import Emulator, EmulatorSettings
from imbrace.testing import TEST_ORGANIZATION_ID

from helpers import Harness

CHAT_TURN = "POST /ai-agent/v2/chat"
STATUS_STREAM = "GET /ai-agent/chat-client/chats/{chat_id}/status/stream"


def turns(messages: list[Any]) -> list[tuple[str, str]]:
    return [(message["role"], text_of(message)) for message in messages]


def routes(emulator: Emulator) -> dict[str, int]:
    """How many requests each route of the AI-agent service received."""
    counts: dict[str, int] = emulator.requests()["routes"]
    return {route: count for route, count in counts.items() if route.split(" ", 1)[1].startswith("/ai-agent/")}


def test_three_turns_are_kept_by_the_service_in_order(
    emulated: Harness, agent_id: str, sent_bodies: list[Any], imbrace_emulator: Emulator
) -> None:
    call, thread = emulated.call, emulated.client.ai_agent.threads.create(agent_id)
    assert call(thread.messages) == []
    assert call(thread.title) is None
    assert routes(imbrace_emulator) == {}  # nothing exists on the service before the first message

    replies = [call(thread.reply, text) for text in ("one", "two", "three")]
    call(thread.wait_idle, timeout=WAIT)

    assert [reply.text for reply in replies] == ["You said: one", "You said: two", "You said: three"]
    expected = [
        (role, text)
        for word in ("one", "two", "three")
        for role, text in (("user", word), ("assistant", f"You said: {word}"))
    ]
    stored = call(thread.messages)
    assert turns(stored) == expected
    assert turns(thread.history) == expected
    assert [m["id"] for m in stored if m["role"] == "assistant"] == [reply.id for reply in replies]
    assert [m["id"] for m in thread.history if m["role"] == "assistant"] == [reply.id for reply in replies]
    # Each turn names this chat and carries only its new message: the service reloads the rest itself.
    assert [sorted(body) for body in sent_bodies] == [["assistant_id", "id", "messages", "organization_id"]] * 3
    assert {(body["id"], body["assistant_id"], body["organization_id"]) for body in sent_bodies} == {
        (thread.id, agent_id, TEST_ORGANIZATION_ID)
    }
    assert [turns(body["messages"]) for body in sent_bodies] == [[("user", w)] for w in ("one", "two", "three")]
    writes = {route: n for route, n in routes(imbrace_emulator).items() if not route.startswith("GET ")}
    assert writes == {CHAT_TURN: 3}  # the first turn created the chat: no create_client_chat
    assert isinstance(call(thread.title), str)


def test_a_chat_is_reattached_by_id_and_continues(emulated: Harness, agent_id: str) -> None:
    call, threads = emulated.call, emulated.client.ai_agent.threads
    first = threads.create(agent_id)
    call(first.reply, "one")

    again = call(threads.get, first.id)
    assert (again.id, again.assistant_id) == (first.id, agent_id)
    assert turns(again.history) == [("user", "one"), ("assistant", "You said: one")]
    assert again.chat is not None and again.chat["id"] == first.id
    call(again.reply, "two")

    by_id = threads(first.id)  # no request: the agent is read from the chat on the first send
    assert by_id.assistant_id is None
    assert call(by_id.reply, "three").text == "You said: three"
    assert by_id.assistant_id == agent_id

    assert [text for role, text in turns(call(first.messages)) if role == "user"] == ["one", "two", "three"]


def test_list_pages_through_the_chats_newest_first(emulated: Harness, agent_id: str) -> None:
    call, threads = emulated.call, emulated.client.ai_agent.threads
    older, newer = threads.create(agent_id), threads.create(agent_id)
    call(older.reply, "older")
    call(newer.reply, "newer")
    listed = collect(emulated, threads.list(limit=1))
    assert [thread.id for thread in listed] == [newer.id, older.id]
    assert [thread.assistant_id for thread in listed] == [agent_id, agent_id]
    assert all(isinstance(thread, (Thread, AsyncThread)) and thread.chat for thread in listed)


def test_delete_removes_the_chat_and_the_handle_starts_over(
    emulated: Harness, agent_id: str, imbrace_emulator: Emulator
) -> None:
    call, threads = emulated.call, emulated.client.ai_agent.threads
    unsent = threads.create(agent_id)
    assert call(unsent.delete) is None
    assert routes(imbrace_emulator) == {}

    thread = threads.create(agent_id)
    call(thread.reply, "one")
    deleted = call(thread.delete)
    assert deleted is not None and deleted["id"] == thread.id
    assert thread.history == []
    with pytest.raises(NotFoundError):
        call(threads.get, thread.id)
    assert call(thread.reply, "fresh").text == "You said: fresh"
    assert turns(call(thread.messages)) == [("user", "fresh"), ("assistant", "You said: fresh")]


def test_a_streaming_false_agent_answers_through_the_same_handle(
    emulated: Harness, plain_agent_id: str, imbrace_emulator: Emulator
) -> None:
    call, thread = emulated.call, emulated.client.ai_agent.threads.create(plain_agent_id)
    reply = call(thread.send, "plain please")
    assert reply.plain and reply.headers["content-type"].startswith("text/plain")
    message = call(reply.get_final_message)
    assert message.text == "You said: plain please"
    # The service does not save such a reply: the thread keeps it, marked, in its own history.
    assert thread.history[-1]["role"] == "assistant"
    assert thread.history[-1]["parts"] == [{"type": "text", "text": "You said: plain please", "state": "done"}]
    assert thread.history[-1]["metadata"] == {"saved": False}
    # ...and does not mark the chat idle: waiting would last until the bound, so the thread does not ask.
    call(thread.wait_idle, timeout=WAIT)
    assert STATUS_STREAM not in routes(imbrace_emulator)

    assert call(thread.reply, "again").text == "You said: again"
    assert turns(thread.history)[0::2] == [("user", "plain please"), ("user", "again")]
    stored_users = [text for role, text in turns(call(thread.messages)) if role == "user"]
    assert stored_users == ["plain please", "again"]


def test_wait_idle_returns_after_the_reply(emulated: Harness, agent_id: str) -> None:
    call, thread = emulated.call, emulated.client.ai_agent.threads.create(agent_id)
    call(thread.wait_idle, timeout=0.001)  # no chat yet: nothing runs
    reply = call(thread.send, "one")
    assert call(reply.get_final_message).text == "You said: one"
    call(thread.wait_idle, timeout=WAIT)
    assert call(emulated.client.ai_agent.get_client_chat, thread.id)["status"] == "idle"


def test_wait_idle_gives_up_at_its_bound_while_a_turn_runs(emulated: Harness, agent_id: str) -> None:
    call, thread = emulated.call, emulated.client.ai_agent.threads.create(agent_id)
    call(thread.reply, "one")
    slow = call(thread.send, "two", extra_headers={DELAY_HEADER: "5"})  # the chat stays processing for 30 s
    started = monotonic()
    with pytest.raises(ChatIdleTimeoutError) as caught:
        call(thread.wait_idle, timeout=0.3)
    assert 0.3 <= monotonic() - started < 5
    error = caught.value
    assert isinstance(error, TimeoutError)
    assert (error.chat_id, error.timeout, error.status) == (thread.id, 0.3, "processing")
    assert str(error) == f"chat {thread.id} not finished after 0.3s (last status 'processing')"
    assert call(thread.cancel) is True
    assert slow.cancelled
    call(thread.wait_idle, timeout=WAIT)


def test_one_reply_at_a_time(emulated: Harness, agent_id: str, imbrace_emulator: Emulator) -> None:
    call, thread = emulated.call, emulated.client.ai_agent.threads.create(agent_id)
    reply = call(thread.send, "one")
    with pytest.raises(RuntimeError, match="previous reply is still open"):
        call(thread.send, "two")
    assert routes(imbrace_emulator)[CHAT_TURN] == 1
    call(reply.aclose if emulated.kind == "async" else reply.close)
    assert call(thread.reply, "two").text == "You said: two"


@pytest.mark.parametrize(
    ("content", "error"),
    [
        ("", ValueError),
        ("   ", ValueError),
        ([], ValueError),
        ([{"text": "no type"}], ValueError),
        ({"type": "text", "text": "a dict, not a list"}, TypeError),
        (["not a part"], TypeError),
    ],
)
def test_bad_messages_are_refused_before_sending(
    emulated: Harness, agent_id: str, imbrace_emulator: Emulator, content: Any, error: type[Exception]
) -> None:
    thread = emulated.client.ai_agent.threads.create(agent_id)
    with pytest.raises(error):
        emulated.call(thread.send, content)
    assert routes(imbrace_emulator) == {}
    assert thread.history == []


@pytest.mark.parametrize(
    "make", [lambda t: t.create(""), lambda t: t.create("asst", chat_id="chat_123"), lambda t: t("x")]
)
def test_bad_ids_are_refused(emulated: Harness, make: Callable[[Any], Any]) -> None:
    with pytest.raises(ValueError):
        make(emulated.client.ai_agent.threads)


def test_parts_are_sent_as_given(emulated: Harness, agent_id: str, sent_bodies: list[Any]) -> None:
    thread = emulated.client.ai_agent.threads.create(agent_id)
    parts = [{"type": "text", "text": "look at "}, {"type": "text", "text": "this"}]
    assert emulated.call(thread.reply, parts).text == "You said: look at this"
    assert sent_bodies[0]["messages"][0]["parts"] == parts
    assert thread.history[0]["parts"] == parts


@pytest.mark.parametrize("cls", [Thread, AsyncThread, Threads, AsyncThreads])
def test_every_public_method_has_an_example(cls: type) -> None:
    methods = [fn for name, fn in inspect.getmembers(cls) if not name.startswith("_") and inspect.isfunction(fn)]
    assert len(methods) >= 3
    assert [fn.__name__ for fn in methods if "Example" not in (inspect.getdoc(fn) or "")] == []
    assert "Example" in (inspect.getdoc(cls) or "")


def test_a_stale_idle_is_not_taken_for_idle(new_client: Callable[..., Harness]) -> None:
    with Emulator(EmulatorSettings(status_timeout=0.1)) as emulator:
        harness = new_client(api_key="k", organization_id="org_test", gateway=emulator.url, max_retries=0)
        with ImbraceClient(api_key="k", organization_id="org_test", gateway=emulator.url) as admin:
            agent_id = make_agent(admin)
        thread = harness.client.ai_agent.threads.create(agent_id)
        harness.call(thread.reply, "one")
        slow = harness.call(thread.send, "two", extra_headers={DELAY_HEADER: "5"})
        with pytest.raises(ChatIdleTimeoutError):
            harness.call(thread.wait_idle, timeout=0.5)  # stale idles every 0.1 s: each time it asks again
        assert routes(emulator)[STATUS_STREAM] >= 3
        harness.call(slow.aclose if harness.kind == "async" else slow.close)


def test_a_failed_turn_raises_and_the_thread_goes_on(
    emulated: Harness, agent_id: str, imbrace_emulator: Emulator
) -> None:
    thread = emulated.client.ai_agent.threads.create(agent_id)
    imbrace_emulator.add_fault(kind="status", path="/ai-agent/v2/chat", status=500, times=1)
    with pytest.raises(InternalServerError):
        emulated.call(thread.send, "one")
    assert thread.history == []
    assert routes(imbrace_emulator)[CHAT_TURN] == 1  # a chat turn is never sent twice
    assert emulated.call(thread.reply, "two").text == "You said: two"
