"""`client.boards`: Data boards, fields, items, segments, search, Knowledge Hub folders and files, drives.

Results are the server's JSON, as for every namespace, with the old package's unwrapping kept where it had it, so
existing callers read the same shapes:

- the Knowledge Hub methods (`*folder*`, `*file*` except `delete_*`/`download_*`, and `generate_ai_tags`,
  `get_related_items`) return the reply's `data` (and `get_folder` returns `data.folder`); a reply without `data` is
  returned as is;
- everything else returns the reply as sent: single boards and every field call `{"data": board}`, items
  `{"data": item}`, lists `{"data": [...], ...}`; `delete`, `delete_field`, `delete_item` and `delete_segment` return
  None; `export_csv` returns the CSV text; `download_file` and `download_drive_file` return the read `httpx.Response`
  (use `.content`), and `download_file_to` streams to a file instead.

Bodies the data-board service would reject or misread are fixed or refused before sending: folders get the client's
`organization_id`, item fields keyed by field name are keyed by field id (one cached read of the board), imports use
the service's JSON flow, uploads need a folder. The folder methods send their requests through `client.folders`.
"""

from __future__ import annotations

from .._generated.boards import AsyncGeneratedBoards
from .drives import AsyncBoardDrives

__all__ = ["AsyncBoardsResource"]


class AsyncBoardsResource(AsyncBoardDrives, AsyncGeneratedBoards):
    """Data boards, fields, items, segments, search, Knowledge Hub folders and files, drives, and the data-board
    operations of the vendor spec no hand-written method serves (generated, inherited)."""
