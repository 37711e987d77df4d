"""The vendor specs: kept as published, corrected by the documented patch step, mounted where the gateway serves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openapi_spec_validator import validate

from imbrace import _vendor_specs
from imbrace._vendor_specs import SERVICES, merge_patch, mounted_spec, mounts, patched_spec, vendor_operations

# The operation counts the vendor published (issue 13): a re-published spec that changes them is noticed here.
PUBLISHED = {"channel": 91, "data-board": 79, "marketplace": 33, "platform": 28, "workflow": 41}


@pytest.mark.parametrize("service", SERVICES)
def test_mounted_specs_are_valid_openapi(service: str) -> None:
    validate(mounted_spec(service))


def test_every_operation_is_listed_once_with_its_mounted_route() -> None:
    operations = vendor_operations()
    counts = {service: sum(op.service == service for op in operations) for service in SERVICES}
    assert counts == PUBLISHED
    assert len({op.key for op in operations}) == len(operations) == 272
    listing = next(op for op in operations if op.operation_id == "listChannels")
    assert (listing.method, listing.spec_path, listing.route, listing.tag) == (
        "GET",
        "/channels",
        "/channel-service/v1/channels",
        "channels",
    )
    flows = next(op for op in operations if op.operation_id == "listFlows")
    assert flows.route == "/activepieces/v1/flows"
    mounted = {
        (method.upper(), path)
        for service in SERVICES
        for path, item in mounted_spec(service)["paths"].items()
        for method in item
    }
    assert {(op.method, op.route) for op in operations} == mounted
    assert all(op.route == mounts()[op.service] + op.spec_path for op in operations)


@pytest.mark.parametrize("service", SERVICES)
def test_the_gateway_auth_replaces_bearer_auth(service: str) -> None:
    spec = patched_spec(service)
    assert set(spec["components"]["securitySchemes"]) == {
        "ApiKeyAuth",
        "AccessTokenAuth",
        "BearerAuth",
        "OrganizationId",
    }
    assert {"ApiKeyAuth": [], "OrganizationId": []} in spec["security"]
    published = json.loads((_vendor_specs.vendor_dir() / f"{service}.json").read_text(encoding="utf-8"))
    assert "bearerAuth" in json.dumps(published) or not published.get("security")
    assert "bearerAuth" not in json.dumps(spec)
    assert spec["servers"] == [{"url": "https://app-gatewayv2.imbrace.co" + mounts()[service]}]


def test_paging_counts_are_integers() -> None:
    parameters = patched_spec("data-board")["paths"]["/boards"]["get"]["parameters"]
    assert {p["name"]: p["schema"]["type"] for p in parameters if p["name"] in ("limit", "skip")} == {
        "limit": "integer",
        "skip": "integer",
    }


def test_merge_patch_follows_rfc_7386() -> None:
    target = {"a": {"b": 1, "c": 2}, "d": [1, 2]}
    assert merge_patch(target, {"a": {"b": None, "e": 3}, "d": [3]}) == {"a": {"c": 2, "e": 3}, "d": [3]}
    assert target == {"a": {"b": 1, "c": 2}, "d": [1, 2]}


def test_an_overlay_naming_a_missing_operation_or_parameter_is_an_error(tmp_path: Path) -> None:
    spec = {"paths": {"/x": {"get": {"operationId": "getX", "parameters": [{"name": "id", "in": "query"}]}}}}
    assert _vendor_specs._apply_overlay(spec, {"operations": {"getX": {"parameters": {"id": {"required": True}}}}})
    with pytest.raises(ValueError, match="getY"):
        _vendor_specs._apply_overlay(spec, {"operations": {"getY": {"summary": "y"}}})
    with pytest.raises(ValueError, match="nope"):
        _vendor_specs._apply_overlay(spec, {"operations": {"getX": {"parameters": {"nope": {}}}}})
