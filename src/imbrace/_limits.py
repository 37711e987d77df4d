"""`Limits`: the bounds that keep a broken or hostile server from holding a call, or memory, without end."""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["Limits", "DEFAULT_LIMITS"]

MiB = 1 << 20


class Limits(NamedTuple):
    """Bounds applied to every call; pass `limits=Limits(...)` to a client to raise (or lower) them.

    - `max_retry_wait`: seconds a call may spend waiting between its retries, in all. A `Retry-After` asking for
      more than what is left raises the status error at once, with the wait in its message, instead of sleeping.
    - `max_response_bytes`: the largest body read into memory for a call that returns JSON (or an error body);
      downloads and streams are not bound by it. A larger body raises `ResponseTooLargeError`.
    - `max_event_bytes`: the largest server-sent-events line or event of a stream; a larger one raises
      `ResponseTooLargeError` instead of buffering without end.
    """

    max_retry_wait: float = 30.0
    max_response_bytes: int = 32 * MiB
    max_event_bytes: int = 16 * MiB


DEFAULT_LIMITS = Limits()
