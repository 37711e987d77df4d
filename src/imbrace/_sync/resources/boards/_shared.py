# Generated from src/imbrace/_async/resources/boards/_shared.py by codegen/unasync.py. Do not edit: change the async source.
"""What the `client.boards` sub-resources share."""

from __future__ import annotations

_PAGE_SIZE = 50
