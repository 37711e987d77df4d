"""Fixtures that run a documentation example, on the sync or the async client, against the emulator."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from imbrace import ImbraceClient
from imbrace.emulator import Emulator
from imbrace.testing import TEST_API_KEY, TEST_ORGANIZATION_ID

from .harness import ACCESS_TOKEN, SAMPLE_FILES, Records, Runner
from helpers import LoopRunner


@pytest.fixture
def doc_env(imbrace_emulator: Emulator, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The environment the examples read, pointing at the emulator, and a working directory with their files."""
    monkeypatch.setenv("IMBRACE_API_KEY", TEST_API_KEY)
    monkeypatch.setenv("IMBRACE_ACCESS_TOKEN", ACCESS_TOKEN)
    monkeypatch.setenv("IMBRACE_ORGANIZATION_ID", TEST_ORGANIZATION_ID)
    monkeypatch.setenv("IMBRACE_GATEWAY_URL", imbrace_emulator.url)
    for name, content in SAMPLE_FILES.items():
        (tmp_path / name).write_bytes(content)
    monkeypatch.chdir(tmp_path)


def _runner(request: pytest.FixtureRequest, kind: str) -> Iterator[Runner]:
    name = request.node.originalname.removeprefix("test_")
    emulator: Emulator = request.getfixturevalue("imbrace_emulator")
    capsys: pytest.CaptureFixture[str] = request.getfixturevalue("capsys")
    if kind == "sync":
        yield Runner(name, request.getfixturevalue("imbrace_client"), emulator, capsys, None)
        return
    loop = LoopRunner()
    try:
        yield Runner(name, request.getfixturevalue("async_imbrace_client"), emulator, capsys, loop)
    finally:
        loop.close()


@pytest.fixture(params=["sync", "async"])
def run(request: pytest.FixtureRequest, doc_env: None) -> Iterator[Runner]:
    """The test's example on `ImbraceClient`, and (second parameter) rewritten for `AsyncImbraceClient`."""
    yield from _runner(request, request.param)


@pytest.fixture
def run_as_written(request: pytest.FixtureRequest, doc_env: None) -> Iterator[Runner]:
    """The test's example run once, unchanged but for its ids: for the example that is async already."""
    yield from _runner(request, "sync")


@pytest.fixture
def records(imbrace_client: ImbraceClient) -> Records:
    return Records(imbrace_client)
