"""codegen/legacy_names.yaml, the names codegen gives the vendor operations: one entry per operation, no method
named twice, `args` pointing at the operation's own parameters, and a hand-written method named exactly where it
already serves the operation's route."""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from imbrace import ImbraceClient
from imbrace._vendor_specs import SERVICES, VendorOperation, patched_spec, vendor_operations

ROOT = Path(__file__).resolve().parents[2]
NAMES: dict[str, dict[str, dict[str, Any]]] = yaml.safe_load((ROOT / "codegen" / "legacy_names.yaml").read_text())
GATEWAY = yaml.safe_load((ROOT / "openapi" / "gateway.yaml").read_text())
HAND_WRITTEN = ("chat_ai", "ai_agent", "ai", "boards", "folders")
OPERATIONS = {(op.service, op.operation_id): op for op in vendor_operations()}
ENTRIES = [(service, op_id, entry) for service, ops in NAMES.items() for op_id, entry in ops.items()]
# Bodies the hand-written methods check before sending (the data-board service rejects them otherwise).
SAMPLE_CALLS: dict[str, tuple[list[Any], dict[str, Any]]] = {
    "boards.create": (["Leads"], {}),
    "boards.link_items": (["x1", "x1", "x1", {"relatedItemIds": ["x1"]}], {}),
    "boards.unlink_items": (["x1", "x1", "x1", {"relatedItemIds": ["x1"]}], {}),
    "boards.create_folder": ([{"name": "n"}], {}),
    "boards.delete_folders": ([["x1"]], {}),
}


def _shape(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "{}", path)


GATEWAY_ROUTES = {
    (method.upper(), _shape(path))
    for path, item in GATEWAY["paths"].items()
    for method in item
    if method in ("get", "put", "post", "patch", "delete")
}
# The vendor operations a hand-written method already serves (same method and route in gateway.yaml).
SERVED = [key for key, op in OPERATIONS.items() if (op.method, _shape(op.route)) in GATEWAY_ROUTES]


SPECS = {service: patched_spec(service) for service in SERVICES}


def _operation_spec(op: VendorOperation) -> dict[str, Any]:
    spec = SPECS[op.service]
    operation: dict[str, Any] = spec["paths"][op.spec_path][op.method.lower()]
    return operation


def _body_properties(op: VendorOperation) -> dict[str, Any] | None:
    """The JSON body's declared fields; None when the operation takes no JSON body."""
    body = _operation_spec(op).get("requestBody")
    if body is None or "application/json" not in body.get("content", {}):
        return None
    schema = body["content"]["application/json"].get("schema", {})
    if "$ref" in schema:
        schema = SPECS[op.service]["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    properties: dict[str, Any] = schema.get("properties", {})
    return properties


def test_every_operation_has_exactly_one_entry() -> None:
    assert set(NAMES) == set(SERVICES)
    named = {(service, op_id) for service, op_id, _ in ENTRIES}
    assert sorted(named - set(OPERATIONS)) == [], "entries for operations the specs do not have"
    assert sorted(set(OPERATIONS) - named) == [], "operations without an entry"


def test_no_two_operations_share_a_method() -> None:
    owners: dict[tuple[str, str], str] = {}
    for service, op_id, entry in ENTRIES:
        name = (entry["namespace"], entry["method"])
        assert name not in owners, f"{service}.{op_id} and {owners[name]} are both {'.'.join(name)}"
        owners[name] = f"{service}.{op_id}"


def test_no_two_operations_claim_one_old_method() -> None:
    olds = [entry["old"] for _, _, entry in ENTRIES if entry["old"]]
    assert len(olds) == len(set(olds))


def _form_problems(entry: dict[str, Any]) -> Iterator[str]:
    if not set(entry) <= {"namespace", "method", "old", "args"} or not {"namespace", "method", "old"} <= set(entry):
        yield f"keys {sorted(entry)}"
    for name in (entry["namespace"], entry["method"]):
        if not name.isidentifier() or keyword.iskeyword(name) or name.startswith("_"):
            yield f"{name!r} is not a public Python name"
    if entry["old"] is not None and not re.fullmatch(r"[a-z_]+\.[a-z_0-9]+", entry["old"]):
        yield f"old {entry['old']!r} is not namespace.method"
    attribute = getattr(ImbraceClient, entry["namespace"], None)
    if attribute is not None and entry["namespace"] not in HAND_WRITTEN and callable(attribute):
        yield f"namespace {entry['namespace']} would shadow the client's own {entry['namespace']}"


def test_entries_are_well_formed() -> None:
    problems = [f"{s}.{o}: {p}" for s, o, entry in ENTRIES for p in _form_problems(entry)]
    assert problems == []


def _args_problems(op: VendorOperation, args: list[dict[str, str]]) -> Iterator[str]:
    parameters = _operation_spec(op).get("parameters", [])
    path_names = {p["name"] for p in parameters if p["in"] == "path"}
    query_names = {p["name"] for p in parameters if p["in"] == "query"}
    body = _body_properties(op)
    names = [arg["name"] for arg in args]
    if len(names) != len(set(names)) or not all(n.isidentifier() and not keyword.iskeyword(n) for n in names):
        yield f"argument names {names}"
    targets = [arg["to"] for arg in args]
    if len(targets) != len(set(targets)):
        yield "two old parameters sent to one place"
    if "body" in targets and any(t.startswith("body:") for t in targets):
        yield "the whole body and body fields"
    for target in targets:
        kind, _, name = target.partition(":")
        if kind == "path" and name not in path_names:
            yield f"{target}: no such path parameter"
        elif kind == "query" and not (name in query_names or (not name and query_names)):
            yield f"{target}: no such query parameter"
        elif kind == "body" and (body is None or (name and name not in body)):
            yield f"{target}: no such body"
        elif kind not in ("path", "query", "body"):
            yield f"{target}: unknown destination"


def test_args_point_at_the_operations_parameters() -> None:
    problems = [
        f"{s}.{o}: {p}"
        for s, o, entry in ENTRIES
        if "args" in entry
        for p in _args_problems(OPERATIONS[(s, o)], entry["args"])
    ]
    assert problems == []


def test_generated_methods_stay_off_the_knowledge_hubs_folders() -> None:
    """client.folders holds the six Knowledge Hub routes, all hand-written; workflow folders go to client.workflows."""
    misplaced = [
        f"{s}.{o}" for s, o, e in ENTRIES if e["namespace"] == "folders" and (s, o) not in dict.fromkeys(SERVED)
    ]
    assert misplaced == []


@pytest.mark.parametrize(("service", "op_id"), SERVED, ids=[f"{s}.{o}" for s, o in SERVED])
def test_hand_written_methods_are_named_where_they_serve_the_route(service: str, op_id: str) -> None:
    """An operation the gateway spec already routes keeps its hand-written method, and that method sends it."""
    op, entry = OPERATIONS[(service, op_id)], NAMES[service][op_id]
    assert entry["namespace"] in HAND_WRITTEN
    sent: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"data": {"folder": {}}, "success": True})

    http = httpx.Client(transport=httpx.MockTransport(record))
    with ImbraceClient(api_key="k", organization_id="org", gateway="http://gw", http_client=http) as client:
        method = getattr(getattr(client, entry["namespace"]), entry["method"])
        ids = ["x1"] * op.route.count("{")
        args, kwargs = SAMPLE_CALLS.get(
            f"{entry['namespace']}.{entry['method']}", ([*ids, {}] if _body_properties(op) is not None else ids, {})
        )
        method(*args, **kwargs)
    assert (op.method, re.sub(r"\{[^}]+\}", "x1", op.route)) in [(r.method, r.url.path) for r in sent]
