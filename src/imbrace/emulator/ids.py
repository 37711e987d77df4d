"""Identity and time of records: Mongo-like ObjectIds, UUIDs and ISO 8601 timestamps, as the platform writes them."""

from __future__ import annotations

import itertools
import os
import time
import uuid
from datetime import datetime, timezone

__all__ = ["new_object_id", "new_uuid", "now_iso", "today_compact", "user_id_for"]

_counter = itertools.count(int.from_bytes(os.urandom(3), "big"))
_process = os.urandom(5).hex()
_USER_NAMESPACE = uuid.UUID("5d2a6f0e-52c4-4e8b-9a8e-6c0b8f5e1d11")


def new_object_id() -> str:
    """A 24-hex-digit id ordered by creation time, like MongoDB's ObjectId."""
    return f"{int(time.time()):08x}{_process}{next(_counter) & 0xFFFFFF:06x}"


def new_uuid() -> str:
    return str(uuid.uuid4())


def now_iso() -> str:
    """The current UTC time as the platform's services print it, e.g. `2025-01-31T12:00:00.000Z`."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def today_compact() -> str:
    """Today's date as `YYYYMMDD` (the prefix of generated parquet file names)."""
    return datetime.now(timezone.utc).strftime("%Y%m%d")


def user_id_for(credential: str | None) -> str:
    """The chat-client user id of a credential: stable, so one key is one user across calls and restarts."""
    return str(uuid.uuid5(_USER_NAMESPACE, credential or "anonymous"))
