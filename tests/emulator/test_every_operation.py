"""Every operation of our two specs, called with raw httpx and answered as the spec documents it (the vendor's
operations: test_vendor_calls.py).

The request of each operation is built from its spec (required parameters and body fields), with ids of records
created first where the operation needs real state; each destructive operation gets a fresh victim. Each response is
validated with openapi-core's response validator.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any
from urllib.parse import quote
from uuid import uuid4

import httpx
import pytest
from openapi_core.validation.response.exceptions import InvalidData
from spec_support import BINARY_SAMPLE, check_response, required_query, sample_body

from imbrace.emulator.specs import VENDOR, Operation
from imbrace.emulator.specs import operations as served

CSV = b"Title,Notes\nhello,first row\nbye,second row\n"
PROVIDER = {"name": "P", "type": "openai", "config": {"api_key": "sk-test"}}
GUARDRAIL_PROVIDER = {"name": "G", "type": "openai", "config": {"api_key": "sk-test"}}
GUARDRAIL = {"name": "Safe", "model": "nim-nemo", "instructions": "Be safe.", "unsafe_categories": ["violence"]}
AGENT = {"name": "V", "workflow_name": "v", "provider_id": "system", "model_id": "Default"}
TOOL_SERVER = {"url": "https://tools.example.com", "path": "openapi.json", "type": "openapi"}
_names = itertools.count()
World = dict[str, str]


def operations() -> list[Operation]:
    """The operations of our specs: each has a hand-written handler."""
    return [op for op in served() if op.service not in VENDOR]


def _json(response: httpx.Response) -> Any:
    assert response.is_success, (
        f"{response.request.method} {response.request.url}: {response.status_code} {response.text}"
    )
    return response.json()


def build_world(http: httpx.Client) -> World:
    """One record of every kind the operations refer to, by the path parameter (or role) that names it."""
    w: World = {}
    agent = {"name": "Walker", "workflow_name": "walker", "provider_id": "system", "model_id": "Default"}
    w["ai_agent_id"] = _json(http.post("/v3/ai/assistant_apps", json={**agent, "streaming": True}))["id"]
    w["plain_agent"] = _json(http.post("/v3/ai/assistant_apps", json=agent))["id"]
    w["provider"] = _json(http.post("/v3/ai/providers", json=PROVIDER))["id"]
    gp = _json(http.post("/v3/ai/guardrail-providers", json=GUARDRAIL_PROVIDER))
    w["guardrail_provider"] = gp["guardrail_provider_id"]
    w["guardrail_id"] = _json(http.post("/v3/ai/guardrail/create", json=GUARDRAIL))["guardrails_config_id"]
    w["rag_file"] = _json(http.post("/v3/ai/rag/files", files={"file": ("k.txt", b"knowledge")}))["id"]
    for name in ("board_id", "related_board_id"):
        fields = [{"name": "Title", "type": "ShortText"}, {"name": "Notes", "type": "LongText"}]
        board = _json(http.post("/data-board/boards", json={"name": name, "fields": fields}))["data"]
        w[name], w[f"{name}:field"] = board["_id"], board["fields"][0]["_id"]
        w[f"{name}:notes"] = board["fields"][1]["_id"]
        item = _json(
            http.post(f"/data-board/boards/{board['_id']}/items", json={"fields": {board["fields"][0]["_id"]: "hello"}})
        )
        w[f"{name}:item"] = item["data"]["_id"]
    w["field_id"], w["item_id"] = w["board_id:field"], w["board_id:item"]
    spare = http.post(f"/data-board/boards/{w['board_id']}/items", json={"fields": {w["field_id"]: "spare"}})
    w["spare_item"] = _json(spare)["data"]["_id"]
    segment = _json(http.post(f"/data-board/boards/{w['board_id']}/segmentation", json={"name": "Recent"}))
    w["segment_id"] = segment["_id"]
    folder = {"name": "Docs", "source_type": "upload", "parent_folder_id": "root", "organization_id": "org_test"}
    w["folder_id"] = _json(http.post("/data-board/folders", json=folder))["data"]["_id"]
    w["csv_url"] = _json(http.post("/data-board/boards/_fileupload", files={"file": ("rows.csv", CSV)}))["url"]
    upload = http.post(
        "/data-board/files/upload", files={"file": ("a.txt", b"hello")}, data={"folder_id": w["folder_id"]}
    )
    w["kh_file"] = _json(upload)["data"]["_id"]
    _json(http.post("/ai-agent/embedding/process", json={"fileId": w["kh_file"]}))
    w.update(_chat_world(http, w))
    generated = {"data": [{"id": "1", "name": "Ada"}], "fileName": "users", "folderName": "exports"}
    w["file_name"] = _json(http.post("/ai-agent/parquet/generate", json=generated))["fileName"]
    return w


def _chat_world(http: httpx.Client, w: World) -> World:
    message = {
        "id": "0d6c3a55-3b5e-4c1a-9f5e-2f6a1c0e00a1",
        "role": "user",
        "parts": [{"type": "text", "text": "Hello!"}],
    }
    chat = {
        "id": "0d6c3a55-3b5e-4c1a-9f5e-2f6a1c0e0001",
        "message": message,
        "selectedVisibilityType": "private",
        "assistantId": w["ai_agent_id"],
    }
    _json(http.post("/ai-agent/chat-client/chats", json=chat))
    _json(http.post("/ai-agent/chat-client/auth/register", json=CREDENTIALS))
    kind = {"kind": "text", "content": "Draft", "title": "Doc"}
    document = _json(
        http.post("/ai-agent/chat-client/documents", params={"id": "0d6c3a55-3b5e-4c1a-9f5e-2f6a1c0e00d1"}, json=kind)
    )[0]["id"]
    return {
        "chat_id": "0d6c3a55-3b5e-4c1a-9f5e-2f6a1c0e0001",
        "message_id": "0d6c3a55-3b5e-4c1a-9f5e-2f6a1c0e00a1",
        "doc_id": document,
        "document_id": document,
    }


def path_values(op: Operation, w: World) -> dict[str, str]:
    """The world's record for each path parameter; `file_id` and `provider_id` depend on the service."""
    by_route = {
        ("/v3/ai/rag", "file_id"): w["rag_file"],
        ("/data-board/files", "file_id"): w["kh_file"],
        ("/ai-agent/embedding", "file_id"): w["kh_file"],
        ("/v3/ai/guardrail-providers", "provider_id"): w["guardrail_provider"],
        ("/v3/ai/providers", "provider_id"): w["provider"],
    }
    fixed = {
        "drive_type": "onedrive",
        "trace_id": "abc123",
        "tag_name": "http.status_code",
        "filename": "ai-agent-guide-code-step.pdf",
    }
    names = [segment[1:-1] for segment in op.route.split("/") if segment.startswith("{")]
    values = {}
    for name in names:
        routed = next((v for (prefix, n), v in by_route.items() if n == name and op.route.startswith(prefix)), None)
        values[name] = routed or fixed.get(name) or w[name]
    return values


def _chat(w: World, assistant: str) -> dict[str, Any]:
    return {
        "id": "0d6c3a55-3b5e-4c1a-9f5e-2f6a1c0e0002",
        "assistant_id": w[assistant],
        "messages": [{"role": "user", "content": "Hi there"}],
    }


VICTIM, VICTIM_MESSAGE = "0d6c3a55-3b5e-4c1a-9f5e-2f6a1c0e00f1", "0d6c3a55-3b5e-4c1a-9f5e-2f6a1c0e00f2"
EMPTY_MESSAGE = {"role": "user", "parts": []}
CREDENTIALS = {"email": "ada@example.com", "password": "pw-123456"}
SAVED = {
    "id": "0d6c3a55-3b5e-4c1a-9f5e-2f6a1c0e00a2",
    "role": "assistant",
    "parts": [{"type": "text", "text": "Saved"}],
}
# Bodies that need records of the world (or values the synthesized minimum does not satisfy).
BODIES: dict[str, Callable[[World], Any]] = {
    "login": lambda w: {"email": "ada@example.com", "password": "anything"},
    "link_items": lambda w: {"relatedBoardId": w["related_board_id"], "relatedItemIds": [w["related_board_id:item"]]},
    "unlink_items": lambda w: {"relatedBoardId": w["related_board_id"], "relatedItemIds": [w["related_board_id:item"]]},
    "create_folder": lambda w: {"name": "Sub", "parent_folder_id": w["folder_id"], "organization_id": "org_test"},
    "import_csv": lambda w: _import_body(w),
    "import_excel": lambda w: _import_body(w),
    "upload_file": lambda w: {"file": BINARY_SAMPLE, "folder_id": w.get("folder_id", "0" * 24)},
    "upload_board_file": lambda w: {"file": BINARY_SAMPLE},
    "upload_board_file_v2": lambda w: {"file": BINARY_SAMPLE},
    "reorder_fields": lambda w: {"fieldIds": [w.get("field_id", "nope")]},
    "bulk_update_fields": lambda w: {"fields": [{"name": "Bulk", "type": "Number"}]},
    "reorder_boards": lambda w: {"boardIds": [w.get("board_id", "nope")]},
    "bulk_delete_items": lambda w: {"ids": [w.get("spare_item", "nope")]},
    "stream_chat": lambda w: _chat(w, "ai_agent_id"),
    "stream_sub_agent_chat": lambda w: {**_chat(w, "ai_agent_id"), "session_id": "s-1", "chat_id": "sub-1"},
    "process_embedding": lambda w: {"fileId": w["kh_file"], "options": {"chunk_size": 512}},
    "generate_parquet": lambda w: {"data": [{"id": "2"}], "fileName": "more"},
    "register_chat_client": lambda w: {"email": "new@example.com", "password": "secret"},
    "verify_chat_client_credentials": lambda w: CREDENTIALS,
    "create_client_chat": lambda w: {"id": str(uuid4()), "message": EMPTY_MESSAGE, "selectedVisibilityType": "public"},
    "persist_client_message": lambda w: {"message": {**SAVED, "chatId": w["chat_id"]}},
    "update_vote": lambda w: {"chatId": w["chat_id"], "messageId": w["message_id"], "type": "up"},
    "create_provider": lambda w: PROVIDER,
    "update_provider": lambda w: PROVIDER,
    "create_guardrail_provider": lambda w: GUARDRAIL_PROVIDER,
    "update_guardrail_provider": lambda w: {"name": "G2"},
    "create_guardrail": lambda w: GUARDRAIL,
    "update_guardrail": lambda w: GUARDRAIL,
    "create_ai_agent": lambda w: AGENT,
    "update_ai_agent": lambda w: AGENT,
    "verify_tool_server": lambda w: {**TOOL_SERVER, "auth_type": None, "key": None, "config": None},
}
QUERIES: dict[str, Callable[[World], dict[str, str]]] = {
    "get_sub_agent_history": lambda w: {"chat_id": "0d6c3a55-3b5e-4c1a-9f5e-2f6a1c0e0001"},
    "preview_embedding_file": lambda w: {"file_id": w["kh_file"]},
    "classify_file": lambda w: {"file_id": w["kh_file"]},
    "delete_chat": lambda w: {"organization_id": "org_test"},
    "delete_parquet_file": lambda w: {"folderName": "exports"},
    "get_agent_prompt_suggestion": lambda w: {"assistant_id": w["ai_agent_id"]},
    "create_document": lambda w: {"id": str(uuid4())},
    "delete_document": lambda w: {"timestamp": "1970-01-01T00:00:00.000Z"},
}
UPLOADS = {"extract_file": b"%PDF-1.4 sample"}
# The AI service reads the caller's access token on agent-file uploads.
HEADERS = {"upload_agent_file": {"x-access-token": "acc_walker"}}


def _import_body(w: World) -> dict[str, Any]:
    """Map the world CSV's columns onto the world board's fields (by id and exact name, as the service checks)."""
    mappings = [
        {"csvHeader": "Title", "boardFieldId": w.get("board_id:field", "nope"), "boardFieldName": "Title"},
        {"csvHeader": "Notes", "boardFieldId": w.get("board_id:notes", "nope"), "boardFieldName": "Notes"},
    ]
    return {"fileUrl": w.get("csv_url", "http://127.0.0.1/nope"), "mappings": mappings}


def _victims(http: httpx.Client, w: World) -> dict[str, Callable[[], dict[str, str]]]:
    """Fresh records for the destructive operations, so that the walk's order does not matter."""

    def make(path: str, body: dict[str, Any], *keys: str | int) -> Callable[[], Any]:
        def create() -> Any:
            found = _json(http.post(path, json=body))
            for key in keys:
                found = found[key]
            return found

        return create

    agent = make("/v3/ai/assistant_apps", AGENT)
    board = f"/data-board/boards/{w['board_id']}"
    new_chat = make(
        "/ai-agent/chat-client/chats",
        {
            "id": VICTIM,
            "message": {"id": VICTIM_MESSAGE, **EMPTY_MESSAGE},
            "selectedVisibilityType": "private",
            "organizationId": "org_test",
        },
    )

    def new_document() -> str:
        body = {"kind": "code", "content": "v", "title": "V"}
        return str(_json(http.post("/ai-agent/chat-client/documents", params={"id": str(uuid4())}, json=body))[0]["id"])

    return {
        "delete_provider": lambda: {"provider_id": make("/v3/ai/providers", PROVIDER, "id")()},
        "delete_ai_agent": lambda: {"ai_agent_id": agent()["id"]},
        "delete_ai_agent_v2": lambda: {"ai_agent_id": agent()["id"]},
        "delete_rag_file": lambda: {"file_id": _json(http.post("/v3/ai/rag/files", files={"file": ("v", b"v")}))["id"]},
        "delete_guardrail": lambda: {
            "guardrail_id": make("/v3/ai/guardrail/create", GUARDRAIL, "guardrails_config_id")()
        },
        "delete_guardrail_provider": lambda: {
            "provider_id": make("/v3/ai/guardrail-providers", GUARDRAIL_PROVIDER, "guardrail_provider_id")()
        },
        "delete_board": lambda: {"board_id": make("/data-board/boards", {"name": "V"}, "data", "_id")()},
        "delete_field": lambda: {
            "board_id": w["board_id"],
            "field_id": make(
                f"{board}/fields", {"name": f"V{next(_names)}", "type": "Number"}, "data", "fields", -1, "_id"
            )(),
        },
        "delete_item": lambda: {
            "board_id": w["board_id"],
            "item_id": make(f"{board}/items", {"fields": {}}, "data", "_id")(),
        },
        "delete_segment": lambda: {"board_id": w["board_id"], "segment_id": make(f"{board}/segmentation", {}, "_id")()},
        "delete_embedding_file": lambda: {"file_id": w["kh_file"]},
        "delete_parquet_file": lambda: {"file_name": w["file_name"]},
        "delete_client_chat": lambda: {"chat_id": (new_chat(), VICTIM)[1]},
        "delete_chat": lambda: {"chat_id": (new_chat(), VICTIM)[1]},
        "delete_trailing_messages": lambda: {"message_id": (new_chat(), VICTIM_MESSAGE)[1]},
        "delete_document": lambda: {"doc_id": new_document()},
        "delete_all_client_chats": dict,
    }


def call(http: httpx.Client, op: Operation, params: dict[str, str], w: World) -> httpx.Response:
    path = op.route.format(**{name: quote(value, safe="") for name, value in params.items()})
    query = {**required_query(op), **(QUERIES[op.operation_id](w) if op.operation_id in QUERIES else {})}
    body = sample_body(op)
    headers = HEADERS.get(op.operation_id)
    if body is None:
        return http.request(op.method, path, params=query, headers=headers)
    media, value = body
    if op.operation_id in BODIES:
        value = BODIES[op.operation_id](w)
    if media == "multipart/form-data":
        upload = UPLOADS.get(op.operation_id)
        files = {
            k: ("sample.csv" if upload else "sample.pdf", upload or v) for k, v in value.items() if isinstance(v, bytes)
        }
        data = {k: v for k, v in value.items() if not isinstance(v, bytes)}
        return http.request(op.method, path, params=query, files=files, data=data, headers=headers)
    return http.request(op.method, path, params=query, json=value, headers=headers)


def test_every_operation_answers_as_documented(http: httpx.Client) -> None:
    world = build_world(http)
    victims = _victims(http, world)
    ordered = sorted(
        operations(), key=lambda op: (op.operation_id in victims, op.operation_id == "delete_all_client_chats")
    )
    walked = set()
    for op in ordered:
        params = victims[op.operation_id]() if op.operation_id in victims else path_values(op, world)
        response = call(http, op, params, world)
        assert response.is_success, f"{op.key}: {response.status_code} {response.text}"
        check_response(op, params, response)
        walked.add(op.operation_id)
    assert walked == {op.operation_id for op in operations()}


def test_alternative_media_types_are_documented(http: httpx.Client) -> None:
    """The second documented media of the chat and completion operations: text/plain and SSE."""
    world = build_world(http)
    by_id = {op.operation_id: op for op in operations()}
    plain = http.post("/ai-agent/v2/chat", json=_chat(world, "plain_agent"))
    assert plain.headers["content-type"].startswith("text/plain")
    check_response(by_id["stream_chat"], {}, plain)
    completion = {"model": "m", "messages": [{"role": "user", "content": "Hi"}], "stream": True}
    streamed = http.post("/v3/ai/completions", json=completion)
    assert streamed.headers["content-type"].startswith("text/event-stream")
    check_response(by_id["complete"], {}, streamed)
    status = http.get("/ai-agent/chat-client/chats/0d6c3a55-3b5e-4c1a-9f5e-2f6a1c0e0001/status/stream")
    check_response(by_id["stream_client_chat_status"], {"chat_id": "0d6c3a55-3b5e-4c1a-9f5e-2f6a1c0e0001"}, status)


def test_the_checker_rejects_a_response_that_breaks_the_schema() -> None:
    op = next(op for op in operations() if op.operation_id == "get_ai_agent")
    request = httpx.Request("GET", "http://127.0.0.1:1/v3/ai/assistants/a1")
    with pytest.raises(InvalidData):
        check_response(op, {"ai_agent_id": "a1"}, httpx.Response(200, json={"name": 5}, request=request))


# Operations that answer for any id: external drives, Tempo traces, the title generator (which, as on the
# platform, titles the message it is given without reading the chat), and import progress (a cache lookup that
# answers `{status: "not_found"}`, as the data-board service does).
ANY_ID = {
    "get_import_progress",
    "initiate_drive_auth",
    "list_drive_folders",
    "list_drive_files",
    "download_drive_file",
    "get_trace",
    "get_trace_tag_values",
    "generate_client_chat_title",
    "get_document_suggestions",
}


# What the AI service answers for an unknown id where it is not a 404: its agent routes turn the 404 into a 400
# (`except Exception`), a RAG file read is `{}` and the soft deletes succeed.
UNKNOWN_ID_STATUS = {
    "get_ai_agent": 400,
    "update_ai_agent_instructions": 400,
    "get_ai_agent_app": 400,
    "update_ai_agent": 400,
    "delete_ai_agent": 400,
    "update_ai_agent_workflow": 400,
    "update_ai_agent_v2": 400,
    "delete_ai_agent_v2": 400,
    "get_rag_file": 200,
    "delete_rag_file": 200,
    "delete_provider": 200,
}


@pytest.mark.parametrize(
    "op",
    [op for op in operations() if "{" in op.route and op.operation_id not in ANY_ID],
    ids=lambda op: op.operation_id,
)
def test_unknown_ids_are_404_in_the_error_shape(http: httpx.Client, op: Operation) -> None:
    names = [segment[1:-1] for segment in op.route.split("/") if segment.startswith("{")]
    params = {name: UNKNOWN_IDS.get(name, "does-not-exist") for name in names}
    response = call(
        http, op, params, {"chat_id": UNKNOWN_UUID, "message_id": UNKNOWN_UUID, "kh_file": "nope"} | _STUB_WORLD
    )
    expected = UNKNOWN_ID_STATUS.get(op.operation_id, 404)
    assert response.status_code == expected, f"{op.key}: {response.status_code} {response.text}"
    check_response(op, params, response)


# The AI-agent service reads these ids as UUIDs (400 for any other) and guide names as `*.pdf` (400 otherwise).
UNKNOWN_UUID = "0d6c3a55-3b5e-4c1a-9f5e-2f6a1c0effff"
UNKNOWN_IDS = dict.fromkeys(("chat_id", "message_id", "doc_id", "document_id"), UNKNOWN_UUID) | {
    "filename": "ai-agent-guide-missing.pdf"
}
_STUB_WORLD = {"related_board_id": "nope", "related_board_id:item": "nope", "folder_id": "nope", "file_name": "nope"}
