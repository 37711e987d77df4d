"""The login helpers and the health check against the emulator; the client switches to the tokens it is handed."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

import imbrace
from imbrace.emulator import Emulator

from helpers import Harness, Recorder

NewClient = Callable[..., Harness]


def test_otp_login_then_organization_selection(new_client: NewClient, kind: str, imbrace_emulator: Emulator) -> None:
    harness = new_client(api_key="bootstrap-key", gateway=imbrace_emulator.url)
    client = harness.client
    assert harness.call(client.request_otp, "ada@example.com") is None
    answer = harness.call(client.login_with_otp, "ada@example.com", "123456")
    assert isinstance(answer["organizations"], list)
    login_token = client._transport.credentials.access_token
    assert login_token and login_token.startswith("login_acc_")
    assert client._transport.credentials.api_key is None
    harness.call(client.select_organization, "org_42")
    assert client.organization_id == "org_42"
    scoped = client._transport.credentials.access_token
    assert scoped and scoped.startswith("acc_") and scoped != login_token
    assert harness.call(client.chat_ai.list_ai_agents) == []


def test_a_failed_selection_keeps_the_previous_state(new_client: NewClient, kind: str) -> None:
    recorder = Recorder(respond=lambda request: httpx.Response(403, json={"message": "not a member"}))
    harness = new_client(http_client=recorder.http_client(kind), access_token="login_acc_1", organization_id="org_a")
    with pytest.raises(imbrace.PermissionDeniedError, match="not a member"):
        harness.call(harness.client.select_organization, "org_b")
    assert recorder.requests[-1].headers["x-organization-id"] == "org_b"
    assert harness.client.organization_id == "org_a"
    assert harness.client._transport.credentials.access_token == "login_acc_1"


def test_a_login_answer_without_a_token_is_a_clear_error(new_client: NewClient, kind: str) -> None:
    recorder = Recorder(respond=lambda request: httpx.Response(200, json={"organizations": []}))
    harness = new_client(http_client=recorder.http_client(kind))
    with pytest.raises(imbrace.ImbraceError, match="no token"):
        harness.call(harness.client.login, "ada@example.com", "pw")


def test_check_health_calls_the_service_on_construction_or_entry(imbrace_emulator: Emulator) -> None:
    import asyncio

    route = "GET /ai-agent/health"
    with imbrace.ImbraceClient(api_key="k", gateway=imbrace_emulator.url, check_health=True):
        assert imbrace_emulator.requests()["counts"].get(route) == 1

    async def enter() -> None:
        client = imbrace.AsyncImbraceClient(api_key="k", gateway=imbrace_emulator.url, check_health=True)
        assert imbrace_emulator.requests()["counts"].get(route) == 1
        async with client:
            assert imbrace_emulator.requests()["counts"].get(route) == 2

    asyncio.run(enter())
