# Generated from src/imbrace/_async/resources/folders.py by codegen/unasync.py. Do not edit: change the async source.
"""`client.folders`: Knowledge Hub folders (the data-board folder routes)."""

from __future__ import annotations

from ._resource import Resource

__all__ = ["FoldersResource"]


class FoldersResource(Resource):
    """Knowledge Hub folders (the data-board folder routes)."""

    _service = "data_board"
