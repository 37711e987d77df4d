"""`imbrace chat` without a message: a conversation in one chat, run as a real process. Ctrl-C (SIGINT) in the middle
of a reply stops that reply and the session goes on; the end of the input ends it. Waits are bounded, never slept."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
from typing import IO

import pytest

from imbrace import ImbraceClient
from imbrace.cli import main
from imbrace.cli.chat import PROMPT
from imbrace.emulator import Emulator
from imbrace.testing import TEST_API_KEY, TEST_ORGANIZATION_ID

WAIT = 20.0
"""The longest the test waits for the process; reached only when it fails."""
LONG = "please answer with all of these words one after another so that the reply takes a while"


class Output:
    """What a process writes, collected by a thread as it arrives, for the test to wait on."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.text = ""
        self._seen = threading.Condition()
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream: IO[bytes]) -> None:
        for data in iter(lambda: os.read(stream.fileno(), 4096), b""):
            with self._seen:
                self.text += data.decode()
                self._seen.notify_all()

    def wait_for(self, text: str, after: int = 0) -> int:
        """The position just past the first `text` at or after `after`, once it has been written."""
        with self._seen:
            if not self._seen.wait_for(lambda: self.text.find(text, after) >= 0, timeout=WAIT):
                raise AssertionError(f"no {text!r} after {self.text[after:]!r}")
            return self.text.find(text, after) + len(text)


def test_a_session_keeps_one_chat_and_ctrl_c_stops_only_the_reply(
    imbrace_emulator: Emulator, imbrace_client: ImbraceClient
) -> None:
    agent = imbrace_client.chat_ai.create_ai_agent(
        {"name": "Bot", "workflow_name": "bot", "streaming": True, "metadata": {"emulator_chat_delay": 0.1}}
    )
    command = [sys.executable, "-m", "imbrace.cli", "chat", "--agent", agent["id"], "--gateway", imbrace_emulator.url]
    # The chat routes need the organization, as on the service (401 "Missing organization ID" without it).
    env = {**os.environ, "IMBRACE_API_KEY": TEST_API_KEY, "IMBRACE_ORGANIZATION_ID": TEST_ORGANIZATION_ID}
    with subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    ) as process:
        assert process.stdin is not None and process.stdout is not None and process.stderr is not None
        output = Output(process.stdout)
        position = output.wait_for(PROMPT)
        process.stdin.write(f"{LONG}\n".encode())
        process.stdin.flush()
        position = output.wait_for("You said: ", position)
        process.send_signal(signal.SIGINT)
        position = output.wait_for(f" [cancelled]\n{PROMPT}", position)
        process.stdin.write(b"\n   \nsecond\n")
        process.stdin.flush()
        output.wait_for(f"You said: second\n{PROMPT}", position)
        process.stdin.close()
        assert process.wait(WAIT) == 0
        assert process.stderr.read() == b""

    found = re.match(r"chat (\S+): Ctrl-C stops a reply, Ctrl-D ends\n", output.text)
    assert found is not None
    assert output.text.endswith(f"{PROMPT}\n")
    cut = output.text[output.text.index("You said: ") : output.text.index(" [cancelled]")]
    assert f"You said: {LONG}".startswith(cut) and len(cut) < len(f"You said: {LONG}")
    thread = imbrace_client.ai_agent.threads(found.group(1))
    thread.wait_idle(timeout=WAIT)
    users = [message["parts"] for message in thread.messages() if message["role"] == "user"]
    assert users == [[{"type": "text", "text": LONG}], [{"type": "text", "text": "second"}]]


def test_a_chat_id_must_be_a_uuid(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IMBRACE_API_KEY", TEST_API_KEY)
    assert main(["chat", "--agent", "a1", "--chat", "chat_123", "--gateway", "http://127.0.0.1:9"]) == 2
    assert capsys.readouterr().err.startswith("imbrace chat: a chat id is a UUID such as ")


def test_chat_continues_a_chat_by_id(
    imbrace_emulator: Emulator,
    imbrace_client: ImbraceClient,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    agent = imbrace_client.chat_ai.create_ai_agent({"name": "Bot", "workflow_name": "bot", "streaming": True})
    thread = imbrace_client.ai_agent.threads.create(agent["id"])
    thread.reply("one")
    monkeypatch.setenv("IMBRACE_API_KEY", TEST_API_KEY)
    monkeypatch.setenv("IMBRACE_ORGANIZATION_ID", TEST_ORGANIZATION_ID)
    argv = ["chat", "--agent", agent["id"], "--chat", thread.id, "--gateway", imbrace_emulator.url, "two"]
    assert main(argv) == 0
    assert capsys.readouterr().out == "You said: two\n"
    thread.wait_idle(timeout=WAIT)
    assert [message["role"] for message in thread.messages()] == ["user", "assistant"] * 2
