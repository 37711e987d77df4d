"""Run the benchmarks against one loopback server, print the table, and (on a full run of all of them) write
docs/benchmarks.md and docs/benchmarks.svg.

    python -m benchmarks [--quick] [name ...]     # names: cold_start cold_calls per_call streaming concurrency memory
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

import httpx

from imbrace import __version__

from ._shared import Result, loopback_server
from .report import markdown_table, svg_chart

BENCHMARKS = ("cold_start", "cold_calls", "per_call", "streaming", "concurrency", "memory")
DOCS = Path(__file__).resolve().parent.parent / "docs"
INTRO = """# Benchmarks

Written by `scripts/bench` ({date}; imbrace {version}, httpx {httpx}, Python {python}, {system}, {cpus} CPUs). Every
benchmark talks to a loopback server in its own process (`benchmarks/server.py`) and runs in a fresh interpreter.
imbrace and raw httpx run in pairs, back to back, alternating which goes first; the table shows the medians, and the
ratio is the median of the per-pair time ratios imbrace ÷ httpx (lower is better) with its interquartile range.

"""
NOTES = """
- Cold start: `import imbrace` + `ImbraceClient(api_key=...)` against `import httpx` + `httpx.Client()`, timed inside
  a fresh interpreter. httpx's optional CLI (click, rich) is blocked on both sides: this dev venv has click through
  uvicorn, a user's `pip install imbrace` does not, and it would add about 90 ms to both.
- Per call: the goal applies to the client's CPU time, which leaves out the server's share of each round trip.
- Stream latency: each delta carries the server's `time.time()` at sending; the caller subtracts it on receipt.
- Raw httpx reads every stream to its end, so its connection goes back to the pool.

![imbrace ÷ raw httpx](benchmarks.svg)
"""


def main() -> None:
    quick = "--quick" in sys.argv[1:]
    names = [name for name in sys.argv[1:] if name != "--quick"] or list(BENCHMARKS)
    results: list[Result] = []
    with loopback_server() as url:
        for name in names:
            started = time.perf_counter()
            command = [sys.executable, "-m", f"benchmarks.{name}", url, *(["--quick"] if quick else [])]
            output = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True).stdout
            results += [Result(**row) for row in json.loads(output)]
            print(f"{name}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    table = markdown_table(results)
    print(table)
    if quick or names != list(BENCHMARKS):
        print("(a quick or partial run: docs/benchmarks.md was left as it was)", file=sys.stderr)
        return
    intro = INTRO.format(
        date=time.strftime("%Y-%m-%d"),
        version=__version__,
        httpx=httpx.__version__,
        python=platform.python_version(),
        system=platform.system(),
        cpus=os.cpu_count(),
    )
    (DOCS / "benchmarks.md").write_text(intro + table + NOTES)
    (DOCS / "benchmarks.svg").write_text(svg_chart(results))


if __name__ == "__main__":
    main()
