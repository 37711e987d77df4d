"""The documentation's AI agent CRUD flow, and the AI service's 400 for an unknown agent, from a cassette too."""

from __future__ import annotations

import pytest

from imbrace import BadRequestError

from helpers import Harness

pytestmark = pytest.mark.integration

UNKNOWN_AGENT = "00000000-0000-4000-8000-000000000000"


def test_agent_crud(client: Harness) -> None:
    agents = client.client.chat_ai
    created = client.call(
        agents.create_ai_agent,
        {
            "name": "Support Bot",
            "workflow_name": "support_bot_v1",
            "provider_id": "system",
            "model_id": "Default",
            "streaming": True,
            "description": "Handles tier-1 support queries",
        },
    )
    agent_id = created["id"]
    assert created["streaming"] is True

    fetched = client.call(agents.get_ai_agent, agent_id)
    assert (fetched["id"], fetched["name"]) == (agent_id, "Support Bot")

    updated = client.call(
        agents.update_ai_agent, agent_id, {"name": "Support Bot v2", "workflow_name": "support_bot_v1"}
    )
    assert (updated["name"], updated["streaming"]) == ("Support Bot v2", True)  # merged: streaming is kept
    client.call(agents.update_ai_agent_instructions, agent_id, "You are a helpful support agent.")
    assert client.call(agents.get_ai_agent, agent_id)["core_task"] == "You are a helpful support agent."

    listed = client.call(agents.list_ai_agents)
    assert [agent["name"] for agent in listed if agent["id"] == agent_id] == ["Support Bot v2"]

    assert client.call(agents.delete_ai_agent, agent_id) is True
    with pytest.raises(BadRequestError):
        client.call(agents.get_ai_agent, agent_id)


def test_unknown_agent_is_a_bad_request(token_client: Harness) -> None:
    with pytest.raises(BadRequestError, match="Assistant not found") as raised:
        token_client.call(token_client.client.chat_ai.get_ai_agent, UNKNOWN_AGENT)
    assert raised.value.status_code == 400
    assert f"GET /v3/ai/assistants/{UNKNOWN_AGENT}" in str(raised.value)
