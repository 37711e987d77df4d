# Generated from src/imbrace/_async/resources/ai_agent/_shared.py by codegen/unasync.py: edit that file.
"""What the `client.ai_agent` sub-resources share: constants and pure helpers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from typing_extensions import TypedDict

from ...._pagination import CursorPages, NumberedPages
from ...._types import Query

_CHAT_ACCEPT = "text/event-stream, text/plain"


# The spec gives no enum for EmbeddingFile.status (only "e.g. `active`"): these are the values taken as final.
EMBEDDING_DONE_STATUSES = frozenset({"active", "completed", "complete", "done", "processed", "ready", "success"})
EMBEDDING_FAILED_STATUSES = frozenset({"failed", "failure", "error", "errored"})

# The chat list is newest first; `ending_before=<oldest chat seen>` gives the next (older) page.
_CLIENT_CHAT_PAGES = CursorPages(items_path=("chats",), cursor_key="ending_before")
_EMBEDDING_FILE_PAGES = NumberedPages(items_path=("data", "files"))


class _PollOptions(TypedDict, total=False):
    """`RequestOptions` without `timeout`, which names the whole wait in `process_embedding_and_wait`."""

    extra_headers: Mapping[str, str]
    extra_query: Query
    max_retries: int
    idempotent: bool


def _embedding_status(result: Any) -> str | None:
    """The file's status from `{data: {status}}` (or a bare `{status}`), lower-cased."""
    if not isinstance(result, Mapping):
        return None
    data = result.get("data")
    holder = data if isinstance(data, Mapping) and "status" in data else result
    status = holder.get("status")
    return status.lower() if isinstance(status, str) else None
