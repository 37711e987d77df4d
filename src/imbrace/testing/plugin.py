"""Pytest fixtures that run your tests against a local Imbrace emulator.

Enable them in your top-level `conftest.py` with `pytest_plugins = ["imbrace.testing"]` (or `pytest -p
imbrace.testing`), with the `imbrace[emulator]` extra installed (without it, a test that uses one fails with the
`pip install` line to run):

- `imbrace_emulator`: a running `imbrace.emulator.Emulator`, emptied before each test (one server per session);
  use it for `url`, `add_fault(...)`, `requests()`;
- `imbrace_client` / `async_imbrace_client`: clients pointed at it (api key `test-key`, organization `org_test`);
- `imbrace_emulator_settings`: override it (session scope) to configure the emulator, e.g. a chat delay.

The emulator and its server libraries are imported when a fixture is first used, not when this plugin loads.
"""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING

import pytest

from . import TEST_API_KEY, TEST_ORGANIZATION_ID

if TYPE_CHECKING:
    from imbrace import AsyncImbraceClient, ImbraceClient
    from imbrace.emulator import Emulator, EmulatorSettings

__all__ = [
    "async_imbrace_client",
    "imbrace_client",
    "imbrace_emulator",
    "imbrace_emulator_server",
    "imbrace_emulator_settings",
]


EXTRA_NEEDED = "the imbrace fixtures need the emulator: pip install 'imbrace[emulator]' (missing: {})"


def _emulator() -> ModuleType:
    """`imbrace.emulator` with its server loaded; a missing library of the extra fails the test with the fix."""
    try:
        import imbrace.emulator
        import imbrace.emulator.server  # starlette, uvicorn, openapi-core
    except ModuleNotFoundError as exc:
        from imbrace.emulator.cli import missing_extra

        if not missing_extra(exc):
            raise
        pytest.fail(EXTRA_NEEDED.format(exc.name), pytrace=False)
    return imbrace.emulator


@pytest.fixture(scope="session")
def imbrace_emulator_settings() -> EmulatorSettings:
    """The settings of the session's emulator; override this fixture to change them."""
    settings: EmulatorSettings = _emulator().EmulatorSettings()
    return settings


@pytest.fixture(scope="session")
def imbrace_emulator_server(imbrace_emulator_settings: EmulatorSettings) -> Iterator[Emulator]:
    """One emulator for the whole session, on a free loopback port."""
    with _emulator().Emulator(imbrace_emulator_settings) as emulator:
        yield emulator


@pytest.fixture
def imbrace_emulator(imbrace_emulator_server: Emulator) -> Emulator:
    """The session's emulator with no documents, faults or request counts left by earlier tests."""
    imbrace_emulator_server.reset()
    return imbrace_emulator_server


@cache
def _tls() -> ssl.SSLContext:
    """One TLS context for every client the fixtures make: building one costs ~0.1 s, and the emulator speaks HTTP."""
    return ssl.create_default_context()


@pytest.fixture
def imbrace_client(imbrace_emulator: Emulator) -> Iterator[ImbraceClient]:
    import httpx

    from imbrace import ImbraceClient

    with httpx.Client(verify=_tls()) as http_client:
        yield ImbraceClient(
            api_key=TEST_API_KEY,
            organization_id=TEST_ORGANIZATION_ID,
            gateway=imbrace_emulator.url,
            http_client=http_client,
        )


@pytest.fixture
def async_imbrace_client(imbrace_emulator: Emulator) -> AsyncImbraceClient:
    """An async client for tests run by any async plugin (pytest-asyncio, anyio, ...).

    Its connections are not kept alive between requests, so nothing stays open on the test's event loop after the
    test, whether or not the test closed the client.
    """
    import httpx

    from imbrace import AsyncImbraceClient

    http_client = httpx.AsyncClient(verify=_tls(), limits=httpx.Limits(max_keepalive_connections=0))
    return AsyncImbraceClient(
        api_key=TEST_API_KEY,
        organization_id=TEST_ORGANIZATION_ID,
        gateway=imbrace_emulator.url,
        http_client=http_client,
    )
