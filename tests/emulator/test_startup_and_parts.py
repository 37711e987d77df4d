"""Starting the emulator from the command line, what importing it costs, and its routing and multipart parsing."""

from __future__ import annotations

import asyncio
import hashlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from imbrace.emulator.multipart import Form, read_form
from imbrace.emulator.routing import Router
from imbrace.emulator.specs import operations, spec_file

HEAVY = ("starlette", "uvicorn", "openapi_core", "yaml", "python_multipart")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def test_python_dash_m_serves_until_interrupted(tmp_path: Path) -> None:
    port = free_port()
    command = [sys.executable, "-m", "imbrace.emulator", "--port", str(port), "--api-key", "k", "--db", "state.db"]
    server = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 20
        while True:
            assert server.poll() is None, server.communicate()
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/ai-agent/health", headers={"x-api-key": "k"})
                break
            except httpx.ConnectError:
                assert time.monotonic() < deadline, "the emulator did not start"
                time.sleep(0.05)
        assert response.json()["data"]["status"] == "ok"
        assert (
            httpx.get(f"http://127.0.0.1:{port}/ai-agent/chat-client/chats", headers={"x-api-key": "no"}).status_code
            == 401
        )
    finally:
        server.send_signal(signal.SIGINT)
        out, _ = server.communicate(timeout=10)
    assert server.returncode == 0
    assert f"http://127.0.0.1:{port}" in out and (tmp_path / "state.db").exists()


def test_importing_the_package_and_plugin_loads_no_server_library() -> None:
    code = (
        "import sys, imbrace, imbrace.emulator, imbrace.emulator.config, imbrace.testing.plugin;"
        f"print([m for m in {HEAVY!r} if m in sys.modules])"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.strip() == "[]"


def test_specs_are_found_in_the_source_checkout() -> None:
    assert spec_file("gateway.yaml") == Path(__file__).resolve().parents[2] / "openapi" / "gateway.yaml"


@pytest.mark.parametrize(
    ("method", "path", "operation_id", "params"),
    [
        ("GET", "/data-board/folders/search", "search_folders", {}),
        ("GET", "/data-board/folders/f1", "get_folder", {"folder_id": "f1"}),
        ("GET", "/data-board/onedrive/files", "list_drive_files", {"drive_type": "onedrive"}),
        ("GET", "/data-board/files/search", "search_files", {}),
        ("DELETE", "/data-board/boards/b1/items/bulk-delete", "bulk_delete_items", {"board_id": "b1"}),
        (
            "DELETE",
            "/ai-agent/parquet/exports%2Fusers.parquet",
            "delete_parquet_file",
            {"file_name": "exports/users.parquet"},
        ),
        ("POST", "/v3/ai/document", "process_document", {}),
        ("POST", "/ai-agent/v2/chat", "stream_chat", {}),
    ],
)
def test_routes_prefer_literal_segments_and_keep_encoded_slashes(
    method: str, path: str, operation_id: str, params: dict[str, str]
) -> None:
    match = Router(operations()).match(method, path)
    assert match is not None and (match.operation.operation_id, match.params) == (operation_id, params)


def test_unknown_routes_and_methods_do_not_match() -> None:
    router = Router(operations())
    assert router.match("GET", "/ai-agent/v2/chat") is None
    assert router.match("GET", "/v3/ai/assistants/") is None
    assert router.match("GET", "/nowhere") is None


def _form(content_type: str, body: bytes, chunk: int = 7) -> Form:
    async def chunks() -> AsyncIterator[bytes]:
        for start in range(0, len(body), chunk):
            yield body[start : start + chunk]

    return asyncio.run(read_form(content_type, chunks()))


def test_multipart_keeps_binary_parts_byte_for_byte() -> None:
    payload = bytes(range(256)) + b"\r\n--not-a-boundary\r\n" + bytes(range(256))
    request = httpx.Request("POST", "http://x/", files={"file": ("a b.bin", payload, "image/png")}, data={"k": "v é"})
    form = _form(request.headers["content-type"], request.read())
    upload = form.files["file"]
    assert (upload.filename, upload.content_type, upload.size, upload.file.read()) == (
        "a b.bin",
        "image/png",
        len(payload),
        payload,
    )
    assert form.fields == {"k": "v é"}
    assert form.sha256 == hashlib.sha256(request.read()).hexdigest() and form.error is None
    form.close()


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("multipart/form-data; boundary=zzz", b"--zzz\r\nno headers"),
        ("multipart/form-data; boundary=zzz", b'--zzz\r\nContent-Disposition: form-data; name="a"\r\n\r\nx\r\n--zzz'),
        ("multipart/form-data; boundary=zzz", b"--zzz\r\nContent-Disposition: form-data\r\n\r\nx\r\n--zzz--\r\n"),
        ("multipart/form-data", b"--zzz--\r\n"),
        ("multipart/form-data; boundary=zzz", b"--zzz\r\nX-Long: " + b"x" * 20_000 + b"\r\n\r\n\r\n--zzz--\r\n"),
        (
            "multipart/form-data; boundary=zzz",
            b'--zzz\r\nContent-Disposition: form-data; name="a"\r\n\r\n' + b"x" * (1 << 21),
        ),
    ],
)
def test_a_malformed_multipart_body_is_a_form_error(content_type: str, body: bytes) -> None:
    form = _form(content_type, body)
    assert form.error and not form.fields and not form.files
