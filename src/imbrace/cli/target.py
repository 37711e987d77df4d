"""Which server a command talks to: the live gateway when credentials are set, else (for the demo) a local emulator."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from imbrace import ImbraceClient

from .errors import USAGE, CliError

__all__ = ["CREDENTIAL_VARS", "Target", "demo_target", "has_credentials", "live_client"]

CREDENTIAL_VARS = ("IMBRACE_API_KEY", "IMBRACE_ACCESS_TOKEN")
_LIVE_POLL_INTERVAL = 2.0
_LOCAL_POLL_INTERVAL = 0.25
_LOCAL_API_KEY = "demo-key"
_LOCAL_ORGANIZATION_ID = "org_demo"


@dataclass(frozen=True)
class Target:
    """A client and a description of where it points, with how often to poll a job there."""

    client: ImbraceClient
    where: str
    poll_interval: float


def has_credentials() -> bool:
    return any(os.environ.get(name) for name in CREDENTIAL_VARS)


def live_client(gateway: str | None = None) -> ImbraceClient:
    """A client configured from the environment (and `gateway`); a missing credential or a bad setting is a CliError."""
    if not has_credentials():
        hint = "any value works for a local `imbrace emulator`"
        raise CliError(f"no credentials: set {' or '.join(CREDENTIAL_VARS)} ({hint})", code=USAGE)
    return _client(gateway=gateway)


def _client(**settings: Any) -> ImbraceClient:
    """A client; a bad setting (in `settings` or the environment) is a CliError."""
    try:
        return ImbraceClient(**settings)
    except ValueError as exc:
        raise CliError(str(exc), code=USAGE) from exc


@contextmanager
def demo_target() -> Iterator[Target]:
    """The gateway the environment configures when it has credentials, else an emulator started here."""
    if has_credentials():
        with live_client() as client:
            yield Target(client, f"the gateway {client.services['gateway']}", _LIVE_POLL_INTERVAL)
        return
    from .emulator import local_emulator

    with local_emulator() as url:
        services = {"ai_agent": f"{url}/ai-agent"}  # not IMBRACE_AI_AGENT_URL's service
        local = _client(api_key=_LOCAL_API_KEY, organization_id=_LOCAL_ORGANIZATION_ID, gateway=url, services=services)
        with local as client:
            where = f"a local emulator at {url} (set {' or '.join(CREDENTIAL_VARS)} for the live gateway)"
            yield Target(client, where, _LOCAL_POLL_INTERVAL)
