"""The specs are valid OpenAPI 3.1, and every SDK method of the surface table has its operation."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

ROOT = Path(__file__).resolve().parents[2]
SPECS = {"gateway": ROOT / "openapi" / "gateway.yaml", "ai_agent": ROOT / "openapi" / "ai-agent.yaml"}
SURFACE = ROOT / "tests" / "surface" / "imbrace-surface.tsv"
METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
# Where the spec deliberately departs from the old SDK's route; each is explained at the operation in the spec.
DEVIATIONS = {("boards", "update_segment"): "PUT"}
# Where the service's path differs from the old SDK's: the AI service redirects `/document/` to an internal URL; the
# old import_excel posted to `/import`, the service's inline-CSV route (its Excel import is `/import_excel`).
PATH_DEVIATIONS = {
    ("chat_ai", "process_document"): "/v3/ai/document",
    ("boards", "import_excel"): "/data-board/boards/{board_id}/import_excel",
}
EVIDENCE = re.compile(r"^(source \S+:\S+|recorded|old-package|unverified)$")
# One form in both specs (openapi/README.md): a list of `recorded`, `old-package`, `unverified` or `source <where>`.
ANY_EVIDENCE = re.compile(r"^(recorded|old-package|unverified|source \S.*)$")


def _load(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPECS[name].read_text(encoding="utf-8"))
    return loaded


def _operations() -> dict[str, tuple[str, str, dict[str, Any]]]:
    """`namespace.method` -> (HTTP method, gateway path, operation), from both specs' x-imbrace-methods."""
    found: dict[str, tuple[str, str, dict[str, Any]]] = {}
    for name in SPECS:
        spec = _load(name)
        prefix = "/ai-agent" if name == "ai_agent" else ""
        for path, item in spec["paths"].items():
            for method in METHODS:
                operation = item.get(method)
                if operation is None:
                    continue
                for sdk_method in operation.get("x-imbrace-methods", []):
                    assert sdk_method not in found, f"{sdk_method} is served by two operations"
                    found[sdk_method] = (method.upper(), prefix + path, operation)
    return found


def _surface_rows() -> list[dict[str, str]]:
    with SURFACE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


@pytest.mark.parametrize("name", sorted(SPECS))
def test_spec_is_valid_openapi_31(name: str) -> None:
    spec = _load(name)
    assert spec["openapi"].startswith("3.1")
    validate(spec)


@pytest.mark.parametrize("name", sorted(SPECS))
def test_operation_ids_are_unique_snake_case_and_tagged(name: str) -> None:
    seen: set[str] = set()
    for item in _load(name)["paths"].values():
        for method in METHODS:
            if method not in item:
                continue
            operation = item[method]
            op_id = operation["operationId"]
            assert op_id == op_id.lower() and " " not in op_id and "-" not in op_id, op_id
            assert op_id not in seen, f"duplicate operationId {op_id}"
            seen.add(op_id)
            namespaces = [m.split(".")[0] for m in operation["x-imbrace-methods"]]
            assert operation["tags"][0] in namespaces, op_id
            assert "default" in operation["responses"], f"{op_id} has no error response"


def test_every_surface_row_has_its_operation() -> None:
    operations = _operations()
    rows = _surface_rows()
    assert len(rows) == 164
    missing = []
    for row in rows:
        key = f"{row['namespace']}.{row['python_method']}"
        if key not in operations:
            missing.append(key)
            continue
        if row["http_method"] == "?":
            continue
        method, path, _ = operations[key]
        expected_method = DEVIATIONS.get((row["namespace"], row["python_method"]), row["http_method"])
        expected_path = PATH_DEVIATIONS.get((row["namespace"], row["python_method"]), row["path"])
        assert (method, path) == (expected_method, expected_path), key
    assert not missing, f"surface methods without an operation: {missing}"


def test_list_models_is_served_by_the_llm_models_route() -> None:
    method, path, _ = _operations()["ai.list_models"]
    assert (method, path) == ("GET", "/v3/ai/workflow-agent/models")


def test_ai_agent_spec_declares_its_root_as_a_server_variable() -> None:
    server = _load("ai_agent")["servers"][0]
    assert "{" in server["url"]
    roots = {v.get("default") for v in server["variables"].values()}
    assert "/ai-agent" in roots
    assert not any(path.startswith("/ai-agent") for path in _load("ai_agent")["paths"])


@pytest.mark.parametrize("name", ["gateway", "ai_agent"])
def test_every_operation_of_both_specs_states_its_evidence_in_one_form(name: str) -> None:
    bad = {
        operation["operationId"]: operation.get("x-imbrace-evidence")
        for item in _load(name)["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict) and "operationId" in operation
        if not isinstance(operation.get("x-imbrace-evidence"), list)
        or not operation["x-imbrace-evidence"]
        or not all(isinstance(e, str) and ANY_EVIDENCE.match(e) for e in operation["x-imbrace-evidence"])
    }
    assert bad == {}


def test_every_ai_service_operation_records_its_evidence() -> None:
    """Each /v3/ai and /v2/ai operation says what it rests on: the service's source, a recording, the old package,
    or nothing (`unverified`: a route the open-source service does not serve)."""
    ai = [(m, p, op) for m, p, op in _operations().values() if p.startswith(("/v3/ai/", "/v2/ai/"))]
    assert len({op["operationId"] for _, _, op in ai}) == 44
    assert [op["operationId"] for _, _, op in ai if not all(map(EVIDENCE.match, op["x-imbrace-evidence"]))] == []
    unverified = {op["operationId"] for _, path, op in ai if "unverified" in op["x-imbrace-evidence"]}
    assert {"complete", "embed", "list_ai_agent_apps", "get_ai_agent_app", "update_ai_agent_workflow"} <= unverified
    assert all(op["operationId"] in unverified for _, path, op in ai if path.startswith("/v2/ai/ai/"))
