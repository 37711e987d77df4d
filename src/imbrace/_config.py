"""Where each service lives and what the client was configured with: arguments first, then environment variables."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Literal, NamedTuple

import httpx

__all__ = ["ENVIRONMENTS", "DEFAULT_TIMEOUT", "DEFAULT_MAX_RETRIES", "Services", "resolve_services", "resolve_timeout"]

Environment = Literal["develop", "sandbox", "stable", "prodv2"]
Service = Literal["gateway", "ai", "data_board", "ai_agent"]

ENVIRONMENTS: Mapping[str, str] = {
    "develop": "https://app-gateway.dev.imbrace.co",
    "sandbox": "https://app-gateway.sandbox.imbrace.co",
    "stable": "https://app-gatewayv2.imbrace.co",
    "prodv2": "https://app-gatewayv2.imbrace.co",
}
DEFAULT_ENV = "stable"
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2

# The gateway.yaml path prefix each service's base URL stands for; ai-agent.yaml paths are relative already.
_SPEC_PREFIX: Mapping[str, str] = {"gateway": "", "ai": "", "data_board": "/data-board", "ai_agent": ""}
_SERVICE_KEYS = frozenset({"ai", "data_board", "ai_agent"})


class Services(NamedTuple):
    """The base URL of each service; a spec path becomes a URL with `url_for`. (A NamedTuple, not attrs: it is on
    the import path of `import imbrace`, which stays as light as httpx allows.)"""

    gateway: str
    ai: str
    data_board: str
    ai_agent: str

    def url_for(self, service: Service, path: str) -> str:
        prefix = _SPEC_PREFIX[service]
        base: str = getattr(self, service)
        return base + path[len(prefix) :] if prefix and path.startswith(prefix) else base + path


def read_env(name: str) -> str | None:
    """An environment variable stripped of surrounding whitespace (a value read from a file keeps its newline), with
    empty values treated as unset."""
    value = (os.environ.get(name) or "").strip()
    return value or None


def resolve_services(
    *,
    env_name: str | None,
    gateway: str | None,
    services: Mapping[str, str] | None,
) -> Services:
    """Base URLs from, in order: `services=`, `gateway=`/`base_url=`, IMBRACE_* variables, the environment's gateway."""
    name = (env_name or read_env("IMBRACE_ENV") or DEFAULT_ENV).strip().lower()
    if name not in ENVIRONMENTS:
        raise ValueError(f"unknown env {name!r}: expected one of {', '.join(sorted(ENVIRONMENTS))}")
    root = _strip(gateway or _gateway_from_env() or ENVIRONMENTS[name])
    overrides = dict(services or {})
    unknown = set(overrides) - _SERVICE_KEYS
    if unknown:
        raise ValueError(f"unknown services {sorted(unknown)}: expected keys among {sorted(_SERVICE_KEYS)}")
    return Services(
        gateway=root,
        ai=_strip(overrides.get("ai") or root),
        data_board=_strip(overrides.get("data_board") or root + "/data-board"),
        ai_agent=_strip(overrides.get("ai_agent") or read_env("IMBRACE_AI_AGENT_URL") or root + "/ai-agent"),
    )


def one_gateway(gateway: str | None, base_url: str | None) -> str | None:
    """`gateway=` and its alias `base_url=`: either, or both when they agree; two different URLs are a mistake."""
    if gateway and base_url and _strip(gateway) != _strip(base_url):
        raise ValueError(f"gateway={gateway!r} and base_url={base_url!r} differ: pass one of them (they are aliases)")
    return gateway or base_url


def _gateway_from_env() -> str | None:
    """IMBRACE_GATEWAY_URL, or its alias IMBRACE_BASE_URL (as openai reads OPENAI_BASE_URL); both must agree."""
    gateway, base_url = read_env("IMBRACE_GATEWAY_URL"), read_env("IMBRACE_BASE_URL")
    if gateway and base_url and _strip(gateway) != _strip(base_url):
        raise ValueError(f"IMBRACE_GATEWAY_URL={gateway!r} and IMBRACE_BASE_URL={base_url!r} differ: set one of them")
    return gateway or base_url


def resolve_timeout(timeout: float | httpx.Timeout | None) -> httpx.Timeout:
    """A float is the overall read/write/pool budget with a 5 s connect; None keeps the default."""
    if timeout is None:
        return DEFAULT_TIMEOUT
    if isinstance(timeout, httpx.Timeout):
        return timeout
    return httpx.Timeout(float(timeout), connect=min(5.0, float(timeout)))


def _strip(url: str) -> str:
    url = url.strip()
    if not url.startswith(("http://", "https://")):
        scheme = url.partition("://")[0] if "://" in url else "no scheme"
        raise ValueError(f"base URL must start with http:// or https://, got {scheme!r} (the URL is not shown)")
    return url.rstrip("/")
