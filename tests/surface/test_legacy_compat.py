"""Code written for imbrace 1.3.1 against the five vendor services keeps working, or the upgrade guide says why not.

`legacy-methods.tsv` lists every public method of 1.3.1's sync client with its parameters and the service it called
(`retired` for the ones 1.3.1 itself already refused, `other` for services without a vendor spec). For every 1.3.1
method that `codegen/legacy_names.yaml` maps to an operation, the method exists on both clients and a call written
the old way (positional in the old order, or by the old keywords) binds to the new signature, unless
`docs/upgrading-from-1.3.md` lists the call as changed; a sample per service is sent to the emulator the old way.
"""

from __future__ import annotations

import asyncio
import contextlib
import csv
import inspect
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from imbrace import APIStatusError, AsyncImbraceClient, ImbraceClient
from imbrace.emulator import Emulator
from imbrace.testing import TEST_API_KEY, TEST_ORGANIZATION_ID

from helpers import Harness, make_harness

ROOT = Path(__file__).resolve().parents[2]
VENDOR_SERVICES = ("channel", "data-board", "marketplace", "platform", "workflow")
LEGACY = list(
    csv.DictReader(
        Path(__file__).with_name("legacy-methods.tsv").read_text(encoding="utf-8").splitlines(), delimiter="\t"
    )
)
OLD_PARAMETERS = {row["old"]: row["parameters"] for row in LEGACY}
NAMES: dict[str, dict[str, dict[str, Any]]] = yaml.safe_load((ROOT / "codegen" / "legacy_names.yaml").read_text())
MAPPED = {e["old"]: e for ops in NAMES.values() for e in ops.values() if e["old"]}
GUIDE = (ROOT / "docs" / "upgrading-from-1.3.md").read_text(encoding="utf-8")
_DOTTED = re.compile(r"\b(?:client\.)?([a-z_]+)\.([a-z_][a-z_0-9]*)\b")


def _section(title: str) -> str:
    return GUIDE.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def _rows(title: str) -> Iterator[list[str]]:
    for line in _section(title).splitlines():
        if line.startswith("| ") and not line.startswith(("| 1.3.1 ", "| service ")):
            yield [cell.strip() for cell in line.strip("|").split(" | ")]


def _old_names(cell: str) -> set[str]:
    return {f"{ns}.{method}" for ns, method in _DOTTED.findall(" ".join(re.findall(r"`([^`]+)`", cell)))}


LISTED_RENAMED = {name for row in _rows("Renamed or moved") for name in _old_names(row[0])}
LISTED_CHANGED = {name for row in _rows("Same name, changed call") for name in _old_names(row[0])}
LISTED_UNAVAILABLE = {
    f"{row[1].strip('`')}.{method}"
    for row in _rows("Not available: no operation in the vendor specs")
    for method in re.findall(r"`([a-z_0-9]+)`", row[2].split(" (", 1)[0])
}


@pytest.fixture(scope="module")
def clients() -> Iterator[tuple[ImbraceClient, AsyncImbraceClient]]:
    """One client of each kind, only inspected: nothing is sent."""
    sync, async_client = (
        ImbraceClient(api_key="k", gateway="http://127.0.0.1:9"),
        AsyncImbraceClient(api_key="k", gateway="http://127.0.0.1:9"),
    )
    yield sync, async_client
    sync.close()
    asyncio.run(async_client.aclose())


def _has(client: ImbraceClient | AsyncImbraceClient, dotted: str) -> bool:
    namespace, _, method = dotted.partition(".")
    return callable(getattr(getattr(client, namespace, None), method, None))


def test_every_old_method_of_the_vendor_services_is_kept_or_in_the_guide(
    clients: tuple[ImbraceClient, AsyncImbraceClient],
) -> None:
    def accounted(old: str) -> bool:
        kept_by_hand = old.split(".")[0] in ("boards", "folders") and _has(clients[0], old)
        return old in MAPPED or kept_by_hand or old in LISTED_RENAMED | LISTED_UNAVAILABLE

    vendor_rows = [row["old"] for row in LEGACY if row["service"] in VENDOR_SERVICES]
    assert len(vendor_rows) > 350
    assert [old for old in vendor_rows if not accounted(old)] == []


def test_the_guide_lists_only_real_old_methods() -> None:
    listed = LISTED_RENAMED | LISTED_CHANGED | LISTED_UNAVAILABLE
    assert sorted(listed - set(OLD_PARAMETERS)) == []
    assert sorted(name for name in LISTED_UNAVAILABLE if name in MAPPED) == []


def test_the_new_names_the_guide_gives_exist_on_both_clients(clients: tuple[ImbraceClient, AsyncImbraceClient]) -> None:
    sync, async_client = clients
    for row in _rows("Renamed or moved"):
        for namespace, method in _DOTTED.findall(" ".join(re.findall(r"`([^`]+)`", row[1]))):
            if namespace == "client":
                assert callable(getattr(sync, method)) and callable(getattr(async_client, method)), method
            else:
                assert _has(sync, f"{namespace}.{method}") and _has(async_client, f"{namespace}.{method}"), method


def _old_signature(old: str) -> inspect.Signature:
    parameters, kind = [], inspect.Parameter.POSITIONAL_OR_KEYWORD
    for text in filter(None, OLD_PARAMETERS[old].split(", ")):
        if text == "*":
            kind = inspect.Parameter.KEYWORD_ONLY
        elif text.startswith("**"):
            parameters.append(inspect.Parameter(text[2:], inspect.Parameter.VAR_KEYWORD))
        else:
            name, has_default, _ = text.partition("=")
            parameters.append(inspect.Parameter(name, kind, default=None if has_default else inspect.Parameter.empty))
    return inspect.Signature(parameters)


def _old_way_calls(old: str) -> Iterator[tuple[str, list[Any], dict[str, Any]]]:
    """Calls 1.3.1 accepted: the required arguments, every argument in order, every argument by keyword."""
    params = [p for p in _old_signature(old).parameters.values() if p.kind is not p.VAR_KEYWORD]
    positional = [p.name for p in params if p.kind is p.POSITIONAL_OR_KEYWORD]
    keyword_only = [p for p in params if p.kind is p.KEYWORD_ONLY]
    required = [p.name for p in params if p.default is p.empty and p.kind is p.POSITIONAL_OR_KEYWORD]
    yield "required", [f"<{n}>" for n in required], {p.name: 1 for p in keyword_only if p.default is p.empty}
    yield "positional", [f"<{n}>" for n in positional], {p.name: 1 for p in keyword_only}
    yield "keywords", [], {p.name: 1 for p in params}


@pytest.mark.parametrize("old", sorted(MAPPED), ids=str)
def test_the_old_method_exists_on_both_clients_and_an_old_call_binds(
    old: str, clients: tuple[ImbraceClient, AsyncImbraceClient]
) -> None:
    entry = MAPPED[old]
    dotted = f"{entry['namespace']}.{entry['method']}"
    sync, async_client = clients
    assert _has(sync, dotted) and _has(async_client, dotted)
    if old in LISTED_CHANGED or old in LISTED_RENAMED:
        return
    for client in (sync, async_client):
        signature = inspect.signature(getattr(getattr(client, entry["namespace"]), entry["method"]))
        for style, args, kwargs in _old_way_calls(old):
            try:
                bound = signature.bind(*args, **kwargs)
            except TypeError as error:
                raise AssertionError(f"{old}, {style} call {args} {kwargs}: {error}") from None
            assert set(kwargs) <= set(bound.arguments), f"{old}: {style} keywords land in **options"


# 1.3.1 calls as they were written, two per service, and the request the spec says each sends.
OLD_WAY_SAMPLES = [
    pytest.param(*sample, id=f"{sample[0]}.{sample[1]}")
    for sample in [
        (
            "channel",
            "create_web",
            ["Support"],
            {},
            ("POST", "/channel-service/v1/channels/_web", {}, [], {"name": "Support"}),
        ),
        (
            "contacts",
            "list",
            [5, 10],
            {},
            ("GET", "/channel-service/v1/contacts", {}, [("limit", "5"), ("offset", "10")], None),
        ),
        (
            "conversations",
            "get",
            [],
            {"conv_id": "c 1/2"},
            ("GET", "/channel-service/v1/team_conversations/{id}", {"id": "c 1/2"}, [], None),
        ),
        (
            "document_models",
            "list_versions",
            ["m1", 5, 0],
            {},
            (
                "GET",
                "/data-board/schemas/{schemaId}/versions",
                {"schemaId": "m1"},
                [("limit", "5"), ("skip", "0")],
                None,
            ),
        ),
        (
            "crm_automation",
            "get",
            [],
            {"automation_id": "a1"},
            ("GET", "/data-board/v1/crmboard/board/{id}", {"id": "a1"}, [], None),
        ),
        (
            "agent",
            "get_use_case",
            [],
            {"use_case_id": "u1"},
            ("GET", "/v3/marketplaces/use-cases/{id}", {"id": "u1"}, [], None),
        ),
        (
            "teams",
            "remove_users",
            ["t1", ["u1"]],
            {},
            ("POST", "/platform/v1/teams/_remove_users", {}, [], {"team_id": "t1", "user_ids": ["u1"]}),
        ),
        (
            "platform",
            "list_team_users",
            ["t1", "team_id"],
            {},
            ("GET", "/platform/v1/team_users", {}, [("q", "t1"), ("type", "team_id")], None),
        ),
        (
            "workflows",
            "create_flow",
            ["Welcome", "p1"],
            {},
            ("POST", "/activepieces/v1/flows", {}, [], {"displayName": "Welcome", "projectId": "p1"}),
        ),
        (
            "workflows",
            "trigger_flow",
            ["f1", {"order": 7}],
            {},
            ("POST", "/activepieces/v1/webhooks/{flowId}", {"flowId": "f1"}, [], {"order": 7}),
        ),
    ]
]


@pytest.fixture(scope="module", params=["sync", "async"])
def harness(request: pytest.FixtureRequest, imbrace_emulator_server: Emulator) -> Iterator[Harness]:
    made = make_harness(
        request.param, api_key=TEST_API_KEY, organization_id=TEST_ORGANIZATION_ID, gateway=imbrace_emulator_server.url
    )
    yield made
    made.close()
    if made.runner is not None:
        made.runner.close()


@pytest.mark.parametrize(("namespace", "name", "args", "kwargs", "expected"), OLD_WAY_SAMPLES)
def test_an_old_way_call_sends_the_specs_request(
    namespace: str,
    name: str,
    args: list[Any],
    kwargs: dict[str, Any],
    expected: tuple[str, str, dict[str, str], list[tuple[str, str]], Any],
    harness: Harness,
    imbrace_emulator: Emulator,
) -> None:
    entry = MAPPED[f"{namespace}.{name}"]
    method = getattr(getattr(harness.client, entry["namespace"]), entry["method"])
    with contextlib.suppress(APIStatusError):  # the request is what is checked; an override may refuse it
        harness.call(method, *args, **kwargs)
    journal = imbrace_emulator.journal()
    assert len(journal) == 1, [(e.method, e.raw_path) for e in journal]
    sent = journal[0]
    method_name, route, params, query, body = expected
    assert (sent.method, sent.route, sent.params) == (method_name, route, params)
    assert sorted(sent.query) == sorted(query)
    assert (json.loads(sent.body) if sent.body else None) == body
