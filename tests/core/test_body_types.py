"""A request body of the wrong type raises a TypeError naming the argument and the expected type, before anything is
sent (issue 14): `None`, a str or a dataclass where a JSON object belongs, on every method that takes a `body`."""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from imbrace import AsyncImbraceClient, ImbraceClient
from tests.helpers import Harness, Recorder


@dataclasses.dataclass
class AgentSettings:
    name: str = "Bot"


WRONG_BODIES = [None, '{"name": "Bot"}', AgentSettings()]

# A method per namespace (and per helper a body passes through first), with the arguments before the body.
CALLS: dict[str, tuple[Callable[[Any], Callable[..., Any]], tuple[str, ...], str]] = {
    "chat_ai.create_ai_agent": (lambda c: c.chat_ai.create_ai_agent, (), "CreateAiAgentBody"),
    "chat_ai.update_ai_agent": (lambda c: c.chat_ai.update_ai_agent, ("agent_1",), "UpdateAiAgentBody"),
    "boards.create_item": (lambda c: c.boards.create_item, ("board_1",), "CreateItemBody"),
    "boards.create_folder": (lambda c: c.boards.create_folder, (), "CreateFolderBody"),
    "folders.create": (lambda c: c.folders.create, (), "CreateFolderBody"),
    "ai.create_guardrail": (lambda c: c.ai.create_guardrail, (), "CreateGuardrailBody"),
    "ai_agent.stream_chat": (lambda c: c.ai_agent.stream_chat, (), "StreamChatBody"),
    "ai_agent.register_chat_client": (lambda c: c.ai_agent.register_chat_client, (), "RegisterChatClientBody"),
}


@pytest.mark.parametrize("body", WRONG_BODIES, ids=["None", "str", "dataclass"])
@pytest.mark.parametrize("call", sorted(CALLS))
def test_a_wrong_body_type_raises_before_sending(kind: str, new_client: Any, call: str, body: object) -> None:
    recorder = Recorder()
    harness: Harness = new_client(api_key="k", organization_id="org_1", http_client=recorder.http_client(kind))
    method, leading, expected = CALLS[call]
    with pytest.raises(TypeError, match=rf"body must be a mapping \({expected}, a dict\), got {type(body).__name__}"):
        harness.call(method(harness.client), *leading, body)
    with pytest.raises(TypeError, match="body must be a mapping"):
        harness.call(method(harness.client), *leading, body=body)
    assert recorder.requests == []


def test_the_check_keeps_each_methods_signature_and_an_optional_body_may_be_left_out() -> None:
    for client_class in (ImbraceClient, AsyncImbraceClient):
        client = client_class(api_key="k")
        assert "body" in inspect.signature(client.chat_ai.create_ai_agent).parameters
    recorder = Recorder(lambda request: httpx.Response(200, json={"id": "u", "email": "a@b.co"}))
    client = ImbraceClient(api_key="k", organization_id="org_1", http_client=recorder.http_client("sync"))
    assert client.ai_agent.get_chat_client_user() == {"id": "u", "email": "a@b.co"}
    assert client.ai_agent.get_chat_client_user(body=None) == {"id": "u", "email": "a@b.co"}
    assert [request.content for request in recorder.requests] == [b"", b""]
