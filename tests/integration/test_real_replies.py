"""The SDK, on both clients, on the replies the running AI-agent service sent (`cassettes/real/`).

Each test replays one flow of the recorded exchanges: the SDK's requests must be the recorded ones (method, path,
query and body), every recorded reply must be used, and the results and errors are what the SDK makes of the
service's real answers. The cassettes are built by `real_cassettes.py` from `tests/conformance/recorded/`.

The flows that need no recorded assistant, stream or credential failure run a second time, unchanged, against a
fresh emulator (`emulated`): what passes on the service's replies passes on the emulator too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from vcr.cassette import Cassette

from imbrace import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
)
from imbrace.emulator import Emulator

from .real_cassettes import REAL, build
from .recording import FAKE_GATEWAY, FAKE_ORGANIZATION, REDACTED, Target, make_vcr
from helpers import Harness

pytestmark = pytest.mark.integration

CHAT, SECOND_CHAT = "d454d95c-0293-4d6f-80d5-601c77a53e1f", "bba651a7-f85b-41fc-8781-e1939d73237d"
DOCUMENT = "adecf847-3ac7-43f5-863f-ec3f53932173"
# The login as the cassettes hold it (an email and a password are secrets there), sent as is to the emulator.
LOGIN = {"email": REDACTED, "password": REDACTED}


def _message(message_id: str, text: str) -> dict[str, Any]:
    return {"id": message_id, "role": "user", "parts": [{"type": "text", "text": text}]}


FIRST_CHAT = {
    "id": CHAT,
    "selectedVisibilityType": "private",
    "assistantId": "asst_stream",
    "message": _message("0beb8409-ddc5-45fb-b1c5-86d0a687009f", "Hello chat"),
}
INVALID_UUID = {
    "code": "bad_request:api",
    "message": "The request couldn't be processed. Please check your input and try again.",
    "cause": "Invalid uuid",
}


@pytest.fixture
def real(request: pytest.FixtureRequest, connect: Callable[..., Harness]) -> Iterator[Callable[..., Harness]]:
    """`real(flow, **client_kwargs)`: a client whose requests are answered from `cassettes/real/<flow>.yaml`.

    On the emulator, `after_chats=True` first makes the chat the recorded flow found made by the earlier ones.
    """
    cassettes: list[Cassette] = []

    def open_flow(flow: str, *, after_chats: bool = False, **kwargs: Any) -> Harness:
        if getattr(request, "param", "replies") == "emulator":
            emulator: Emulator = request.getfixturevalue("imbrace_emulator")
            h = connect(max_retries=0, api_key="key-1", organization_id=FAKE_ORGANIZATION, gateway=emulator.url)
            if after_chats:
                h.call(h.client.ai_agent.create_client_chat, FIRST_CHAT)
            return h
        context = make_vcr(Target(FAKE_GATEWAY), record=False).use_cassette(str(REAL / f"{flow}.yaml"))
        cassettes.append(context.__enter__())
        request.addfinalizer(lambda: context.__exit__(None, None, None))
        options = {"api_key": "key-1", "organization_id": FAKE_ORGANIZATION, "gateway": FAKE_GATEWAY, **kwargs}
        return connect(max_retries=0, **options)

    yield open_flow
    for cassette in cassettes:
        assert cassette.all_played, f"{len(cassette) - cassette.play_count} recorded replies were not asked for"


# Run a flow on the recorded replies and on a fresh emulator.
emulated = pytest.mark.parametrize("real", ["replies", "emulator"], indirect=True)


def _raises(h: Harness, error: type[APIStatusError], method: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    with pytest.raises(error) as raised:
        h.call(method, *args, **kwargs)
    return raised.value.body


def test_the_cassettes_are_the_recorded_exchanges() -> None:
    assert {path.name: path.read_text(encoding="utf-8") for path in sorted(REAL.glob("*.yaml"))} == build()


@emulated
def test_service_info(real: Callable[..., Harness]) -> None:
    h = real("service_info")
    ai_agent = h.client.ai_agent
    assert h.call(ai_agent.get_health)["data"]["status"] == "ok"
    assert h.call(ai_agent.get_health, detailed=True)["success"] is True
    assert h.call(ai_agent.get_version)["data"]["version"] == "1.0.0"
    assert set(h.call(ai_agent.get_config)["data"]) == {"aichat", "webapp"}
    guides = [guide["filename"] for guide in h.call(ai_agent.list_admin_guides)["data"]]
    assert len(guides) == 5 and all(name.startswith("ai-agent-guide-") for name in guides)
    assert _raises(h, NotFoundError, ai_agent.get_admin_guide, "missing.pdf") == {
        "success": False,
        "error": "Guide not found",
    }
    assert _raises(h, BadRequestError, ai_agent.get_admin_guide, "notapdf.txt")["error"] == "Invalid filename"


@emulated
def test_parquet(real: Callable[..., Harness]) -> None:
    h = real("parquet")
    ai_agent = h.client.ai_agent
    rows = [{"id": 1, "name": "a"}, {"id": 2, "name": "b"}]
    stored = h.call(ai_agent.generate_parquet, rows, file_name="users", folder_name="exports")["fileName"]
    assert stored.endswith("_users") and stored[:8].isdigit()  # the day it was written
    assert h.call(ai_agent.list_parquet_files)["count"] == 1
    assert [f["fileName"] for f in h.call(ai_agent.list_parquet_files, folder_name="exports")["files"]] == [stored]
    assert h.call(ai_agent.delete_parquet_file, stored, folder_name="exports")["fileName"] == stored
    assert _raises(h, NotFoundError, ai_agent.delete_parquet_file, "nope_missing", folder_name="exports")["error"] == (
        "File not found"
    )
    assert _raises(h, BadRequestError, ai_agent.generate_parquet, []) == {"error": "Input array cannot be empty"}


@emulated
def test_chat_client_auth(real: Callable[..., Harness]) -> None:
    h = real("chat_client_auth")
    ai_agent = h.client.ai_agent
    assert h.call(ai_agent.register_chat_client, LOGIN) == {"ok": True}
    assert _raises(h, ConflictError, ai_agent.register_chat_client, LOGIN) == {"error": "user_exists"}
    assert h.call(ai_agent.verify_chat_client_credentials, LOGIN)["email"] == LOGIN["email"]
    wrong = {**LOGIN, "password": "wrong"}
    assert _raises(h, AuthenticationError, ai_agent.verify_chat_client_credentials, wrong) == {
        "error": "invalid_credentials"
    }
    assert set(h.call(ai_agent.get_chat_client_user)) == {"id", "email"}


@emulated
def test_chats(real: Callable[..., Harness]) -> None:
    h = real("chats")
    ai_agent = h.client.ai_agent
    assert h.call(ai_agent.create_client_chat, FIRST_CHAT) == {"ok": True, "id": CHAT, "created": True}
    second = _message("dcb8b5ce-f6be-4a83-9359-fd4763e6e1ee", "second chat")
    h.call(ai_agent.create_client_chat, SECOND_CHAT, message=second, selectedVisibilityType="private")
    bad = {"id": "chat_id", "message": {"role": "user", "parts": [{"type": "text", "text": "x"}]}}
    assert _raises(h, BadRequestError, ai_agent.create_client_chat, {**bad, "selectedVisibilityType": "private"}) == (
        INVALID_UUID
    )
    assert [chat["id"] for chat in h.call(ai_agent.list_client_chats)["chats"]] == [SECOND_CHAT, CHAT]
    assert h.call(ai_agent.list_client_chats, limit=1)["hasMore"] is True
    assert [chat["id"] for chat in _all(h, ai_agent.iter_client_chats(limit=1))] == [SECOND_CHAT, CHAT]
    assert h.call(ai_agent.get_client_chat, CHAT)["status"] == "idle"
    unknown = "336ff0ef-4064-406d-b00a-383d2f5a1e0f"
    assert _raises(h, NotFoundError, ai_agent.get_client_chat, unknown)["code"] == "not_found:chat"
    assert _raises(h, BadRequestError, ai_agent.get_client_chat, "not-a-uuid") == INVALID_UUID
    assert h.call(ai_agent.update_client_chat, CHAT, {"visibility": "public"}) == {"ok": True}
    assert h.call(ai_agent.update_client_chat, CHAT, {}) == {"ok": True}
    title = {"message": {"parts": [{"type": "text", "text": "How do I make a parquet file?"}]}}
    assert h.call(ai_agent.generate_client_chat_title, CHAT, title) == {"title": "How do I make a parquet file?"}
    gone = "0c6a5ef7-7b89-4064-a770-404cac5342c2"
    assert _raises(h, NotFoundError, ai_agent.stream_client_chat_status, gone)["code"] == "not_found:chat"


def _all(h: Harness, items: Any) -> list[Any]:
    if h.runner is None:
        return list(items)

    async def gather() -> list[Any]:
        return [item async for item in items]

    return h.runner.run(gather())


@emulated
def test_messages_and_votes(real: Callable[..., Harness]) -> None:
    h = real("messages_and_votes", after_chats=True)
    ai_agent = h.client.ai_agent
    reply = "ffb81619-90d5-4ac3-83ed-8ad047c2072e"
    parts = [{"type": "text", "text": "Persisted reply"}]
    saved = {"message": {"id": reply, "chatId": CHAT, "role": "assistant", "parts": parts}}
    assert h.call(ai_agent.persist_client_message, saved) == {"ok": True, "id": reply}
    upstream = {
        "id": "upstream-msg-1",
        "chatId": CHAT,
        "role": "assistant",
        "parts": [{"type": "text", "text": "Ext reply"}],
    }
    replaced = h.call(ai_agent.persist_client_message, {"message": {**upstream, "metadata": None}})["id"]
    assert replaced != "upstream-msg-1"
    messages = h.call(ai_agent.list_client_messages, CHAT)
    assert {"type": "source", "source": {"upstreamMessageId": "upstream-msg-1"}} in messages[-1]["parts"]
    assert h.call(ai_agent.update_vote, {"chatId": CHAT, "messageId": reply, "type": "up"}) == {"ok": True}
    assert h.call(ai_agent.get_votes, CHAT) == [{"chatId": CHAT, "messageId": reply, "isUpvoted": True}]
    assert h.call(ai_agent.delete_trailing_messages, replaced) == {"ok": True}
    assert replaced not in [message["id"] for message in h.call(ai_agent.list_client_messages, CHAT)]
    missing = "b47a2da1-a9de-4d61-82f9-c9f8dcdb25f4"
    assert _raises(h, NotFoundError, ai_agent.delete_trailing_messages, missing)["code"] == "not_found:chat"


@emulated
def test_documents(real: Callable[..., Harness]) -> None:
    h = real("documents")
    ai_agent = h.client.ai_agent
    for text in ("v1 text", "v2 text"):
        (version,) = h.call(ai_agent.create_document, {"title": "Doc", "content": text, "kind": "text"}, DOCUMENT)
        assert version["content"] == text
    bad_kind = {"title": "Doc", "content": "x", "kind": "pdf"}
    assert _raises(h, BadRequestError, ai_agent.create_document, bad_kind, DOCUMENT)["code"] == "bad_request:document"
    versions = h.call(ai_agent.get_document, DOCUMENT)
    assert [version["content"] for version in versions] == ["v1 text", "v2 text"]
    assert h.call(ai_agent.get_document_latest, DOCUMENT)["content"] == "v2 text"
    assert h.call(ai_agent.get_document_public, DOCUMENT)["content"] == "v2 text"
    assert h.call(ai_agent.get_document_latest_by_kind, kind="text")["id"] == DOCUMENT
    assert h.call(ai_agent.get_document_latest_by_kind, kind="sheet") is None
    assert h.call(ai_agent.get_document_suggestions, DOCUMENT) == []
    deleted = h.call(ai_agent.delete_document, DOCUMENT, timestamp=versions[0]["createdAt"])
    assert [version["content"] for version in deleted] == ["v2 text"]
    unknown = "80bbead8-87fc-4dcb-a6b1-1e39ad1d3800"
    assert _raises(h, NotFoundError, ai_agent.get_document_latest, unknown)["code"] == "not_found:document"
    unshared = "96cddaaf-c982-450e-b425-8d76e4b42987"
    assert _raises(h, NotFoundError, ai_agent.get_document_public, unshared)["code"] == "not_found:document"


def test_prompt_suggestions(real: Callable[..., Harness]) -> None:
    h = real("prompt_suggestions")
    ai_agent = h.client.ai_agent
    assert len(h.call(ai_agent.get_agent_prompt_suggestion, "asst_stream")["data"]) == 4
    assert h.call(ai_agent.get_agent_prompt_suggestion, "builtin-databoard-agent")["success"] is True
    assert _raises(h, NotFoundError, ai_agent.get_agent_prompt_suggestion, "asst_unknown") == {
        "error": "Assistant not found"
    }


def test_chat_history(real: Callable[..., Harness]) -> None:
    h = real("chat_history")
    ai_agent = h.client.ai_agent
    streamed = "ae2bc1b5-e948-4612-b999-880c130d117d"
    assert [m["role"] for m in h.call(ai_agent.list_client_messages, streamed)][:2] == ["user", "assistant"]
    assert h.call(ai_agent.get_client_chat, streamed)["status"] == "idle"
    status_chat = {
        "id": "d1050032-a217-4d1c-8610-dfd3becc092d",
        "selectedVisibilityType": "private",
        "assistantId": "asst_stream",
        "message": _message("7065fa3c-523d-4287-9ea2-68723014549b", "status test"),
    }
    assert h.call(ai_agent.create_client_chat, status_chat)["created"] is True
    sub_agent = {
        "id": "6bb2e4f5-5b56-4618-ad40-3f9b7b22020b",
        "selectedVisibilityType": "private",
        "assistantId": "asst_stream",
        "type": "sub-agent",
        "message": _message("cd945e3e-55a5-4684-aa95-fa494b8bad0b", "sub agent task"),
    }
    assert h.call(ai_agent.create_client_chat, sub_agent)["created"] is True
    summary = h.call(ai_agent.get_client_chat, sub_agent["id"])["lastContext"]["subAgentSummary"]
    assert summary["status"] == "completed"


def _turn(chat_id: str, message_id: str, **fields: Any) -> dict[str, Any]:
    message = {"id": message_id, "role": "user", "parts": [{"type": "text", "text": "hi"}]}
    return {"id": chat_id, **fields, "messages": [message]}


def test_chat_errors(real: Callable[..., Harness]) -> None:
    h = real("chat_errors")
    ai_agent = h.client.ai_agent
    unknown = _turn("6a0aafd1-1fc5-4914-be97-fea11061d111", "1835ec67-b9c3-4b7d-9828-d3d3668b7077")
    body = _raises(h, InternalServerError, ai_agent.stream_chat, {**unknown, "assistant_id": "asst_unknown"})
    assert body == {"error": "Assistant not found: asst_unknown"}
    anonymous = _turn("e0b99814-d236-4208-bd6f-ebb7f9b6ebaa", "71135c6d-d45a-4409-a4c0-b61ea117e6bb")
    assert _raises(h, BadRequestError, ai_agent.stream_chat, anonymous) == {
        "error": "Missing required field assistant_id"
    }
    placeholder = _turn("chat_123", "dbba8cad-0d70-4e6a-88c8-7fe8ed2211eb", assistant_id="asst_stream")
    assert "Invalid uuid" in _raises(h, InternalServerError, ai_agent.stream_chat, placeholder)["error"]
    invalid_token = {"code": "unauthorized:auth", "message": "Invalid or expired access token"}
    assert _raises(h, AuthenticationError, ai_agent.list_client_chats) == invalid_token
    expired = {
        "assistant_id": "asst_stream",
        "messages": [
            {"id": "ec94694f-f44c-45d2-9460-9bd893487f50", "role": "user", "parts": [{"type": "text", "text": "x"}]}
        ],
        "id": "658386b3-132b-4151-b171-d148556bca2d",
    }
    assert _raises(h, AuthenticationError, ai_agent.stream_chat, expired) == invalid_token


def test_a_chat_turn_needs_an_organization(real: Callable[..., Harness]) -> None:
    h = real("chat_without_organization", organization_id=None)
    turn = {
        "assistant_id": "asst_stream",
        "messages": [
            {"id": "b23c9e48-07c3-489b-b7cb-19c19c683ae0", "role": "user", "parts": [{"type": "text", "text": "x"}]}
        ],
        "id": "38044503-8fe4-4c5c-8c39-d2bdc68cbc7b",
    }
    assert _raises(h, AuthenticationError, h.client.ai_agent.stream_chat, turn) == {
        "message": "Missing organization ID"
    }


@emulated
def test_cleanup(real: Callable[..., Harness]) -> None:
    h = real("cleanup", after_chats=True)
    ai_agent = h.client.ai_agent
    assert h.call(ai_agent.delete_client_chat, CHAT)["id"] == CHAT
    assert _raises(h, NotFoundError, ai_agent.delete_client_chat, CHAT)["code"] == "not_found:chat"
    assert isinstance(h.call(ai_agent.delete_all_client_chats)["deletedCount"], int)
    assert h.call(ai_agent.list_client_chats) == {"chats": [], "hasMore": False}


def test_what_the_open_source_service_does_not_serve(real: Callable[..., Harness]) -> None:
    h = real("not_served")
    ai_agent = h.client.ai_agent
    sub_turn = {
        "assistant_id": "asst_stream",
        "session_id": "sess_1",
        "chat_id": "6bb2e4f5-5b56-4618-ad40-3f9b7b22020b",
        "messages": [
            {"id": "02030740-37ad-4943-a7fd-9f121dbcd361", "role": "user", "parts": [{"type": "text", "text": "sub"}]}
        ],
    }
    assert _raises(h, NotFoundError, ai_agent.stream_sub_agent_chat, sub_turn)["error"].startswith("API endpoint")
    history = {"session_id": "sess_1", "chat_id": "6bb2e4f5-5b56-4618-ad40-3f9b7b22020b"}
    assert _raises(h, NotFoundError, ai_agent.get_sub_agent_history, **history)["success"] is False
    assert _raises(h, NotFoundError, ai_agent.list_embedding_files)["success"] is False
    assert _raises(h, InternalServerError, ai_agent.get_traces)["error"] == "Failed to fetch traces"
    assert "buffering timed out" in _raises(h, InternalServerError, ai_agent.list_chats)["error"]
