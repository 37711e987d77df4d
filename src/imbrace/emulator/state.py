"""Everything one emulator instance holds: settings, documents, credentials, faults, counts, routes, validators."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Callable

from .auth import Auth
from .config import EmulatorSettings
from .faults import Faults, RequestLog
from .files import FileStore
from .journal import Journal
from .routing import Router
from .specs import operations
from .store import Store
from .validation import RequestValidator

__all__ = ["EmulatorState", "TurnEvents"]


class TurnEvents:
    """Wakes chat status streams when a chat's turn ends (everything runs on the server's one event loop)."""

    def __init__(self) -> None:
        self._waiters: defaultdict[str, list[asyncio.Event]] = defaultdict(list)

    async def wait(self, chat_id: str, timeout: float, running: Callable[[], bool]) -> bool:
        """Whether the chat's turn ended within `timeout` seconds.

        `running` is asked after the waiter is registered: a turn that ended just before would otherwise be missed.
        """
        event = asyncio.Event()
        self._waiters[chat_id].append(event)
        try:
            if not running():
                return True
            await asyncio.wait_for(event.wait(), timeout)
            return True
        except asyncio.TimeoutError:  # not the builtin before Python 3.11
            return False
        finally:
            self._waiters[chat_id].remove(event)
            if not self._waiters[chat_id]:
                del self._waiters[chat_id]

    def turn_ended(self, chat_id: str) -> None:
        for event in self._waiters.get(chat_id, ()):
            event.set()


class EmulatorState:
    def __init__(self, settings: EmulatorSettings) -> None:
        self.settings = settings
        self.store = Store(settings.db)
        self.files = FileStore(settings.db)
        self.auth = Auth(self.store, settings.api_key)
        self.faults = Faults()
        self.requests = RequestLog()
        self.journal = Journal()
        self.router = Router(operations())
        self.validator = RequestValidator(enabled=settings.validate)
        self.turns = TurnEvents()

    def reset(self) -> None:
        """Forget every document, fault and count (the settings stay)."""
        self.store.clear()
        self.files.clear()
        self.faults.clear()
        self.requests.clear()
        self.journal.clear()

    def close(self) -> None:
        self.store.close()
        self.files.close()
