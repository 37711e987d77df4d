"""`openapi/ai-agent.yaml` says what each operation rests on, and agrees with the recorded exchanges.

Every operation carries `x-imbrace-evidence` (openapi/README.md); `recorded` is claimed exactly where a recorded
exchange hit the route; `unverified` (hosted-platform) routes say so; the open routes are the service's.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml

SPEC = Path(__file__).resolve().parents[2] / "openapi" / "ai-agent.yaml"
RECORDED = Path(__file__).resolve().parents[1] / "conformance" / "recorded" / "ai-agent-service-exchanges.jsonl"
EVIDENCE = re.compile(r"^(recorded|old-package|unverified|source server/src/\S+\.ts(:\d+|#.+)?)$")
OPEN = {
    "get_config",
    "get_health",
    "get_version",
    "get_agent_prompt_suggestion",
    "generate_parquet",
    "list_parquet_files",
    "delete_parquet_file",
    "verify_chat_client_credentials",
    "register_chat_client",
    "get_document_public",
    "list_admin_guides",
    "get_admin_guide",
    "get_traces",
    "get_trace",
    "get_trace_services",
    "get_trace_tags",
    "get_trace_tag_values",
    "search_traceql",
}


def _operations() -> dict[str, tuple[str, str, dict[str, Any]]]:
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return {
        operation["operationId"]: (method.upper(), path, operation)
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if isinstance(operation, dict) and "operationId" in operation
    }


def _recorded_routes() -> set[tuple[str, str]]:
    operations = _operations().values()
    patterns = [(m, p, re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", p) + "$")) for m, p, _ in operations]
    hit = set()
    for line in RECORDED.read_text().splitlines():
        exchange = json.loads(line)
        matches = [(m, p) for m, p, rx in patterns if m == exchange["method"] and rx.match(exchange["path"])]
        literal = [match for match in matches if "{" not in match[1]]
        hit.add((literal or matches)[0])
    return hit


def test_every_operation_states_its_evidence() -> None:
    bad = {
        name: operation.get("x-imbrace-evidence")
        for name, (_, _, operation) in _operations().items()
        if not operation.get("x-imbrace-evidence")
        or not all(EVIDENCE.match(entry) for entry in operation["x-imbrace-evidence"])
    }
    assert bad == {}


def test_recorded_is_claimed_exactly_where_an_exchange_was_recorded() -> None:
    recorded = _recorded_routes()
    claims = {
        name: (method, path) in recorded
        for name, (method, path, operation) in _operations().items()
        if ("recorded" in operation["x-imbrace-evidence"]) != ((method, path) in recorded)
    }
    assert claims == {}


def test_unverified_routes_say_they_are_hosted_only() -> None:
    unverified = [
        name
        for name, (_, _, operation) in _operations().items()
        if "unverified" in operation["x-imbrace-evidence"]
        and "hosted platform only" not in operation["description"].lower()
    ]
    assert unverified == []


def test_the_open_routes_are_the_services() -> None:
    assert {name for name, (_, _, operation) in _operations().items() if operation.get("security") == []} == OPEN
