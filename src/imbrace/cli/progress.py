"""An upload progress bar: a file that reports each read as httpx streams it, and the text bar it draws."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

__all__ = ["ProgressBar", "ProgressFile"]

_READ_SIZE = 4096


class ProgressFile(io.BufferedReader):
    """A binary file that calls `on_read(bytes_read, total)` after each read.

    Reads return at most `read_size` bytes, so even a small file reports several steps; httpx reads again until
    the end, and seeking back (a retried upload) restarts the count.
    """

    def __init__(self, path: Path, on_read: Callable[[int, int], None], read_size: int = _READ_SIZE) -> None:
        super().__init__(io.FileIO(path, "rb"))
        self.total = os.fstat(self.fileno()).st_size
        self._on_read = on_read
        self._read_size = read_size

    def read(self, size: int | None = -1, /) -> bytes:
        limit = self._read_size if size is None or size < 0 else min(size, self._read_size)
        data = super().read(limit)
        self._on_read(self.tell(), self.total)
        return data


class ProgressBar:
    """`[#####-----]  50%  12.0 KiB` on `out`: redrawn in place on a terminal, written once when done elsewhere."""

    def __init__(self, out: TextIO, indent: str = "", width: int = 30) -> None:
        self._out = out
        self._indent = indent
        self._width = width
        self._live = out.isatty()
        self._finished = False

    def update(self, done: int, total: int) -> None:
        """Show `done` of `total` bytes; the bar ends its line the first time it is full."""
        complete = done >= total
        if self._finished or not (complete or self._live):
            return
        fraction = done / total if total else 1.0
        filled = round(fraction * self._width)
        bar = "#" * filled + "-" * (self._width - filled)
        line = f"{self._indent}[{bar}] {fraction:4.0%}  {done / 1024:.1f} KiB"
        self._out.write(("\r" if self._live else "") + line + ("\n" if complete else ""))
        self._out.flush()
        self._finished = complete
