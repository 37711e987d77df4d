"""Every vendor operation the emulator's generic handler serves, called through its generated method on both clients.

The arguments come from the spec and the method's signature: the path parameters (the first one hostile: `/`, `?`,
`#`, `%` and a space in one id), the required query parameters and `limit`, the smallest valid body (required fields
only); item operations get their record seeded first, so that they answer 200. Each call is checked against the
emulator's journal: one request arrived (a write is never sent twice) with the operation's method and route, the
path parameters decoded back to the ids given, the query and the JSON body expected; and the method returned the
JSON the emulator sent (an override may answer an error: then the raised error carries that status and body).

The vendor operations a hand-written method serves (the data-board routes of `gateway.yaml`) are called by the tests
of their namespaces.
"""

from __future__ import annotations

import inspect
import json
import keyword
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml  # type: ignore[import-untyped,unused-ignore]
from spec_support import operation_spec, sample

from imbrace import APIStatusError
from imbrace._vendor_specs import vendor_operations
from imbrace.emulator import Emulator
from imbrace.emulator.handlers import HANDLERS
from imbrace.emulator.handlers.generic import record_address
from imbrace.emulator.resources import role_of
from imbrace.emulator.specs import VENDOR, Operation, operations
from imbrace.emulator.vendor_styles import style_of
from imbrace.testing import TEST_API_KEY, TEST_ORGANIZATION_ID

from helpers import Harness, make_harness

HOSTILE = "a/b?c#d %e"
LEGACY: dict[str, Any] = yaml.safe_load(
    (Path(__file__).resolve().parents[2] / "codegen" / "legacy_names.yaml").read_text(encoding="utf-8")
)
GENERIC = [op for op in operations() if op.service in VENDOR]
_NO_VALUE = object()


@dataclass
class Case:
    """A call of one operation: the arguments, and what the emulator should receive."""

    args: list[Any] = field(default_factory=list)
    kwargs: dict[str, Any] = field(default_factory=dict)
    path: dict[str, str] = field(default_factory=dict)
    query: list[tuple[str, str]] = field(default_factory=list)
    body: Any = None


def snake(name: str) -> str:
    text = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).replace("-", "_").lower()
    return text + "_" if keyword.iskeyword(text) else text


def entry(op: Operation) -> dict[str, Any]:
    found: dict[str, Any] = (LEGACY.get(op.service) or {}).get(op.operation_id) or {}
    return found


def method_name(op: Operation) -> tuple[str, str]:
    """(namespace, method): codegen/legacy_names.yaml's, else the tag's and the operationId's in snake case."""
    tag = (operation_spec(op).get("tags") or [op.service])[0]
    return entry(op).get("namespace") or snake(tag), entry(op).get("method") or snake(op.operation_id)


def build(op: Operation, method: Any) -> Case:
    spec_op = operation_spec(op)
    declared = {p["name"]: p for p in spec_op.get("parameters", [])}
    names = re.findall(r"\{([^}]+)\}", op.spec_path)
    ids = {name: HOSTILE if index == 0 else f"id-{index}" for index, name in enumerate(names)}
    body_schema = (spec_op.get("requestBody") or {}).get("content", {}).get("application/json", {}).get("schema")
    routed = {arg["name"]: arg["to"] for arg in entry(op).get("args") or []}
    case, in_order = Case(path=ids), True
    for param in list(inspect.signature(method).parameters.values()):
        if param.kind is param.VAR_KEYWORD:
            continue
        to = routed.get(param.name) or _default_destination(param, names, declared)
        value = _value(to, case, ids, declared, body_schema)
        if value is _NO_VALUE:
            in_order = False
        elif param.kind is param.POSITIONAL_OR_KEYWORD and in_order:
            case.args.append(value)
        else:
            case.kwargs[param.name] = value
    return case


def _default_destination(param: inspect.Parameter, paths: list[str], declared: dict[str, Any]) -> str:
    if param.name == "body":
        return "body"
    if param.kind is param.POSITIONAL_OR_KEYWORD:
        return "path:" + next(name for name in paths if snake(name) == param.name)
    return "query:" + next(name for name in declared if snake(name) == param.name)


def _value(to: str, case: Case, ids: dict[str, str], declared: dict[str, Any], body_schema: Any) -> Any:
    where, _, target = to.partition(":")
    if where == "path":
        return ids[target]
    if where == "query" and target:
        query = declared[target]
        if not (query.get("required") or target == "limit"):
            return _NO_VALUE
        value = _query_value(query["schema"])
        case.query += _pairs(target, value)
        return value
    if where == "query":
        required = {
            n: _query_value(p["schema"]) for n, p in declared.items() if p["in"] == "query" and p.get("required")
        }
        case.query += [pair for name, value in required.items() for pair in _pairs(name, value)]
        return required
    if where == "body" and target:
        if target not in (body_schema.get("required") or ()):
            case.body = case.body if case.body is not None else {}
            return _NO_VALUE
        case.body = {**(case.body or {}), target: sample({}, body_schema["properties"][target])}
        return case.body[target]
    case.body = sample({}, body_schema)
    return case.body


def _query_value(schema: dict[str, Any]) -> Any:
    """A sample value of a query parameter; a list has one item (an empty one would send nothing)."""
    if schema.get("type") == "array":
        return [sample({}, schema.get("items", {}))]
    return sample({}, schema)


def _pairs(name: str, value: Any) -> list[tuple[str, str]]:
    values = value if isinstance(value, list) else [value]
    return [(name, json.dumps(v) if isinstance(v, bool) else str(v)) for v in values]


@pytest.fixture(scope="module", params=["sync", "async"])
def harness(request: pytest.FixtureRequest, imbrace_emulator_server: Emulator) -> Iterator[Harness]:
    made = make_harness(
        request.param, api_key=TEST_API_KEY, organization_id=TEST_ORGANIZATION_ID, gateway=imbrace_emulator_server.url
    )
    yield made
    made.close()


def seed(emulator: Emulator, op: Operation, ids: dict[str, str]) -> None:
    """The record an item operation names, so that it answers 200."""
    if role_of(op).kind in ("get", "update", "delete"):
        collection, key = record_address(op, ids, TEST_ORGANIZATION_ID)
        emulator.state.store.put(collection, key, {style_of(op.service).id_field: key, "name": "seeded"})


@pytest.mark.parametrize("op", GENERIC, ids=lambda op: f"{op.service}.{op.operation_id}")
def test_the_generated_method_sends_the_request_and_returns_the_reply(
    op: Operation, harness: Harness, imbrace_emulator: Emulator
) -> None:
    namespace, name = method_name(op)
    method = getattr(getattr(harness.client, namespace), name)
    case = build(op, method)
    seed(imbrace_emulator, op, case.path)
    try:
        result, error = harness.call(method, *case.args, **case.kwargs), None
    except APIStatusError as raised:
        result, error = None, raised
    journal = imbrace_emulator.journal()
    assert len(journal) == 1, [(e.method, e.raw_path) for e in journal]
    sent = journal[0]
    assert (sent.method, sent.route, sent.params) == (op.method, op.route, case.path)
    assert Counter(sent.query) == Counter(case.query)
    assert (json.loads(sent.body) if sent.body else None) == case.body
    reply = json.loads(sent.reply) if sent.reply else None
    if error is None:
        assert result == reply
    else:
        assert op.operation_id in HANDLERS, f"{op.key}: {sent.status} {reply}"
        assert (error.status_code, error.body) == (sent.status, reply)
    assert error is not None or sent.status < 300


def test_every_vendor_operation_is_called_here_or_served_by_a_hand_written_route() -> None:
    called = {(op.service, op.operation_id) for op in GENERIC}
    ours = {(op.method, _shape(op.route)) for op in operations() if op.service not in VENDOR}
    missed = [
        vendor.key
        for vendor in vendor_operations()
        if (vendor.service, vendor.operation_id) not in called and (vendor.method, _shape(vendor.route)) not in ours
    ]
    assert not missed
    assert len(called) == 272 - 33


def _shape(route: str) -> str:
    return re.sub(r"\{[^}]*\}", "{}", route)
