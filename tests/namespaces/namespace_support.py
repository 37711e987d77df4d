"""What the namespace tests share: a recorded client, request inspection (paths, JSON, multipart parts), a blocking
view of either client for the documentation's examples, a stepper over either kind of iterator, and a routing mock
server."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx

from helpers import Harness, Recorder

NewClient = Callable[..., Harness]
GATEWAY = "https://gw.test"


def client_for(
    new_client: NewClient, kind: str, respond: Callable[[httpx.Request], httpx.Response] | None = None, **kwargs: Any
) -> tuple[Harness, Recorder]:
    recorder = Recorder(respond) if respond else Recorder()
    settings: dict[str, Any] = {"api_key": "key-1", "organization_id": "org-1", "max_retries": 0, **kwargs}
    harness = new_client(gateway=GATEWAY, http_client=recorder.http_client(kind), **settings)
    return harness, recorder


def raw_path(request: httpx.Request) -> str:
    return request.url.raw_path.decode("ascii").split("?", 1)[0]


def query(request: httpx.Request) -> list[tuple[str, str]]:
    return sorted(request.url.params.multi_items())


def json_body(request: httpx.Request) -> Any:
    assert request.headers["content-type"] == "application/json"
    return json.loads(request.content)


def multipart(request: httpx.Request) -> dict[str, tuple[str | None, str | None, bytes]]:
    """The parts of a multipart/form-data body, by name: (filename, content type, bytes), split on its boundary."""
    content_type = request.headers["content-type"]
    assert content_type.startswith("multipart/form-data; boundary=")
    boundary = content_type.split("boundary=", 1)[1].encode()
    body = request.content
    assert body.endswith(b"--" + boundary + b"--\r\n")
    chunks = body.split(b"--" + boundary)
    assert chunks[0] == b""
    parts: dict[str, tuple[str | None, str | None, bytes]] = {}
    for chunk in chunks[1:-1]:
        assert chunk.startswith(b"\r\n") and chunk.endswith(b"\r\n")
        head, _, data = chunk[2:-2].partition(b"\r\n\r\n")
        headers = dict(line.split(b": ", 1) for line in head.split(b"\r\n"))
        disposition = headers[b"Content-Disposition"].decode()
        params = dict(item.strip().split("=", 1) for item in disposition.split(";")[1:] if "=" in item)
        name = params["name"].strip('"')
        filename = params["filename"].strip('"') if "filename" in params else None
        part_type = headers[b"Content-Type"].decode() if b"Content-Type" in headers else None
        parts[name] = (filename, part_type, data)
    return parts


class Blocking:
    """The client as the documentation's sync examples use it: on the async client every call is awaited for them."""

    def __init__(self, harness: Harness, target: Any = None) -> None:
        self._harness = harness
        self._target = harness.client if target is None else target

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._target, name)
        if callable(value):
            return lambda *args, **kwargs: self._harness.call(value, *args, **kwargs)
        return Blocking(self._harness, value)


def routes(table: dict[tuple[str, str], Any]) -> Callable[[httpx.Request], httpx.Response]:
    """A mock server: (method, raw path) -> a JSON reply, or a (status, JSON) pair; anything else is a 404."""

    def respond(request: httpx.Request) -> httpx.Response:
        reply = table.get((request.method, raw_path(request)), (404, {"message": "no route"}))
        status, body = reply if isinstance(reply, tuple) else (200, reply)
        return httpx.Response(status, json=body)

    return respond


class Stepper:
    """Pull items one at a time from a sync iterator or an async one (on the harness's event loop)."""

    def __init__(self, harness: Harness, iterator: Any) -> None:
        self.harness = harness
        self.iterator = iterator

    def next(self) -> Any:
        if self.harness.runner is None:
            return next(self.iterator)
        try:
            return self.harness.runner.run(self.iterator.__anext__())
        except StopAsyncIteration:
            raise StopIteration from None

    def rest(self) -> list[Any]:
        items = []
        while True:
            try:
                items.append(self.next())
            except StopIteration:
                return items
