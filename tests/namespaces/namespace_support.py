"""What the namespace tests share: the case type of a method call and its one driver, a recorded client, request
inspection (paths, JSON, multipart parts), a blocking view of either client for the documentation's examples, a
stepper over either kind of iterator, and a routing mock server."""

from __future__ import annotations

import copy
import csv
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from helpers import Harness, Recorder

NewClient = Callable[..., Harness]
GATEWAY = "https://gw.test"
SURFACE = Path(__file__).resolve().parent.parent / "surface" / "imbrace-surface.tsv"
# Calls sent as the service serves them, not as the table (the documentation) has them: see
# tests/surface/test_surface_methods.py.
SERVED_NOT_DOCUMENTED = {"boards.update_segment", "chat_ai.process_document"}
NO_BODY: Any = object()
"""A request sent without a body."""
SAME: Any = object()
"""The result is the reply, unchanged."""
DEFAULT_REPLY = {"answer": "as sent"}


@dataclass(frozen=True)
class Case:
    """One call of a namespace method, the one request it must send, the reply it gets and the result it returns.

    `query` is compared sorted; `reply` is JSON (answered 200), None (answered 204) or a function making the
    response; `result` is what the method returns, `SAME` for the reply itself.
    """

    method: str
    args: tuple[Any, ...] = ()
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    http: str = "GET"
    path: str = ""
    query: Sequence[tuple[str, str]] = ()
    body: Any = NO_BODY
    reply: Any = field(default_factory=lambda: DEFAULT_REPLY)
    result: Any = SAME


def cases(table: Sequence[Case]) -> pytest.MarkDecorator:
    """Parametrize a test's `case` argument over a table of cases."""
    return pytest.mark.parametrize("case", table, ids=[f"{case.method}-{index}" for index, case in enumerate(table)])


def check_case(
    new_client: NewClient, kind: str, namespace: str, case: Case, *, origin: str = GATEWAY, **settings: Any
) -> None:
    """The driver of every case: call the method on a recorded client, then check the one request and the result.

    The caller's arguments must come back unchanged; the request goes to `origin` with the client's API key.
    """
    harness, recorder = client_for(new_client, kind, responder(case.reply), **settings)
    given = copy.deepcopy((case.args, dict(case.kwargs)))
    got = harness.call(getattr(getattr(harness.client, namespace), case.method), *case.args, **case.kwargs)
    [request] = recorder.requests
    assert (request.method, raw_path(request)) == (case.http, case.path)
    assert str(request.url).startswith(f"{origin}/")
    assert query(request) == sorted(case.query)
    assert sent_body(request) == case.body
    assert request.headers["x-api-key"] == "key-1"
    assert got == (case.reply if case.result is SAME else case.result)
    assert (case.args, dict(case.kwargs)) == given, "the caller's arguments were changed"


def responder(reply: Any) -> Callable[[httpx.Request], httpx.Response]:
    """A mock server giving every request the reply a `Case` describes."""
    if callable(reply):
        return lambda request: reply()
    if reply is None:
        return lambda request: httpx.Response(204)
    return lambda request: httpx.Response(200, json=reply)


def client_for(
    new_client: NewClient, kind: str, respond: Callable[[httpx.Request], httpx.Response] | None = None, **kwargs: Any
) -> tuple[Harness, Recorder]:
    recorder = Recorder(respond) if respond else Recorder()
    settings: dict[str, Any] = {
        "gateway": GATEWAY,
        "api_key": "key-1",
        "organization_id": "org-1",
        "max_retries": 0,
        **kwargs,
    }
    harness = new_client(http_client=recorder.http_client(kind), **settings)
    return harness, recorder


def raw_path(request: httpx.Request) -> str:
    return request.url.raw_path.decode("ascii").split("?", 1)[0]


def query(request: httpx.Request) -> list[tuple[str, str]]:
    return sorted(request.url.params.multi_items())


def json_body(request: httpx.Request) -> Any:
    assert request.headers["content-type"] == "application/json"
    return json.loads(request.content)


def sent_body(request: httpx.Request) -> Any:
    """The JSON body of a request, or NO_BODY when it has none."""
    return json_body(request) if request.content else NO_BODY


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


def check_table_covered(namespace: str, table: Sequence[Case], elsewhere: set[str]) -> set[str]:
    """Every method the surface table lists for `namespace` has a case in `table` or a test of its own (`elsewhere`),
    and each case sends its row's HTTP method to its row's path; returns the table's methods."""
    with SURFACE.open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle, delimiter="\t") if row["namespace"] == namespace]
    calls = {row["python_method"]: (row["http_method"], row["path"]) for row in rows}
    tested = {case.method for case in table} | elsewhere
    assert set(calls) <= tested, sorted(set(calls) - tested)
    for case in table:
        if f"{namespace}.{case.method}" in SERVED_NOT_DOCUMENTED:
            continue
        http, path = calls[case.method]
        pattern = re.sub(r"\\\{[a-z_]+\\\}", "[^/]+", re.escape(path))
        assert (case.http, re.fullmatch(pattern, case.path) is not None) == (http, True), case
    return set(calls)
