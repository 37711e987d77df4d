"""What the benchmarks share: the loopback server's process, paired runs and their statistics, and the result rows.

Each benchmark module runs in a fresh interpreter (`python -m benchmarks.<name> URL [--quick]`), measures, and prints
its rows as JSON for `benchmarks/__main__.py` to gather.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from typing import Any, Generic, TypeVar

API_KEY = "bench-key"
OLD_PYTHON = os.environ.get("IMBRACE_OLD_PYTHON")
"""The interpreter of a scratch venv holding the old `imbrace` 1.3.1 package (`python -m venv /tmp/old &&
/tmp/old/bin/pip install imbrace==1.3.1`; never a dependency of this project): when set, the benchmarks that have a
row against it run the same code there, the old package's times in the httpx column."""
OLD = "imbrace 1.3.1"
T = TypeVar("T")


@dataclass
class Result:
    """One row of the table: the two sides as display text, and the median ratio of paired runs when there is one."""

    name: str
    imbrace: str
    httpx: str = "-"
    ratio: float | None = None
    ratio_iqr: tuple[float, float] | None = None
    goal: str = "-"
    goal_ratio: float | None = None
    met: bool | None = None


@dataclass
class Paired(Generic[T]):
    """Measurements of the two sides, taken in pairs; a ratio is imbrace ÷ httpx, per pair."""

    imbrace: list[T]
    httpx: list[T]

    def map(self, f: Callable[[T], float]) -> Paired[float]:
        """A figure derived from each measurement, still paired."""
        return Paired([f(m) for m in self.imbrace], [f(m) for m in self.httpx])

    def ratios(self: Paired[float]) -> list[float]:
        return [a / b for a, b in zip(self.imbrace, self.httpx)]

    def ratio_iqr(self: Paired[float]) -> tuple[float, float]:
        ratios = self.ratios()
        if len(ratios) == 1:
            return ratios[0], ratios[0]
        q1, _, q3 = statistics.quantiles(ratios, n=4, method="inclusive")
        return q1, q3

    def result(
        self: Paired[float],
        name: str,
        show: Callable[[float], str],
        *,
        goal_ratio: float | None = None,
        goal_max: float | None = None,
    ) -> Result:
        """A row of medians; the goal is a median ratio of at most `goal_ratio`, or an imbrace median of `goal_max`."""
        ratio = statistics.median(self.ratios())
        mine = statistics.median(self.imbrace)
        goal, met = "-", None
        if goal_ratio is not None:
            goal, met = f"≤ {goal_ratio}x", ratio <= goal_ratio
        elif goal_max is not None:
            goal, met = f"≤ {show(goal_max)}", mine <= goal_max
        return Result(
            name, show(mine), show(statistics.median(self.httpx)), ratio, self.ratio_iqr(), goal, goal_ratio, met
        )


def paired(imbrace: Callable[[], T], raw: Callable[[], T], pairs: int) -> Paired[T]:
    """Run the two measurements `pairs` times each, alternating which goes first, so slow drift hits both sides."""
    result: Paired[T] = Paired([], [])
    for n in range(pairs):
        if n % 2:
            b = raw()
            a = imbrace()
        else:
            a = imbrace()
            b = raw()
        result.imbrace.append(a)
        result.httpx.append(b)
    return result


@contextmanager
def loopback_server() -> Iterator[str]:
    """`benchmarks.server` in its own process (so it never takes the measured client's GIL); yields its URL."""
    process = subprocess.Popen([sys.executable, "-m", "benchmarks.server"], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        yield f"http://127.0.0.1:{process.stdout.readline().strip()}"
    finally:
        process.terminate()
        process.wait(10)


def probe(code: str, url: str, python: str = sys.executable) -> Any:
    """Run `code` in a fresh `python` with `URL` set; what it prints, as JSON."""
    script = f"URL = {url!r}\n{code}"
    return json.loads(subprocess.run([python, "-c", script], check=True, capture_output=True, text=True).stdout)


def server_stats(url: str) -> tuple[int, int]:
    """The connections the loopback server has open now and has accepted so far."""
    with urllib.request.urlopen(f"{url}/_stats") as response:
        stats = json.load(response)
    return stats["open"], stats["accepted"]


def main(run: Callable[[str, bool], list[Result]]) -> None:
    """A benchmark module's entry point: `python -m benchmarks.<name> URL [--quick]`, printing its rows as JSON."""
    url, quick = sys.argv[1], "--quick" in sys.argv[2:]
    print(json.dumps([asdict(row) for row in run(url, quick)]))
