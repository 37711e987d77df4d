"""Case 10: an id is a non-empty str of at most 1024 characters, encoded as exactly one path segment.

Anything else is refused before a byte is sent: a TypeError for another type (bytes and ints were sent as their
repr, `.../items/b%27abc%27`), a ValueError for an empty or over-long id (a raw `httpx.InvalidURL` before). Every
path parameter of the specs is a string, so no int is accepted.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import unquote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import imbrace

from helpers import Harness, Recorder

NewClient = Callable[..., Harness]


@pytest.mark.parametrize("bad", [b"abc", 123, 1.5, ["a"], object()])
def test_a_non_str_id_is_a_type_error_and_nothing_is_sent(new_client: NewClient, kind: str, bad: object) -> None:
    recorder = Recorder()
    harness = new_client(http_client=recorder.http_client(kind), api_key="k")
    with pytest.raises(TypeError, match="item_id must be a str"):
        harness.call(harness.client.boards.get_item, "board", bad)
    assert recorder.requests == []


def test_an_over_long_id_is_a_value_error_and_nothing_is_sent(new_client: NewClient, kind: str) -> None:
    recorder = Recorder()
    harness = new_client(http_client=recorder.http_client(kind), api_key="k")
    with pytest.raises(ValueError, match="board_id is 100000 characters long"):
        harness.call(harness.client.boards.get, "x" * 100_000)
    assert recorder.requests == []


@settings(max_examples=150, deadline=None)
@given(item_id=st.text(min_size=1, max_size=64))
def test_any_str_id_reaches_the_server_as_exactly_one_segment(item_id: str) -> None:
    recorder = Recorder()
    client = imbrace.ImbraceClient(http_client=recorder.http_client("sync"), api_key="k")
    client.boards.get_item("board", item_id)
    path = recorder.requests[0].url.raw_path.decode("ascii")
    prefix, _, segment = path.rpartition("/")
    assert prefix == "/data-board/boards/board/items"
    assert unquote(segment) == item_id or segment in ("%2E", "%2E%2E")
