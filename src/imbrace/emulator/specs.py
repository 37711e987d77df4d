"""The two OpenAPI specs the emulator serves, and the operations they declare.

The specs are looked up beside the package first (`imbrace/emulator/specs/*.yaml`, as a wheel bundles them) and then
in the source checkout (`<repo>/openapi/*.yaml`). Each is parsed once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml  # type: ignore[import-untyped]

__all__ = ["SERVICES", "Operation", "Service", "load_spec", "operations", "spec_file"]

Service = Literal["gateway", "ai_agent"]

# Service -> (spec file, the path prefix its operations are served under on the emulator's one origin).
SERVICES: dict[Service, tuple[str, str]] = {"gateway": ("gateway.yaml", ""), "ai_agent": ("ai-agent.yaml", "/ai-agent")}
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
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    spec: dict[str, Any] = yaml.load(spec_file(SERVICES[service][0]).read_text(encoding="utf-8"), Loader=loader)
    return spec


@cache
def operations() -> tuple[Operation, ...]:
    """Every operation of both specs, in spec order."""
    found: list[Operation] = []
    for service, (_, prefix) in SERVICES.items():
        spec = load_spec(service)
        for spec_path, item in spec["paths"].items():
            for method in _METHODS:
                op = item.get(method)
                if op is None:
                    continue
                security = op.get("security", spec.get("security"))
                found.append(
                    Operation(
                        service=service,
                        operation_id=op["operationId"],
                        method=method.upper(),
                        spec_path=spec_path,
                        route=prefix + spec_path,
                        secured=security != [],
                    )
                )
    return tuple(found)
