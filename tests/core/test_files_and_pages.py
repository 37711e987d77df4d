"""Upload parts and paging decisions: the pure pieces every namespace relies on."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from imbrace._files import multipart_parts
from imbrace._pagination import CursorPages, NumberedPages, OffsetPages


def test_doc_files_dict_keeps_the_file_object_for_streaming(tmp_path: Path) -> None:
    source = tmp_path / "report.pdf"
    source.write_bytes(b"%PDF-1.4")
    with source.open("rb") as handle, multipart_parts({"file": handle}, {"agent_id": "asst_abc"}) as parts:
        assert parts[0] == ("file", ("report.pdf", handle, "application/pdf"))
        assert parts[1] == ("agent_id", (None, "asst_abc"))


def test_a_path_is_opened_for_the_call_and_closed_after(tmp_path: Path) -> None:
    source = tmp_path / "notes.txt"
    source.write_text("hello")
    with multipart_parts(source) as parts:
        name, (filename, handle, content_type) = parts[0]  # type: ignore[misc]
        assert (name, filename, content_type) == ("file", "notes.txt", "text/plain")
        assert not handle.closed
    assert handle.closed


def test_bytes_and_unnamed_streams_get_a_filename_and_a_type() -> None:
    with multipart_parts(b"raw") as parts:
        assert parts == [("file", ("upload.bin", b"raw", "application/octet-stream"))]
    with multipart_parts(io.BytesIO(b"x")) as parts:
        assert parts[0][1][0] == "upload.bin"


def test_old_style_none_tuples_are_form_fields_and_none_fields_are_dropped() -> None:
    with multipart_parts({"file": ("a.csv", b"1,2"), "folder_id": (None, "f1")}, {"skip": None, "flag": True}) as parts:
        assert parts == [("file", ("a.csv", b"1,2", "text/csv")), ("folder_id", (None, "f1")), ("flag", (None, "true"))]


def test_missing_file_and_no_file_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="nothing-here"), multipart_parts(tmp_path / "nothing-here"):
        pass
    with pytest.raises(ValueError, match="needs a file"), multipart_parts(None):
        pass


def test_offset_pages_stop_at_total_or_a_short_page() -> None:
    style = OffsetPages(items_path=("data",), default_limit=2)
    page = {"data": [1, 2], "total": 4}
    assert style.next_params(page, [1, 2], {"limit": 2}) == {"limit": 2, "skip": 2}
    assert style.next_params({"data": [3, 4], "total": 4}, [3, 4], {"limit": 2, "skip": 2}) is None
    assert style.next_params({"data": [1]}, [1], {"limit": 2}) is None
    assert style.next_params({"data": [1, 2], "has_more": False}, [1, 2], {"limit": 2}) is None


def test_capped_offset_pages_ask_within_the_cap_and_follow_the_total() -> None:
    style = OffsetPages(items_path=("data",), cap=500, total_paths=(("total",), ("data", "pagination", "count")))
    assert style.first_params(1000) == {"limit": 500, "skip": 0}
    assert style.first_params(0) == {"limit": 0, "skip": 0}  # "all" stays all
    shortened = {"data": list(range(100)), "total": 1100}  # the service served fewer than asked
    assert style.next_params(shortened, shortened["data"], {"limit": 500, "skip": 0}) == {"limit": 500, "skip": 100}
    assert style.next_params({"data": [], "total": 1100}, [], {"limit": 500, "skip": 100}) is None
    nested = {"data": {"pagination": {"count": 3}}}
    assert style.next_params(nested, [1, 2, 3], {"limit": 500, "skip": 0}) is None


def test_numbered_and_cursor_pages_follow_the_server_flags() -> None:
    numbered = NumberedPages(items_path=("data", "files"))
    page = {"data": {"files": [1, 2]}, "pagination": {"has_next": True}}
    assert numbered.items(page) == [1, 2]
    assert numbered.next_params(page, [1, 2], {"page": 3}) == {"page": 4}
    cursor = CursorPages(cursor_key="ending_before")
    chats = [{"id": "c9"}, {"id": "c8"}]
    assert cursor.next_params({"chats": chats, "hasMore": True}, chats, {"limit": 2}) == {
        "limit": 2,
        "ending_before": "c8",
    }
    assert cursor.next_params({"hasMore": False}, chats, {"limit": 2}) is None


def test_a_download_cut_midway_raises_typed_and_leaves_no_partial_file(tmp_path: Path) -> None:
    import socket
    import threading

    import imbrace

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()

    def serve_half() -> None:
        conn, _ = listener.accept()
        conn.recv(65536)
        conn.sendall(
            b"HTTP/1.1 200 OK\r\ncontent-length: 1000000\r\ncontent-type: application/pdf\r\n\r\n" + b"x" * 1000
        )
        conn.close()

    threading.Thread(target=serve_half, daemon=True).start()
    target = tmp_path / "guide.pdf"
    url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    with (
        imbrace.ImbraceClient(api_key="k", gateway=url, max_retries=0) as client,
        pytest.raises(imbrace.APIConnectionError),
    ):
        client.ai_agent.download_admin_guide("guide.pdf", target)
    listener.close()
    assert not target.exists()
