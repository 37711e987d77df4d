"""`client.boards` on both clients: method, exact path, query, body and result of every call; uploads, downloads,
the lazy iterators and the documentation's Knowledge Hub example."""

from __future__ import annotations

import builtins
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
    Stepper,
    cases,
    check_case,
    check_table_covered,
    client_for,
    json_body,
    multipart,
    query,
    raw_path,
    responder,
)

from imbrace import NotFoundError

from helpers import Harness, Recorder

SURFACE = Path(__file__).resolve().parent.parent / "surface" / "imbrace-surface.tsv"

# Hostile ids: each must arrive as exactly one encoded path segment.
H, HE = "../x?y=1#z", "..%2Fx%3Fy%3D1%23z"
S, SE = "a/b", "a%2Fb"
U, UE = "ü/é 1", "%C3%BC%2F%C3%A9%201"

BOARD = {"_id": "b1", "name": "Leads", "unknown_server_field": {"kept": True}}
ITEM = {"_id": "i1", "fields": {"Name": "Ada"}}
FOLDER = {"_id": "f1", "name": "Q1 Reports", "parent_folder_id": "root"}
FILE = {"_id": "file-1", "name": "doc.pdf", "folder_id": "f1"}
SEGMENT = {"_id": "s1", "name": "VIP"}
OK = {"success": True, "message": "done"}


# --- helpers -------------------------------------------------------------------------------------------------------


def raw(status: int = 200, **kwargs: Any) -> Callable[[], httpx.Response]:
    """A reply other than 200 JSON, built afresh for each request (a response object serves one client only)."""
    return lambda: httpx.Response(status, **kwargs)


# --- every JSON method: method, exact path, query, body, result ------------------------------------------------

CASES = [
    # boards
    Case(
        "list", path="/data-board/boards", query=[("limit", "20"), ("skip", "0")], reply={"data": [BOARD], "total": 1}
    ),
    Case(
        "list",
        (5, 10),
        kwargs={
            "search": "le ads&x=1",
            "hidden": True,
            "category_id": "c1",
            "sort": "name",
            "types": ["DocumentAI", "Tasks"],
        },
        path="/data-board/boards",
        query=[
            ("category_id", "c1"),
            ("hidden", "true"),
            ("limit", "5"),
            ("search", "le ads&x=1"),
            ("skip", "10"),
            ("sort", "name"),
            ("types", "DocumentAI"),
            ("types", "Tasks"),
        ],
        reply={"data": []},
    ),
    Case(
        "list",
        kwargs={"hidden": False},
        path="/data-board/boards",
        query=[("hidden", "false"), ("limit", "20"), ("skip", "0")],
        reply={"data": []},
    ),
    Case("get", (H,), path=f"/data-board/boards/{HE}", reply={"data": BOARD}),
    Case("get", ("..",), path="/data-board/boards/%2E%2E", reply=BOARD),
    Case("create", ("Leads",), http="POST", path="/data-board/boards", body={"name": "Leads"}, reply=BOARD),
    Case(
        "create",
        ("Invoices", "Scanned invoices"),
        kwargs={
            "type": "DocumentAI",
            "fields": [{"name": "Total", "type": "Number"}],
            "team_ids": ("t1", "t2"),
            "show_id": False,
            "category": "finance",
            "extra": {"color": "red", "hidden": None},
        },
        http="POST",
        path="/data-board/boards",
        body={
            "name": "Invoices",
            "description": "Scanned invoices",
            "type": "DocumentAI",
            "fields": [{"name": "Total", "type": "Number"}],
            "team_ids": ["t1", "t2"],
            "show_id": False,
            "category": "finance",
            "color": "red",
            "hidden": None,
        },
        reply={"data": BOARD},
    ),
    Case(
        "update",
        (S, {"name": "Leads 2025"}),
        http="PATCH",
        path=f"/data-board/boards/{SE}",
        body={"name": "Leads 2025"},
        reply=BOARD,
    ),
    Case("delete", (U,), http="DELETE", path=f"/data-board/boards/{UE}", reply=raw(204), result=None),
    Case("delete", (U,), http="DELETE", path=f"/data-board/boards/{UE}", reply={"success": True}, result=None),
    Case(
        "reorder",
        ({"boardIds": ["b2", "b1"]},),
        http="POST",
        path="/data-board/boards/reorder",
        body={"boardIds": ["b2", "b1"]},
        reply=OK,
    ),
    Case(
        "export_csv",
        (H,),
        path=f"/data-board/boards/{HE}/export_csv",
        reply=raw(200, text="Name,Total\nAda,1\n", headers={"content-type": "text/csv"}),
        result="Name,Total\nAda,1\n",
    ),
    Case(
        "export_csv",
        (H, {"from": "2025-01-01", "all": True, "skip": None}),
        path=f"/data-board/boards/{HE}/export_csv",
        query=[("all", "true"), ("from", "2025-01-01")],
        reply=raw(200, content=b"42"),
        result="42",
    ),
    Case("get_import_progress", (H,), path=f"/data-board/boards/{HE}/import_progress", reply={"progress": 0.5}),
    # fields
    Case(
        "create_field",
        (H, {"name": "Email", "type": "Email", "options": []}),
        http="POST",
        path=f"/data-board/boards/{HE}/fields",
        body={"name": "Email", "type": "Email", "options": []},
        reply={"_id": "fd1"},
    ),
    Case(
        "update_field",
        (H, S, {"name": "Work email"}),
        http="PATCH",
        path=f"/data-board/boards/{HE}/fields/{SE}",
        body={"name": "Work email"},
        reply={"_id": "fd1"},
    ),
    Case(
        "delete_field", (H, S), http="DELETE", path=f"/data-board/boards/{HE}/fields/{SE}", reply=raw(204), result=None
    ),
    Case(
        "reorder_fields",
        (H, {"fieldIds": ["f2", "f1"]}),
        http="POST",
        path=f"/data-board/boards/{HE}/fields/reorder",
        body={"fieldIds": ["f2", "f1"]},
        reply=OK,
    ),
    Case(
        "bulk_update_fields",
        (U, {"fields": [{"_id": "f1", "name": "Name"}]}),
        http="PATCH",
        path=f"/data-board/boards/{UE}/fields/bulk",
        body={"fields": [{"_id": "f1", "name": "Name"}]},
        reply=OK,
    ),
    # items
    Case(
        "list_items",
        (H,),
        path=f"/data-board/boards/{HE}/items",
        query=[("limit", "20"), ("skip", "0")],
        reply={"data": [ITEM], "total": 1},
    ),
    Case(
        "list_items",
        (H, 5, 15),
        kwargs={"filter": {"Name": "Ada"}, "sort": "-created_at", "include_parent": True},
        path=f"/data-board/boards/{HE}/items",
        query=[
            ("filter", '{"Name":"Ada"}'),
            ("include_parent", "true"),
            ("limit", "5"),
            ("skip", "15"),
            ("sort", "-created_at"),
        ],
        reply={"data": []},
    ),
    Case("get_item", (H, S), path=f"/data-board/boards/{HE}/items/{SE}", reply={"data": ITEM}),
    Case(
        "create_item",
        (H, {"fields": [{"board_field_id": "f1", "value": "Ada"}]}),
        http="POST",
        path=f"/data-board/boards/{HE}/items",
        body={"fields": [{"board_field_id": "f1", "value": "Ada"}]},
        reply=ITEM,
    ),
    Case(
        "update_item",
        (H, S, {"data": [{"key": "Name", "value": "Grace"}]}),
        http="PATCH",
        path=f"/data-board/boards/{HE}/items/{SE}",
        body={"data": [{"key": "Name", "value": "Grace"}]},
        reply=ITEM,
    ),
    Case("delete_item", (H, S), http="DELETE", path=f"/data-board/boards/{HE}/items/{SE}", reply=raw(204), result=None),
    Case(
        "bulk_delete_items",
        (H, {"ids": ["i1", "i2"]}),
        http="DELETE",
        path=f"/data-board/boards/{HE}/items/bulk-delete",
        body={"ids": ["i1", "i2"]},
        reply={"deletedCount": 2},
    ),
    Case(
        "get_related_items",
        (H, S, U),
        path=f"/data-board/boards/{HE}/items/{SE}/related/{UE}",
        reply={"data": [ITEM], "total": 1},
        result=[ITEM],
    ),
    Case(
        "get_related_items",
        (H, S, U),
        kwargs={"link": "linked", "name": "Ad", "skip": 0, "limit": 5},
        path=f"/data-board/boards/{HE}/items/{SE}/related/{UE}",
        query=[("limit", "5"), ("link", "linked"), ("name", "Ad"), ("skip", "0")],
        reply=[ITEM],
    ),
    Case(
        "link_items",
        (H, S, "rb1", {"relatedItemIds": ["i9"], "note": "kept", "relatedBoardId": "overridden"}),
        http="POST",
        path=f"/data-board/boards/{HE}/items/{SE}/related",
        body={"relatedItemIds": ["i9"], "note": "kept", "relatedBoardId": "rb1"},
        reply=OK,
    ),
    Case(
        "link_items",
        (H, S, "rb1", {"ids": ["i8"]}),
        http="POST",
        path=f"/data-board/boards/{HE}/items/{SE}/related",
        body={"relatedBoardId": "rb1", "ids": ["i8"]},
        reply=OK,
    ),
    Case(
        "unlink_items",
        (H, S, "rb1", {"relatedItemIds": ["i9"], "mode": "both"}),
        http="DELETE",
        path=f"/data-board/boards/{HE}/items/{SE}/related",
        body={"relatedItemIds": ["i9"], "mode": "both", "relatedBoardId": "rb1"},
        reply=OK,
    ),
    # search and segments
    Case(
        "search",
        (H,),
        http="POST",
        path=f"/data-board/search/{HE}",
        body={"limit": 100, "offset": 0},
        reply={"success": True, "message": {"hits": [ITEM], "estimatedTotalHits": 1}},
    ),
    Case("search", (H, ""), http="POST", path=f"/data-board/search/{HE}", body={"limit": 100, "offset": 0}, reply=OK),
    Case(
        "search",
        (H, "acme", 10, 20),
        kwargs={"filter": "status = open", "sort": "name:asc"},
        http="POST",
        path=f"/data-board/search/{HE}",
        body={"limit": 10, "offset": 20, "q": "acme", "filter": "status = open", "sort": ["name:asc"]},
        reply=OK,
    ),
    Case("list_segments", (H,), path=f"/data-board/boards/{HE}/segmentation", reply=[SEGMENT]),
    Case(
        "create_segment",
        (H, {"name": "VIP", "filters": [{"field": "tier", "value": "gold"}]}),
        http="POST",
        path=f"/data-board/boards/{HE}/segmentation",
        body={"name": "VIP", "filters": [{"field": "tier", "value": "gold"}]},
        reply={"data": SEGMENT},
    ),
    Case(
        "update_segment",
        (H, S, {"name": "VIP 2025"}),
        http="PUT",
        path=f"/data-board/boards/{HE}/segmentation/{SE}",
        body={"name": "VIP 2025"},
        reply=SEGMENT,
    ),
    Case(
        "delete_segment",
        (H, S),
        http="DELETE",
        path=f"/data-board/boards/{HE}/segmentation/{SE}",
        reply=raw(204),
        result=None,
    ),
    # Knowledge Hub folders: unwrapped
    Case(
        "search_folders", path="/data-board/folders/search", reply={"success": True, "data": [FOLDER]}, result=[FOLDER]
    ),
    Case("search_folders", ("", ""), path="/data-board/folders/search", reply={"data": []}, result=[]),
    Case(
        "search_folders",
        ("org-9", "Q1"),
        kwargs={"limit": 5},
        path="/data-board/folders/search",
        query=[("limit", "5"), ("organization_id", "org-9"), ("q", "Q1")],
        reply={"data": [FOLDER]},
        result=[FOLDER],
    ),
    Case(
        "get_folder",
        (H,),
        path=f"/data-board/folders/{HE}",
        reply={"success": True, "data": {"folder": FOLDER, "subfolders": [], "recursive": False}},
        result=FOLDER,
    ),
    Case(
        "get_folder",
        (H, True),
        path=f"/data-board/folders/{HE}",
        query=[("recursive", "true")],
        reply={"data": FOLDER},
        result=FOLDER,
    ),
    Case(
        "get_folder",
        (H,),
        kwargs={"recursive": False},
        path=f"/data-board/folders/{HE}",
        query=[("recursive", "false")],
        reply=FOLDER,
    ),
    Case(
        "create_folder",
        ({"name": "Q1 Reports"},),
        http="POST",
        path="/data-board/folders",
        body={"source_type": "upload", "parent_folder_id": "root", "organization_id": "org-1", "name": "Q1 Reports"},
        reply={"success": True, "data": FOLDER},
        result=FOLDER,
    ),
    Case(
        "create_folder",
        (
            {
                "name": "Sub",
                "parent_folder_id": "f1",
                "source_type": "upload2",
                "organization_id": "o",
                "team_ids": ["t"],
            },
        ),
        http="POST",
        path="/data-board/folders",
        body={
            "name": "Sub",
            "parent_folder_id": "f1",
            "source_type": "upload2",
            "organization_id": "o",
            "team_ids": ["t"],
        },
        reply={"data": FOLDER},
        result=FOLDER,
    ),
    Case(
        "update_folder",
        (S, {"name": "Q1 2025"}),
        http="PUT",
        path=f"/data-board/folders/{SE}",
        body={"name": "Q1 2025"},
        reply={"data": FOLDER},
        result=FOLDER,
    ),
    Case(
        "delete_folders",
        (["f1", S],),
        http="POST",
        path="/data-board/folders/delete",
        body={"ids": ["f1", S]},
        reply={"success": True, "data": {"deletedCount": 2}},
    ),
    Case("delete_folders", ("f1",), http="POST", path="/data-board/folders/delete", body={"ids": ["f1"]}, reply=OK),
    Case(
        "get_folder_contents",
        (H,),
        path=f"/data-board/folders/{HE}/contents",
        reply={"data": {"folder": FOLDER, "subfolders": [], "files": [FILE]}},
        result={"folder": FOLDER, "subfolders": [], "files": [FILE]},
    ),
    Case(
        "get_folder_contents",
        (H,),
        kwargs={"skip": 0, "limit": 10, "sort_by": "name", "sort_order": "desc", "recursive": True, "q": "doc"},
        path=f"/data-board/folders/{HE}/contents",
        query=[
            ("limit", "10"),
            ("q", "doc"),
            ("recursive", "true"),
            ("skip", "0"),
            ("sortBy", "name"),
            ("sortOrder", "desc"),
        ],
        reply={"data": {"files": []}},
        result={"files": []},
    ),
    # Knowledge Hub files
    Case(
        "search_files",
        kwargs={"folder_id": "f1"},
        path="/data-board/files/search",
        query=[("folder_id", "f1")],
        reply={"data": [FILE, {**FILE, "_id": "file-2", "folder_id": "elsewhere"}]},
        result=[FILE],
    ),
    Case(
        "search_files",
        ("f1",),
        kwargs={"q": "doc", "limit": 3},
        path="/data-board/files/search",
        query=[("folder_id", "f1"), ("limit", "3"), ("q", "doc")],
        reply={"data": []},
        result=[],
    ),
    Case("get_file", (H,), path=f"/data-board/files/{HE}", reply={"data": FILE}, result=FILE),
    Case("get_file", (H,), path=f"/data-board/files/{HE}", reply=FILE),
    Case(
        "create_file",
        ({"organization_id": "o", "folder_id": "f1", "key": "kb/a.txt", "file_type": "txt", "file_size": 5},),
        http="POST",
        path="/data-board/files",
        body={"organization_id": "o", "folder_id": "f1", "key": "kb/a.txt", "file_type": "txt", "file_size": 5},
        reply={"data": FILE},
        result=FILE,
    ),
    Case(
        "update_file",
        (H, {"name": "new.pdf"}),
        http="PUT",
        path=f"/data-board/files/{HE}",
        body={"name": "new.pdf"},
        reply={"data": FILE},
        result=FILE,
    ),
    Case(
        "delete_files", (["file-1"],), http="POST", path="/data-board/files/delete", body={"ids": ["file-1"]}, reply=OK
    ),
    Case(
        "generate_ai_tags",
        ({"folder_name": "Q1", "description": "Quarterly revenue"},),
        http="POST",
        path="/data-board/ai/tag-generation",
        body={"folder_name": "Q1", "description": "Quarterly revenue"},
        reply={"data": {"tags": ["finance"]}},
        result={"tags": ["finance"]},
    ),
    Case(
        "get_link_preview",
        ("https://imbrace.co/?a=1",),
        http="POST",
        path="/data-board/link_preview/getWebsiteInfo",
        body={"url": "https://imbrace.co/?a=1"},
        reply={"success": True, "data": {"title": "iMBrace"}},
    ),
    Case(
        "get_link_preview",
        ("https://unreachable.example",),
        http="POST",
        path="/data-board/link_preview/getWebsiteInfo",
        body={"url": "https://unreachable.example"},
        reply=raw(204),
        result=None,
    ),
    # drives: drive_type is a path segment like any other
    Case("initiate_drive_auth", (S,), path=f"/data-board/auth/{SE}/initiate", reply={"auth_url": "u"}),
    Case(
        "initiate_drive_auth",
        ("onedrive",),
        kwargs={"session_id": "s-1"},
        path="/data-board/auth/onedrive/initiate",
        query=[("sessionId", "s-1")],
        reply={},
    ),
    Case("list_drive_folders", (S,), path=f"/data-board/{SE}/folders", reply={"data": []}),
    Case(
        "list_drive_folders",
        ("onedrive", {"parent_id": "root", "shared": False, "cursor": None}),
        path="/data-board/onedrive/folders",
        query=[("parent_id", "root"), ("shared", "false")],
        reply=[{"id": "d1"}],
    ),
    Case(
        "list_drive_files",
        (H, {"folder_id": "x"}),
        path=f"/data-board/{HE}/files",
        query=[("folder_id", "x")],
        reply={"data": [{"id": "d2"}]},
    ),
    Case("get_onedrive_session_status", path="/data-board/auth/onedrive/files/session/status", reply={"active": True}),
]


@cases(CASES)
def test_request_and_result(new_client: NewClient, kind: str, case: Case) -> None:
    check_case(new_client, kind, "boards", case)


# --- every table method is here, on both clients, with per-call options ----------------------------------------

OTHER_TESTS = {
    "import_csv",
    "import_excel",
    "upload_board_file",
    "upload_board_file_v2",
    "upload_file",
    "download_file",
    "download_drive_file",
}


def test_every_table_method_is_tested() -> None:
    assert len(check_table_covered("boards", CASES, OTHER_TESTS)) == 51


def test_per_call_options_reach_the_request(new_client: NewClient, kind: str) -> None:
    harness, recorder = client_for(new_client, kind, responder({"data": FOLDER}))
    harness.call(harness.client.boards.get_folder, "f1", extra_headers={"x-trace": "t1"}, extra_query={"debug": "1"})
    [request] = recorder.requests
    assert request.headers["x-trace"] == "t1"
    assert query(request) == [("debug", "1")]


def test_create_sends_the_old_extra_keywords_in_the_body_and_keeps_options_apart(
    new_client: NewClient, kind: str
) -> None:
    harness, recorder = client_for(new_client, kind, responder(BOARD))
    fields = [{"name": "Total", "type": "Number"}]
    harness.call(
        harness.client.boards.create,
        "Invoices",
        fields=fields,
        color="red",
        workflow_id=None,
        extra_headers={"x-trace": "t2"},
        timeout=5.0,
    )
    [request] = recorder.requests
    assert json_body(request) == {"name": "Invoices", "fields": fields, "color": "red", "workflow_id": None}
    assert request.headers["x-trace"] == "t2"
    assert "timeout" not in json_body(request) and "extra_headers" not in json_body(request)
    assert fields == [{"name": "Total", "type": "Number"}]


def test_errors_raise_the_typed_error(new_client: NewClient, kind: str) -> None:
    harness, _ = client_for(new_client, kind, responder(raw(404, json={"message": "Folder not found"})))
    with pytest.raises(NotFoundError):
        harness.call(harness.client.boards.get_folder, "missing")


# --- uploads ----------------------------------------------------------------------------------------------------

PDF = b"%PDF-1.7\r\n--boundary-lookalike\r\n\x00\xff binary tail"


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    path = tmp_path / "doc.pdf"
    path.write_bytes(PDF)
    return path


@pytest.mark.parametrize(
    ("method", "args", "path"),
    [
        ("upload_board_file", (), "/data-board/boards/_fileupload"),
        ("upload_board_file_v2", (), "/data-board/boards/upload"),
    ],
)
@pytest.mark.parametrize("form", ["dict", "path", "str", "bytes", "file object", "tuple"])
def test_board_uploads_send_one_file_part(
    new_client: NewClient, kind: str, pdf: Path, method: str, args: tuple[Any, ...], path: str, form: str
) -> None:
    harness, recorder = client_for(new_client, kind, responder({"url": "https://files.test/doc.pdf"}))
    with pdf.open("rb") as handle:
        files: Any = {
            "dict": {"file": handle},
            "path": pdf,
            "str": str(pdf),
            "bytes": PDF,
            "file object": handle,
            "tuple": {"file": ("report.pdf", PDF, "application/x-custom")},
        }[form]
        got = harness.call(getattr(harness.client.boards, method), *args, files=files)
    [request] = recorder.requests
    assert (request.method, raw_path(request)) == ("POST", path)
    expected = {
        "bytes": ("upload.bin", "application/octet-stream", PDF),
        "tuple": ("report.pdf", "application/x-custom", PDF),
    }.get(form, ("doc.pdf", "application/pdf", PDF))
    assert multipart(request) == {"file": expected}
    assert got == {"url": "https://files.test/doc.pdf"}


def test_upload_needs_a_file(new_client: NewClient, kind: str) -> None:
    harness, recorder = client_for(new_client, kind)
    with pytest.raises(ValueError, match="needs a file"):
        harness.call(harness.client.boards.upload_board_file, None)
    with pytest.raises(FileNotFoundError):
        harness.call(harness.client.boards.upload_file, "/no/such/file.pdf", "f1")
    assert recorder.requests == []


def test_upload_file_sends_the_form_fields_and_unwraps(new_client: NewClient, kind: str, pdf: Path) -> None:
    harness, recorder = client_for(new_client, kind, responder({"success": True, "data": FILE}))
    with pdf.open("rb") as handle:
        got = harness.call(harness.client.boards.upload_file, files={"file": handle}, folder_id="f/1")
    [request] = recorder.requests
    assert (request.method, raw_path(request), query(request)) == ("POST", "/data-board/files/upload", [])
    assert multipart(request) == {
        "file": ("doc.pdf", "application/pdf", PDF),
        "folder_id": (None, None, b"f/1"),
        "organization_id": (None, None, b"org-1"),
    }
    assert got == FILE


def test_upload_file_organization_argument_wins_and_is_left_out_without_one(
    new_client: NewClient, kind: str, pdf: Path
) -> None:
    harness, recorder = client_for(new_client, kind, responder({"data": FILE}))
    harness.call(harness.client.boards.upload_file, pdf, "f1", organization_id="org-2")
    assert multipart(recorder.requests[-1])["organization_id"] == (None, None, b"org-2")
    anonymous, anonymous_recorder = client_for(new_client, kind, responder({"data": FILE}), organization_id=None)
    anonymous.call(anonymous.client.boards.upload_file, io.BytesIO(PDF), "f1")
    assert set(multipart(anonymous_recorder.requests[-1])) == {"file", "folder_id"}


def test_upload_file_keeps_the_old_form_field_entries(new_client: NewClient, kind: str) -> None:
    harness, recorder = client_for(new_client, kind, responder({"data": FILE}))
    files = {
        "file": ("doc.pdf", PDF, "application/pdf"),
        "folder_id": (None, "f-legacy"),
        "organization_id": (None, "org-legacy"),
    }
    harness.call(harness.client.boards.upload_file, files)
    assert multipart(recorder.requests[-1]) == {
        "file": ("doc.pdf", "application/pdf", PDF),
        "folder_id": (None, None, b"f-legacy"),
        "organization_id": (None, None, b"org-legacy"),
    }
    harness.call(harness.client.boards.upload_file, files, folder_id="f-new")
    assert multipart(recorder.requests[-1])["folder_id"] == (None, None, b"f-new")
    assert files["folder_id"] == (None, "f-legacy")


# --- downloads --------------------------------------------------------------------------------------------------

BLOB = bytes(range(256)) * 1200  # 300 KiB, every byte value


def test_download_file_returns_the_read_response(new_client: NewClient, kind: str) -> None:
    harness, recorder = client_for(new_client, kind, responder(raw(200, content=BLOB)))
    response = harness.call(harness.client.boards.download_file, H)
    [request] = recorder.requests
    assert (request.method, raw_path(request)) == ("GET", f"/data-board/files/{HE}/download")
    assert isinstance(response, httpx.Response)
    assert response.content == BLOB


def test_download_drive_file_returns_the_read_response(new_client: NewClient, kind: str) -> None:
    harness, recorder = client_for(new_client, kind, responder(raw(200, content=b"drive bytes")))
    response = harness.call(harness.client.boards.download_drive_file, S, {"file_id": "x 1", "skip": None})
    [request] = recorder.requests
    assert (request.method, raw_path(request), query(request)) == (
        "GET",
        f"/data-board/{SE}/files/download",
        [("file_id", "x 1")],
    )
    assert response.content == b"drive bytes"


def test_download_file_to_streams_the_bytes_to_the_path(new_client: NewClient, kind: str, tmp_path: Path) -> None:
    harness, recorder = client_for(new_client, kind, responder(raw(200, content=BLOB)))
    target = tmp_path / "out.bin"
    written = harness.call(harness.client.boards.download_file_to, H, str(target))
    assert written == target
    assert target.read_bytes() == BLOB
    assert raw_path(recorder.requests[0]) == f"/data-board/files/{HE}/download"


def test_download_drive_file_to_streams_the_bytes_to_the_path(new_client: NewClient, kind: str, tmp_path: Path) -> None:
    harness, recorder = client_for(new_client, kind, responder(raw(200, content=BLOB)))
    target = tmp_path / "drive.bin"
    assert harness.call(harness.client.boards.download_drive_file_to, "onedrive", target, {"file_id": "x"}) == target
    assert target.read_bytes() == BLOB
    assert query(recorder.requests[0]) == [("file_id", "x")]


def test_download_file_to_raises_and_writes_nothing_on_error(new_client: NewClient, kind: str, tmp_path: Path) -> None:
    harness, _ = client_for(new_client, kind, responder(raw(404, json={"message": "no file"})))
    target = tmp_path / "missing.bin"
    with pytest.raises(NotFoundError):
        harness.call(harness.client.boards.download_file_to, "nope", target)
    assert not target.exists()


# --- lazy iterators ---------------------------------------------------------------------------------------------


def paged(items: list[Any], wrap: Callable[[list[Any]], Any]) -> Callable[[httpx.Request], httpx.Response]:
    def respond(request: httpx.Request) -> httpx.Response:
        skip, limit = int(request.url.params["skip"]), int(request.url.params["limit"])
        return httpx.Response(200, json=wrap(items[skip : skip + limit]))

    return respond


def walk_lazily(harness: Harness, recorder: Recorder, iterator: Any, total: int, limit: int) -> list[Any]:
    """Step through `iterator`, checking that page n is fetched only when item n*limit is asked for."""
    stepper = Stepper(harness, iterator)
    assert recorder.requests == [], "a page was fetched before the first item was asked for"
    got = []
    for index in range(total):
        got.append(stepper.next())
        assert len(recorder.requests) == index // limit + 1
    assert stepper.rest() == []
    return got


def test_iter_boards_walks_every_page_lazily_and_stops(new_client: NewClient, kind: str) -> None:
    boards = [{"_id": f"b{n}"} for n in range(5)]
    harness, recorder = client_for(new_client, kind, paged(boards, lambda page: {"data": page, "total": 5}))
    iterator = harness.call(harness.client.boards.iter_boards, limit=2, types="DocumentAI", extra_headers={"x-t": "1"})
    assert walk_lazily(harness, recorder, iterator, total=5, limit=2) == boards
    assert [query(r) for r in recorder.requests] == [
        [("limit", "2"), ("skip", str(skip)), ("types", "DocumentAI")] for skip in (0, 2, 4)
    ]
    assert all(r.headers["x-t"] == "1" and raw_path(r) == "/data-board/boards" for r in recorder.requests)


def test_iter_boards_asks_once_more_after_a_full_last_page(new_client: NewClient, kind: str) -> None:
    boards = [{"_id": f"b{n}"} for n in range(4)]
    harness, recorder = client_for(new_client, kind, paged(boards, lambda page: {"data": page}))
    assert Stepper(harness, harness.call(harness.client.boards.iter_boards, limit=2)).rest() == boards
    assert [r.url.params["skip"] for r in recorder.requests] == ["0", "2", "4"]


def test_iter_items_walks_every_page_lazily_and_stops(new_client: NewClient, kind: str) -> None:
    items = [{"_id": f"i{n}"} for n in range(7)]
    harness, recorder = client_for(new_client, kind, paged(items, lambda page: {"data": page}))
    iterator = harness.call(harness.client.boards.iter_items, H, limit=3, include_parent=False)
    assert walk_lazily(harness, recorder, iterator, total=7, limit=3) == items
    assert {raw_path(r) for r in recorder.requests} == {f"/data-board/boards/{HE}/items"}
    assert [query(r) for r in recorder.requests] == [
        [("include_parent", "false"), ("limit", "3"), ("skip", str(skip))] for skip in (0, 3, 6)
    ]


def test_iter_items_stops_on_an_empty_board(new_client: NewClient, kind: str) -> None:
    harness, recorder = client_for(new_client, kind, paged([], lambda page: {"data": page}))
    assert Stepper(harness, harness.call(harness.client.boards.iter_items, "b1")).rest() == []
    assert len(recorder.requests) == 1


def test_iter_folder_files_walks_the_contents_pages(new_client: NewClient, kind: str) -> None:
    files = [{"_id": f"file-{n}"} for n in range(5)]
    harness, recorder = client_for(
        new_client, kind, paged(files, lambda page: {"data": {"folder": FOLDER, "subfolders": [], "files": page}})
    )
    iterator = harness.call(harness.client.boards.iter_folder_files, S, limit=2, recursive=True, sort_by="name")
    assert walk_lazily(harness, recorder, iterator, total=5, limit=2) == files
    assert {raw_path(r) for r in recorder.requests} == {f"/data-board/folders/{SE}/contents"}
    assert query(recorder.requests[1]) == [("limit", "2"), ("recursive", "true"), ("skip", "2"), ("sortBy", "name")]


# --- the documentation's Knowledge Hub example, as written ----------------------------------------------------


def knowledge_hub(request: httpx.Request) -> httpx.Response:
    """The data-board folder and file routes, as the service answers them."""
    route = (request.method, raw_path(request))
    if route == ("POST", "/data-board/folders"):
        created = {"_id": "fold-1", **json.loads(request.content)}
        return httpx.Response(201, json={"success": True, "message": "Folder created successfully", "data": created})
    if route == ("GET", "/data-board/folders/search"):
        return httpx.Response(200, json={"success": True, "data": [{"_id": "fold-1", "name": "Q1 Reports"}]})
    if route == ("PUT", "/data-board/folders/fold-1"):
        return httpx.Response(200, json={"success": True, "data": {"_id": "fold-1", **json.loads(request.content)}})
    if route == ("POST", "/data-board/folders/delete"):
        return httpx.Response(200, json={"success": True, "data": {"deletedCount": 1}})
    if route == ("POST", "/data-board/files/upload"):
        return httpx.Response(200, json={"success": True, "data": {"_id": "file-1", "name": "doc.pdf"}})
    if route == ("GET", "/data-board/files/search"):
        found = [{"_id": "file-1", "folder_id": "fold-1"}, {"_id": "file-9", "folder_id": "elsewhere"}]
        return httpx.Response(200, json={"success": True, "data": found})
    return httpx.Response(404, json={"message": f"no route {route}"})


def test_knowledge_hub_example_runs_until_the_upload_without_a_folder(
    new_client: NewClient, kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The doc's folder calls go through (create_folder adds the organization); its upload has no folder, which the
    service rejects, so the SDK refuses it before sending; the upload with a folder then works, and search_files
    keeps the folder's files of the organization-wide search."""
    monkeypatch.chdir(tmp_path)
    Path("doc.pdf").write_bytes(PDF)
    harness, recorder = client_for(new_client, kind, knowledge_hub)
    client = Blocking(harness)

    # Folders
    folder = client.boards.create_folder({"name": "Q1 Reports"})
    folders = client.boards.search_folders()
    client.boards.update_folder(folder["_id"], {"name": "Q1 2025 Reports"})
    client.boards.delete_folders([folder["_id"]])

    # Files (knowledge base entries)
    with builtins.open("doc.pdf", "rb") as handle, pytest.raises(ValueError, match="upload_file needs a folder"):
        client.boards.upload_file(files={"file": handle})
    with builtins.open("doc.pdf", "rb") as handle:
        file = client.boards.upload_file(files={"file": handle}, folder_id=folder["_id"])
    files = client.boards.search_files(folder_id=folder["_id"])

    assert folder == {
        "_id": "fold-1",
        "name": "Q1 Reports",
        "source_type": "upload",
        "parent_folder_id": "root",
        "organization_id": "org-1",
    }
    assert folders == [{"_id": "fold-1", "name": "Q1 Reports"}]
    assert file == {"_id": "file-1", "name": "doc.pdf"}
    assert files == [{"_id": "file-1", "folder_id": "fold-1"}]
    assert [(r.method, raw_path(r)) for r in recorder.requests] == [
        ("POST", "/data-board/folders"),
        ("GET", "/data-board/folders/search"),
        ("PUT", "/data-board/folders/fold-1"),
        ("POST", "/data-board/folders/delete"),
        ("POST", "/data-board/files/upload"),
        ("GET", "/data-board/files/search"),
    ]
    assert json_body(recorder.requests[2]) == {"name": "Q1 2025 Reports"}
    assert json_body(recorder.requests[3]) == {"ids": ["fold-1"]}
    assert multipart(recorder.requests[4]) == {
        "file": ("doc.pdf", "application/pdf", PDF),
        "folder_id": (None, None, b"fold-1"),
        "organization_id": (None, None, b"org-1"),
    }
