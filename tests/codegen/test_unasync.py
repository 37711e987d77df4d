"""codegen/unasync.py rewrites code token by token: names and code strings change, docstrings and comments do not, the
two markers work, and a rule that rewrote nothing fails the run (issue 14)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]


def load_unasync() -> ModuleType:
    spec = importlib.util.spec_from_file_location("unasync_under_test", REPO / "codegen" / "unasync.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


unasync = load_unasync()

SOURCE = '''"""Async sources: `AsyncThing.aiter_text()` and `async with` stay as written here."""

import anyio


class AsyncThing:
    """An AsyncThing; `await` it."""

    label = "AsyncThing.aiter_text()"  # AsyncThing in a comment stays

    async def aiter_text(self) -> AsyncIterator[str]:
        await anyio.sleep(0)
        async with self.lock:
            return cast("AsyncThing", await self.aread())  # async-only
            # sync-only: return cast("Thing", self.read())

    def wait(self, pending: Awaitable[list[int]]) -> None:
        return None
'''


def test_code_is_rewritten_and_docstrings_comments_are_not() -> None:
    rules = unasync.Rules()
    text = unasync.unasync_text(SOURCE, origin="x.py", rules=rules)
    assert text.splitlines()[1:] == [
        '"""Async sources: `AsyncThing.aiter_text()` and `async with` stay as written here."""',
        "",
        "import time",
        "",
        "",
        "class Thing:",
        '    """An AsyncThing; `await` it."""',
        "",
        '    label = "Thing.iter_text()"  # AsyncThing in a comment stays',
        "",
        "    def iter_text(self) -> Iterator[str]:",
        "        time.sleep(0)",
        "        with self.lock:",
        '            return cast("Thing", self.read())',
        "",
        "    def wait(self, pending: list[int]) -> None:",
        "        return None",
    ]
    assert text.startswith("# Generated from x.py by codegen/unasync.py: edit that file.")
    assert rules.used["Awaitable"] == 1 and rules.used["import anyio"] == 1


def test_a_rule_that_rewrote_nothing_fails_the_run(tmp_path: Path) -> None:
    source = tmp_path / "src" / "imbrace" / "_async"
    source.mkdir(parents=True)
    (source / "only.py").write_text("async def run() -> None:\n    await go()\n")
    with pytest.raises(SystemExit, match=r"rewrote nothing.*__aenter__"):
        unasync.run(tmp_path, tmp_path / "out")


def test_the_repository_uses_every_rule() -> None:
    rules = unasync.Rules()
    for path in sorted((REPO / "src" / "imbrace" / "_async").rglob("*.py")):
        unasync.unasync_text(path.read_text(encoding="utf-8"), origin=path.name, rules=rules)
    assert rules.unused() == []
