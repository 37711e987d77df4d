# Generated from src/imbrace/_async/resources/boards.py by codegen/unasync.py. Do not edit: change the async source.
"""`client.boards`: Data boards, fields, items, segments, search, Knowledge Hub folders and files, drives."""

from __future__ import annotations

from ._resource import Resource

__all__ = ["BoardsResource"]


class BoardsResource(Resource):
    """Data boards, fields, items, segments, search, Knowledge Hub folders and files, drives."""

    _service = "data_board"
