"""What a `with_raw_response` / `with_streaming_response` call watches for: a context variable the transport reads once
per request, so every namespace method gains both views without any change to its body."""

from __future__ import annotations

from contextvars import ContextVar

import httpx

__all__ = ["CAPTURE", "Capture", "Deferred"]


class Deferred(BaseException):
    """Unwinds a method once a streaming capture holds its first response unread; the method runs again on `parse()`.

    A BaseException, so that no `except Exception` in a method body mistakes it for a failure.
    """


class Capture:
    """The first 2xx response of one method call; `defer` stops the call there, `replay` answers its first request."""

    __slots__ = ("defer", "replay", "response")

    def __init__(self, *, defer: bool = False, replay: httpx.Response | None = None) -> None:
        self.defer = defer
        self.replay = replay
        self.response = replay

    def take_replay(self) -> httpx.Response | None:
        """The response to give the first request instead of sending it (once), or None."""
        response, self.replay = self.replay, None
        return response

    def record(self, response: httpx.Response) -> None:
        """Keep the call's first response; in `defer` mode, stop the call there with its body unread."""
        if self.response is None:
            self.response = response
            if self.defer:
                raise Deferred


CAPTURE: ContextVar[Capture | None] = ContextVar("imbrace_capture", default=None)
