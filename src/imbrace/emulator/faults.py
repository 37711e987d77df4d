"""Fault injection and request counting, for tests of retries, timeouts and broken streams.

A fault applies to the next `times` requests (None: until cleared) whose method and path match; `path` is the
request path, a spec route such as `/v3/ai/assistants/{ai_agent_id}`, or an fnmatch pattern (`/ai-agent/*`):

- `status`: answer `status` (default 503) in the route's error shape, with `Retry-After` when `retry_after` is set;
- `cut`: send the first `after` events of a stream (or half of a plain body) and drop the connection;
- `slow`: wait `delay` seconds, then answer normally.

Every request is counted, faulted or not, so a test can prove that a POST was sent once.
"""

from __future__ import annotations

import fnmatch
import hashlib
import itertools
import threading
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any, Literal

__all__ = ["Fault", "FaultError", "Faults", "RequestLog"]

FaultKind = Literal["status", "cut", "slow"]
_KINDS = ("status", "cut", "slow")
_LOG_LIMIT = 10_000


class FaultError(ValueError):
    """A fault description that cannot be used."""


@dataclass
class Fault:
    id: int
    kind: FaultKind
    path: str
    method: str | None = None
    times: int | None = 1
    status: int = 503
    retry_after: float | None = None
    delay: float = 1.0
    after: int = 2

    def matches(self, method: str, path: str, route: str | None) -> bool:
        if self.method is not None and self.method != method:
            return False
        return self.path in (path, route) or fnmatch.fnmatchcase(path, self.path)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _fault_from(fault_id: int, spec: dict[str, Any]) -> Fault:
    unknown = set(spec) - {"kind", "path", "method", "times", "status", "retry_after", "delay", "after"}
    if unknown:
        raise FaultError(f"unknown fault fields: {sorted(unknown)}")
    kind, path = spec.get("kind"), spec.get("path")
    if kind not in _KINDS:
        raise FaultError(f"kind must be one of {list(_KINDS)}")
    if not isinstance(path, str) or not path.startswith("/"):
        raise FaultError("path must be a string starting with '/'")
    method = spec.get("method")
    fault = Fault(fault_id, kind, path, method.upper() if isinstance(method, str) else None)
    for name in ("times", "status", "retry_after", "delay", "after"):
        if name in spec:
            setattr(fault, name, spec[name])
    _check_numbers(fault)
    return fault


def _check_numbers(fault: Fault) -> None:
    if fault.times is not None and (not isinstance(fault.times, int) or fault.times < 1):
        raise FaultError("times must be a positive integer or null")
    if not isinstance(fault.status, int) or not 400 <= fault.status <= 599:
        raise FaultError("status must be an HTTP error status (400-599)")
    if fault.retry_after is not None and (not isinstance(fault.retry_after, (int, float)) or fault.retry_after < 0):
        raise FaultError("retry_after must be a number of seconds")
    if not isinstance(fault.delay, (int, float)) or fault.delay < 0:
        raise FaultError("delay must be a number of seconds")
    if not isinstance(fault.after, int) or fault.after < 0:
        raise FaultError("after must be a count of events (0 or more)")


class Faults:
    """The active faults, consumed in the order they were added."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._active: list[Fault] = []

    def add(self, spec: dict[str, Any]) -> Fault:
        fault = _fault_from(next(self._ids), spec)
        with self._lock:
            self._active.append(fault)
        return fault

    def take(self, method: str, path: str, route: str | None) -> Fault | None:
        """The first fault matching this request, counting it as used."""
        with self._lock:
            for fault in self._active:
                if fault.matches(method, path, route):
                    if fault.times is not None:
                        fault.times -= 1
                        if fault.times == 0:
                            self._active.remove(fault)
                    return fault
        return None

    def active(self) -> list[dict[str, Any]]:
        with self._lock:
            return [fault.to_dict() for fault in self._active]

    def clear(self) -> None:
        with self._lock:
            self._active.clear()


class RequestLog:
    """How many requests each `METHOD path` and `METHOD route` received, and the most recent requests."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._paths: Counter[str] = Counter()
        self._routes: Counter[str] = Counter()
        self._log: list[dict[str, Any]] = []

    def record(self, method: str, path: str, route: str | None, body: bytes, *, sha256: str | None = None) -> None:
        """Count a request; `sha256` is the body's digest when it was hashed as it streamed (then `body` is empty)."""
        digest = sha256 or hashlib.sha256(body).hexdigest()
        entry = {"method": method, "path": path, "route": route, "body_sha256": digest}
        with self._lock:
            self._paths[f"{method} {path}"] += 1
            if route is not None:
                self._routes[f"{method} {route}"] += 1
            self._log.append(entry)
            del self._log[:-_LOG_LIMIT]

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return {
                "total": sum(self._paths.values()),
                "counts": dict(self._paths),
                "routes": dict(self._routes),
                "log": list(self._log),
            }

    def clear(self) -> None:
        with self._lock:
            self._paths.clear()
            self._routes.clear()
            self._log.clear()
