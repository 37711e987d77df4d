"""The `imbrace` console script: the demo on a local emulator and on a configured gateway, chat, the emulator command,
the failure line, and `scripts/demo`. Servers are loopback only and stop by themselves; timings are bounded, never
slept on."""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import time
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from imbrace import ImbraceClient, __version__
from imbrace.cli import main
from imbrace.cli.demo import QUESTION
from imbrace.cli.emulator import CHAT_DELAY
from imbrace.cli.progress import ProgressBar, ProgressFile
from imbrace.emulator import Emulator

ROOT = Path(__file__).resolve().parents[2]
CONSOLE_SCRIPT = Path(sys.executable).with_name("imbrace")
STEPS = [
    "1. Create an agent with streaming on",
    "2. Create a Knowledge Hub folder",
    "3. Upload a file",
    "4. Process its embedding and wait",
    "5. Stream a chat reply",
    "6. Show the chat history",
    "7. Clean up",
]


class TimedWrites(io.StringIO):
    """A stdout that records when each write happened."""

    def __init__(self, tty: bool = False) -> None:
        super().__init__()
        self.writes: list[tuple[float, str]] = []
        self.tty = tty

    def write(self, text: str) -> int:
        self.writes.append((time.monotonic(), text))
        return super().write(text)

    def isatty(self) -> bool:
        return self.tty


def writes_spelling(writes: list[tuple[float, str]], text: str) -> list[tuple[float, str]]:
    """The run of consecutive writes that together are `text`."""
    for start in range(len(writes)):
        joined = ""
        for end in range(start, len(writes)):
            joined += writes[end][1]
            if joined == text:
                return writes[start : end + 1]
            if not text.startswith(joined):
                break
    raise AssertionError(f"no run of writes spells {text!r}")


def run(argv: list[str]) -> tuple[int, TimedWrites]:
    """`main(argv)` in-process, with its stdout recorded write by write."""
    out = TimedWrites()
    with redirect_stdout(out):
        return main(argv), out


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_demo_without_credentials_runs_the_flow_on_a_local_emulator() -> None:
    status, stdout = run(["demo"])
    assert status == 0
    text = stdout.getvalue()
    assert "on a local emulator at http://127.0.0.1:" in text
    positions = [text.index(step) for step in STEPS]
    assert positions == sorted(positions)
    assert "[##############################] 100%" in text
    assert "embedding completed" in text
    assert f"user: {QUESTION}\n   assistant: You said: {QUESTION}\n" in text  # the history
    assert "deleted the chat, embedding, file, folder and agent" in text
    deltas = writes_spelling(stdout.writes, f"You said: {QUESTION}")
    assert len(deltas) >= 5
    # The emulator sends a delta every CHAT_DELAY s: written as they arrived, the writes are spread out as well.
    assert deltas[-1][0] - deltas[0][0] >= 0.5 * CHAT_DELAY * (len(deltas) - 1)


def test_demo_with_credentials_uses_the_configured_gateway_and_cleans_up_after_a_failure(
    imbrace_emulator: Emulator,
    imbrace_client: ImbraceClient,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("IMBRACE_API_KEY", "test-key")
    monkeypatch.setenv("IMBRACE_ORGANIZATION_ID", imbrace_client.organization_id or "")  # the AI service needs one
    monkeypatch.setenv("IMBRACE_GATEWAY_URL", imbrace_emulator.url)
    imbrace_emulator.add_fault(kind="cut", path="/ai-agent/v2/chat", after=4)
    status, stdout = run(["demo"])
    assert status == 1
    assert f"on the gateway {imbrace_emulator.url}\n" in stdout.getvalue()
    assert "   deleted the chat, embedding, file, folder and agent\n" in stdout.getvalue()
    error = capsys.readouterr().err
    assert error.startswith("imbrace demo: step 5 (stream a chat reply) failed: ")
    assert error.count("\n") == 1 and "Traceback" not in error
    assert imbrace_client.chat_ai.list_ai_agents() == []
    assert imbrace_client.boards.search_folders() == []
    assert imbrace_client.boards.search_files() == []


def test_debug_shows_the_traceback(
    imbrace_emulator: Emulator, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IMBRACE_API_KEY", "test-key")
    monkeypatch.setenv("IMBRACE_GATEWAY_URL", imbrace_emulator.url)
    imbrace_emulator.add_fault(kind="status", status=400, path="/v3/ai/assistant_apps")
    assert run(["demo", "--debug"])[0] == 1
    error = capsys.readouterr().err
    assert error.startswith("Traceback") and "BadRequestError" in error
    last = "\nimbrace demo: step 1 (create an agent with streaming on) failed: 400 Injected fault: 400 (POST /v3/ai/"
    assert last in error and error.endswith("assistant_apps)\n")


def test_a_failure_exits_non_zero_with_one_line_and_no_traceback() -> None:
    env = {**os.environ, "IMBRACE_API_KEY": "k", "IMBRACE_GATEWAY_URL": f"http://127.0.0.1:{closed_port()}"}
    result = subprocess.run([CONSOLE_SCRIPT, "demo"], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 1
    assert result.stderr.startswith("imbrace demo: step 1 (create an agent with streaming on) failed: Connection")
    assert result.stderr.count("\n") == 1


def test_chat_streams_the_reply_to_the_terminal(
    imbrace_emulator: Emulator,
    imbrace_client: ImbraceClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    agent = imbrace_client.chat_ai.create_ai_agent(
        {"name": "Bot", "workflow_name": "bot", "streaming": True, "metadata": {"emulator_chat_delay": 0.02}}
    )
    monkeypatch.setenv("IMBRACE_API_KEY", "test-key")
    monkeypatch.setenv("IMBRACE_ORGANIZATION_ID", "org_test")  # a chat turn needs one (401 otherwise)
    status, stdout = run(["chat", "--agent", agent["id"], "--gateway", imbrace_emulator.url, "one two three four"])
    assert status == 0
    assert stdout.getvalue() == "You said: one two three four\n"
    deltas = writes_spelling(stdout.writes, "You said: one two three four")
    assert len(deltas) == 6
    assert deltas[-1][0] - deltas[0][0] >= 0.5 * 0.02 * 5


def test_chat_without_credentials_says_so_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["chat", "--agent", "a1", "hello"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("imbrace chat: no credentials: set IMBRACE_API_KEY or IMBRACE_ACCESS_TOKEN")
    assert captured.err.count("\n") == 1


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"imbrace {__version__}\n"
    result = subprocess.run([CONSOLE_SCRIPT, "--version"], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout == f"imbrace {__version__}\n"


def test_commands_that_need_no_emulator_do_not_import_it() -> None:
    code = (
        "import sys; from imbrace.cli import main; main(['--version']); main(['chat', '--agent', 'a', 'hi']);"
        "print([m for m in ('imbrace.emulator', 'starlette', 'uvicorn', 'openapi_core') if m in sys.modules])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.splitlines()[-1] == "[]"


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert main(["chat", "hello"]) == 2  # no --agent
    assert "usage: imbrace" in capsys.readouterr().err


def test_the_emulator_command_is_the_emulators_own(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["emulator", "--help"]) == 0
    assert capsys.readouterr().out.startswith("usage: imbrace emulator [-h] [--host HOST] [--port PORT]")


def test_the_emulator_command_without_the_extra_prints_the_install_hint() -> None:
    code = "import sys; sys.modules['uvicorn'] = None; from imbrace.cli import main; sys.exit(main(['emulator']))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr == "imbrace emulator: the emulator needs uvicorn: pip install 'imbrace[emulator]'\n"


def test_the_upload_progress_bar(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"x" * 10_000)
    seen: list[tuple[int, int]] = []
    with ProgressFile(path, lambda done, total: seen.append((done, total)), read_size=4096) as file:
        assert file.read(65536) == b"x" * 4096  # httpx asks for 64 KiB; the file hands out less, to report steps
        assert len(file.read()) + len(file.read()) == 10_000 - 4096
    assert seen == [(4096, 10_000), (8192, 10_000), (10_000, 10_000)]
    terminal, log = TimedWrites(tty=True), TimedWrites()
    for out in (terminal, log):
        bar = ProgressBar(out, width=10)
        for done in (4096, 8192, 10_000, 10_000):
            bar.update(done, 10_000)
    assert terminal.getvalue() == (
        "\r[####------]  41%  4.0 KiB\r[########--]  82%  8.0 KiB\r[##########] 100%  9.8 KiB\n"
    )
    assert log.getvalue() == "[##########] 100%  9.8 KiB\n"


def test_scripts_demo_exits_0_without_credentials() -> None:
    result = subprocess.run([ROOT / "scripts" / "demo"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "7. Clean up" in result.stdout and result.stdout.rstrip().endswith("s.")
