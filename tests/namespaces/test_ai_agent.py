"""`client.ai_agent` on both clients: what each method sends, what it returns, the iterators, the wait and downloads."""

from __future__ import annotations

import json
import re
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from namespace_support import Case, NewClient, Stepper, cases, check_case, check_table_covered

import imbrace
import imbrace._async.resources.ai_agent as async_ai_agent
import imbrace._sync.resources.ai_agent as sync_ai_agent
from imbrace import ImbraceError, NotFoundError

from helpers import Harness, Recorder

BASE = "/ai-agent"
CLIENT_ORG = "org_client"
DEFAULT_ORIGIN = "https://app-gatewayv2.imbrace.co"
PDF = b"%PDF-1.7\n" + bytes(range(256)) * 300


def _echo(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"echo": f"{request.method} {request.url.raw_path.decode()}"})


def _client(new_client: NewClient, kind: str, recorder: Recorder, **kwargs: Any) -> Harness:
    options: dict[str, Any] = {"api_key": "key-1", "organization_id": CLIENT_ORG, **kwargs}
    return new_client(http_client=recorder.http_client(kind), **options)


def _path(request: httpx.Request) -> str:
    return request.url.raw_path.decode().split("?", 1)[0]


def _query(request: httpx.Request) -> list[tuple[str, str]]:
    return list(request.url.params.multi_items())


def _body(request: httpx.Request) -> Any:
    return json.loads(request.content) if request.content else None


CREDENTIALS = {"email": "ada@example.com", "password": "pw-123456"}
ASSISTANT_MESSAGE = {"id": "msg_1", "chatId": "chat_id", "role": "assistant", "parts": [{"type": "text", "text": "Hi"}]}
CHAT_MESSAGE = {"id": "msg_uuid", "role": "user", "content": "Hello!", "parts": [{"type": "text", "text": "Hello!"}]}

CASES = [
    Case("get_config", path="/ai-agent/config"),
    Case("get_health", path="/ai-agent/health"),
    Case("get_health", kwargs={"detailed": True}, path="/ai-agent/health", query=[("detailed", "true")]),
    Case("get_version", path="/ai-agent/version"),
    # legacy v1 chat: organization_id falls back to the client's on both clients
    Case("list_chats", path="/ai-agent/chat", query=[("organization_id", CLIENT_ORG)]),
    Case(
        "list_chats",
        kwargs={"organization_id": "org_abc", "user_id": "user_123", "limit": 20},
        path="/ai-agent/chat",
        query=[("organization_id", "org_abc"), ("user_id", "user_123"), ("limit", "20")],
    ),
    Case("get_chat", ("chat_id",), path="/ai-agent/chat/chat_id"),
    Case(
        "get_chat",
        ("chat_id",),
        {"include_messages": True},
        path="/ai-agent/chat/chat_id",
        query=[("include_messages", "true")],
    ),
    Case(
        "delete_chat",
        ("chat/1",),
        http="DELETE",
        path="/ai-agent/chat/chat%2F1",
        query=[("organization_id", CLIENT_ORG)],
    ),
    Case(
        "delete_chat",
        ("chat_id",),
        {"organization_id": "org_abc", "user_id": "user_123"},
        http="DELETE",
        path="/ai-agent/chat/chat_id",
        query=[("organization_id", "org_abc"), ("user_id", "user_123")],
    ),
    Case(
        "get_sub_agent_history",
        kwargs={"session_id": "sess_xyz", "chat_id": "chat_id"},
        path="/ai-agent/v2/sub-agent-chat/history",
        query=[("session_id", "sess_xyz"), ("chat_id", "chat_id")],
    ),
    Case(
        "get_agent_prompt_suggestion",
        ("asst_abc",),
        path="/ai-agent/chat/get-agent-prompt-suggestion",
        query=[("assistant_id", "asst_abc")],
    ),
    # embeddings
    Case(
        "process_embedding",
        ("file_abc",),
        http="POST",
        path="/ai-agent/embedding/process",
        body={"fileId": "file_abc", "options": {}},
    ),
    Case(
        "process_embedding",
        ("file_abc",),
        {"options": {"chunk_size": 512}},
        http="POST",
        path="/ai-agent/embedding/process",
        body={"fileId": "file_abc", "options": {"chunk_size": 512}},
    ),
    Case("list_embedding_files", path="/ai-agent/embedding/files"),
    Case(
        "list_embedding_files",
        kwargs={"page": 1, "limit": 20},
        path="/ai-agent/embedding/files",
        query=[("page", "1"), ("limit", "20")],
    ),
    Case("get_embedding_file", ("file abc/1",), path="/ai-agent/embedding/files/file%20abc%2F1"),
    Case(
        "preview_embedding_file",
        kwargs={"file_id": "file_abc"},
        path="/ai-agent/embedding/files/preview",
        query=[("file_id", "file_abc")],
    ),
    Case(
        "update_embedding_file_status",
        ("file_abc", "active"),
        http="PUT",
        path="/ai-agent/embedding/files/file_abc/status",
        body={"status": "active"},
    ),
    Case("delete_embedding_file", ("file_abc",), http="DELETE", path="/ai-agent/embedding/files/file_abc"),
    Case(
        "classify_file",
        kwargs={"file_id": "file_abc"},
        path="/ai-agent/embedding/classify",
        query=[("file_id", "file_abc")],
    ),
    Case("classify_file", path="/ai-agent/embedding/classify"),
    # data board
    Case(
        "suggest_field_types",
        kwargs={
            "file_urls": ["https://cdn.imbrace.co/docs/invoice-1.pdf", "https://cdn.imbrace.co/docs/invoice-2.pdf"]
        },
        http="POST",
        path="/ai-agent/data-board/suggest-field-types",
        body={"file_urls": ["https://cdn.imbrace.co/docs/invoice-1.pdf", "https://cdn.imbrace.co/docs/invoice-2.pdf"]},
    ),
    Case(
        "suggest_field_types",
        (("https://x/a.pdf",),),
        {"model_name": "gpt-4o", "provider_id": "system"},
        http="POST",
        path="/ai-agent/data-board/suggest-field-types",
        body={"file_urls": ["https://x/a.pdf"], "model_name": "gpt-4o", "provider_id": "system"},
    ),
    # parquet
    Case(
        "generate_parquet",
        kwargs={
            "data": [{"id": 1, "name": "Alice"}, {"id": 2, "name": "Bob"}],
            "file_name": "users",
            "folder_name": "exports",
        },
        http="POST",
        path="/ai-agent/parquet/generate",
        body={
            "data": [{"id": 1, "name": "Alice"}, {"id": 2, "name": "Bob"}],
            "fileName": "users",
            "folderName": "exports",
        },
    ),
    Case(
        "generate_parquet",
        kwargs={"data": [{"id": 1}], "file_name": ""},
        http="POST",
        path="/ai-agent/parquet/generate",
        body={"data": [{"id": 1}]},
    ),
    Case("list_parquet_files", path="/ai-agent/parquet/files"),
    Case(
        "list_parquet_files",
        kwargs={"folder_name": "exports"},
        path="/ai-agent/parquet/files",
        query=[("folderName", "exports")],
    ),
    Case("delete_parquet_file", ("20261202_users",), http="DELETE", path="/ai-agent/parquet/20261202_users"),
    Case(
        "delete_parquet_file",
        ("users",),
        {"folder_name": "exports"},
        http="DELETE",
        path="/ai-agent/parquet/users",
        query=[("folderName", "exports")],
    ),
    # tracing
    Case(
        "get_traces",
        kwargs={"service": "ai-agent", "limit": 50, "time_range": 3600, "org_id": "org_abc", "details": True},
        path="/ai-agent/trace/traces",
        query=[
            ("service", "ai-agent"),
            ("limit", "50"),
            ("timeRange", "3600"),
            ("orgId", "org_abc"),
            ("details", "true"),
        ],
    ),
    Case("get_traces", path="/ai-agent/trace/traces"),
    Case("get_trace", ("trace_id_hex",), path="/ai-agent/trace/traces/trace_id_hex"),
    Case(
        "get_trace",
        ("abc",),
        {"format": "json", "span_metrics": True},
        path="/ai-agent/trace/traces/abc",
        query=[("format", "json"), ("spanMetrics", "true")],
    ),
    Case("get_trace_services", path="/ai-agent/trace/services"),
    Case("get_trace_tags", path="/ai-agent/trace/tags"),
    Case("get_trace_tags", kwargs={"time_range": 60}, path="/ai-agent/trace/tags", query=[("timeRange", "60")]),
    Case("get_trace_tag_values", ("http.status_code",), path="/ai-agent/trace/tags/http.status_code/values"),
    Case(
        "get_trace_tag_values",
        ("a/b",),
        {"time_range": 5},
        path="/ai-agent/trace/tags/a%2Fb/values",
        query=[("timeRange", "5")],
    ),
    Case(
        "search_traceql",
        ('{ .service.name = "ai-agent" && .http.status = 500 }',),
        path="/ai-agent/trace/search/traceql",
        query=[("q", '{ .service.name = "ai-agent" && .http.status = 500 }')],
    ),
    Case(
        "search_traceql",
        kwargs={"queries": '["{}"]', "limit": 5, "time_range": 60, "org_id": "o"},
        path="/ai-agent/trace/search/traceql",
        query=[("queries", '["{}"]'), ("limit", "5"), ("timeRange", "60"), ("orgId", "o")],
    ),
    # chat client: auth
    Case(
        "verify_chat_client_credentials",
        (CREDENTIALS,),
        http="POST",
        path="/ai-agent/chat-client/auth/verify-credentials",
        body=CREDENTIALS,
    ),
    Case(
        "register_chat_client",
        (CREDENTIALS,),
        http="POST",
        path="/ai-agent/chat-client/auth/register",
        body=CREDENTIALS,
    ),
    Case(
        "get_chat_client_user",
        ({"token": "tok_xxx"},),
        http="POST",
        path="/ai-agent/chat-client/auth/user",
        body={"token": "tok_xxx"},
    ),
    Case("get_chat_client_user", http="POST", path="/ai-agent/chat-client/auth/user"),
    # chat client: chats
    Case(
        "create_client_chat",
        (
            {
                "id": "chat_uuid",
                "organizationId": "org_abc",
                "selectedVisibilityType": "private",
                "message": CHAT_MESSAGE,
            },
        ),
        http="POST",
        path="/ai-agent/chat-client/chats",
        body={
            "id": "chat_uuid",
            "organizationId": "org_abc",
            "selectedVisibilityType": "private",
            "message": CHAT_MESSAGE,
        },
    ),
    Case(
        "create_client_chat",
        ({"id": "chat_uuid", "selectedVisibilityType": "private", "message": CHAT_MESSAGE},),
        http="POST",
        path="/ai-agent/chat-client/chats",
        body={
            "id": "chat_uuid",
            "selectedVisibilityType": "private",
            "message": CHAT_MESSAGE,
            "organizationId": CLIENT_ORG,
        },
    ),
    Case(
        "create_client_chat",
        ("chat_uuid",),
        {"message": CHAT_MESSAGE, "selectedVisibilityType": "public", "assistantId": "asst_abc"},
        http="POST",
        path="/ai-agent/chat-client/chats",
        body={
            "id": "chat_uuid",
            "message": CHAT_MESSAGE,
            "selectedVisibilityType": "public",
            "assistantId": "asst_abc",
            "organizationId": CLIENT_ORG,
        },
    ),
    Case("list_client_chats", path="/ai-agent/chat-client/chats", query=[("organization_id", CLIENT_ORG)]),
    Case(
        "list_client_chats",
        kwargs={"organization_id": "org_abc", "limit": 20, "ending_before": "c9"},
        path="/ai-agent/chat-client/chats",
        query=[("organization_id", "org_abc"), ("limit", "20"), ("ending_before", "c9")],
    ),
    Case(
        "delete_all_client_chats",
        ("org_abc",),
        http="DELETE",
        path="/ai-agent/chat-client/chats",
        query=[("organization_id", "org_abc")],
    ),
    Case(
        "delete_all_client_chats",
        http="DELETE",
        path="/ai-agent/chat-client/chats",
        query=[("organization_id", CLIENT_ORG)],
    ),
    Case("get_client_chat", ("chat_id",), path="/ai-agent/chat-client/chats/chat_id"),
    Case(
        "update_client_chat",
        ("chat_id", {"visibility": "private"}),
        http="PATCH",
        path="/ai-agent/chat-client/chats/chat_id",
        body={"visibility": "private"},
    ),
    Case("delete_client_chat", ("../chat_id",), http="DELETE", path="/ai-agent/chat-client/chats/..%2Fchat_id"),
    Case(
        "generate_client_chat_title",
        ("chat_id", {"message": {"parts": [{"type": "text", "text": "Hi"}]}}),
        http="POST",
        path="/ai-agent/chat-client/chats/chat_id/title",
        body={"message": {"parts": [{"type": "text", "text": "Hi"}]}},
    ),
    # chat client: messages and votes
    Case(
        "persist_client_message",
        ({"message": ASSISTANT_MESSAGE},),
        http="POST",
        path="/ai-agent/chat-client/messages",
        body={"message": ASSISTANT_MESSAGE},
    ),
    Case("list_client_messages", ("chat_id",), path="/ai-agent/chat-client/chats/chat_id/messages"),
    Case(
        "delete_trailing_messages",
        ("message_id",),
        http="DELETE",
        path="/ai-agent/chat-client/messages/message_id/trailing",
    ),
    Case("get_votes", ("chat_id",), path="/ai-agent/chat-client/chats/chat_id/votes"),
    Case(
        "update_vote",
        ({"chatId": "chat_id", "messageId": "msg_id", "type": "up"},),
        http="PATCH",
        path="/ai-agent/chat-client/votes",
        body={"chatId": "chat_id", "messageId": "msg_id", "type": "up"},
    ),
    # chat client: documents
    Case(
        "create_document",
        ({"title": "Snippet", "kind": "code", "content": "x = 1"},),
        {"document_id": "doc_1"},
        http="POST",
        path="/ai-agent/chat-client/documents",
        query=[("id", "doc_1")],
        body={"title": "Snippet", "kind": "code", "content": "x = 1"},
    ),
    Case(
        "get_document_latest_by_kind",
        kwargs={"kind": "text"},
        path="/ai-agent/chat-client/documents/latest-by-kind",
        query=[("kind", "text")],
    ),
    Case("get_document", ("doc_id",), path="/ai-agent/chat-client/documents/doc_id"),
    Case("get_document_latest", ("doc_id",), path="/ai-agent/chat-client/documents/doc_id/latest"),
    Case("get_document_public", ("doc_id",), path="/ai-agent/chat-client/documents/doc_id/public"),
    Case(
        "delete_document",
        ("doc_id",),
        http="DELETE",
        path="/ai-agent/chat-client/documents/doc_id",
        query=[("timestamp", "1970-01-01T00:00:00.000Z")],
    ),
    Case(
        "delete_document",
        ("doc_id",),
        {"timestamp": "2025-01-01T00:00:00Z"},
        http="DELETE",
        path="/ai-agent/chat-client/documents/doc_id",
        query=[("timestamp", "2025-01-01T00:00:00Z")],
    ),
    Case("get_document_suggestions", ("doc_id",), path="/ai-agent/chat-client/documents/doc_id/suggestions"),
    # admin guides
    Case("list_admin_guides", path="/ai-agent/admin/guides"),
]


@cases(CASES)
def test_each_method_sends_its_request_and_returns_the_json(new_client: NewClient, kind: str, case: Case) -> None:
    check_case(new_client, kind, "ai_agent", case, origin=DEFAULT_ORIGIN, gateway=None, organization_id=CLIENT_ORG)


def test_every_table_method_is_tested() -> None:
    streams = {"stream_chat", "stream_chat_text", "stream_sub_agent_chat", "stream_client_chat_status"}
    check_table_covered("ai_agent", CASES, streams | {"get_admin_guide"})


def test_a_delete_answering_204_returns_none(new_client: NewClient, kind: str) -> None:
    recorder = Recorder(respond=lambda request: httpx.Response(204))
    harness = _client(new_client, kind, recorder)
    assert harness.call(harness.client.ai_agent.delete_client_chat, "chat_id") is None
    assert harness.call(harness.client.ai_agent.delete_embedding_file, "file_abc") is None
    assert [r.method for r in recorder.requests] == ["DELETE", "DELETE"]


def test_per_call_options_reach_the_request(new_client: NewClient, kind: str) -> None:
    recorder = Recorder(respond=_echo)
    harness = _client(new_client, kind, recorder)
    harness.call(
        harness.client.ai_agent.process_embedding,
        "file_abc",
        options={"chunk_size": 256},
        extra_headers={"x-trace": "t1"},
        extra_query={"dry_run": "1"},
        timeout=5,
    )
    harness.call(harness.client.ai_agent.list_embedding_files, page=2, extra_query={"status": "active"})
    first, second = recorder.requests
    assert first.headers["x-trace"] == "t1"
    assert _query(first) == [("dry_run", "1")]
    assert _body(first) == {"fileId": "file_abc", "options": {"chunk_size": 256}}
    assert _query(second) == [("page", "2"), ("status", "active")]
    with pytest.raises(TypeError, match="unexpected keyword"):
        harness.call(harness.client.ai_agent.get_version, bogus=1)


@pytest.mark.parametrize("method", ["list_chats", "delete_chat"])
def test_legacy_chat_calls_need_an_organization(new_client: NewClient, kind: str, method: str) -> None:
    recorder = Recorder(respond=_echo)
    harness = new_client(api_key="key-1", http_client=recorder.http_client(kind))
    args = ("chat_id",) if method == "delete_chat" else ()
    with pytest.raises(ValueError, match="organization_id"):
        harness.call(getattr(harness.client.ai_agent, method), *args)
    assert recorder.requests == []
    harness.call(getattr(harness.client.ai_agent, method), *args, organization_id="org_x")
    assert _query(recorder.requests[0]) == [("organization_id", "org_x")]


def test_without_a_client_organization_optional_ones_are_not_sent(new_client: NewClient, kind: str) -> None:
    recorder = Recorder(respond=_echo)
    harness = new_client(api_key="key-1", http_client=recorder.http_client(kind))
    harness.call(harness.client.ai_agent.list_client_chats)
    harness.call(harness.client.ai_agent.create_client_chat, {"id": "c1"})
    assert _query(recorder.requests[0]) == []
    assert _body(recorder.requests[1]) == {"id": "c1"}


# ------------------------------------------------------------------ admin guides


def _guide(request: httpx.Request) -> httpx.Response:
    if _path(request).endswith("/missing.pdf"):
        return httpx.Response(404, json={"success": False, "error": "Guide not found"})
    return httpx.Response(200, content=PDF, headers={"content-type": "application/pdf"})


def test_get_admin_guide_returns_the_read_response(new_client: NewClient, kind: str) -> None:
    recorder = Recorder(respond=_guide)
    harness = _client(new_client, kind, recorder)
    response = harness.call(harness.client.ai_agent.get_admin_guide, "guides/on boarding.pdf")
    assert isinstance(response, httpx.Response)
    assert response.content == PDF
    assert response.headers["content-type"] == "application/pdf"
    assert _path(recorder.requests[0]) == BASE + "/admin/guides/guides%2Fon%20boarding.pdf"
    assert recorder.requests[0].method == "GET"


def test_download_admin_guide_streams_to_a_path(new_client: NewClient, kind: str, tmp_path: Path) -> None:
    recorder = Recorder(respond=_guide)
    harness = _client(new_client, kind, recorder)
    target = tmp_path / "onboarding.pdf"
    written = harness.call(harness.client.ai_agent.download_admin_guide, "onboarding.pdf", str(target))
    assert written == target
    assert target.read_bytes() == PDF
    assert _path(recorder.requests[0]) == BASE + "/admin/guides/onboarding.pdf"
    missing = tmp_path / "missing.pdf"
    with pytest.raises(NotFoundError):
        harness.call(harness.client.ai_agent.download_admin_guide, "missing.pdf", missing)
    assert not missing.exists()


# ------------------------------------------------------------------ iterators


CHAT_PAGES = {
    None: ([{"id": "c1"}, {"id": "c2"}], True),
    "c2": ([{"id": "c3"}, {"id": "c4"}], True),
    "c4": ([{"id": "c5"}], False),
}


def _chat_pages(request: httpx.Request) -> httpx.Response:
    chats, more = CHAT_PAGES[request.url.params.get("ending_before")]
    return httpx.Response(200, json={"chats": chats, "hasMore": more})


def test_iter_client_chats_walks_older_pages_lazily(new_client: NewClient, kind: str) -> None:
    recorder = Recorder(respond=_chat_pages)
    harness = _client(new_client, kind, recorder)
    stepper = Stepper(harness, harness.client.ai_agent.iter_client_chats(limit=2))
    assert recorder.requests == []
    assert stepper.next() == {"id": "c1"}
    assert stepper.next() == {"id": "c2"}
    assert len(recorder.requests) == 1
    assert stepper.next() == {"id": "c3"}
    assert len(recorder.requests) == 2
    assert stepper.rest() == [{"id": "c4"}, {"id": "c5"}]
    assert [_query(r) for r in recorder.requests] == [
        [("organization_id", CLIENT_ORG), ("limit", "2")],
        [("organization_id", CLIENT_ORG), ("limit", "2"), ("ending_before", "c2")],
        [("organization_id", CLIENT_ORG), ("limit", "2"), ("ending_before", "c4")],
    ]
    assert {(r.method, _path(r)) for r in recorder.requests} == {("GET", BASE + "/chat-client/chats")}


def _file_pages(total: int) -> Callable[[httpx.Request], httpx.Response]:
    files = [{"id": f"f{n}", "status": "active"} for n in range(1, total + 1)]

    def respond(request: httpx.Request) -> httpx.Response:
        page, limit = int(request.url.params["page"]), int(request.url.params["limit"])
        chunk = files[(page - 1) * limit : page * limit]
        return httpx.Response(200, json={"success": True, "data": {"files": chunk, "page": page, "limit": limit}})

    return respond


def test_iter_embedding_files_walks_pages_lazily(new_client: NewClient, kind: str) -> None:
    recorder = Recorder(respond=_file_pages(5))
    harness = _client(new_client, kind, recorder)
    stepper = Stepper(harness, harness.client.ai_agent.iter_embedding_files(limit=2))
    assert recorder.requests == []
    assert stepper.next()["id"] == "f1"
    assert len(recorder.requests) == 1
    assert [f["id"] for f in stepper.rest()] == ["f2", "f3", "f4", "f5"]
    assert [_query(r) for r in recorder.requests] == [
        [("page", "1"), ("limit", "2")],
        [("page", "2"), ("limit", "2")],
        [("page", "3"), ("limit", "2")],
    ]
    assert {_path(r) for r in recorder.requests} == {BASE + "/embedding/files"}


def test_iter_embedding_files_stops_on_an_empty_page(new_client: NewClient, kind: str) -> None:
    recorder = Recorder(respond=_file_pages(4))
    harness = _client(new_client, kind, recorder)
    stepper = Stepper(harness, harness.client.ai_agent.iter_embedding_files(page=2, limit=2))
    assert [f["id"] for f in stepper.rest()] == ["f3", "f4"]
    assert [r.url.params["page"] for r in recorder.requests] == ["2", "3"]


# ------------------------------------------------------------------ process_embedding_and_wait


def _module(kind: str) -> Any:
    return sync_ai_agent if kind == "sync" else async_ai_agent


def _embedding_job(statuses: list[str]) -> Callable[[httpx.Request], httpx.Response]:
    """The trigger answers the first status, each poll the next one (the last one repeats)."""
    remaining = list(statuses)

    def respond(request: httpx.Request) -> httpx.Response:
        status = remaining.pop(0) if len(remaining) > 1 else remaining[0]
        return httpx.Response(200, json={"success": True, "data": {"id": "file_abc", "status": status}})

    return respond


def test_wait_returns_on_completion(new_client: NewClient, kind: str) -> None:
    recorder = Recorder(respond=_embedding_job(["pending", "processing", "processing", "Completed"]))
    harness = _client(new_client, kind, recorder)
    started = time.monotonic()
    result = harness.call(
        harness.client.ai_agent.process_embedding_and_wait, "file_abc", {"chunk_size": 512}, interval=0.001
    )
    assert time.monotonic() - started < 2
    assert result == {"success": True, "data": {"id": "file_abc", "status": "Completed"}}
    calls = [(r.method, _path(r)) for r in recorder.requests]
    assert calls == [("POST", BASE + "/embedding/process")] + [("GET", BASE + "/embedding/files/file_abc")] * 3
    assert _body(recorder.requests[0]) == {"fileId": "file_abc", "options": {"chunk_size": 512}}


def test_wait_returns_at_once_when_the_trigger_says_done(new_client: NewClient, kind: str) -> None:
    recorder = Recorder(respond=_embedding_job(["active"]))
    harness = _client(new_client, kind, recorder)
    result = harness.call(harness.client.ai_agent.process_embedding_and_wait, "file_abc", interval=0.001)
    assert result["data"]["status"] == "active"
    assert len(recorder.requests) == 1


def test_wait_raises_on_a_failed_status(new_client: NewClient, kind: str) -> None:
    recorder = Recorder(respond=_embedding_job(["processing", "processing", "failed"]))
    harness = _client(new_client, kind, recorder)
    with pytest.raises(imbrace.JobFailedError) as caught:
        harness.call(harness.client.ai_agent.process_embedding_and_wait, "file_abc", timeout=2, interval=0.001)
    assert isinstance(caught.value, ImbraceError)
    assert caught.value.status == "failed"
    assert caught.value.job == "embedding of file 'file_abc'"
    assert caught.value.result == {"success": True, "data": {"id": "file_abc", "status": "failed"}}
    assert "file_abc" in str(caught.value)
    assert len(recorder.requests) == 3


def test_wait_raises_a_timeout_error_when_the_bound_passes(new_client: NewClient, kind: str) -> None:
    recorder = Recorder(respond=_embedding_job(["processing"]))
    harness = _client(new_client, kind, recorder)
    started = time.monotonic()
    with pytest.raises(TimeoutError) as caught:
        harness.call(harness.client.ai_agent.process_embedding_and_wait, "file_abc", timeout=0.03, interval=0.005)
    elapsed = time.monotonic() - started
    assert isinstance(caught.value, imbrace.JobTimeoutError)
    assert isinstance(caught.value, ImbraceError)
    assert caught.value.status == "processing"
    assert 0.03 <= elapsed < 2
    assert len(recorder.requests) >= 2
    assert recorder.requests[0].method == "POST"


def test_wait_never_sleeps_past_the_bound(new_client: NewClient, kind: str) -> None:
    recorder = Recorder(respond=_embedding_job(["processing"]))
    harness = _client(new_client, kind, recorder)
    started = time.monotonic()
    with pytest.raises(TimeoutError):
        harness.call(harness.client.ai_agent.process_embedding_and_wait, "file_abc", timeout=0.02, interval=10)
    assert time.monotonic() - started < 2
    assert [r.method for r in recorder.requests] == ["POST", "GET"]


def test_wait_passes_request_options_to_every_call(new_client: NewClient, kind: str) -> None:
    recorder = Recorder(respond=_embedding_job(["processing", "ready"]))
    harness = _client(new_client, kind, recorder)
    harness.call(
        harness.client.ai_agent.process_embedding_and_wait,
        "file_abc",
        interval=0.001,
        extra_headers={"x-job": "j1"},
    )
    assert [r.headers.get("x-job") for r in recorder.requests] == ["j1", "j1"]


# ------------------------------------------------------------------ the documentation's examples, as written

DOC_EXAMPLES: dict[str, tuple[str, list[str]]] = {
    "sub_agent_history": (
        """
        history = client.ai_agent.get_sub_agent_history(
            session_id="sess_xyz",
            chat_id="chat_id",
        )
        """,
        ["GET /v2/sub-agent-chat/history?session_id=sess_xyz&chat_id=chat_id"],
    ),
    "prompt_suggestions": (
        """
        suggestions = client.ai_agent.get_agent_prompt_suggestion("asst_abc")
        """,
        ["GET /chat/get-agent-prompt-suggestion?assistant_id=asst_abc"],
    ),
    "embeddings": (
        """
        # Trigger embedding processing for an uploaded file
        client.ai_agent.process_embedding("file_abc")

        # With optional processing options
        client.ai_agent.process_embedding("file_abc", options={"chunk_size": 512})

        # List and inspect embedding files
        files = client.ai_agent.list_embedding_files(page=1, limit=20)
        file = client.ai_agent.get_embedding_file("file_abc")
        preview = client.ai_agent.preview_embedding_file(file_id="file_abc")

        # Update status and delete
        client.ai_agent.update_embedding_file_status("file_abc", "active")
        client.ai_agent.delete_embedding_file("file_abc")

        # Classify a file for RAG categorization
        classification = client.ai_agent.classify_file(file_id="file_abc")
        """,
        [
            "POST /embedding/process",
            "POST /embedding/process",
            "GET /embedding/files?page=1&limit=20",
            "GET /embedding/files/file_abc",
            "GET /embedding/files/preview?file_id=file_abc",
            "PUT /embedding/files/file_abc/status",
            "DELETE /embedding/files/file_abc",
            "GET /embedding/classify?file_id=file_abc",
        ],
    ),
    "data_board": (
        """
        result = client.ai_agent.suggest_field_types(
            file_urls=[
                "https://cdn.imbrace.co/docs/invoice-1.pdf",
                "https://cdn.imbrace.co/docs/invoice-2.pdf",
            ],
        )
        # result["fields"][i]["suggestedType"] → "datetime" | "number" | "boolean" | ...
        """,
        ["POST /data-board/suggest-field-types"],
    ),
    "parquet": (
        """
        result = client.ai_agent.generate_parquet(
            data=[{"id": 1, "name": "Alice"}, {"id": 2, "name": "Bob"}],
            file_name="users",
            folder_name="exports",
        )

        files = client.ai_agent.list_parquet_files()
        client.ai_agent.delete_parquet_file("exports/users.parquet")
        """,
        ["POST /parquet/generate", "GET /parquet/files"],
    ),
    "tracing": (
        """
        # List recent traces
        traces = client.ai_agent.get_traces(
            service="ai-agent",
            limit=50,
            time_range=3600, # seconds
            org_id="org_abc",
            details=True,
        )

        # Inspect a single trace
        trace = client.ai_agent.get_trace("trace_id_hex")

        # Enumerate services, tags, and tag values
        services = client.ai_agent.get_trace_services()
        tags = client.ai_agent.get_trace_tags()
        values = client.ai_agent.get_trace_tag_values("http.status_code")

        # TraceQL search
        results = client.ai_agent.search_traceql(
            '{ .service.name = "ai-agent" && .http.status = 500 }'
        )
        """,
        [
            "GET /trace/traces?service=ai-agent&limit=50&timeRange=3600&orgId=org_abc&details=true",
            "GET /trace/traces/trace_id_hex",
            "GET /trace/services",
            "GET /trace/tags",
            "GET /trace/tags/http.status_code/values",
            "GET /trace/search/traceql?q=%7B+.service.name+%3D+%22ai-agent%22+%26%26+.http.status+%3D+500+%7D",
        ],
    ),
    "chat_client_auth": (
        """
        client.ai_agent.verify_chat_client_credentials({"token": "tok_xxx"})
        client.ai_agent.register_chat_client({"name": "web-app", "secret": "s3cr3t"})
        user = client.ai_agent.get_chat_client_user({"token": "tok_xxx"})
        """,
        [],
    ),
    "chat_client_chats": (
        # The page's block minus its last statement, stream_client_chat_status (a stream, tested with the streams).
        """
        # Create a new chat session
        from datetime import datetime, timezone

        client.ai_agent.create_client_chat({
            "id": "chat_uuid",
            "assistantId": "asst_abc",
            "organizationId": "org_abc",
            "userId": "user_xxx",
            "selectedVisibilityType": "private",
            "message": {
                "id": "msg_uuid",
                "role": "user",
                "content": "Hello!",
                "createdAt": datetime.now(timezone.utc).isoformat(),
                "parts": [{"type": "text", "text": "Hello!"}],
            },
        })

        # List, read, update, delete
        chats = client.ai_agent.list_client_chats(organization_id="org_abc", limit=20)
        chat = client.ai_agent.get_client_chat("chat_id")
        client.ai_agent.update_client_chat("chat_id", {"visibility": "private"})
        client.ai_agent.delete_client_chat("chat_id")
        client.ai_agent.delete_all_client_chats("org_abc")

        # Auto-generate a title for the chat
        client.ai_agent.generate_client_chat_title("chat_id")
        """,
        [
            "POST /chat-client/chats",
            "GET /chat-client/chats?organization_id=org_abc&limit=20",
            "GET /chat-client/chats/chat_id",
            "PATCH /chat-client/chats/chat_id",
            "DELETE /chat-client/chats/chat_id",
            "DELETE /chat-client/chats?organization_id=org_abc",
        ],
    ),
    "chat_client_messages": (
        """
        client.ai_agent.persist_client_message({"chatId": "chat_id", "content": "Hello"})
        messages = client.ai_agent.list_client_messages("chat_id")
        client.ai_agent.delete_trailing_messages("message_id")
        """,
        [
            "POST /chat-client/messages",
            "GET /chat-client/chats/chat_id/messages",
            "DELETE /chat-client/messages/message_id/trailing",
        ],
    ),
    "chat_client_votes": (
        """
        votes = client.ai_agent.get_votes("chat_id")
        client.ai_agent.update_vote({"messageId": "msg_id", "vote": "up"})
        """,
        ["GET /chat-client/chats/chat_id/votes"],
    ),
    "chat_client_documents": (
        """
        client.ai_agent.create_document({"kind": "text", "content": "Draft..."})

        doc = client.ai_agent.get_document("doc_id")
        latest = client.ai_agent.get_document_latest("doc_id")
        pub = client.ai_agent.get_document_public("doc_id")
        by_kind = client.ai_agent.get_document_latest_by_kind(kind="text")
        suggestion = client.ai_agent.get_document_suggestions("doc_id")

        client.ai_agent.delete_document("doc_id")
        """,
        [],
    ),
    "service_info": (
        """
        config = client.ai_agent.get_config()
        health = client.ai_agent.get_health() # summary
        details = client.ai_agent.get_health(detailed=True) # detailed
        version = client.ai_agent.get_version()
        """,
        ["GET /config", "GET /health", "GET /health?detailed=true", "GET /version"],
    ),
    "admin_guides": (
        """
        guides = client.ai_agent.list_admin_guides()

        # Download a specific guide — returns raw httpx.Response
        response = client.ai_agent.get_admin_guide("onboarding.pdf")
        with open("onboarding.pdf", "wb") as f:
            f.write(response.content)
        """,
        ["GET /admin/guides", "GET /admin/guides/onboarding.pdf"],
    ),
    "legacy_v1_chat": (
        """
        chats = client.ai_agent.list_chats(
            organization_id="org_abc",
            user_id="user_123",
            limit=20,
        )

        chat = client.ai_agent.get_chat("chat_id", include_messages=True)

        client.ai_agent.delete_chat(
            "chat_id",
            organization_id="org_abc",
            user_id="user_123",
        )
        """,
        [
            "GET /chat?organization_id=org_abc&user_id=user_123&limit=20",
            "GET /chat/chat_id?include_messages=true",
            "DELETE /chat/chat_id?organization_id=org_abc&user_id=user_123",
        ],
    ),
}


# The examples holding a body the AI-agent service rejects: the SDK raises there, before sending it
# (docs/doc-errata.md); each example's request list above stops at that call.
REFUSED_EXAMPLES = {
    "chat_client_auth": "verify_chat_client_credentials takes {'email'",
    "chat_client_chats": "generate_client_chat_title needs the message to title",
    "chat_client_votes": "update_vote takes {'chatId'",
    "chat_client_documents": "create_document needs a title",
    "parquet": "delete_parquet_file takes the stored file name",
}


def _doc_server(request: httpx.Request) -> httpx.Response:
    if "/admin/guides/" in _path(request):
        return httpx.Response(200, content=PDF, headers={"content-type": "application/pdf"})
    return httpx.Response(200, json={"success": True, "data": {}})


def _run_example(harness: Harness, source: str) -> dict[str, Any]:
    """Run the example's text: as is on the sync client; on the async one with `await` before each client call."""
    code = textwrap.dedent(source)
    namespace: dict[str, Any] = {"client": harness.client}
    if harness.runner is None:
        exec(compile(code, "<doc example>", "exec"), namespace)
        return namespace
    awaited = re.sub(r"\bclient\.ai_agent\.", "await client.ai_agent.", code)
    wrapped = "async def _example():\n" + textwrap.indent(awaited, "    ") + "\n    return locals()\n"
    exec(compile(wrapped, "<doc example>", "exec"), namespace)
    result: dict[str, Any] = harness.runner.run(namespace["_example"]())
    return result


@pytest.mark.parametrize("example", sorted(DOC_EXAMPLES))
def test_documentation_example_runs_as_written(
    new_client: NewClient, kind: str, example: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    source, expected = DOC_EXAMPLES[example]
    recorder = Recorder(respond=_doc_server)
    harness = _client(new_client, kind, recorder)
    if example in REFUSED_EXAMPLES:
        with pytest.raises(ValueError, match=REFUSED_EXAMPLES[example]):
            _run_example(harness, source)
    else:
        _run_example(harness, source)
    sent = [f"{r.method} {r.url.raw_path.decode().removeprefix(BASE)}" for r in recorder.requests]
    assert sent == expected
    if example == "admin_guides":
        assert (tmp_path / "onboarding.pdf").read_bytes() == PDF
    if example == "chat_client_chats":
        created = _body(recorder.requests[0])
        assert created["organizationId"] == "org_abc"
        assert created["message"]["parts"] == [{"type": "text", "text": "Hello!"}]


def test_doc_examples_cover_every_non_streaming_method() -> None:
    calls = re.compile(r"client\.ai_agent\.(\w+)\(")
    names = {name for source, _ in DOC_EXAMPLES.values() for name in calls.findall(source)}
    surface = Path(__file__).resolve().parents[1] / "surface" / "imbrace-surface.tsv"
    rows = [line.split("\t") for line in surface.read_text(encoding="utf-8").splitlines()[1:]]
    documented = {row[1] for row in rows if row[0] == "ai_agent" and row[8] == "yes"}
    assert names == documented - {
        "stream_chat",
        "stream_chat_text",
        "stream_sub_agent_chat",
        "stream_client_chat_status",
    }
