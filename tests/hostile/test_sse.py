"""Case 9, streams: the SSE decoder holds at most `max_event_bytes` of one line or event, whatever arrives.

Any byte stream, cut anywhere, either decodes to the same events as without a bound, or raises
`ResponseTooLargeError`; it never raises anything else and never buffers past the bound plus one network read.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imbrace import ResponseTooLargeError
from imbrace._sse import ServerSentEvent, SSEDecoder

LIMIT = 64
_pieces = st.sampled_from([b"data: ", b"data:", b"event: e", b"id: 1", b"retry: 5", b":c", b"\n", b"\r", b"\r\n", b"x"])
_streams = st.lists(st.one_of(_pieces, st.binary(max_size=40)), max_size=40).map(b"".join)


def _feed(decoder: SSEDecoder, stream: bytes, cuts: list[int], limit: int = LIMIT) -> list[ServerSentEvent]:
    events: list[ServerSentEvent] = []
    start = 0
    for cut in [*sorted({min(c, len(stream)) for c in cuts}), len(stream)]:
        events += decoder.feed(stream[start:cut])
        assert len(decoder._tail) <= limit + (cut - start) and decoder._size <= limit
        start = cut
    return events + decoder.end()


@settings(max_examples=300, deadline=None)
@given(stream=_streams, cuts=st.lists(st.integers(min_value=0, max_value=2000), max_size=6))
def test_any_stream_decodes_as_unbounded_or_raises_too_large(stream: bytes, cuts: list[int]) -> None:
    unbounded = _feed(SSEDecoder(1 << 30), stream, [], 1 << 30)
    try:
        bounded = _feed(SSEDecoder(LIMIT), stream, cuts)
    except ResponseTooLargeError as error:
        assert error.limit == LIMIT
        return
    assert bounded == unbounded


def test_a_line_with_no_end_raises_before_growing_past_the_bound() -> None:
    decoder = SSEDecoder(1 << 20)
    decoder.feed(b"data: ")
    with pytest.raises(ResponseTooLargeError, match="line is longer than 1048576 bytes"):
        for _ in range(100):
            decoder.feed(b"x" * 65536)
    assert len(decoder._tail) == 0


def test_an_event_of_many_lines_is_bounded_too() -> None:
    decoder = SSEDecoder(1000)
    with pytest.raises(ResponseTooLargeError, match="event is longer"):
        decoder.feed(b"data: 0123456789\n" * 200)
