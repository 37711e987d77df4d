"""The cassettes themselves: no secret in any of them, the scrubbing that keeps it so, and replays that fail loudly."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml
from vcr.request import Request
from vcr.serialize import serialize

from imbrace import BadRequestError, IncompleteStreamError

from .recording import (
    CASSETTES,
    FAKE_GATEWAY,
    FAKE_ORGANIZATION,
    RECORD_ACCESS_TOKEN,
    RECORD_API_KEY,
    RECORDING,
    REDACTED,
    ReadableYaml,
    Target,
    make_vcr,
    scan,
)
from .support import collect
from .test_chat import FIRST, create_agent, turn
from helpers import Harness

if TYPE_CHECKING:
    from imbrace.emulator import Emulator

pytestmark = pytest.mark.integration
after_recording = pytest.mark.skipif(RECORDING, reason="reads the cassettes: runs in the replay after recording")

JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJyZWNvcmQifQ.c2lnbmF0dXJlLW9mLXJlY29yZA"
OTHER_SECRETS = "sk-live-OTHER-secret-999 acc_OTHERsecret12345 Bearer abcdefghijklmnopqrstuvwxyz"


@after_recording
def test_no_cassette_holds_a_secret() -> None:
    paths = sorted(CASSETTES.rglob("*.yaml"))
    assert paths, "cassettes/ is empty: run scripts/record"
    leaks = {str(path.relative_to(CASSETTES)): scan(path.read_text()) for path in paths}
    assert {path: found for path, found in leaks.items() if found} == {}


@pytest.mark.parametrize(
    "leak",
    [
        {"request": {"headers": {"x-api-key": ["key-123456"]}}},
        {"request": {"headers": {"X-Access-Token": ["opaque"]}}},
        {"request": {"headers": {"authorization": ["Basic dXNlcjpwYXNz"]}}},
        {"request": {"headers": {"cookie": ["session=1"]}}},
        {"response": {"headers": {"set-cookie": ["session=1; HttpOnly"]}}},
        {"request": {"uri": "http://imbrace.test/v1?page=2&access_token=abc"}},
        {"request": {"body": f'{{"token": "{RECORD_ACCESS_TOKEN}"}}'}},
        {"response": {"body": {"string": '{"api_key": "sk-abcdef123456"}'}}},
        {"response": {"body": {"string": f"data: {JWT}"}}},
        {"response": {"body": {"string": "Authorization: bearer abcdefghijkl.mnop"}}},
    ],
)
def test_the_scan_finds_each_kind_of_secret(leak: dict[str, dict[str, object]]) -> None:
    interaction = {
        "request": {
            "method": "GET",
            "uri": "http://imbrace.test/v1",
            "body": "",
            "headers": {},
            **leak.get("request", {}),
        },
        "response": {"status": {"code": 200}, "headers": {}, "body": {"string": ""}, **leak.get("response", {})},
    }
    assert scan(yaml.safe_dump({"version": 1, "interactions": [interaction]}))


def test_recording_scrubs_headers_query_and_bodies() -> None:
    target = Target.recording("http://127.0.0.1:9/", "org_real", RECORD_API_KEY, JWT)
    config = make_vcr(target, record=True).get_merged_config()
    body = json.dumps({"organization_id": "org_real", "note": f"{RECORD_API_KEY} {OTHER_SECRETS}"}).encode()
    headers = {
        "Content-Type": "application/json",
        "X-Api-Key": RECORD_API_KEY,
        "Authorization": f"Bearer {JWT}",
        "Cookie": "session=1",
        "X-Organization-Id": "org_real",
        "User-Agent": "imbrace-python",
    }
    request = config["before_record_request"](
        Request("POST", f"http://127.0.0.1:9/v3/ai/x?page=2&token={RECORD_ACCESS_TOKEN}", body, headers)
    )
    response = config["before_record_response"](
        {
            "status": {"code": 200, "message": "OK"},
            "headers": {
                "Content-Type": ["application/json"],
                "Content-Encoding": ["gzip"],
                "Set-Cookie": ["session=2"],
                "Date": ["Mon, 01 Jan 2026 00:00:00 GMT"],
                "X-Request-Id": ["req-1"],
            },
            "body": {"string": gzip.compress(json.dumps({"token": JWT, "url": "http://127.0.0.1:9/f"}).encode())},
        }
    )

    text = serialize({"requests": [request], "responses": [response]}, ReadableYaml)
    assert scan(text) == []
    assert request.uri == f"{FAKE_GATEWAY}/v3/ai/x?page=2&token=%3CREDACTED%3E"
    assert dict(request.headers) == {"content-type": "application/json"}
    assert json.loads(request.body) == {
        "organization_id": FAKE_ORGANIZATION,
        "note": " ".join([REDACTED] * 4),
    }
    assert response["headers"] == {"content-type": ["application/json"]}
    assert json.loads(response["body"]["string"]) == {"token": REDACTED, "url": f"{FAKE_GATEWAY}/f"}


def test_a_recording_with_secrets_everywhere_is_clean_and_replays(
    imbrace_emulator: Emulator, connect: Callable[..., Harness], tmp_path: Path
) -> None:
    path = tmp_path / "secrets.yaml"

    def flow(target: Target) -> None:
        h = connect(**target.client_kwargs())
        agent = {"name": "Leaky", "workflow_name": "leaky", "description": f"{RECORD_API_KEY} {OTHER_SECRETS}"}
        h.call(h.client.chat_ai.create_ai_agent, agent, extra_query={"api_key": RECORD_API_KEY})
        h = connect(**target.client_kwargs(token=True))
        with pytest.raises(BadRequestError):  # the AI service's answer for an unknown agent
            h.call(h.client.chat_ai.get_ai_agent, "unknown", extra_headers={"cookie": f"id={RECORD_ACCESS_TOKEN}"})

    recording = Target.recording(imbrace_emulator.url, None, RECORD_API_KEY, JWT)
    with make_vcr(recording, record=True).use_cassette(str(path)):
        flow(recording)
    assert scan(path.read_text()) == []

    replay = Target(FAKE_GATEWAY)
    with make_vcr(replay, record=False).use_cassette(str(path)) as cassette:
        flow(replay)
    assert cassette.all_played


@after_recording
def test_a_stream_cut_short_in_a_cassette_fails_loudly(
    kind: str, connect: Callable[..., Harness], tmp_path: Path
) -> None:
    recorded = yaml.safe_load((CASSETTES / "test_chat" / f"test_stream_chat-{kind}.yaml").read_text())
    create, chat = recorded["interactions"][:2]
    events = chat["response"]["body"]["string"].split("\n\n")
    first_delta = next(i for i, event in enumerate(events) if "text-delta" in event)
    chat["response"]["body"]["string"] = "\n\n".join(events[: first_delta + 1]) + "\n\n"
    path = tmp_path / "cut.yaml"
    path.write_text(yaml.safe_dump({"version": 1, "interactions": [create, chat]}))

    h = connect(**Target(FAKE_GATEWAY).client_kwargs())
    with make_vcr(Target(FAKE_GATEWAY), record=False).use_cassette(str(path)):
        stream = h.call(h.client.ai_agent.stream_chat, turn(create_agent(h, streaming=True), FIRST))
        with pytest.raises(IncompleteStreamError, match="without \\[DONE\\] or a finish"):
            collect(h, stream)
