"""`Thread.cancel()` from another thread (sync client) or task (async client), in the middle of a reply: the reply
ends, its connection is closed, the part that arrived is kept, and the next `send` works."""

from __future__ import annotations

import threading
import time

import anyio
import pytest
from thread_support import DELAY_HEADER, WAIT, aclosed_soon, closed_soon, socket_of, text_of

from imbrace import AsyncImbraceClient, ImbraceClient

LONG = "please answer with all of these words one after another so that the reply takes a while"
FULL = f"You said: {LONG}"
SLOW = {DELAY_HEADER: "0.2"}  # about 5 s for the whole reply: far longer than a cancel takes


def check_cut(texts: list[str]) -> None:
    received = "".join(texts)
    assert texts and len(received) < len(FULL) and FULL.startswith(received)


def test_cancel_from_another_thread(imbrace_client: ImbraceClient, agent_id: str) -> None:
    thread = imbrace_client.ai_agent.threads.create(agent_id)
    reply = thread.send(LONG, extra_headers=SLOW)
    sock = socket_of(reply.response)
    first_text, outcome = threading.Event(), []
    canceller = threading.Thread(target=lambda: outcome.append(first_text.wait(WAIT) and thread.cancel()))
    canceller.start()
    texts = []
    for text in reply.iter_text():
        texts.append(text)
        first_text.set()
    canceller.join(WAIT)

    assert outcome == [True] and reply.cancelled
    check_cut(texts)
    assert closed_soon(sock)
    assert thread.history[-1]["metadata"] == {"partial": True}
    assert text_of(thread.history[-1]) and "".join(texts).startswith(text_of(thread.history[-1]))
    assert thread.cancel() is False  # nothing in flight any more

    assert thread.reply("again").text == "You said: again"
    thread.wait_idle(timeout=WAIT)
    assert [text_of(m) for m in thread.messages() if m["role"] == "user"] == [LONG, "again"]


@pytest.mark.anyio
async def test_cancel_from_another_task(async_imbrace_client: AsyncImbraceClient, agent_id: str) -> None:
    async with async_imbrace_client as client:
        thread = client.ai_agent.threads.create(agent_id)
        reply = await thread.send(LONG, extra_headers=SLOW)
        sock = socket_of(reply.response)
        first_text, outcome, texts = anyio.Event(), [], []

        async def cancel_after_the_first_text() -> None:
            await first_text.wait()
            outcome.append(await thread.cancel())

        with anyio.fail_after(WAIT):
            async with anyio.create_task_group() as tasks:
                tasks.start_soon(cancel_after_the_first_text)
                async for text in reply.aiter_text():
                    texts.append(text)
                    first_text.set()

        assert outcome == [True] and reply.cancelled
        check_cut(texts)
        assert await aclosed_soon(sock)
        assert thread.history[-1]["metadata"] == {"partial": True}
        assert await thread.cancel() is False

        assert (await thread.reply("again")).text == "You said: again"
        await thread.wait_idle(timeout=WAIT)
        assert [text_of(m) for m in await thread.messages() if m["role"] == "user"] == [LONG, "again"]


def test_cancel_before_the_reply_is_read(imbrace_client: ImbraceClient, agent_id: str) -> None:
    thread = imbrace_client.ai_agent.threads.create(agent_id)
    reply = thread.send("one", extra_headers=SLOW)
    sock = socket_of(reply.response)
    assert thread.cancel() is True
    assert closed_soon(sock)
    assert thread.history[-1]["role"] == "user"  # nothing of the reply was read
    assert thread.reply("two").text == "You said: two"


def test_cancel_wakes_a_read_waiting_on_a_silent_server(imbrace_client: ImbraceClient, agent_id: str) -> None:
    thread = imbrace_client.ai_agent.threads.create(agent_id)
    reply = thread.send("one", extra_headers={DELAY_HEADER: "5"})  # `start` at once, then 5 s of silence
    waiting, events = threading.Event(), []

    def read() -> None:
        for event in reply.iter_events():
            events.append(event.type)
            waiting.set()  # back to reading: the next event is 5 s away

    reader = threading.Thread(target=read)
    reader.start()
    assert waiting.wait(WAIT)
    started = time.monotonic()
    assert thread.cancel() is True
    reader.join(WAIT)
    assert not reader.is_alive()
    assert time.monotonic() - started < 2.5  # not when the server next writes
    assert events == ["start"]
