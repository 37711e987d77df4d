"""How a method's arguments become a request when its call shape is not the builder's: a pass-through query dict,
or a JSON body built from separate arguments (the old package's call shapes, kept by the generated namespaces)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["body_of", "with_query"]


def with_query(kwargs: Mapping[str, Any], params: Mapping[str, Any] | None) -> dict[str, Any]:
    """A generated request plus a caller's pass-through query dict (None values dropped; the caller's dict is kept)."""
    if not params:
        return dict(kwargs)
    extra = {name: value for name, value in params.items() if value is not None}
    return {**kwargs, "params": {**(kwargs.get("params") or {}), **extra}}


def body_of(required: Mapping[str, Any], optional: Mapping[str, Any]) -> dict[str, Any]:
    """A JSON body from separate arguments: the required fields as given, the optional ones unless None."""
    return {**required, **{name: value for name, value in optional.items() if value is not None}}
