"""Uploaded file bytes, kept as files on disk rather than in the document store (no base64 blobs in SQLite).

With a database file they live in the directory `<db>.files` next to it and survive restarts with it; in memory
mode, in a temporary directory made on the first upload and removed when the emulator stops. Keys are the
emulator's own ids, never a name a client chose, so no path escapes the directory.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import IO

__all__ = ["FileStore"]


class FileStore:
    def __init__(self, db: str | os.PathLike[str] | None) -> None:
        self._temporary = db is None
        self._root = None if db is None else Path(f"{os.fspath(db)}.files")

    def put(self, key: str, source: IO[bytes]) -> Path:
        """Copy `source` (from its start, in chunks) to the file of `key`."""
        if self._root is None:
            self._root = Path(tempfile.mkdtemp(prefix="imbrace-emulator-"))
        self._root.mkdir(parents=True, exist_ok=True)
        path = self._path(self._root, key)
        source.seek(0)
        with path.open("wb") as target:
            shutil.copyfileobj(source, target)
        return path

    def find(self, key: str) -> Path | None:
        path = None if self._root is None else self._path(self._root, key)
        return path if path is not None and path.is_file() else None

    def delete(self, key: str) -> None:
        path = self.find(key)
        if path is not None:
            path.unlink(missing_ok=True)

    def clear(self) -> None:
        if self._root is not None and self._root.is_dir():
            for path in self._root.iterdir():
                path.unlink()

    def close(self) -> None:
        if self._temporary and self._root is not None:
            shutil.rmtree(self._root, ignore_errors=True)
            self._root = None

    @staticmethod
    def _path(root: Path, key: str) -> Path:
        if not key.isalnum():
            raise ValueError("a file key is the emulator's own alphanumeric id")
        return root / key
