"""Cassette-backed clients for the integration flows, and clients on a live emulator for the stream test.

By default (`scripts/test`) each test replays its cassette, `cassettes/<module>/<test>-<sync|async>.yaml`, with the
clients pointed at `FAKE_GATEWAY`: nothing leaves the process, a request the cassette lacks fails, and so does a
recorded request the test no longer makes. With IMBRACE_RECORD=1 (`scripts/record`) each test re-records its cassette
against IMBRACE_GATEWAY_URL (credentials and organization from IMBRACE_API_KEY / IMBRACE_ACCESS_TOKEN /
IMBRACE_ORGANIZATION_ID) or, without it, against a fresh local emulator.
"""

from __future__ import annotations

import os
import ssl
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

import httpx
import pytest
from vcr.cassette import Cassette

from .recording import CASSETTES, FAKE_GATEWAY, RECORD_ACCESS_TOKEN, RECORD_API_KEY, RECORDING, Target, make_vcr
from helpers import Harness, make_harness

if TYPE_CHECKING:
    from imbrace.emulator import Emulator

# Read when this module loads: the suite's autouse fixture hides IMBRACE_* variables from the tests themselves.
LIVE_GATEWAY = os.environ.get("IMBRACE_GATEWAY_URL")
LIVE_CREDENTIALS = (
    os.environ.get("IMBRACE_ORGANIZATION_ID"),
    os.environ.get("IMBRACE_API_KEY"),
    os.environ.get("IMBRACE_ACCESS_TOKEN"),
)


@pytest.fixture
def target(request: pytest.FixtureRequest) -> Target:
    """Where the cassette's requests go: the fake gateway when replaying, the server being recorded otherwise."""
    if not RECORDING:
        return Target(FAKE_GATEWAY)
    if LIVE_GATEWAY:
        return replace(Target.recording(LIVE_GATEWAY, *LIVE_CREDENTIALS), poll_interval=2.0)
    emulator: Emulator = request.getfixturevalue("imbrace_emulator")
    return Target.recording(emulator.url, None, RECORD_API_KEY, RECORD_ACCESS_TOKEN)


@pytest.fixture
def cassette(request: pytest.FixtureRequest, target: Target, kind: str) -> Iterator[Cassette]:
    """The test's cassette: replayed whole, or recorded afresh."""
    module = request.path.stem
    path = CASSETTES / module / f"{request.function.__name__}-{kind}.yaml"
    if RECORDING:
        path.unlink(missing_ok=True)
    elif not path.exists():
        pytest.fail(f"no cassette {path.relative_to(CASSETTES.parent)}: run scripts/record")
    with make_vcr(target, record=RECORDING).use_cassette(str(path)) as cassette:
        yield cassette
    if not RECORDING:
        unplayed = len(cassette) - cassette.play_count
        assert unplayed == 0, f"{unplayed} recorded requests were not made; re-record with scripts/record"


@cache
def _tls() -> ssl.SSLContext:
    """One TLS context for every client: building one per client costs ~0.1 s."""
    return ssl.create_default_context()


@pytest.fixture
def connect(kind: str, harnesses: list[Harness]) -> Iterator[Callable[..., Harness]]:
    """`connect(**client_kwargs)`: a sync or async client (per `kind`), closed with its connections after the test."""
    opened: list[tuple[Harness, httpx.Client | httpx.AsyncClient]] = []

    def factory(**kwargs: object) -> Harness:
        http = httpx.Client(verify=_tls()) if kind == "sync" else httpx.AsyncClient(verify=_tls())
        harness = make_harness(kind, http_client=http, **kwargs)
        harnesses.append(harness)
        opened.append((harness, http))
        return harness

    yield factory
    for harness, http in opened:
        harness.call(http.aclose if isinstance(http, httpx.AsyncClient) else http.close)


@pytest.fixture
def client(cassette: Cassette, target: Target, connect: Callable[..., Harness]) -> Harness:
    """A client whose requests go through the test's cassette, by API key."""
    return connect(**target.client_kwargs())


@pytest.fixture
def token_client(cassette: Cassette, target: Target, connect: Callable[..., Harness]) -> Harness:
    """Like `client`, authenticated by access token."""
    return connect(**target.client_kwargs(token=True))


@pytest.fixture
def live_client(imbrace_emulator: Emulator, connect: Callable[..., Harness]) -> Harness:
    """A client on a live local emulator, with no cassette in the way."""
    return connect(**Target(imbrace_emulator.url).client_kwargs())
