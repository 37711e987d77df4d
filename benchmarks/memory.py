"""Memory: a 100 MiB download (`boards.download_file_to`) and a 100 MiB chat stream (64 KiB deltas, `iter_text()`)
must run in flat memory. Reported: tracemalloc's peak of Python allocations during the transfer, and the growth of
the process's peak RSS (this process ran nothing larger before)."""

from __future__ import annotations

import resource
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from imbrace import ImbraceClient

from ._shared import API_KEY, Result, main
from .server import DOWNLOAD_BYTES, LARGE_DELTA, LARGE_FRAMES, MIB

FLAT_MIB = 16


def flat(name: str, transfer: Callable[[], int], expected: int) -> Result:
    """Run `transfer` (it returns the bytes it received) under tracemalloc; flat means peaks under FLAT_MIB."""
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    started = time.perf_counter()
    received = transfer()
    elapsed = time.perf_counter() - started
    traced_peak = tracemalloc.get_traced_memory()[1] / MIB
    tracemalloc.stop()
    rss_growth = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024
    return Result(
        name,
        f"{received / MIB:.0f} MiB at {received / MIB / elapsed:.0f} MiB/s; "
        f"traced peak {traced_peak:.1f} MiB, peak RSS +{rss_growth:.1f} MiB",
        goal=f"peaks < {FLAT_MIB} MiB",
        met=received == expected and traced_peak < FLAT_MIB and rss_growth < FLAT_MIB,
    )


def run(url: str, quick: bool) -> list[Result]:
    client = ImbraceClient(api_key=API_KEY, gateway=url)
    body = {"assistant_id": "large", "messages": [{"role": "user", "content": "hi"}]}
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp, "download.bin")

        def download() -> int:
            return client.boards.download_file_to("f1", target).stat().st_size

        def stream() -> int:
            return sum(len(text) for text in client.ai_agent.stream_chat_text(body))

        list(client.ai_agent.stream_chat_text({**body, "assistant_id": "short"}))  # loads the stream code first
        results = [
            flat("memory: 100 MiB download_file_to", download, DOWNLOAD_BYTES),
            flat("memory: 100 MiB chat stream, iter_text()", stream, LARGE_FRAMES * LARGE_DELTA),
        ]
    client.close()
    return results


if __name__ == "__main__":
    main(run)
