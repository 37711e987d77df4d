"""Who may call (any credential, or only `--api-key`), login tokens, and SQLite state across restarts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from imbrace.emulator import Emulator, EmulatorSettings

ORG = {"x-organization-id": "org_1"}  # the AI service's routes need one


def test_any_credential_is_accepted_and_none_is_401(imbrace_emulator: Emulator) -> None:
    with httpx.Client(base_url=imbrace_emulator.url) as http:
        bare = http.get("/v3/ai/providers", headers=ORG)
        assert bare.status_code == 401
        assert bare.json() == {"detail": "Missing credential (x-access-token or x-api-key)"}
        missing = {"message": "Missing credential (x-access-token or x-api-key)"}
        assert http.get("/ai-agent/chat-client/chats").json() == missing
        assert http.get("/ai-agent/health").json()["success"] is True  # an open route of the AI-agent service
        for headers in ({"x-api-key": "anything"}, {"x-access-token": "acc_1"}, {"authorization": "Bearer eyJ.x.y"}):
            assert http.get("/v3/ai/providers", headers=headers | ORG).status_code == 200
        assert http.post("/platform/v1/login/_signin_email_request", json={"email": "a@b.c"}).status_code == 200


@pytest.fixture(scope="module")
def locked() -> Iterator[Emulator]:
    with Emulator(EmulatorSettings(api_key="s3cret")) as emulator:
        yield emulator


def test_with_an_api_key_only_that_key_is_accepted(locked: Emulator) -> None:
    with httpx.Client(base_url=locked.url) as http:
        assert http.get("/v3/ai/providers", headers={"x-api-key": "wrong"} | ORG).status_code == 401
        assert http.get("/v3/ai/providers", headers=ORG).status_code == 401
        for headers in ({"x-api-key": "s3cret"}, {"x-access-token": "s3cret"}, {"authorization": "Bearer s3cret"}):
            assert http.get("/v3/ai/providers", headers=headers | ORG).status_code == 200


def test_login_issues_tokens_that_authenticate(locked: Emulator) -> None:
    with httpx.Client(base_url=locked.url) as http:
        refused = http.post("/platform/v1/login/authenticate", json={"email": "a@b.c", "password": "guess"})
        assert refused.status_code == 401
        login = http.post("/platform/v1/login/authenticate", json={"email": "a@b.c", "password": "s3cret"}).json()
        login_token = login["accessToken"]
        assert login_token.startswith("login_acc_") and login["organizations"][0]["id"]
        exchange = http.post(
            "/platform/v1/access/_exchange_access_token",
            json={"organization_id": "org_1"},
            headers={"x-access-token": login_token, "x-organization-id": "org_1"},
        ).json()
        assert exchange["token"].startswith("acc_")
        assert http.get("/v3/ai/providers", headers={"x-access-token": exchange["token"]} | ORG).status_code == 200
        # Both tokens of one login are one chat-client user.
        users = {
            http.post("/ai-agent/chat-client/auth/user", headers={"x-access-token": token}).json()["id"]
            for token in (login_token, exchange["token"])
        }
        assert len(users) == 1


def test_state_survives_a_restart_on_the_same_database(tmp_path: Path) -> None:
    db = tmp_path / "emulator.sqlite"
    agent = {"name": "Keeper", "workflow_name": "k", "provider_id": "system", "model_id": "Default"}
    headers = {"x-api-key": "k"} | ORG
    with Emulator(EmulatorSettings(db=db)) as first, httpx.Client(base_url=first.url, headers=headers) as h:
        agent_id = h.post("/v3/ai/assistant_apps", json=agent).json()["id"]
        h.put(f"/v3/ai/assistant_apps/{agent_id}", json={**agent, "name": "Keeper v2"})
        provider = {"name": "P", "type": "openai", "config": {}}
        doomed = h.post("/v3/ai/providers", json=provider).json()["id"]
        h.delete(f"/v3/ai/providers/{doomed}")
        folder = h.post("/data-board/folders", json={"name": "Kept", "organization_id": "o"}).json()["data"]["_id"]
        uploaded = h.post(
            "/data-board/files/upload", files={"file": ("f.bin", b"\x00\x01bytes")}, data={"folder_id": folder}
        )
        upload = uploaded.json()["data"]["_id"]
    with (
        Emulator(EmulatorSettings(db=db)) as second,
        httpx.Client(base_url=second.url, headers=headers) as h,
    ):
        assert h.get(f"/v3/ai/assistants/{agent_id}").json()["name"] == "Keeper v2"
        assert h.get("/v3/ai/providers").json() == []
        assert h.get(f"/data-board/files/{upload}/download").content == b"\x00\x01bytes"
