"""Case 14: a recorded cassette holds no secret, whatever its shape: scrubbed by field name, header allowlist and
URL-decoded query value, in requests and responses; `scan` reports any that got through.

The flow below is a login against a platform whose tokens are plain hex (no `sk-`/`acc_`/JWT shape to spot).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from integration.recording import REDACTED, Target, make_vcr, scan
from vcr.request import Request

from helpers import Harness, Reply, ScriptedServer, Seen

NewClient = Callable[..., Harness]
EMAIL = "ceo@customer.example"
PASSWORD = "correct horse battery staple"
LOGIN_TOKEN = "9f8e7d6c5b4a39281706f5e4d3c2b1a0"
ORG_TOKEN = "0a1b2c3d4e5f60718293a4b5c6d7e8f9"
REFRESH = "ffeeddccbbaa99887766554433221100"
PROVIDER_KEY = "prov key/with+chars&more"
SECRETS = (EMAIL, PASSWORD, LOGIN_TOKEN, ORG_TOKEN, REFRESH, PROVIDER_KEY)


def _platform(seen: Seen) -> Reply:
    if seen.path.startswith("/platform/v1/login"):
        return Reply(200, {"accessToken": LOGIN_TOKEN, "refresh_token": REFRESH, "user": {"email": EMAIL}})
    if seen.path.startswith("/platform/v1/access"):
        return Reply(200, {"token": ORG_TOKEN, "access_token": ORG_TOKEN})
    if seen.method == "POST":
        return Reply(201, {"_id": "p1", "name": "mine", "api_key": PROVIDER_KEY, "config": {"secret": PROVIDER_KEY}})
    return Reply(200, [])


def test_a_recorded_login_flow_writes_no_secret(new_client: NewClient, kind: str, tmp_path: Path) -> None:
    path = tmp_path / "login.yaml"
    with ScriptedServer(_platform) as server:
        target = Target.recording(server.url, None, None, None)
        with make_vcr(target, record=True).use_cassette(str(path)):
            harness = new_client(gateway=server.url, api_key="placeholder-key")
            harness.call(harness.client.login, EMAIL, PASSWORD)
            harness.call(harness.client.select_organization, "org_1")
            provider = {"name": "mine", "type": "openai", "config": {"api_key": PROVIDER_KEY}}
            harness.call(harness.client.ai.create_provider, provider)
            harness.call(harness.client.ai.list_guardrails, extra_query={"apiKey": PROVIDER_KEY})
        assert any(seen.headers.get("x-access-token") == ORG_TOKEN for seen in server.seen)  # the flow really ran
    text = path.read_text()
    assert len(yaml.safe_load(text)["interactions"]) == 4
    for secret in SECRETS:
        assert secret not in text and json.dumps(secret)[1:-1] not in text
    assert "placeholder-key" not in text and LOGIN_TOKEN not in text
    assert scan(text) == []
    assert REDACTED in text


@pytest.mark.parametrize(
    "leak",
    [
        {"request": {"body": json.dumps({"email": EMAIL, "password": PASSWORD})}},
        {"response": {"body": {"string": json.dumps({"accessToken": LOGIN_TOKEN, "refresh_token": REFRESH})}}},
        {"response": {"body": {"string": json.dumps({"data": [{"provider": {"api_key": "plain"}}]})}}},
        {"response": {"body": {"string": 'data: {"token": "abc"}\n\n'}}},
        {"request": {"uri": "http://imbrace.test/v1?apiKey=abc"}},
        {"request": {"uri": "http://imbrace.test/v1?q=sk%2Dlive%2Dsecret%2D123456"}},
    ],
)
def test_the_scan_finds_secrets_by_field_name_and_encoded_values(leak: dict[str, dict[str, object]]) -> None:
    interaction = {
        "request": {
            "method": "POST",
            "uri": "http://imbrace.test/v1",
            "body": "",
            "headers": {},
            **leak.get("request", {}),
        },
        "response": {"status": {"code": 200}, "headers": {}, "body": {"string": ""}, **leak.get("response", {})},
    }
    assert scan(yaml.safe_dump({"version": 1, "interactions": [interaction]}))


def test_numbers_under_token_like_names_are_not_secrets() -> None:
    usage = json.dumps({"usage": {"prompt_tokens": 3, "total_tokens": 5}, "max_tokens": 10})
    interaction = {
        "request": {"method": "POST", "uri": "http://imbrace.test/v1", "body": usage, "headers": {}},
        "response": {"status": {"code": 200}, "headers": {}, "body": {"string": usage}},
    }
    assert scan(yaml.safe_dump({"version": 1, "interactions": [interaction]})) == []


def test_url_encoded_secrets_in_the_query_are_scrubbed_after_decoding() -> None:
    scrub_request = make_vcr(Target("http://127.0.0.1:9"), record=True).get_merged_config()["before_record_request"]
    request = scrub_request(Request("GET", "http://127.0.0.1:9/v1?q=sk%2Dlive%2Dsecret%2D123456&page=2", b"", {}))
    assert "secret" not in request.uri and "page=2" in request.uri
