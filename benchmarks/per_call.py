"""Per-call overhead: 1000 `chat_ai.list_ai_agents()` (a JSON list of 100 agents) against raw httpx
`get(url, headers=...).json()` on the same URL, with the same headers, one sync client each, keep-alive on.

Two figures per run: wall time, and the client's CPU time (`time.process_time()`), which leaves out the server's
share of the round trip and other processes' load; the goal applies to CPU time, the stricter measure of overhead.

With `IMBRACE_OLD_PYTHON` set (see `_shared.OLD_PYTHON`), the same 1000 calls run in fresh interpreters with this SDK
and with the old package, in pairs, after the same warm-up; the old package must not be faster.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx

from imbrace import ImbraceClient

from ._shared import API_KEY, OLD, OLD_PYTHON, Paired, Result, main, paired, probe

CALLS = 1000
WARM_UP = 200
VERSUS = f"""
import json, time, imbrace
client = imbrace.ImbraceClient(api_key={API_KEY!r}, gateway=URL)
assert len(client.chat_ai.list_ai_agents()) == 100
for _ in range({WARM_UP}):
    client.chat_ai.list_ai_agents()
wall, cpu = time.perf_counter(), time.process_time()
for _ in range({CALLS}):
    client.chat_ai.list_ai_agents()
print(json.dumps([(time.process_time() - cpu) / {CALLS}, (time.perf_counter() - wall) / {CALLS}]))
"""


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:.3f} ms"


def run(url: str, quick: bool) -> list[Result]:
    client = ImbraceClient(api_key=API_KEY, gateway=url)
    http = httpx.Client()
    agents_url = f"{url}/v3/ai/accounts/assistants"
    headers = {"x-api-key": API_KEY, "accept": "application/json"}
    cpu: Paired[float] = Paired([], [])

    def timed(call: Callable[[], object], cpu_times: list[float]) -> float:
        """Wall seconds per call; the CPU seconds per call go to `cpu_times`."""
        started, cpu_started = time.perf_counter(), time.process_time()
        for _ in range(CALLS):
            call()
        cpu_times.append((time.process_time() - cpu_started) / CALLS)
        return (time.perf_counter() - started) / CALLS

    def sdk_call() -> Any:
        return client.chat_ai.list_ai_agents()

    def raw_call() -> Any:
        return http.get(agents_url, headers=headers).json()

    assert len(sdk_call()) == len(raw_call()) == 100
    wall = paired(lambda: timed(sdk_call, cpu.imbrace), lambda: timed(raw_call, cpu.httpx), 3 if quick else 10)
    client.close()
    http.close()
    name = f"per call: {CALLS} x list_ai_agents (100 agents)"
    results = [cpu.result(f"{name}, client CPU", ms, goal_ratio=1.15), wall.result(f"{name}, wall", ms)]
    if OLD_PYTHON:
        old = OLD_PYTHON
        versus = paired(lambda: probe(VERSUS, url), lambda: probe(VERSUS, url, old), 4 if quick else 12)
        results += [
            versus.map(lambda m: m[0]).result(f"{name}, client CPU, vs {OLD} (httpx column)", ms, goal_ratio=1.0),
            versus.map(lambda m: m[1]).result(f"{name}, wall, vs {OLD} (httpx column)", ms),
        ]
    return results


if __name__ == "__main__":
    main(run)
