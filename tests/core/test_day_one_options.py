"""What an openai-python user reaches for on day one: `extra_body=`, `copy`, header merging in `with_options`, the
DEFAULT_* exports and `Default*HttpxClient`, `await client.close()`; and the configuration checks: no credential raises
before sending (open routes and login still work), `env=` any case, `gateway=`/`base_url=` and IMBRACE_BASE_URL."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import httpx
import pytest

import imbrace
from imbrace import AsyncImbraceClient, ImbraceClient, MissingCredentialsError
from imbrace._open_routes import OPEN_ROUTES

from helpers import Recorder

GATEWAY = "https://gw.test"
ROOT = Path(__file__).resolve().parents[2]


def _recorded(new_client: Any, kind: str, recorder: Recorder | None = None, **settings: Any) -> tuple[Any, Recorder]:
    recorder = recorder or Recorder()
    harness = new_client(gateway=GATEWAY, http_client=recorder.http_client(kind), max_retries=0, **settings)
    return harness, recorder


def test_extra_body_is_merged_into_the_json_body(new_client: Any, kind: str) -> None:
    harness, recorder = _recorded(new_client, kind, api_key="k")
    body = {"name": "a", "keep": 1}
    harness.call(harness.client.folders.update, "f1", body, extra_body={"name": "b", "z": [1]})
    assert json.loads(recorder.requests[0].content) == {"name": "b", "keep": 1, "z": [1]}
    assert body == {"name": "a", "keep": 1}


def test_extra_body_goes_into_the_form_fields_of_an_upload(new_client: Any, kind: str) -> None:
    harness, recorder = _recorded(new_client, kind, api_key="k")
    harness.call(harness.client.boards.upload_file, ("a.txt", b"hi"), folder_id="f1", extra_body={"note": "hello"})
    content = recorder.requests[0].content
    assert b'name="note"\r\n\r\nhello\r\n' in content and b'filename="a.txt"' in content
    assert b'name="folder_id"\r\n\r\nf1\r\n' in content


def test_extra_body_on_a_call_without_a_body_is_refused_before_sending(new_client: Any, kind: str) -> None:
    harness, recorder = _recorded(new_client, kind, api_key="k")
    with pytest.raises(TypeError, match="extra_body= needs a call that sends a JSON object or form fields"):
        harness.call(harness.client.boards.list, extra_body={"x": 1})
    assert recorder.requests == []


def test_copy_is_with_options_and_headers_merge_with_the_clients(new_client: Any, kind: str) -> None:
    harness, recorder = _recorded(new_client, kind, api_key="k", headers={"x-team": "a", "x-keep": "1"})
    copied = harness.client.copy(headers={"x-team": "b"}, max_retries=5)
    assert type(copied) is type(harness.client)
    assert type(harness.client).copy is type(harness.client).with_options
    harness.call(copied.boards.list)
    harness.call(harness.client.boards.list)
    first, second = recorder.requests
    assert (first.headers["x-team"], first.headers["x-keep"]) == ("b", "1")
    assert (second.headers["x-team"], second.headers["x-keep"]) == ("a", "1")


def test_header_functions_merge_too(new_client: Any, kind: str) -> None:
    calls: list[str] = []

    def base() -> dict[str, str]:
        calls.append("base")
        return {"x-token": f"t{len(calls)}", "x-keep": "1"}

    harness, recorder = _recorded(new_client, kind, api_key="k", headers=base)
    harness.call(harness.client.with_options(headers={"x-token": "fixed"}).boards.list)
    harness.call(harness.client.with_options(headers=lambda: {"x-extra": "e"}).boards.list)
    first, second = recorder.requests
    assert (first.headers["x-token"], first.headers["x-keep"]) == ("fixed", "1")
    assert (second.headers["x-token"], second.headers["x-extra"]) == ("t2", "e")


def test_defaults_are_exported_and_the_default_http_clients_match_the_sdks_own() -> None:
    assert imbrace.DEFAULT_MAX_RETRIES == 2
    assert httpx.Timeout(60.0, connect=5.0) == imbrace.DEFAULT_TIMEOUT
    with ImbraceClient(api_key="k") as client, imbrace.DefaultHttpxClient() as default:
        own = client._transport.http_client
        assert (default.timeout, default.follow_redirects) == (own.timeout, own.follow_redirects)
    with imbrace.DefaultHttpxClient(proxy="http://127.0.0.1:9", timeout=3.0) as custom:
        assert custom.timeout == httpx.Timeout(3.0) and not custom.follow_redirects
    passed = imbrace.DefaultAsyncHttpxClient()
    assert isinstance(passed, httpx.AsyncClient) and passed.timeout == imbrace.DEFAULT_TIMEOUT
    client_with_it = AsyncImbraceClient(api_key="k", http_client=passed)
    assert client_with_it._transport.http_client is passed
    asyncio.run(passed.aclose())


def test_the_async_client_closes_with_close_as_well_as_aclose() -> None:
    async def main() -> bool:
        client = AsyncImbraceClient(api_key="k")
        await client.close()
        return client._transport.http_client.is_closed

    assert asyncio.run(main())


# -- no credentials


def test_a_call_without_any_credential_raises_before_sending(new_client: Any, kind: str) -> None:
    harness, recorder = _recorded(new_client, kind)
    with pytest.raises(MissingCredentialsError) as raised:
        harness.call(harness.client.boards.list)
    message = str(raised.value)
    for name in ("api_key=", "IMBRACE_API_KEY", "IMBRACE_ACCESS_TOKEN", "client.login(", "client.request_otp("):
        assert name in message
    assert isinstance(raised.value, imbrace.ImbraceError)
    assert recorder.requests == []


def test_open_routes_and_the_login_flow_work_without_a_credential(new_client: Any, kind: str) -> None:
    def respond(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/authenticate"):
            return httpx.Response(200, json={"accessToken": "acc_1", "organizations": []})
        return httpx.Response(200, json={"success": True, "data": {"status": "ok"}})

    harness, recorder = _recorded(new_client, kind, Recorder(respond))
    client = harness.client
    harness.call(client.ai_agent.get_health)
    harness.call(client.ai_agent.get_version)
    harness.call(client.ai_agent.list_admin_guides)
    harness.call(client.request_otp, "a@b.c")
    harness.call(client.login_with_otp, "a@b.c", "123456")
    harness.call(client.boards.list)  # the login's token is the credential now
    assert [r.url.path for r in recorder.requests] == [
        "/ai-agent/health",
        "/ai-agent/version",
        "/ai-agent/admin/guides",
        "/platform/v1/login/_signin_email_request",
        "/platform/v1/login/authenticate",
        "/data-board/boards",
    ]
    assert "x-api-key" not in recorder.requests[0].headers
    assert recorder.requests[-1].headers["x-access-token"] == "acc_1"


def test_every_open_route_is_an_operation_of_the_specs_and_the_gateways_open_ones_are_listed() -> None:
    import yaml

    declared = set()
    for service, name in (("gateway", "gateway.yaml"), ("ai_agent", "ai-agent.yaml")):
        spec = yaml.safe_load((ROOT / "openapi" / name).read_text(encoding="utf-8"))
        for path, operations in spec["paths"].items():
            for verb, operation in operations.items():
                if isinstance(operation, dict):
                    declared.add((service, verb.upper(), path))
                    if operation.get("security") == []:
                        assert (verb.upper(), path) in OPEN_ROUTES[service], path
    listed = {(service, method, path) for service, routes in OPEN_ROUTES.items() for method, path in routes}
    assert listed <= declared


# -- configuration


def test_env_names_are_case_insensitive_and_prodv2_is_known(monkeypatch: pytest.MonkeyPatch) -> None:
    assert ImbraceClient(api_key="k", env="ProdV2").services["gateway"] == "https://app-gatewayv2.imbrace.co"
    assert ImbraceClient(api_key="k", env="SANDBOX").services["gateway"] == "https://app-gateway.sandbox.imbrace.co"
    monkeypatch.setenv("IMBRACE_ENV", "Develop")
    assert ImbraceClient(api_key="k").services["gateway"] == "https://app-gateway.dev.imbrace.co"
    with pytest.raises(ValueError, match="unknown env 'nope': expected one of develop, prodv2, sandbox, stable"):
        ImbraceClient(api_key="k", env="nope")


def test_gateway_and_base_url_must_agree() -> None:
    with pytest.raises(ValueError, match="differ: pass one of them"):
        ImbraceClient(api_key="k", gateway="https://a.test", base_url="https://b.test")
    same = ImbraceClient(api_key="k", gateway="https://a.test/", base_url="https://a.test")
    assert same.services["gateway"] == "https://a.test"
    assert ImbraceClient(api_key="k", base_url="https://b.test").services["gateway"] == "https://b.test"


def test_imbrace_base_url_is_an_alias_of_imbrace_gateway_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IMBRACE_BASE_URL", "https://base.test")
    assert ImbraceClient(api_key="k").services["gateway"] == "https://base.test"
    monkeypatch.setenv("IMBRACE_GATEWAY_URL", "https://base.test/")
    assert ImbraceClient(api_key="k").services["gateway"] == "https://base.test"
    monkeypatch.setenv("IMBRACE_GATEWAY_URL", "https://other.test")
    with pytest.raises(ValueError, match=r"IMBRACE_GATEWAY_URL=.* and IMBRACE_BASE_URL=.* differ"):
        ImbraceClient(api_key="k")
    assert ImbraceClient(api_key="k", gateway="https://arg.test").services["gateway"] == "https://arg.test"
