"""The emulator's chat turns carry the stream details measured on the running AI-agent service.

From `service-conformance.md` ("Streams"): `finish` has no `finishReason`; text part ids look like `txt-0`; a
document tool's `data-kind`/`data-id`/`data-title`/`data-clear` arrive before its `tool-input-available`; the
knowledge-search input is `{tool_title, vector_search_query, full_text_search_query}`; a `streaming: false` agent
answers `text/plain` and its reply is not saved, leaving the chat `processing`. Also the chat-client rejections the
recording lacks: an unknown message's vote, and the keys `update_client_chat` ignores.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
import pytest

from imbrace.emulator import Emulator
from imbrace.emulator.chatmodel import DOCUMENT_TRIGGER, TOOL_TRIGGER
from imbrace.testing import TEST_API_KEY, TEST_ORGANIZATION_ID

CHAT = "/ai-agent/v2/chat"


@pytest.fixture
def http(imbrace_emulator: Emulator) -> Any:
    headers = {"x-api-key": TEST_API_KEY, "x-organization-id": TEST_ORGANIZATION_ID}
    with httpx.Client(base_url=imbrace_emulator.url, headers=headers, timeout=10) as client:
        yield client


def _agent(http: httpx.Client, **flags: Any) -> str:
    body = {"name": "A", "workflow_name": "a", "provider_id": "system", "model_id": "Default", **flags}
    agent_id: str = http.post("/v3/ai/assistant_apps", json=body).json()["id"]
    return agent_id


def _turn(http: httpx.Client, agent: str, text: str, chat_id: str | None = None) -> httpx.Response:
    message = {"id": str(uuid.uuid4()), "role": "user", "parts": [{"type": "text", "text": text}]}
    body = {"id": chat_id or str(uuid.uuid4()), "assistant_id": agent, "messages": [message]}
    return http.post(CHAT, json=body)


def _chunks(response: httpx.Response) -> list[dict[str, Any]]:
    frames = [frame.removeprefix("data: ") for frame in response.text.split("\n\n") if frame]
    assert frames[-1] == "[DONE]"
    return [json.loads(frame) for frame in frames[:-1]]


def test_a_streamed_turn_has_the_services_headers_ids_and_finish(http: httpx.Client) -> None:
    response = _turn(http, _agent(http, streaming=True, show_thinking_process=True), "hello there")
    assert response.headers["content-type"] == "text/event-stream"
    assert response.headers["x-vercel-ai-ui-message-stream"] == "v1"
    assert response.headers["x-accel-buffering"] == "no"
    chunks = _chunks(response)
    assert chunks[-1] == {"type": "finish"}
    assert {chunk["id"] for chunk in chunks if chunk["type"].startswith("text-")} == {"txt-0"}
    assert {chunk["id"] for chunk in chunks if chunk["type"].startswith("reasoning-")} == {"reasoning-0"}


def test_the_knowledge_search_tool_input_is_the_services(http: httpx.Client) -> None:
    chunks = _chunks(_turn(http, _agent(http, streaming=True), f"please {TOOL_TRIGGER} to look it up"))
    (call,) = [chunk for chunk in chunks if chunk["type"] == "tool-input-available"]
    assert call["toolName"] == "RAGknowledge"
    assert set(call["input"]) == {"tool_title", "vector_search_query", "full_text_search_query"}


def test_a_document_tools_data_chunks_come_before_its_input(http: httpx.Client) -> None:
    chat_id = str(uuid.uuid4())
    chunks = _chunks(_turn(http, _agent(http, streaming=True), f"{DOCUMENT_TRIGGER} about refunds", chat_id))
    types = [chunk["type"] for chunk in chunks]
    announced = types.index("tool-input-available")
    assert [t for t in types[:announced] if t.startswith("data-")] == [
        "data-kind",
        "data-id",
        "data-title",
        "data-clear",
    ]
    assert types.index("data-finish") < types.index("tool-output-available")
    assert all(chunk["transient"] and chunk["data"]["chatId"] == chat_id for chunk in chunks if "data" in chunk)
    document_id = next(chunk["data"]["value"] for chunk in chunks if chunk["type"] == "data-id")
    written = http.get(f"/ai-agent/chat-client/documents/{document_id}/latest").json()
    assert written["content"] == "".join(c["data"]["value"] for c in chunks if c["type"] == "data-textDelta")


def test_a_plain_agents_reply_is_not_saved_and_the_chat_stays_processing(http: httpx.Client) -> None:
    chat_id = str(uuid.uuid4())
    response = _turn(http, _agent(http, streaming=False), "plain please", chat_id)
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert response.text == "You said: plain please"
    messages = http.get(f"/ai-agent/chat-client/chats/{chat_id}/messages").json()
    assert [message["role"] for message in messages] == ["user"]
    assert http.get(f"/ai-agent/chat-client/chats/{chat_id}").json()["status"] == "processing"


def _chat(http: httpx.Client) -> str:
    chat_id = str(uuid.uuid4())
    message = {"role": "user", "parts": [{"type": "text", "text": "Hi"}]}
    http.post(
        "/ai-agent/chat-client/chats", json={"id": chat_id, "message": message, "selectedVisibilityType": "private"}
    )
    return chat_id


def test_a_vote_on_a_message_the_chat_lacks_is_a_database_error(http: httpx.Client) -> None:
    vote = {"chatId": _chat(http), "messageId": str(uuid.uuid4()), "type": "up"}
    response = http.patch("/ai-agent/chat-client/votes", json=vote)
    assert response.status_code == 400
    assert response.json()["code"] == "bad_request:database"
    assert response.json()["message"] == "An error occurred while executing a database query."


def test_update_client_chat_ignores_a_title_as_the_service_does(http: httpx.Client) -> None:
    chat_id = _chat(http)
    assert http.patch(f"/ai-agent/chat-client/chats/{chat_id}", json={"title": "Renamed"}).json() == {"ok": True}
    assert http.get(f"/ai-agent/chat-client/chats/{chat_id}").json()["title"] == "Hi"


@pytest.mark.parametrize(
    ("body", "cause"),
    [
        (
            {"id": "chat_id", "message": {"role": "user", "parts": []}, "selectedVisibilityType": "private"},
            "Invalid uuid",
        ),
        ({"id": str(uuid.uuid4()), "message": {"role": "user", "parts": []}}, "Required"),
        (
            {"id": str(uuid.uuid4()), "message": {"role": "user", "parts": []}, "selectedVisibilityType": "secret"},
            "Invalid enum value. Expected 'public' | 'private', received 'secret'",
        ),
    ],
)
def test_a_chat_the_zod_schema_rejects_is_400_with_its_issues(http: httpx.Client, body: Any, cause: str) -> None:
    response = http.post("/ai-agent/chat-client/chats", json=body)
    assert (response.status_code, response.json()["code"], response.json()["cause"]) == (400, "bad_request:api", cause)


def test_a_document_without_title_is_a_document_error(http: httpx.Client) -> None:
    response = http.post(
        "/ai-agent/chat-client/documents", params={"id": str(uuid.uuid4())}, json={"kind": "text", "content": "x"}
    )
    assert response.status_code == 400
    assert set(response.json()) == {"code", "message"} and response.json()["code"] == "bad_request:document"


def test_unreadable_json_and_unknown_routes_get_the_services_envelope(http: httpx.Client) -> None:
    broken = http.post("/ai-agent/chat-client/chats", content=b"{", headers={"content-type": "application/json"})
    unknown = http.get("/ai-agent/no-such-route")
    for response, status in ((broken, 400), (unknown, 404)):
        assert response.status_code == status
        assert set(response.json()) == {"success", "error", "timestamp", "path", "method"}
    assert unknown.json()["error"] == "API endpoint not found: GET /ai-agent/no-such-route"


def test_a_missing_credential_is_the_authorize_middlewares_401(imbrace_emulator: Emulator) -> None:
    with httpx.Client(base_url=imbrace_emulator.url) as bare:
        response = bare.get("/ai-agent/chat-client/chats")
        assert (response.status_code, response.json()) == (
            401,
            {"message": "Missing credential (x-access-token or x-api-key)"},
        )
        assert bare.get("/ai-agent/admin/guides").status_code == 200  # an open route


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "error"),
    [
        ("POST", CHAT, {"assistant_id": "a", "messages": []}, 400, "Chat ID is required in request body"),
        ("POST", CHAT, {"id": str(uuid.uuid4()), "messages": []}, 400, "Missing required field assistant_id"),
        ("GET", "/ai-agent/chat/get-agent-prompt-suggestion", None, 400, "assistant_id is required"),
        ("POST", "/ai-agent/parquet/generate", {"fileName": "x"}, 400, "Input 'data' must be a JSON array"),
        ("POST", "/ai-agent/parquet/generate", {"data": []}, 400, "Input array cannot be empty"),
    ],
)
def test_the_controllers_own_checks_answer_error(
    http: httpx.Client, method: str, path: str, body: Any, status: int, error: str
) -> None:
    response = http.request(method, path, json=body)
    assert (response.status_code, response.json()) == (status, {"error": error})
