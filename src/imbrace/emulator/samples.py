"""The smallest value a JSON schema accepts: what the emulator answers where a spec shows only a reply's schema.

A schema's `example` wins when it has one. Otherwise: objects carry their required properties only, arrays are as
short as `minItems` allows, strings as short as `minLength` allows (a timestamp for `format: date-time`), numbers
their `minimum` or 0, and a choice (`anyOf`, `oneOf`, `enum`, `const`) its first option. `allOf` parts are merged.
Test code uses the same function for the minimal valid request body of an operation.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .ids import now_iso

__all__ = ["sample"]

_MAX_DEPTH = 12


def sample(schema: Mapping[str, Any] | None, depth: int = 0) -> Any:
    """A minimal instance of `schema` (`{}` for a missing or empty one, as a reply with no declared body)."""
    if not schema:
        return {}
    if "example" in schema:
        return schema["example"]
    if "const" in schema:
        return schema["const"]
    if schema.get("enum"):
        return schema["enum"][0]
    for choice in ("anyOf", "oneOf"):
        if schema.get(choice):
            return sample(schema[choice][0], depth + 1)
    if schema.get("allOf"):
        return _merged(schema["allOf"], depth)
    return _typed(schema, _type_of(schema), depth)


def _type_of(schema: Mapping[str, Any]) -> str:
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind is None:
        return "object" if "properties" in schema or "required" in schema else "any"
    return str(kind)


def _typed(schema: Mapping[str, Any], kind: str, depth: int) -> Any:
    if kind == "object":
        if depth >= _MAX_DEPTH:
            return {}
        properties = schema.get("properties", {})
        return {name: sample(properties.get(name), depth + 1) for name in schema.get("required", ())}
    if kind == "array":
        return [sample(schema.get("items"), depth + 1) for _ in range(schema.get("minItems", 0))]
    if kind == "string":
        return _string(schema)
    if kind in ("integer", "number"):
        low = schema.get("minimum", 0)
        return int(low) if kind == "integer" else low
    if kind == "boolean":
        return False
    if kind == "null":
        return None
    return {}


def _string(schema: Mapping[str, Any]) -> str:
    if schema.get("format") == "date-time":
        return now_iso()
    return "x" * int(schema.get("minLength", 0))


def _merged(parts: list[Mapping[str, Any]], depth: int) -> Any:
    merged: dict[str, Any] = {}
    for part in parts:
        value = sample(part, depth + 1)
        if not isinstance(value, dict):
            return value
        merged.update(value)
    return merged
