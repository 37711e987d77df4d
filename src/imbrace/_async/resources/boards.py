"""`client.boards`: Data boards, fields, items, segments, search, Knowledge Hub folders and files, drives."""

from __future__ import annotations

from ._resource import AsyncResource

__all__ = ["AsyncBoardsResource"]


class AsyncBoardsResource(AsyncResource):
    """Data boards, fields, items, segments, search, Knowledge Hub folders and files, drives."""

    _service = "data_board"
