"""The emulator answers data-board calls as the service does (../shared/reference/service-conformance.md,
"Data-board service"): each rejection with the service's status and error body, its caps and defaults."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

ORG = "org_test"


def ok(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, f"{response.status_code} {response.text}"
    return response.json()


def zod(response: httpx.Response) -> list[dict[str, Any]]:
    """The issues of a 400 ZodError body (the body must be exactly that shape)."""
    body = ok(response, 400)
    assert set(body) == {"success", "error"} and body["success"] is False
    assert set(body["error"]) == {"name", "message"} and body["error"]["name"] == "ZodError"
    issues: list[dict[str, Any]] = json.loads(body["error"]["message"])
    return issues


def handler_error(response: httpx.Response, status: int) -> str:
    body = ok(response, status)
    assert set(body) == {"error"}
    message: str = body["error"]
    return message


def folder_error(response: httpx.Response, status: int) -> str:
    body = ok(response, status)
    assert set(body) == {"success", "message", "data"} and body["success"] is False and body["data"] is None
    message: str = body["message"]
    return message


def board(http: httpx.Client, *fields: dict[str, Any]) -> dict[str, Any]:
    created: dict[str, Any] = ok(http.post("/data-board/boards", json={"name": "B", "fields": list(fields)}), 201)
    return created["data"]


# --- boards ----------------------------------------------------------------------------------------------------


def test_a_new_board_is_201_with_no_fields_and_drops_team_ids(http: httpx.Client) -> None:
    created = ok(http.post("/data-board/boards", json={"name": "Leads", "team_ids": ["t1"]}), 201)["data"]
    assert (created["fields"], created["type"], created["team_ids"]) == ([], "General", [])
    updated = ok(http.patch(f"/data-board/boards/{created['_id']}", json={"team_ids": ["t1"]}))["data"]
    assert updated["team_ids"] == ["t1"]


def test_board_list_limit_over_500_silently_becomes_100_and_0_is_all(http: httpx.Client) -> None:
    for index in range(110):
        ok(http.post("/data-board/boards", json={"name": f"B{index}"}), 201)
    capped = ok(http.get("/data-board/boards", params={"limit": 1000}))
    assert (len(capped["data"]), capped["count"], capped["total"]) == (100, 100, 110)
    assert len(ok(http.get("/data-board/boards", params={"limit": -5}))["data"]) == 100
    assert len(ok(http.get("/data-board/boards", params={"limit": 0}))["data"]) == 110
    assert len(ok(http.get("/data-board/boards", params={"limit": 500, "skip": 105}))["data"]) == 5
    assert capped["data"][0]["items_count"] == 0


def test_board_types_are_repeated_params_and_comma_separated_is_400(http: httpx.Client) -> None:
    ok(http.post("/data-board/boards", json={"name": "Doc", "type": "DocumentAI"}), 201)
    ok(http.post("/data-board/boards", json={"name": "Task", "type": "Tasks"}), 201)
    ok(http.post("/data-board/boards", json={"name": "Gen"}), 201)
    both = ok(http.get("/data-board/boards", params=[("types", "DocumentAI"), ("types", "Tasks")]))
    assert sorted(b["name"] for b in both["data"]) == ["Doc", "Task"]
    assert zod(http.get("/data-board/boards", params={"types": "DocumentAI,Tasks"}))[0]["path"] == ["types", 0]


def test_reorder_boards_needs_board_ids(http: httpx.Client) -> None:
    first = board(http)["_id"]
    assert zod(http.post("/data-board/boards/reorder", json={"order": [first]}))[0]["path"] == ["boardIds"]
    assert zod(http.post("/data-board/boards/reorder", json={"boardIds": []}))[0]["path"] == ["boardIds"]
    assert ok(http.post("/data-board/boards/reorder", json={"boardIds": [first]}))["message"]


def test_unknown_board_is_404_error_and_an_unknown_route_is_plain_404(http: httpx.Client) -> None:
    assert handler_error(http.get("/data-board/boards/nope"), 404) == "Board not found: nope"
    unknown = http.patch(f"/data-board/boards/{board(http)['_id']}/segmentation/s1", json={})
    assert (unknown.status_code, unknown.headers["content-type"].split(";")[0], unknown.text) == (
        404,
        "text/plain",
        "404 Not Found",
    )


# --- fields ------------------------------------------------------------------------------------------------------


def test_field_types_are_capitalised_and_lowercase_is_400(http: httpx.Client) -> None:
    board_id = board(http)["_id"]
    assert zod(http.post(f"/data-board/boards/{board_id}/fields", json={"name": "Age", "type": "number"}))[0][
        "path"
    ] == ["type"]
    reply = ok(http.post(f"/data-board/boards/{board_id}/fields", json={"name": "Age", "type": "Number"}), 201)
    assert reply["data"]["_id"] == board_id and reply["data"]["fields"][0]["type"] == "Number"


def test_a_duplicate_field_name_or_a_second_identifier_is_400_error(http: httpx.Client) -> None:
    board_id = board(http, {"name": "Name", "type": "ShortText", "isUniqueIdentifier": True})["_id"]
    fields = f"/data-board/boards/{board_id}/fields"
    assert "already exists" in handler_error(http.post(fields, json={"name": "Name", "type": "Email"}), 400)
    second = {"name": "Email", "type": "Email", "isUniqueIdentifier": True}
    assert "unique identifier" in handler_error(http.post(fields, json=second), 400)


def test_bulk_field_updates_need_a_type_and_answer_the_board(http: httpx.Client) -> None:
    created = board(http, {"name": "Name", "type": "ShortText"})
    bulk = f"/data-board/boards/{created['_id']}/fields/bulk"
    field_id = created["fields"][0]["_id"]
    assert zod(http.patch(bulk, json={"fields": [{"field_id": field_id, "name": "Full name"}]}))[0]["path"] == [
        "fields",
        0,
        "type",
    ]
    entries = [{"field_id": field_id, "name": "Full name", "type": "ShortText", "hidden": True}]
    entries.append({"name": "Score", "type": "Number", "is_unique_identifier": False})
    fields = ok(http.patch(bulk, json={"fields": entries}))["data"]["fields"]
    assert [(f["name"], f["hidden"]) for f in fields] == [("Full name", True), ("Score", False)]


# --- items -------------------------------------------------------------------------------------------------------


def test_item_list_limit_caps_at_1000_and_a_filter_string_is_400(http: httpx.Client) -> None:
    board_id = board(http)["_id"]
    items = f"/data-board/boards/{board_id}/items"
    assert zod(http.get(items, params={"limit": 1001}))[0]["path"] == ["limit"]
    assert zod(http.get(items, params={"filter": '{"a": 1}'}))[0]["path"] == ["filter"]
    for _ in range(3):
        ok(http.post(items, json={"fields": {}}), 201)
    page = ok(http.get(items, params={"limit": 2}))
    assert (len(page["data"]), page["count"], page["limit"], page["totalPages"]) == (2, 3, 2, 2)
    assert len(ok(http.get(items, params={"limit": 0}))["data"]) == 3


def test_name_keyed_item_fields_are_orphan_keys_or_400_with_an_identifier(http: httpx.Client) -> None:
    plain = board(http, {"name": "Name", "type": "ShortText"})
    stored = ok(http.post(f"/data-board/boards/{plain['_id']}/items", json={"fields": {"Name": "Ada"}}), 201)
    assert stored["data"]["fields"] == {"Name": "Ada"}
    keyed = board(http, {"name": "Name", "type": "ShortText", "isUniqueIdentifier": True})
    items = f"/data-board/boards/{keyed['_id']}/items"
    assert handler_error(http.post(items, json={"fields": {"Name": "Ada"}}), 400) == "Field 'Name' is required"
    listed = {"fields": [{"board_field_id": keyed["fields"][0]["_id"], "value": "Ada"}]}
    assert ok(http.post(items, json=listed), 201)["data"]["fields"] == {keyed["fields"][0]["_id"]: "Ada"}
    assert "already exists" in handler_error(http.post(items, json=listed), 409)


def test_item_updates_need_an_object_of_fields(http: httpx.Client) -> None:
    board_id = board(http)["_id"]
    item = ok(http.post(f"/data-board/boards/{board_id}/items", json={"fields": {}}), 201)["data"]
    assert zod(http.patch(f"/data-board/boards/{board_id}/items/{item['_id']}", json={"fields": []}))[0]["path"] == [
        "fields"
    ]


def test_bulk_delete_needs_ids_and_knows_them_all(http: httpx.Client) -> None:
    board_id = board(http)["_id"]
    bulk = f"/data-board/boards/{board_id}/items/bulk-delete"
    assert handler_error(http.request("DELETE", bulk, json={"ids": []}), 400) == "At least one ID is required"
    assert "not found" in handler_error(http.request("DELETE", bulk, json={"ids": ["nope"]}), 404)
    item = ok(http.post(f"/data-board/boards/{board_id}/items", json={"fields": {}}), 201)["data"]["_id"]
    assert ok(http.request("DELETE", bulk, params=[("ids[]", item)]))["count"] == 1


def test_links_need_item_ids_and_search_sorts_by_a_list(http: httpx.Client) -> None:
    board_id = board(http)["_id"]
    item = ok(http.post(f"/data-board/boards/{board_id}/items", json={"fields": {}}), 201)["data"]["_id"]
    related = f"/data-board/boards/{board_id}/items/{item}/related"
    assert zod(http.post(related, json={"relatedBoardId": board_id}))
    assert ok(http.post(related, json={"ids": [item]}))["message"]
    assert zod(http.post(f"/data-board/search/{board_id}", json={"sort": "created_at:desc"}))[0]["path"] == ["sort"]
    hits = ok(http.post(f"/data-board/search/{board_id}", json={"sort": ["created_at:desc"]}))["message"]["hits"]
    assert [hit["_id"] for hit in hits] == [item]


# --- imports and board uploads -----------------------------------------------------------------------------------


def test_imports_take_json_and_reject_multipart_and_bad_mappings(http: httpx.Client) -> None:
    created = board(http, {"name": "Name", "type": "ShortText", "isUniqueIdentifier": True})
    imports = f"/data-board/boards/{created['_id']}/import_csv"
    multipart = http.post(imports, files={"file": ("rows.csv", b"Name\nAda\n")})
    assert (multipart.status_code, multipart.json()["status"]) == (500, "error")
    missing = ok(http.post(imports, json={"fileUrl": "x"}), 400)
    assert missing == {"status": "error", "message": "fileUrl and mappings are required"}
    wrong = [{"csvHeader": "Name", "boardFieldId": created["fields"][0]["_id"], "boardFieldName": "name"}]
    invalid = ok(http.post(imports, json={"fileUrl": "x", "mappings": wrong}), 400)
    assert (invalid["message"], invalid["invalidMappings"]) == (
        "Invalid field mappings",
        [{"csvHeader": "Name", "boardFieldName": "name"}],
    )


def test_upload_v2_answers_a_list_and_refuses_unknown_extensions(http: httpx.Client) -> None:
    files = [("a", ("notes.txt", b"hi")), ("b", ("tool.exe", b"MZ"))]
    entries = ok(http.post("/data-board/boards/upload", files=files))
    assert [(e["extension"], e["error"], e["url"] is None) for e in entries] == [
        ("txt", None, False),
        ("exe", "unsupported file type exe", True),
    ]
    assert (
        handler_error(http.post("/data-board/boards/_fileupload", files={"x": (None, b"1")}), 400) == "No file uploaded"
    )


# --- Knowledge Hub -----------------------------------------------------------------------------------------------


def test_a_folder_without_organization_id_fails_in_the_database(http: httpx.Client) -> None:
    failed = ok(http.post("/data-board/folders", json={"name": "Q1"}), 500)
    assert set(failed) == {"success", "error"} and failed["success"] is False and "message" in failed["error"]
    created = ok(http.post("/data-board/folders", json={"name": "Q1", "organization_id": ORG}), 201)
    assert (created["success"], created["data"]["organization_id"]) == (True, ORG)


def test_folder_and_file_errors_have_the_knowledge_shape(http: httpx.Client) -> None:
    assert folder_error(http.get("/data-board/folders/nope"), 404) == "Folder not found"
    empty = "ids array is required and must not be empty"
    assert folder_error(http.post("/data-board/folders/delete", json={"ids": []}), 400) == empty
    assert folder_error(http.post("/data-board/files/delete", json={"ids": []}), 400) == empty
    upload = http.post("/data-board/files/upload", files={"file": ("a.txt", b"a")})
    assert folder_error(upload, 400) == "folder_id is required"
    bad_id = http.post("/data-board/files/upload", files={"file": ("a.txt", b"a")}, data={"folder_id": "Q1"})
    assert folder_error(bad_id, 400)
    raw = ok(http.post("/data-board/files", json={"name": "n.txt"}), 500)
    assert raw["success"] is False and "message" in raw["error"]


def test_file_search_ignores_the_folder(http: httpx.Client) -> None:
    folders = [
        ok(http.post("/data-board/folders", json={"name": n, "organization_id": ORG}), 201)["data"]["_id"]
        for n in ("A", "B")
    ]
    for folder_id in folders:
        ok(
            http.post("/data-board/files/upload", files={"file": ("report.txt", b"r")}, data={"folder_id": folder_id}),
            201,
        )
    found = ok(http.get("/data-board/files/search", params={"q": "report", "folder_id": folders[0]}))["data"]
    assert sorted(f["folder_id"] for f in found) == sorted(folders)


def test_link_preview_is_under_data_or_204(http: httpx.Client) -> None:
    preview = ok(http.post("/data-board/link_preview/getWebsiteInfo", json={"url": "https://imbrace.co/x"}))
    assert set(preview["data"]) == {"title", "description", "imageUrl", "canonicalUrl"}
    failed = http.post("/data-board/link_preview/getWebsiteInfo", json={"url": "not a url"})
    assert (failed.status_code, failed.content) == (204, b"")


@pytest.mark.parametrize("path", ["/data-board/boards/nope/items", "/data-board/search/nope"])
def test_board_lookups_answer_the_handler_shape(http: httpx.Client, path: str) -> None:
    response = http.get(path) if path.endswith("items") else http.post(path, json={})
    assert handler_error(response, 404).startswith("Board not found")
