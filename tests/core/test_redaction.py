"""A credential never appears in a log line, a repr or an exception message."""

from __future__ import annotations

import logging
from collections.abc import Callable

import httpx
import pytest

import imbrace
from imbrace._logs import redact_url

from helpers import Harness, Recorder

NewClient = Callable[..., Harness]
SECRETS = ("sk-live-SECRET-123456", "acc_TOKEN_abcdef123456", "eyJhbGciOi.eyJzdWIiOiJ4In0.SIGNATURE")


@pytest.mark.parametrize("secret_kind", ["api_key", "access_token", "jwt"])
def test_secrets_stay_out_of_logs_reprs_and_errors(
    new_client: NewClient, kind: str, secret_kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    secret = {"api_key": SECRETS[0], "access_token": SECRETS[1], "jwt": SECRETS[2]}[secret_kind]
    credential = {"api_key": secret} if secret_kind == "api_key" else {"access_token": secret}
    recorder = Recorder(respond=lambda r: httpx.Response(503, json={"message": "down"}))
    harness = new_client(http_client=recorder.http_client(kind), organization_id="o", max_retries=0, **credential)
    caplog.set_level(logging.DEBUG, logger="imbrace")
    with pytest.raises(imbrace.InternalServerError) as caught:
        harness.call(harness.client.ai_agent.get_config, extra_query={"token": secret})
    texts = [repr(harness.client), str(caught.value), repr(caught.value), caplog.text]
    assert caplog.records, "the debug log recorded nothing, so this test would prove nothing"
    for text in texts:
        assert secret not in text
    assert recorder.requests[-1].headers.get("x-api-key", "") == (secret if secret_kind == "api_key" else "")


def test_redact_url_masks_token_like_query_parameters() -> None:
    url = "https://gw/x?api_key=K3Y&access_token=T0K&page=2&signature=S1G"
    redacted = redact_url(url)
    assert "K3Y" not in redacted and "T0K" not in redacted and "S1G" not in redacted
    assert redacted == "https://gw/x?api_key=REDACTED&access_token=REDACTED&page=2&signature=REDACTED"


def test_imbrace_log_env_turns_on_debug(monkeypatch: pytest.MonkeyPatch) -> None:
    logger = logging.getLogger("imbrace")
    monkeypatch.setattr(logger, "handlers", [])
    monkeypatch.setattr(logger, "level", logging.NOTSET)
    monkeypatch.setenv("IMBRACE_LOG", "debug")
    imbrace.ImbraceClient(api_key="k").close()
    assert logger.level == logging.DEBUG
    assert logger.handlers
