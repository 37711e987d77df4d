"""What an emulator instance is configured with; importing this module imports nothing heavy."""

from __future__ import annotations

import os
from dataclasses import dataclass

__all__ = ["EmulatorSettings"]


@dataclass(frozen=True)
class EmulatorSettings:
    """Emulator options. The defaults suit tests: in memory, any credential, no pacing.

    - `api_key`: accept only this key (in `x-api-key`, `x-access-token` or `Authorization: Bearer`) and the tokens the
      emulator's own login routes issued; anything else is 401. None accepts any credential.
    - `db`: a SQLite file that keeps the state across restarts; None keeps it in memory.
    - `chat_delay`: seconds between two events of a chat or completion stream. Per request: the
      `x-emulator-chat-delay` header or the `emulator_chat_delay` query parameter; per agent:
      `metadata.emulator_chat_delay`.
    - `embedding_delay` / `embedding_polls`: an embedding file reaches its terminal status after this many seconds,
      or on this many reads of it, whichever comes first.
    - `status_timeout`: how long a chat status stream waits for a running turn before it reports a stale idle.
    - `validate`: check every request against the specs (400 with the validation message when it breaks them).
    - `organization_id`: the organization recorded when a request names none.
    - `max_upload_bytes`: the largest request body read; a larger one is 413 (by Content-Length, before reading).
    """

    api_key: str | None = None
    db: str | os.PathLike[str] | None = None
    chat_delay: float = 0.0
    embedding_delay: float = 1.0
    embedding_polls: int = 2
    status_timeout: float = 30.0
    validate: bool = True
    organization_id: str = "org_emulator"
    max_upload_bytes: int = 100 << 20

    def __post_init__(self) -> None:
        if self.chat_delay < 0 or self.embedding_delay < 0 or self.status_timeout < 0:
            raise ValueError("delays and timeouts must be 0 or more")
        if self.max_upload_bytes < 0:
            raise ValueError("max_upload_bytes must be 0 or more")
        if self.embedding_polls < 1:
            raise ValueError("embedding_polls must be 1 or more")
