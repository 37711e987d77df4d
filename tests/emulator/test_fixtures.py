"""The fixtures shipped in `imbrace.testing.plugin`: SDK clients against a session emulator emptied per test."""

from __future__ import annotations

import httpx
import pytest

from imbrace import AsyncImbraceClient, ImbraceClient
from imbrace.emulator import Emulator

AGENT = {"name": "Support Bot", "workflow_name": "support_bot_v1", "streaming": True}


def test_the_client_runs_the_documented_flow(imbrace_client: ImbraceClient) -> None:
    created = imbrace_client.chat_ai.create_ai_agent(AGENT)
    assert imbrace_client.chat_ai.get_ai_agent(created["id"])["name"] == "Support Bot"
    assert [agent["id"] for agent in imbrace_client.chat_ai.list_ai_agents()] == [created["id"]]
    imbrace_client.chat_ai.delete_ai_agent(created["id"])
    assert imbrace_client.chat_ai.list_ai_agents() == []


def test_every_test_starts_from_an_empty_emulator(imbrace_client: ImbraceClient, imbrace_emulator: Emulator) -> None:
    assert imbrace_client.chat_ai.list_ai_agents() == []
    assert imbrace_emulator.requests()["total"] == 1


def test_the_wait_helper_sees_embedding_complete(imbrace_client: ImbraceClient, imbrace_emulator: Emulator) -> None:
    with httpx.Client(base_url=imbrace_emulator.url, headers={"x-api-key": "test-key"}) as http:
        folder = http.post("/data-board/folders", json={"name": "Docs", "organization_id": "o"}).json()["data"]["_id"]
        upload = http.post("/data-board/files/upload", files={"file": ("doc.txt", b"hi")}, data={"folder_id": folder})
        file_id = upload.json()["data"]["_id"]
    done = imbrace_client.ai_agent.process_embedding_and_wait(file_id, interval=0.01, timeout=5)
    assert done["data"]["status"] == "completed"


@pytest.mark.anyio
async def test_the_async_client(async_imbrace_client: AsyncImbraceClient) -> None:
    created = await async_imbrace_client.chat_ai.create_ai_agent(AGENT)
    assert (await async_imbrace_client.chat_ai.get_ai_agent(created["id"]))["id"] == created["id"]
