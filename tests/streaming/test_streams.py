"""The stream classes against a real local server and the real httpx clients, on both the sync and async sides.

Nothing sleeps to wait: the server and the test hand over with threading.Events, each wait bounded by `WAIT`.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import AsyncIterator, Iterator

import anyio
import anyio.to_thread
import httpx
import pytest

from imbrace._async.streaming import AsyncChatStream, AsyncCompletionStream, AsyncEventStream
from imbrace._errors import APITimeoutError, IncompleteStreamError, StreamConsumedError, StreamError
from imbrace._sync.streaming import ChatStream, CompletionStream, EventStream
from imbrace.types import ChatStatusEvent, FinishChunk, StartChunk, TextDeltaChunk, TextEndChunk, TextStartChunk

from .conftest import WAIT, Conn, Script, Server

START = {"type": "start", "messageId": "m1"}
TEXT_START = {"type": "text-start", "id": "t1"}
TEXT_END = {"type": "text-end", "id": "t1"}
FINISH = {"type": "finish"}


def delta(text: str, part: str = "t1") -> dict[str, str]:
    return {"type": "text-delta", "id": part, "delta": text}


def reply(*texts: str, finish: bool = True, done: bool = True, after: tuple[object, ...] = ()) -> Script:
    """A whole UI message stream answering `texts`, then `after`, then `[DONE]`."""

    def script(conn: Conn) -> None:
        conn.start()
        for frame in (START, TEXT_START, *map(delta, texts), TEXT_END, *([FINISH] if finish else []), *after):
            conn.frame(frame)
        if done:
            conn.frame("[DONE]")
        conn.end()

    return script


def halting_reply(release: threading.Event) -> Script:
    """Sends the first delta, then the rest only once the test releases it."""

    def script(conn: Conn) -> None:
        conn.start()
        for first in (START, TEXT_START, delta("Hel")):
            conn.frame(first)
        if release.wait(WAIT):
            for rest in (delta("lo"), TEXT_END, FINISH, "[DONE]"):
                conn.frame(rest)
            conn.end()

    return script


def close_probe(closed: threading.Event) -> Script:
    """Sends one delta, then reports when the client closes the connection (even while it is still sending)."""

    def script(conn: Conn) -> None:
        try:
            conn.start()
            conn.frame(START)
            conn.frame(delta("first"))
            seen = conn.wait_for_close()
        except (BrokenPipeError, ConnectionResetError):
            seen = True
        if seen:
            closed.set()

    return script


def cut_after(*frames: object) -> Script:
    """Sends `frames`, then drops the connection in the middle of the chunked body."""

    def script(conn: Conn) -> None:
        conn.start()
        for frame in frames:
            conn.frame(frame)

    return script


def plain(*pieces: bytes, release: threading.Event | None = None) -> Script:
    """A non-streaming agent's text/plain reply, sent in pieces (waiting for `release` after the first)."""

    def script(conn: Conn) -> None:
        conn.start("text/plain; charset=utf-8")
        for index, piece in enumerate(pieces):
            conn.send(piece)
            if index == 0 and release is not None and not release.wait(WAIT):
                return
        conn.end()

    return script


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=WAIT) as client:
        yield client


@pytest.fixture
async def ahttp() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=WAIT) as client:
        yield client


def open_chat(http: httpx.Client, url: str) -> ChatStream:
    return ChatStream(http.send(http.build_request("GET", url), stream=True))


async def aopen_chat(http: httpx.AsyncClient, url: str) -> AsyncChatStream:
    return AsyncChatStream(await http.send(http.build_request("GET", url), stream=True))


# Incremental arrival


def test_sync_delta_arrives_before_the_server_sends_the_next(server: Server, http: httpx.Client) -> None:
    release = threading.Event()
    stream = open_chat(http, server.url("/chat", halting_reply(release)))
    texts: list[str] = []
    for text in stream.iter_text():
        if not texts:
            assert not release.is_set()
            release.set()
        texts.append(text)
    assert texts == ["Hel", "lo"]


@pytest.mark.anyio
async def test_async_delta_arrives_before_the_server_sends_the_next(server: Server, ahttp: httpx.AsyncClient) -> None:
    release = threading.Event()
    stream = await aopen_chat(ahttp, server.url("/chat", halting_reply(release)))
    texts: list[str] = []
    async for text in stream.aiter_text():
        if not texts:
            assert not release.is_set()
            release.set()
        texts.append(text)
    assert texts == ["Hel", "lo"]


def test_sync_events_are_typed_and_end_at_done(server: Server, http: httpx.Client) -> None:
    with open_chat(http, server.url("/chat", reply("a", "b"))) as stream:
        chunks = list(stream)
    assert [type(c) for c in chunks] == [
        StartChunk,
        TextStartChunk,
        TextDeltaChunk,
        TextDeltaChunk,
        TextEndChunk,
        FinishChunk,
    ]
    assert stream.response.is_closed


@pytest.mark.anyio
async def test_async_events_are_typed_and_end_at_done(server: Server, ahttp: httpx.AsyncClient) -> None:
    async with await aopen_chat(ahttp, server.url("/chat", reply("a", "b"))) as stream:
        chunks = [chunk async for chunk in stream]
    assert [type(c) for c in chunks] == [
        StartChunk,
        TextStartChunk,
        TextDeltaChunk,
        TextDeltaChunk,
        TextEndChunk,
        FinishChunk,
    ]
    assert stream.response.is_closed


def test_chunks_after_finish_still_count(server: Server, http: httpx.Client) -> None:
    notice = ({"type": "text-start", "id": "n"}, delta(" (compacted)", "n"), {"type": "text-end", "id": "n"})
    stream = open_chat(http, server.url("/chat", reply("answer", after=notice)))
    assert "".join(stream.iter_text()) == "answer (compacted)"


def test_finish_without_done_is_a_complete_end(server: Server, http: httpx.Client) -> None:
    stream = open_chat(http, server.url("/chat", reply("all", done=False)))
    assert list(stream.iter_text()) == ["all"]


# Ends and failures


def test_sync_cut_connection_raises_incomplete_after_the_deltas(server: Server, http: httpx.Client) -> None:
    stream = open_chat(http, server.url("/chat", cut_after(START, TEXT_START, delta("partial"))))
    received = []
    with pytest.raises(IncompleteStreamError) as caught:
        for text in stream.iter_text():
            received.append(text)
    assert received == ["partial"]
    assert "3 events (7 characters of text)" in str(caught.value)
    assert caught.value.received_events == 3
    assert stream.response.is_closed


@pytest.mark.anyio
async def test_async_cut_connection_raises_incomplete_after_the_deltas(
    server: Server, ahttp: httpx.AsyncClient
) -> None:
    stream = await aopen_chat(ahttp, server.url("/chat", cut_after(START, TEXT_START, delta("partial"))))
    received = []
    with pytest.raises(IncompleteStreamError, match="cut"):
        async for text in stream.aiter_text():
            received.append(text)
    assert received == ["partial"]
    assert stream.response.is_closed


def test_sync_clean_end_without_done_or_finish_is_incomplete(server: Server, http: httpx.Client) -> None:
    stream = open_chat(http, server.url("/chat", reply("short", finish=False, done=False)))
    with pytest.raises(IncompleteStreamError, match=r"without \[DONE\] or a finish after 4 events"):
        list(stream)


@pytest.mark.anyio
async def test_async_clean_end_without_done_or_finish_is_incomplete(server: Server, ahttp: httpx.AsyncClient) -> None:
    stream = await aopen_chat(ahttp, server.url("/chat", reply("short", finish=False, done=False)))
    with pytest.raises(IncompleteStreamError, match=r"without \[DONE\]"):
        [chunk async for chunk in stream]


def test_end_in_the_middle_of_an_event_is_incomplete(server: Server, http: httpx.Client) -> None:
    def script(conn: Conn) -> None:
        conn.start()
        conn.frame(FINISH)
        conn.send(b'data: {"type":"text-delta"')
        conn.end()

    with pytest.raises(IncompleteStreamError, match="middle of an event"):
        list(open_chat(http, server.url("/chat", script)))


def test_sync_error_chunk_raises_after_the_deltas_before_it(server: Server, http: httpx.Client) -> None:
    error = {"type": "error", "errorText": "model overloaded"}
    stream = open_chat(
        http, server.url("/chat", cut_after(START, TEXT_START, delta("so far"), error, FINISH, "[DONE]"))
    )
    received = []
    with pytest.raises(StreamError) as caught:
        for text in stream.iter_text():
            received.append(text)
    assert received == ["so far"]
    assert caught.value.error_text == "model overloaded"
    assert stream.response.is_closed


@pytest.mark.anyio
async def test_async_malformed_error_chunk_without_done_raises(server: Server, ahttp: httpx.AsyncClient) -> None:
    stream = await aopen_chat(
        ahttp, server.url("/chat", cut_after(START, delta("x"), {"type": "error", "error": "boom"}))
    )
    received = []
    with pytest.raises(StreamError, match="boom"):
        async for chunk in stream:
            received.append(chunk)
    assert [type(c) for c in received] == [StartChunk, TextDeltaChunk]


def test_malformed_json_raises_stream_error(server: Server, http: httpx.Client) -> None:
    stream = open_chat(http, server.url("/chat", cut_after(START, "{not json")))
    with pytest.raises(StreamError, match="malformed"):
        list(stream)


def test_sync_read_timeout_mid_stream(server: Server) -> None:
    closed = threading.Event()
    with httpx.Client(timeout=httpx.Timeout(WAIT, read=0.2)) as client:
        stream = open_chat(client, server.url("/chat", close_probe(closed)))
        with pytest.raises(APITimeoutError, match="timed out after 2 events"):
            list(stream)
    assert closed.wait(WAIT)


@pytest.mark.anyio
async def test_async_read_timeout_mid_stream(server: Server) -> None:
    closed = threading.Event()
    async with httpx.AsyncClient(timeout=httpx.Timeout(WAIT, read=0.2)) as client:
        stream = await aopen_chat(client, server.url("/chat", close_probe(closed)))
        with pytest.raises(APITimeoutError):
            [chunk async for chunk in stream]
    assert await anyio.to_thread.run_sync(closed.wait, WAIT)


# text/plain agents


def test_sync_plain_text_reply_streams_as_it_arrives(server: Server, http: httpx.Client) -> None:
    release = threading.Event()
    body = "Hello wörld".encode()
    cut = body.index("ö".encode()) + 1
    stream = open_chat(http, server.url("/plain", plain(body[:cut], body[cut:], release=release)))
    texts: list[str] = []
    for text in stream.iter_text():
        if not texts:
            assert not release.is_set()
            release.set()
        texts.append(text)
    assert texts == ["Hello w", "örld"]


@pytest.mark.anyio
async def test_async_plain_text_reply_reads_as_ui_chunks(server: Server, ahttp: httpx.AsyncClient) -> None:
    stream = await aopen_chat(ahttp, server.url("/plain", plain(b"Hi ", b"there")))
    chunks = [chunk async for chunk in stream]
    assert [c.type for c in chunks] == [
        "start",
        "start-step",
        "text-start",
        "text-delta",
        "text-delta",
        "text-end",
        "finish-step",
        "finish",
    ]


def test_plain_text_final_message(server: Server, http: httpx.Client) -> None:
    message = open_chat(http, server.url("/plain", plain(b"The whole ", b"answer."))).get_final_message()
    assert message.text == "The whole answer."
    assert message.finished


def test_sync_raw_response_api_as_the_documentation_uses_it(server: Server, http: httpx.Client) -> None:
    res = open_chat(http, server.url("/plain", plain(b"full reply")))
    assert res.raise_for_status() is res
    assert res.status_code == 200
    assert "text/event-stream" not in res.headers.get("content-type", "")
    assert res.text == "full reply"
    assert res.content == b"full reply"
    assert res.response.is_closed


@pytest.mark.anyio
async def test_async_raw_response_api(server: Server, ahttp: httpx.AsyncClient) -> None:
    res = await aopen_chat(ahttp, server.url("/plain", plain(b"full ", b"reply")))
    res.raise_for_status()
    with pytest.raises(httpx.ResponseNotRead):
        res.text  # noqa: B018
    assert await res.aread() == b"full reply"
    assert res.text == "full reply"
    with pytest.raises(StreamConsumedError):
        [chunk async for chunk in res]


@pytest.mark.anyio
async def test_async_lines_as_the_documentation_reads_them(server: Server, ahttp: httpx.AsyncClient) -> None:
    res = await aopen_chat(ahttp, server.url("/chat", reply("x")))
    lines = [line async for line in res.aiter_lines() if line]
    assert lines[0] == 'data: {"type":"start","messageId":"m1"}'
    assert lines[-1] == "data: [DONE]"


def test_sync_bytes(server: Server, http: httpx.Client) -> None:
    res = open_chat(http, server.url("/plain", plain(b"a", b"b")))
    assert b"".join(res.iter_bytes()) == b"ab"


# Read once


def test_sync_reading_twice_is_an_error(server: Server, http: httpx.Client) -> None:
    stream = open_chat(http, server.url("/chat", reply("once")))
    assert list(stream.iter_text()) == ["once"]
    with pytest.raises(StreamConsumedError, match="already read by iter_text"):
        list(stream)
    with pytest.raises(StreamConsumedError):
        stream.text  # noqa: B018
    with pytest.raises(StreamConsumedError):
        stream.get_final_message()


@pytest.mark.anyio
async def test_async_reading_twice_is_an_error(server: Server, ahttp: httpx.AsyncClient) -> None:
    stream = await aopen_chat(ahttp, server.url("/chat", reply("once")))
    assert [c async for c in stream]
    with pytest.raises(StreamConsumedError, match="already read by aiter_events"):
        [text async for text in stream.aiter_text()]


def test_reading_after_close_is_an_error(server: Server, http: httpx.Client) -> None:
    stream = open_chat(http, server.url("/chat", reply("x")))
    stream.close()
    with pytest.raises(StreamConsumedError, match="closed"):
        list(stream)


# Closing


def test_sync_break_closes_the_connection(server: Server, http: httpx.Client) -> None:
    closed = threading.Event()
    stream = open_chat(http, server.url("/chat", close_probe(closed)))
    for chunk in stream:
        if isinstance(chunk, TextDeltaChunk):
            break
    assert stream.response.is_closed
    assert closed.wait(WAIT)


@pytest.mark.anyio
async def test_async_break_closes_the_connection(server: Server, ahttp: httpx.AsyncClient) -> None:
    closed = threading.Event()
    stream = await aopen_chat(ahttp, server.url("/chat", close_probe(closed)))
    async for chunk in stream:
        if isinstance(chunk, TextDeltaChunk):
            break
    assert await anyio.to_thread.run_sync(closed.wait, WAIT)


@pytest.mark.anyio
async def test_async_context_manager_closes_at_once(server: Server, ahttp: httpx.AsyncClient) -> None:
    closed = threading.Event()
    async with await aopen_chat(ahttp, server.url("/chat", close_probe(closed))) as stream:
        async for _ in stream:
            break
    assert stream.response.is_closed
    assert await anyio.to_thread.run_sync(closed.wait, WAIT)


def test_sync_garbage_collection_closes_the_connection(server: Server, http: httpx.Client) -> None:
    closed = threading.Event()
    stream = open_chat(http, server.url("/chat", close_probe(closed)))
    response = stream.response
    del stream
    gc.collect()
    assert response.is_closed
    assert closed.wait(WAIT)


@pytest.mark.anyio
async def test_async_garbage_collection_closes_the_connection(server: Server, ahttp: httpx.AsyncClient) -> None:
    closed = threading.Event()
    stream = await aopen_chat(ahttp, server.url("/chat", close_probe(closed)))
    del stream
    gc.collect()
    assert await anyio.to_thread.run_sync(closed.wait, WAIT)


@pytest.mark.anyio
async def test_cancelling_the_task_closes_the_connection(server: Server, ahttp: httpx.AsyncClient) -> None:
    closed = threading.Event()
    first = anyio.Event()
    received = []
    stream = await aopen_chat(ahttp, server.url("/chat", close_probe(closed)))

    async def consume() -> None:
        async for text in stream.aiter_text():
            received.append(text)
            first.set()

    async with anyio.create_task_group() as tasks:
        tasks.start_soon(consume)
        await first.wait()
        tasks.cancel_scope.cancel()
    assert received == ["first"]
    assert stream.response.is_closed
    assert await anyio.to_thread.run_sync(closed.wait, WAIT)


@pytest.mark.anyio
async def test_closing_from_another_task_stops_the_reader(server: Server, ahttp: httpx.AsyncClient) -> None:
    closed = threading.Event()
    first = anyio.Event()
    received = []
    stream = await aopen_chat(ahttp, server.url("/chat", close_probe(closed)))

    async def consume() -> None:
        async for text in stream.aiter_text():
            received.append(text)
            first.set()

    with anyio.fail_after(WAIT):
        async with anyio.create_task_group() as tasks:
            tasks.start_soon(consume)
            await first.wait()
            await stream.aclose()
    assert received == ["first"]
    assert await anyio.to_thread.run_sync(closed.wait, WAIT)


# The final message


def test_sync_final_message(server: Server, http: httpx.Client) -> None:
    tool = (
        {"type": "tool-input-start", "toolCallId": "c1", "toolName": "RAGknowledge"},
        {"type": "tool-input-available", "toolCallId": "c1", "toolName": "RAGknowledge", "input": {"q": "x"}},
        {"type": "tool-output-available", "toolCallId": "c1", "output": {"hits": 2}},
    )
    message = open_chat(http, server.url("/chat", reply("done", after=tool))).get_final_message()
    assert message.id == "m1"
    assert message.text == "done"
    [call] = message.tool_calls
    assert (call.tool_name, call.input, call.output, call.state) == (
        "RAGknowledge",
        {"q": "x"},
        {"hits": 2},
        "output-available",
    )


@pytest.mark.anyio
async def test_async_final_message(server: Server, ahttp: httpx.AsyncClient) -> None:
    stream = await aopen_chat(ahttp, server.url("/chat", reply("Hello", " there")))
    message = await stream.get_final_message()
    assert message.text == "Hello there"
    assert message.finished


# Completions and the status stream


def completion(content: str, finish: str | None = None) -> dict[str, object]:
    choice = {"index": 0, "delta": {"content": content}, "finish_reason": finish}
    return {"id": "c", "object": "chat.completion.chunk", "model": "m", "choices": [choice]}


def test_sync_completion_stream(server: Server, http: httpx.Client) -> None:
    url = server.url("/ai", cut_after(completion("Hi"), completion("!", "stop"), "[DONE]"))
    stream = CompletionStream(http.send(http.build_request("GET", url), stream=True))
    chunks = list(stream)
    assert [c.choices[0].delta.content for c in chunks] == ["Hi", "!"]
    assert chunks[1].choices[0].finish_reason == "stop"


@pytest.mark.anyio
async def test_async_completion_error_payload_raises(server: Server, ahttp: httpx.AsyncClient) -> None:
    error = {"error": {"message": "quota exceeded", "type": "rate_limit"}}
    url = server.url("/ai", cut_after(completion("Hi"), error))
    stream = AsyncCompletionStream(await ahttp.send(ahttp.build_request("GET", url), stream=True))
    received = []
    with pytest.raises(StreamError, match="quota exceeded"):
        async for chunk in stream:
            received.append(chunk)
    assert len(received) == 1


def test_completion_stream_cut_is_incomplete(server: Server, http: httpx.Client) -> None:
    url = server.url("/ai", cut_after(completion("Hi")))
    stream = CompletionStream(http.send(http.build_request("GET", url), stream=True))
    with pytest.raises(IncompleteStreamError, match="1 events"):
        list(stream)


def status(conn: Conn) -> None:
    conn.start()
    conn.frame({"status": "processing"})
    conn.frame({"status": "idle", "stale": True})
    conn.end()


def test_sync_status_stream_ends_when_the_server_closes(server: Server, http: httpx.Client) -> None:
    stream = EventStream(http.send(http.build_request("GET", server.url("/status", status)), stream=True))
    assert list(stream) == [ChatStatusEvent(status="processing"), ChatStatusEvent(status="idle", stale=True)]


@pytest.mark.anyio
async def test_async_status_stream_cut_is_incomplete(server: Server, ahttp: httpx.AsyncClient) -> None:
    url = server.url("/status", cut_after({"status": "processing"}))
    stream = AsyncEventStream(await ahttp.send(ahttp.build_request("GET", url), stream=True))
    received = []
    with pytest.raises(IncompleteStreamError):
        async for event in stream:
            received.append(event.status)
    assert received == ["processing"]


# The raw reading methods on the other side, and the rarer endings


@pytest.mark.anyio
async def test_async_bytes_and_content_after_iteration(server: Server, ahttp: httpx.AsyncClient) -> None:
    res = await aopen_chat(ahttp, server.url("/plain", plain(b"a", b"b")))
    assert b"".join([data async for data in res.aiter_bytes()]) == b"ab"
    with pytest.raises(StreamConsumedError, match="already read by aiter_bytes"):
        res.content  # noqa: B018


def test_sync_lines(server: Server, http: httpx.Client) -> None:
    res = open_chat(http, server.url("/chat", reply("x")))
    assert [line for line in res.iter_lines() if line][-1] == "data: [DONE]"


def test_cut_before_any_byte_says_so(server: Server, http: httpx.Client) -> None:
    with pytest.raises(IncompleteStreamError, match="after 0 bytes"):
        list(open_chat(http, server.url("/chat", cut_after())))


def test_completion_error_as_a_string(server: Server, http: httpx.Client) -> None:
    url = server.url("/ai", cut_after({"error": "invalid api key"}))
    with pytest.raises(StreamError, match="invalid api key"):
        list(CompletionStream(http.send(http.build_request("GET", url), stream=True)))


@pytest.mark.anyio
async def test_async_malformed_completion_chunk(server: Server, ahttp: httpx.AsyncClient) -> None:
    url = server.url("/ai", cut_after("[1, 2]"))
    with pytest.raises(StreamError, match="malformed"):
        [c async for c in AsyncCompletionStream(await ahttp.send(ahttp.build_request("GET", url), stream=True))]


@pytest.mark.anyio
async def test_async_status_stream_stops_at_done_and_rejects_malformed(
    server: Server, ahttp: httpx.AsyncClient
) -> None:
    done = server.url("/done", cut_after({"status": "idle"}, "[DONE]"))
    stream = AsyncEventStream(await ahttp.send(ahttp.build_request("GET", done), stream=True))
    assert [e.status async for e in stream] == ["idle"]
    bad = server.url("/bad", cut_after({"state": 1}))
    with pytest.raises(StreamError, match="malformed"):
        [e async for e in AsyncEventStream(await ahttp.send(ahttp.build_request("GET", bad), stream=True))]
