"""The retry table, against a real HTTP server on 127.0.0.1: what is retried, how often, and never a write twice."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

import imbrace._async.transport as async_transport
import imbrace._sync.transport as sync_transport
from imbrace import APIConnectionError, APIStatusError, InternalServerError, RateLimitError
from imbrace._retry import retry_delay

from helpers import Harness, Reply, ScriptedServer, Seen

NewClient = Callable[..., Harness]
PATH = "/v3/ai/thing"


@pytest.fixture
def delays(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Records the delay each retry would wait, and waits none of it."""
    recorded: list[float] = []

    def fake(retries_done: int, headers: httpx.Headers | None, budget_left: float) -> float | None:
        delay = retry_delay(retries_done, headers, budget_left)
        if delay is not None:
            recorded.append(delay)
        return None if delay is None else 0.0

    monkeypatch.setattr(sync_transport, "retry_delay", fake)
    monkeypatch.setattr(async_transport, "retry_delay", fake)
    return recorded


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    """Answers each request with the next status in `server.plan`, then 200."""
    plan: list[Reply] = []

    def script(seen: Seen) -> Reply:
        return plan.pop(0) if plan else Reply(200, {"ok": True})

    with ScriptedServer(script) as running:
        running.plan = plan  # type: ignore[attr-defined]
        yield running


def _send(harness: Harness, method: str, **options: Any) -> Any:
    kwargs = {"method": method.lower(), "url": PATH}
    if method in ("POST", "PUT", "PATCH"):
        kwargs["json"] = {"n": 1}
    return harness.call(harness.client._transport.request_json, "ai", kwargs, options)


def _client(new_client: NewClient, server: ScriptedServer, **kwargs: Any) -> Harness:
    return new_client(api_key="k", gateway=server.url, **kwargs)


RETRIED_FOR_ALL = [429]
RETRIED_FOR_IDEMPOTENT = [408, 500, 502, 503, 504]
NEVER_RETRIED = [400, 401, 403, 404, 409, 422]


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "POST", "PATCH"])
@pytest.mark.parametrize("status", RETRIED_FOR_ALL + RETRIED_FOR_IDEMPOTENT + NEVER_RETRIED)
def test_retry_table(
    new_client: NewClient, server: ScriptedServer, delays: list[float], method: str, status: int
) -> None:
    server.plan.extend([Reply(status, {"message": "nope"})] * 5)  # type: ignore[attr-defined]
    harness = _client(new_client, server)
    with pytest.raises(APIStatusError) as caught:
        _send(harness, method)
    assert caught.value.status_code == status
    idempotent = method in ("GET", "PUT", "DELETE")
    retried = status in RETRIED_FOR_ALL or (status in RETRIED_FOR_IDEMPOTENT and idempotent)
    assert server.count(method, PATH) == (3 if retried else 1)
    assert len(delays) == (2 if retried else 0)


def test_a_post_is_never_resent_after_a_503(new_client: NewClient, server: ScriptedServer, delays: list[float]) -> None:
    server.plan.append(Reply(503, {"message": "busy"}))  # type: ignore[attr-defined]
    harness = _client(new_client, server)
    with pytest.raises(InternalServerError, match="busy"):
        _send(harness, "POST")
    assert server.count("POST", PATH) == 1


def test_a_post_marked_idempotent_is_retried(
    new_client: NewClient, server: ScriptedServer, delays: list[float]
) -> None:
    server.plan.append(Reply(503, {"message": "busy"}))  # type: ignore[attr-defined]
    harness = _client(new_client, server)
    assert _send(harness, "POST", idempotent=True) == {"ok": True}
    assert server.count("POST", PATH) == 2


def test_success_after_retries(new_client: NewClient, server: ScriptedServer, delays: list[float]) -> None:
    server.plan.extend([Reply(503), Reply(502)])  # type: ignore[attr-defined]
    harness = _client(new_client, server)
    assert _send(harness, "GET") == {"ok": True}
    assert server.count("GET", PATH) == 3


def test_max_retries_per_client_and_per_call(
    new_client: NewClient, server: ScriptedServer, delays: list[float]
) -> None:
    server.plan.extend([Reply(503)] * 10)  # type: ignore[attr-defined]
    harness = _client(new_client, server, max_retries=4)
    with pytest.raises(InternalServerError):
        _send(harness, "GET")
    assert server.count("GET", PATH) == 5
    with pytest.raises(InternalServerError):
        _send(harness, "GET", max_retries=0)
    assert server.count("GET", PATH) == 6


@pytest.mark.parametrize(
    ("headers", "expected"),
    [({"retry-after": "3"}, 3.0), ({"retry-after-ms": "1500"}, 1.5), ({"retry-after": "0.25"}, 0.25)],
)
def test_retry_after_is_honoured(
    new_client: NewClient, server: ScriptedServer, delays: list[float], headers: dict[str, str], expected: float
) -> None:
    server.plan.append(Reply(429, {"message": "slow down"}, headers))  # type: ignore[attr-defined]
    harness = _client(new_client, server)
    assert _send(harness, "POST") == {"ok": True}
    assert delays == [expected]


def test_retry_after_http_date_and_absurd_values() -> None:
    from email.utils import formatdate
    from time import time

    in_ten = retry_delay(0, httpx.Headers({"retry-after": formatdate(time() + 10, usegmt=True)}), 30.0)
    assert in_ten is not None and 8.0 <= in_ten <= 10.0
    assert retry_delay(0, httpx.Headers({"retry-after": "3600"}), 30.0) is None  # past the budget: give up now
    soon = retry_delay(0, httpx.Headers({"retry-after": "soon"}), 30.0)
    assert soon is not None and soon <= 0.5


def test_backoff_doubles_with_jitter_and_caps() -> None:
    waits = [retry_delay(n, None, 30.0) for n in range(8)]
    for n, wait in enumerate(waits):
        ceiling = min(0.5 * 2**n, 8.0)
        assert wait is not None and 0.75 * ceiling <= wait <= ceiling


def test_rate_limit_error_when_retries_run_out(
    new_client: NewClient, server: ScriptedServer, delays: list[float]
) -> None:
    server.plan.extend([Reply(429, {"error": "too many"})] * 3)  # type: ignore[attr-defined]
    harness = _client(new_client, server)
    with pytest.raises(RateLimitError, match="too many"):
        _send(harness, "POST")
    assert server.count("POST", PATH) == 3


def test_connection_refused_is_retried_even_for_post(new_client: NewClient, delays: list[float]) -> None:
    with ScriptedServer(lambda seen: Reply()) as closed:
        url = closed.url
    harness = new_client(api_key="k", gateway=url)
    with pytest.raises(APIConnectionError):
        harness.call(harness.client._transport.request_json, "ai", {"method": "post", "url": PATH, "json": {}}, {})
    assert len(delays) == 2


def test_read_timeout_on_a_post_is_not_retried(new_client: NewClient, delays: list[float]) -> None:
    import threading

    release = threading.Event()
    calls: list[str] = []

    def script(seen: Seen) -> Reply:
        calls.append(seen.method)
        release.wait(5)
        return Reply()

    with ScriptedServer(script) as slow:
        harness = new_client(api_key="k", gateway=slow.url, timeout=0.2)
        try:
            from imbrace import APITimeoutError

            with pytest.raises(APITimeoutError):
                harness.call(
                    harness.client._transport.request_json, "ai", {"method": "post", "url": PATH, "json": {}}, {}
                )
        finally:
            release.set()
    assert calls == ["POST"]
    assert delays == []
