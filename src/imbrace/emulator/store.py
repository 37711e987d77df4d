"""The emulator's state: JSON documents by collection and key, in memory, optionally written through to SQLite.

Reads come from memory; with a database file every write also goes to one table `documents(collection, key, body)`,
and a new instance on the same file starts from what the last one left. Returned documents are shared with the
store: never mutate one, write a changed copy back with `put`. A lock makes each call atomic, for the test thread
that resets the store while the server thread serves.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Callable
from typing import Any

__all__ = ["Doc", "Store"]

Doc = dict[str, Any]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    collection TEXT NOT NULL,
    key TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (collection, key)
)
"""


class Store:
    def __init__(self, db: str | os.PathLike[str] | None = None) -> None:
        self._lock = threading.RLock()
        self._collections: dict[str, dict[str, Doc]] = {}
        self._db: sqlite3.Connection | None = None
        if db is not None:
            self._db = sqlite3.connect(os.fspath(db), check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(_SCHEMA)
            for collection, key, body in self._db.execute("SELECT collection, key, body FROM documents ORDER BY rowid"):
                self._collections.setdefault(collection, {})[key] = json.loads(body)

    def get(self, collection: str, key: str) -> Doc | None:
        with self._lock:
            return self._collections.get(collection, {}).get(key)

    def all(self, collection: str, where: Callable[[Doc], bool] | None = None) -> list[Doc]:
        """The collection's documents in insertion order, optionally only those `where` accepts."""
        with self._lock:
            docs = list(self._collections.get(collection, {}).values())
        return docs if where is None else [doc for doc in docs if where(doc)]

    def keyed(self, collection: str) -> list[tuple[str, Doc]]:
        """The collection's (key, document) pairs in insertion order."""
        with self._lock:
            return list(self._collections.get(collection, {}).items())

    def put(self, collection: str, key: str, doc: Doc) -> Doc:
        """Insert or replace; a replaced document keeps its place in the order."""
        with self._lock:
            self._collections.setdefault(collection, {})[key] = doc
            if self._db is not None:
                self._db.execute(
                    "INSERT INTO documents (collection, key, body) VALUES (?, ?, ?) "
                    "ON CONFLICT (collection, key) DO UPDATE SET body = excluded.body",
                    (collection, key, json.dumps(doc)),
                )
        return doc

    def delete(self, collection: str, key: str) -> Doc | None:
        with self._lock:
            doc = self._collections.get(collection, {}).pop(key, None)
            if doc is not None and self._db is not None:
                self._db.execute("DELETE FROM documents WHERE collection = ? AND key = ?", (collection, key))
        return doc

    def clear(self) -> None:
        with self._lock:
            self._collections.clear()
            if self._db is not None:
                self._db.execute("DELETE FROM documents")

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None
