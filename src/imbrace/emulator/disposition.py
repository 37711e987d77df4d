"""`Content-Disposition` for a download of a file whose name anyone chose (RFC 6266, RFC 8187)."""

from __future__ import annotations

import re
from urllib.parse import quote

__all__ = ["attachment"]

_UNSAFE_ASCII = re.compile(r'[^\x20-\x7e]|["\\]')


def attachment(name: str) -> str:
    """`attachment; filename="<ASCII fallback>"; filename*=UTF-8''<name, percent-encoded>`.

    The header stays latin-1 and free of CR, LF and NUL whatever the name holds; clients that read `filename*`
    (browsers, httpx users) get the name back exactly.
    """
    fallback = _UNSAFE_ASCII.sub("_", name) or "download"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"
