"""The emulator answers the AI service's routes (`/v3/ai`) as the open-source service does: every rejection listed in
../shared/reference/service-conformance.md ("AI service"), with the service's status and FastAPI error shape, and the
reply shapes it sends (`id`, never `_id`)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

AGENT = {"name": "Support Bot", "workflow_name": "support_bot_v1", "provider_id": "system", "model_id": "gpt-4o"}
PROVIDER = {"name": "OpenAI", "type": "openai", "config": {"api_key": "sk-test"}}
GUARDRAIL = {"name": "Safe", "model": "nim-nemo", "instructions": "Be safe.", "unsafe_categories": ["violence"]}
TOOL_SERVER = {
    "url": "https://tools.example.com",
    "path": "openapi.json",
    "auth_type": None,
    "key": None,
    "config": None,
}


def ok(response: httpx.Response) -> Any:
    assert response.is_success, f"{response.status_code} {response.text}"
    return response.json()


def refused(response: httpx.Response, status: int) -> Any:
    assert response.status_code == status, f"{response.status_code} {response.text}"
    body = response.json()
    assert list(body) == ["detail"]
    return body["detail"]


def missing_fields(detail: Any) -> list[str]:
    """The fields a FastAPI 422 says are missing."""
    return [".".join(map(str, issue["loc"])) for issue in detail if issue["type"] == "missing"]


# --- ids and error shape


def test_replies_carry_id_and_never_underscore_id(http: httpx.Client) -> None:
    agent = ok(http.post("/v3/ai/assistant_apps", json=AGENT))
    assert "_id" not in agent and agent["id"]
    assert [a["id"] for a in ok(http.get("/v3/ai/accounts/assistants"))] == [agent["id"]]
    assert "_id" not in ok(http.get(f"/v3/ai/assistants/{agent['id']}"))
    provider = ok(http.post("/v3/ai/providers", json=PROVIDER))
    assert provider["id"] == provider["provider_id"] and "_id" not in provider
    assert provider["config"] == {"api_key": "sk-test"}  # the service answers the key in clear
    created = ok(http.post("/v3/ai/guardrail/create", json=GUARDRAIL))
    assert sorted(created) == ["guardrails_config_id", "message", "status"]
    assert [g["guardrails_config_id"] for g in ok(http.get("/v3/ai/guardrail/all"))] == [
        created["guardrails_config_id"]
    ]
    gp = ok(http.post("/v3/ai/guardrail-providers", json={**PROVIDER, "type": "openai"}))
    assert "_id" not in gp and "id" not in gp and gp["guardrail_provider_id"]
    rag = ok(http.post("/v3/ai/rag/files", files={"file": ("faq.txt", b"Opening hours")}))
    assert rag["id"] and "_id" not in rag


def test_a_route_without_an_organization_is_401_and_the_models_route_422(http: httpx.Client) -> None:
    bare = {"x-api-key": "k"}
    with httpx.Client(base_url=str(http.base_url), headers=bare) as anonymous:
        assert refused(anonymous.get("/v3/ai/accounts/assistants"), 401) == "x-organization-id is required"
        assert refused(anonymous.post("/v3/ai/assistant_apps", json={}), 401) == "x-organization-id is required"
        assert missing_fields(refused(anonymous.get("/v3/ai/workflow-agent/models"), 422)) == [
            "header.x-organization-id"
        ]
        pdf = {"file": ("a.pdf", b"%PDF-1.4 text")}
        extract = httpx.post(str(http.base_url.join("/v3/ai/files/extract")), files=pdf)  # no credential at all
        assert ok(extract)["result"]["status"] == "success"


# --- agents


def test_an_agent_needs_a_name_and_a_workflow_name(http: httpx.Client) -> None:
    assert refused(http.post("/v3/ai/assistant_apps", json={"name": "x"}), 400) == "[ERROR: Invalid workflow name.]"
    nameless = {"workflow_name": "w"}
    assert refused(http.post("/v3/ai/assistant_apps", json=nameless), 400) == "[ERROR: Invalid assistant name.]"
    agent_id = ok(http.post("/v3/ai/assistant_apps", json=AGENT))["id"]
    update = http.put(f"/v3/ai/assistant_apps/{agent_id}", json={"name": "Only a name"})
    assert refused(update, 400) == "[ERROR: Invalid workflow name.]"


def test_a_created_agent_gets_a_new_id_string_version_and_defaults(http: httpx.Client) -> None:
    agent = ok(http.post("/v3/ai/assistant_apps", json={**AGENT, "assistant_id": "mine"}))
    assert agent["id"] != "mine" and "assistant_id" not in agent
    assert (agent["version"], agent["streaming"], agent["mode"]) == ("1", False, "advanced")


def test_an_update_is_a_full_replace_that_clears_what_it_does_not_send(http: httpx.Client) -> None:
    full = {**AGENT, "description": "Tier 1", "streaming": True, "mode": "advanced", "folder_ids": ["f1"]}
    agent_id = ok(http.post("/v3/ai/assistant_apps", json=full))["id"]
    updated = ok(http.put(f"/v3/ai/assistant_apps/{agent_id}", json={"name": "v2", "workflow_name": "w"}))
    assert updated["name"] == "v2"
    cleared = {key: updated[key] for key in ("model_id", "provider_id", "description", "streaming", "mode")}
    assert cleared == {"model_id": "", "provider_id": None, "description": None, "streaming": False, "mode": "standard"}
    assert updated["folder_ids"] == ["f1"]  # file, folder and board ids are kept when not sent
    assert ok(http.get(f"/v3/ai/assistants/{agent_id}")) == updated


def test_a_missing_agent_is_400(http: httpx.Client) -> None:
    body = {"name": "n", "workflow_name": "w"}
    assert refused(http.get("/v3/ai/assistants/nope"), 400) == "[ERROR: 404: Assistant not found]"
    assert refused(http.put("/v3/ai/assistant_apps/nope", json=body), 400) == "[ERROR: Assistant not found]"
    assert refused(http.delete("/v3/ai/assistant_apps/nope"), 400) == "[ERROR: Assistant not found]"


def test_check_name_answers_exist_only(http: httpx.Client) -> None:
    ok(http.post("/v3/ai/assistant_apps", json=AGENT))
    assert ok(http.get("/v3/ai/assistants/check-name", params={"name": "Support Bot"})) == {"exist": True}
    assert ok(http.get("/v3/ai/assistants/check-name", params={"name": "Other"})) == {"exist": False}
    assert missing_fields(refused(http.get("/v3/ai/assistants/check-name"), 422)) == ["query.name"]


def test_patching_instructions_stores_the_core_task_and_generates_the_prompt(http: httpx.Client) -> None:
    agent_id = ok(http.post("/v3/ai/assistant_apps", json=AGENT))["id"]
    patched = ok(http.patch(f"/v3/ai/assistants/{agent_id}/instructions", json={"instructions": "Be brief."}))
    assert patched["core_task"] == "Be brief."
    assert patched["instructions"].startswith("Please strictly follow the following settings")
    assert "- Core Task: Be brief." in patched["instructions"]
    empty = http.patch(f"/v3/ai/assistants/{agent_id}/instructions", json={"instructions": ""})
    assert refused(empty, 400) == "[ERROR: 400: core_task is required]"


def test_deleting_an_agent_answers_the_deletion(http: httpx.Client) -> None:
    agent_id = ok(http.post("/v3/ai/assistant_apps", json=AGENT))["id"]
    deleted = ok(http.delete(f"/v3/ai/assistant_apps/{agent_id}"))
    assert deleted == {"id": agent_id, "object": "assistant.deleted", "deleted": True}


# --- providers


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ({"name": "Azure", "type": "openai", "api_key": "sk-1"}, "Invalid provider config."),
        ({"name": "Azure", "config": {}}, "Invalid provider type."),
        ({"type": "openai", "config": {}}, "Invalid provider name."),
    ],
    ids=["top-level-settings", "no-type", "no-name"],
)
def test_a_provider_body_is_checked_by_hand(http: httpx.Client, body: dict[str, Any], detail: str) -> None:
    assert refused(http.post("/v3/ai/providers", json=body), 400) == detail


def test_a_provider_type_without_a_client_is_400(http: httpx.Client) -> None:
    detail = refused(http.post("/v3/ai/providers", json={**PROVIDER, "type": "azure"}), 400)
    assert "Unsupported LLM provider" in detail


def test_a_provider_update_needs_the_full_body_and_deleting_any_id_succeeds(http: httpx.Client) -> None:
    provider_id = ok(http.post("/v3/ai/providers", json=PROVIDER))["id"]
    partial = http.put(f"/v3/ai/providers/{provider_id}", json={"name": "Renamed"})
    assert refused(partial, 400) == "Invalid provider type."
    assert ok(http.put(f"/v3/ai/providers/{provider_id}", json={**PROVIDER, "name": "Renamed"}))["name"] == "Renamed"
    assert refused(http.put("/v3/ai/providers/nope", json=PROVIDER), 404) == "Provider not found"
    assert ok(http.delete("/v3/ai/providers/nope")) == {"id": "nope", "object": "provider.deleted", "deleted": True}


def test_the_system_models_have_no_default_entry(http: httpx.Client) -> None:
    names = [model["name"] for model in ok(http.get("/v3/ai/workflow-agent/models"))["data"]]
    assert names and "Default" not in names


# --- guardrails


def test_a_guardrail_needs_its_fields_first_as_a_model_then_by_hand(http: httpx.Client) -> None:
    no_instructions = {key: value for key, value in GUARDRAIL.items() if key != "instructions"}
    assert missing_fields(refused(http.post("/v3/ai/guardrail/create", json=no_instructions), 422)) == [
        "body.instructions"
    ]
    hidden = "Invalid input for guardrail creation."
    no_categories = {key: value for key, value in GUARDRAIL.items() if key != "unsafe_categories"}
    assert refused(http.post("/v3/ai/guardrail/create", json=no_categories), 400) == hidden
    assert refused(http.post("/v3/ai/guardrail/create", json={**GUARDRAIL, "instructions": " "}), 400) == hidden


def test_a_guardrail_update_says_why_and_an_unknown_one_is_404(http: httpx.Client) -> None:
    guardrail_id = ok(http.post("/v3/ai/guardrail/create", json=GUARDRAIL))["guardrails_config_id"]
    doc_body = {"name": "Brand Safety v2", "model": "gpt-4o", "instructions": "Updated instructions."}
    update = http.put(f"/v3/ai/guardrail/update/{guardrail_id}", json=doc_body)
    assert refused(update, 400) == "The field 'unsafe_categories' is required."
    updated = ok(http.put(f"/v3/ai/guardrail/update/{guardrail_id}", json={**doc_body, "unsafe_categories": []}))
    assert updated == {
        "message": "NVIDIA Guardrail updated successfully.",
        "guardrails_config_id": guardrail_id,
        "status": "success",
    }
    assert refused(http.get("/v3/ai/guardrail/nope"), 404) == "Guardrail not found"
    assert refused(http.delete("/v3/ai/guardrail/delete/nope"), 404) == "Guardrail not found"


def test_a_guardrail_provider_needs_a_config_and_a_known_type(http: httpx.Client) -> None:
    no_config = http.post("/v3/ai/guardrail-providers", json={"name": "Mod", "type": "openai"})
    assert missing_fields(refused(no_config, 422)) == ["body.config"]
    custom = http.post("/v3/ai/guardrail-providers", json={"name": "Mod", "type": "custom", "config": {}})
    assert "Invalid provider type 'custom'" in refused(custom, 500)


def test_a_guardrail_provider_test_ignores_its_body_and_models_list_names(http: httpx.Client) -> None:
    gp = ok(http.post("/v3/ai/guardrail-providers", json={"name": "Mod", "type": "openai", "config": {}}))
    key = gp["guardrail_provider_id"]
    assert gp["config"] == {"api_key": "", "timeout": 30}
    tested = ok(http.post(f"/v3/ai/guardrail-providers/{key}/test", json={"prompt": "ignored"}))
    assert tested == {"guardrail_provider_id": key, "status": "connected", "is_connected": True}
    assert all(list(model) == ["name"] for model in ok(http.get(f"/v3/ai/guardrail-providers/{key}/models"))["models"])
    assert ok(http.delete(f"/v3/ai/guardrail-providers/{key}")) == {
        "message": "Guardrail provider deleted successfully",
        "guardrail_provider_id": key,
    }


# --- tool servers, files, documents


def test_the_documented_tool_server_body_is_422_and_one_without_type_a_plain_500(http: httpx.Client) -> None:
    doc_body = {"url": "https://my-tools.example.com/mcp"}
    detail = refused(http.post("/v3/ai/configs/tool_servers/verify", json=doc_body), 422)
    assert missing_fields(detail) == ["body.path", "body.auth_type", "body.key", "body.config"]
    untyped = http.post("/v3/ai/configs/tool_servers/verify", json=TOOL_SERVER)
    assert (untyped.status_code, untyped.headers["content-type"]) == (500, "text/plain; charset=utf-8")
    verified = ok(http.post("/v3/ai/configs/tool_servers/verify", json={**TOOL_SERVER, "type": "openapi"}))
    assert sorted(verified) == ["connection_url", "headers", "info", "openapi", "specs", "type", "url"]
    assert verified["connection_url"] == "https://tools.example.com/openapi.json"


def test_extraction_takes_pdfs_only_and_answers_message_and_result(http: httpx.Client) -> None:
    not_pdf = http.post("/v3/ai/files/extract", files={"file": ("report.pdf", b"Quarterly report")})
    assert "not a PDF" in refused(not_pdf, 400)
    extracted = ok(http.post("/v3/ai/files/extract", files={"file": ("r.pdf", b"%PDF-1.4 Quarterly report")}))
    assert sorted(extracted) == ["message", "result"] and extracted["result"]["text_elements"]


def test_agent_files_need_an_access_token(http: httpx.Client) -> None:
    files, data = {"file": ("a.txt", b"notes")}, {"agent_id": "a1"}
    detail = refused(http.post("/v3/ai/files/agent", files=files, data=data), 400)
    assert detail.startswith("Error uploading file: 401: ")
    uploaded = ok(http.post("/v3/ai/files/agent", files=files, data=data, headers={"x-access-token": "acc_1"}))
    assert sorted(uploaded) == ["message", "result"]
    assert (uploaded["result"]["filename"], uploaded["result"]["bytes"]) == ("a.txt", 5)


def test_rag_files_list_those_of_no_agent_and_an_unknown_one_is_an_empty_object(http: httpx.Client) -> None:
    loose = ok(http.post("/v3/ai/rag/files", files={"file": ("a.txt", b"a")}))["id"]
    ok(http.post("/v3/ai/rag/files", files={"file": ("b.txt", b"b")}, data={"assistant_id": "agent-1"}))
    assert [f["id"] for f in ok(http.get("/v3/ai/rag/files"))] == [loose]
    assert len(ok(http.get("/v3/ai/rag/files", params={"assistant_id": "agent-1"}))) == 1
    assert ok(http.get("/v3/ai/rag/files/nope")) == {}
    assert refused(http.post("/v3/ai/rag/files", files={"file": ("e.txt", b"")}), 400) == "Empty file content"


def test_process_document_is_served_without_a_trailing_slash(http: httpx.Client) -> None:
    body = {"modelName": "gpt-4o", "url": "https://cdn.example.com/a.pdf", "organizationId": "org_test", "utc": 7}
    assert ok(http.post("/v3/ai/document", json=body))["success"] is True
    redirected = http.post("/v3/ai/document/", json=body)  # what the old package sent
    assert (redirected.status_code, redirected.headers["location"]) == (307, str(http.base_url.join("/v3/ai/document")))
    assert missing_fields(refused(http.post("/v3/ai/document", json={"url": "u"}), 422)) == [
        "body.modelName",
        "body.organizationId",
    ]


def test_a_field_of_the_wrong_type_is_a_pydantic_type_error(http: httpx.Client) -> None:
    detail = refused(http.post("/v3/ai/configs/tool_servers/verify", json={**TOOL_SERVER, "path": 3}), 422)
    assert detail == [
        {"type": "string_type", "loc": ["body", "path"], "msg": "Input should be a valid string", "input": 3}
    ]
