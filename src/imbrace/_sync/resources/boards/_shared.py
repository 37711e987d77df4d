# Generated from src/imbrace/_async/resources/boards/_shared.py by codegen/unasync.py: edit that file.
"""What the `client.boards` sub-resources share."""

from __future__ import annotations

_PAGE_SIZE = 50
