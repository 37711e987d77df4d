"""`with_raw_response` and `with_streaming_response` on every namespace of both clients: status, headers, request id,
`parse()` equal to the plain method's result, and (streaming) a body left unread until asked for, shown by a loopback
server that holds the body back until the test lets it go."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
from pathlib import Path
from typing import Any

import pytest

from imbrace import (
    APIConnectionError,
    APIResponseValidationError,
    AsyncImbraceClient,
    AsyncRawResponse,
    AsyncStreamedResponse,
    ImbraceClient,
    Limits,
    NotFoundError,
    RawResponse,
    ResponseTooLargeError,
    StreamedResponse,
)
from imbrace.emulator import Emulator

from helpers import Harness, Reply, Seen, scripted_server

NAMESPACES = ("chat_ai", "ai_agent", "ai", "boards", "folders")
AGENT = {"name": "Support Bot", "workflow_name": "support_bot_v1", "streaming": True}


@pytest.fixture
def emulator(imbrace_emulator: Emulator) -> Emulator:
    """The session's emulator, emptied for each test."""
    return imbrace_emulator


def _client(new_client: Any, emulator: Emulator) -> Harness:
    harness: Harness = new_client(api_key="k", organization_id="org_1", gateway=emulator.url, max_retries=0)
    return harness


def _enter(harness: Harness, manager: Any) -> Any:
    return harness.call(manager.__aenter__ if harness.kind == "async" else manager.__enter__)


def _exit(harness: Harness, manager: Any) -> None:
    harness.call(manager.__aexit__ if harness.kind == "async" else manager.__exit__, None, None, None)


def _items(harness: Harness, iterator: Any) -> list[Any]:
    if harness.kind == "sync":
        return list(iterator)

    async def collect() -> list[Any]:
        return [item async for item in iterator]

    return list(harness.call(collect))


@pytest.mark.parametrize("client_class", [ImbraceClient, AsyncImbraceClient])
@pytest.mark.parametrize("namespace", NAMESPACES)
def test_both_views_offer_every_public_method(client_class: type, namespace: str) -> None:
    client = client_class(api_key="k")
    resource = getattr(client, namespace)
    methods = sorted(n for n in dir(type(resource)) if not n.startswith("_"))
    assert methods and sorted(dir(resource.with_raw_response)) == methods
    assert sorted(dir(resource.with_streaming_response)) == methods
    for name in (n for n in methods if callable(getattr(type(resource), n))):  # not a nested namespace
        assert callable(getattr(resource.with_raw_response, name))
        assert callable(getattr(resource.with_streaming_response, name))
    with pytest.raises(AttributeError):
        resource.with_raw_response._json  # noqa: B018
    with pytest.raises(AttributeError):
        resource.with_raw_response.no_such_method  # noqa: B018
    assert resource.with_raw_response is resource.with_raw_response  # made once per namespace


def test_raw_response_shows_status_headers_request_id_and_parses_to_the_plain_result(
    new_client: Any, kind: str, emulator: Emulator
) -> None:
    harness = _client(new_client, emulator)
    client = harness.client
    agent = harness.call(client.chat_ai.create_ai_agent, AGENT)
    raw = harness.call(client.chat_ai.with_raw_response.get_ai_agent, agent["id"])
    assert isinstance(raw, AsyncRawResponse if kind == "async" else RawResponse)
    assert raw.status_code == 200
    assert raw.headers["content-type"].startswith("application/json")
    assert raw.method == "GET" and raw.url.path == f"/v3/ai/assistants/{agent['id']}"
    assert raw.parse() == harness.call(client.chat_ai.get_ai_agent, agent["id"])
    assert raw.parse()["name"] == "Support Bot"
    # The body as sent has only `id`; `parse()` adds `_id` as the plain method does (README "Both id names").
    as_sent = {key: value for key, value in raw.parse().items() if key != "_id"}
    assert json.loads(raw.content) == as_sent and json.loads(raw.text) == as_sent
    assert raw.parse()["_id"] == raw.parse()["id"] == agent["id"]
    assert raw.elapsed.total_seconds() >= 0
    assert repr(raw).endswith(f"[200] GET /v3/ai/assistants/{agent['id']}>")


def test_request_id_is_read_from_the_response(new_client: Any, kind: str) -> None:
    with scripted_server(lambda seen: Reply(200, {"data": []}, {"x-request-id": "req_42"})) as server:
        harness = new_client(api_key="k", gateway=server.url)
        raw = harness.call(harness.client.boards.with_raw_response.list)
        assert raw.request_id == "req_42"
        assert raw.parse() == {"data": []}


def test_a_failing_call_raises_its_typed_error_in_both_views(new_client: Any, kind: str, emulator: Emulator) -> None:
    harness = _client(new_client, emulator)
    with pytest.raises(NotFoundError):
        harness.call(harness.client.boards.with_raw_response.get, "missing")
    with pytest.raises(NotFoundError):
        _enter(harness, harness.client.boards.with_streaming_response.get("missing"))


def test_an_iterator_method_gives_the_first_pages_response_and_every_item(
    new_client: Any, kind: str, emulator: Emulator
) -> None:
    harness = _client(new_client, emulator)
    client = harness.client
    created = [harness.call(client.boards.create, f"Board {n}")["data"] for n in range(3)]  # the `{data}` as sent
    raw = harness.call(client.boards.with_raw_response.iter_boards, limit=2)
    assert raw.status_code == 200 and raw.url.params["limit"] == "2"
    assert [b["_id"] for b in _items(harness, raw.parse())] == [b["_id"] for b in created]
    manager = client.boards.with_streaming_response.iter_boards(limit=2)
    response = _enter(harness, manager)
    parsed = harness.call(response.parse)
    assert [b["_id"] for b in _items(harness, parsed)] == [b["_id"] for b in created]
    _exit(harness, manager)


def test_a_chat_stream_through_both_views(new_client: Any, kind: str, emulator: Emulator) -> None:
    harness = _client(new_client, emulator)
    client = harness.client
    agent = harness.call(client.chat_ai.create_ai_agent, AGENT)
    body = {"assistant_id": agent["id"], "messages": [{"role": "user", "content": "hello"}]}
    manager = client.ai_agent.with_streaming_response.stream_chat_text(body)
    response = _enter(harness, manager)
    assert isinstance(response, AsyncStreamedResponse if kind == "async" else StreamedResponse)
    assert response.headers["content-type"].startswith("text/event-stream")
    assert "".join(_items(harness, harness.call(response.parse))) == "You said: hello"
    _exit(harness, manager)
    assert response.http_response.is_closed
    raw = harness.call(client.ai_agent.with_raw_response.stream_chat, body)
    assert raw.status_code == 200
    stream = raw.parse()
    text = stream.get_final_message() if kind == "sync" else harness.call(stream.get_final_message)
    assert "You said: hello" in json.dumps(text, default=str)


def test_a_download_reads_its_body_only_through_the_streamed_response(
    new_client: Any, kind: str, emulator: Emulator, tmp_path: Path
) -> None:
    harness = _client(new_client, emulator)
    client = harness.client
    folder = harness.call(client.boards.create_folder, {"name": "Docs"})
    uploaded = harness.call(client.boards.upload_file, ("a.txt", b"x" * 100_000), folder_id=folder["_id"])
    manager = client.boards.with_streaming_response.download_file(uploaded["_id"])
    response = _enter(harness, manager)
    assert not response.http_response.is_stream_consumed
    assert b"".join(_items(harness, response.iter_bytes(4096))) == b"x" * 100_000
    _exit(harness, manager)
    target = tmp_path / "copy.txt"
    raw = harness.call(client.boards.with_raw_response.download_file_to, uploaded["_id"], target)
    assert raw.parse() == target and target.read_bytes() == b"x" * 100_000


class HeldBody:
    """A loopback HTTP server that sends a JSON response's headers at once and its body only when `release()` is
    called, so a test can see whether the client waited for the body; `cut=True` sends half the body and hangs up."""

    def __init__(self, *, cut: bool = False) -> None:
        self.body = json.dumps({"data": [{"_id": "b1"}]}).encode()
        self.cut = cut
        self.released = threading.Event()
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        connection, _ = self.sock.accept()
        with connection:
            connection.settimeout(10)
            data = b""
            while b"\r\n\r\n" not in data:
                data += connection.recv(65536)
            head = f"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {len(self.body)}\r\n\r\n"
            connection.sendall(head.encode())
            self.released.wait(10)
            connection.sendall(self.body[: len(self.body) // 2] if self.cut else self.body)

    def release(self) -> None:
        self.released.set()

    def __enter__(self) -> HeldBody:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.released.set()
        self.thread.join(10)
        self.sock.close()


def test_the_streaming_view_returns_before_the_body_arrives(new_client: Any, kind: str) -> None:
    with HeldBody() as server:
        harness = new_client(api_key="k", gateway=server.url)
        manager = harness.client.boards.with_streaming_response.list()
        response = _enter(harness, manager)  # would wait 10 s, and fail below, if it read the body
        assert response.status_code == 200 and not server.released.is_set()
        assert not response.http_response.is_stream_consumed
        server.release()
        assert harness.call(response.parse) == {"data": [{"_id": "b1"}]}
        assert harness.call(response.parse) is harness.call(response.parse)  # parsed once
        _exit(harness, manager)


@pytest.mark.parametrize(
    ("reply", "error"),
    [
        (Reply(200, "<html>sign in</html>", {"content-type": "text/html"}), APIResponseValidationError),
        (Reply(200, {"data": "x" * 5000}), ResponseTooLargeError),
    ],
)
def test_both_views_keep_the_json_check_and_the_body_cap(
    new_client: Any, kind: str, reply: Reply, error: type[Exception]
) -> None:
    with scripted_server(lambda seen: reply) as server:
        harness = new_client(api_key="k", gateway=server.url, limits=Limits(max_response_bytes=4096))
        with pytest.raises(error):
            harness.call(harness.client.boards.with_raw_response.list)
        manager = harness.client.boards.with_streaming_response.list()
        response = _enter(harness, manager)  # the headers only: the body is checked when parsed
        assert response.status_code == 200
        with pytest.raises(error):
            harness.call(response.parse)
        _exit(harness, manager)
        assert len(server.seen) == 2  # parse() reads the response it holds; it does not send again


def test_a_body_cut_while_parsing_raises_a_connection_error_without_the_key(new_client: Any, kind: str) -> None:
    secret = "sk-do-not-show-1234"
    with HeldBody(cut=True) as server:
        harness = new_client(api_key=secret, gateway=server.url, max_retries=0)
        manager = harness.client.boards.with_streaming_response.list()
        response = _enter(harness, manager)
        server.release()
        with pytest.raises(APIConnectionError) as caught:
            harness.call(response.parse)
        _exit(harness, manager)
    assert caught.value.request.url.path == "/data-board/boards"
    assert secret not in str(caught.value.request.headers) and secret not in str(caught.value)
    assert secret not in str(caught.value.__cause__.request.headers)


def test_the_raw_view_sends_once_and_the_streaming_view_does_not_resend_on_parse(new_client: Any, kind: str) -> None:
    def script(seen: Seen) -> Reply:
        return Reply(201, {"_id": "b1", "name": "New"})

    with scripted_server(script) as server:
        harness = new_client(api_key="k", gateway=server.url)
        boards = harness.client.boards
        assert harness.call(boards.with_raw_response.create, "New").parse()["_id"] == "b1"
        manager = boards.with_streaming_response.create("New")
        response = _enter(harness, manager)
        assert harness.call(response.parse)["name"] == "New"
        assert harness.call(response.json) == {"_id": "b1", "name": "New"}
        _exit(harness, manager)
        assert server.count("POST", "/data-board/boards") == 2


def test_plain_calls_after_a_view_are_not_captured(new_client: Any, kind: str, emulator: Emulator) -> None:
    harness = _client(new_client, emulator)
    client = harness.client
    harness.call(client.boards.with_raw_response.list)
    assert isinstance(harness.call(client.boards.list), dict)  # a plain call still returns the plain result


def test_views_on_tasks_running_at_once_keep_their_own_responses() -> None:
    async def main(url: str) -> list[str]:
        async with AsyncImbraceClient(api_key="k", gateway=url) as client:
            raws = await asyncio.gather(*(client.boards.with_raw_response.get(f"b{n}") for n in range(5)))
            return [raw.url.path for raw in raws]

    with scripted_server(lambda seen: Reply(200, {"path": seen.path})) as server:
        paths = asyncio.run(main(server.url))
    assert paths == [f"/data-board/boards/b{n}" for n in range(5)]


def test_a_nested_namespace_has_the_views_too(monkeypatch: pytest.MonkeyPatch, new_client: Any, kind: str) -> None:
    from imbrace._async.resources.boards import AsyncBoardsResource
    from imbrace._async.resources.folders import AsyncFoldersResource
    from imbrace._sync.resources.boards import BoardsResource
    from imbrace._sync.resources.folders import FoldersResource

    nested = {BoardsResource: FoldersResource, AsyncBoardsResource: AsyncFoldersResource}
    for parent, child in nested.items():
        monkeypatch.setattr(parent, "nested", property(lambda self, c=child: c(self._client)), raising=False)
    with scripted_server(lambda seen: Reply(200, {"data": {"name": "n"}}, {"x-request-id": "r1"})) as server:
        harness = new_client(api_key="k", gateway=server.url)
        raw = harness.call(harness.client.boards.with_raw_response.nested.update, "f1", {"name": "n"})
        assert (raw.request_id, raw.method, raw.parse()) == ("r1", "PUT", {"data": {"name": "n"}})
