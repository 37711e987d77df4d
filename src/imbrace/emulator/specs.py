"""The OpenAPI specs the emulator serves, and the operations they declare.

Ours (`gateway.yaml`, `ai-agent.yaml`) are looked up beside the package first (`imbrace/emulator/specs/`, as a wheel
bundles them) and then in the source checkout (`<repo>/openapi/`). The vendor's five service specs are read
corrected (`imbrace._vendor_specs.patched_spec`: the gateway's auth, OpenAPI 3.1) and served under their gateway
mounts. Each is parsed once per process. A vendor operation whose method and route the gateway spec already declares
is served by the gateway's handler, so it is left out here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal, cast

import yaml  # type: ignore[import-untyped]

from .._vendor_specs import mounts, patched_spec

__all__ = ["SERVICES", "VENDOR", "Operation", "Service", "load_spec", "operations", "spec_file"]

Service = Literal["gateway", "ai_agent", "channel", "data-board", "marketplace", "platform", "workflow"]

# Service -> (spec file, the path prefix its operations are served under on the emulator's one origin).
SERVICES: dict[Service, tuple[str, str]] = {
    "gateway": ("gateway.yaml", ""),
    "ai_agent": ("ai-agent.yaml", "/ai-agent"),
    **{cast(Service, service): (f"vendor/{service}.json", mount) for service, mount in mounts().items()},
}
VENDOR: frozenset[Service] = frozenset({"channel", "data-board", "marketplace", "platform", "workflow"})
_METHODS = ("get", "put", "post", "delete", "patch")


@dataclass(frozen=True)
class Operation:
    """One operation: its spec path (`/v2/chat`) and the route it is served at (`/ai-agent/v2/chat`)."""

    service: Service
    operation_id: str
    method: str
    spec_path: str
    route: str
    secured: bool

    @property
    def key(self) -> str:
        """`METHOD route`, the name faults and request counts use."""
        return f"{self.method} {self.route}"


def spec_file(filename: str) -> Path:
    """Where a spec is: bundled with the package, else in the repository checkout."""
    here = Path(__file__).resolve()
    for folder in (here.parent / "specs", here.parents[3] / "openapi"):
        candidate = folder / filename
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"{filename} is neither in {here.parent / 'specs'} nor in {here.parents[3] / 'openapi'}")


@cache
def load_spec(service: Service) -> dict[str, Any]:
    """The parsed spec (libyaml's loader when available: about ten times faster than the pure-Python one)."""
    if service in VENDOR:
        return patched_spec(service)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    spec: dict[str, Any] = yaml.load(spec_file(SERVICES[service][0]).read_text(encoding="utf-8"), Loader=loader)
    return spec


@cache
def operations() -> tuple[Operation, ...]:
    """Every operation served, in spec order: ours, then the vendor's not already served by ours."""
    found: list[Operation] = []
    ours: set[tuple[str, str]] = set()
    for service in SERVICES:
        for op in _declared(service):
            shape = (op.method, _shape(op.route))
            if service in VENDOR and shape in ours:
                continue
            ours.update([shape] if service not in VENDOR else [])
            found.append(op)
    return tuple(found)


def _declared(service: Service) -> Iterable[Operation]:
    spec, prefix = load_spec(service), SERVICES[service][1]
    for spec_path, item in spec["paths"].items():
        for method in _METHODS:
            op = item.get(method)
            if op is None:
                continue
            security = op.get("security", spec.get("security"))
            yield Operation(
                service=service,
                operation_id=op["operationId"],
                method=method.upper(),
                spec_path=spec_path,
                route=prefix + spec_path,
                secured=security != [],
            )


def _shape(route: str) -> str:
    """The route with its parameter names blanked: `/boards/{id}` and `/boards/{board_id}` are one route."""
    return re.sub(r"\{[^}]*\}", "{}", route.rstrip("/"))
