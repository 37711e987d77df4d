"""`imbrace demo`: the documentation's full flow, one numbered step at a time, then everything it made is deleted.

Create an agent with streaming on, create a Knowledge Hub folder, upload a file (with a progress bar), process its
embedding and wait, stream a chat reply delta by delta, show the chat history, clean up.
"""

from __future__ import annotations

import tempfile
import time
import uuid
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from imbrace import ImbraceError, NotFoundError

from .chat import write_reply
from .errors import CliError, one_line
from .progress import ProgressBar, ProgressFile
from .target import Target, demo_target

if TYPE_CHECKING:
    from imbrace.types.ai_agent import StreamChatBody, UIMessage

__all__ = ["QUESTION", "Demo", "demo"]

QUESTION = "What do the demo notes say about streaming?"
_INDENT = "   "
_NOTES_LINES = 300
_EMBEDDING_TIMEOUT = 300.0
_CLIP = 100


def demo(out: TextIO) -> None:
    """Run the flow on the live gateway (credentials set) or a local emulator, printing each step to `out`."""
    started = time.monotonic()
    with demo_target() as target:
        _say(out, f"imbrace demo: the documentation's full flow, on {target.where}\n")
        Demo(target, out).run()
    _say(out, f"Done in {time.monotonic() - started:.1f} s.")


class Demo:
    """One run of the flow; what it creates is deleted at the end, newest first, whether or not a step failed."""

    def __init__(self, target: Target, out: TextIO) -> None:
        self.client = target.client
        self.poll_interval = target.poll_interval
        self.out = out
        self.name = f"imbrace-demo-{uuid.uuid4().hex[:6]}"
        self.chat_id = str(uuid.uuid4())
        self.agent_id = self.folder_id = self.file_id = ""
        self._undo: list[tuple[str, Callable[[], object]]] = []

    def run(self) -> None:
        """The steps in order; a failing one raises a CliError that names it, after the clean-up."""
        steps = [
            ("Create an agent with streaming on", self.create_agent),
            ("Create a Knowledge Hub folder", self.create_folder),
            ("Upload a file", self.upload_file),
            ("Process its embedding and wait", self.embed_file),
            ("Stream a chat reply", self.stream_chat),
            ("Show the chat history", self.show_history),
        ]
        try:
            for number, (title, action) in enumerate(steps, 1):
                _say(self.out, f"{number}. {title}")
                try:
                    action()
                except (ImbraceError, OSError) as exc:
                    raise CliError(f"step {number} ({title.lower()}) failed: {one_line(exc)}") from exc
        finally:
            leftovers = self.clean_up(len(steps) + 1)
        if leftovers:
            raise CliError(f"step {len(steps) + 1} (clean up) failed: could not delete {', '.join(leftovers)}")

    def create_agent(self) -> None:
        agent = self.client.chat_ai.create_ai_agent(
            {
                "name": self.name,
                "workflow_name": self.name.replace("-", "_"),
                "streaming": True,
                "description": "Made by `imbrace demo`, deleted when it ends.",
            }
        )
        self.agent_id = agent["id"]
        self._created("agent", partial(self.client.chat_ai.delete_ai_agent, agent["id"]))
        streaming = "on" if agent.get("streaming") else "off"
        self._detail(f'agent "{agent.get("name")}" (id {agent["id"]}, streaming {streaming})')

    def create_folder(self) -> None:
        folder = self.client.boards.create_folder({"name": self.name})
        self.folder_id = folder["_id"]
        self._created("folder", partial(self.client.boards.delete_folders, [folder["_id"]]))
        self._detail(f'folder "{folder.get("name")}" (id {folder["_id"]})')

    def upload_file(self) -> None:
        with tempfile.TemporaryDirectory(prefix="imbrace-demo-") as tmp:
            path = Path(tmp) / "demo-notes.txt"
            path.write_text(_notes(), encoding="utf-8")
            bar = ProgressBar(self.out, indent=_INDENT)
            with ProgressFile(path, bar.update) as file:
                self._detail(f"{path.name}, {file.total / 1024:.1f} KiB, into the folder")
                record = self.client.boards.upload_file(files={"file": file}, folder_id=self.folder_id)
        self.file_id = record["_id"]
        self._created("file", partial(self.client.boards.delete_files, [record["_id"]]))
        self._detail(f'file "{record.get("name")}" (id {record["_id"]}, {record.get("size")} bytes)')

    def embed_file(self) -> None:
        started = time.monotonic()
        self._created("embedding", partial(self.client.ai_agent.delete_embedding_file, self.file_id))
        result = self.client.ai_agent.process_embedding_and_wait(
            self.file_id, timeout=_EMBEDDING_TIMEOUT, interval=self.poll_interval
        )
        status = result.get("data", {}).get("status", "done")
        self._detail(f"embedding {status} in {time.monotonic() - started:.1f} s")

    def stream_chat(self) -> None:
        self._created("chat", partial(self.client.ai_agent.delete_client_chat, self.chat_id))
        self._detail(f"user: {QUESTION}")
        message: UIMessage = {"role": "user", "content": QUESTION}
        body: StreamChatBody = {"id": self.chat_id, "assistant_id": self.agent_id, "messages": [message]}
        self.out.write(f"{_INDENT}assistant: ")
        try:
            reply = write_reply(self.client.ai_agent.stream_chat_text(body), self.out, _INDENT)
        finally:
            _say(self.out, "")
        self._detail(f"({reply.deltas} deltas, streamed over {reply.seconds:.2f} s)")

    def show_history(self) -> None:
        chat = self.client.ai_agent.get_client_chat(self.chat_id)
        messages = self.client.ai_agent.list_client_messages(self.chat_id)
        self._detail(f'chat "{chat.get("title") or self.chat_id}" (id {self.chat_id}): {len(messages)} messages')
        for message in messages:
            text = "".join(part.get("text", "") for part in message.get("parts", []) if part["type"] == "text")
            self._detail(f"{message.get('role')}: {_clip(text) or '(no text)'}")

    def clean_up(self, number: int) -> list[str]:
        """Delete what was created, newest first; returns what could not be deleted, each with the reason."""
        if not self._undo:
            return []
        _say(self.out, f"{number}. Clean up")
        deleted, leftovers = [], []
        for what, delete in reversed(self._undo):
            try:
                delete()
            except NotFoundError:
                continue  # never made (its step failed first) or gone with its folder
            except (ImbraceError, OSError) as exc:
                leftovers.append(f"the {what} ({one_line(exc)})")
                continue
            deleted.append(what)
        if deleted:
            self._detail(f"deleted the {_series(deleted)}")
        for leftover in leftovers:
            self._detail(f"could not delete {leftover}")
        return leftovers

    def _created(self, what: str, delete: Callable[[], object]) -> None:
        self._undo.append((what, delete))

    def _detail(self, text: str) -> None:
        _say(self.out, _INDENT + text)


def _say(out: TextIO, line: str) -> None:
    out.write(line + "\n")
    out.flush()


def _notes() -> str:
    line = "Note {:03d}: an agent with streaming on answers in text deltas that arrive one by one.\n"
    return "".join(line.format(number) for number in range(1, _NOTES_LINES + 1))


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _CLIP else text[: _CLIP - 3] + "..."


def _series(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
