"""Cases 1, 3, 4: a credential is checked before anything is sent, and never shown: not in an error, a repr, a log.

Rule (README "Security"): a credential or header value must be visible ASCII with no surrounding whitespace and no
CR, LF or NUL. Environment variables are stripped of surrounding whitespace first (a key read from a file keeps its
newline); arguments and header-provider values are refused with a ValueError that names the field, not the value.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import imbrace

from helpers import Harness, Recorder, Reply, ScriptedServer

NewClient = Callable[..., Harness]
SECRET = "sk-SECRET123"
PASSWORD = "SECRETPW"


def _recorded(new_client: NewClient, kind: str, **kwargs: object) -> tuple[Harness, Recorder]:
    recorder = Recorder()
    return new_client(http_client=recorder.http_client(kind), max_retries=0, **kwargs), recorder


def test_an_env_key_with_a_trailing_newline_is_stripped(
    new_client: NewClient, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IMBRACE_API_KEY", SECRET + "\n")
    monkeypatch.setenv("IMBRACE_ORGANIZATION_ID", " org_1\r\n")
    harness, recorder = _recorded(new_client, kind)
    harness.call(harness.client.ai_agent.get_config)
    assert recorder.requests[0].headers["x-api-key"] == SECRET
    assert recorder.requests[0].headers["x-organization-id"] == "org_1"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("api_key", SECRET + "\n"),
        ("api_key", SECRET + "é"),
        ("access_token", "acc_" + SECRET + "\r\nx-evil: 1"),
        ("organization_id", "org\x00" + SECRET),
        ("api_key", " " + SECRET),
    ],
)
def test_a_bad_credential_argument_is_a_value_error_naming_the_field_not_the_value(
    kind: str, field: str, value: str
) -> None:
    cls = imbrace.ImbraceClient if kind == "sync" else imbrace.AsyncImbraceClient
    with pytest.raises(ValueError, match=field) as caught:
        cls(**{field: value, "api_key": "k"} if field == "organization_id" else {field: value})
    assert SECRET not in str(caught.value) and SECRET not in repr(caught.value)


def test_bad_static_headers_are_refused_when_the_client_is_built(kind: str) -> None:
    cls = imbrace.ImbraceClient if kind == "sync" else imbrace.AsyncImbraceClient
    with pytest.raises(ValueError, match="x-foo") as caught:
        cls(api_key="k", headers={"x-foo": SECRET + "\n"})
    assert SECRET not in str(caught.value)
    with pytest.raises(ValueError, match="header name"):
        cls(api_key="k", headers={"bad name": "v"})


def test_a_bad_value_from_a_header_provider_is_refused_before_sending(new_client: NewClient, kind: str) -> None:
    harness, recorder = _recorded(new_client, kind, api_key="k", headers=lambda: {"x-foo": SECRET + "\n"})
    with pytest.raises(ValueError, match="x-foo") as caught:
        harness.call(harness.client.ai_agent.get_config)
    assert SECRET not in str(caught.value)
    assert recorder.requests == []


def test_bad_extra_headers_are_refused_before_sending(new_client: NewClient, kind: str) -> None:
    harness, recorder = _recorded(new_client, kind, api_key="k")
    with pytest.raises(ValueError, match="x-foo"):
        harness.call(harness.client.ai_agent.get_config, extra_headers={"x-foo": "é"})
    assert recorder.requests == []


@settings(max_examples=60, deadline=None)
@given(value=st.text(max_size=40))
def test_any_header_value_is_sent_exactly_or_refused_without_being_shown(value: str) -> None:
    marker = "Q" + value  # never empty, and "Q" appears nowhere in the error messages
    recorder = Recorder()
    try:
        client = imbrace.ImbraceClient(api_key="k", headers={"x-foo": marker}, http_client=recorder.http_client("sync"))
    except ValueError as error:
        assert "x-foo" in str(error) and marker not in str(error)
        return
    client.ai_agent.get_config()
    assert recorder.requests[0].headers["x-foo"] == marker


def test_userinfo_in_the_gateway_url_is_never_shown(
    new_client: NewClient, kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with ScriptedServer(lambda seen: Reply(500, {"message": "down"})) as server:
        gateway = server.url.replace("http://", f"http://admin:{PASSWORD}@")
        harness = new_client(api_key="k", gateway=gateway, max_retries=0)
        with pytest.raises(imbrace.InternalServerError) as caught:
            harness.call(harness.client.ai_agent.get_config)
    shown = [repr(harness.client), str(harness.client.services), str(caught.value), repr(caught.value), caplog.text]
    shown.append(str(caught.value.request.url))
    assert caplog.records
    for text in shown:
        assert PASSWORD not in text


def test_a_bad_base_url_error_does_not_show_the_url(kind: str) -> None:
    cls = imbrace.ImbraceClient if kind == "sync" else imbrace.AsyncImbraceClient
    with pytest.raises(ValueError) as caught:
        cls(api_key="k", gateway=f"admin:{PASSWORD}@host")
    assert PASSWORD not in str(caught.value)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_errors_carry_a_masked_request_and_the_cause_too(new_client: NewClient, kind: str) -> None:
    harness = new_client(api_key=SECRET, gateway=f"http://127.0.0.1:{_closed_port()}", max_retries=0)
    with pytest.raises(imbrace.APIConnectionError) as caught:
        harness.call(harness.client.ai_agent.get_config, extra_query={"token": SECRET})
    error = caught.value
    assert error.request is not None
    cause = error.__cause__
    assert isinstance(cause, httpx.TransportError)
    for request in (error.request, cause.request):
        assert SECRET not in repr(request.headers) and SECRET not in str(request.url)
        assert request.headers["x-api-key"] == "<redacted>"


def test_status_errors_carry_a_masked_request(new_client: NewClient, kind: str) -> None:
    with ScriptedServer(lambda seen: Reply(404, {"message": "nope"})) as server:
        harness = new_client(access_token="acc_" + SECRET, gateway=server.url, max_retries=0)
        with pytest.raises(imbrace.NotFoundError) as caught:
            harness.call(harness.client.ai_agent.get_config, extra_query={"api_key": SECRET})
        assert server.seen[0].headers["x-access-token"] == "acc_" + SECRET  # the wire had it; the error does not
    for request in (caught.value.request, caught.value.response.request):
        assert request is not None
        assert SECRET not in repr(request.headers) and SECRET not in str(request.url)


def test_httpx_own_log_line_shows_redacted_urls(
    new_client: NewClient, kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="httpx")
    with ScriptedServer(lambda seen: Reply(200, {"ok": True})) as server:
        gateway = server.url.replace("http://", f"http://admin:{PASSWORD}@")
        harness = new_client(api_key="k", gateway=gateway)
        harness.call(harness.client.ai_agent.get_config, extra_query={"token": SECRET})
    lines = [record.getMessage() for record in caplog.records if record.name == "httpx"]
    assert lines and "HTTP Request" in lines[0]
    assert all(SECRET not in line and PASSWORD not in line for line in lines)
