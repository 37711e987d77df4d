"""Derive the sync client from the async source, as httpcore does.

`src/imbrace/_async/**.py` is the one hand-written source of every I/O-bound class; this script rewrites it into
`src/imbrace/_sync/**.py` token by token (`tokenize`), so only code changes: names (`AsyncThread` -> `Thread`,
`aiter_text` -> `iter_text`, `__aenter__` -> `__enter__`...), `async`/`await` dropped, `anyio.sleep` -> `time.sleep`,
and the same names inside code strings (string annotations, `cast("...")`, messages). Docstrings (a statement that is
only a string) and comments are left as written, so the async source words them for both clients.

Two markers, for what differs beyond names:

- a line ending in the comment `# async-only` is dropped from the sync twin;
- a comment line `# sync-only: CODE` becomes the line `CODE` (at the comment's indentation) in the sync twin.

A rule that rewrites nothing in the whole source fails the run: a rule table that has drifted from the code would
otherwise hide a mistake. Why not the `unasync` package: it hooks into setuptools builds; a short script that the
drift check runs is simpler to read and to trust.
"""

from __future__ import annotations

import io
import re
import sys
import tokenize
from pathlib import Path

#: Whole names (NAME tokens, and the same words inside code strings) and what the sync twin calls them.
NAMES: dict[str, str] = {
    "__aenter__": "__enter__",
    "__aexit__": "__exit__",
    "__aiter__": "__iter__",
    "__anext__": "__next__",
    "StopAsyncIteration": "StopIteration",
    "aclose": "close",
    "aread": "read",
    "AsyncIterator": "Iterator",
    "AsyncGenerator": "Generator",
}
#: Name patterns, tried when no whole name matched.
PATTERNS: list[tuple[str, str]] = [
    (r"^aiter_(\w+)$", r"iter_\1"),
    (r"^Async([A-Z]\w*)$", r"\1"),
    (r"^async_(\w+)$", r"sync_\1"),
]
#: Token sequences (NAME and OP strings) rewritten as a whole.
SEQUENCES: dict[tuple[str, ...], str] = {
    ("import", "anyio"): "import time",
    ("anyio", ".", "sleep"): "time.sleep",
}
_COMPILED = [(re.compile(pattern), replacement) for pattern, replacement in PATTERNS]
PATTERNS_KEYS = [pattern for pattern, _ in PATTERNS]
#: A generic whose parameter the sync twin uses bare: `Awaitable[X]` -> `X`.
_UNWRAPPED = "Awaitable"
_WORD = re.compile(r"\b\w+\b")
_SYNC_ONLY = re.compile(r"^(\s*)# sync-only: (.*)$")
_DOC_BEFORE = {tokenize.NEWLINE, tokenize.NL, tokenize.INDENT, tokenize.DEDENT, tokenize.ENCODING}
_DOC_AFTER = {tokenize.NEWLINE, tokenize.COMMENT}


class Rules:
    """The rewriting rules, with a count of what each one rewrote."""

    def __init__(self) -> None:
        rules = [*NAMES, *PATTERNS_KEYS, *map(" ".join, SEQUENCES), _UNWRAPPED]
        self.used: dict[str, int] = dict.fromkeys(rules, 0)

    def name(self, word: str) -> str:
        if word in NAMES:
            self.used[word] += 1
            return NAMES[word]
        for (pattern, replacement), key in zip(_COMPILED, PATTERNS_KEYS):
            if pattern.match(word):
                self.used[key] += 1
                return pattern.sub(replacement, word)
        return word

    def unused(self) -> list[str]:
        return [rule for rule, count in self.used.items() if count == 0]


def _lines(source: str) -> list[str]:
    """The source without `# async-only` lines and with `# sync-only:` lines turned into code."""
    kept = []
    for line in source.splitlines(keepends=True):
        if line.rstrip().endswith("# async-only"):
            continue
        marker = _SYNC_ONLY.match(line.rstrip("\n"))
        kept.append(f"{marker.group(1)}{marker.group(2)}\n" if marker else line)
    return kept


def unasync_text(source: str, *, origin: str, rules: Rules) -> str:
    lines = _lines(source)
    tokens = list(tokenize.generate_tokens(io.StringIO("".join(lines)).readline))
    edits: list[tuple[int, int, int, str]] = []  # (row, start column, end column, replacement)
    index = 0
    while index < len(tokens):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else token
        sequence = next((seq for seq in SEQUENCES if _starts(tokens, index, seq)), None)
        if sequence is not None:
            last = tokens[index + len(sequence) - 1]
            edits.append((token.start[0], token.start[1], last.end[1], SEQUENCES[sequence]))
            rules.used[" ".join(sequence)] += 1
            index += len(sequence)
            continue
        if token.string == _UNWRAPPED and following.string == "[":
            close = tokens[_closing(tokens, index + 1)]
            edits += [(token.start[0], token.start[1], following.end[1], ""), (*close.start, close.end[1], "")]
            rules.used[_UNWRAPPED] += 1
        elif (
            token.type == tokenize.NAME and token.string in ("async", "await") and following.start[0] == token.start[0]
        ):
            edits.append((token.start[0], token.start[1], following.start[1], ""))
        elif token.type == tokenize.NAME:
            renamed = rules.name(token.string)
            if renamed != token.string:
                edits.append((token.start[0], token.start[1], token.end[1], renamed))
        elif token.type == tokenize.STRING and token.start[0] == token.end[0] and not _is_doc(tokens, index):
            renamed = _WORD.sub(lambda word: rules.name(word.group()), token.string)
            if renamed != token.string:
                edits.append((token.start[0], token.start[1], token.end[1], renamed))
        index += 1
    for row, start, end, replacement in sorted(edits, reverse=True):
        line = lines[row - 1]
        lines[row - 1] = line[:start] + replacement + line[end:]
    header = f"# Generated from {origin} by codegen/unasync.py: edit that file.\n"
    return header + "".join(lines)


def _starts(tokens: list[tokenize.TokenInfo], index: int, sequence: tuple[str, ...]) -> bool:
    window = tokens[index : index + len(sequence)]
    if len(window) != len(sequence):
        return False
    pairs = zip(window, sequence)
    return all(token.string == part and token.type in (tokenize.NAME, tokenize.OP) for token, part in pairs)


def _closing(tokens: list[tokenize.TokenInfo], opening: int) -> int:
    """The index of the `]` that closes the `[` at `opening`."""
    depth = 0
    for index in range(opening, len(tokens)):
        depth += {"[": 1, "]": -1}.get(tokens[index].string, 0) if tokens[index].type == tokenize.OP else 0
        if depth == 0:
            return index
    raise ValueError(f"unclosed [ at line {tokens[opening].start[0]}")


def _is_doc(tokens: list[tokenize.TokenInfo], index: int) -> bool:
    """Whether the string at `index` is a statement by itself (a docstring, or an attribute's)."""
    before = tokens[index - 1].type if index else tokenize.ENCODING
    after = tokens[index + 1].type if index + 1 < len(tokens) else tokenize.NEWLINE
    return before in _DOC_BEFORE and after in _DOC_AFTER


def run(repo: Path, out_root: Path) -> list[Path]:
    """Write the sync twin of every async module under `out_root/src/imbrace/_sync`; return the files written.

    Fails (SystemExit) when a rule rewrote nothing in the whole source.
    """
    source_root = repo / "src" / "imbrace" / "_async"
    target_root = out_root / "src" / "imbrace" / "_sync"
    rules = Rules()
    written = []
    for source in sorted(source_root.rglob("*.py")):
        relative = source.relative_to(source_root)
        target = target_root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        origin = source.relative_to(repo).as_posix()
        text = unasync_text(source.read_text(encoding="utf-8"), origin=origin, rules=rules)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    if rules.unused():
        sys.exit(f"unasync: these rules rewrote nothing, remove them or fix them: {rules.unused()}")
    return written


if __name__ == "__main__":
    repo_root = Path(__file__).resolve().parent.parent
    run(repo_root, Path(sys.argv[1]) if len(sys.argv) > 1 else repo_root)
