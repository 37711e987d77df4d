"""`client.ai_agent` sends the AI-agent service only bodies it accepts, on both clients.

The documentation's bodies the service rejects are either mapped, without loss, to the service's shape, or refused
with a ValueError that shows the shape that works, before any request is made (docs/doc-errata.md).
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
import pytest
from namespace_support import NewClient

from helpers import Harness, Recorder

CHAT = "5b0c2f8e-0a57-4c55-9d53-3a6f1b7c9e01"


def _ok(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json=[{"ok": True}])


def _client(new_client: NewClient, kind: str, recorder: Recorder) -> Harness:
    return new_client(http_client=recorder.http_client(kind), api_key="key-1", organization_id="org_1")


def _sent(new_client: NewClient, kind: str, method: str, *args: Any, **kwargs: Any) -> httpx.Request:
    recorder = Recorder(respond=_ok)
    harness = _client(new_client, kind, recorder)
    harness.call(getattr(harness.client.ai_agent, method), *args, **kwargs)
    assert len(recorder.requests) == 1
    return recorder.requests[0]


def _body(request: httpx.Request) -> Any:
    return json.loads(request.content)


def test_a_documented_message_is_sent_as_an_assistant_message(new_client: NewClient, kind: str) -> None:
    body = _body(_sent(new_client, kind, "persist_client_message", {"chatId": CHAT, "content": "Hello"}))
    message = body["message"]
    assert uuid.UUID(message.pop("id")).version == 4
    assert body == {"message": {"chatId": CHAT, "role": "assistant", "parts": [{"type": "text", "text": "Hello"}]}}


def test_a_documented_message_keeps_its_id_and_metadata(new_client: NewClient, kind: str) -> None:
    documented = {"id": "upstream-1", "chatId": CHAT, "content": "Hi", "metadata": {"model": "m"}}
    message = _body(_sent(new_client, kind, "persist_client_message", documented))["message"]
    assert (message["id"], message["metadata"]) == ("upstream-1", {"model": "m"})


def test_a_first_message_with_content_only_is_sent_with_a_text_part(new_client: NewClient, kind: str) -> None:
    chat = {"id": CHAT, "selectedVisibilityType": "private", "message": {"role": "user", "content": "Hello!"}}
    body = _body(_sent(new_client, kind, "create_client_chat", chat))
    assert body["message"] == {"role": "user", "parts": [{"type": "text", "text": "Hello!"}]}


def test_a_vote_key_is_sent_as_the_type(new_client: NewClient, kind: str) -> None:
    body = _body(_sent(new_client, kind, "update_vote", {"chatId": CHAT, "messageId": "m", "vote": "down"}))
    assert body == {"chatId": CHAT, "messageId": "m", "type": "down"}


def test_a_new_document_gets_a_new_uuid(new_client: NewClient, kind: str) -> None:
    request = _sent(new_client, kind, "create_document", {"title": "Plan", "kind": "text", "content": "Draft"})
    assert uuid.UUID(request.url.params["id"]).version == 4


def test_a_delete_without_timestamp_deletes_every_version(new_client: NewClient, kind: str) -> None:
    request = _sent(new_client, kind, "delete_document", CHAT)
    assert request.url.params["timestamp"] == "1970-01-01T00:00:00.000Z"


@pytest.mark.parametrize(
    ("method", "args", "shown"),
    [
        ("verify_chat_client_credentials", ({"token": "tok_xxx"},), "{'email': ..., 'password': ...}"),
        ("register_chat_client", ({"name": "web-app", "secret": "s3cr3t"},), "{'email': ..., 'password': ...}"),
        ("register_chat_client", ({"email": "a@b.co", "password": ""},), "the password is empty"),
        ("generate_client_chat_title", (CHAT,), "{'message': {'parts': [{'type': 'text'"),
        ("update_client_chat", (CHAT, {"title": "Renamed"}), "would silently ignore ['title']"),
        ("update_vote", ({"messageId": "m", "vote": "up"},), "['chatId'] missing"),
        ("persist_client_message", ({"chatId": CHAT},), "{'message': {'id': <uuid>, 'chatId'"),
        ("persist_client_message", ({"chatId": CHAT, "content": "x", "role": "user"},), "role 'user'"),
        ("create_document", ({"kind": "text", "content": "Draft..."},), "{'title': ..., 'content': ..., 'kind'"),
        ("delete_parquet_file", ("exports/users.parquet",), "e.g. '20261202_users'"),
        ("delete_parquet_file", ("users.parquet",), "folder as folder_name="),
    ],
    ids=lambda value: value if isinstance(value, str) and value.isidentifier() else None,
)
def test_a_body_the_service_rejects_raises_before_sending(
    new_client: NewClient, kind: str, method: str, args: tuple[Any, ...], shown: str
) -> None:
    recorder = Recorder(respond=_ok)
    harness = _client(new_client, kind, recorder)
    with pytest.raises(ValueError) as raised:
        harness.call(getattr(harness.client.ai_agent, method), *args)
    assert shown in str(raised.value)
    assert recorder.requests == []


def test_a_content_only_chat_message_is_sent_with_its_text_as_a_part(new_client: NewClient, kind: str) -> None:
    recorder = Recorder(respond=lambda request: httpx.Response(200, text="Hi", headers={"content-type": "text/plain"}))
    harness = _client(new_client, kind, recorder)
    turn = {"assistant_id": "asst_abc", "messages": [{"role": "user", "content": "What can you do?"}]}
    stream = harness.call(harness.client.ai_agent.stream_chat, turn)
    harness.call(stream.aclose if kind == "async" else stream.close)
    (message,) = _body(recorder.requests[0])["messages"]
    assert message == {**turn["messages"][0], "parts": [{"type": "text", "text": "What can you do?"}]}
    assert turn["messages"][0] == {"role": "user", "content": "What can you do?"}  # the caller's body is untouched
