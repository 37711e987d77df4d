"""Typed errors for every status and body shape; path parameters that cannot escape their segment."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

import imbrace

from helpers import Harness, Recorder

NewClient = Callable[..., Harness]

STATUS_CLASSES = [
    (400, imbrace.BadRequestError),
    (401, imbrace.AuthenticationError),
    (403, imbrace.PermissionDeniedError),
    (404, imbrace.NotFoundError),
    (409, imbrace.ConflictError),
    (422, imbrace.UnprocessableEntityError),
    (429, imbrace.RateLimitError),
    (500, imbrace.InternalServerError),
    (503, imbrace.InternalServerError),
    (418, imbrace.APIStatusError),
]


def _answering(kind: str, new_client: NewClient, response: httpx.Response) -> Harness:
    def respond(request: httpx.Request) -> httpx.Response:
        return httpx.Response(response.status_code, headers=response.headers, content=response.content)

    recorder = Recorder(respond=respond)
    return new_client(http_client=recorder.http_client(kind), api_key="k", max_retries=0)


@pytest.mark.parametrize(("status", "cls"), STATUS_CLASSES)
def test_status_maps_to_its_class_with_the_server_message(
    new_client: NewClient, kind: str, status: int, cls: type[imbrace.APIStatusError]
) -> None:
    response = httpx.Response(status, json={"message": "server says no"}, headers={"x-request-id": "req-7"})
    harness = _answering(kind, new_client, response)
    with pytest.raises(cls) as caught:
        harness.call(harness.client.ai_agent.get_config)
    error = caught.value
    assert type(error) is cls
    assert error.status_code == status
    assert error.body == {"message": "server says no"}
    assert "server says no" in str(error)
    assert error.request_id == "req-7"
    assert isinstance(error, imbrace.ApiError)
    assert isinstance(error, imbrace.AuthError) == (status in (401, 403))


@pytest.mark.parametrize(
    ("body", "content_type", "expected_in_message", "expected_body"),
    [
        (b"", None, "Unauthorized", None),
        (b"<html><body>Bad gateway</body></html>", "text/html", "<html>", "<html><body>Bad gateway</body></html>"),
        (b"not json {", "application/json", "not json {", "not json {"),
        (b'{"error": {"message": "nested"}}', "application/json", "nested", {"error": {"message": "nested"}}),
        (b'{"detail": "from detail"}', "application/json", "from detail", {"detail": "from detail"}),
        (b'{"error": "flat error"}', "application/json", "flat error", {"error": "flat error"}),
    ],
)
def test_error_bodies_never_raise_a_decoding_error(
    new_client: NewClient,
    kind: str,
    body: bytes,
    content_type: str | None,
    expected_in_message: str,
    expected_body: object,
) -> None:
    headers = {"content-type": content_type} if content_type else {}
    harness = _answering(kind, new_client, httpx.Response(401, content=body, headers=headers))
    with pytest.raises(imbrace.AuthenticationError) as caught:
        harness.call(harness.client.ai_agent.get_config)
    assert expected_in_message in str(caught.value)
    assert caught.value.body == expected_body


@pytest.mark.parametrize(
    ("response", "expected"),
    [
        (httpx.Response(204), None),
        (httpx.Response(200, json=[1, 2]), [1, 2]),
        (httpx.Response(200, content=b"[1]"), [1]),
    ],
)
def test_success_bodies_decode_without_surprises(
    new_client: NewClient, kind: str, response: httpx.Response, expected: object
) -> None:
    harness = _answering(kind, new_client, response)
    assert harness.call(harness.client.ai_agent.get_config) == expected


@pytest.mark.parametrize(
    ("hostile", "segment"),
    [
        ("../x?y=1#z", "..%2Fx%3Fy%3D1%23z"),
        ("a/b", "a%2Fb"),
        ("..", "%2E%2E"),
        (".", "%2E"),
        ("日本 語", "%E6%97%A5%E6%9C%AC%20%E8%AA%9E"),
        ("a%2Fb", "a%252Fb"),
    ],
)
def test_hostile_ids_reach_the_server_as_one_encoded_segment(
    new_client: NewClient, kind: str, hostile: str, segment: str
) -> None:
    recorder = Recorder()
    harness = new_client(http_client=recorder.http_client(kind), api_key="k")
    harness.call(harness.client.ai_agent.get_client_chat, hostile)
    request = recorder.requests[-1]
    assert request.url.raw_path.decode() == f"/ai-agent/chat-client/chats/{segment}"
    assert request.url.query == b""


@pytest.mark.parametrize("empty", ["", None])
def test_empty_ids_are_refused_before_sending(new_client: NewClient, kind: str, empty: str | None) -> None:
    recorder = Recorder()
    harness = new_client(http_client=recorder.http_client(kind), api_key="k")
    with pytest.raises(ValueError, match="chat_id"):
        harness.call(harness.client.ai_agent.get_client_chat, empty)
    assert recorder.requests == []


def test_query_booleans_go_out_as_true(new_client: NewClient, kind: str) -> None:
    recorder = Recorder()
    harness = new_client(http_client=recorder.http_client(kind), api_key="k")
    harness.call(harness.client.ai_agent.get_health, detailed=True)
    assert recorder.requests[-1].url.query == b"detailed=true"
