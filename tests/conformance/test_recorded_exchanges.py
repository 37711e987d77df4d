"""Every exchange recorded from the running AI-agent service, replayed against the emulator in recorded order.

`recorded/ai-agent-service-exchanges.jsonl` holds 98 requests the SDK made to the open-source service (run on
loopback, `shared/reference/service-conformance.md`) and the replies it got. Each is sent again, as recorded, to one
emulator, and the emulator's reply must match the service's: the status, the media type, the stream headers, and the
body's shape (its keys and value types, recursively; ids, times and texts are free). Ids the service made (documents,
messages, users, dated parquet names, times) are mapped to the emulator's as the replay learns them, so later
requests name the emulator's records; the recording's three assistants are created first. The recording keeps no
query strings and no stream bodies: the query each step sent is restated in `exchanges.py` (from the step's SDK call),
and a stream's reply is compared by its headers (its chunks are checked in test_stream_facts.py).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from exchanges import EXCHANGES, RECORDED_ORGANIZATION, query

from imbrace.emulator import Emulator, EmulatorSettings

KEY, ORGANIZATION = "conformance-key", RECORDED_ORGANIZATION
ROOT = "/ai-agent"
_LEARNED = re.compile(
    r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$|^\d{4}-\d\d-\d\dT[\d:.]+Z$|^\d{8}_\w+$"
)
STREAM_HEADERS = ("cache-control", "x-accel-buffering", "x-vercel-ai-ui-message-stream", "content-disposition")

# The recorded assistants (served by the recording's gateway stub), made on the emulator before the replay.
ASSISTANTS = {
    "asst_stream": {"streaming": True},
    "asst_think": {"streaming": True, "show_thinking_process": True},
    "asst_nostream": {"streaming": False},
}

# Where the emulator deliberately answers otherwise, and why (README, "Where the emulator differs").
EXCEPTIONS = {
    "stream_sub_agent_chat": "hosted platform only: the open-source service has no such route (404); the emulator "
    "serves the hosted platform's sub-agent chat",
    "get_sub_agent_history": "hosted platform only (404 on the open-source service); the emulator serves it",
    "list_embedding_files": "hosted platform only (404 on the open-source service); the emulator serves embeddings",
    "get_traces": "the recorded service had no Grafana/Tempo configured (500); the emulator answers as one that has",
    "list_chats (legacy v1, mongo)": "the open-source service never connects its MongoDB (500 after 10 s); the "
    "emulator serves the legacy v1 routes over its chat store",
}


def _headers(step: str) -> dict[str, str]:
    headers = {"x-api-key": "an-expired-key" if "(bad key)" in step else KEY}
    if "(no org)" not in step:
        headers["x-organization-id"] = ORGANIZATION
    return headers


def _substitute(text: str, ids: dict[str, str]) -> str:
    for recorded, emulated in ids.items():
        text = text.replace(f'"{recorded}"', f'"{emulated}"').replace(f"/{recorded}/", f"/{emulated}/")
        if text.endswith(f"/{recorded}"):
            text = text[: -len(recorded)] + emulated
    return text


def shape(value: Any) -> Any:
    """The value's structure: keys and JSON types, lists by their first item."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in sorted(value.items())}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    if isinstance(value, bool) or value is None:
        return type(value).__name__
    return "number" if isinstance(value, (int, float)) else type(value).__name__


def same_shape(recorded: Any, emulated: Any) -> bool:
    if isinstance(recorded, list) and isinstance(emulated, list) and (not recorded or not emulated):
        return True  # an empty list says nothing about its items
    if isinstance(recorded, list) and isinstance(emulated, list):
        return same_shape(recorded[0], emulated[0])
    if isinstance(recorded, dict) and isinstance(emulated, dict):
        return recorded.keys() == emulated.keys() and all(same_shape(recorded[k], emulated[k]) for k in recorded)
    return shape(recorded) == shape(emulated)


def learn(recorded: Any, emulated: Any, ids: dict[str, str]) -> None:
    """Map the service's generated values (UUIDs, times, dated names) to the emulator's at the same places."""
    if isinstance(recorded, dict) and isinstance(emulated, dict):
        for key in recorded.keys() & emulated.keys():
            learn(recorded[key], emulated[key], ids)
    elif isinstance(recorded, list) and isinstance(emulated, list):
        for pair in zip(recorded, emulated):
            learn(*pair, ids)
    elif isinstance(recorded, str) and isinstance(emulated, str) and recorded != emulated and _LEARNED.match(recorded):
        ids.setdefault(recorded, emulated)


def _media(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip()


def _create_assistants(http: httpx.Client) -> dict[str, str]:
    made = {}
    for name, flags in ASSISTANTS.items():
        body = {"name": name, "workflow_name": name, "provider_id": "system", "model_id": "Default", **flags}
        made[name] = http.post("/v3/ai/assistant_apps", json=body).json()["id"]
    return made


def replay() -> Iterator[tuple[dict[str, Any], httpx.Response]]:
    """Each recorded exchange with the emulator's answer to it, in recorded order, on one fresh emulator."""
    settings = EmulatorSettings(api_key=KEY, status_timeout=0.2)
    with Emulator(settings) as emulator, httpx.Client(base_url=emulator.url + ROOT, timeout=30) as http:
        setup = httpx.Client(base_url=emulator.url, headers=_headers(""), timeout=30)
        with setup:
            ids = _create_assistants(setup)
        seen: Counter[str] = Counter()
        for exchange in EXCHANGES:
            step = exchange["step"]
            body = exchange["request_body"]
            response = http.request(
                exchange["method"],
                _substitute(exchange["path"], ids),
                params=query(step, seen[step], ids),
                content=None if body is None else _substitute(body, ids).encode(),
                headers={**_headers(step), **({} if body is None else {"content-type": "application/json"})},
            )
            seen[step] += 1
            if _media(exchange["content_type"]) == "application/json" and exchange["status"] < 300:
                learn(exchange["body"], response.json(), ids)
            yield exchange, response


@pytest.fixture(scope="module")
def replayed() -> list[tuple[dict[str, Any], httpx.Response]]:
    return list(replay())


def test_every_recorded_exchange_is_replayed(replayed: list[tuple[dict[str, Any], httpx.Response]]) -> None:
    assert len(replayed) == len(EXCHANGES) == 98


@pytest.mark.parametrize("index", range(len(EXCHANGES)), ids=lambda i: f"{i:02d}-{EXCHANGES[i]['step']}")
def test_the_emulator_answers_as_the_service_did(
    replayed: list[tuple[dict[str, Any], httpx.Response]], index: int
) -> None:
    exchange, response = replayed[index]
    if exchange["step"] in EXCEPTIONS:
        assert response.is_success, EXCEPTIONS[exchange["step"]]
        return
    assert response.status_code == exchange["status"], response.text
    assert _media(response.headers["content-type"]) == _media(exchange["content_type"])
    for name, value in exchange.get("headers", {}).items():
        if name in STREAM_HEADERS:
            assert response.headers.get(name) == value, name
    if exchange["body"] != "<stream>":
        assert same_shape(exchange["body"], response.json()), (shape(exchange["body"]), shape(response.json()))


def test_the_exceptions_are_steps_of_the_recording() -> None:
    assert set(EXCEPTIONS) <= {exchange["step"] for exchange in EXCHANGES}


# Values that name this run rather than the answer: when, where, and the recorded service's own paths and names.
_VOLATILE = ("timestamp", "path", "localPath", "fileName")
REJECTIONS = [
    i
    for i, exchange in enumerate(EXCHANGES)
    if exchange["status"] >= 400 and exchange["step"] not in EXCEPTIONS and exchange["body"] != "<stream>"
]


def _stable(body: Any) -> Any:
    if not isinstance(body, dict):
        return body
    stable = {key: value for key, value in body.items() if key not in _VOLATILE}
    if str(stable.get("error", "")).startswith("API endpoint not found"):
        stable["error"] = "API endpoint not found"
    return stable


@pytest.mark.parametrize("index", REJECTIONS, ids=lambda i: f"{i:02d}-{EXCHANGES[i]['step']}")
def test_a_rejection_is_the_services_error_body(
    replayed: list[tuple[dict[str, Any], httpx.Response]], index: int
) -> None:
    exchange, response = replayed[index]
    assert (response.status_code, _stable(response.json())) == (exchange["status"], _stable(exchange["body"]))
