"""`client.folders`: Knowledge Hub folders (the data-board folder routes)."""

from __future__ import annotations

from ._resource import AsyncResource

__all__ = ["AsyncFoldersResource"]


class AsyncFoldersResource(AsyncResource):
    """Knowledge Hub folders (the data-board folder routes)."""

    _service = "data_board"
