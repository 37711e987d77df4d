"""Cold calls: a fresh interpreter that imports the SDK, builds a client and makes one call each in `chat_ai`,
`boards` and `ai_agent`, against raw httpx making the same three GETs; the same with one call in a namespace generated
from the vendor specs (`channel.list`); and the first delta of the first `stream_chat_text` of a process, timed from
the call (the client already built), against raw httpx's first delta.

What a CLI, a script, a notebook cell or a serverless cold start pays. click is blocked on both sides, as in
cold_start.py.

With `IMBRACE_OLD_PYTHON` set (see `_shared.OLD_PYTHON`), the same three calls run with the old package too, and a
row compares this SDK with it (same client arguments and method names).
"""

from __future__ import annotations

import sys

from ._shared import API_KEY, OLD, OLD_PYTHON, Result, main, paired, probe

PROBE = """
import sys, time
sys.modules["click"] = None
started = time.perf_counter()
{}
print(time.perf_counter() - started)
"""
IMBRACE_CALLS = PROBE.format(
    f"import imbrace\n"
    f"client = imbrace.ImbraceClient(api_key={API_KEY!r}, organization_id='org_1', gateway=URL)\n"
    "client.chat_ai.list_ai_agents()\n"
    "client.boards.list()\n"
    "client.ai_agent.get_health()"
)
HTTPX_CALLS = PROBE.format(
    "import httpx\n"
    f"http = httpx.Client(headers={{'x-api-key': {API_KEY!r}, 'x-organization-id': 'org_1'}})\n"
    "http.get(URL + '/v3/ai/accounts/assistants').json()\n"
    "http.get(URL + '/data-board/boards', params={'limit': 20, 'skip': 0}).json()\n"
    "http.get(URL + '/ai-agent/health').json()"
)
CLIENT = f"import imbrace\nclient = imbrace.ImbraceClient(api_key={API_KEY!r}, organization_id='org_1', gateway=URL)\n"
IMBRACE_GENERATED = PROBE.format(CLIENT + "client.channel.list()")
HTTPX_GENERATED = PROBE.format(
    "import httpx\n"
    f"http = httpx.Client(headers={{'x-api-key': {API_KEY!r}, 'x-organization-id': 'org_1'}})\n"
    "http.get(URL + '/channel-service/v1/channels').json()"
)
STREAM = """
import sys, time
sys.modules["click"] = None
BODY = {{"assistant_id": "short", "messages": [{{"role": "user", "content": "hi"}}]}}
{}
started = time.perf_counter()
next(iter(deltas))
print(time.perf_counter() - started)
"""
IMBRACE_STREAM = STREAM.format(
    f"import imbrace\nclient = imbrace.ImbraceClient(api_key={API_KEY!r}, gateway=URL)\n"
    "deltas = client.ai_agent.stream_chat_text(BODY)"
)
HTTPX_STREAM = STREAM.format(
    "import httpx, json\nhttp = httpx.Client()\n"
    "def raw():\n"
    f"    headers = {{'x-api-key': {API_KEY!r}, 'accept': 'text/event-stream'}}\n"
    "    with http.stream('POST', URL + '/ai-agent/v2/chat', json=BODY, headers=headers) as response:\n"
    "        for line in response.iter_lines():\n"
    "            if line.startswith('data: {'):\n"
    "                chunk = json.loads(line[6:])\n"
    "                if chunk['type'] == 'text-delta':\n"
    "                    yield chunk['delta']\n"
    "deltas = raw()"
)


def measure(code: str, url: str, python: str = sys.executable) -> float:
    return float(probe(code, url, python))


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:.0f} ms"


def run(url: str, quick: bool) -> list[Result]:
    for _ in range(2):  # compile and cache the bytecode, warm the OS file cache
        for code in (IMBRACE_CALLS, HTTPX_CALLS, IMBRACE_GENERATED, HTTPX_GENERATED, IMBRACE_STREAM, HTTPX_STREAM):
            measure(code, url)
    pairs = 6 if quick else 20
    calls = paired(lambda: measure(IMBRACE_CALLS, url), lambda: measure(HTTPX_CALLS, url), pairs)
    generated = paired(lambda: measure(IMBRACE_GENERATED, url), lambda: measure(HTTPX_GENERATED, url), pairs)
    stream = paired(lambda: measure(IMBRACE_STREAM, url), lambda: measure(HTTPX_STREAM, url), pairs)
    results = [
        calls.result("cold: import + client + 3 first calls", ms, goal_ratio=1.3),
        generated.result("cold: import + client + first channel.list", ms, goal_ratio=1.3),
        stream.result("cold: first delta of the first stream", ms, goal_max=0.1),
    ]
    if OLD_PYTHON:
        old = OLD_PYTHON
        measure(IMBRACE_CALLS, url, old)
        versus = paired(lambda: measure(IMBRACE_CALLS, url), lambda: measure(IMBRACE_CALLS, url, old), pairs)
        results.append(versus.result(f"cold: 3 first calls, vs {OLD} (httpx column)", ms, goal_ratio=0.8))
    return results


if __name__ == "__main__":
    main(run)
