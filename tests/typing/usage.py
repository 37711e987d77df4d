"""Typed usage of both clients: `mypy --strict` checks this file (scripts/test runs mypy; pytest never runs it).

Each `assert_type` pins what an IDE shows a user: results keep their TypedDict shapes, streams their chunk types.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
from typing_extensions import assert_type

from imbrace import AsyncImbraceClient, ImbraceClient
from imbrace._async.streaming import AsyncChatStream, AsyncEventStream
from imbrace._generated.ai_agent.shapes import ClientChat, ClientChatList, ConfigResponse
from imbrace._generated.gateway.shapes import AiAgent, Board, Folder, Guardrail, LlmModel
from imbrace._sync.streaming import ChatStream, EventStream
from imbrace.types import UIMessage, UIMessageChunk
from imbrace.types.ai import ChatCompletionChunk, Completion, CompletionInput, CompletionMessage, Embedding


def sync_usage(client: ImbraceClient) -> None:
    created = client.chat_ai.create_ai_agent({"name": "Support Bot", "workflow_name": "support_bot_v1"})
    assert_type(created, AiAgent)
    agent_id: str = created["id"]
    assert_type(client.chat_ai.get_ai_agent(agent_id), AiAgent)
    assert_type(client.chat_ai.update_ai_agent(agent_id, {"name": "v2"}, merge=False), AiAgent)
    assert_type(client.ai.list_guardrails(), list[Guardrail])

    models = client.ai.list_models()
    assert_type(models, list[LlmModel])
    flags: list[bool | None] = [model.get("is_toolCall_available") for model in models]
    del flags

    completion = client.ai.complete(
        CompletionInput(model="gpt-4o", messages=[CompletionMessage(role="user", content="Hi")])
    )
    assert_type(completion, Completion)
    content = completion.choices[0].message.content
    assert_type(content, str | list[Any] | None)
    del content
    for chunk in client.ai.stream(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}]):
        assert_type(chunk, ChatCompletionChunk)
    assert_type(client.ai.embed(model="m", input=["a"]), Embedding)

    stream = client.ai_agent.stream_chat({"assistant_id": agent_id, "messages": []})
    assert_type(stream, ChatStream)
    assert_type(stream.status_code, int)
    assert_type(stream.response, httpx.Response)
    for event in stream.iter_events():
        assert_type(event, UIMessageChunk)
    assert_type(stream.get_final_message(), UIMessage)
    assert_type(client.ai_agent.stream_chat_text({"assistant_id": agent_id, "messages": []}), Iterator[str])
    assert_type(client.ai_agent.stream_client_chat_status("chat_id"), EventStream)

    assert_type(client.ai_agent.get_config(), ConfigResponse)
    assert_type(client.ai_agent.list_client_chats(limit=20), ClientChatList)
    assert_type(client.ai_agent.iter_client_chats(), Iterator[ClientChat])

    folder = client.boards.create_folder({"name": "Q1 Reports"})
    assert_type(folder, Folder)
    folder_id: str = folder["_id"]
    del folder_id
    assert_type(client.boards.iter_boards(), Iterator[Board])
    assert_type(client.boards.download_file_to("file_id", Path("out.bin")), Path)
    with client.with_options(timeout=5, max_retries=0) as quick:
        assert_type(quick, ImbraceClient)


async def async_usage(client: AsyncImbraceClient) -> None:
    created = await client.chat_ai.create_ai_agent({"name": "Support Bot", "workflow_name": "support_bot_v1"})
    assert_type(created, AiAgent)
    assert_type(await client.ai.list_models(), list[LlmModel])
    assert_type(await client.ai.complete(model="gpt-4o", messages=[]), Completion)
    async for chunk in client.ai.stream(model="gpt-4o", messages=[]):
        assert_type(chunk, ChatCompletionChunk)

    stream = await client.ai_agent.stream_chat({"assistant_id": created["id"], "messages": []})
    assert_type(stream, AsyncChatStream)
    async for event in stream.aiter_events():
        assert_type(event, UIMessageChunk)
    assert_type(await stream.get_final_message(), UIMessage)
    text = client.ai_agent.stream_chat_text({"assistant_id": created["id"], "messages": []})
    assert_type(text, AsyncIterator[str])
    assert_type(await client.ai_agent.stream_client_chat_status("chat_id"), AsyncEventStream)
    assert_type(client.ai_agent.iter_client_chats(), AsyncIterator[ClientChat])
    assert_type(await client.boards.create_folder({"name": "Q1"}), Folder)
    async with client.with_options(timeout=5) as quick:
        assert_type(quick, AsyncImbraceClient)
