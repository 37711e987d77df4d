"""Cold start: `import imbrace` + `ImbraceClient(...)` against `import httpx` + `httpx.Client()`, each in a fresh
interpreter with a warm bytecode cache; the time is taken inside the child, around the two statements only.

httpx imports its optional command-line client (click, rich, pygments: about 100 ms) whenever click is importable,
as it is in this dev venv through uvicorn. `pip install imbrace` brings no click, so both sides run with it blocked.
"""

from __future__ import annotations

import subprocess
import sys

from ._shared import API_KEY, Result, main, paired

PROBE = """
import sys, time
sys.modules["click"] = None
started = time.perf_counter()
{}
print(time.perf_counter() - started)
"""
IMBRACE = PROBE.format(f"import imbrace\nimbrace.ImbraceClient(api_key={API_KEY!r})")
HTTPX = PROBE.format("import httpx\nhttpx.Client()")


def measure(probe: str) -> float:
    return float(subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True).stdout)


def run(url: str, quick: bool) -> list[Result]:
    for _ in range(2):  # compile and cache the bytecode, warm the OS file cache
        measure(IMBRACE)
        measure(HTTPX)
    runs = paired(lambda: measure(IMBRACE), lambda: measure(HTTPX), 6 if quick else 20)
    return [runs.result("cold start: import + construct a client", lambda s: f"{s * 1e3:.0f} ms", goal_ratio=1.4)]


if __name__ == "__main__":
    main(run)
