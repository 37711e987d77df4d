"""Case 2: no credential header, and no request body, ever reaches another origin through a redirect.

Whatever `http_client` the caller passes (even one built with `follow_redirects=True`), the SDK sends with
`follow_redirects=False`. With a client that follows redirects, the SDK follows those on the same scheme, host and
port (up to 5) with the request as it was; a GET or HEAD to another origin (a drive's download URL) with only
`accept`, `accept-encoding` and `user-agent`, unless it leaves https for http; and refuses any other (a write to
another origin) with an `APIStatusError` naming the (redacted) target.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest

import imbrace

from helpers import Harness, Reply, ScriptedServer, Seen

NewClient = Callable[..., Harness]
CREDENTIALS = {"api_key": "sk-SECRET", "organization_id": "org_SECRET"}
PROVIDER = {"name": "p", "type": "openai", "config": {}}


@pytest.fixture
def elsewhere() -> Iterator[ScriptedServer]:
    """Another origin (another port of 127.0.0.1), which must never be reached."""
    with ScriptedServer(lambda seen: Reply(200, {"stolen": True})) as server:
        yield server


def _following(kind: str) -> httpx.Client | httpx.AsyncClient:
    return httpx.Client(follow_redirects=True) if kind == "sync" else httpx.AsyncClient(follow_redirects=True)


def _gateway(status: int, location: Callable[[Seen], str]) -> ScriptedServer:
    def script(seen: Seen) -> Reply:
        if seen.path.startswith("/moved"):
            return Reply(200, {"method": seen.method, "body": seen.body.decode()})
        return Reply(status, None, {"location": location(seen)})

    return ScriptedServer(script)


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_to_another_origin_is_refused_and_nothing_reaches_it(
    new_client: NewClient, kind: str, elsewhere: ScriptedServer, status: int
) -> None:
    with _gateway(status, lambda seen: f"{elsewhere.url}/steal?token=T0KEN") as gateway:  # a POST: refused
        harness = new_client(gateway=gateway.url, http_client=_following(kind), **CREDENTIALS)
        with pytest.raises(imbrace.APIStatusError, match="leaves the origin") as caught:
            harness.call(harness.client.ai.create_provider, {**PROVIDER, "config": {"api_key": "provider-secret"}})
    assert elsewhere.seen == []
    assert caught.value.status_code == status
    assert "T0KEN" not in str(caught.value)


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_get_redirected_to_another_origin_goes_without_credentials_or_custom_headers(
    new_client: NewClient, kind: str, elsewhere: ScriptedServer, status: int
) -> None:
    with _gateway(status, lambda seen: f"{elsewhere.url}/download?sig=abc") as gateway:
        harness = new_client(
            gateway=gateway.url, http_client=_following(kind), headers={"x-custom-auth": "mine"}, **CREDENTIALS
        )
        assert harness.call(harness.client.ai_agent.get_config) == {"stolen": True}
        assert gateway.seen[0].headers["x-api-key"] == "sk-SECRET"
    sent = elsewhere.seen[0].headers
    assert elsewhere.seen[0].path == "/download?sig=abc"
    assert not {"x-api-key", "x-organization-id", "x-custom-auth", "authorization"} & set(sent)
    assert "SECRET" not in str(sent)


def test_a_redirect_from_https_to_http_is_refused(new_client: NewClient, kind: str) -> None:
    def respond(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"location": "http://elsewhere.example/file"})

    transport = httpx.MockTransport(respond)
    http_client = (httpx.Client if kind == "sync" else httpx.AsyncClient)(transport=transport, follow_redirects=True)
    harness = new_client(gateway="https://gateway.example", http_client=http_client, **CREDENTIALS)
    with pytest.raises(imbrace.APIStatusError, match="leaves the origin"):
        harness.call(harness.client.ai_agent.get_config)


@pytest.mark.parametrize(("status", "method"), [(302, "GET"), (303, "GET"), (307, "POST"), (308, "POST")])
def test_same_origin_redirects_are_followed_with_the_credentials(
    new_client: NewClient, kind: str, status: int, method: str
) -> None:
    with _gateway(status, lambda seen: "/moved/here") as gateway:
        harness = new_client(gateway=gateway.url, http_client=_following(kind), **CREDENTIALS)
        answer = harness.call(harness.client.ai.create_provider, PROVIDER)
        moved = [seen for seen in gateway.seen if seen.path.startswith("/moved")]
    assert answer["method"] == method
    assert (answer["body"] != "") == (method == "POST")
    assert moved[0].headers["x-api-key"] == "sk-SECRET"


def test_a_redirect_loop_stops(new_client: NewClient, kind: str) -> None:
    with _gateway(302, lambda seen: "/v3/ai/providers") as gateway:
        harness = new_client(gateway=gateway.url, http_client=_following(kind), **CREDENTIALS)
        with pytest.raises(imbrace.APIStatusError) as caught:
            harness.call(harness.client.ai.list_providers)
        assert caught.value.status_code == 302
        assert len(gateway.seen) == 6


def test_without_follow_redirects_a_redirect_is_a_status_error(
    new_client: NewClient, kind: str, elsewhere: ScriptedServer
) -> None:
    with _gateway(302, lambda seen: f"{elsewhere.url}/x") as gateway:
        harness = new_client(gateway=gateway.url, **CREDENTIALS)
        with pytest.raises(imbrace.APIStatusError):
            harness.call(harness.client.ai_agent.get_config)
    assert elsewhere.seen == []
