"""How a command fails: `CliError` carries the one-line reason and the exit status."""

from __future__ import annotations

__all__ = ["USAGE", "CliError", "exit_status", "one_line"]

USAGE = 2


class CliError(Exception):
    """A failure the CLI reports as one line on stderr, exiting with `code`."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def one_line(error: BaseException) -> str:
    """The error's message on one line (its type name when it has none)."""
    return " ".join(str(error).split()) or type(error).__name__


def exit_status(exit_: SystemExit) -> int:
    """The status a SystemExit stands for, as the interpreter would exit with it (argparse's --help, errors)."""
    if exit_.code is None or isinstance(exit_.code, int):
        return exit_.code or 0
    return 1
