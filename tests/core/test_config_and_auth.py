"""Construction: environment variables, base URLs, the auth header per mode, header providers, repr."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from imbrace import AsyncImbraceClient, ImbraceClient

from helpers import Harness, Recorder

JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl"
NewClient = Callable[..., Harness]


def _first_request(harness: Harness, recorder: Recorder) -> httpx.Request:
    harness.call(harness.client.ai_agent.get_config)
    return recorder.requests[-1]


@pytest.mark.parametrize(
    ("credentials", "expected", "absent"),
    [
        ({"api_key": "key-1"}, {"x-api-key": "key-1"}, ["x-access-token", "authorization", "x-organization-id"]),
        (
            {"api_key": "key-1", "organization_id": "org-1"},
            {"x-api-key": "key-1", "x-organization-id": "org-1"},
            ["x-access-token", "authorization"],
        ),
        ({"access_token": "acc_opaque"}, {"x-access-token": "acc_opaque"}, ["x-api-key", "authorization"]),
        (
            {"access_token": "acc_opaque", "organization_id": "org-1"},
            {"x-access-token": "acc_opaque", "x-organization-id": "org-1"},
            ["x-api-key", "authorization"],
        ),
        (
            {"access_token": JWT, "organization_id": "org-1"},
            {"authorization": f"Bearer {JWT}", "x-organization-id": "org-1"},
            ["x-api-key", "x-access-token"],
        ),
        ({"api_key": "key-1", "access_token": "acc_x"}, {"x-api-key": "key-1"}, ["x-access-token"]),
        ({}, {}, ["x-api-key", "x-access-token", "authorization", "x-organization-id"]),
    ],
)
def test_auth_header_matrix(
    new_client: NewClient, kind: str, credentials: dict[str, str], expected: dict[str, str], absent: list[str]
) -> None:
    recorder = Recorder()
    harness = new_client(http_client=recorder.http_client(kind), **credentials)
    request = _first_request(harness, recorder)
    for name, value in expected.items():
        assert request.headers[name] == value
    for name in absent:
        assert name not in request.headers
    assert request.headers["user-agent"].startswith("imbrace-python/")
    assert "Python 3." in request.headers["user-agent"]


def test_environment_variables_fill_what_is_not_passed(
    new_client: NewClient, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IMBRACE_API_KEY", "env-key")
    monkeypatch.setenv("IMBRACE_ORGANIZATION_ID", "env-org")
    monkeypatch.setenv("IMBRACE_GATEWAY_URL", "http://gateway.test/")
    monkeypatch.setenv("IMBRACE_AI_AGENT_URL", "http://agent.test/api")
    recorder = Recorder()
    request = _first_request(new_client(http_client=recorder.http_client(kind)), recorder)
    assert str(request.url) == "http://agent.test/api/config"
    assert request.headers["x-api-key"] == "env-key"
    assert request.headers["x-organization-id"] == "env-org"


def test_arguments_win_over_environment(new_client: NewClient, kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IMBRACE_API_KEY", "env-key")
    monkeypatch.setenv("IMBRACE_ENV", "develop")
    monkeypatch.setenv("IMBRACE_ORGANIZATION_ID", "env-org")
    recorder = Recorder()
    harness = new_client(
        http_client=recorder.http_client(kind), api_key="arg-key", organization_id="arg-org", env="sandbox"
    )
    request = _first_request(harness, recorder)
    assert request.headers["x-api-key"] == "arg-key"
    assert request.headers["x-organization-id"] == "arg-org"
    assert request.url.host == "app-gateway.sandbox.imbrace.co"


@pytest.mark.parametrize(
    ("kwargs", "env", "expected"),
    [
        ({}, {}, "https://app-gatewayv2.imbrace.co/ai-agent/config"),
        ({"env": "develop"}, {}, "https://app-gateway.dev.imbrace.co/ai-agent/config"),
        ({}, {"IMBRACE_ENV": "sandbox"}, "https://app-gateway.sandbox.imbrace.co/ai-agent/config"),
        ({"base_url": "http://local:1/"}, {}, "http://local:1/ai-agent/config"),
        ({"gateway": "http://gw:2"}, {"IMBRACE_GATEWAY_URL": "http://other:3"}, "http://gw:2/ai-agent/config"),
        ({"services": {"ai_agent": "http://self-hosted:7100/api"}}, {}, "http://self-hosted:7100/api/config"),
    ],
)
def test_base_urls(
    new_client: NewClient,
    kind: str,
    monkeypatch: pytest.MonkeyPatch,
    kwargs: dict[str, Any],
    env: dict[str, str],
    expected: str,
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    recorder = Recorder()
    request = _first_request(new_client(http_client=recorder.http_client(kind), api_key="k", **kwargs), recorder)
    assert str(request.url) == expected


def test_data_board_service_override_replaces_the_data_board_prefix(kind: str, new_client: NewClient) -> None:
    recorder = Recorder(respond=lambda r: httpx.Response(200, json={"data": []}))
    harness = new_client(
        http_client=recorder.http_client(kind), api_key="k", services={"data_board": "http://localhost:3001/api"}
    )
    harness.call(harness.client._transport.request_json, "data_board", {"method": "get", "url": "/data-board/boards"})
    assert str(recorder.requests[-1].url) == "http://localhost:3001/api/boards"


@pytest.mark.parametrize("bad", [{"env": "production"}, {"services": {"chat_ai": "http://x"}}, {"gateway": "ftp://x"}])
def test_bad_configuration_is_a_clear_error(bad: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match=r"env|services|http"):
        ImbraceClient(api_key="k", **bad)


def test_dynamic_sync_header_provider_is_called_per_request(new_client: NewClient, kind: str) -> None:
    tokens = iter(["t1", "t2"])
    recorder = Recorder()
    harness = new_client(http_client=recorder.http_client(kind), headers=lambda: {"x-trace": next(tokens)})
    harness.call(harness.client.ai_agent.get_config)
    harness.call(harness.client.ai_agent.get_config)
    assert [r.headers["x-trace"] for r in recorder.requests] == ["t1", "t2"]


def test_async_header_provider_on_the_async_client() -> None:
    import asyncio

    calls = 0

    async def provider() -> dict[str, str]:
        nonlocal calls
        calls += 1
        return {"authorization": f"Bearer refreshed-{calls}"}

    recorder = Recorder()

    async def main() -> list[str]:
        async with AsyncImbraceClient(http_client=recorder.http_client("async"), headers=provider) as client:
            await client.ai_agent.get_config()
            await client.ai_agent.get_config()
        return [r.headers["authorization"] for r in recorder.requests]

    assert asyncio.run(main()) == ["Bearer refreshed-1", "Bearer refreshed-2"]


def test_async_header_provider_on_the_sync_client_is_refused() -> None:
    async def provider() -> dict[str, str]:
        return {}

    client = ImbraceClient(api_key="k", headers=provider, http_client=Recorder().http_client("sync"))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="async headers provider"):
        client.ai_agent.get_config()


def test_per_call_options_reach_the_request(new_client: NewClient, kind: str) -> None:
    recorder = Recorder()
    harness = new_client(http_client=recorder.http_client(kind), api_key="k")
    harness.call(
        harness.client.ai_agent.get_config,
        extra_headers={"x-request-id": "r1"},
        extra_query={"trace": "yes"},
        timeout=3.0,
    )
    request = recorder.requests[-1]
    assert request.headers["x-request-id"] == "r1"
    assert request.url.params["trace"] == "yes"
    assert request.extensions["timeout"]["read"] == 3.0


def test_unknown_per_call_option_is_a_type_error(new_client: NewClient, kind: str) -> None:
    harness = new_client(http_client=Recorder().http_client(kind), api_key="k")
    with pytest.raises(TypeError, match="timeot"):
        harness.call(harness.client.ai_agent.get_config, timeot=3)


def test_default_timeout_is_60s_with_5s_connect(new_client: NewClient, kind: str) -> None:
    recorder = Recorder()
    harness = new_client(http_client=recorder.http_client(kind), api_key="k")
    harness.call(harness.client.ai_agent.get_config)
    timeout = recorder.requests[-1].extensions["timeout"]
    assert timeout == {"connect": 5.0, "read": 60.0, "write": 60.0, "pool": 60.0}


def test_with_options_shares_the_pool_and_credentials(new_client: NewClient, kind: str) -> None:
    harness = new_client(api_key="k", organization_id="o")
    parent = harness.client
    children = [parent.with_options(timeout=5, max_retries=0, headers={"x-i": str(i)}) for i in range(200)]
    assert all(child._transport.http_client is parent._transport.http_client for child in children)
    assert all(not child._transport.owns_http_client for child in children)
    for child in children[:5]:
        harness.call(child.aclose if kind == "async" else child.close)  # type: ignore[union-attr]
    assert not parent._transport.http_client.is_closed


def test_with_options_changes_only_what_it_is_given(new_client: NewClient, kind: str) -> None:
    recorder = Recorder()
    harness = new_client(http_client=recorder.http_client(kind), api_key="k", headers={"x-base": "1"})
    child = harness.client.with_options(timeout=7)
    harness.call(child.ai_agent.get_config)
    request = recorder.requests[-1]
    assert request.extensions["timeout"]["read"] == 7.0
    assert request.headers["x-base"] == "1"
    assert request.headers["x-api-key"] == "k"
    assert child._transport.max_retries == harness.client._transport.max_retries


def test_injected_http_client_is_never_closed_by_the_sdk(kind: str, new_client: NewClient) -> None:
    http_client = Recorder().http_client(kind)
    harness = new_client(http_client=http_client, api_key="k")
    harness.close()
    assert not http_client.is_closed


def test_owned_http_client_is_closed_by_the_context_manager() -> None:
    with ImbraceClient(api_key="k") as client:
        pool = client._transport.http_client
    assert pool.is_closed


def test_set_and_clear_access_token(new_client: NewClient, kind: str) -> None:
    recorder = Recorder()
    harness = new_client(http_client=recorder.http_client(kind), api_key="k", organization_id="o")
    harness.client.set_access_token("acc_new")
    request = _first_request(harness, recorder)
    assert request.headers["x-access-token"] == "acc_new"
    assert "x-api-key" not in request.headers
    assert request.headers["x-organization-id"] == "o"
    harness.client.clear_access_token()
    request = _first_request(harness, recorder)
    assert "x-access-token" not in request.headers


def test_an_explicit_token_wins_over_a_key_in_the_environment(
    new_client: NewClient, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IMBRACE_API_KEY", "env-key")
    recorder = Recorder()
    request = _first_request(new_client(http_client=recorder.http_client(kind), access_token="acc_explicit"), recorder)
    assert request.headers["x-access-token"] == "acc_explicit"
    assert "x-api-key" not in request.headers
