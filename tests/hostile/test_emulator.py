"""Cases 11-13: the emulator under hostile requests.

- Admin routes (`/_emulator/...`) take the API key when one is set, refuse a foreign `Origin`, a cross-site
  `Sec-Fetch-Site` and a non-JSON body (what a web page could send without a CORS preflight); injected faults are
  applied after the credential check.
- Bodies: NaN / Infinity / 1e99999 and 100,000-deep JSON are a 400 (JSON has no non-finite numbers; nothing is
  stored that would break later replies); UTF-8 multipart file names are stored as sent; any file name downloads
  with an RFC 6266 `filename*` and no CR/LF/NUL in the header.
- Uploads: the credential is checked before a byte of the body is read; bodies over `max_upload_bytes` are a 413
  (by Content-Length before reading, or as they arrive); a multipart body is parsed as it arrives, its files
  spooled to disk, so a 64 MiB upload peaks at a few MiB of Python memory; uploaded bytes go to a file store, not
  SQLite.
"""

from __future__ import annotations

import json
import socket
import sqlite3
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import httpx
import pytest

from imbrace.emulator import Emulator, EmulatorSettings

KEY = "emulator-admin-key"
AUTH = {"x-api-key": KEY}


@pytest.fixture(scope="module")
def guarded() -> Iterator[Emulator]:
    with Emulator(EmulatorSettings(api_key=KEY, max_upload_bytes=64 * 1024)) as emulator:
        yield emulator


@pytest.fixture
def http(guarded: Emulator) -> Iterator[httpx.Client]:
    guarded.reset()
    with httpx.Client(base_url=guarded.url, timeout=10) as client:
        yield client


def test_admin_routes_require_the_key_when_one_is_set(http: httpx.Client, guarded: Emulator) -> None:
    http.post("/data-board/boards", json={"name": "keep me"}, headers=AUTH).raise_for_status()
    assert http.post("/_emulator/reset").status_code == 401
    assert http.post("/_emulator/faults", json={"path": "/x", "kind": "status", "status": 500}).status_code == 401
    assert http.get("/_emulator/requests", headers={"x-api-key": "wrong"}).status_code == 401
    assert len(http.get("/data-board/boards", headers=AUTH).json()["data"]) == 1
    assert http.post("/_emulator/reset", headers=AUTH).json() == {"ok": True}
    assert http.get("/data-board/boards", headers=AUTH).json()["data"] == []


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({"origin": "http://evil.example", **AUTH}, 403),
        ({"sec-fetch-site": "cross-site", **AUTH}, 403),
        ({"content-type": "text/plain", **AUTH}, 415),
        ({"content-type": "application/x-www-form-urlencoded", **AUTH}, 415),
    ],
)
def test_admin_routes_refuse_what_a_web_page_could_send(
    http: httpx.Client, headers: dict[str, str], status: int
) -> None:
    http.post("/data-board/boards", json={"name": "keep me"}, headers=AUTH).raise_for_status()
    assert http.post("/_emulator/reset", content=b"{}", headers=headers).status_code == status
    assert len(http.get("/data-board/boards", headers=AUTH).json()["data"]) == 1


def test_the_same_origin_may_use_the_admin_routes(http: httpx.Client, guarded: Emulator) -> None:
    origin = {"origin": guarded.url, "content-type": "application/json", **AUTH}
    assert http.post("/_emulator/reset", headers=origin).status_code == 200


def test_faults_apply_after_the_credential_check(http: httpx.Client, guarded: Emulator) -> None:
    guarded.add_fault(method="GET", path="/data-board/boards", kind="status", status=503, times=1)
    assert http.get("/data-board/boards").status_code == 401
    assert len(guarded.state.faults.active()) == 1  # the unauthenticated call did not use it up
    assert http.get("/data-board/boards", headers=AUTH).status_code == 503


@pytest.mark.parametrize(
    "body", [b'{"name": "b", "x": 1e99999}', b'{"name": "b", "x": NaN}', b'{"name": "b", "x": -Infinity}']
)
def test_non_finite_numbers_are_a_400_and_nothing_is_stored(http: httpx.Client, body: bytes) -> None:
    reply = http.post("/data-board/boards", content=body, headers={"content-type": "application/json", **AUTH})
    assert reply.status_code == 400
    listed = http.get("/data-board/boards", headers=AUTH)
    assert listed.status_code == 200 and listed.json()["data"] == []


def test_deep_json_is_a_400_not_a_500(http: httpx.Client) -> None:
    deep = b"[" * 30_000 + b"]" * 30_000  # far past Python's recursion limit, within this emulator's 64 KiB
    for path in ("/data-board/boards", "/_emulator/faults"):
        reply = http.post(path, content=deep, headers={"content-type": "application/json", **AUTH})
        assert reply.status_code == 400, path


def _upload(http: httpx.Client, name: str, data: bytes) -> dict[str, object]:
    """Upload into a new folder: the service requires `folder_id` (and a folder its `organization_id`)."""
    folder = http.post("/data-board/folders", json={"name": "f", "organization_id": "org_1"}, headers=AUTH)
    folder.raise_for_status()
    fields = {"folder_id": folder.json()["data"]["_id"]}
    files = {"file": (name, data, "text/plain")}
    reply = http.post("/data-board/files/upload", data=fields, files=files, headers=AUTH)
    reply.raise_for_status()
    record: dict[str, object] = reply.json()["data"]
    return record


@pytest.mark.parametrize("name", ["résumé 報告.txt", "🙂", "naïve-名前"])
def test_a_utf8_multipart_file_name_is_stored_as_sent(http: httpx.Client, name: str) -> None:
    assert _upload(http, name, b"hello")["name"] == name


@pytest.mark.parametrize("name", ["résumé 報告.txt", "a\r\nx-injected: 1.txt", "nul\x00.txt", 'quo"te\\.txt', "🙂"])
def test_any_file_name_downloads_with_an_rfc_6266_header(http: httpx.Client, name: str) -> None:
    record = _upload(http, "plain.txt", b"hello")
    http.put(f"/data-board/files/{record['_id']}", json={"name": name}, headers=AUTH).raise_for_status()
    download = http.get(f"/data-board/files/{record['_id']}/download", headers=AUTH)
    assert download.status_code == 200 and download.content == b"hello"
    disposition = download.headers["content-disposition"]
    assert not any(c in disposition for c in "\r\n\x00")
    assert unquote(disposition.split("filename*=UTF-8''", 1)[1]) == name


def _raw(emulator: Emulator, head: str) -> bytes:
    """Send only a request head (the body it announces never comes) and read the first bytes of the answer."""
    with socket.create_connection((emulator.host, emulator.port), timeout=5) as sock:
        sock.sendall(head.encode())
        return sock.recv(4096)


def test_an_unauthenticated_upload_is_refused_before_its_body_is_read(guarded: Emulator) -> None:
    head = "POST /data-board/files/upload HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
    answer = _raw(guarded, head + "Content-Length: 209715200\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 401")


def test_an_announced_body_over_the_limit_is_a_413_before_it_is_read(guarded: Emulator) -> None:
    head = f"POST /data-board/files/upload HTTP/1.1\r\nHost: x\r\nx-api-key: {KEY}\r\nContent-Length: 209715200\r\n\r\n"
    assert _raw(guarded, head).startswith(b"HTTP/1.1 413")


def test_a_chunked_body_over_the_limit_is_a_413(http: httpx.Client) -> None:
    chunks = (b"x" * 8192 for _ in range(32))
    reply = http.post("/data-board/boards", content=chunks, headers={"content-type": "application/json", **AUTH})
    assert reply.status_code == 413
    assert "limit of 65536 bytes" in reply.text


def test_uploaded_bytes_go_to_the_file_store_not_sqlite(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    data = bytes(range(256)) * 64
    with Emulator(EmulatorSettings(db=db)) as emulator, httpx.Client(base_url=emulator.url, headers=AUTH) as http:
        record = _upload(http, "blob.bin", data)
    stored = tmp_path / "state.db.files" / str(record["_id"])
    assert stored.read_bytes() == data
    with sqlite3.connect(db) as connection:
        bodies = [json.loads(body) for (body,) in connection.execute("SELECT body FROM documents")]
    assert all(len(json.dumps(body)) < 2000 for body in bodies)
    with Emulator(EmulatorSettings(db=db)) as emulator, httpx.Client(base_url=emulator.url, headers=AUTH) as http:
        assert http.get(f"/data-board/files/{record['_id']}/download").content == data


def _multipart_upload(folder_id: str, boundary: str, chunk: bytes, count: int) -> Iterator[bytes]:
    """A multipart body sent chunk by chunk: the client holds one chunk, never the whole file."""
    yield (
        f'--{boundary}\r\nContent-Disposition: form-data; name="folder_id"\r\n\r\n{folder_id}\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    for _ in range(count):
        yield chunk
    yield f"\r\n--{boundary}--\r\n".encode()


def test_a_streamed_multipart_body_over_the_limit_is_a_413(http: httpx.Client) -> None:
    body = _multipart_upload("f", "b0undary", b"x" * 8192, 32)
    headers = {"content-type": "multipart/form-data; boundary=b0undary", **AUTH}
    reply = http.post("/data-board/files/upload", content=body, headers=headers)
    assert reply.status_code == 413 and "limit of 65536 bytes" in reply.text


def test_a_large_authenticated_upload_streams_to_disk_in_bounded_memory() -> None:
    chunk, count = bytes(range(256)) * 256, 1024  # 64 KiB x 1024 = 64 MiB
    settings = EmulatorSettings(api_key=KEY, max_upload_bytes=100 << 20)
    with Emulator(settings) as emulator, httpx.Client(base_url=emulator.url, headers=AUTH, timeout=120) as http:
        folder = http.post("/data-board/folders", json={"name": "f", "organization_id": "org_1"})
        body = _multipart_upload(folder.json()["data"]["_id"], "b0undary", chunk, count)
        tracemalloc.start()
        try:
            reply = http.post(
                "/data-board/files/upload",
                content=body,
                headers={"content-type": "multipart/form-data; boundary=b0undary"},
            )
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert reply.status_code == 201, reply.text
        record = reply.json()["data"]
        stored = emulator.state.files.find(record["_id"])
        assert record["size"] == len(chunk) * count and stored is not None
        with stored.open("rb") as file:
            assert file.read(len(chunk)) == chunk and stored.stat().st_size == len(chunk) * count
    assert peak < 8 << 20, f"a 64 MiB upload peaked at {peak / 2**20:.1f} MiB of Python memory"
