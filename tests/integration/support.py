"""One test body for both clients: `Harness.call` runs a method either way; these read the streams it returns."""

from __future__ import annotations

import time
from typing import Any

from helpers import Harness


def collect(h: Harness, items: Any, arrivals: list[float] | None = None) -> list[Any]:
    """Every item of a sync or async iterable, in order; the time each arrived is appended to `arrivals`."""

    def arrived(item: Any) -> Any:
        if arrivals is not None:
            arrivals.append(time.monotonic())
        return item

    if h.runner is None:
        return [arrived(item) for item in items]

    async def gather() -> list[Any]:
        return [arrived(item) async for item in items]

    return h.runner.run(gather())


def read_text(h: Harness, stream: Any) -> str:
    """The whole body of a chat stream, as the documentation reads a non-streaming agent's reply (`res.text`)."""
    h.call(stream.aread if h.kind == "async" else stream.read)
    text: str = stream.text
    return text
