"""The vendor's five service specs (`openapi/vendor/`), corrected and mounted on the gateway: what codegen generates
from and the emulator serves.

The published specs are kept verbatim (`<service>.json`); our corrections are overlays applied here, so a
re-published spec can be dropped in. `patched_spec(service)` is a spec with, in order:

1. `overlays/common.yaml` then `overlays/<service>.yaml` applied: `document` is an RFC 7386 merge patch of the
   whole spec (a null removes a key), `operations: {operationId: patch}` a merge patch of one operation whose
   `parameters` is keyed by parameter name;
2. every operation-level `security` that names a scheme the spec no longer declares removed (the operations then
   take the top-level gateway auth);
3. the query parameters listed in `integer_query_parameters` typed `integer` where the spec says `number`;
4. the spec raised from OpenAPI 3.0 to 3.1, as ours are (the published ones use 3.1 keywords, `const` and
   `patternProperties`, and empty `required` lists, which 3.0 forbids): `nullable: true` becomes a `"null"` type,
   an empty `required` is dropped;
5. `servers` set to the gateway plus the service's mount (`mounts.yaml`).

`mounted_spec(service)` is the same with every path prefixed by the mount (`/channels` becomes
`/channel-service/v1/channels`), and `vendor_operations()` lists every operation with its mounted route. Read from
the source checkout, or from the wheel's copy under `imbrace/emulator/specs/vendor`. Needs PyYAML (the emulator
extra, and the dev tools).
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["SERVICES", "VendorOperation", "mounted_spec", "mounts", "patched_spec", "vendor_dir", "vendor_operations"]

#: The vendor specs, by the file name they are published under.
SERVICES: tuple[str, ...] = ("channel", "data-board", "marketplace", "platform", "workflow")
_METHODS = ("get", "put", "post", "delete", "patch")
_GATEWAY = "https://app-gatewayv2.imbrace.co"


@dataclass(frozen=True)
class VendorOperation:
    """One vendor operation: where the spec puts it (`GET /channels`) and where the gateway serves it."""

    service: str
    operation_id: str
    method: str
    spec_path: str
    route: str
    tag: str
    summary: str

    @property
    def key(self) -> str:
        """`METHOD route`, as the emulator names routes."""
        return f"{self.method} {self.route}"


def vendor_dir() -> Path:
    """The folder holding the specs, `mounts.yaml` and `overlays/`: the wheel's copy, else the checkout's."""
    here = Path(__file__).resolve().parent
    for folder in (here / "emulator" / "specs" / "vendor", here.parents[1] / "openapi" / "vendor"):
        if (folder / "mounts.yaml").is_file():
            return folder
    raise FileNotFoundError(f"no vendor specs in {here / 'emulator' / 'specs' / 'vendor'} nor in the checkout")


def _yaml(path: Path) -> Any:
    import yaml  # type: ignore[import-untyped,unused-ignore]

    return yaml.safe_load(path.read_text(encoding="utf-8"))


@cache
def mounts() -> dict[str, str]:
    """Service -> the gateway path its spec is mounted at (`mounts.yaml`)."""
    found: dict[str, str] = _yaml(vendor_dir() / "mounts.yaml")
    missing = set(SERVICES) - set(found)
    if missing:
        raise ValueError(f"mounts.yaml has no mount for {sorted(missing)}")
    return found


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7386: objects merge key by key, a null removes the key, anything else replaces the target."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    merged = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = merge_patch(merged.get(key), value)
    return merged


def _patch_operation(operation: dict[str, Any], patch: dict[str, Any]) -> dict[str, Any]:
    by_name = patch.get("parameters") or {}
    rest = {key: value for key, value in patch.items() if key != "parameters"}
    patched: dict[str, Any] = merge_patch(operation, rest)
    parameters = [merge_patch(p, by_name.get(p["name"], {})) for p in operation.get("parameters", [])]
    known = {p["name"] for p in parameters}
    unknown = set(by_name) - known
    if unknown:
        raise ValueError(f"overlay patches parameters {sorted(unknown)} that {operation['operationId']} lacks")
    if parameters:
        patched["parameters"] = parameters
    return patched


def _apply_overlay(spec: dict[str, Any], overlay: dict[str, Any]) -> dict[str, Any]:
    spec = merge_patch(spec, overlay.get("document") or {})
    patches: dict[str, Any] = dict(overlay.get("operations") or {})
    integers = set(overlay.get("integer_query_parameters") or ())
    for item in spec["paths"].values():
        for method in _METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            operation = _patch_operation(operation, patches.pop(operation["operationId"], {}))
            for parameter in operation.get("parameters", []):
                schema = parameter.get("schema") or {}
                if parameter["in"] == "query" and parameter["name"] in integers and schema.get("type") == "number":
                    parameter["schema"] = {**schema, "type": "integer"}
            item[method] = operation
    if patches:
        raise ValueError(f"overlay patches operations {sorted(patches)} the spec does not have")
    return spec


def _drop_stale_security(spec: dict[str, Any]) -> None:
    declared = set((spec.get("components") or {}).get("securitySchemes") or {})
    for item in spec["paths"].values():
        for method in _METHODS:
            operation = item.get(method) or {}
            requirements = operation.get("security")
            if requirements and any(set(r) - declared for r in requirements):
                del operation["security"]


def _to_openapi_31(node: Any) -> Any:
    """A 3.0 schema tree in 3.1 terms: `nullable` as a `"null"` type, no empty `required` lists."""
    if isinstance(node, list):
        return [_to_openapi_31(value) for value in node]
    if not isinstance(node, dict):
        return node
    raised = {key: _to_openapi_31(value) for key, value in node.items() if key != "nullable"}
    if raised.get("required") == []:
        del raised["required"]
    if node.get("nullable") is True:
        kind = raised.get("type")
        if isinstance(kind, str):
            raised["type"] = [kind, "null"]
        else:
            raised = {"anyOf": [raised, {"type": "null"}]}
    return raised


@cache
def _patched(service: str) -> dict[str, Any]:
    if service not in SERVICES:
        raise ValueError(f"unknown vendor service {service!r}: expected one of {', '.join(SERVICES)}")
    folder = vendor_dir()
    spec: dict[str, Any] = json.loads((folder / f"{service}.json").read_text(encoding="utf-8"))
    for overlay in ("common", service):
        spec = _apply_overlay(spec, _yaml(folder / "overlays" / f"{overlay}.yaml") or {})
    _drop_stale_security(spec)
    spec = _to_openapi_31(spec)
    spec["openapi"] = "3.1.0"
    spec["servers"] = [{"url": _GATEWAY + mounts()[service]}]
    return spec


def patched_spec(service: str) -> dict[str, Any]:
    """The corrected spec (a fresh copy): spec paths as published, `servers` at the gateway mount."""
    return copy.deepcopy(_patched(service))


def mounted_spec(service: str) -> dict[str, Any]:
    """The corrected spec with every path prefixed by its mount and `servers` at the gateway itself."""
    spec = patched_spec(service)
    mount = mounts()[service]
    spec["paths"] = {mount + path: item for path, item in spec["paths"].items()}
    spec["servers"] = [{"url": _GATEWAY}]
    return spec


@cache
def vendor_operations() -> tuple[VendorOperation, ...]:
    """Every operation of the five specs, in service then spec order, with the route the gateway serves it at."""
    found = []
    for service in SERVICES:
        mount = mounts()[service]
        for spec_path, item in _patched(service)["paths"].items():
            for method, operation in item.items():
                if method not in _METHODS:
                    continue
                found.append(
                    VendorOperation(
                        service=service,
                        operation_id=operation["operationId"],
                        method=method.upper(),
                        spec_path=spec_path,
                        route=mount + spec_path,
                        tag=(operation.get("tags") or [service])[0],
                        summary=operation.get("summary") or "",
                    )
                )
    return tuple(found)
