"""A real HTTP server on 127.0.0.1 for the stream tests, scripted per test, writing chunked bodies as it goes."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

WAIT = 10.0
"""The longest any side waits for the other; reached only when a test fails."""


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


class Conn:
    """The server's side of one response, for a test's script to drive."""

    def __init__(self, handler: BaseHTTPRequestHandler) -> None:
        self._handler = handler

    def start(self, content_type: str = "text/event-stream") -> None:
        self._handler.send_response(200)
        self._handler.send_header("Content-Type", content_type)
        self._handler.send_header("Transfer-Encoding", "chunked")
        self._handler.send_header("Connection", "close")
        self._handler.end_headers()

    def send(self, data: bytes) -> None:
        """One chunk of the body, flushed to the socket at once."""
        self._handler.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self._handler.wfile.flush()

    def frame(self, payload: Any) -> None:
        """One SSE frame: `data: <json>` and a blank line (a string payload is sent as is)."""
        text = payload if isinstance(payload, str) else json.dumps(payload, separators=(",", ":"))
        self.send(b"data: " + text.encode() + b"\n\n")

    def end(self) -> None:
        """The body's clean end."""
        self._handler.wfile.write(b"0\r\n\r\n")
        self._handler.wfile.flush()

    def wait_for_close(self) -> bool:
        """Block until the client closes the connection (True), or give up after `WAIT` seconds (False)."""
        sock: socket.socket = self._handler.connection
        sock.settimeout(WAIT)
        try:
            return sock.recv(1) == b""
        except ConnectionResetError:
            return True
        except socket.timeout:  # TimeoutError only from Python 3.10
            return False


Script = Callable[[Conn], None]


class Server:
    """Serves each path with the script registered for it; records script failures for the test to see."""

    def __init__(self) -> None:
        self.scripts: dict[str, Script] = {}
        self.errors: list[BaseException] = []
        scripts, errors = self.scripts, self.errors

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                self.close_connection = True
                try:
                    scripts[self.path](Conn(self))
                except (BrokenPipeError, ConnectionResetError):
                    pass
                except BaseException as exc:
                    errors.append(exc)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.01,), daemon=True)

    def url(self, path: str, script: Script) -> str:
        self.scripts[path] = script
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}{path}"


@pytest.fixture
def server() -> Iterator[Server]:
    srv = Server()
    srv.thread.start()
    try:
        yield srv
    finally:
        srv.httpd.shutdown()
        srv.httpd.server_close()
        srv.thread.join(WAIT)
    assert not srv.errors, srv.errors
