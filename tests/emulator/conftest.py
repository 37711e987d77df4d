"""The emulator tests run on the shipped fixtures (`pytest_plugins = ["imbrace.testing"]` loads them, as for users)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from imbrace.emulator import Emulator
from imbrace.testing import TEST_API_KEY


@pytest.fixture(scope="session")
def raw_client(imbrace_emulator_server: Emulator) -> Iterator[httpx.Client]:
    headers = {"x-api-key": TEST_API_KEY, "x-organization-id": "org_test"}
    with httpx.Client(base_url=imbrace_emulator_server.url, headers=headers, timeout=10) as client:
        yield client


@pytest.fixture
def http(imbrace_emulator: Emulator, raw_client: httpx.Client) -> httpx.Client:
    """A raw client of the session's (freshly emptied) emulator, with a credential and an organization."""
    return raw_client


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
