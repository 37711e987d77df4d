"""Streaming, sync: how soon a paced delta reaches the caller, and events/s on a 20,000-delta burst.

imbrace is `ai_agent.stream_chat(...)` read with `iter_events()` (typed chunks) or `iter_text()`; raw httpx is
`stream("POST", ...)` + `iter_lines()` + `json.loads` of each `data:` line, on the same URL and body.

With `IMBRACE_OLD_PYTHON` set (see `_shared.OLD_PYTHON`), `stream_chat_text` reads the burst in fresh interpreters
with this SDK and with the old package (which reads the whole body, then splits it), in pairs, timed from the call to
the last delta after a warm-up stream; the old package must not be faster.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Iterator

import httpx

from imbrace import ImbraceClient

from ._shared import API_KEY, OLD, OLD_PYTHON, Result, main, paired, probe
from .server import BURST_DELTAS, PACED_DELTAS, SHORT_DELTAS

LATENCY_GOAL = 0.005  # s: "within a few ms"
# `user_id` is given, so the old package does not ask the service for one first.
VERSUS = f"""
import json, time, imbrace
client = imbrace.ImbraceClient(api_key={API_KEY!r}, gateway=URL)
def body(mode):
    return {{"assistant_id": mode, "user_id": "u_1", "messages": [{{"role": "user", "content": "hi"}}]}}
assert sum(1 for _ in client.ai_agent.stream_chat_text(body("short"))) == {SHORT_DELTAS}
wall, cpu = time.perf_counter(), time.process_time()
assert sum(1 for _ in client.ai_agent.stream_chat_text(body("burst"))) == {BURST_DELTAS}
print(json.dumps([time.process_time() - cpu, time.perf_counter() - wall]))
"""


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:.2f} ms"


def rate(seconds: float) -> str:
    return f"{BURST_DELTAS / seconds / 1e3:.0f} k events/s"


def run(url: str, quick: bool) -> list[Result]:
    client = ImbraceClient(api_key=API_KEY, gateway=url)
    http = httpx.Client()
    chat_url = f"{url}/ai-agent/v2/chat"

    def body(mode: str) -> dict[str, object]:
        return {"assistant_id": mode, "messages": [{"role": "user", "content": "hi"}]}

    def raw_deltas(mode: str) -> Iterator[str]:
        headers = {"x-api-key": API_KEY, "accept": "text/event-stream"}
        with http.stream("POST", chat_url, json=body(mode), headers=headers) as response:
            for line in response.iter_lines():  # to the body's end, so the connection goes back to the pool
                if line.startswith("data: {"):
                    chunk = json.loads(line[6:])
                    if chunk["type"] == "text-delta":
                        yield chunk["delta"]

    def delays(deltas: Iterator[str]) -> list[float]:
        """The delay (s) of each delta from the server sending it to the caller holding it."""
        found = [time.time() - float(text) for text in deltas]
        assert len(found) == PACED_DELTAS
        return found

    def burst(count: Iterator[object]) -> float:
        """Seconds to read the burst; `count` yields once per text delta."""
        started = time.perf_counter()
        assert sum(1 for _ in count) == BURST_DELTAS
        return time.perf_counter() - started

    def sdk_events() -> Iterator[object]:
        with client.ai_agent.stream_chat(body("burst")) as stream:
            yield from (chunk for chunk in stream.iter_events() if chunk.type == "text-delta")

    def sdk_text() -> Iterator[str]:
        return client.ai_agent.stream_chat(body("burst")).iter_text()

    for deltas in (client.ai_agent.stream_chat_text(body("short")), raw_deltas("short")):
        assert sum(1 for _ in deltas) == SHORT_DELTAS  # warm up: imports, validators, connections
    paced = paired(
        lambda: delays(client.ai_agent.stream_chat_text(body("paced"))),
        lambda: delays(raw_deltas("paced")),
        2 if quick else 6,
    )
    pairs = 4 if quick else 12
    events = paired(lambda: burst(sdk_events()), lambda: burst(raw_deltas("burst")), pairs)
    texts = paired(lambda: burst(sdk_text()), lambda: burst(raw_deltas("burst")), pairs)
    client.close()
    http.close()

    results = [
        paced.map(lambda d: d[0]).result("stream: first delta, server send to caller", ms, goal_max=LATENCY_GOAL),
        paced.map(statistics.median).result(
            f"stream: each of {PACED_DELTAS} paced deltas (median)", ms, goal_max=LATENCY_GOAL
        ),
        events.result(f"stream: {BURST_DELTAS:,}-delta burst, iter_events()", rate),
        texts.result(f"stream: {BURST_DELTAS:,}-delta burst, iter_text()", rate),
    ]
    if OLD_PYTHON:
        old = OLD_PYTHON
        versus = paired(lambda: probe(VERSUS, url), lambda: probe(VERSUS, url, old), pairs)
        name = f"stream: {BURST_DELTAS:,}-delta burst, stream_chat_text(), vs {OLD} (httpx column)"
        results += [
            versus.map(lambda m: m[1]).result(name, rate, goal_ratio=1.0),
            versus.map(lambda m: m[0]).result(f"{name}, client CPU", ms),
        ]
    return results


if __name__ == "__main__":
    main(run)
