"""`imbrace call NAMESPACE.METHOD ...` through the console script, against the emulator: arguments typed from the
signature (JSON bodies, numbers, `@file`, per-call options), JSON out (JSON lines for iterators), help that lists the
namespaces and their methods, and failures as one line with the status."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from imbrace._types import RequestOptions
from imbrace.cli.call import NAMESPACES, OPTION_HELP, _converter, call, resource_class
from imbrace.cli.errors import CliError
from imbrace.emulator import Emulator

CONSOLE_SCRIPT = Path(sys.executable).with_name("imbrace")
ENV_NAMES = ("IMBRACE_API_KEY", "IMBRACE_ACCESS_TOKEN", "IMBRACE_GATEWAY_URL", "IMBRACE_BASE_URL", "IMBRACE_ENV")


def imbrace(*args: str, emulator: Emulator | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ENV_NAMES}
    if emulator is not None:
        env.update(IMBRACE_API_KEY="test-key", IMBRACE_GATEWAY_URL=emulator.url, IMBRACE_ORGANIZATION_ID="org_test")
    return subprocess.run(
        [str(CONSOLE_SCRIPT), *args], capture_output=True, text=True, env=env, timeout=60, input=stdin
    )


def test_help_lists_the_namespaces_and_their_methods() -> None:
    top = imbrace("--help")
    assert top.returncode == 0 and "call" in top.stdout
    listed = " ".join(top.stdout.split())
    assert "ai, ai_agent, boards, campaign, categories, channel, chat_ai, contacts," in listed
    assert "teams, workflows" in listed
    overview = imbrace("call", "--help")
    assert overview.returncode == 0
    for namespace in NAMESPACES:
        assert f"\n  {namespace} " in overview.stdout
    boards = imbrace("call", "boards", "--help")
    assert boards.returncode == 0
    listed = [line.split()[0] for line in boards.stdout.splitlines() if line.startswith("  ")]
    methods = sorted(n for n in dir(resource_class("boards")) if not n.startswith("_"))
    assert listed == methods
    one = imbrace("call", "boards.list_items", "--help")
    assert one.returncode == 0
    assert "BOARD_ID" in one.stdout and "--limit LIMIT" in one.stdout and "--extra-body VALUE" in one.stdout
    assert "GET /data-board/boards/{board_id}/items" in one.stdout


def test_a_method_runs_with_typed_arguments_and_prints_json(imbrace_emulator: Emulator, tmp_path: Path) -> None:
    created = imbrace("call", "boards.create", "Q1 board", "--description", "numbers", emulator=imbrace_emulator)
    assert created.returncode == 0, created.stderr
    board = json.loads(created.stdout)["data"]  # the service's `{data}` envelope, as the method returns it
    assert (board["name"], board["description"]) == ("Q1 board", "numbers")
    body = tmp_path / "item.json"
    body.write_text(json.dumps({"fields": {}}))
    for _ in range(3):
        item = imbrace("call", "boards.create_item", board["_id"], f"@{body}", emulator=imbrace_emulator)
        assert item.returncode == 0, item.stderr
    page = imbrace("call", "boards.list_items", board["_id"], "--limit", "2", emulator=imbrace_emulator)
    assert page.returncode == 0, page.stderr
    assert len(json.loads(page.stdout)["data"]) == 2
    lines = imbrace("call", "boards.iter_items", board["_id"], "--limit", "2", emulator=imbrace_emulator)
    assert lines.returncode == 0, lines.stderr
    assert len([json.loads(line) for line in lines.stdout.splitlines()]) == 3
    assert imbrace_emulator.requests()["total"] >= 6


def test_bodies_are_json_files_are_paths_and_per_call_options_pass(imbrace_emulator: Emulator, tmp_path: Path) -> None:
    agent = imbrace(
        "call",
        "chat_ai.create_ai_agent",
        '{"name": "Bot", "workflow_name": "w", "streaming": true}',
        "--extra-headers",
        '{"x-trace": "t1"}',
        emulator=imbrace_emulator,
    )
    assert agent.returncode == 0, agent.stderr
    assert json.loads(agent.stdout)["name"] == "Bot"
    document = tmp_path / "notes.txt"
    document.write_text("hello")
    folder = imbrace("call", "boards.create_folder", '{"name": "Docs"}', emulator=imbrace_emulator)
    assert folder.returncode == 0, folder.stderr
    folder_id = json.loads(folder.stdout)["_id"]
    uploaded = imbrace("call", "boards.upload_file", str(document), "--folder-id", folder_id, emulator=imbrace_emulator)
    assert uploaded.returncode == 0, uploaded.stderr
    file_id = json.loads(uploaded.stdout)["_id"]
    target = tmp_path / "copy.txt"
    downloaded = imbrace("call", "boards.download_file_to", file_id, str(target), emulator=imbrace_emulator)
    assert downloaded.returncode == 0, downloaded.stderr
    assert json.loads(downloaded.stdout) == str(target) and target.read_text() == "hello"
    from_stdin = imbrace("call", "folders.create", "@-", emulator=imbrace_emulator, stdin='{"name": "In"}')
    assert json.loads(from_stdin.stdout)["data"]["name"] == "In"
    messages = '[{"role": "user", "content": "hi"}]'
    completion = imbrace("call", "ai.complete", "--model=gpt-4o", "--messages", messages, emulator=imbrace_emulator)
    assert completion.returncode == 0, completion.stderr
    assert json.loads(completion.stdout)["object"] == "chat.completion"  # keywords beyond the signature pass on


def test_a_stream_prints_one_json_line_per_event(imbrace_emulator: Emulator) -> None:
    agent = imbrace("call", "chat_ai.create_ai_agent", '{"name": "B", "workflow_name": "w"}', emulator=imbrace_emulator)
    body = json.dumps({"assistant_id": json.loads(agent.stdout)["id"], "messages": [{"role": "user", "content": "hi"}]})
    text = imbrace("call", "ai_agent.stream_chat_text", body, emulator=imbrace_emulator)
    assert text.returncode == 0, text.stderr
    assert "".join(json.loads(line) for line in text.stdout.splitlines()) == "You said: hi"
    events = imbrace("call", "ai_agent.stream_chat", body, emulator=imbrace_emulator)
    types = [json.loads(line)["type"] for line in events.stdout.splitlines()]
    assert types[0] == "start" and "text-delta" in types


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (["boards.get", "missing"], 1, "imbrace call: 404 "),
        (["boards.list", "--limit", "many"], 2, "argument --limit: invalid int value: 'many'"),
        (["boards.list", "--bogus", "1"], 2, "unrecognized arguments: --bogus 1"),
        (["boards.nope"], 2, "imbrace call: boards has no method 'nope'"),
        (["nowhere.list"], 2, "imbrace call: unknown namespace 'nowhere'"),
        (["boards.create_item", "b1", "{not json"], 2, "argument BODY: expected JSON, got '{not json'"),
        (["boards.create_item", "b1", "@/nonexistent/x.json"], 2, "cannot read /nonexistent/x.json"),
    ],
)
def test_failures_are_one_line_with_the_status(
    imbrace_emulator: Emulator, args: list[str], status: int, message: str
) -> None:
    result = imbrace("call", *args, emulator=imbrace_emulator)
    assert result.returncode == status
    assert message in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    if status == 1:  # a failed call (not a usage error, which argparse follows with the usage)
        assert result.stderr.count("\n") == 1


def test_without_credentials_the_call_names_the_settings_and_open_routes_work(imbrace_emulator: Emulator) -> None:
    result = imbrace("call", "boards.list", "--gateway", imbrace_emulator.url)
    assert result.returncode == 2
    assert "IMBRACE_API_KEY" in result.stderr and "Traceback" not in result.stderr
    assert imbrace_emulator.requests()["total"] == 0


def test_the_per_call_options_offered_are_those_of_request_options() -> None:
    assert set(OPTION_HELP) == set(RequestOptions.__annotations__)


def test_a_nested_namespace_is_reachable_by_its_dotted_name(
    monkeypatch: pytest.MonkeyPatch, imbrace_emulator: Emulator, capsys: pytest.CaptureFixture[str]
) -> None:
    from imbrace._sync.resources.boards import BoardsResource
    from imbrace._sync.resources.folders import FoldersResource

    monkeypatch.setattr(BoardsResource, "nested", property(lambda self: FoldersResource(self._client)), raising=False)
    assert call(["boards", "--help"]) == 0
    assert "namespaces in boards:\n  boards.nested " in capsys.readouterr().out
    assert call(["boards.nested", "--help"]) == 0
    assert "  create " in capsys.readouterr().out
    monkeypatch.setenv("IMBRACE_API_KEY", "test-key")
    monkeypatch.setenv("IMBRACE_GATEWAY_URL", imbrace_emulator.url)
    monkeypatch.setenv("IMBRACE_ORGANIZATION_ID", "org_test")  # the data-board service reads it from the body
    assert call(["boards.nested.create", '{"name": "Deep"}']) == 0
    assert json.loads(capsys.readouterr().out)["data"]["name"] == "Deep"


def test_private_methods_are_not_callable() -> None:
    with pytest.raises(CliError, match="boards has no method '_json'"):
        call(["boards._json", "{}", "{}"])


@pytest.mark.parametrize(
    ("annotation", "kind", "given", "expected"),
    [
        ("int | None", "int", "5", 5),
        ("Optional[int]", "int", "5", 5),
        ("typing.Optional[bool]", "bool", "true", True),
        ("Union[str, Path]", "path", "@report.pdf", Path("report.pdf")),
        ("Optional[dict[str, Union[int, str]]]", "JSON", '{"a": 1}', {"a": 1}),
        ("dict[str, int | str] | None", "JSON", "[1, 2]", [1, 2]),
        ("Union[str, list[str], None]", "JSON", "plain text", "plain text"),
    ],
)
def test_an_argument_converts_by_its_annotation_in_either_union_spelling(
    annotation: str, kind: str, given: str, expected: object
) -> None:
    converter = _converter(annotation)
    assert converter.__name__ == kind
    assert converter(given) == expected


def test_a_json_argument_without_str_in_its_union_rejects_plain_text() -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        _converter("Optional[dict[str, Any]]")("not json")
