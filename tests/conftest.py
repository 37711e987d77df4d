from __future__ import annotations

from collections.abc import Iterator

import pytest

from helpers import Harness, make_harness

pytest_plugins = ["imbrace.testing"]  # the shipped fixtures are opt-in, as for any user

CREDENTIAL_VARS = (
    "IMBRACE_API_KEY",
    "IMBRACE_ACCESS_TOKEN",
    "IMBRACE_ORGANIZATION_ID",
    "IMBRACE_ENV",
    "IMBRACE_GATEWAY_URL",
    "IMBRACE_BASE_URL",
    "IMBRACE_AI_AGENT_URL",
    "IMBRACE_LOG",
)


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never see the developer's real credentials."""
    for name in CREDENTIAL_VARS:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(params=["sync", "async"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def harnesses() -> Iterator[list[Harness]]:
    made: list[Harness] = []
    yield made
    for harness in made:
        harness.close()
        if harness.runner is not None:
            harness.runner.close()


@pytest.fixture
def new_client(kind: str, harnesses: list[Harness]):  # type: ignore[no-untyped-def]
    """`new_client(**kwargs)`: a sync or async client (per the `kind` parameter), closed after the test."""

    def factory(**kwargs: object) -> Harness:
        harness = make_harness(kind, **kwargs)
        harnesses.append(harness)
        return harness

    return factory
