"""`client.boards` on both clients: method, exact path, query, body and result of every call; uploads, downloads,
the lazy iterators and the documentation's Knowledge Hub example."""

from __future__ import annotations

import builtins
import copy
import csv
import inspect
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from namespace_support import GATEWAY, Blocking, NewClient, Stepper, client_for, json_body, multipart, query, raw_path

from imbrace import NotFoundError
from imbrace._async.resources.boards import AsyncBoardsResource
from imbrace._sync.resources.boards import BoardsResource

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


def replying(reply: Any) -> Callable[[httpx.Request], httpx.Response]:
    if callable(reply):
        return lambda request: reply()
    return lambda request: httpx.Response(200, json=reply)


# --- every JSON method: method, exact path, query, body, result ------------------------------------------------

NO_BODY = object()
Q = list[tuple[str, str]]
CASES: list[tuple[str, tuple[Any, ...], dict[str, Any], str, str, Q, Any, Any, Any]] = [
    # (method, args, kwargs, HTTP method, raw path, query, JSON body sent (NO_BODY: none), reply, result)
    # boards
    (
        "list",
        (),
        {},
        "GET",
        "/data-board/boards",
        [("limit", "20"), ("skip", "0")],
        NO_BODY,
        {"data": [BOARD], "total": 1},
        {"data": [BOARD], "total": 1},
    ),
    (
        "list",
        (5, 10),
        {"search": "le ads&x=1", "hidden": True, "category_id": "c1", "sort": "name", "types": ["DocumentAI", "Tasks"]},
        "GET",
        "/data-board/boards",
        [
            ("category_id", "c1"),
            ("hidden", "true"),
            ("limit", "5"),
            ("search", "le ads&x=1"),
            ("skip", "10"),
            ("sort", "name"),
            ("types", "DocumentAI"),
            ("types", "Tasks"),
        ],
        NO_BODY,
        {"data": []},
        {"data": []},
    ),
    (
        "list",
        (),
        {"hidden": False},
        "GET",
        "/data-board/boards",
        [("hidden", "false"), ("limit", "20"), ("skip", "0")],
        NO_BODY,
        {"data": []},
        {"data": []},
    ),
    ("get", (H,), {}, "GET", f"/data-board/boards/{HE}", [], NO_BODY, {"data": BOARD}, {"data": BOARD}),
    ("get", ("..",), {}, "GET", "/data-board/boards/%2E%2E", [], NO_BODY, BOARD, BOARD),
    ("create", ("Leads",), {}, "POST", "/data-board/boards", [], {"name": "Leads"}, BOARD, BOARD),
    (
        "create",
        ("Invoices", "Scanned invoices"),
        {
            "type": "DocumentAI",
            "fields": [{"name": "Total", "type": "Number"}],
            "team_ids": ("t1", "t2"),
            "show_id": False,
            "category": "finance",
            "extra": {"color": "red", "hidden": None},
        },
        "POST",
        "/data-board/boards",
        [],
        {
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
        {"data": BOARD},
        {"data": BOARD},
    ),
    (
        "update",
        (S, {"name": "Leads 2025"}),
        {},
        "PATCH",
        f"/data-board/boards/{SE}",
        [],
        {"name": "Leads 2025"},
        BOARD,
        BOARD,
    ),
    ("delete", (U,), {}, "DELETE", f"/data-board/boards/{UE}", [], NO_BODY, raw(204), None),
    ("delete", (U,), {}, "DELETE", f"/data-board/boards/{UE}", [], NO_BODY, {"success": True}, None),
    (
        "reorder",
        ({"boardIds": ["b2", "b1"]},),
        {},
        "POST",
        "/data-board/boards/reorder",
        [],
        {"boardIds": ["b2", "b1"]},
        OK,
        OK,
    ),
    (
        "export_csv",
        (H,),
        {},
        "GET",
        f"/data-board/boards/{HE}/export_csv",
        [],
        NO_BODY,
        raw(200, text="Name,Total\nAda,1\n", headers={"content-type": "text/csv"}),
        "Name,Total\nAda,1\n",
    ),
    (
        "export_csv",
        (H, {"from": "2025-01-01", "all": True, "skip": None}),
        {},
        "GET",
        f"/data-board/boards/{HE}/export_csv",
        [("all", "true"), ("from", "2025-01-01")],
        NO_BODY,
        raw(200, content=b"42"),
        "42",
    ),
    (
        "get_import_progress",
        (H,),
        {},
        "GET",
        f"/data-board/boards/{HE}/import_progress",
        [],
        NO_BODY,
        {"progress": 0.5},
        {"progress": 0.5},
    ),
    # fields
    (
        "create_field",
        (H, {"name": "Email", "type": "Email", "options": []}),
        {},
        "POST",
        f"/data-board/boards/{HE}/fields",
        [],
        {"name": "Email", "type": "Email", "options": []},
        {"_id": "fd1"},
        {"_id": "fd1"},
    ),
    (
        "update_field",
        (H, S, {"name": "Work email"}),
        {},
        "PATCH",
        f"/data-board/boards/{HE}/fields/{SE}",
        [],
        {"name": "Work email"},
        {"_id": "fd1"},
        {"_id": "fd1"},
    ),
    (
        "delete_field",
        (H, S),
        {},
        "DELETE",
        f"/data-board/boards/{HE}/fields/{SE}",
        [],
        NO_BODY,
        raw(204),
        None,
    ),
    (
        "reorder_fields",
        (H, {"fieldIds": ["f2", "f1"]}),
        {},
        "POST",
        f"/data-board/boards/{HE}/fields/reorder",
        [],
        {"fieldIds": ["f2", "f1"]},
        OK,
        OK,
    ),
    (
        "bulk_update_fields",
        (U, {"fields": [{"_id": "f1", "name": "Name"}]}),
        {},
        "PATCH",
        f"/data-board/boards/{UE}/fields/bulk",
        [],
        {"fields": [{"_id": "f1", "name": "Name"}]},
        OK,
        OK,
    ),
    # items
    (
        "list_items",
        (H,),
        {},
        "GET",
        f"/data-board/boards/{HE}/items",
        [("limit", "20"), ("skip", "0")],
        NO_BODY,
        {"data": [ITEM], "total": 1},
        {"data": [ITEM], "total": 1},
    ),
    (
        "list_items",
        (H, 5, 15),
        {"filter": {"Name": "Ada"}, "sort": "-created_at", "include_parent": True},
        "GET",
        f"/data-board/boards/{HE}/items",
        [
            ("filter", '{"Name":"Ada"}'),
            ("include_parent", "true"),
            ("limit", "5"),
            ("skip", "15"),
            ("sort", "-created_at"),
        ],
        NO_BODY,
        {"data": []},
        {"data": []},
    ),
    ("get_item", (H, S), {}, "GET", f"/data-board/boards/{HE}/items/{SE}", [], NO_BODY, {"data": ITEM}, {"data": ITEM}),
    (
        "create_item",
        (H, {"fields": [{"board_field_id": "f1", "value": "Ada"}]}),
        {},
        "POST",
        f"/data-board/boards/{HE}/items",
        [],
        {"fields": [{"board_field_id": "f1", "value": "Ada"}]},
        ITEM,
        ITEM,
    ),
    (
        "update_item",
        (H, S, {"data": [{"key": "Name", "value": "Grace"}]}),
        {},
        "PATCH",
        f"/data-board/boards/{HE}/items/{SE}",
        [],
        {"data": [{"key": "Name", "value": "Grace"}]},
        ITEM,
        ITEM,
    ),
    (
        "delete_item",
        (H, S),
        {},
        "DELETE",
        f"/data-board/boards/{HE}/items/{SE}",
        [],
        NO_BODY,
        raw(204),
        None,
    ),
    (
        "bulk_delete_items",
        (H, {"ids": ["i1", "i2"]}),
        {},
        "DELETE",
        f"/data-board/boards/{HE}/items/bulk-delete",
        [],
        {"ids": ["i1", "i2"]},
        {"deletedCount": 2},
        {"deletedCount": 2},
    ),
    (
        "get_related_items",
        (H, S, U),
        {},
        "GET",
        f"/data-board/boards/{HE}/items/{SE}/related/{UE}",
        [],
        NO_BODY,
        {"data": [ITEM], "total": 1},
        [ITEM],
    ),
    (
        "get_related_items",
        (H, S, U),
        {"link": "linked", "name": "Ad", "skip": 0, "limit": 5},
        "GET",
        f"/data-board/boards/{HE}/items/{SE}/related/{UE}",
        [("limit", "5"), ("link", "linked"), ("name", "Ad"), ("skip", "0")],
        NO_BODY,
        [ITEM],
        [ITEM],
    ),
    (
        "link_items",
        (H, S, "rb1", {"relatedItemIds": ["i9"], "note": "kept", "relatedBoardId": "overridden"}),
        {},
        "POST",
        f"/data-board/boards/{HE}/items/{SE}/related",
        [],
        {"relatedItemIds": ["i9"], "note": "kept", "relatedBoardId": "rb1"},
        OK,
        OK,
    ),
    (
        "link_items",
        (H, S, "rb1", {"ids": ["i8"]}),
        {},
        "POST",
        f"/data-board/boards/{HE}/items/{SE}/related",
        [],
        {"relatedBoardId": "rb1", "ids": ["i8"]},
        OK,
        OK,
    ),
    (
        "unlink_items",
        (H, S, "rb1", {"relatedItemIds": ["i9"], "mode": "both"}),
        {},
        "DELETE",
        f"/data-board/boards/{HE}/items/{SE}/related",
        [],
        {"relatedItemIds": ["i9"], "mode": "both", "relatedBoardId": "rb1"},
        OK,
        OK,
    ),
    # search and segments
    (
        "search",
        (H,),
        {},
        "POST",
        f"/data-board/search/{HE}",
        [],
        {"limit": 100, "offset": 0},
        {"success": True, "message": {"hits": [ITEM], "estimatedTotalHits": 1}},
        {"success": True, "message": {"hits": [ITEM], "estimatedTotalHits": 1}},
    ),
    ("search", (H, ""), {}, "POST", f"/data-board/search/{HE}", [], {"limit": 100, "offset": 0}, OK, OK),
    (
        "search",
        (H, "acme", 10, 20),
        {"filter": "status = open", "sort": "name:asc"},
        "POST",
        f"/data-board/search/{HE}",
        [],
        {"limit": 10, "offset": 20, "q": "acme", "filter": "status = open", "sort": ["name:asc"]},
        OK,
        OK,
    ),
    ("list_segments", (H,), {}, "GET", f"/data-board/boards/{HE}/segmentation", [], NO_BODY, [SEGMENT], [SEGMENT]),
    (
        "create_segment",
        (H, {"name": "VIP", "filters": [{"field": "tier", "value": "gold"}]}),
        {},
        "POST",
        f"/data-board/boards/{HE}/segmentation",
        [],
        {"name": "VIP", "filters": [{"field": "tier", "value": "gold"}]},
        {"data": SEGMENT},
        {"data": SEGMENT},
    ),
    (
        "update_segment",
        (H, S, {"name": "VIP 2025"}),
        {},
        "PUT",
        f"/data-board/boards/{HE}/segmentation/{SE}",
        [],
        {"name": "VIP 2025"},
        SEGMENT,
        SEGMENT,
    ),
    (
        "delete_segment",
        (H, S),
        {},
        "DELETE",
        f"/data-board/boards/{HE}/segmentation/{SE}",
        [],
        NO_BODY,
        raw(204),
        None,
    ),
    # Knowledge Hub folders: unwrapped
    (
        "search_folders",
        (),
        {},
        "GET",
        "/data-board/folders/search",
        [],
        NO_BODY,
        {"success": True, "data": [FOLDER]},
        [FOLDER],
    ),
    ("search_folders", ("", ""), {}, "GET", "/data-board/folders/search", [], NO_BODY, {"data": []}, []),
    (
        "search_folders",
        ("org-9", "Q1"),
        {"limit": 5},
        "GET",
        "/data-board/folders/search",
        [("limit", "5"), ("organization_id", "org-9"), ("q", "Q1")],
        NO_BODY,
        {"data": [FOLDER]},
        [FOLDER],
    ),
    (
        "get_folder",
        (H,),
        {},
        "GET",
        f"/data-board/folders/{HE}",
        [],
        NO_BODY,
        {"success": True, "data": {"folder": FOLDER, "subfolders": [], "recursive": False}},
        FOLDER,
    ),
    (
        "get_folder",
        (H, True),
        {},
        "GET",
        f"/data-board/folders/{HE}",
        [("recursive", "true")],
        NO_BODY,
        {"data": FOLDER},
        FOLDER,
    ),
    (
        "get_folder",
        (H,),
        {"recursive": False},
        "GET",
        f"/data-board/folders/{HE}",
        [("recursive", "false")],
        NO_BODY,
        FOLDER,
        FOLDER,
    ),
    (
        "create_folder",
        ({"name": "Q1 Reports"},),
        {},
        "POST",
        "/data-board/folders",
        [],
        {"source_type": "upload", "parent_folder_id": "root", "organization_id": "org-1", "name": "Q1 Reports"},
        {"success": True, "data": FOLDER},
        FOLDER,
    ),
    (
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
        {},
        "POST",
        "/data-board/folders",
        [],
        {"name": "Sub", "parent_folder_id": "f1", "source_type": "upload2", "organization_id": "o", "team_ids": ["t"]},
        {"data": FOLDER},
        FOLDER,
    ),
    (
        "update_folder",
        (S, {"name": "Q1 2025"}),
        {},
        "PUT",
        f"/data-board/folders/{SE}",
        [],
        {"name": "Q1 2025"},
        {"data": FOLDER},
        FOLDER,
    ),
    (
        "delete_folders",
        (["f1", S],),
        {},
        "POST",
        "/data-board/folders/delete",
        [],
        {"ids": ["f1", S]},
        {"success": True, "data": {"deletedCount": 2}},
        {"success": True, "data": {"deletedCount": 2}},
    ),
    ("delete_folders", ("f1",), {}, "POST", "/data-board/folders/delete", [], {"ids": ["f1"]}, OK, OK),
    (
        "get_folder_contents",
        (H,),
        {},
        "GET",
        f"/data-board/folders/{HE}/contents",
        [],
        NO_BODY,
        {"data": {"folder": FOLDER, "subfolders": [], "files": [FILE]}},
        {"folder": FOLDER, "subfolders": [], "files": [FILE]},
    ),
    (
        "get_folder_contents",
        (H,),
        {"skip": 0, "limit": 10, "sort_by": "name", "sort_order": "desc", "recursive": True, "q": "doc"},
        "GET",
        f"/data-board/folders/{HE}/contents",
        [
            ("limit", "10"),
            ("q", "doc"),
            ("recursive", "true"),
            ("skip", "0"),
            ("sortBy", "name"),
            ("sortOrder", "desc"),
        ],
        NO_BODY,
        {"data": {"files": []}},
        {"files": []},
    ),
    # Knowledge Hub files
    (
        "search_files",
        (),
        {"folder_id": "f1"},
        "GET",
        "/data-board/files/search",
        [("folder_id", "f1")],
        NO_BODY,
        {"data": [FILE, {**FILE, "_id": "file-2", "folder_id": "elsewhere"}]},
        [FILE],
    ),
    (
        "search_files",
        ("f1",),
        {"q": "doc", "limit": 3},
        "GET",
        "/data-board/files/search",
        [("folder_id", "f1"), ("limit", "3"), ("q", "doc")],
        NO_BODY,
        {"data": []},
        [],
    ),
    ("get_file", (H,), {}, "GET", f"/data-board/files/{HE}", [], NO_BODY, {"data": FILE}, FILE),
    ("get_file", (H,), {}, "GET", f"/data-board/files/{HE}", [], NO_BODY, FILE, FILE),
    (
        "create_file",
        ({"organization_id": "o", "folder_id": "f1", "key": "kb/a.txt", "file_type": "txt", "file_size": 5},),
        {},
        "POST",
        "/data-board/files",
        [],
        {"organization_id": "o", "folder_id": "f1", "key": "kb/a.txt", "file_type": "txt", "file_size": 5},
        {"data": FILE},
        FILE,
    ),
    (
        "update_file",
        (H, {"name": "new.pdf"}),
        {},
        "PUT",
        f"/data-board/files/{HE}",
        [],
        {"name": "new.pdf"},
        {"data": FILE},
        FILE,
    ),
    ("delete_files", (["file-1"],), {}, "POST", "/data-board/files/delete", [], {"ids": ["file-1"]}, OK, OK),
    (
        "generate_ai_tags",
        ({"folder_name": "Q1", "description": "Quarterly revenue"},),
        {},
        "POST",
        "/data-board/ai/tag-generation",
        [],
        {"folder_name": "Q1", "description": "Quarterly revenue"},
        {"data": {"tags": ["finance"]}},
        {"tags": ["finance"]},
    ),
    (
        "get_link_preview",
        ("https://imbrace.co/?a=1",),
        {},
        "POST",
        "/data-board/link_preview/getWebsiteInfo",
        [],
        {"url": "https://imbrace.co/?a=1"},
        {"success": True, "data": {"title": "iMBrace"}},
        {"success": True, "data": {"title": "iMBrace"}},
    ),
    (
        "get_link_preview",
        ("https://unreachable.example",),
        {},
        "POST",
        "/data-board/link_preview/getWebsiteInfo",
        [],
        {"url": "https://unreachable.example"},
        raw(204),
        None,
    ),
    # drives: drive_type is a path segment like any other
    (
        "initiate_drive_auth",
        (S,),
        {},
        "GET",
        f"/data-board/auth/{SE}/initiate",
        [],
        NO_BODY,
        {"auth_url": "u"},
        {"auth_url": "u"},
    ),
    (
        "initiate_drive_auth",
        ("onedrive",),
        {"session_id": "s-1"},
        "GET",
        "/data-board/auth/onedrive/initiate",
        [("sessionId", "s-1")],
        NO_BODY,
        {},
        {},
    ),
    ("list_drive_folders", (S,), {}, "GET", f"/data-board/{SE}/folders", [], NO_BODY, {"data": []}, {"data": []}),
    (
        "list_drive_folders",
        ("onedrive", {"parent_id": "root", "shared": False, "cursor": None}),
        {},
        "GET",
        "/data-board/onedrive/folders",
        [("parent_id", "root"), ("shared", "false")],
        NO_BODY,
        [{"id": "d1"}],
        [{"id": "d1"}],
    ),
    (
        "list_drive_files",
        (H, {"folder_id": "x"}),
        {},
        "GET",
        f"/data-board/{HE}/files",
        [("folder_id", "x")],
        NO_BODY,
        {"data": [{"id": "d2"}]},
        {"data": [{"id": "d2"}]},
    ),
    (
        "get_onedrive_session_status",
        (),
        {},
        "GET",
        "/data-board/auth/onedrive/files/session/status",
        [],
        NO_BODY,
        {"active": True},
        {"active": True},
    ),
]


@pytest.mark.parametrize(
    ("method", "args", "kwargs", "http_method", "path", "params", "body", "reply", "result"),
    CASES,
    ids=[f"{case[0]}-{index}" for index, case in enumerate(CASES)],
)
def test_request_and_result(
    new_client: NewClient,
    kind: str,
    method: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    http_method: str,
    path: str,
    params: Q,
    body: Any,
    reply: Any,
    result: Any,
) -> None:
    harness, recorder = client_for(new_client, kind, replying(reply))
    given_args, given_kwargs = copy.deepcopy(args), copy.deepcopy(kwargs)
    got = harness.call(getattr(harness.client.boards, method), *args, **kwargs)
    [request] = recorder.requests
    assert request.method == http_method
    assert str(request.url).startswith(f"{GATEWAY}/data-board/")
    assert raw_path(request) == path
    assert query(request) == params
    if body is NO_BODY:
        assert request.content == b""
    else:
        assert json_body(request) == body
    assert got == result
    assert (args, kwargs) == (given_args, given_kwargs), "the caller's arguments were changed"


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


def table_methods(namespace: str) -> list[str]:
    with SURFACE.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [row["python_method"] for row in rows if row["namespace"] == namespace]


def test_every_table_method_exists_on_both_clients_and_is_tested() -> None:
    methods = table_methods("boards")
    assert len(methods) == 51
    tested = {case[0] for case in CASES} | OTHER_TESTS
    assert set(methods) <= tested, sorted(set(methods) - tested)
    for name in [*methods, "iter_boards", "iter_items", "iter_folder_files", "download_file_to", "import_file"]:
        async_method = getattr(AsyncBoardsResource, name)
        sync_method = getattr(BoardsResource, name)
        assert inspect.iscoroutinefunction(async_method) or inspect.isasyncgenfunction(async_method), name
        assert not inspect.iscoroutinefunction(sync_method) and not inspect.isasyncgenfunction(sync_method), name
        for method in (async_method, sync_method):
            parameters = list(inspect.signature(method).parameters.values())
            assert parameters[-1].name == "options" and parameters[-1].kind is inspect.Parameter.VAR_KEYWORD, name
            assert (method.__doc__ or "").split("\n", 1)[0].split(" ", 1)[0] in {
                "GET",
                "POST",
                "PUT",
                "PATCH",
                "DELETE",
            }
            assert "Example: `" in (method.__doc__ or ""), name


def test_per_call_options_reach_the_request(new_client: NewClient, kind: str) -> None:
    harness, recorder = client_for(new_client, kind, replying({"data": FOLDER}))
    harness.call(harness.client.boards.get_folder, "f1", extra_headers={"x-trace": "t1"}, extra_query={"debug": "1"})
    [request] = recorder.requests
    assert request.headers["x-trace"] == "t1"
    assert query(request) == [("debug", "1")]


def test_create_sends_the_old_extra_keywords_in_the_body_and_keeps_options_apart(
    new_client: NewClient, kind: str
) -> None:
    harness, recorder = client_for(new_client, kind, replying(BOARD))
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
    harness, _ = client_for(new_client, kind, replying(raw(404, json={"message": "Folder not found"})))
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
    harness, recorder = client_for(new_client, kind, replying({"url": "https://files.test/doc.pdf"}))
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
    harness, recorder = client_for(new_client, kind, replying({"success": True, "data": FILE}))
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
    harness, recorder = client_for(new_client, kind, replying({"data": FILE}))
    harness.call(harness.client.boards.upload_file, pdf, "f1", organization_id="org-2")
    assert multipart(recorder.requests[-1])["organization_id"] == (None, None, b"org-2")
    anonymous, anonymous_recorder = client_for(new_client, kind, replying({"data": FILE}), organization_id=None)
    anonymous.call(anonymous.client.boards.upload_file, io.BytesIO(PDF), "f1")
    assert set(multipart(anonymous_recorder.requests[-1])) == {"file", "folder_id"}


def test_upload_file_keeps_the_old_form_field_entries(new_client: NewClient, kind: str) -> None:
    harness, recorder = client_for(new_client, kind, replying({"data": FILE}))
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
    harness, recorder = client_for(new_client, kind, replying(raw(200, content=BLOB)))
    response = harness.call(harness.client.boards.download_file, H)
    [request] = recorder.requests
    assert (request.method, raw_path(request)) == ("GET", f"/data-board/files/{HE}/download")
    assert isinstance(response, httpx.Response)
    assert response.content == BLOB


def test_download_drive_file_returns_the_read_response(new_client: NewClient, kind: str) -> None:
    harness, recorder = client_for(new_client, kind, replying(raw(200, content=b"drive bytes")))
    response = harness.call(harness.client.boards.download_drive_file, S, {"file_id": "x 1", "skip": None})
    [request] = recorder.requests
    assert (request.method, raw_path(request), query(request)) == (
        "GET",
        f"/data-board/{SE}/files/download",
        [("file_id", "x 1")],
    )
    assert response.content == b"drive bytes"


def test_download_file_to_streams_the_bytes_to_the_path(new_client: NewClient, kind: str, tmp_path: Path) -> None:
    harness, recorder = client_for(new_client, kind, replying(raw(200, content=BLOB)))
    target = tmp_path / "out.bin"
    written = harness.call(harness.client.boards.download_file_to, H, str(target))
    assert written == target
    assert target.read_bytes() == BLOB
    assert raw_path(recorder.requests[0]) == f"/data-board/files/{HE}/download"


def test_download_drive_file_to_streams_the_bytes_to_the_path(new_client: NewClient, kind: str, tmp_path: Path) -> None:
    harness, recorder = client_for(new_client, kind, replying(raw(200, content=BLOB)))
    target = tmp_path / "drive.bin"
    assert harness.call(harness.client.boards.download_drive_file_to, "onedrive", target, {"file_id": "x"}) == target
    assert target.read_bytes() == BLOB
    assert query(recorder.requests[0]) == [("file_id", "x")]


def test_download_file_to_raises_and_writes_nothing_on_error(new_client: NewClient, kind: str, tmp_path: Path) -> None:
    harness, _ = client_for(new_client, kind, replying(raw(404, json={"message": "no file"})))
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
