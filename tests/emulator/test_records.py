"""Records behave like the platform's: created, then read, listed, changed and deleted through every route that
shows them; unknown ids are 404; requests that break the spec are 400 with the validation message."""

from __future__ import annotations

import time
from typing import Any

import httpx

AGENT = {"name": "Support Bot", "workflow_name": "support_bot_v1", "provider_id": "system", "model_id": "Default"}


def ok(response: httpx.Response) -> Any:
    assert response.is_success, f"{response.status_code} {response.text}"
    return response.json()


def test_an_agent_is_one_record_behind_every_agent_route(http: httpx.Client) -> None:
    created = ok(http.post("/v3/ai/assistant_apps", json={**AGENT, "streaming": True}))
    agent_id, storage_id = created["id"], created["_id"]
    assert agent_id != storage_id and created["streaming"] is True
    assert ok(http.get(f"/v3/ai/assistants/{agent_id}"))["name"] == "Support Bot"
    assert ok(http.get(f"/v3/ai/assistant_apps/{storage_id}"))["id"] == agent_id
    assert [a["id"] for a in ok(http.get("/v3/ai/accounts/assistants"))] == [agent_id]
    assert ok(http.get("/v3/ai/assistant_apps"))["total"] == 1
    assert ok(http.get("/v2/ai/ai/assistants"))["data"][0]["id"] == agent_id
    assert ok(http.get("/v3/ai/assistants/check-name", params={"name": "Support Bot"}))["available"] is False

    ok(http.put(f"/v3/ai/assistant_apps/{agent_id}", json={"name": "Support Bot v2", "workflow_name": "v2"}))
    ok(http.patch(f"/v3/ai/assistants/{agent_id}/instructions", json={"instructions": "Be brief."}))
    agent = ok(http.get(f"/v3/ai/assistants/{agent_id}"))
    assert (agent["name"], agent["instructions"], agent["streaming"]) == ("Support Bot v2", "Be brief.", True)

    ok(http.delete(f"/v3/ai/assistant_apps/{agent_id}"))
    missing = http.get(f"/v3/ai/assistants/{agent_id}")
    assert missing.status_code == 404
    assert missing.json() == {"success": False, "statusCode": 404, "message": f"AI agent not found: {agent_id}"}
    assert ok(http.get("/v3/ai/assistants/check-name", params={"name": "Support Bot v2"}))["available"] is True


def test_a_request_that_breaks_the_spec_is_400_with_the_validation_message(http: httpx.Client) -> None:
    missing_field = http.post("/v3/ai/assistant_apps", json={"name": "x"})
    assert missing_field.status_code == 400
    assert "'workflow_name' is a required property" in missing_field.json()["message"]
    wrong_type = http.post("/data-board/boards", json={"name": 3})
    assert wrong_type.status_code == 400
    assert wrong_type.json()["message"] == "Request body validation error: body.name: 3 is not of type 'string'"
    bad_query = http.get("/data-board/boards", params={"limit": "many"})
    assert bad_query.status_code == 400 and "limit" in bad_query.json()["message"]
    missing_query = http.get("/ai-agent/chat-client/documents/latest-by-kind")
    assert missing_query.json()["cause"] == "Parameter kind is required."  # the AI-agent service's own wording
    not_json = http.post("/v3/ai/providers", content=b"{", headers={"content-type": "application/json"})
    assert not_json.status_code == 400 and "invalid JSON" in not_json.json()["message"]


def test_boards_fields_items_and_segments(http: httpx.Client) -> None:
    board = ok(http.post("/data-board/boards", json={"name": "Leads", "fields": [{"name": "Name", "type": "text"}]}))
    board_id, name_field = board["_id"], board["fields"][0]["_id"]
    stage = ok(http.post(f"/data-board/boards/{board_id}/fields", json={"name": "Stage", "type": "select"}))["_id"]
    item = ok(http.post(f"/data-board/boards/{board_id}/items", json={"fields": {"Name": "Ada", stage: "new"}}))["data"]
    assert item["fields"] == {name_field: "Ada", stage: "new"}
    ok(http.patch(f"/data-board/boards/{board_id}/items/{item['_id']}", json={"fields": {"Stage": "won"}}))
    assert ok(http.get(f"/data-board/boards/{board_id}/items/{item['_id']}"))["data"]["fields"][stage] == "won"
    assert ok(http.get(f"/data-board/boards/{board_id}/items"))["total"] == 1
    hits = ok(http.post(f"/data-board/search/{board_id}", json={"q": "ada"}))["message"]["hits"]
    assert [hit["_id"] for hit in hits] == [item["_id"]]
    assert http.get(f"/data-board/boards/{board_id}/export_csv").text.splitlines()[1].endswith("Ada,won")

    segment = ok(http.post(f"/data-board/boards/{board_id}/segmentation", json={"name": "Won", "filters": []}))
    ok(http.put(f"/data-board/boards/{board_id}/segmentation/{segment['_id']}", json={"name": "Won deals"}))
    assert ok(http.get(f"/data-board/boards/{board_id}/segmentation"))["data"][0]["name"] == "Won deals"

    ok(http.delete(f"/data-board/boards/{board_id}"))
    assert http.get(f"/data-board/boards/{board_id}/items").status_code == 404
    gone = http.get(f"/data-board/boards/{board_id}")
    assert gone.json() == {"statusCode": 404, "message": f"Board not found: {board_id}", "error": "Not Found"}


def test_csv_import_creates_fields_and_items(http: httpx.Client) -> None:
    board_id = ok(http.post("/data-board/boards", json={"name": "Import"}))["_id"]
    upload = {"file": ("rows.csv", b"Company,City\nAcme,Paris\nGlobex,Oslo\n", "text/csv")}
    assert ok(http.post(f"/data-board/boards/{board_id}/import_csv", files=upload))["imported"] == 2
    assert [f["name"] for f in ok(http.get(f"/data-board/boards/{board_id}"))["fields"]] == ["Company", "City"]
    assert ok(http.get(f"/data-board/boards/{board_id}/import_progress"))["status"] == "completed"


def test_folders_and_files_keep_their_bytes(http: httpx.Client) -> None:
    folder = {"name": "Q1 Reports", "source_type": "upload", "parent_folder_id": "root"}
    folder_id = ok(http.post("/data-board/folders", json=folder))["data"]["_id"]
    payload = bytes(range(256)) * 4
    upload = http.post("/data-board/files/upload", files={"file": ("blob.bin", payload)}, data={"folder_id": folder_id})
    file_id = ok(upload)["data"]["_id"]
    assert http.get(f"/data-board/files/{file_id}/download").content == payload
    assert [f["_id"] for f in ok(http.get("/data-board/files/search", params={"folder_id": folder_id}))["data"]] == [
        file_id
    ]
    contents = ok(http.get(f"/data-board/folders/{folder_id}/contents"))["data"]
    assert (contents["folder"]["name"], [f["_id"] for f in contents["files"]]) == ("Q1 Reports", [file_id])
    ok(http.put(f"/data-board/folders/{folder_id}", json={"name": "Q1 2025"}))
    assert ok(http.get("/data-board/folders/search", params={"q": "2025"}))["total"] == 1
    assert ok(http.post("/data-board/folders/delete", json={"ids": [folder_id]}))["deletedCount"] == 1
    assert http.get(f"/data-board/files/{file_id}").status_code == 404


def test_embedding_status_moves_to_completed_after_polls_or_time(http: httpx.Client) -> None:
    file_id = ok(http.post("/data-board/files/upload", files={"file": ("doc.txt", b"text")}))["data"]["_id"]
    assert ok(http.post("/ai-agent/embedding/process", json={"fileId": file_id}))["data"]["status"] == "processing"
    statuses = [ok(http.get(f"/ai-agent/embedding/files/{file_id}"))["data"]["status"] for _ in range(3)]
    assert statuses == ["processing", "completed", "completed"]  # embedding_polls=2: the second read completes
    failing = ok(http.post("/data-board/files/upload", files={"file": ("will-fail.txt", b"x")}))["data"]["_id"]
    ok(http.post("/ai-agent/embedding/process", json={"fileId": failing}))
    ok(http.get(f"/ai-agent/embedding/files/{failing}"))
    assert ok(http.get(f"/ai-agent/embedding/files/{failing}"))["data"]["status"] == "failed"
    assert http.post("/ai-agent/embedding/process", json={"fileId": "nope"}).status_code == 404


def test_embedding_completes_by_time_alone() -> None:
    from imbrace.emulator import Emulator, EmulatorSettings

    with (
        Emulator(EmulatorSettings(embedding_delay=0.05, embedding_polls=100)) as emulator,
        httpx.Client(base_url=emulator.url, headers={"x-api-key": "k"}) as http,
    ):
        file_id = ok(http.post("/data-board/files/upload", files={"file": ("d.txt", b"x")}))["data"]["_id"]
        ok(http.post("/ai-agent/embedding/process", json={"fileId": file_id}))
        deadline = time.monotonic() + 5
        while ok(http.get(f"/ai-agent/embedding/files/{file_id}"))["data"]["status"] == "processing":
            assert time.monotonic() < deadline


C1, M1, D1 = (f"0d6c3a55-3b5e-4c1a-9f5e-2f6a1c0e10{n}" for n in ("c1", "a1", "d1"))
UNKNOWN = "0d6c3a55-3b5e-4c1a-9f5e-2f6a1c0effff"


def test_chat_client_chats_messages_votes_and_documents(http: httpx.Client) -> None:
    message = {"id": M1, "role": "user", "parts": [{"type": "text", "text": "Hello!"}]}
    created = http.post(
        "/ai-agent/chat-client/chats", json={"id": C1, "message": message, "selectedVisibilityType": "private"}
    )
    assert (created.status_code, created.json()) == (201, {"ok": True, "id": C1, "created": True})
    assert ok(http.get(f"/ai-agent/chat-client/chats/{C1}"))["title"] == "Hello!"
    reply = {"id": "upstream-1", "chatId": C1, "role": "assistant", "parts": [{"type": "text", "text": "Hi, human."}]}
    saved = ok(http.post("/ai-agent/chat-client/messages", json={"message": reply}))
    messages = ok(http.get(f"/ai-agent/chat-client/chats/{C1}/messages"))
    assert [m["role"] for m in messages] == ["user", "assistant"]
    assert messages[1]["parts"][0] == {"type": "source", "source": {"upstreamMessageId": "upstream-1"}}
    ok(http.patch("/ai-agent/chat-client/votes", json={"chatId": C1, "messageId": saved["id"], "type": "up"}))
    assert ok(http.get(f"/ai-agent/chat-client/chats/{C1}/votes")) == [
        {"chatId": C1, "messageId": saved["id"], "isUpvoted": True}
    ]
    ok(http.delete(f"/ai-agent/chat-client/messages/{saved['id']}/trailing"))
    assert len(ok(http.get(f"/ai-agent/chat-client/chats/{C1}/messages"))) == 1
    assert ok(http.get("/ai-agent/chat-client/chats"))["chats"][0]["id"] == C1
    assert http.get(f"/ai-agent/chat-client/chats/{UNKNOWN}").json()["code"] == "not_found:chat"

    for content in ("v1", "v2"):
        version = {"kind": "text", "content": content, "title": "Doc"}
        ok(http.post("/ai-agent/chat-client/documents", params={"id": D1}, json=version))
    assert [v["content"] for v in ok(http.get(f"/ai-agent/chat-client/documents/{D1}"))] == ["v1", "v2"]
    assert ok(http.get(f"/ai-agent/chat-client/documents/{D1}/latest"))["content"] == "v2"
    epoch = {"timestamp": "1970-01-01T00:00:00.000Z"}
    assert ok(http.delete(f"/ai-agent/chat-client/documents/{D1}", params=epoch))[0]["content"] == "v1"
    assert http.get(f"/ai-agent/chat-client/documents/{D1}").status_code == 404


def test_another_credential_cannot_read_a_private_chat(http: httpx.Client) -> None:
    message = {"role": "user", "parts": [{"type": "text", "text": "secret"}]}
    ok(
        http.post(
            "/ai-agent/chat-client/chats", json={"id": C1, "message": message, "selectedVisibilityType": "private"}
        )
    )
    other = http.get(f"/ai-agent/chat-client/chats/{C1}", headers={"x-api-key": "someone-else"})
    assert (other.status_code, other.json()["code"]) == (403, "forbidden:chat")


def test_providers_guardrails_and_parquet(http: httpx.Client) -> None:
    provider = ok(http.post("/v3/ai/providers", json={"name": "Azure", "type": "azure", "api_key": "sk-1"}))
    refreshed = ok(http.post(f"/v3/ai/providers/{provider['_id']}/models/refresh"))
    assert [m["name"] for m in refreshed["models"]] == ["azure-small", "azure-large"]
    gp = ok(http.post("/v3/ai/guardrail-providers", json={"name": "Mod", "type": "openai"}))
    custom = {"name": "Custom", "model": "custom", "instructions": "No.", "guardrail_provider_id": gp["_id"]}
    guardrail_id = ok(http.post("/v3/ai/guardrail/create", json=custom))["guardrails_config_id"]
    assert ok(http.get(f"/v3/ai/guardrail/{guardrail_id}"))["provider"]["name"] == "Mod"
    no_provider = http.post(
        "/v3/ai/guardrail/create", json={k: v for k, v in custom.items() if k != "guardrail_provider_id"}
    )
    assert no_provider.json()["message"] == "guardrail_provider_id is required when model is 'custom'"

    rows = {"data": [{"id": 1, "name": "Alice"}], "fileName": "users", "folderName": "exports"}
    generated = ok(http.post("/ai-agent/parquet/generate", json=rows))
    assert [c["column_name"] for c in generated["schema"]] == ["id", "name"]
    assert ok(http.get("/ai-agent/parquet/files"))["count"] == 1
    ok(http.delete(f"/ai-agent/parquet/{generated['fileName']}", params={"folderName": "exports"}))
    assert ok(http.get("/ai-agent/parquet/files"))["count"] == 0


def test_completions_and_embeddings_are_deterministic(http: httpx.Client) -> None:
    body = {"model": "gpt-4o", "messages": [{"role": "user", "content": "Summarize this note"}]}
    first = ok(http.post("/v3/ai/completions", json=body))
    assert first["choices"][0]["message"]["content"] == "You said: Summarize this note"
    assert ok(http.post("/v3/ai/completions", json=body))["id"] == first["id"]
    texts = ["billing issue", "billing issue", "something else"]
    vectors = [d["embedding"] for d in ok(http.post("/v3/ai/embeddings", json={"model": "m", "input": texts}))["data"]]
    assert vectors[0] == vectors[1] != vectors[2]
    assert abs(sum(x * x for x in vectors[0]) - 1) < 1e-4
