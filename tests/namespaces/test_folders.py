"""`client.folders` on both clients: every method's request and its raw (not unwrapped) result, the creation defaults
the old package forgot, and the same requests as the `client.boards` folder methods with their different results."""

from __future__ import annotations

import copy
import csv
import inspect
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from namespace_support import GATEWAY, NewClient, query, raw_path

from imbrace._async.resources.folders import AsyncFoldersResource
from imbrace._sync.resources.folders import FoldersResource

from helpers import Harness, Recorder

SURFACE = Path(__file__).resolve().parent.parent / "surface" / "imbrace-surface.tsv"
H, HE = "../x?y=1#z", "..%2Fx%3Fy%3D1%23z"
U, UE = "dossier/ü", "dossier%2F%C3%BC"
FOLDER = {"_id": "f1", "name": "Q1 Reports", "server_only": 7}
ENVELOPE = {"success": True, "message": "ok", "data": FOLDER}
DETAIL = {"success": True, "data": {"folder": FOLDER, "subfolders": [], "files": [{"_id": "file-1"}]}}
NO_BODY = object()


def client_for(new_client: NewClient, kind: str, reply: Any, **settings: Any) -> tuple[Harness, Recorder]:
    recorder = Recorder(lambda request: httpx.Response(200, json=reply))
    settings = {"api_key": "key-1", "organization_id": "org-1", **settings}
    harness = new_client(gateway=GATEWAY, http_client=recorder.http_client(kind), max_retries=0, **settings)
    return harness, recorder


def sent_body(request: httpx.Request) -> Any:
    if not request.content:
        return NO_BODY
    assert request.headers["content-type"] == "application/json"
    return json.loads(request.content)


CASES: list[tuple[str, tuple[Any, ...], dict[str, Any], str, str, list[tuple[str, str]], Any, Any]] = [
    # (method, args, kwargs, HTTP method, raw path, query, JSON body (NO_BODY: none), reply = result)
    ("search", (), {}, "GET", "/data-board/folders/search", [], NO_BODY, {"success": True, "data": [FOLDER]}),
    (
        "search",
        ({"q": "Q1 & more", "limit": 10, "ignore_assistant": True, "organization_id": None},),
        {},
        "GET",
        "/data-board/folders/search",
        [("ignore_assistant", "true"), ("limit", "10"), ("q", "Q1 & more")],
        NO_BODY,
        {"data": []},
    ),
    ("get", (H,), {}, "GET", f"/data-board/folders/{HE}", [], NO_BODY, DETAIL),
    (
        "get",
        ("..",),
        {"recursive": True},
        "GET",
        "/data-board/folders/%2E%2E",
        [("recursive", "true")],
        NO_BODY,
        DETAIL,
    ),
    ("get_contents", (U,), {}, "GET", f"/data-board/folders/{UE}/contents", [], NO_BODY, DETAIL),
    (
        "get_contents",
        (U,),
        {"skip": 20, "limit": 10, "sort_by": "created_time", "sort_order": "asc", "recursive": False, "q": "x"},
        "GET",
        f"/data-board/folders/{UE}/contents",
        [
            ("limit", "10"),
            ("q", "x"),
            ("recursive", "false"),
            ("skip", "20"),
            ("sortBy", "created_time"),
            ("sortOrder", "asc"),
        ],
        NO_BODY,
        DETAIL,
    ),
    (
        "create",
        ({"name": "Q1 Reports", "team_ids": ["t1"]},),
        {},
        "POST",
        "/data-board/folders",
        [],
        {
            "source_type": "upload",
            "parent_folder_id": "root",
            "organization_id": "org-1",
            "name": "Q1 Reports",
            "team_ids": ["t1"],
        },
        ENVELOPE,
    ),
    (
        "create",
        ({"name": "Sub", "parent_folder_id": "f0", "source_type": "upload"},),
        {},
        "POST",
        "/data-board/folders",
        [],
        {"name": "Sub", "parent_folder_id": "f0", "source_type": "upload", "organization_id": "org-1"},
        ENVELOPE,
    ),
    ("update", (H, {"name": "Q1 2025"}), {}, "PUT", f"/data-board/folders/{HE}", [], {"name": "Q1 2025"}, ENVELOPE),
    ("delete", (["f1", H],), {}, "POST", "/data-board/folders/delete", [], {"ids": ["f1", H]}, {"success": True}),
    ("delete", (("f1",),), {}, "POST", "/data-board/folders/delete", [], {"ids": ["f1"]}, {"success": True}),
    ("delete", ("f1",), {}, "POST", "/data-board/folders/delete", [], {"ids": ["f1"]}, {"success": True}),
]


@pytest.mark.parametrize(
    ("method", "args", "kwargs", "http_method", "path", "params", "body", "reply"),
    CASES,
    ids=[f"{case[0]}-{index}" for index, case in enumerate(CASES)],
)
def test_request_and_raw_result(
    new_client: NewClient,
    kind: str,
    method: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    http_method: str,
    path: str,
    params: list[tuple[str, str]],
    body: Any,
    reply: Any,
) -> None:
    harness, recorder = client_for(new_client, kind, reply)
    given = copy.deepcopy((args, kwargs))
    got = harness.call(getattr(harness.client.folders, method), *args, **kwargs)
    [request] = recorder.requests
    assert (request.method, raw_path(request), query(request)) == (http_method, path, params)
    assert str(request.url).startswith(f"{GATEWAY}/data-board/folders")
    assert sent_body(request) == body
    assert got == reply, "folders.* returns the reply as sent, not unwrapped"
    assert (args, kwargs) == given, "the caller's arguments were changed"


def test_every_table_method_exists_on_both_clients_and_is_tested() -> None:
    with SURFACE.open(encoding="utf-8") as handle:
        methods = [
            row["python_method"] for row in csv.DictReader(handle, delimiter="\t") if row["namespace"] == "folders"
        ]
    assert sorted(methods) == sorted({case[0] for case in CASES}) and len(methods) == 6
    for name in methods:
        assert inspect.iscoroutinefunction(getattr(AsyncFoldersResource, name)), name
        assert not inspect.iscoroutinefunction(getattr(FoldersResource, name)), name
        for method in (getattr(AsyncFoldersResource, name), getattr(FoldersResource, name)):
            last = list(inspect.signature(method).parameters.values())[-1]
            assert (last.name, last.kind) == ("options", inspect.Parameter.VAR_KEYWORD), name
            assert "Example: `" in (method.__doc__ or ""), name


# Each boards folder method sends exactly the request of its folders twin; only the result differs.
TWINS: list[tuple[str, tuple[Any, ...], dict[str, Any], str, tuple[Any, ...], dict[str, Any], Any, Any]] = [
    # (folders method, args, kwargs, boards method, args, kwargs, reply, boards result)
    ("search", ({"q": "Q1"},), {}, "search_folders", (None, "Q1"), {}, {"data": [FOLDER]}, [FOLDER]),
    ("get", (H,), {"recursive": False}, "get_folder", (H, False), {}, DETAIL, FOLDER),
    ("get_contents", (H,), {"limit": 5}, "get_folder_contents", (H,), {"limit": 5}, DETAIL, DETAIL["data"]),
    ("create", ({"name": "Q1"},), {}, "create_folder", ({"name": "Q1"},), {}, ENVELOPE, FOLDER),
    ("update", (H, {"name": "Q2"}), {}, "update_folder", (H, {"name": "Q2"}), {}, ENVELOPE, FOLDER),
    ("delete", (["f1"],), {}, "delete_folders", (["f1"],), {}, {"success": True}, {"success": True}),
]


@pytest.mark.parametrize(
    ("method", "args", "kwargs", "twin", "twin_args", "twin_kwargs", "reply", "twin_result"),
    TWINS,
    ids=[case[0] for case in TWINS],
)
def test_boards_twin_sends_the_same_request_and_unwraps(
    new_client: NewClient,
    kind: str,
    method: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    twin: str,
    twin_args: tuple[Any, ...],
    twin_kwargs: dict[str, Any],
    reply: Any,
    twin_result: Any,
) -> None:
    harness, recorder = client_for(new_client, kind, reply)
    raw = harness.call(getattr(harness.client.folders, method), *args, **kwargs)
    unwrapped = harness.call(getattr(harness.client.boards, twin), *twin_args, **twin_kwargs)
    first, second = recorder.requests
    assert (first.method, str(first.url), first.content) == (second.method, str(second.url), second.content)
    assert raw == reply
    assert unwrapped == twin_result


def test_create_defaults_do_not_override_or_mutate(new_client: NewClient, kind: str) -> None:
    harness, recorder = client_for(new_client, kind, ENVELOPE)
    body = {"name": "Shared", "parent_folder_id": None}
    harness.call(harness.client.folders.create, body, extra_headers={"x-trace": "t"})
    [request] = recorder.requests
    assert sent_body(request) == {
        "source_type": "upload",
        "parent_folder_id": None,
        "organization_id": "org-1",
        "name": "Shared",
    }
    assert request.headers["x-trace"] == "t"
    assert body == {"name": "Shared", "parent_folder_id": None}


def test_create_needs_an_organization_and_the_body_may_name_its_own(new_client: NewClient, kind: str) -> None:
    """The service reads organization_id from the body (a folder without one is a 500 there): refused before
    sending when neither the body nor the client has one; the body's own wins."""
    anonymous, recorder = client_for(new_client, kind, ENVELOPE, organization_id=None)
    for create in (anonymous.client.folders.create, anonymous.client.boards.create_folder):
        with pytest.raises(ValueError, match="creating a folder needs organization_id"):
            anonymous.call(create, {"name": "Q1"})
    assert recorder.requests == []
    anonymous.call(anonymous.client.folders.create, {"name": "Q1", "organization_id": "org-9"})
    assert sent_body(recorder.requests[0])["organization_id"] == "org-9"
