"""Fault injection through `/_emulator/faults` (and in-process), and the request counts that prove what was sent."""

from __future__ import annotations

import time

import httpx
import pytest

from imbrace.emulator import Emulator

CHAT = "/ai-agent/v2/chat"


def streaming_agent(http: httpx.Client) -> str:
    body = {"name": "A", "workflow_name": "a", "provider_id": "system", "model_id": "Default", "streaming": True}
    agent_id: str = http.post("/v3/ai/assistant_apps", json=body).json()["id"]
    return agent_id


def chat(agent_id: str) -> dict[str, object]:
    return {
        "id": "0d6c3a55-3b5e-4c1a-9f5e-2f6a1c0e00c1",
        "assistant_id": agent_id,
        "messages": [{"role": "user", "content": "hello there"}],
    }


def test_status_faults_answer_the_next_n_requests_with_retry_after(http: httpx.Client) -> None:
    fault = {"method": "GET", "path": "/v3/ai/accounts/assistants", "times": 2, "kind": "status", "status": 429}
    created = http.post("/_emulator/faults", json={**fault, "retry_after": 1.5})
    assert created.status_code == 201 and created.json()["id"] >= 1
    first, second, third = (http.get("/v3/ai/accounts/assistants") for _ in range(3))
    assert (first.status_code, first.headers["retry-after"], first.headers["retry-after-ms"]) == (429, "2", "1500")
    assert first.json() == {"detail": "Injected fault: 429"}  # in the AI service's error shape
    assert second.status_code == 429 and third.status_code == 200
    assert http.get("/_emulator/faults").json() == {"faults": []}


def test_a_fault_matches_a_spec_route_or_a_pattern_and_any_method(http: httpx.Client) -> None:
    http.post("/_emulator/faults", json={"path": "/v3/ai/assistants/{ai_agent_id}", "kind": "status", "status": 503})
    assert http.get("/v3/ai/assistants/whatever").status_code == 503
    http.post("/_emulator/faults", json={"path": "/ai-agent/*", "kind": "status", "status": 500, "times": None})
    assert http.get("/ai-agent/health").status_code == 500
    assert http.get("/ai-agent/version").status_code == 500  # unlimited until cleared
    assert http.delete("/_emulator/faults").json() == {"ok": True}
    assert http.get("/ai-agent/version").status_code == 200


def test_a_cut_stream_ends_without_its_terminator(http: httpx.Client) -> None:
    agent = streaming_agent(http)
    http.post("/_emulator/faults", json={"method": "POST", "path": CHAT, "kind": "cut", "after": 3})
    received: list[str] = []
    with pytest.raises(httpx.RemoteProtocolError), http.stream("POST", CHAT, json=chat(agent)) as response:
        assert response.status_code == 200
        received.extend(line for line in response.iter_lines() if line)
    assert len(received) == 3 and received[0].startswith('data: {"type":"start"')
    assert http.post(CHAT, json=chat(agent)).text.endswith("data: [DONE]\n\n")  # the next request is whole


def test_a_cut_json_body_is_incomplete(http: httpx.Client) -> None:
    http.post("/_emulator/faults", json={"path": "/ai-agent/health", "kind": "cut"})
    with pytest.raises(httpx.RemoteProtocolError):
        http.get("/ai-agent/health")


def test_a_slow_fault_delays_the_answer(http: httpx.Client) -> None:
    http.post("/_emulator/faults", json={"path": "/ai-agent/health", "kind": "slow", "delay": 0.3})
    with pytest.raises(httpx.ReadTimeout):
        http.get("/ai-agent/health", timeout=0.1)
    started = time.monotonic()
    assert http.get("/ai-agent/health").status_code == 200
    assert time.monotonic() - started < 0.3  # used up by the timed-out request


def test_requests_are_counted_per_path_and_route(http: httpx.Client) -> None:
    agent = streaming_agent(http)
    http.post("/_emulator/faults", json={"method": "POST", "path": CHAT, "kind": "status", "status": 503})
    http.post(CHAT, json=chat(agent))
    http.post(CHAT, json=chat(agent))
    http.get(f"/v3/ai/assistants/{agent}")
    counts = http.get("/_emulator/requests").json()
    assert counts["counts"][f"POST {CHAT}"] == 2
    assert counts["routes"]["GET /v3/ai/assistants/{ai_agent_id}"] == 1
    bodies = [entry["body_sha256"] for entry in counts["log"] if entry["path"] == CHAT]
    assert len(bodies) == 2 and bodies[0] == bodies[1]  # the same body twice: a retried POST
    http.delete("/_emulator/requests")
    assert http.get("/_emulator/requests").json()["total"] == 0


def test_bad_fault_descriptions_are_refused(http: httpx.Client) -> None:
    for bad in (
        {"kind": "explode", "path": "/x"},
        {"kind": "status", "path": "x"},
        {"kind": "status", "path": "/x", "times": 0},
    ):
        response = http.post("/_emulator/faults", json=bad)
        assert response.status_code == 400 and response.json()["error"]
    assert http.post("/_emulator/faults", content=b"[").status_code == 400


def test_faults_counts_and_reset_in_process(imbrace_emulator: Emulator, http: httpx.Client) -> None:
    imbrace_emulator.add_fault(path="/ai-agent/health", kind="status", status=502)
    assert http.get("/ai-agent/health").status_code == 502
    assert imbrace_emulator.requests()["counts"]["GET /ai-agent/health"] == 1
    http.post("/v3/ai/providers", json={"name": "P", "type": "openai"})
    assert http.post("/_emulator/reset").json() == {"ok": True}
    assert http.get("/v3/ai/providers").json() == []
    assert imbrace_emulator.requests()["total"] == 1  # only the list after the reset
