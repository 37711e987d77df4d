"""The exchanges recorded from the running AI-agent service, and what the recording left out of each request.

`recorded/ai-agent-service-exchanges.jsonl` (a copy of `shared/reference/recorded/`) holds 98 requests the SDK made
to the open-source service run on loopback, and its replies: step (the SDK call), method, path (relative to the
service root), request_body, status, content_type, body (`"<stream>"` for streams and files) and stream headers.
The recording keeps no query strings: `query` restates the one each step's SDK call sent.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

__all__ = ["EXCHANGES", "RECORDED_ORGANIZATION", "query"]

RECORDED = Path(__file__).parent / "recorded" / "ai-agent-service-exchanges.jsonl"
EXCHANGES: list[dict[str, Any]] = [json.loads(line) for line in RECORDED.read_text().splitlines()]
RECORDED_ORGANIZATION = "org_1"
_DOCUMENT = "adecf847-3ac7-43f5-863f-ec3f53932173"
_FIRST_VERSION = "2026-12-02T13:06:52.449Z"
_FIRST_PAGE_END = "bba651a7-f85b-41fc-8781-e1939d73237d"


def query(step: str, occurrence: int, rename: dict[str, str]) -> dict[str, str]:
    """The query string of the `occurrence`-th exchange named `step`, with the recorded values in `rename` renamed."""
    org = {"organization_id": rename.get(RECORDED_ORGANIZATION, RECORDED_ORGANIZATION)}
    document = {"id": _DOCUMENT}
    next_page = {"ending_before": _FIRST_PAGE_END} if occurrence else {}
    by_step: dict[str, dict[str, str]] = {
        "get_health(detailed=True)": {"detailed": "true"},
        "list_parquet_files(folder)": {"folderName": "exports"},
        "delete_parquet_file": {"folderName": "exports"},
        "delete_parquet_file(missing) -> 404": {"folderName": "exports"},
        "list_client_chats": org,
        "list_client_chats(limit=1)": {**org, "limit": "1"},
        "iter_client_chats(limit=1)": {**org, "limit": "1", **next_page},
        "list_client_chats(bad key) -> 401": org,
        "delete_all_client_chats": org,
        "list_client_chats(after delete all)": org,
        "create_document v1": document,
        "create_document v2": document,
        "create_document(bad kind) -> 400": document,
        "get_document_latest_by_kind(text)": {"kind": "text"},
        "get_document_latest_by_kind(sheet) -> null": {"kind": "sheet"},
        "delete_document(timestamp=v1)": {
            "timestamp": rename.get("2026-12-02T13:06:52.449Z", "2026-12-02T13:06:52.449Z")
        },
        "get_agent_prompt_suggestion(stream asst)": {"assistant_id": rename.get("asst_stream", "asst_stream")},
        "get_agent_prompt_suggestion(builtin)": {"assistant_id": "builtin-databoard-agent"},
        "get_agent_prompt_suggestion(unknown) -> 404": {"assistant_id": "asst_unknown"},
        "get_sub_agent_history": {"session_id": "sess_1", "chat_id": "6bb2e4f5-5b56-4618-ad40-3f9b7b22020b"},
        "list_chats (legacy v1, mongo)": org,
    }
    return by_step.get(step, {})
