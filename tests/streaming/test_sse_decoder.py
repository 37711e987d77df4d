"""The SSE decoder against the WHATWG event-stream rules, whole and split at every position."""

from __future__ import annotations

import itertools
import re
from collections.abc import AsyncIterator

import anyio
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imbrace._sse import ServerSentEvent, SSEDecoder, aiter_sse, iter_sse


def decode(*chunks: bytes) -> list[ServerSentEvent]:
    return list(iter_sse(chunks))


def reference(stream: bytes) -> list[ServerSentEvent]:
    """The standard's algorithm, written out literally and slowly."""
    stream = stream.removeprefix(b"\xef\xbb\xbf")
    lines = re.split(rb"\r\n|\r|\n", stream)[:-1]
    events, data, event_type, last_id, retry = [], "", "", None, None
    for raw in lines:
        line = raw.decode("utf-8", "replace")
        if line == "":
            if data:
                events.append(ServerSentEvent(data.removesuffix("\n"), event_type or "message", last_id, retry))
            data, event_type, retry = "", "", None
            continue
        if line.startswith(":"):
            continue
        name, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if name == "data":
            data += value + "\n"
        elif name == "event":
            event_type = value
        elif name == "id" and "\0" not in value:
            last_id = value
        elif name == "retry" and re.fullmatch(r"[0-9]+", value):
            retry = int(value)
    return events


def test_whatwg_stock_example_joins_data_lines() -> None:
    assert decode(b"data: YHOO\ndata: +2\ndata: 10\n\n") == [ServerSentEvent("YHOO\n+2\n10")]


def test_whatwg_example_with_comment_ids_and_unterminated_event() -> None:
    decoder = SSEDecoder()
    stream = b": test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event\n"
    events = decoder.feed(stream) + decoder.end()
    assert events == [ServerSentEvent("first event", id="1"), ServerSentEvent("second event", id="")]
    assert decoder.pending


def test_whatwg_empty_data_lines() -> None:
    decoder = SSEDecoder()
    events = decoder.feed(b"data\n\ndata\ndata\n\ndata:") + decoder.end()
    assert events == [ServerSentEvent(""), ServerSentEvent("\n")]
    assert decoder.pending


def test_whatwg_one_leading_space_is_stripped() -> None:
    assert decode(b"data:test\n\ndata: test\n\ndata:  two\n\n") == [
        ServerSentEvent("test"),
        ServerSentEvent("test"),
        ServerSentEvent(" two"),
    ]


def test_event_names_and_default_message() -> None:
    stream = b"event: add\ndata: 73857293\n\nevent: remove\ndata: 2153\n\nevent:\ndata: x\n\n"
    assert [(e.event, e.data) for e in decode(stream)] == [("add", "73857293"), ("remove", "2153"), ("message", "x")]


def test_event_name_does_not_leak_into_the_next_block() -> None:
    assert decode(b"event: ping\n\ndata: x\n\n") == [ServerSentEvent("x")]


def test_block_without_data_is_not_dispatched() -> None:
    assert decode(b"event: x\nid: 7\nretry: 10\n\n\n\n") == []


def test_comments_and_unknown_fields_are_ignored() -> None:
    assert decode(b": hi\n:\nfoo: bar\nDATA: no\ndata: yes\n\n") == [ServerSentEvent("yes")]


def test_last_event_id_persists_and_nul_ids_are_ignored() -> None:
    decoder = SSEDecoder()
    events = decoder.feed(b"id: 1\ndata: a\n\ndata: b\n\nid: 2\x003\ndata: c\n\nid\ndata: d\n\n")
    assert [(e.data, e.id) for e in events] == [("a", "1"), ("b", "1"), ("c", "1"), ("d", "")]
    assert decoder.last_event_id == ""


def test_retry_needs_ascii_digits() -> None:
    decoder = SSEDecoder()
    stream = b"retry: 1500\ndata: a\n\nretry: +5\ndata: b\n\nretry: 1_0\ndata: c\n\nretry: \xd9\xa1\ndata: d\n\n"
    assert [(e.data, e.retry) for e in decoder.feed(stream)] == [("a", 1500), ("b", None), ("c", None), ("d", None)]
    assert decoder.retry == 1500


def test_retry_in_a_block_without_data_sets_the_reconnection_time_only() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"retry: 0\n\ndata: a\n\n") == [ServerSentEvent("a")]
    assert decoder.retry == 0


@pytest.mark.parametrize("newline", [b"\n", b"\r", b"\r\n"])
def test_every_line_end(newline: bytes) -> None:
    stream = newline.join([b"data: a", b"data: b", b"", b"event: e", b"data: c", b"", b""])
    assert decode(stream) == [ServerSentEvent("a\nb"), ServerSentEvent("c", "e")]


def test_cr_only_stream() -> None:
    assert decode(b"data: one\r\rdata: two\rdata: 2\r\r") == [ServerSentEvent("one"), ServerSentEvent("two\n2")]


def test_crlf_split_across_chunks_is_one_line_end() -> None:
    assert decode(b"data: a\r", b"\ndata: b\r\n\r\n") == [ServerSentEvent("a\nb")]


def test_cr_at_end_of_chunk_followed_by_other_text() -> None:
    assert decode(b"data: a\r", b"data: b\r", b"\r") == [ServerSentEvent("a\nb")]


def test_cr_then_empty_chunk_then_lf() -> None:
    assert decode(b"data: a\r", b"", b"\ndata: b\n\n") == [ServerSentEvent("a\nb")]


def test_bom_is_dropped_once_even_when_split() -> None:
    assert decode(b"\xef", b"\xbb", b"\xbfdata: a\n\n") == [ServerSentEvent("a")]
    assert decode(b"\xef\xbb\xbf\xef\xbb\xbfdata: a\n\ndata: b\n\n") == [ServerSentEvent("b")]


def test_bytes_that_only_start_like_a_bom_are_kept() -> None:
    assert decode(b"\xef", b"data: a\n\ndata: b\n\n") == [ServerSentEvent("b")]


def test_invalid_utf8_is_replaced() -> None:
    assert decode(b"data: \xff\xfe ok \xe2\x82\n\n") == [ServerSentEvent("\ufffd\ufffd ok \ufffd")]


def test_multibyte_characters_split_at_every_position() -> None:
    stream = "data: héllo €uro\r\ndata: 😀 ✓\r\n\r\nevent: ü\ndata: ß\rdata: 中文\n\n".encode()
    expected = reference(stream)
    assert len(expected) == 2
    for i, j in itertools.combinations(range(len(stream) + 1), 2):
        assert decode(stream[:i], stream[i:j], stream[j:]) == expected, (i, j)


def test_byte_by_byte() -> None:
    stream = b'id: 5\r\ndata: {"a": 1}\r\n\r\n: c\ndata: x\rdata: y\r\r'
    assert decode(*(stream[i : i + 1] for i in range(len(stream)))) == reference(stream)


def test_a_very_large_single_event() -> None:
    payload = b"x" * (6 * 1024 * 1024)
    stream = b"data: " + payload + b"\ndata: end\n\n"
    chunks = [stream[i : i + 65536] for i in range(0, len(stream), 65536)]
    [event] = decode(*chunks)
    assert len(event.data) == len(payload) + 4
    assert event.data.endswith("\nend")


def test_pending_reports_a_stream_cut_mid_event() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"data: complete\n\ndata: cut") == [ServerSentEvent("complete")]
    assert decoder.end() == []
    assert decoder.pending
    finished = SSEDecoder()
    finished.feed(b"data: complete\n\n")
    assert not finished.pending


def test_json_helper() -> None:
    assert ServerSentEvent('{"a": [1, 2]}').json() == {"a": [1, 2]}


def test_aiter_sse() -> None:
    async def chunks() -> AsyncIterator[bytes]:
        for chunk in (b"data: a\n", b"\ndata: b", b"\n\n"):
            yield chunk

    async def collect() -> list[ServerSentEvent]:
        return [event async for event in aiter_sse(chunks())]

    assert anyio.run(collect) == [ServerSentEvent("a"), ServerSentEvent("b")]


_values = st.text(alphabet=st.characters(blacklist_characters="\r\n", codec="utf-8"), max_size=12)
_lines = st.one_of(
    st.just(b""),
    st.builds(lambda v: b"data:" + v.encode(), _values),
    st.builds(lambda v: b"data: " + v.encode(), _values),
    st.just(b"data"),
    st.builds(lambda v: b"event: " + v.encode(), _values),
    st.builds(lambda v: b"id: " + v.encode(), _values),
    st.just(b"id: a\x00b"),
    st.builds(lambda n: b"retry: " + n.encode(), st.sampled_from(["10", "x", "+3", "007", ""])),
    st.builds(lambda v: b":" + v.encode(), _values),
    st.sampled_from([b"\xff\xfe", b"data: \xe2\x82", b"data: \xf0\x9f\x98"]),
)


@st.composite
def streams(draw: st.DrawFn) -> bytes:
    lines = draw(st.lists(_lines, max_size=25))
    newlines = st.sampled_from([b"\n", b"\r", b"\r\n"]) if draw(st.booleans()) else st.just(b"\n")
    ends = draw(st.lists(newlines, min_size=len(lines), max_size=len(lines)))
    body = b"".join(line + end for line, end in zip(lines, ends))
    return (b"\xef\xbb\xbf" if draw(st.booleans()) else b"") + body + draw(st.sampled_from([b"", b"data: tail"]))


@settings(max_examples=400, deadline=None)
@given(stream=streams(), cuts=st.lists(st.integers(min_value=0, max_value=400), max_size=8))
def test_chunked_decoding_equals_whole_and_the_reference(stream: bytes, cuts: list[int]) -> None:
    positions = sorted({min(c, len(stream)) for c in cuts})
    bounds = [0, *positions, len(stream)]
    chunks = [stream[a:b] for a, b in zip(bounds, bounds[1:])]
    expected = reference(stream)
    assert decode(stream) == expected
    assert decode(*chunks) == expected
