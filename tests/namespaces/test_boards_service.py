"""`client.boards` sends what the data-board service accepts, on both clients: against the emulator (which caps,
validates and answers as the service does) and, for what is refused or mapped before sending, with no request."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from namespace_support import NewClient, Stepper, client_for, json_body, raw_path

from imbrace import BadRequestError
from imbrace.emulator import Emulator
from imbrace.emulator.handlers.boards import BOARDS
from imbrace.testing import TEST_API_KEY, TEST_ORGANIZATION_ID

from helpers import Harness


@pytest.fixture
def emulated(new_client: NewClient, imbrace_emulator: Emulator) -> Harness:
    """A client of the (freshly emptied) session emulator, of the test's kind."""
    return new_client(api_key=TEST_API_KEY, organization_id=TEST_ORGANIZATION_ID, gateway=imbrace_emulator.url)


@pytest.fixture
def raw(imbrace_emulator: Emulator) -> httpx.Client:
    headers = {"x-api-key": TEST_API_KEY, "x-organization-id": TEST_ORGANIZATION_ID}
    with httpx.Client(base_url=imbrace_emulator.url, headers=headers) as client:
        yield client  # type: ignore[misc]


def test_iter_boards_returns_every_board_when_the_service_caps_the_page(
    emulated: Harness, raw: httpx.Client, imbrace_emulator: Emulator
) -> None:
    """1,100 boards with `limit=1000`: the service would answer 100 (over its cap of 500), the SDK asks for 500."""
    raw.post("/data-board/boards", json={"name": "B0000"}).raise_for_status()
    [made] = imbrace_emulator.state.store.all(BOARDS)
    for index in range(1, 1100):  # the rest stored directly: 1,099 more POSTs would only slow the test down
        key = f"{index:024x}"
        imbrace_emulator.state.store.put(
            BOARDS, key, {**made, "_id": key, "id": key, "name": f"B{index:04}", "order": index}
        )
    before = imbrace_emulator.requests()["routes"].get("GET /data-board/boards", 0)
    boards = Stepper(emulated, emulated.call(emulated.client.boards.iter_boards, limit=1000)).rest()
    assert [board["name"] for board in boards] == [f"B{index:04}" for index in range(1100)]
    assert imbrace_emulator.requests()["routes"]["GET /data-board/boards"] - before == 3


def test_iter_boards_does_not_take_a_shortened_page_for_the_last(new_client: NewClient, kind: str) -> None:
    """A service that serves fewer than asked (and says how many there are) is paged to the end."""
    names = [{"_id": f"b{n}"} for n in range(7)]

    def capped(request: httpx.Request) -> httpx.Response:
        skip = int(request.url.params["skip"])
        return httpx.Response(200, json={"data": names[skip : skip + 3], "total": 7, "count": 3})

    harness, recorder = client_for(new_client, kind, capped)
    assert Stepper(harness, harness.call(harness.client.boards.iter_boards, limit=1000)).rest() == names
    assert [r.url.params["skip"] for r in recorder.requests] == ["0", "3", "6"]
    assert {r.url.params["limit"] for r in recorder.requests} == {"500"}


def test_iter_items_pages_within_the_item_cap(new_client: NewClient, kind: str) -> None:
    items = [{"_id": f"i{n}"} for n in range(5)]

    def page(request: httpx.Request) -> httpx.Response:
        skip, limit = int(request.url.params["skip"]), int(request.url.params["limit"])
        return httpx.Response(200, json={"data": items[skip : skip + 2], "count": 5, "skip": skip, "limit": limit})

    harness, recorder = client_for(new_client, kind, page)
    assert Stepper(harness, harness.call(harness.client.boards.iter_items, "b1", limit=5000)).rest() == items
    assert [(r.url.params["limit"], r.url.params["skip"]) for r in recorder.requests] == [
        ("1000", "0"),
        ("1000", "2"),
        ("1000", "4"),
    ]


def test_board_types_are_sent_as_repeated_parameters(emulated: Harness) -> None:
    boards = emulated.client.boards
    for name, board_type in (("Doc", "DocumentAI"), ("Task", "Tasks"), ("Gen", "General")):
        emulated.call(boards.create, name, type=board_type)
    found = emulated.call(boards.list, types=["DocumentAI", "Tasks"])
    assert sorted(board["name"] for board in found["data"]) == ["Doc", "Task"]
    assert [b["name"] for b in emulated.call(boards.list, types="DocumentAI,Tasks")["data"]] == ["Doc", "Task"]


def test_create_item_keys_field_names_by_id_with_one_cached_board_read(
    emulated: Harness, imbrace_emulator: Emulator
) -> None:
    boards = emulated.client.boards
    fields = [{"name": "Name", "type": "ShortText", "isUniqueIdentifier": True}, {"name": "Age", "type": "Number"}]
    board = emulated.call(boards.create, "People", fields=fields)["data"]
    name_id, age_id = (field["_id"] for field in board["fields"])
    reads = imbrace_emulator.requests()["routes"].get("GET /data-board/boards/{board_id}", 0)
    ada = emulated.call(boards.create_item, board["_id"], {"fields": {"Name": "Ada", age_id: 36}})["data"]
    grace = emulated.call(boards.create_item, board["_id"], {"fields": {"Name": "Grace"}})["data"]
    assert (ada["fields"], grace["fields"]) == ({name_id: "Ada", age_id: 36}, {name_id: "Grace"})
    emulated.call(boards.update_item, board["_id"], ada["_id"], {"fields": {"Age": 37}})
    assert emulated.call(boards.get_item, board["_id"], ada["_id"])["data"]["fields"][age_id] == 37
    assert imbrace_emulator.requests()["routes"]["GET /data-board/boards/{board_id}"] - reads == 1


def test_create_item_refuses_keys_that_name_no_field(emulated: Harness, imbrace_emulator: Emulator) -> None:
    boards = emulated.client.boards
    board = emulated.call(boards.create, "People", fields=[{"name": "Name", "type": "ShortText"}])["data"]
    with pytest.raises(ValueError, match=r"item fields \['Nmae'\] name no field of the board .*'Name'"):
        emulated.call(boards.create_item, board["_id"], {"fields": {"Nmae": "Ada"}})
    assert imbrace_emulator.requests()["routes"].get("POST /data-board/boards/{board_id}/items") is None
    listed = {"fields": [{"board_field_id": board["fields"][0]["_id"], "value": "Ada"}]}
    assert emulated.call(boards.create_item, board["_id"], listed)["data"]["fields"] == {
        board["fields"][0]["_id"]: "Ada"
    }


def test_a_field_added_later_is_found_by_a_fresh_board_read(emulated: Harness) -> None:
    boards = emulated.client.boards
    board_id = emulated.call(boards.create, "People", fields=[{"name": "Name", "type": "ShortText"}])["data"]["_id"]
    emulated.call(boards.create_item, board_id, {"fields": {"Name": "Ada"}})
    city = emulated.call(boards.create_field, board_id, {"name": "City", "type": "ShortText"})["data"]["fields"][1]
    item = emulated.call(boards.create_item, board_id, {"fields": {"City": "Oslo"}})["data"]
    assert item["fields"] == {city["_id"]: "Oslo"}


def test_import_file_uploads_then_imports_by_column_names(emulated: Harness, tmp_path: Path) -> None:
    boards = emulated.client.boards
    fields = [{"name": "Company", "type": "ShortText"}, {"name": "City", "type": "ShortText"}]
    board = emulated.call(boards.create, "Accounts", fields=fields)["data"]
    rows = tmp_path / "accounts.csv"
    rows.write_text("Company,City\nAcme,Paris\nGlobex,Oslo\n", encoding="utf-8")
    done = emulated.call(boards.import_file, board["_id"], rows)
    assert done["results"] == {"total": 2, "successful": 2, "failed": 0, "skipped": 0}
    items = emulated.call(boards.list_items, board["_id"])["data"]
    assert [item["fields"][board["fields"][0]["_id"]] for item in items] == ["Acme", "Globex"]
    renamed = tmp_path / "renamed.csv"
    renamed.write_text("Firm\nInitech\n", encoding="utf-8")
    emulated.call(boards.import_file, board["_id"], renamed, {"Firm": "Company"})
    assert emulated.call(boards.list_items, board["_id"])["count"] == 3


def test_imports_refuse_what_the_service_rejects_before_sending(
    new_client: NewClient, kind: str, tmp_path: Path
) -> None:
    board = {"data": {"_id": "b1", "fields": [{"_id": "f1", "name": "Company"}]}}
    harness, recorder = client_for(new_client, kind, lambda request: httpx.Response(200, json=board))
    boards = harness.client.boards
    rows = tmp_path / "rows.csv"
    rows.write_text("Company,Country\nAcme,FR\n", encoding="utf-8")
    with pytest.raises(ValueError, match="the service rejects a multipart upload"):
        harness.call(boards.import_csv, "b1", files={"file": rows.open("rb")})
    with pytest.raises(ValueError, match="fileUrl"):
        harness.call(boards.import_excel, "b1", {"mappings": []})
    assert recorder.requests == []
    with pytest.raises(ValueError, match=r"columns \['Country'\] match no field"):
        harness.call(boards.import_file, "b1", rows)
    with pytest.raises(ValueError, match="needs mappings"):
        harness.call(boards.import_file, "b1", tmp_path / "rows.xlsx")
    assert [(r.method, raw_path(r)) for r in recorder.requests] == [("GET", "/data-board/boards/b1")]


def test_import_excel_posts_the_json_flow_to_its_route(new_client: NewClient, kind: str) -> None:
    harness, recorder = client_for(new_client, kind, lambda request: httpx.Response(200, json={"status": "success"}))
    body = {"fileUrl": "https://files.test/a.xlsx", "mappings": [{"csvHeader": "A", "boardFieldId": "f1"}]}
    harness.call(harness.client.boards.import_excel, "b1", {**body, "sheetName": "Q1"})
    [request] = recorder.requests
    assert (raw_path(request), json_body(request)) == (
        "/data-board/boards/b1/import_excel",
        {**body, "sheetName": "Q1"},
    )


def test_other_bodies_are_mapped_or_refused_before_sending(new_client: NewClient, kind: str) -> None:
    harness, recorder = client_for(new_client, kind)
    boards = harness.client.boards
    with pytest.raises(ValueError, match="takes a mapping"):
        harness.call(boards.list_items, "b1", filter="status = open")
    with pytest.raises(ValueError, match="need item ids"):
        harness.call(boards.link_items, "b1", "i1", "b2", {})
    with pytest.raises(ValueError, match="upload_file needs a folder"):
        harness.call(boards.upload_file, b"bytes")
    assert recorder.requests == []
    harness.call(boards.reorder, {"order": ["b2", "b1"]})
    assert json_body(recorder.requests[0]) == {"boardIds": ["b2", "b1"]}


def test_service_rejections_reach_the_caller_as_typed_errors(emulated: Harness) -> None:
    boards = emulated.client.boards
    board_id = emulated.call(boards.create, "B")["data"]["_id"]
    with pytest.raises(BadRequestError, match="'number' is not one of"):
        emulated.call(boards.create_field, board_id, {"name": "Age", "type": "number"})
    with pytest.raises(BadRequestError):
        emulated.call(boards.list_items, board_id, limit=1001)
    hits = emulated.call(boards.search, board_id, sort="created_at:desc")
    assert hits["success"] is True


def test_knowledge_hub_calls_are_accepted(emulated: Harness) -> None:
    boards = emulated.client.boards
    folder = emulated.call(boards.create_folder, {"name": "Q1 Reports"})
    assert folder["organization_id"] == TEST_ORGANIZATION_ID
    other = emulated.call(emulated.client.folders.create, {"name": "Other"})["data"]
    for folder_id in (folder["_id"], other["_id"]):
        emulated.call(boards.upload_file, {"file": ("report.txt", b"r")}, folder_id)
    found = emulated.call(boards.search_files, folder_id=folder["_id"], q="report")
    assert [file["folder_id"] for file in found] == [folder["_id"]]
    contents = emulated.call(boards.get_folder_contents, folder["_id"], limit=10)
    assert contents["pagination"]["file_count"] == 1
    assert [f["name"] for f in Stepper(emulated, emulated.call(boards.iter_folder_files, folder["_id"])).rest()] == [
        "report.txt"
    ]
    preview: Any = emulated.call(boards.get_link_preview, "https://imbrace.co")
    assert preview["data"]["canonicalUrl"] == "https://imbrace.co"
    assert emulated.call(boards.get_link_preview, "not a url") is None
