"""Running a documentation example against the emulator, and the records its placeholder ids stand for."""

from __future__ import annotations

import ast
import asyncio
import re
import uuid
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from imbrace import AsyncImbraceClient, ImbraceClient
from imbrace.emulator import Emulator

from .rewrite import ASYNC_ENTRY, to_async, with_ids
from helpers import LoopRunner

HERE = Path(__file__).parent
# The page's Python examples (imbrace-ai-agent-doc-python-examples.md), as `.txt` so that ruff formats no block of it.
DOC = HERE / "imbrace-ai-agent-doc-python-examples.md.txt"
EXAMPLES = HERE / "examples"
ACCESS_TOKEN = "acc_doc_examples"
# The files the examples open, in the working directory they run in.
SAMPLE_FILES = {
    "report.pdf": b"Quarterly report: revenue up 12%.",
    "doc.pdf": b"Onboarding notes for new agents.",
    "knowledge.pdf": b"Refunds are processed within 5 days.",
}


def doc_blocks(markdown: str) -> list[str]:
    """The text of each ```python block of the page, in page order."""
    return re.findall(r"^```python\n(.*?)^```$", markdown, re.DOTALL | re.MULTILINE)


def example_files() -> dict[str, Path]:
    """Each example's name and file, in page order: `03_ai_agent_crud.py.txt` is the example `ai_agent_crud`."""
    return {path.name.split("_", 1)[1].removesuffix(".py.txt"): path for path in sorted(EXAMPLES.glob("*.py.txt"))}


@dataclass
class Ran:
    """What an example did: its variables, what it printed, and the requests it made per `METHOD route`."""

    names: dict[str, Any]
    out: str
    calls: Counter[str]


class Runner:
    """Runs the example named after the current test (`test_<name>` runs `NN_<name>.py.txt`) on one client.

    The example's `client` is the given client unless the example makes its own. With an event loop the example is
    rewritten by `to_async` and run on that loop, where `call` also awaits what the test awaits.
    """

    def __init__(
        self,
        name: str,
        client: ImbraceClient | AsyncImbraceClient,
        emulator: Emulator,
        capsys: pytest.CaptureFixture[str],
        loop: LoopRunner | None,
    ) -> None:
        self.name, self.client, self.emulator, self.capsys, self.loop = name, client, emulator, capsys, loop
        self.kind = "sync" if loop is None else "async"
        self.started: Counter[str] = Counter()

    def __call__(self, ids: Mapping[str, str] | None = None) -> Ran:
        path = example_files()[self.name]
        tree = with_ids(ast.parse(path.read_text(), str(path)), ids or {})
        names: dict[str, Any] = {"client": self.client}
        self.started = Counter(self.emulator.requests()["routes"])
        self.capsys.readouterr()
        if self.loop is None:
            exec(compile(tree, str(path), "exec"), names)
        else:
            exec(compile(to_async(tree), str(path), "exec"), names)
            names.update(self.loop.run(names.pop(ASYNC_ENTRY)()))
        return Ran(names, self.capsys.readouterr().out, self.calls())

    def calls(self) -> Counter[str]:
        """The requests per `METHOD route` made since the example started (also when it raised)."""
        calls = Counter(self.emulator.requests()["routes"])
        calls.subtract(self.started)
        return +calls

    def call(self, value: Any) -> Any:
        """`value`, awaited on the runner's loop when it is a coroutine (what an async client method returns)."""
        return value if self.loop is None or not asyncio.iscoroutine(value) else self.loop.run(value)

    def close(self, client: ImbraceClient | AsyncImbraceClient) -> None:
        """Close a client the example made."""
        if isinstance(client, AsyncImbraceClient):
            self.call(client.aclose())
        else:
            client.close()


class Records:
    """Records made with the sync client before an example runs; their ids replace the example's placeholders."""

    def __init__(self, client: ImbraceClient) -> None:
        self.client = client

    def agent(self, *, streaming: bool = True) -> str:
        body = {"name": "Support Bot", "workflow_name": "support_bot_v1", "streaming": streaming}
        return self.client.chat_ai.create_ai_agent(body)["id"]

    def chat(self, assistant_id: str) -> tuple[str, str]:
        """A chat-client chat holding one user message: (chat id, message id)."""
        chat_id, message_id = str(uuid.uuid4()), str(uuid.uuid4())
        message = {"id": message_id, "role": "user", "parts": [{"type": "text", "text": "Where is my order?"}]}
        self.client.ai_agent.create_client_chat(
            {"id": chat_id, "assistantId": assistant_id, "selectedVisibilityType": "private", "message": message}
        )
        return chat_id, message_id
