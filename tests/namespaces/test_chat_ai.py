"""`client.chat_ai` on both clients: method, exact path, query and body of every call, uploads, results, the doc."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from namespace_support import (
    Blocking,
    Case,
    NewClient,
    cases,
    check_case,
    check_table_covered,
    client_for,
    json_body,
    multipart,
    raw_path,
)

from imbrace._errors import BadRequestError, NotFoundError, UnprocessableEntityError

HOSTILE = "../x?y=1#z/w %"
HOSTILE_SEGMENT = "..%2Fx%3Fy%3D1%23z%2Fw%20%25"
BOUNDARY_LOOKALIKE = (
    b"%PDF-1.7\r\n------WebKitFormBoundary7MA4YWxkTrZu0gW\r\n"
    b'Content-Disposition: form-data; name="agent_id"\r\n\r\nevil\r\n'
    b"------WebKitFormBoundary7MA4YWxkTrZu0gW--\r\n--\r\n\x00\xff binary tail"
)


# --- every method: method, exact path, query, body, result ------------------------------------------------------

AGENT = {"id": "9f77692f-33d0-436a-8138-2efb268838e6", "name": "Support Bot", "extra_field": [1, 2]}
# What the SDK returns for AGENT: the record with `_id` added from `id` (the hosted platform's name for it).
AGENT_RESULT = {**AGENT, "_id": AGENT["id"]}

CASES = [
    Case("list_ai_agents", path="/v3/ai/accounts/assistants", reply=[AGENT], result=[AGENT_RESULT]),
    Case("list_ai_agent_sub_agents", path="/v3/ai/assistants/agents", reply=[AGENT], result=[AGENT_RESULT]),
    Case("get_ai_agent", (HOSTILE,), path=f"/v3/ai/assistants/{HOSTILE_SEGMENT}", reply=AGENT, result=AGENT_RESULT),
    Case("get_ai_agent", ("..",), path="/v3/ai/assistants/%2E%2E", reply=AGENT, result=AGENT_RESULT),
    Case(
        "update_ai_agent",
        (HOSTILE, {"name": "Support Bot v2", "workflow_name": "support_bot_v1"}),
        kwargs={"merge": False},
        http="PUT",
        path=f"/v3/ai/assistant_apps/{HOSTILE_SEGMENT}",
        body={"name": "Support Bot v2", "workflow_name": "support_bot_v1"},
        reply=AGENT,
        result=AGENT_RESULT,
    ),
    Case(
        "update_ai_agent_instructions",
        (HOSTILE, "You are a helpful support agent."),
        http="PATCH",
        path=f"/v3/ai/assistants/{HOSTILE_SEGMENT}/instructions",
        body={"instructions": "You are a helpful support agent."},
        reply=AGENT,
        result=AGENT_RESULT,
    ),
    Case(
        "update_ai_agent_instructions",
        ("a1", {"instructions": "Be brief."}),
        http="PATCH",
        path="/v3/ai/assistants/a1/instructions",
        body={"instructions": "Be brief."},
        reply=AGENT,
        result=AGENT_RESULT,
    ),
    Case(
        "delete_ai_agent",
        (HOSTILE,),
        http="DELETE",
        path=f"/v3/ai/assistant_apps/{HOSTILE_SEGMENT}",
        reply={"ok": 1},
        result=True,
    ),
    Case("delete_ai_agent", ("a1",), http="DELETE", path="/v3/ai/assistant_apps/a1", reply=None, result=True),
    Case(
        "list_document_models",
        path="/v3/ai/providers",
        reply=[{"_id": "p1", "models": [{"name": "gpt-4o"}]}],
        result=[{"_id": "p1", "id": "p1", "models": [{"name": "gpt-4o"}]}],
    ),
    Case(
        "process_document",
        ("gpt-4o", "https://cdn.test/invoice.pdf", "org-explicit"),
        kwargs={
            "board_id": "b1",
            "language": "en",
            "additional_instructions": "dates as ISO",
            "additional_document_instructions": "page 2 only",
            "process_model_name": "gpt-4o-mini",
            "file_url_to_fill": "https://cdn.test/form.pdf",
            "tools": [{"name": "lookup"}],
            "utc": 8,
            "chunk_size": 4,
            "max_concurrent": 2,
            "max_retries": 5,
            "use_enhanced_processing": False,
        },
        http="POST",
        path="/v3/ai/document",
        body={
            "modelName": "gpt-4o",
            "url": "https://cdn.test/invoice.pdf",
            "organizationId": "org-explicit",
            "boardId": "b1",
            "language": "en",
            "additionalInstructions": "dates as ISO",
            "additionalDocumentInstructions": "page 2 only",
            "processModelName": "gpt-4o-mini",
            "fileUrlToFill": "https://cdn.test/form.pdf",
            "tools": [{"name": "lookup"}],
            "utc": 8,
            "chunkSize": 4,
            "maxConcurrent": 2,
            "maxRetries": 5,
            "useEnhancedProcessing": False,
        },
        reply={"success": True, "data": {"filledPdfUrl": "https://cdn.test/out.pdf"}},
    ),
    Case(
        "process_document",
        ("gpt-4o", "https://cdn.test/invoice.pdf", "org-explicit"),
        kwargs={"language": None},
        http="POST",
        path="/v3/ai/document",
        body={"modelName": "gpt-4o", "url": "https://cdn.test/invoice.pdf", "organizationId": "org-explicit"},
        reply={"success": True},
    ),
]


@cases(CASES)
def test_each_method_sends_its_request_and_returns_the_reply(new_client: NewClient, kind: str, case: Case) -> None:
    check_case(new_client, kind, "chat_ai", case)


CURRENT = {
    "id": "a1",
    "organization_id": "org-1",
    "name": "Support Bot",
    "workflow_name": "support_bot_v1",
    "model_id": "gpt-4o",
    "provider_id": "system",
    "streaming": True,
    "description": None,
    "model": "rag",
    "created_at": "2026-12-01T00:00:00Z",
}


def test_update_ai_agent_reads_the_agent_and_merges_before_the_full_replace(new_client: NewClient, kind: str) -> None:
    def server(request: httpx.Request) -> httpx.Response:
        if request.method == "GET":
            return httpx.Response(200, json=CURRENT)
        return httpx.Response(200, json={**CURRENT, **json.loads(request.content)})

    harness, recorder = client_for(new_client, kind, server)
    updated = harness.call(harness.client.chat_ai.update_ai_agent, "a1", {"name": "Support Bot v2"})
    assert [(r.method, raw_path(r)) for r in recorder.requests] == [
        ("GET", "/v3/ai/assistants/a1"),
        ("PUT", "/v3/ai/assistant_apps/a1"),
    ]
    assert json_body(recorder.requests[1]) == {
        "name": "Support Bot v2",
        "workflow_name": "support_bot_v1",
        "model_id": "gpt-4o",
        "provider_id": "system",
        "streaming": True,
    }
    assert (updated["name"], updated["_id"]) == ("Support Bot v2", "a1")


def test_update_ai_agent_app_merges_too_unless_told_not_to(new_client: NewClient, kind: str) -> None:
    harness, recorder = client_for(new_client, kind, lambda request: httpx.Response(200, json=CURRENT))
    harness.call(harness.client.ai.update_ai_agent_app, "a1", {"name": "App v2"})
    assert json_body(recorder.requests[1])["model_id"] == "gpt-4o"
    harness.call(harness.client.ai.update_ai_agent_app, "a1", {"name": "App v2"}, merge=False)
    assert [r.method for r in recorder.requests] == ["GET", "PUT", "PUT"]
    assert json_body(recorder.requests[2]) == {"name": "App v2"}


def test_a_failed_read_before_an_update_sends_no_write(new_client: NewClient, kind: str) -> None:
    missing = {"detail": "[ERROR: 404: Assistant not found]"}
    harness, recorder = client_for(new_client, kind, lambda request: httpx.Response(400, json=missing))
    with pytest.raises(BadRequestError, match="Assistant not found"):
        harness.call(harness.client.chat_ai.update_ai_agent, "nope", {"name": "x"})
    assert [r.method for r in recorder.requests] == ["GET"]


def test_a_validation_error_keeps_the_fastapi_details(new_client: NewClient, kind: str) -> None:
    detail = [
        {"type": "missing", "loc": ["body", "path"], "msg": "Field required", "input": {}},
        {"type": "missing", "loc": ["body", "config"], "msg": "Field required", "input": {}},
    ]
    harness, _ = client_for(new_client, kind, lambda request: httpx.Response(422, json={"detail": detail}))
    with pytest.raises(UnprocessableEntityError) as raised:
        harness.call(harness.client.chat_ai.process_document, "m", "https://u", "o")
    assert "422 body.path: Field required; body.config: Field required (POST /v3/ai/document)" in str(raised.value)
    assert raised.value.body == {"detail": detail}


def test_create_ai_agent_fills_the_documented_defaults_without_touching_the_callers_dict(
    new_client: NewClient, kind: str
) -> None:
    harness, recorder = client_for(new_client, kind, lambda request: httpx.Response(200, json={"id": "a1"}))
    body = {"name": "Support Bot", "workflow_name": "support_bot_v1", "streaming": True, "model_id": None}
    snapshot = dict(body)
    created = harness.call(harness.client.chat_ai.create_ai_agent, body)
    assert created == {"id": "a1", "_id": "a1"}
    assert body == snapshot
    request = recorder.requests[0]
    assert (request.method, raw_path(request)) == ("POST", "/v3/ai/assistant_apps")
    assert json_body(request) == {
        "name": "Support Bot",
        "workflow_name": "support_bot_v1",
        "streaming": True,
        "provider_id": "system",
        "model_id": "Default",
    }


@pytest.mark.parametrize(
    "given", [{"provider_id": "prov_openai", "model_id": "gpt-4o"}, {"provider_id": "", "model_id": ""}]
)
def test_create_ai_agent_keeps_the_callers_provider_and_model(
    new_client: NewClient, kind: str, given: dict[str, str]
) -> None:
    harness, recorder = client_for(new_client, kind)
    harness.call(harness.client.chat_ai.create_ai_agent, {"name": "n", "workflow_name": "w", **given})
    sent = json_body(recorder.requests[0])
    assert sent["provider_id"] == given["provider_id"]
    assert sent["model_id"] == given["model_id"]


def test_per_call_options_reach_the_transport(new_client: NewClient, kind: str) -> None:
    harness, recorder = client_for(new_client, kind, lambda request: httpx.Response(200, json=[]))
    harness.call(
        harness.client.chat_ai.list_ai_agents, extra_headers={"x-trace": "t1"}, extra_query={"page": 2}, timeout=3.0
    )
    request = recorder.requests[0]
    assert request.headers["x-trace"] == "t1"
    assert request.url.params["page"] == "2"
    assert request.extensions["timeout"]["read"] == 3.0


def test_process_document_takes_request_options_but_max_retries_is_the_body_field(
    new_client: NewClient, kind: str
) -> None:
    harness, recorder = client_for(new_client, kind, lambda request: httpx.Response(200, json={"success": True}))
    harness.call(
        harness.client.chat_ai.process_document, "m", "https://u", "o", max_retries=0, extra_headers={"x-a": "b"}
    )
    request = recorder.requests[0]
    assert json_body(request)["maxRetries"] == 0
    assert request.headers["x-a"] == "b"


def test_a_failed_call_raises_the_typed_error(new_client: NewClient, kind: str) -> None:
    harness, _ = client_for(new_client, kind, lambda request: httpx.Response(404, json={"message": "no such agent"}))
    with pytest.raises(NotFoundError, match="no such agent"):
        harness.call(harness.client.chat_ai.delete_ai_agent, "missing")


# --- uploads -------------------------------------------------------------------------------------------------------


def test_upload_agent_file_sends_the_file_part_and_the_agent_id_field(new_client: NewClient, kind: str) -> None:
    reply = {"id": "file_1", "filename": "report.pdf", "agent_id": "asst_abc"}
    harness, recorder = client_for(new_client, kind, lambda request: httpx.Response(200, json=reply))
    handle = io.BytesIO(BOUNDARY_LOOKALIKE)
    handle.name = "report.pdf"
    uploaded = harness.call(harness.client.chat_ai.upload_agent_file, files={"file": handle}, agent_id="asst_abc")
    assert uploaded == reply
    request = recorder.requests[0]
    assert (request.method, raw_path(request)) == ("POST", "/v3/ai/files/agent")
    parts = multipart(request)
    assert set(parts) == {"file", "agent_id"}
    assert parts["file"] == ("report.pdf", "application/pdf", BOUNDARY_LOOKALIKE)
    assert parts["agent_id"] == (None, None, b"asst_abc")


def test_upload_agent_file_takes_positional_arguments_as_the_old_sdk(new_client: NewClient, kind: str) -> None:
    harness, recorder = client_for(new_client, kind)
    harness.call(harness.client.chat_ai.upload_agent_file, {"file": ("notes.txt", b"hello")}, "asst_9")
    parts = multipart(recorder.requests[0])
    assert parts["file"] == ("notes.txt", "text/plain", b"hello")
    assert parts["agent_id"][2] == b"asst_9"


@pytest.mark.parametrize("form", ["path", "str_path", "bytes", "file_object"])
def test_extract_file_accepts_a_path_bytes_or_a_file_object(
    new_client: NewClient, kind: str, tmp_path: Path, form: str
) -> None:
    source = tmp_path / "scan.pdf"
    source.write_bytes(BOUNDARY_LOOKALIKE)
    harness, recorder = client_for(new_client, kind, lambda request: httpx.Response(200, json={"content": "text"}))
    handle = source.open("rb")
    try:
        value: Any = {"path": source, "str_path": str(source), "bytes": BOUNDARY_LOOKALIKE, "file_object": handle}[form]
        extracted = harness.call(harness.client.chat_ai.extract_file, value)
    finally:
        handle.close()
    assert extracted == {"content": "text"}
    request = recorder.requests[0]
    assert (request.method, raw_path(request)) == ("POST", "/v3/ai/files/extract")
    parts = multipart(request)
    assert list(parts) == ["file"]
    filename, content_type, data = parts["file"]
    assert data == BOUNDARY_LOOKALIKE
    if form == "bytes":
        assert (filename, content_type) == ("upload.bin", "application/octet-stream")
    else:
        assert (filename, content_type) == ("scan.pdf", "application/pdf")


def test_an_upload_without_a_file_fails_before_sending(new_client: NewClient, kind: str) -> None:
    harness, recorder = client_for(new_client, kind)
    with pytest.raises(FileNotFoundError):
        harness.call(harness.client.chat_ai.extract_file, "/nonexistent/dir/file.pdf")
    assert recorder.requests == []


# --- both clients, one surface -------------------------------------------------------------------------------------


def test_every_table_method_is_tested() -> None:
    check_table_covered("chat_ai", CASES, {"create_ai_agent", "upload_agent_file", "extract_file"})


# --- the documentation's examples not run by tests/docs, as written ----------------------------------------------


def doc_server(request: httpx.Request) -> httpx.Response:
    path = raw_path(request)
    if request.method == "POST" and path == "/v3/ai/assistant_apps":
        return httpx.Response(200, json={"id": "agent-created", **json.loads(request.content)})
    if request.method == "DELETE":
        return httpx.Response(200, json={"success": True})
    if path == "/v3/ai/completions":
        return httpx.Response(
            200,
            json={
                "success": True,
                "data": {
                    "id": "c1",
                    "model": "gpt-4o",
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": "A short summary."}}],
                },
            },
        )
    if path.endswith("/instructions"):
        return httpx.Response(
            200, json={"id": "agent-created", "instructions": json.loads(request.content)["instructions"]}
        )
    if request.method == "GET" and path in (
        "/v3/ai/accounts/assistants",
        "/v3/ai/assistants/agents",
        "/v3/ai/providers",
    ):
        return httpx.Response(200, json=[])
    return httpx.Response(200, json={"id": "x", "path": path})


@pytest.mark.filterwarnings("ignore::ResourceWarning")  # the doc's `open(...)` handles are never closed
def test_doc_example_document_models_and_file_extraction(
    new_client: NewClient, kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    harness, recorder = client_for(new_client, kind, doc_server)
    client = Blocking(harness)
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7 report")
    monkeypatch.chdir(tmp_path)

    models = client.chat_ai.list_document_models()

    # Upload an agent-specific file
    uploaded = client.chat_ai.upload_agent_file(files={"file": open("report.pdf", "rb")}, agent_id="asst_abc")  # noqa: SIM115

    # Extract content from an uploaded file
    extracted = client.chat_ai.extract_file(files={"file": open("report.pdf", "rb")})  # noqa: SIM115

    assert models == []
    assert uploaded["path"] == "/v3/ai/files/agent" and extracted["path"] == "/v3/ai/files/extract"
    upload_parts = multipart(recorder.requests[1])
    assert upload_parts["file"] == ("report.pdf", "application/pdf", b"%PDF-1.7 report")
    assert upload_parts["agent_id"][2] == b"asst_abc"
    assert multipart(recorder.requests[2])["file"][2] == b"%PDF-1.7 report"
