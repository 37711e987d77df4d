"""Cases 5-9: a malformed or hostile server gets a typed error, never a raw crash, an endless wait or unbounded memory.

- Retry-After: any value the SDK cannot use (malformed date, year 99999, NaN, negative) falls back to backoff.
- Retry budget: the waits between one call's retries add up to at most `Limits.max_retry_wait` (30 s); a server
  asking for more than what is left gets its status error raised at once, with the wait in the message.
- Undecodable bodies (100,000-deep JSON, broken JSON) keep the typed error and the raw text.
- A 2xx that is not the JSON the operation promises raises `APIResponseValidationError` (status, headers, raw text
  kept); the exceptions are 204 and an empty answer to a DELETE (None), and text/download endpoints.
- Size caps: `Limits.max_response_bytes` (32 MiB) for JSON answers, `Limits.max_event_bytes` (16 MiB) for one SSE
  line or event; both raise `ResponseTooLargeError` and both can be raised with `limits=Limits(...)`.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import imbrace
from imbrace import Limits
from imbrace._retry import retry_delay, server_wait

from helpers import Harness, Recorder, Reply, ScriptedServer, Seen

NewClient = Callable[..., Harness]
DEEP = b"[" * 100_000 + b"]" * 100_000
BAD_DATES = ["Mon, 32 Jan 2024 00:00:00 GMT", "Mon, 01 Jan 99999 00:00:00 GMT", "Fri, 31 Feb 2024 25:61:00 GMT"]


def _plan(*replies: Reply) -> Callable[[Seen], Reply]:
    queue = list(replies)
    return lambda seen: queue.pop(0) if queue else Reply(200, {"ok": True})


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    with ScriptedServer(lambda seen: Reply(200, {"ok": True})) as running:
        yield running


def _client(new_client: NewClient, server: ScriptedServer, **kwargs: Any) -> Harness:
    return new_client(api_key="k", gateway=server.url, **kwargs)


@pytest.mark.parametrize("value", [*BAD_DATES, "nan", "-5", "inf", "1e999", "soon", ""])
def test_a_malformed_retry_after_falls_back_to_backoff(
    new_client: NewClient, server: ScriptedServer, value: str
) -> None:
    server.script = _plan(Reply(429, {"message": "slow down"}, {"retry-after": value}))
    harness = _client(new_client, server, max_retries=1)
    started = time.monotonic()
    assert harness.call(harness.client.ai_agent.get_config) == {"ok": True}
    assert time.monotonic() - started < 2.0  # backoff is 0.5 s at most for the first retry
    server.script = lambda seen: Reply(429, {"message": "slow down"}, {"retry-after": value})
    with pytest.raises(imbrace.RateLimitError):
        harness.call(harness.client.ai_agent.get_config, max_retries=0)


@settings(max_examples=200, deadline=None)
@given(
    value=st.one_of(st.text(max_size=40), st.sampled_from(BAD_DATES), st.floats().map(str)),
    retries=st.integers(min_value=0, max_value=100),
    left=st.floats(min_value=0, max_value=100),
)
def test_any_retry_after_value_gives_a_bounded_wait_or_gives_up(value: str, retries: int, left: float) -> None:
    headers = httpx.Headers({"retry-after": value.encode("utf-8", "surrogatepass")})
    delay = retry_delay(retries, headers, left)
    asked = server_wait(headers)
    if delay is None:
        assert (asked is not None and asked > left) or (asked is None and left <= 0)
    else:
        assert 0 <= delay <= max(left, asked or 0.0)


def test_a_retry_after_past_the_budget_raises_at_once_with_the_wait(
    new_client: NewClient, server: ScriptedServer
) -> None:
    server.script = lambda seen: Reply(503, {"message": "busy"}, {"retry-after": "60"})
    harness = _client(new_client, server)
    started = time.monotonic()
    with pytest.raises(imbrace.InternalServerError, match=r"retry after 60s.*max_retry_wait=30s") as caught:
        harness.call(harness.client.ai_agent.get_config)
    assert time.monotonic() - started < 1.0
    assert caught.value.status_code == 503
    assert len(server.seen) == 1


def test_the_waits_of_one_call_share_the_budget(new_client: NewClient, server: ScriptedServer) -> None:
    server.script = lambda seen: Reply(503, {"message": "busy"}, {"retry-after": "0.2"})
    harness = _client(new_client, server, max_retries=5, limits=Limits(max_retry_wait=0.5))
    started = time.monotonic()
    with pytest.raises(imbrace.InternalServerError, match="retry budget"):
        harness.call(harness.client.ai_agent.get_config)
    assert len(server.seen) == 3  # waited 0.2 + 0.2; a third 0.2 is past the 0.1 s left
    assert 0.4 <= time.monotonic() - started < 1.5


def test_backoff_stops_when_the_budget_is_spent(new_client: NewClient, server: ScriptedServer) -> None:
    server.script = lambda seen: Reply(503, {"message": "busy"})
    harness = _client(new_client, server, max_retries=10, limits=Limits(max_retry_wait=1.0))
    started = time.monotonic()
    with pytest.raises(imbrace.InternalServerError, match=r"retry budget .* is spent"):
        harness.call(harness.client.ai_agent.get_config)
    assert time.monotonic() - started < 2.5
    assert 2 <= len(server.seen) <= 4  # 0.5 s, then what is left of the 1 s budget, then no more


def test_a_timeout_with_retries_is_bounded(new_client: NewClient, server: ScriptedServer) -> None:
    server.script = lambda seen: Reply(429, {"message": "slow"}, {"retry-after": "1"})
    harness = _client(new_client, server, timeout=0.5, limits=Limits(max_retry_wait=1.0))
    started = time.monotonic()
    with pytest.raises(imbrace.RateLimitError):
        harness.call(harness.client.ai_agent.get_config)
    assert time.monotonic() - started < 0.5 * 3 + 1.0 + 0.5


def _answering(
    kind: str, new_client: NewClient, response: Callable[[httpx.Request], httpx.Response], **kw: Any
) -> Harness:
    return new_client(http_client=Recorder(respond=response).http_client(kind), api_key="k", max_retries=0, **kw)


def test_deep_json_on_an_error_keeps_the_typed_error_and_the_raw_text(new_client: NewClient, kind: str) -> None:
    harness = _answering(
        kind, new_client, lambda r: httpx.Response(404, content=DEEP, headers={"content-type": "application/json"})
    )
    with pytest.raises(imbrace.NotFoundError) as caught:
        harness.call(harness.client.ai_agent.get_config)
    assert caught.value.body == DEEP.decode()


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (DEEP, "application/json"),
        (b'{"data": [1, 2', "application/json"),
        (b'{"data": []}', "text/html; charset=utf-8"),
        (b"<html>login</html>", "text/html"),
        (b"", "application/json"),
        (b"\xff\xfe not utf-8", ""),
    ],
)
def test_a_2xx_that_is_not_the_promised_json_raises_response_validation_error(
    new_client: NewClient, kind: str, content: bytes, content_type: str
) -> None:
    headers = {"content-type": content_type, "x-request-id": "req_1"} if content_type else {"x-request-id": "req_1"}
    harness = _answering(kind, new_client, lambda r: httpx.Response(200, content=content, headers=headers))
    with pytest.raises(imbrace.APIResponseValidationError) as caught:
        harness.call(harness.client.ai.list_guardrails)
    error = caught.value
    assert error.status_code == 200 and error.headers["x-request-id"] == "req_1"
    assert error.body == httpx.Response(200, content=content).text
    assert isinstance(error, imbrace.APIError)


def test_the_documented_exceptions_stay_as_they_are(new_client: NewClient, kind: str) -> None:
    harness = _answering(kind, new_client, lambda r: httpx.Response(204))
    assert harness.call(harness.client.ai.list_guardrails) is None
    harness = _answering(kind, new_client, lambda r: httpx.Response(200))
    assert harness.call(harness.client.boards.delete, "b1") is None
    harness = _answering(kind, new_client, lambda r: httpx.Response(200, text="a,b\n1,2\n"))
    assert harness.call(harness.client.boards.export_csv, "b1") == "a,b\n1,2\n"


@settings(max_examples=100, deadline=None)
@given(
    body=st.one_of(
        st.binary(max_size=64),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=8),
            lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
            max_leaves=10,
        ).map(lambda v: json.dumps(v).encode()),
    )
)
def test_any_2xx_body_is_its_json_or_a_validation_error_with_the_raw_text(body: bytes) -> None:
    client = imbrace.ImbraceClient(
        api_key="k",
        max_retries=0,
        http_client=Recorder(respond=lambda r: httpx.Response(200, content=body)).http_client("sync"),
    )
    try:
        expected = json.loads(body)
    except ValueError:
        with pytest.raises(imbrace.APIResponseValidationError) as caught:
            client.ai.list_guardrails()
        assert caught.value.body == httpx.Response(200, content=body).text
    else:
        assert client.ai.list_guardrails() == expected


def _chunked(size: int) -> Callable[[httpx.Request], httpx.Response]:
    """A JSON answer of `size` bytes with no Content-Length (sent in 1 KiB chunks)."""
    payload = json.dumps({"data": "x" * (size - 12)}).encode()
    return lambda request: httpx.Response(200, stream=_Chunks(payload), headers={"content-type": "application/json"})


class _Chunks(httpx.SyncByteStream, httpx.AsyncByteStream):
    def __init__(self, payload: bytes) -> None:
        self.payload = payload

    def __iter__(self) -> Iterator[bytes]:
        for start in range(0, len(self.payload), 1024):
            yield self.payload[start : start + 1024]

    async def __aiter__(self) -> Any:
        for chunk in self:
            yield chunk


@pytest.mark.parametrize("chunked", [False, True])
def test_a_json_answer_over_the_cap_raises_and_the_cap_can_be_raised(
    new_client: NewClient, kind: str, chunked: bool
) -> None:
    respond = _chunked(5000) if chunked else (lambda r: httpx.Response(200, json={"data": "x" * 5000}))
    harness = _answering(kind, new_client, respond, limits=Limits(max_response_bytes=4096))
    with pytest.raises(imbrace.ResponseTooLargeError, match="max_response_bytes") as caught:
        harness.call(harness.client.ai.list_guardrails)
    assert caught.value.limit == 4096
    raised = _answering(kind, new_client, respond, limits=Limits(max_response_bytes=8192))
    assert len(harness.call(raised.client.ai.list_guardrails)["data"]) > 4000


def test_the_default_caps() -> None:
    assert Limits() == Limits(max_retry_wait=30.0, max_response_bytes=32 << 20, max_event_bytes=16 << 20)


def test_an_sse_line_over_the_cap_raises_on_both_clients(
    new_client: NewClient, kind: str, server: ScriptedServer
) -> None:
    server.script = lambda seen: Reply(200, b"data: " + b"x" * 10_000, {"content-type": "text/event-stream"})
    harness = _client(new_client, server, limits=Limits(max_event_bytes=4096))
    body = {"assistant_id": "a", "messages": [{"role": "user", "content": "hi"}]}

    async def drain(stream: Any) -> list[str]:
        return [text async for text in stream]

    stream = harness.client.ai_agent.stream_chat_text(body, extra_query={"token": "SECRET"})
    with pytest.raises(imbrace.ResponseTooLargeError, match="max_event_bytes") as caught:
        harness.call(drain, stream) if kind == "async" else list(stream)
    assert caught.value.request is not None
    assert caught.value.request.headers["x-api-key"] == "<redacted>" and "SECRET" not in str(caught.value.request.url)
