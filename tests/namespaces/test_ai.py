"""`client.ai` on both clients: every method's request and result, completions, embeddings, providers, the doc."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
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
    routes,
)

from imbrace._errors import (
    APIError,
    AuthenticationError,
    AuthError,
    BadRequestError,
    InternalServerError,
)
from imbrace.types.ai import Completion, CompletionInput, CompletionMessage, Embedding, EmbeddingInput

HOSTILE = "../x?y=1#z/w %"
SEG = "..%2Fx%3Fy%3D1%23z%2Fw%20%25"
BOUNDARY_LOOKALIKE = (
    b"PK\x03\x04\r\n--boundary\r\n------WebKitFormBoundary7MA4YWxkTrZu0gW\r\n"
    b'Content-Disposition: form-data; name="file"; filename="x"\r\n\r\n'
    b"------WebKitFormBoundary7MA4YWxkTrZu0gW--\r\n\x00\xff"
)
MODELS_REPLY = {
    "success": True,
    "message": "ok",
    "data": [
        {"name": "Default", "is_toolCall_available": True, "is_vision_available": False, "is_support_thinking": False},
        {"name": "gpt-4o", "is_toolCall_available": True},
    ],
}


# --- every method: method, exact path, query, body, result ------------------------------------------------------

AGENT = {"id": "asst_abc", "_id": "asst_abc", "name": "Support Bot", "unknown_field": {"kept": True}}
DELETED = {"success": True, "deletedCount": 1}
B = {"name": "n"}  # a pass-through body
GUARDRAIL = {"name": "Brand Safety", "model": "nim-nemo", "instructions": "Block.", "unsafe_categories": []}
GUARDRAIL_WRITE = {"message": "ok", "guardrails_config_id": "g1", "status": "success", "_id": "g1", "id": "g1"}
PROVIDER = {"name": "OpenAI", "type": "openai", "config": {"api_key": "sk-secret", "base_url": "https://a.test/"}}
TOOL_SERVER = {"url": "https://t.test/mcp", "path": "", "type": "mcp", "auth_type": None, "key": None, "config": None}

CASES = [
    Case("list_ai_agents", path="/v3/ai/accounts/assistants", reply=[AGENT]),
    Case("list_agents", path="/v3/ai/assistants/agents", reply=[AGENT]),
    Case("get_ai_agent", (HOSTILE,), path=f"/v3/ai/assistants/{SEG}", reply=AGENT),
    Case(
        "check_ai_agent_name",
        ("Support Bot & Co/1",),
        path="/v3/ai/assistants/check-name",
        query=[("name", "Support Bot & Co/1")],
        reply={"exist": False},
    ),
    Case(
        "patch_instructions",
        (HOSTILE, {"instructions": "Be concise."}),
        http="PATCH",
        path=f"/v3/ai/assistants/{SEG}/instructions",
        body={"instructions": "Be concise."},
        reply=AGENT,
    ),
    Case(
        "patch_instructions",
        ("asst_abc", "Be concise."),
        http="PATCH",
        path="/v3/ai/assistants/asst_abc/instructions",
        body={"instructions": "Be concise."},
        reply=AGENT,
    ),
    Case("list_ai_agent_apps", path="/v3/ai/assistant_apps", reply={"data": [AGENT], "total": 1}),
    Case("get_ai_agent_app", (HOSTILE,), path=f"/v3/ai/assistant_apps/{SEG}", reply=AGENT),
    Case("delete_ai_agent_app", (HOSTILE,), http="DELETE", path=f"/v3/ai/assistant_apps/{SEG}", reply=DELETED),
    Case(
        "update_ai_agent_workflow",
        (HOSTILE, {"workflow": {"steps": [{"id": "step1", "type": "llm"}]}}),
        http="PUT",
        path=f"/v3/ai/assistant_apps/{SEG}/workflow",
        body={"workflow": {"steps": [{"id": "step1", "type": "llm"}]}},
        reply=AGENT,
    ),
    Case("list_rag_files", path="/v3/ai/rag/files", reply=[{"id": "f1", "_id": "f1"}]),
    Case("get_rag_file", (HOSTILE,), path=f"/v3/ai/rag/files/{SEG}", reply={"id": "f1", "_id": "f1"}),
    Case("delete_rag_file", (HOSTILE,), http="DELETE", path=f"/v3/ai/rag/files/{SEG}", reply=True),
    Case("list_guardrails", path="/v3/ai/guardrail/all", reply=[{"_id": "g1"}]),
    Case("get_guardrail", (HOSTILE,), path=f"/v3/ai/guardrail/{SEG}", reply={"_id": "g1"}),
    Case(
        "create_guardrail",
        (GUARDRAIL,),
        http="POST",
        path="/v3/ai/guardrail/create",
        body=GUARDRAIL,
        reply=GUARDRAIL_WRITE,
    ),
    Case(
        "update_guardrail",
        (HOSTILE, GUARDRAIL),
        http="PUT",
        path=f"/v3/ai/guardrail/update/{SEG}",
        body=GUARDRAIL,
        reply=GUARDRAIL_WRITE,
    ),
    Case("delete_guardrail", (HOSTILE,), http="DELETE", path=f"/v3/ai/guardrail/delete/{SEG}", reply=DELETED),
    Case("list_guardrail_providers", path="/v3/ai/guardrail-providers", reply={"data": [], "total": 0}),
    Case("get_guardrail_provider", (HOSTILE,), path=f"/v3/ai/guardrail-providers/{SEG}", reply={"_id": "gp"}),
    Case(
        "create_guardrail_provider",
        ({"name": "OpenAI Moderation", "type": "openai", "config": {"api_key": "sk-..."}},),
        http="POST",
        path="/v3/ai/guardrail-providers",
        body={"name": "OpenAI Moderation", "type": "openai", "config": {"api_key": "sk-..."}},
        reply={"_id": "gp"},
    ),
    Case(
        "update_guardrail_provider",
        (HOSTILE, B),
        http="PUT",
        path=f"/v3/ai/guardrail-providers/{SEG}",
        body=B,
        reply={"_id": "gp"},
    ),
    Case(
        "delete_guardrail_provider", (HOSTILE,), http="DELETE", path=f"/v3/ai/guardrail-providers/{SEG}", reply=DELETED
    ),
    Case(
        "test_guardrail_provider",
        (HOSTILE, {"prompt": "test prompt"}),
        http="POST",
        path=f"/v3/ai/guardrail-providers/{SEG}/test",
        body={"prompt": "test prompt"},
        reply={"guardrail_provider_id": "gp", "_id": "gp", "id": "gp", "status": "connected", "is_connected": True},
    ),
    Case(
        "get_guardrail_provider_models",
        (HOSTILE,),
        path=f"/v3/ai/guardrail-providers/{SEG}/models",
        reply={"models": [{"id": "omni-moderation"}]},
    ),
    Case(
        "create_provider",
        (PROVIDER,),
        http="POST",
        path="/v3/ai/providers",
        body=PROVIDER,
        reply={"id": "p1", "_id": "p1"},
    ),
    Case(
        "update_provider",
        (HOSTILE, PROVIDER),
        http="PUT",
        path=f"/v3/ai/providers/{SEG}",
        body=PROVIDER,
        reply={"id": "p1", "_id": "p1"},
    ),
    Case("delete_provider", (HOSTILE,), http="DELETE", path=f"/v3/ai/providers/{SEG}", reply=DELETED),
    Case(
        "refresh_provider_models",
        (HOSTILE,),
        http="POST",
        path=f"/v3/ai/providers/{SEG}/models/refresh",
        reply={"id": "p1", "_id": "p1"},
    ),
    Case("get_llm_models", path="/v3/ai/workflow-agent/models", reply=MODELS_REPLY),
    Case(
        "verify_tool_server",
        (TOOL_SERVER,),
        http="POST",
        path="/v3/ai/configs/tool_servers/verify",
        body=TOOL_SERVER,
        reply={"status": True, "specs": [{"name": "search"}]},
    ),
    Case("list_ai_agents_v2", path="/v2/ai/ai/assistants", reply={"data": [AGENT], "total": 1}),
    Case("create_ai_agent_v2", (B,), http="POST", path="/v2/ai/ai/assistants", body=B, reply=AGENT),
    Case("update_ai_agent_v2", (HOSTILE, B), http="PUT", path=f"/v2/ai/ai/assistants/{SEG}", body=B, reply=AGENT),
    Case("delete_ai_agent_v2", (HOSTILE,), http="DELETE", path=f"/v2/ai/ai/assistants/{SEG}", reply=DELETED),
    Case("create_ai_agent_app_v2", (B,), http="POST", path="/v2/ai/ai/assistant_apps", body=B, reply=AGENT),
]


@cases(CASES)
def test_each_method_sends_its_request_and_returns_the_reply(new_client: NewClient, kind: str, case: Case) -> None:
    check_case(new_client, kind, "ai", case)


@pytest.mark.parametrize("method", ["delete_provider", "delete_guardrail", "delete_rag_file", "delete_ai_agent_app"])
def test_a_delete_answered_204_returns_none(new_client: NewClient, kind: str, method: str) -> None:
    harness, recorder = client_for(new_client, kind, lambda request: httpx.Response(204))
    assert harness.call(getattr(harness.client.ai, method), "id-1") is None
    assert recorder.requests[0].method == "DELETE"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({}, {"provider_id": "system", "model_id": "Default"}),
        ({"provider_id": None, "model_id": None}, {"provider_id": "system", "model_id": "Default"}),
        ({"provider_id": "prov_1", "model_id": "gpt-4o"}, {"provider_id": "prov_1", "model_id": "gpt-4o"}),
        ({"model_id": "gpt-4o"}, {"provider_id": "system", "model_id": "gpt-4o"}),
    ],
)
def test_create_ai_agent_app_fills_only_missing_defaults(
    new_client: NewClient, kind: str, given: dict[str, Any], expected: dict[str, str]
) -> None:
    harness, recorder = client_for(new_client, kind, lambda request: httpx.Response(200, json={"id": "app1"}))
    body = {"name": "Support App", "workflow_name": "wf", "assistant_id": "asst_abc", **given}
    snapshot = dict(body)
    assert harness.call(harness.client.ai.create_ai_agent_app, body) == {"id": "app1", "_id": "app1"}
    assert body == snapshot
    request = recorder.requests[0]
    assert (request.method, raw_path(request)) == ("POST", "/v3/ai/assistant_apps")
    assert json_body(request) == {"name": "Support App", "workflow_name": "wf", "assistant_id": "asst_abc", **expected}


# --- uploads -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["dict", "path", "bytes", "file_object", "tuple"])
def test_upload_rag_file_sends_the_file_intact(new_client: NewClient, kind: str, tmp_path: Path, form: str) -> None:
    source = tmp_path / "knowledge.pdf"
    source.write_bytes(BOUNDARY_LOOKALIKE)
    harness, recorder = client_for(new_client, kind, lambda request: httpx.Response(200, json={"id": "rag_1"}))
    with source.open("rb") as handle:
        value: Any = {
            "dict": {"file": handle},
            "path": source,
            "bytes": BOUNDARY_LOOKALIKE,
            "file_object": io.BytesIO(BOUNDARY_LOOKALIKE),
            "tuple": ("knowledge.pdf", BOUNDARY_LOOKALIKE, "application/pdf"),
        }[form]
        uploaded = harness.call(harness.client.ai.upload_rag_file, files=value)
    assert uploaded == {"id": "rag_1", "_id": "rag_1"}
    request = recorder.requests[0]
    assert (request.method, raw_path(request)) == ("POST", "/v3/ai/rag/files")
    parts = multipart(request)
    assert list(parts) == ["file"]
    filename, content_type, data = parts["file"]
    assert data == BOUNDARY_LOOKALIKE
    if form in ("dict", "path", "tuple"):
        assert (filename, content_type) == ("knowledge.pdf", "application/pdf")
    else:
        assert (filename, content_type) == ("upload.bin", "application/octet-stream")


# --- providers and models ------------------------------------------------------------------------------------------

CUSTOM = [{"id": "p1", "_id": "p1", "provider_id": "p1", "name": "My OpenAI", "models": [{"name": "gpt-4o"}]}]


def test_list_providers_puts_the_system_provider_first(new_client: NewClient, kind: str) -> None:
    harness, recorder = client_for(
        new_client,
        kind,
        routes({("GET", "/v3/ai/providers"): CUSTOM, ("GET", "/v3/ai/workflow-agent/models"): MODELS_REPLY}),
    )
    providers = harness.call(harness.client.ai.list_providers)
    assert providers[1:] == CUSTOM
    assert providers[0] == {
        "_id": None,
        "id": None,
        "provider_id": "system",
        "name": "System Default",
        "type": "system",
        "source": "system",
        "models": MODELS_REPLY["data"],
    }
    assert [(r.method, raw_path(r)) for r in recorder.requests] == [
        ("GET", "/v3/ai/providers"),
        ("GET", "/v3/ai/workflow-agent/models"),
    ]


def test_list_providers_without_system_makes_one_call(new_client: NewClient, kind: str) -> None:
    harness, recorder = client_for(new_client, kind, routes({("GET", "/v3/ai/providers"): CUSTOM}))
    assert harness.call(harness.client.ai.list_providers, include_system=False) == CUSTOM
    assert harness.call(harness.client.ai.list_providers, False) == CUSTOM
    assert [raw_path(r) for r in recorder.requests] == ["/v3/ai/providers", "/v3/ai/providers"]


@pytest.mark.parametrize(
    ("failure", "error"),
    [
        ((401, {"message": "token expired"}), AuthenticationError),
        ((500, {"message": "models down"}), InternalServerError),
        ((200, {"success": False, "message": "no models"}), APIError),
    ],
)
def test_list_providers_raises_when_the_models_call_fails(
    new_client: NewClient, kind: str, failure: tuple[int, Any], error: type[Exception]
) -> None:
    harness, recorder = client_for(
        new_client,
        kind,
        routes({("GET", "/v3/ai/providers"): CUSTOM, ("GET", "/v3/ai/workflow-agent/models"): failure}),
    )
    with pytest.raises(error) as caught:
        harness.call(harness.client.ai.list_providers)
    if error is AuthenticationError:
        assert isinstance(caught.value, AuthError)  # the old name still catches it
        assert "token expired" in str(caught.value)
    assert [raw_path(r) for r in recorder.requests] == ["/v3/ai/providers", "/v3/ai/workflow-agent/models"]


def test_list_models_returns_the_model_list(new_client: NewClient, kind: str) -> None:
    harness, recorder = client_for(new_client, kind, routes({("GET", "/v3/ai/workflow-agent/models"): MODELS_REPLY}))
    models = harness.call(harness.client.ai.list_models)
    assert models == MODELS_REPLY["data"]
    assert models[1].get("is_toolCall_available") is True
    assert [(r.method, raw_path(r)) for r in recorder.requests] == [("GET", "/v3/ai/workflow-agent/models")]


def test_list_models_takes_a_bare_list_and_rejects_a_reply_without_models(new_client: NewClient, kind: str) -> None:
    replies = iter([[{"name": "Default"}], {"success": True, "message": "?"}])
    harness, _ = client_for(new_client, kind, lambda request: httpx.Response(200, json=next(replies)))
    assert harness.call(harness.client.ai.list_models) == [{"name": "Default"}]
    with pytest.raises(APIError, match="no `data` list"):
        harness.call(harness.client.ai.list_models)


# --- completions ---------------------------------------------------------------------------------------------------

COMPLETION = {
    "id": "chatcmpl-1",
    "object": "chat.completion",
    "created": 1700000000,
    "model": "gpt-4o",
    "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hello!"}, "finish_reason": "stop"}],
    "usage": {"prompt_tokens": 5, "completion_tokens": 2, "total_tokens": 7},
    "system_fingerprint": "fp_1",
}
MESSAGES = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}]
EXPECTED_BODY = {"model": "gpt-4o", "messages": MESSAGES, "temperature": 0.7, "stream": False}


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(
            lambda ai: ai.complete(
                CompletionInput(
                    model="gpt-4o",
                    messages=[CompletionMessage(role=m["role"], content=m["content"]) for m in MESSAGES],
                    temperature=0.7,
                )
            ),
            id="CompletionInput",
        ),
        pytest.param(
            lambda ai: ai.complete({"model": "gpt-4o", "messages": MESSAGES, "temperature": 0.7, "stream": True}),
            id="dict-with-stream-true",
        ),
        pytest.param(lambda ai: ai.complete(model="gpt-4o", messages=MESSAGES, temperature=0.7), id="keywords"),
        pytest.param(
            lambda ai: ai.complete(input={"model": "other", "messages": MESSAGES}, model="gpt-4o", temperature=0.7),
            id="input-keyword-overridden-by-keywords",
        ),
        pytest.param(
            lambda ai: ai.complete(
                model="gpt-4o", messages=[CompletionMessage.model_validate(MESSAGES[0]), MESSAGES[1]], temperature=0.7
            ),
            id="mixed-messages",
        ),
    ],
)
def test_complete_accepts_every_input_form_and_forces_stream_false(
    new_client: NewClient, kind: str, call: Callable[[Any], Any]
) -> None:
    harness, recorder = client_for(new_client, kind, lambda request: httpx.Response(200, json=COMPLETION))
    response = harness.call(call, harness.client.ai)
    assert isinstance(response, Completion)
    assert response.choices[0].message.content == "Hello!"
    assert response.usage is not None and response.usage.total_tokens == 7
    assert response.model_extra == {"system_fingerprint": "fp_1"}
    request = recorder.requests[0]
    assert (request.method, raw_path(request)) == ("POST", "/v3/ai/completions")
    assert request.headers["x-api-key"] == "key-1"
    assert json_body(request) == EXPECTED_BODY


def test_complete_does_not_change_the_callers_dict(new_client: NewClient, kind: str) -> None:
    harness, _ = client_for(new_client, kind, lambda request: httpx.Response(200, json=COMPLETION))
    body = {"model": "gpt-4o", "messages": [dict(m) for m in MESSAGES], "stream": True}
    snapshot = json.dumps(body)
    harness.call(harness.client.ai.complete, body, temperature=0.1)
    assert json.dumps(body) == snapshot


def test_complete_unwraps_an_envelope_and_tolerates_new_values(new_client: NewClient, kind: str) -> None:
    filtered = {
        "id": "c2",
        "model": "gpt-4o",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": None}, "finish_reason": "content_filter"}],
    }
    reply = {"success": True, "message": "ok", "data": filtered}
    harness, _ = client_for(new_client, kind, lambda request: httpx.Response(200, json=reply))
    response = harness.call(harness.client.ai.complete, model="gpt-4o", messages=MESSAGES)
    assert response.id == "c2"
    assert response.choices[0].finish_reason == "content_filter"
    assert response.choices[0].message.content is None


def test_complete_raises_on_a_failure_envelope_and_on_a_reply_that_is_no_completion(
    new_client: NewClient, kind: str
) -> None:
    replies = iter(
        [
            httpx.Response(200, json={"success": False, "message": "quota exceeded"}),
            httpx.Response(200, text="<html>gateway page</html>", headers={"content-type": "text/html"}),
            httpx.Response(200, json={"choices": [{"index": 0}]}),
        ]
    )
    harness, _ = client_for(new_client, kind, lambda request: next(replies))
    with pytest.raises(APIError, match="quota exceeded"):
        harness.call(harness.client.ai.complete, model="gpt-4o", messages=MESSAGES)
    with pytest.raises(APIError, match="expected a JSON"):
        harness.call(harness.client.ai.complete, model="gpt-4o", messages=MESSAGES)
    with pytest.raises(APIError, match="unexpected completion reply"):
        harness.call(harness.client.ai.complete, model="gpt-4o", messages=MESSAGES)


def test_complete_goes_through_the_transport_errors_and_retries(new_client: NewClient, kind: str) -> None:
    replies = iter(
        [
            httpx.Response(400, json={"message": "model not found"}),
            httpx.Response(429, json={"message": "slow down"}, headers={"retry-after": "0"}),
            httpx.Response(200, json=COMPLETION),
        ]
    )
    harness, recorder = client_for(new_client, kind, lambda request: next(replies), max_retries=1)
    with pytest.raises(BadRequestError, match="model not found"):
        harness.call(harness.client.ai.complete, model="nope", messages=MESSAGES)
    assert len(recorder.requests) == 1
    response = harness.call(harness.client.ai.complete, model="gpt-4o", messages=MESSAGES)
    assert response.id == "chatcmpl-1"
    assert len(recorder.requests) == 3


def test_complete_without_a_model_fails_before_sending(new_client: NewClient, kind: str) -> None:
    harness, recorder = client_for(new_client, kind)
    with pytest.raises(ValueError, match="model"):
        harness.call(harness.client.ai.complete, messages=MESSAGES)
    with pytest.raises(TypeError, match="CompletionInput"):
        harness.call(harness.client.ai.complete, ["not", "a", "request"])
    assert recorder.requests == []


# --- embeddings ----------------------------------------------------------------------------------------------------

TEXTS = ["customer complained about billing", "billing issue escalated"]
EMBEDDING = {
    "object": "list",
    "model": "text-embedding-ada-002",
    "data": [{"index": 0, "embedding": [0.1, 0.2], "object": "embedding"}, {"index": 1, "embedding": [0.3, 0.4]}],
    "usage": {"prompt_tokens": 8, "total_tokens": 8},
}


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(
            lambda ai: ai.embed(EmbeddingInput(model="text-embedding-ada-002", input=TEXTS)), id="EmbeddingInput"
        ),
        pytest.param(
            lambda ai: ai.embed(input=EmbeddingInput(model="text-embedding-ada-002", input=TEXTS)),
            id="input=EmbeddingInput",
        ),
        pytest.param(lambda ai: ai.embed({"model": "text-embedding-ada-002", "input": TEXTS}), id="dict"),
        pytest.param(lambda ai: ai.embed(model="text-embedding-ada-002", input=TEXTS), id="keywords"),
        pytest.param(lambda ai: ai.embed("text-embedding-ada-002", TEXTS), id="old-async-positional"),
        pytest.param(lambda ai: ai.embed("text-embedding-ada-002", input=tuple(TEXTS)), id="model-positional"),
    ],
)
def test_embed_accepts_every_input_form(new_client: NewClient, kind: str, call: Callable[[Any], Any]) -> None:
    harness, recorder = client_for(new_client, kind, lambda request: httpx.Response(200, json=EMBEDDING))
    result = harness.call(call, harness.client.ai)
    assert isinstance(result, Embedding)
    assert [item.embedding for item in result.data] == [[0.1, 0.2], [0.3, 0.4]]
    request = recorder.requests[0]
    assert (request.method, raw_path(request)) == ("POST", "/v3/ai/embeddings")
    assert json_body(request) == {"model": "text-embedding-ada-002", "input": TEXTS}


def test_embed_unwraps_an_envelope(new_client: NewClient, kind: str) -> None:
    reply = {"success": True, "data": EMBEDDING}
    harness, _ = client_for(new_client, kind, lambda request: httpx.Response(200, json=reply))
    result = harness.call(harness.client.ai.embed, model="m", input="one text")
    assert result.model == "text-embedding-ada-002"
    assert len(result.data) == 2


def test_embed_rejects_ambiguous_calls_before_sending(new_client: NewClient, kind: str) -> None:
    harness, recorder = client_for(new_client, kind)
    with pytest.raises(TypeError, match="model twice"):
        harness.call(harness.client.ai.embed, "m1", TEXTS, model="m2")
    with pytest.raises(TypeError, match="two requests"):
        harness.call(harness.client.ai.embed, {"model": "m"}, {"model": "m"})
    assert recorder.requests == []


# --- both clients, one surface -------------------------------------------------------------------------------------


def test_every_table_method_is_tested() -> None:
    # `stream` is tested with the streams (tests/streaming).
    others = {"complete", "embed", "list_providers", "list_models", "upload_rag_file", "stream"}
    check_table_covered("ai", CASES, others | {"create_ai_agent_app", "update_ai_agent_app"})


# --- the documentation's examples, as written ----------------------------------------------------------------------


def doc_server(request: httpx.Request) -> httpx.Response:
    method, path = request.method, raw_path(request)
    replies: dict[tuple[str, str], Any] = {
        ("POST", "/v3/ai/completions"): COMPLETION,
        ("POST", "/v3/ai/embeddings"): {"success": True, "data": EMBEDDING},
        ("GET", "/v3/ai/workflow-agent/models"): MODELS_REPLY,
        ("GET", "/v3/ai/providers"): CUSTOM,
        ("POST", "/v3/ai/guardrail/create"): {"message": "ok", "guardrails_config_id": "guard_1", "status": "success"},
        ("POST", "/v3/ai/guardrail-providers"): {"guardrail_provider_id": "gp_1", "name": "OpenAI Moderation"},
        ("POST", "/v3/ai/rag/files"): {"id": "rag_1"},
        ("POST", "/v3/ai/assistant_apps"): {"id": "app_1"},
        ("GET", "/v3/ai/assistants/check-name"): {"exist": False},
    }
    if (method, path) in replies:
        return httpx.Response(200, json=replies[(method, path)])
    if method == "DELETE":
        return httpx.Response(204)
    return httpx.Response(200, json={"path": path})


def test_doc_example_openai_compatible_service(
    new_client: NewClient, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    harness, recorder = client_for(new_client, kind, doc_server)
    client = Blocking(harness)

    # fmt: off
    from imbrace.types.ai import CompletionInput, CompletionMessage, EmbeddingInput

    # Single completion
    response = client.ai.complete(CompletionInput(
        model="gpt-4o",
        messages=[
            CompletionMessage(role="system", content="You are a helpful CRM assistant."),
            CompletionMessage(role="user", content="Summarize this customer note: ..."),
        ],
        temperature=0.7,
    ))
    print(response.choices[0].message.content)

    # Embeddings
    result = client.ai.embed(EmbeddingInput(
        model="text-embedding-ada-002",
        input=["customer complained about billing", "billing issue escalated"],
    ))
    # fmt: on

    assert capsys.readouterr().out == "Hello!\n"
    assert len(result.data) == 2
    assert json_body(recorder.requests[0]) == {
        "model": "gpt-4o",
        "messages": [
            {"role": "system", "content": "You are a helpful CRM assistant."},
            {"role": "user", "content": "Summarize this customer note: ..."},
        ],
        "temperature": 0.7,
        "stream": False,
    }
    assert json_body(recorder.requests[1]) == {"model": "text-embedding-ada-002", "input": TEXTS}


def test_doc_example_llm_models_and_providers(
    new_client: NewClient, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    harness, recorder = client_for(new_client, kind, doc_server)
    client = Blocking(harness)

    # fmt: off
    result = client.ai.get_llm_models()
    # result["data"] → [{name, is_toolCall_available, is_vision_available, is_support_thinking}]
    for model in result["data"]:
        print(model["name"], model.get("is_toolCall_available"))

    # List all providers (includes system default as first entry)
    providers = client.ai.list_providers()
    # Custom providers only
    custom = client.ai.list_providers(include_system=False)

    # Add a custom provider: the service wants the settings in `config`, so the SDK refuses this before sending
    with pytest.raises(ValueError, match=r"'config': \{'api_key': ..., 'base_url': ...\}") as refused:
        client.ai.create_provider({
            "name": "My Azure OpenAI",
            "type": "azure",
            "api_key": "sk-...",
            "base_url": "https://my-instance.openai.azure.com/",
        })
    # fmt: on

    assert "sk-..." not in str(refused.value)
    assert capsys.readouterr().out == "Default True\ngpt-4o True\n"
    assert providers[0]["provider_id"] == "system" and providers[1:] == custom == CUSTOM
    assert [(r.method, raw_path(r)) for r in recorder.requests] == [
        ("GET", "/v3/ai/workflow-agent/models"),
        ("GET", "/v3/ai/providers"),
        ("GET", "/v3/ai/workflow-agent/models"),
        ("GET", "/v3/ai/providers"),
    ]


def test_doc_example_guardrails_and_guardrail_providers(new_client: NewClient, kind: str) -> None:
    harness, recorder = client_for(new_client, kind, doc_server)
    client = Blocking(harness)

    # fmt: off
    # List and get
    guardrails = client.ai.list_guardrails()
    guardrail = client.ai.get_guardrail("guardrail_id")

    # Create
    created = client.ai.create_guardrail({
        "name": "Brand Safety",
        "model": "gpt-4o",
        "instructions": "Block responses that mention competitor names.",
        "unsafe_categories": ["violence", "hate_speech"],
        "competitor_keywords": ["CompetitorA", "CompetitorB"],
    })

    # Update and delete: the update has no `unsafe_categories`, which the service needs (refused before sending)
    with pytest.raises(ValueError, match="unsafe_categories"):
        client.ai.update_guardrail(created["_id"], {
            "name": "Brand Safety v2",
            "model": "gpt-4o",
            "instructions": "Updated instructions.",
        })
    client.ai.delete_guardrail(created["_id"])

    # List and get
    providers = client.ai.list_guardrail_providers()
    provider = client.ai.get_guardrail_provider("provider_id")

    # Create
    gp = client.ai.create_guardrail_provider({
        "name": "OpenAI Moderation",
        "type": "openai",
        "config": {"api_key": "sk-..."},
    })

    # Test connectivity and list available models
    test_result = client.ai.test_guardrail_provider(gp["_id"], {"prompt": "test prompt"})
    models = client.ai.get_guardrail_provider_models(gp["_id"])

    # Update and delete
    client.ai.update_guardrail_provider(gp["_id"], {"name": "OpenAI Moderation v2"})
    client.ai.delete_guardrail_provider(gp["_id"])
    # fmt: on

    assert guardrails == {"path": "/v3/ai/guardrail/all"} and guardrail == {"path": "/v3/ai/guardrail/guardrail_id"}
    assert providers == {"path": "/v3/ai/guardrail-providers"}
    assert provider == {"path": "/v3/ai/guardrail-providers/provider_id"}
    assert test_result == {"path": "/v3/ai/guardrail-providers/gp_1/test"}
    assert models == {"path": "/v3/ai/guardrail-providers/gp_1/models"}
    assert (created["_id"], created["id"]) == ("guard_1", "guard_1")  # added from `guardrails_config_id`
    assert [(r.method, raw_path(r)) for r in recorder.requests][2:4] == [
        ("POST", "/v3/ai/guardrail/create"),
        ("DELETE", "/v3/ai/guardrail/delete/guard_1"),
    ]
    assert [(r.method, raw_path(r)) for r in recorder.requests][-2:] == [
        ("PUT", "/v3/ai/guardrail-providers/gp_1"),
        ("DELETE", "/v3/ai/guardrail-providers/gp_1"),
    ]
    assert json_body(recorder.requests[2])["competitor_keywords"] == ["CompetitorA", "CompetitorB"]


@pytest.mark.filterwarnings("ignore::ResourceWarning")  # the doc's `open(...)` handle is never closed
def test_doc_example_rag_files(
    new_client: NewClient, kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    harness, recorder = client_for(new_client, kind, doc_server)
    client = Blocking(harness)
    (tmp_path / "knowledge.pdf").write_bytes(BOUNDARY_LOOKALIKE)
    monkeypatch.chdir(tmp_path)

    # fmt: off
    files = client.ai.list_rag_files()
    file = client.ai.get_rag_file("file_id")

    # Upload
    uploaded = client.ai.upload_rag_file(files={"file": open("knowledge.pdf", "rb")})  # noqa: SIM115

    client.ai.delete_rag_file(uploaded["_id"])
    # fmt: on

    assert files == {"path": "/v3/ai/rag/files"} and file == {"path": "/v3/ai/rag/files/file_id"}
    assert multipart(recorder.requests[2])["file"] == ("knowledge.pdf", "application/pdf", BOUNDARY_LOOKALIKE)
    assert (recorder.requests[3].method, raw_path(recorder.requests[3])) == ("DELETE", "/v3/ai/rag/files/rag_1")


def test_doc_example_agents_apps_and_tool_server(
    new_client: NewClient, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    harness, recorder = client_for(new_client, kind, doc_server)
    client = Blocking(harness)

    # fmt: off
    # List agents from the accounts endpoint
    account_agents = client.ai.list_ai_agents()
    # List agents (agents endpoint)
    agents = client.ai.list_agents()

    # Get a single agent
    agent = client.ai.get_ai_agent("asst_abc")

    # Check if a name is available before creating
    check = client.ai.check_ai_agent_name("Support Bot")
    # check["available"] → True / False

    # Patch only the instructions field
    client.ai.patch_instructions("asst_abc", {
        "instructions": "You are a concise, helpful assistant.",
    })

    # List and get (Python only)
    apps = client.ai.list_ai_agent_apps()
    app = client.ai.get_ai_agent_app("app_id")

    # Create
    app = client.ai.create_ai_agent_app({
        "name": "Support App",
        "workflow_name": "support_workflow_v1",
        "assistant_id": "asst_abc",
        "model_id": "Default", # org-portable; "gpt-4o" only works in orgs whose system provider exposes it
        "provider_id": "system",
    })

    # Update and delete
    client.ai.update_ai_agent_app(app["_id"], {"name": "Support App v2"})
    client.ai.delete_ai_agent_app(app["_id"])

    # Update only the workflow definition
    client.ai.update_ai_agent_workflow(app["_id"], {
        "workflow": {"steps": [{"id": "step1", "type": "llm"}]},
    })

    # The service needs url, path, type, auth_type, key and config: refused before sending
    with pytest.raises(ValueError, match="path, auth_type, key, config, type"):
        client.ai.verify_tool_server({"url": "https://my-tools.example.com/mcp"})
    # fmt: on

    assert account_agents == {"path": "/v3/ai/accounts/assistants"} and agents == {"path": "/v3/ai/assistants/agents"}
    assert agent == {"path": "/v3/ai/assistants/asst_abc"} and apps == {"path": "/v3/ai/assistant_apps"}
    assert check == {"exist": False}
    assert capsys.readouterr().out == ""
    sent = [(r.method, raw_path(r), r.url.query.decode()) for r in recorder.requests]
    assert sent == [
        ("GET", "/v3/ai/accounts/assistants", ""),
        ("GET", "/v3/ai/assistants/agents", ""),
        ("GET", "/v3/ai/assistants/asst_abc", ""),
        ("GET", "/v3/ai/assistants/check-name", "name=Support+Bot"),
        ("PATCH", "/v3/ai/assistants/asst_abc/instructions", ""),
        ("GET", "/v3/ai/assistant_apps", ""),
        ("GET", "/v3/ai/assistant_apps/app_id", ""),
        ("POST", "/v3/ai/assistant_apps", ""),
        ("GET", "/v3/ai/assistants/app_1", ""),  # the update reads the agent to merge into it
        ("PUT", "/v3/ai/assistant_apps/app_1", ""),
        ("DELETE", "/v3/ai/assistant_apps/app_1", ""),
        ("PUT", "/v3/ai/assistant_apps/app_1/workflow", ""),
    ]
