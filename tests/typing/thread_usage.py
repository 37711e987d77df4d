"""Typed usage of conversation threads on both clients: `mypy --strict` checks this file (pytest never runs it)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

from typing_extensions import assert_type

from imbrace import AsyncImbraceClient, ImbraceClient
from imbrace._async.threads import AsyncThread, AsyncThreadReply
from imbrace._generated.ai_agent.shapes import ClientChat, ClientMessage
from imbrace._sync.threads import Thread, ThreadReply
from imbrace.types import UIMessage


def sync_usage(client: ImbraceClient) -> None:
    thread = client.ai_agent.threads.create("asst_abc")
    assert_type(thread, Thread)
    assert_type(thread.reply("Hello"), UIMessage)
    with thread.send([{"type": "text", "text": "More"}]) as reply:
        assert_type(reply, ThreadReply)
        assert_type(reply.iter_text(), Iterator[str])
    assert_type(thread.cancel(), bool)
    assert_type(thread.wait_idle(timeout=5), None)
    assert_type(thread.messages(), list[ClientMessage])
    assert_type(thread.history, list[dict[str, Any]])
    assert_type(thread.title(), str | None)
    assert_type(thread.delete(), ClientChat | None)
    assert_type(client.ai_agent.threads.get(thread.id), Thread)
    assert_type(client.ai_agent.threads(thread.id), Thread)
    assert_type(client.ai_agent.threads.list(limit=10), Iterator[Thread])
    title: str = thread.chat["title"]
    del title


async def async_usage(client: AsyncImbraceClient) -> None:
    thread = client.ai_agent.threads.create("asst_abc")
    assert_type(thread, AsyncThread)
    assert_type(await thread.reply("Hello"), UIMessage)
    async with await thread.send("More") as reply:
        assert_type(reply, AsyncThreadReply)
        assert_type(reply.aiter_text(), AsyncIterator[str])
    assert_type(await thread.cancel(), bool)
    assert_type(await thread.wait_idle(timeout=5), None)
    assert_type(await thread.messages(), list[ClientMessage])
    assert_type(await client.ai_agent.threads.get(thread.id), AsyncThread)
    assert_type(client.ai_agent.threads.list(), AsyncIterator[AsyncThread])
