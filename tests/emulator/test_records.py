"""Records behave like the platform's: created, then read, listed, changed and deleted through every route that
shows them; unknown ids are 404; requests that break the spec are 400 with the validation message."""

from __future__ import annotations

import json
import time
from typing import Any

import httpx


def ok(response: httpx.Response) -> Any:
    assert response.is_success, f"{response.status_code} {response.text}"
    return response.json()


def test_a_request_that_breaks_the_spec_is_400_with_the_validation_message(http: httpx.Client) -> None:
    wrong_type = http.post("/data-board/boards", json={"name": 3})
    assert wrong_type.status_code == 400
    assert wrong_type.json()["error"]["name"] == "ZodError"
    assert json.loads(wrong_type.json()["error"]["message"])[0]["path"] == ["name"]
    missing_query = http.get("/ai-agent/chat-client/documents/latest-by-kind")
    assert missing_query.json()["cause"] == "Parameter kind is required."  # the AI-agent service's own wording
    not_json = http.post("/data-board/boards", content=b"{", headers={"content-type": "application/json"})
    assert not_json.status_code == 400 and "invalid JSON" in not_json.json()["error"]["message"]


def knowledge_file(http: httpx.Client, name: str, data: bytes) -> str:
    """The id of a Knowledge Hub file uploaded into a new folder (the service needs one)."""
    folder = ok(http.post("/data-board/folders", json={"name": f"for {name}", "organization_id": "org_test"}))
    upload = http.post(
        "/data-board/files/upload", files={"file": (name, data)}, data={"folder_id": folder["data"]["_id"]}
    )
    file_id: str = ok(upload)["data"]["_id"]
    return file_id


def test_boards_fields_items_and_segments(http: httpx.Client) -> None:
    fields = [{"name": "Name", "type": "ShortText", "isUniqueIdentifier": True}]
    board = ok(http.post("/data-board/boards", json={"name": "Leads", "fields": fields}))["data"]
    board_id, name_field = board["_id"], board["fields"][0]["_id"]
    added = ok(http.post(f"/data-board/boards/{board_id}/fields", json={"name": "Stage", "type": "SingleSelection"}))
    stage = added["data"]["fields"][1]["_id"]
    item = ok(http.post(f"/data-board/boards/{board_id}/items", json={"fields": {name_field: "Ada", stage: "new"}}))
    item = item["data"]
    assert item["fields"] == {name_field: "Ada", stage: "new"}
    ok(
        http.patch(
            f"/data-board/boards/{board_id}/items/{item['_id']}", json={"data": [{"key": stage, "value": "won"}]}
        )
    )
    assert ok(http.get(f"/data-board/boards/{board_id}/items/{item['_id']}"))["data"]["fields"][stage] == "won"
    listed = ok(http.get(f"/data-board/boards/{board_id}/items"))
    assert (listed["count"], listed["data"][0][name_field]) == (1, "Ada")
    hits = ok(http.post(f"/data-board/search/{board_id}", json={"q": "ada"}))["message"]["hits"]
    assert [hit["_id"] for hit in hits] == [item["_id"]]
    rows = http.get(f"/data-board/boards/{board_id}/export_csv").text.splitlines()
    assert rows[0] == "Name,Stage,Record Created On,Lasted Updated On" and rows[1].startswith("Ada,won,")

    segment = ok(http.post(f"/data-board/boards/{board_id}/segmentation", json={"name": "Won", "filters": []}))
    ok(http.put(f"/data-board/boards/{board_id}/segmentation/{segment['_id']}", json={"name": "Won deals"}))
    assert ok(http.get(f"/data-board/boards/{board_id}/segmentation"))["data"][0]["name"] == "Won deals"

    assert ok(http.delete(f"/data-board/boards/{board_id}")) == {"message": "Board deleted successfully"}
    assert http.get(f"/data-board/boards/{board_id}/items").status_code == 404
    gone = http.get(f"/data-board/boards/{board_id}")
    assert gone.json() == {"error": f"Board not found: {board_id}"}


def test_csv_import_maps_columns_onto_fields(http: httpx.Client) -> None:
    fields = [{"name": "Company", "type": "ShortText"}, {"name": "City", "type": "ShortText"}]
    board = ok(http.post("/data-board/boards", json={"name": "Import", "fields": fields}))["data"]
    upload = {"file": ("rows.csv", b"Company,City\nAcme,Paris\nGlobex,Oslo\n", "text/csv")}
    url = ok(http.post("/data-board/boards/_fileupload", files=upload))["url"]
    mappings = [
        {"csvHeader": f["name"], "boardFieldId": f["_id"], "boardFieldName": f["name"]} for f in board["fields"]
    ]
    done = ok(http.post(f"/data-board/boards/{board['_id']}/import_csv", json={"fileUrl": url, "mappings": mappings}))
    assert done == {
        "status": "success",
        "message": "CSV import completed",
        "results": {"total": 2, "successful": 2, "failed": 0, "skipped": 0},
    }
    items = ok(http.get(f"/data-board/boards/{board['_id']}/items"))["data"]
    assert [item["fields"][board["fields"][1]["_id"]] for item in items] == ["Paris", "Oslo"]
    assert ok(http.get(f"/data-board/boards/{board['_id']}/import_progress"))["status"] == "completed"
    assert ok(http.get(f"/data-board/boards/{board['_id']}/import_progress"))["status"] == "not_found"


def test_folders_and_files_keep_their_bytes(http: httpx.Client) -> None:
    folder = {"name": "Q1 Reports", "parent_folder_id": "root", "organization_id": "org_test"}
    folder_id = ok(http.post("/data-board/folders", json=folder))["data"]["_id"]
    payload = bytes(range(256)) * 4
    upload = http.post("/data-board/files/upload", files={"file": ("blob.bin", payload)}, data={"folder_id": folder_id})
    file_id = ok(upload)["data"]["_id"]
    assert http.get(f"/data-board/files/{file_id}/download").content == payload
    assert [f["_id"] for f in ok(http.get("/data-board/files/search", params={"q": "blob"}))["data"]] == [file_id]
    contents = ok(http.get(f"/data-board/folders/{folder_id}/contents"))["data"]
    assert (contents["folder"]["name"], [f["_id"] for f in contents["files"]]) == ("Q1 Reports", [file_id])
    assert contents["pagination"]["file_count"] == 1
    ok(http.put(f"/data-board/folders/{folder_id}", json={"name": "Q1 2025"}))
    assert len(ok(http.get("/data-board/folders/search", params={"q": "2025"}))["data"]) == 1
    deleted = ok(http.post("/data-board/folders/delete", json={"ids": [folder_id]}))
    assert deleted["data"] == {"deletedCount": 1}
    assert http.get(f"/data-board/files/{file_id}").json() == {
        "success": False,
        "message": "File not found",
        "data": None,
    }


def test_embedding_status_moves_to_completed_after_polls_or_time(http: httpx.Client) -> None:
    file_id = knowledge_file(http, "doc.txt", b"text")
    assert ok(http.post("/ai-agent/embedding/process", json={"fileId": file_id}))["data"]["status"] == "processing"
    statuses = [ok(http.get(f"/ai-agent/embedding/files/{file_id}"))["data"]["status"] for _ in range(3)]
    assert statuses == ["processing", "completed", "completed"]  # embedding_polls=2: the second read completes
    failing = knowledge_file(http, "will-fail.txt", b"x")
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
        file_id = knowledge_file(http, "d.txt", b"x")
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


def test_parquet_files(http: httpx.Client) -> None:
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
