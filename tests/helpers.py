"""Test helpers: one harness for both clients, and a scripted HTTP server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import inspect
import json
import threading
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar

import httpx

from imbrace import AsyncImbraceClient, ImbraceClient

T = TypeVar("T")


class LoopRunner:
    """One event loop that runs coroutines to completion, one after another (`asyncio.Runner` needs Python 3.11)."""

    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()

    def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        return self._loop.run_until_complete(coroutine)

    def close(self) -> None:
        """Cancel what is left, finish async generators and the executor, close the loop (as `Runner.close` does)."""
        loop = self._loop
        try:
            pending = asyncio.all_tasks(loop)
            for task in pending:
                task.cancel()
            if pending:
                loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            loop.close()


@dataclass
class Harness:
    """A sync or async client under test; `call` runs a method either way on one event loop."""

    kind: str
    client: ImbraceClient | AsyncImbraceClient
    runner: LoopRunner | None

    def call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        result = fn(*args, **kwargs)
        if inspect.isawaitable(result):
            assert self.runner is not None
            return self.runner.run(_awaited(result))
        return result

    def close(self) -> None:
        self.call(self.client.aclose if isinstance(self.client, AsyncImbraceClient) else self.client.close)


async def _awaited(awaitable: Any) -> Any:
    return await awaitable


def make_harness(kind: str, **kwargs: Any) -> Harness:
    if kind == "sync":
        return Harness(kind, ImbraceClient(**kwargs), None)
    runner = LoopRunner()
    return Harness(kind, runner.run(_construct(kwargs)), runner)


async def _construct(kwargs: dict[str, Any]) -> AsyncImbraceClient:
    return AsyncImbraceClient(**kwargs)


@dataclass
class Recorder:
    """Records every request a mock transport sees and answers with `respond`."""

    respond: Callable[[httpx.Request], httpx.Response] = lambda request: httpx.Response(200, json={"ok": True})
    requests: list[httpx.Request] = field(default_factory=list)

    def handler(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return self.respond(request)

    def transport(self, kind: str) -> httpx.MockTransport:
        return httpx.MockTransport(self.handler)

    def http_client(self, kind: str) -> httpx.Client | httpx.AsyncClient:
        if kind == "sync":
            return httpx.Client(transport=self.transport(kind))
        return httpx.AsyncClient(transport=self.transport(kind))


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Reply:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


class ScriptedServer:
    """A real HTTP/1.1 server on 127.0.0.1 whose answers come from `script(seen) -> Reply`."""

    def __init__(self, script: Callable[[Seen], Reply]) -> None:
        self.script = script
        self.seen: list[Seen] = []
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def count(self, method: str, path: str) -> int:
        with self._lock:
            return sum(1 for s in self.seen if s.method == method and s.path == path)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                return None

            def _handle(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                headers = {k.lower(): v for k, v in self.headers.items()}
                seen = Seen(self.command, self.path, headers, self.rfile.read(length))
                with server._lock:
                    server.seen.append(seen)
                reply = server.script(seen)
                payload, content_type = _encode(reply.body)
                self.send_response(reply.status)
                for name, value in {**content_type, **reply.headers}.items():
                    self.send_header(name, value)
                self.send_header("content-length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle

        return Handler

    def __enter__(self) -> ScriptedServer:
        threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def _encode(body: Any) -> tuple[bytes, dict[str, str]]:
    if body is None:
        return b"", {}
    if isinstance(body, bytes):
        return body, {"content-type": "application/octet-stream"}
    if isinstance(body, str):
        return body.encode(), {"content-type": "text/plain; charset=utf-8"}
    return json.dumps(body).encode(), {"content-type": "application/json"}


@contextmanager
def scripted_server(script: Callable[[Seen], Reply]) -> Iterator[ScriptedServer]:
    with ScriptedServer(script) as server:
        yield server
