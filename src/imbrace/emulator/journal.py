"""The last requests the emulator answered, whole: what a test asserts was sent and what it should have received.

Each entry keeps the raw (still percent-encoded) path, the matched route and its decoded path parameters, the query
pairs, the body bytes (empty for a multipart one) and the reply's status and bytes (None for a streamed reply);
no header, so no credential. It stays in the process (the `Emulator.journal()` of a test), never goes to a log or
over HTTP, and holds the last `_LIMIT` requests only, a body or reply over `_KEPT_BYTES` as None (a long-running
emulator taking uploads must not hold them all).
"""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass, replace
from typing import Optional

__all__ = ["Entry", "Journal"]

_LIMIT = 200
_KEPT_BYTES = 1 << 20


@dataclass(frozen=True)
class Entry:
    method: str
    raw_path: str
    route: Optional[str]
    params: dict[str, str]
    query: list[tuple[str, str]]
    body: Optional[bytes]
    status: int = 0
    reply: Optional[bytes] = None


class Journal:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: deque[Entry] = deque(maxlen=_LIMIT)

    def record(self, entry: Entry) -> None:
        kept = replace(entry, body=_kept(entry.body), reply=_kept(entry.reply))
        with self._lock:
            self._entries.append(kept)

    def entries(self) -> list[Entry]:
        with self._lock:
            return list(self._entries)

    def last(self) -> Entry:
        """The most recent entry (IndexError when nothing was answered yet)."""
        with self._lock:
            return self._entries[-1]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


def _kept(data: bytes | None) -> bytes | None:
    return data if data is None or len(data) <= _KEPT_BYTES else None
