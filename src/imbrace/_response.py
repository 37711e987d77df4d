"""Turning a finished response into a Python value, without ever raising a decoding error."""

from __future__ import annotations

import json
from typing import Any

import httpx

__all__ = ["decode_body"]


def decode_body(response: httpx.Response) -> Any:
    """JSON when the body is JSON, text when it is text, None when there is none (204, empty)."""
    content = response.content
    if not content:
        return None
    content_type = response.headers.get("content-type", "")
    if not content_type or "json" in content_type:
        try:
            return json.loads(content)
        except (ValueError, RecursionError):
            pass
    return response.text
