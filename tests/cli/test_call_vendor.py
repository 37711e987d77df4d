"""`imbrace call` reaches the generated vendor namespaces: a contact made and read back on the emulator, in process."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from imbrace.cli.call import call
from imbrace.emulator import Emulator
from imbrace.testing import TEST_API_KEY, TEST_ORGANIZATION_ID


def run(*argv: str) -> Any:
    out = io.StringIO()
    assert call(list(argv), out) == 0
    return json.loads(out.getvalue())


def test_a_vendor_operation_runs_through_imbrace_call(
    imbrace_emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("IMBRACE_ACCESS_TOKEN", "IMBRACE_BASE_URL", "IMBRACE_ENV"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("IMBRACE_API_KEY", TEST_API_KEY)
    monkeypatch.setenv("IMBRACE_ORGANIZATION_ID", TEST_ORGANIZATION_ID)
    monkeypatch.setenv("IMBRACE_GATEWAY_URL", imbrace_emulator.url)
    created = run("contacts.create", json.dumps({"display_name": "Ada"}))
    assert created["display_name"] == "Ada"
    assert run("contacts.get", created["_id"]) == created
    assert run("contacts.list", "--limit", "5") == {"data": [created], "total": 1}
    sent = [(entry.method, entry.route) for entry in imbrace_emulator.journal()]
    assert sent == [
        ("POST", "/channel-service/v1/contacts"),
        ("GET", "/channel-service/v1/contacts/{id}"),
        ("GET", "/channel-service/v1/contacts"),
    ]
