"""Records behave like the platform's: created, then read, listed, changed and deleted through every route that
shows them; unknown ids are 404; requests that break the spec are 400 with the validation message."""

from __future__ import annotations

import time
from typing import Any

import httpx


def ok(response: httpx.Response) -> Any:
    assert response.is_success, f"{response.status_code} {response.text}"
    return response.json()


def test_a_request_that_breaks_the_spec_is_400_with_the_validation_message(http: httpx.Client) -> None:
    wrong_type = http.post("/data-board/boards", json={"name": 3})
    assert wrong_type.status_code == 400
    assert wrong_type.json()["message"] == "Request body validation error: body.name: 3 is not of type 'string'"
    bad_query = http.get("/data-board/boards", params={"limit": "many"})
    assert bad_query.status_code == 400 and "limit" in bad_query.json()["message"]
    missing_query = http.get("/ai-agent/chat-client/documents/latest-by-kind")
    assert missing_query.json() == {"code": "bad_request:api", "message": "Missing required query parameter: kind"}
    not_json = http.post("/data-board/boards", content=b"{", headers={"content-type": "application/json"})
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


def test_chat_client_chats_messages_votes_and_documents(http: httpx.Client) -> None:
    message = {"id": "m1", "role": "user", "parts": [{"type": "text", "text": "Hello!"}]}
    created = http.post(
        "/ai-agent/chat-client/chats", json={"id": "c1", "message": message, "selectedVisibilityType": "private"}
    )
    assert (created.status_code, created.json()) == (201, {"ok": True, "id": "c1", "created": True})
    assert ok(http.get("/ai-agent/chat-client/chats/c1"))["title"] == "Hello!"
    saved = ok(http.post("/ai-agent/chat-client/messages", json={"chatId": "c1", "content": "Hi, human."}))
    assert [m["role"] for m in ok(http.get("/ai-agent/chat-client/chats/c1/messages"))] == ["user", "assistant"]
    ok(http.patch("/ai-agent/chat-client/votes", json={"messageId": saved["id"], "vote": "up"}))
    assert ok(http.get("/ai-agent/chat-client/chats/c1/votes")) == [
        {"chatId": "c1", "messageId": saved["id"], "isUpvoted": True}
    ]
    ok(http.delete(f"/ai-agent/chat-client/messages/{saved['id']}/trailing"))
    assert len(ok(http.get("/ai-agent/chat-client/chats/c1/messages"))) == 1
    assert ok(http.get("/ai-agent/chat-client/chats"))["chats"][0]["id"] == "c1"
    assert http.get("/ai-agent/chat-client/chats/zzz").json()["code"] == "not_found:chat"

    for content in ("v1", "v2"):
        ok(http.post("/ai-agent/chat-client/documents", params={"id": "d1"}, json={"kind": "text", "content": content}))
    assert [v["content"] for v in ok(http.get("/ai-agent/chat-client/documents/d1"))] == ["v1", "v2"]
    assert ok(http.get("/ai-agent/chat-client/documents/d1/latest"))["content"] == "v2"
    assert ok(http.delete("/ai-agent/chat-client/documents/d1"))[0]["content"] == "v1"
    assert http.get("/ai-agent/chat-client/documents/d1").status_code == 404


def test_another_credential_cannot_read_a_private_chat(http: httpx.Client) -> None:
    message = {"role": "user", "parts": [{"type": "text", "text": "secret"}]}
    ok(
        http.post(
            "/ai-agent/chat-client/chats", json={"id": "p1", "message": message, "selectedVisibilityType": "private"}
        )
    )
    other = http.get("/ai-agent/chat-client/chats/p1", headers={"x-api-key": "someone-else"})
    assert (other.status_code, other.json()["code"]) == (403, "forbidden:chat")


def test_parquet_files(http: httpx.Client) -> None:
    rows = {"data": [{"id": 1, "name": "Alice"}], "fileName": "users", "folderName": "exports"}
    generated = ok(http.post("/ai-agent/parquet/generate", json=rows))
    assert [c["column_name"] for c in generated["schema"]] == ["id", "name"]
    assert ok(http.get("/ai-agent/parquet/files"))["count"] == 1
    ok(http.delete("/ai-agent/parquet/exports%2Fusers.parquet"))
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
