"""The `imbrace` console script: `imbrace demo`, `imbrace chat --agent ID ["message"]`, `imbrace emulator` and
`imbrace call NAMESPACE.METHOD ...` (any SDK method, JSON out).

A failure prints one line on stderr (`--debug` adds the traceback) and exits non-zero: 1 when something failed,
2 for a usage problem such as missing credentials. Only `argparse` and the SDK are imported up front; the emulator
only for `emulator` and for `demo` without credentials.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable, Sequence

from .._errors import ImbraceError
from .._version import __version__
from .errors import CliError, exit_status, one_line

__all__ = ["main"]

_INTERRUPTED = 130


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit status (the console script exits with it)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["emulator"]:  # every option after it is the emulator's own
        from .emulator import serve

        return _run("emulator", lambda: serve(args[1:]), debug=False)
    if args[:1] == ["call"]:  # its options come from the method it calls
        from .call import call

        return _run("call", lambda: call(args[1:]), debug="--debug" in args)
    try:
        parsed = _parser().parse_args(args)
    except SystemExit as exit_:  # --help, --version, a usage error: argparse has printed why
        return exit_status(exit_)
    command: Callable[[argparse.Namespace], int | None] = parsed.handler
    return _run(parsed.command, lambda: command(parsed), debug=parsed.debug)


def _run(name: str, command: Callable[[], int | None], *, debug: bool) -> int:
    """The command's status; a failure becomes one line on stderr (and its traceback with `debug`)."""
    try:
        return command() or 0
    except KeyboardInterrupt:
        return _fail(name, "interrupted", _INTERRUPTED, debug=False)
    except CliError as exc:
        return _fail(name, str(exc), exc.code, debug=debug)
    except (ImbraceError, OSError) as exc:
        return _fail(name, one_line(exc), 1, debug=debug)


def _fail(name: str, reason: str, code: int, *, debug: bool) -> int:
    sys.stdout.flush()
    if debug:
        traceback.print_exc()
    print(f"imbrace {name}: {reason}", file=sys.stderr, flush=True)
    return code


def _parser() -> argparse.ArgumentParser:
    from .call import NAMESPACES

    parser = argparse.ArgumentParser(
        prog="imbrace",
        description="The Imbrace SDK's command line.",
        epilog=f"namespaces for `imbrace call`: {', '.join(NAMESPACES)} (see: imbrace call NAMESPACE --help)",
    )
    parser.add_argument("--version", action="version", version=f"imbrace {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", help="show the traceback of a failure")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    demo = commands.add_parser(
        "demo",
        parents=[common],
        help="run the documentation's full flow (on a local emulator when no credentials are set)",
        description="Run the documentation's full flow against the live gateway when IMBRACE_API_KEY or "
        "IMBRACE_ACCESS_TOKEN is set, else against a local emulator started for the run.",
    )
    demo.set_defaults(handler=_demo)
    chat = commands.add_parser(
        "chat",
        parents=[common],
        help="talk with an agent: one message, or a conversation read line by line",
        description="Stream the agent's reply to MESSAGE; without one, hold a conversation in one chat, a message "
        "per line (Ctrl-C stops a reply, Ctrl-D ends).",
    )
    chat.add_argument("--agent", required=True, metavar="ID", help="the agent (assistant) id")
    chat.add_argument("--chat", metavar="CHAT_ID", help="continue this chat (a UUID) instead of starting one")
    chat.add_argument("--gateway", metavar="URL", help="the gateway to use (default: IMBRACE_GATEWAY_URL or the env's)")
    chat.add_argument("message", nargs="?", help="the user message (omit it for a conversation)")
    chat.set_defaults(handler=_chat)
    commands.add_parser("emulator", help="serve a local emulator (see: imbrace emulator --help)", add_help=False)
    commands.add_parser("call", help="run any SDK method, print JSON (see: imbrace call --help)", add_help=False)
    return parser


def _demo(args: argparse.Namespace) -> None:
    from .demo import demo

    demo(sys.stdout)


def _chat(args: argparse.Namespace) -> None:
    from .chat import chat

    chat(args.agent, args.message, args.gateway, sys.stdout, sys.stdin, args.chat)
