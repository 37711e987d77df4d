"""Derive the sync client from the async source, as httpcore does.

`src/imbrace/_async/**.py` is the one hand-written source of every I/O-bound class; this script rewrites it token by
token into `src/imbrace/_sync/**.py`. A table of substitutions is all it takes because the async code is written to
be unasync-able: anyio for sleeping, httpx for I/O, and `Async`-prefixed names for the classes that differ. Two
markers cover the rest: a line ending `# async-only` is dropped, and a comment line `# sync-only: CODE` becomes CODE.

Why not the `unasync` package: it hooks into setuptools builds; a forty-line script that CI runs as part of the drift
check is simpler to read and to trust.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

SUBSTITUTIONS: list[tuple[str, str]] = [
    (r"\basync def\b", "def"),
    (r"\basync with\b", "with"),
    (r"\basync for\b", "for"),
    (r"\bawait ", ""),
    (r"\bimport anyio\b", "import time"),
    (r"\banyio\.sleep\b", "time.sleep"),
    (r"\b__aenter__\b", "__enter__"),
    (r"\b__aexit__\b", "__exit__"),
    (r"\b__aiter__\b", "__iter__"),
    (r"\b__anext__\b", "__next__"),
    (r"\bStopAsyncIteration\b", "StopIteration"),
    (r"\baclose\b", "close"),
    (r"\baread\b", "read"),
    (r"\baiter_(\w+)", r"iter_\1"),
    (r"\bAsyncIterator\b", "Iterator"),
    (r"\bAsyncIterable\b", "Iterable"),
    (r"\bAsyncGenerator\b", "Generator"),
    (r"\bAwaitable\[(\w+(?:\[[^\]]*\])?)\]", r"\1"),
    (r"\bAsync([A-Z]\w*)", r"\1"),
    (r"\basync_(\w+)", r"sync_\1"),
    (r"\b_async\b", "_sync"),
]
_COMPILED = [(re.compile(pattern), replacement) for pattern, replacement in SUBSTITUTIONS]
_ASYNC_ONLY = re.compile(r"^.*# async-only\n", re.MULTILINE)
_SYNC_ONLY = re.compile(r"^(\s*)# sync-only: (.*)$", re.MULTILINE)


def unasync_text(source: str, *, origin: str) -> str:
    text = _SYNC_ONLY.sub(r"\1\2", _ASYNC_ONLY.sub("", source))
    for pattern, replacement in _COMPILED:
        text = pattern.sub(replacement, text)
    header = f"# Generated from {origin} by codegen/unasync.py. Do not edit: change the async source.\n"
    return header + text


def run(repo: Path, out_root: Path) -> list[Path]:
    """Write the sync twin of every async module under `out_root/src/imbrace/_sync`; return the files written."""
    source_root = repo / "src" / "imbrace" / "_async"
    target_root = out_root / "src" / "imbrace" / "_sync"
    written = []
    for source in sorted(source_root.rglob("*.py")):
        relative = source.relative_to(source_root)
        target = target_root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        origin = source.relative_to(repo).as_posix()
        target.write_text(unasync_text(source.read_text(encoding="utf-8"), origin=origin), encoding="utf-8")
        written.append(target)
    return written


if __name__ == "__main__":
    repo_root = Path(__file__).resolve().parent.parent
    run(repo_root, Path(sys.argv[1]) if len(sys.argv) > 1 else repo_root)
