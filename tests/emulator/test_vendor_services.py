"""The vendor services on the emulator: every operation routed, the generic handler's records, pages, errors and
replies, the hand-written overrides, the gateway's auth, and the journal."""

from __future__ import annotations

import json

import httpx
import pytest
from spec_support import check_response

from imbrace._vendor_specs import vendor_operations
from imbrace.emulator import Emulator
from imbrace.emulator.handlers import HANDLERS
from imbrace.emulator.resources import role_of
from imbrace.emulator.routing import Router
from imbrace.emulator.samples import sample
from imbrace.emulator.specs import VENDOR, Operation, load_spec, operations

CONTACTS = "/channel-service/v1/contacts"
FLOWS = "/activepieces/v1/flows"


def _op(operation_id: str) -> Operation:
    return next(op for op in operations() if op.operation_id == operation_id)


def test_every_vendor_operation_is_routed_to_a_handler() -> None:
    router, routed = Router(operations()), set()
    for vendor in vendor_operations():
        filled = "/".join("v%2F1" if s.startswith("{") else s for s in vendor.route.split("/"))
        match = router.match(vendor.method, filled)
        assert match is not None, vendor.key
        assert match.operation.method == vendor.method
        routed.add(vendor.operation_id)
        served_by_ours = match.operation.service not in VENDOR
        assert served_by_ours or match.operation.operation_id == vendor.operation_id, vendor.key
        assert all(value == "v/1" for value in match.params.values())
    assert len(routed) == 272


def test_overrides_replace_the_generic_handler_only_for_vendor_operations_that_exist() -> None:
    vendor_ids = {op.operation_id for op in operations() if op.service in VENDOR}
    overrides = vendor_ids & set(HANDLERS)
    assert {"getSegmentation", "getBoardField", "listFolders", "listFiles", "createCrmboard"} <= overrides
    assert len(overrides) == 4 + 10  # the lookups and the CRM board automations


def test_a_collection_lives_through_create_list_get_update_delete(http: httpx.Client) -> None:
    created = http.post(CONTACTS, json={"display_name": "Ada", "email": "ada@example.com"})
    assert created.status_code == 200
    contact = created.json()
    assert contact["display_name"] == "Ada" and len(contact["_id"]) == 24 and contact["created_at"]
    check_response(_op("createContact"), {}, created)
    assert http.get(f"{CONTACTS}/{contact['_id']}").json() == contact
    updated = http.put(f"{CONTACTS}/{contact['_id']}", json={"email": "ada@lovelace.org"}).json()
    assert updated["display_name"] == "Ada" and updated["email"] == "ada@lovelace.org"
    assert http.get(CONTACTS).json() == {"data": [updated], "total": 1}
    assert http.delete(f"{CONTACTS}/{contact['_id']}").json() == {"success": True}
    gone = http.get(f"{CONTACTS}/{contact['_id']}")
    assert gone.status_code == 404
    assert gone.json() == {"success": False, "statusCode": 404, "message": f"contacts not found: {contact['_id']}"}


def test_lists_page_with_the_spec_parameters_and_filter_on_fields(http: httpx.Client) -> None:
    for name in ("a", "b", "c"):
        http.post("/platform/v1/business_units", json={"name": name, "description": name.upper()})
    page = http.get("/platform/v1/business_units", params={"skip": 1, "limit": 1}).json()
    assert [unit["name"] for unit in page["data"]] == ["b"] and page["total"] == 3
    touchpoints = "/channel-service/v1/touchpoints"
    http.post(touchpoints, json={"name": "t1", "channel_id": "c1", "type": "web"})
    http.post(touchpoints, json={"name": "t2", "channel_id": "c2", "type": "web"})
    filtered = http.get(touchpoints, params={"channel_id": "c2"}).json()
    assert [t["name"] for t in filtered["data"]] == ["t2"]


def test_a_create_route_beside_its_collection_creates_in_it(http: httpx.Client) -> None:
    channel = http.post("/channel-service/v1/channels/_web", json={"name": "Site"}).json()
    assert http.get(f"/channel-service/v1/channels/{channel['_id']}").json()["name"] == "Site"
    assert role_of(_op("createWebChannel")).collection == "/channels"


def test_nested_collections_are_one_per_parent(http: httpx.Client) -> None:
    first = http.post(f"{CONTACTS}/c1/comments", json={"content": "hello"})
    assert first.status_code == 200
    assert [c["content"] for c in http.get(f"{CONTACTS}/c1/comments").json()["data"]] == ["hello"]
    assert http.get(f"{CONTACTS}/c2/comments").json() == {"data": [], "total": 0}


def test_organizations_see_their_own_records(http: httpx.Client) -> None:
    http.post(CONTACTS, json={"display_name": "Ours"})
    theirs = http.get(CONTACTS, headers={"x-organization-id": "org_other"}).json()
    assert theirs == {"data": [], "total": 0}
    assert http.get(CONTACTS).json()["total"] == 1


def test_hostile_ids_are_one_path_parameter(http: httpx.Client, imbrace_emulator: Emulator) -> None:
    response = http.get(f"{CONTACTS}/a%2F..%3Fx%23y")
    assert response.status_code == 404
    assert response.json()["message"] == "contacts not found: a/..?x#y"
    entry = imbrace_emulator.journal()[-1]
    assert (entry.raw_path, entry.params) == (f"{CONTACTS}/a%2F..%3Fx%23y", {"id": "a/..?x#y"})


def test_workflow_pages_with_cursors_and_answers_in_activepieces_shapes(http: httpx.Client) -> None:
    made = [http.post(FLOWS, json={"displayName": f"F{i}", "projectId": "p1"}) for i in range(3)]
    assert {r.status_code for r in made} == {201}
    check_response(_op("createFlow"), {}, made[0])
    first = http.get(FLOWS, params={"limit": 2})
    check_response(_op("listFlows"), {}, first)
    assert [f["id"] for f in first.json()["data"]] == [r.json()["id"] for r in made[:2]]
    assert first.json()["previous"] is None
    second = http.get(FLOWS, params={"limit": 2, "cursor": first.json()["next"]}).json()
    assert [f["id"] for f in second["data"]] == [made[2].json()["id"]] and second["next"] is None
    assert http.get(FLOWS, params={"cursor": "not-ours"}).status_code == 400
    deleted = http.delete(f"{FLOWS}/{made[0].json()['id']}")
    assert (deleted.status_code, deleted.content) == (204, b"")
    missing = http.get(f"{FLOWS}/{made[0].json()['id']}")
    assert missing.status_code == 404 and missing.json()["code"] == "ENTITY_NOT_FOUND"
    rejected = http.post(FLOWS, json={"displayName": 3, "projectId": "p1"})
    assert rejected.status_code == 400
    assert rejected.json()["code"] == "FST_ERR_VALIDATION" and "displayName" in rejected.json()["message"]


def test_data_board_records_are_wrapped_and_its_errors_are_its_own(http: httpx.Client) -> None:
    created = http.post("/data-board/categories", json={"name": "Invoices", "type": "document"})
    assert created.status_code == 201
    category = created.json()["data"]
    assert http.get(f"/data-board/categories/{category['_id']}").json() == {"data": category}
    assert http.get("/data-board/categories").json() == {"data": [category], "count": 1, "limit": None, "skip": 0}
    paged = http.get("/data-board/categories", params={"limit": 5, "skip": 1}).json()
    assert paged == {"data": [], "count": 1, "limit": 5, "skip": 1}
    assert http.get("/data-board/categories/nope").json() == {"error": "categories not found: nope"}
    deleted = http.delete(f"/data-board/categories/{category['_id']}")
    assert (deleted.status_code, deleted.content) == (204, b"")
    invalid = http.post("/data-board/schemas", json={})
    assert invalid.status_code == 400 and invalid.json()["error"]["name"] == "ZodError"


def test_actions_answer_a_sample_of_their_reply_schema(http: httpx.Client) -> None:
    op = _op("rotateMcpToken")
    response = http.post("/activepieces/v1/mcp-servers/m1/rotate")
    schema = op_schema(op)
    assert response.status_code == 200 and response.json() == json.loads(json.dumps(sample(schema)))
    check_response(op, {"mcpServerId": "m1"}, response)
    assert http.get("/platform/v1/users/_me").json() == {}


def op_schema(op: Operation) -> dict[str, object]:
    content = load_spec(op.service)["paths"][op.spec_path]["post"]["responses"]["200"]["content"]
    schema: dict[str, object] = content["application/json"]["schema"]
    return schema


def test_requests_are_validated_against_the_spec(http: httpx.Client) -> None:
    bad_limit = http.get(CONTACTS, params={"limit": "many"})
    assert bad_limit.status_code == 400 and "limit" in bad_limit.json()["message"]
    missing = http.get("/channel-service/v1/team_conversations/_search")
    assert missing.status_code == 400 and missing.json()["message"] == "Missing required query parameter: q"


def test_vendor_routes_take_the_gateway_credentials(imbrace_emulator: Emulator) -> None:
    response = httpx.get(imbrace_emulator.url + CONTACTS)
    assert response.status_code == 401


def test_overrides_read_what_the_gateway_routes_keep(http: httpx.Client) -> None:
    fields = [{"name": "Title", "type": "ShortText"}]
    board = http.post("/data-board/boards", json={"name": "B", "fields": fields}).json()["data"]
    segment = http.post(f"/data-board/boards/{board['_id']}/segmentation", json={"name": "Recent"}).json()
    assert http.get(f"/data-board/boards/{board['_id']}/segmentation/{segment['_id']}").json() == segment
    field = board["fields"][0]
    assert http.get(f"/data-board/boards/{board['_id']}/fields/{field['_id']}").json() == {"data": field}
    assert http.get(f"/data-board/boards/{board['_id']}/fields/nope").status_code == 404
    folder = {"name": "Docs", "source_type": "upload", "parent_folder_id": "root", "organization_id": "org_test"}
    made = http.post("/data-board/folders", json=folder).json()["data"]
    assert [f["_id"] for f in http.get("/data-board/folders").json()["data"]] == [made["_id"]]


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        (None, {}),
        ({"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]}, {"a": ""}),
        ({"type": "object", "properties": {"a": {"type": "string"}}}, {}),
        ({"type": "array", "items": {"type": "integer"}, "minItems": 2}, [0, 0]),
        ({"anyOf": [{"const": "ENABLED", "type": "string"}, {"const": "DISABLED"}]}, "ENABLED"),
        ({"type": ["null", "string"], "minLength": 2}, "xx"),
        ({"example": {"ok": True}, "type": "object"}, {"ok": True}),
        (
            {"allOf": [{"required": ["a"], "properties": {"a": {"type": "boolean"}}}, {"required": ["b"]}]},
            {
                "a": False,
                "b": {},
            },
        ),
    ],
)
def test_samples_are_the_smallest_valid_instances(schema: dict[str, object] | None, expected: object) -> None:
    assert sample(schema) == expected


def test_crm_board_automations_answer_in_the_old_ips_shapes(http: httpx.Client) -> None:
    crm = "/data-board/v1/crmboard"
    assert http.get(f"{crm}/organization/board").json() == {"message": "CRMBoard not found"}
    assert http.get(f"{crm}/search").status_code == 400
    row = http.post(crm, json={"type": "create", "board_id": "b1", "workflow_id": "w1"}).json()
    assert (row["board_id"], row["organization_id"]) == ("b1", "org_test")
    assert http.get(f"{crm}/b1").json() == [row] and http.get(f"{crm}/search", params={"board_id": "b1"}).json() == [
        row
    ]
    assert http.get(f"{crm}/workflow/w1").json() == [row] and http.get(f"{crm}/field/f1").json() == []
    no_board = http.put(f"{crm}/board/{row['_id']}", json={"type": "update"})
    assert (no_board.status_code, no_board.json()) == (404, {"message": "BoardID is invalid or missing"})
    updated = http.put(f"{crm}/board/{row['_id']}", json={"board_id": "b1", "type": "update"}).json()
    assert updated["type"] == "update" and http.get(f"{crm}/board/{row['_id']}").json() == updated
    assert http.delete(f"{crm}/b1").json() == {"message": "Delete successfully"}
    assert http.delete(f"{crm}/b1").status_code == 404


def test_marketplace_records_and_errors_are_as_its_controllers_answer(http: httpx.Client) -> None:
    senders = "/v3/marketplaces/apps/email-senders"
    made = http.post(senders, json={"name": "A", "email": "a@example.com", "user_id": "u1"})
    assert made.status_code == 200
    sender = made.json()["data"]
    assert http.get(f"{senders}/{sender['_id']}").json() == {"data": sender}
    assert http.get(senders).json() == {"data": [sender]}
    assert http.delete(f"{senders}/{sender['_id']}").json() == {"data": sender}
    missing = http.get(f"{senders}/{sender['_id']}")
    assert (missing.status_code, missing.json()) == (404, {"message": f"email-senders not found: {sender['_id']}"})


def test_a_required_repeated_query_parameter_must_be_sent(http: httpx.Client) -> None:
    used = "/v3/marketplaces/apps/used-channels"
    assert http.get(used).json() == {"message": "Missing required query parameter: ids"}
    assert http.get(used, params={"ids": ["a", "b"]}).status_code == 200


def test_the_journal_keeps_no_body_over_a_mebibyte(http: httpx.Client, imbrace_emulator: Emulator) -> None:
    http.post(CONTACTS, json={"display_name": "x" * (1 << 20)})
    http.post(CONTACTS, json={"display_name": "small"})
    large, small = imbrace_emulator.journal()
    assert large.body is None and large.reply is None and large.status == 200
    assert json.loads(small.body or b"") == {"display_name": "small"}
