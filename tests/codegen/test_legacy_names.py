"""codegen/legacy_names.yaml, the names codegen gives the vendor operations: one entry per operation, no method
named twice, `args` pointing at the operation's own parameters, and a hand-written method named exactly where it
already serves the operation's route."""

from __future__ import annotations

import keyword
import re
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
IDS = [f"{service}.{op_id}" for service, op_id, _ in ENTRIES]
WITH_ARGS = [e for e in ENTRIES if "args" in e[2]]
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


def _operation_spec(op: VendorOperation) -> dict[str, Any]:
    spec = patched_spec(op.service)
    operation: dict[str, Any] = spec["paths"][op.spec_path][op.method.lower()]
    return operation


def _body_properties(op: VendorOperation) -> dict[str, Any] | None:
    """The JSON body's declared fields; None when the operation takes no JSON body."""
    body = _operation_spec(op).get("requestBody")
    if body is None or "application/json" not in body.get("content", {}):
        return None
    schema = body["content"]["application/json"].get("schema", {})
    if "$ref" in schema:
        schema = patched_spec(op.service)["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
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


@pytest.mark.parametrize(("service", "op_id", "entry"), ENTRIES, ids=IDS)
def test_entry_is_well_formed(service: str, op_id: str, entry: dict[str, Any]) -> None:
    assert set(entry) <= {"namespace", "method", "old", "args"} and {"namespace", "method", "old"} <= set(entry)
    for name in (entry["namespace"], entry["method"]):
        assert name.isidentifier() and not keyword.iskeyword(name) and not name.startswith("_"), name
    assert entry["old"] is None or re.fullmatch(r"[a-z_]+\.[a-z_0-9]+", entry["old"])
    client_attribute = getattr(ImbraceClient, entry["namespace"], None)
    assert client_attribute is None or entry["namespace"] in HAND_WRITTEN or not callable(client_attribute), (
        f"namespace {entry['namespace']} would shadow the client's own {entry['namespace']}"
    )


@pytest.mark.parametrize(("service", "op_id", "entry"), WITH_ARGS, ids=[f"{s}.{o}" for s, o, _ in WITH_ARGS])
def test_args_point_at_the_operations_parameters(service: str, op_id: str, entry: dict[str, Any]) -> None:
    op = OPERATIONS[(service, op_id)]
    parameters = _operation_spec(op).get("parameters", [])
    path_names = {p["name"] for p in parameters if p["in"] == "path"}
    query_names = {p["name"] for p in parameters if p["in"] == "query"}
    body = _body_properties(op)
    names = [arg["name"] for arg in entry["args"]]
    assert len(names) == len(set(names)) and all(n.isidentifier() and not keyword.iskeyword(n) for n in names)
    targets = [arg["to"] for arg in entry["args"]]
    assert len(targets) == len(set(targets)), "two old parameters sent to one place"
    assert not ("body" in targets and any(t.startswith("body:") for t in targets)), "whole body and body fields"
    for target in targets:
        kind, _, name = target.partition(":")
        if kind == "path":
            assert name in path_names, target
        elif kind == "query":
            assert name in query_names or (not name and query_names), target
        else:
            assert kind == "body" and body is not None, f"{target}: the operation takes no JSON body"
            assert not name or name in body, target


@pytest.mark.parametrize(("service", "op_id", "entry"), ENTRIES, ids=IDS)
def test_hand_written_methods_are_named_where_they_serve_the_route(
    service: str, op_id: str, entry: dict[str, Any]
) -> None:
    """An operation the gateway spec already routes keeps its hand-written method, and that method sends it."""
    op = OPERATIONS[(service, op_id)]
    if (op.method, _shape(op.route)) not in GATEWAY_ROUTES:
        assert entry["namespace"] != "folders", "client.folders is the Knowledge Hub's; generated folders go elsewhere"
        return
    assert entry["namespace"] in HAND_WRITTEN
    sent: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"data": {"folder": {}}, "success": True})

    http = httpx.Client(transport=httpx.MockTransport(record))
    client = ImbraceClient(api_key="k", organization_id="org", gateway="http://gw", http_client=http)
    method = getattr(getattr(client, entry["namespace"]), entry["method"])
    args, kwargs = SAMPLE_CALLS.get(f"{entry['namespace']}.{entry['method']}", (["x1"] * op.route.count("{"), {}))
    if _body_properties(op) is not None and (args, kwargs) == (["x1"] * op.route.count("{"), {}):
        args = [*args, {}]
    method(*args, **kwargs)
    assert (op.method, re.sub(r"\{[^}]+\}", "x1", op.route)) in [(r.method, r.url.path) for r in sent]
