"""Every operation of the vendor's five specs has a method on both clients, with its route: generated ones are called
on both clients (hostile ids in every path parameter) and must send the operation's method, its encoded path, the
gateway's auth and the body given, and return the reply as sent; hand-written ones are those gateway.yaml names."""

from __future__ import annotations

import asyncio
import inspect
import json
import re
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
import yaml

from imbrace import AsyncImbraceClient, ImbraceClient
from imbrace._async.resources._generated.operations import OPERATIONS as ASYNC_OPERATIONS
from imbrace._sync.resources._generated.operations import OPERATIONS
from imbrace._vendor_specs import patched_spec, vendor_operations

HOSTILE = "../a b/?#é"
REPLY = {"data": [{"id": "x1"}], "success": True}
BODY = {"name": "n", "note": "sent as given"}


@cache
def _spec(service: str) -> dict[str, Any]:
    return patched_spec(service)


def _operation(key: str) -> dict[str, Any]:
    service, operation_id = key.split(".", 1)
    op = next(op for op in vendor_operations() if op.service == service and op.operation_id == operation_id)
    found: dict[str, Any] = _spec(service)["paths"][op.spec_path][op.method.lower()]
    return found


@cache
def _hand_written() -> dict[str, tuple[str, str]]:
    """`namespace.method` -> (METHOD, route shape) of every hand-written method of gateway.yaml."""
    text = (Path(__file__).resolve().parents[2] / "openapi" / "gateway.yaml").read_text(encoding="utf-8")
    spec = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    found = {}
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            for name in operation.get("x-imbrace-methods", []) if isinstance(operation, dict) else []:
                found[name] = (method.upper(), re.sub(r"\{[^}]+\}", "{}", path))
    return found


def _sample(parameter: inspect.Parameter, operation: dict[str, Any]) -> Any:
    annotation = str(parameter.annotation)
    if annotation.endswith("Query"):
        return {p["name"]: "x1" for p in operation.get("parameters", []) if p["in"] == "query" and p.get("required")}
    if annotation.endswith("Body") or annotation == "Any":
        return BODY
    samples: dict[str, Any] = {"str": HOSTILE, "int": 2, "float": 1.5, "bool": True}
    return samples.get(annotation, [])


def _arguments(method: Any, operation: dict[str, Any]) -> tuple[list[Any], dict[str, Any]]:
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for parameter in inspect.signature(method).parameters.values():
        if parameter.default is not inspect.Parameter.empty or parameter.kind is parameter.VAR_KEYWORD:
            continue
        if parameter.kind is parameter.KEYWORD_ONLY:
            kwargs[parameter.name] = _sample(parameter, operation)
        else:
            args.append(_sample(parameter, operation))
    return args, kwargs


def _shape(signature: inspect.Signature) -> list[tuple[str, Any, str, Any]]:
    return [(p.name, p.kind, str(p.annotation), p.default) for p in signature.parameters.values()]


def test_every_vendor_operation_has_a_method() -> None:
    listed = {f"{op.service}.{op.operation_id}": f"{op.method} {op.route}" for op in vendor_operations()}
    assert {key: route for key, (_, route) in OPERATIONS.items()} == listed
    assert OPERATIONS == ASYNC_OPERATIONS
    hand_written = _hand_written()
    for key, (target, route) in OPERATIONS.items():
        namespace, name = target.split(".")
        for client_class in (ImbraceClient, AsyncImbraceClient):
            assert callable(getattr(type(getattr(client_class(api_key="k"), namespace)), name, None)), target
        if target in hand_written:
            method, path = route.split(" ", 1)
            assert hand_written[target] == (method, re.sub(r"\{[^}]+\}", "{}", path)), key


GENERATED = sorted(key for key, (target, _) in OPERATIONS.items() if target not in _hand_written())


@pytest.mark.parametrize("key", GENERATED, ids=lambda key: key)
def test_a_generated_method_sends_its_route_on_both_clients(key: str) -> None:
    target, route = OPERATIONS[key]
    namespace, name = target.split(".")
    operation = _operation(key)
    sent: dict[str, list[httpx.Request]] = {"sync": [], "async": []}

    def transport(into: list[httpx.Request]) -> httpx.MockTransport:
        def handler(request: httpx.Request) -> httpx.Response:
            request.read()
            into.append(request)
            return httpx.Response(200, json=REPLY)

        return httpx.MockTransport(handler)

    client = ImbraceClient(
        api_key="k",
        organization_id="org",
        gateway="http://gw",
        http_client=httpx.Client(transport=transport(sent["sync"])),
    )
    sync_method = getattr(getattr(client, namespace), name)
    args, kwargs = _arguments(sync_method, operation)
    assert sync_method(*args, **kwargs) == REPLY

    async def run_async() -> inspect.Signature:
        http = httpx.AsyncClient(transport=transport(sent["async"]))
        async with AsyncImbraceClient(
            api_key="k", organization_id="org", gateway="http://gw", http_client=http
        ) as aclient:
            method = getattr(getattr(aclient, namespace), name)
            assert await method(*args, **kwargs) == REPLY
            return inspect.signature(method)

    assert _shape(asyncio.run(run_async())) == _shape(inspect.signature(sync_method))
    http_method, path = route.split(" ", 1)
    expected = "http://gw" + re.sub(r"\{[^}]+\}", quote(HOSTILE, safe=""), path)
    assert [len(sent["sync"]), len(sent["async"])] == [1, 1]  # sent once, not retried
    for request in (sent["sync"][0], sent["async"][0]):
        assert (request.method, str(request.url).split("?")[0]) == (http_method, expected)
        assert request.headers["x-api-key"] == "k" and request.headers["x-organization-id"] == "org"
        assert "authorization" not in request.headers
        if BODY in [*args, *kwargs.values()]:
            assert json.loads(request.content) == BODY
        elif "requestBody" not in operation:
            assert request.content == b""
