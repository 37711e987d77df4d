"""What the `client.boards` sub-resources share."""

from __future__ import annotations

_PAGE_SIZE = 50
