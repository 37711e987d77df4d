"""`client.folders` on both clients: every method's request and its raw (not unwrapped) result, the creation defaults
the old package forgot, and the same requests as the `client.boards` folder methods with their different results."""

from __future__ import annotations

from pathlib import Path

import pytest
from namespace_support import Case, NewClient, cases, check_case, check_table_covered, client_for, responder, sent_body

SURFACE = Path(__file__).resolve().parent.parent / "surface" / "imbrace-surface.tsv"
H, HE = "../x?y=1#z", "..%2Fx%3Fy%3D1%23z"
U, UE = "dossier/ü", "dossier%2F%C3%BC"
FOLDER = {"_id": "f1", "name": "Q1 Reports", "server_only": 7}
ENVELOPE = {"success": True, "message": "ok", "data": FOLDER}
DETAIL = {"success": True, "data": {"folder": FOLDER, "subfolders": [], "files": [{"_id": "file-1"}]}}


CASES = [
    Case("search", path="/data-board/folders/search", reply={"success": True, "data": [FOLDER]}),
    Case(
        "search",
        ({"q": "Q1 & more", "limit": 10, "ignore_assistant": True, "organization_id": None},),
        path="/data-board/folders/search",
        query=[("ignore_assistant", "true"), ("limit", "10"), ("q", "Q1 & more")],
        reply={"data": []},
    ),
    Case("get", (H,), path=f"/data-board/folders/{HE}", reply=DETAIL),
    Case(
        "get",
        ("..",),
        kwargs={"recursive": True},
        path="/data-board/folders/%2E%2E",
        query=[("recursive", "true")],
        reply=DETAIL,
    ),
    Case("get_contents", (U,), path=f"/data-board/folders/{UE}/contents", reply=DETAIL),
    Case(
        "get_contents",
        (U,),
        kwargs={"skip": 20, "limit": 10, "sort_by": "created_time", "sort_order": "asc", "recursive": False, "q": "x"},
        path=f"/data-board/folders/{UE}/contents",
        query=[
            ("limit", "10"),
            ("q", "x"),
            ("recursive", "false"),
            ("skip", "20"),
            ("sortBy", "created_time"),
            ("sortOrder", "asc"),
        ],
        reply=DETAIL,
    ),
    Case(
        "create",
        ({"name": "Q1 Reports", "team_ids": ["t1"]},),
        http="POST",
        path="/data-board/folders",
        body={
            "source_type": "upload",
            "parent_folder_id": "root",
            "organization_id": "org-1",
            "name": "Q1 Reports",
            "team_ids": ["t1"],
        },
        reply=ENVELOPE,
    ),
    Case(
        "create",
        ({"name": "Sub", "parent_folder_id": "f0", "source_type": "upload"},),
        http="POST",
        path="/data-board/folders",
        body={"name": "Sub", "parent_folder_id": "f0", "source_type": "upload", "organization_id": "org-1"},
        reply=ENVELOPE,
    ),
    Case(
        "update",
        (H, {"name": "Q1 2025"}),
        http="PUT",
        path=f"/data-board/folders/{HE}",
        body={"name": "Q1 2025"},
        reply=ENVELOPE,
    ),
    Case(
        "delete",
        (["f1", H],),
        http="POST",
        path="/data-board/folders/delete",
        body={"ids": ["f1", H]},
        reply={"success": True},
    ),
    Case(
        "delete",
        (("f1",),),
        http="POST",
        path="/data-board/folders/delete",
        body={"ids": ["f1"]},
        reply={"success": True},
    ),
    Case(
        "delete", ("f1",), http="POST", path="/data-board/folders/delete", body={"ids": ["f1"]}, reply={"success": True}
    ),
]


@cases(CASES)
def test_request_and_raw_result(new_client: NewClient, kind: str, case: Case) -> None:
    check_case(new_client, kind, "folders", case)


def test_every_table_method_is_tested() -> None:
    assert check_table_covered("folders", CASES, set()) == {case.method for case in CASES} and len(CASES) > 6


# Each boards folder method sends exactly the request of its folders twin; only the result differs.
TWINS = [  # (the folders call and its reply, the boards twin and its result)
    (Case("search", ({"q": "Q1"},), reply={"data": [FOLDER]}), Case("search_folders", (None, "Q1"), result=[FOLDER])),
    (Case("get", (H,), {"recursive": False}, reply=DETAIL), Case("get_folder", (H, False), result=FOLDER)),
    (
        Case("get_contents", (H,), {"limit": 5}, reply=DETAIL),
        Case("get_folder_contents", (H,), {"limit": 5}, result=DETAIL["data"]),
    ),
    (Case("create", ({"name": "Q1"},), reply=ENVELOPE), Case("create_folder", ({"name": "Q1"},), result=FOLDER)),
    (Case("update", (H, {"name": "Q2"}), reply=ENVELOPE), Case("update_folder", (H, {"name": "Q2"}), result=FOLDER)),
    (Case("delete", (["f1"],), reply={"success": True}), Case("delete_folders", (["f1"],), result={"success": True})),
]


@pytest.mark.parametrize(("case", "twin"), TWINS, ids=[case.method for case, _ in TWINS])
def test_boards_twin_sends_the_same_request_and_unwraps(
    new_client: NewClient, kind: str, case: Case, twin: Case
) -> None:
    harness, recorder = client_for(new_client, kind, responder(case.reply))
    raw = harness.call(getattr(harness.client.folders, case.method), *case.args, **case.kwargs)
    unwrapped = harness.call(getattr(harness.client.boards, twin.method), *twin.args, **twin.kwargs)
    first, second = recorder.requests
    assert (first.method, str(first.url), first.content) == (second.method, str(second.url), second.content)
    assert raw == case.reply
    assert unwrapped == twin.result


def test_create_defaults_do_not_override_or_mutate(new_client: NewClient, kind: str) -> None:
    harness, recorder = client_for(new_client, kind, responder(ENVELOPE))
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
    anonymous, recorder = client_for(new_client, kind, responder(ENVELOPE), organization_id=None)
    for create in (anonymous.client.folders.create, anonymous.client.boards.create_folder):
        with pytest.raises(ValueError, match="creating a folder needs organization_id"):
            anonymous.call(create, {"name": "Q1"})
    assert recorder.requests == []
    anonymous.call(anonymous.client.folders.create, {"name": "Q1", "organization_id": "org-9"})
    assert sent_body(recorder.requests[0])["organization_id"] == "org-9"
