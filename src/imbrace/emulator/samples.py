"""The smallest value a JSON schema accepts: what the emulator answers where a spec shows only a reply's schema.

A schema's `example` wins when it has one. Otherwise: objects carry their required properties only, arrays are as
short as `minLength` allows (a timestamp for `format: date-time`, the shortest match of a simple `pattern`), numbers
their `minimum` or 0, and a choice (`anyOf`, `oneOf`, `enum`, `const`) its first option. `allOf` parts are merged.
The vendor's specs inline their schemas, so `$ref` is not followed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .ids import now_iso

try:
    from re import _parser as _regex  # type: ignore[attr-defined]
except ImportError:  # Python < 3.11
    import sre_parse as _regex

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
    if "pattern" in schema:
        return _matching(schema["pattern"])
    return "x" * int(schema.get("minLength", 0))


def _matching(pattern: str) -> str:
    """The shortest string a simple pattern (literals, classes, repeats, groups, alternatives) matches, else ""."""
    try:
        text = _shortest(_regex.parse(pattern))
    except (ValueError, TypeError):
        return ""
    return text if re.search(pattern, text) else ""


def _shortest(nodes: Any) -> str:
    out = []
    for op, value in nodes:
        name = str(op)
        if name == "LITERAL":
            out.append(chr(value))
        elif name == "IN":
            out.append(_first_of(value))
        elif name in ("MAX_REPEAT", "MIN_REPEAT"):
            low, _, inner = value
            out.append(_shortest(inner) * low)
        elif name == "SUBPATTERN":
            out.append(_shortest(value[-1]))
        elif name == "BRANCH":
            out.append(_shortest(value[1][0]))
        elif name == "ANY":
            out.append("x")
        elif name != "AT":
            raise ValueError(name)
    return "".join(out)


def _first_of(members: Any) -> str:
    op, value = members[0]
    if str(op) == "LITERAL":
        return chr(value)
    if str(op) == "RANGE":
        return chr(value[0])
    raise ValueError(str(op))


def _merged(parts: list[Mapping[str, Any]], depth: int) -> Any:
    merged: dict[str, Any] = {}
    for part in parts:
        value = sample(part, depth + 1)
        if not isinstance(value, dict):
            return value
        merged.update(value)
    return merged
