"""The `imbrace[emulator]` extra from the CLI: an emulator for the demo, and the `imbrace emulator` command.

The emulator's libraries are imported only here, and only when one of these runs.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from .errors import CliError, exit_status

__all__ = ["CHAT_DELAY", "EMBEDDING_DELAY", "local_emulator", "serve"]

CHAT_DELAY = 0.03
"""Seconds between two events of the demo emulator's chat stream, so the reply visibly arrives piece by piece."""
EMBEDDING_DELAY = 0.5
"""Seconds the demo emulator takes to embed a file."""


@contextmanager
def _extra_needed() -> Iterator[None]:
    """Turn a missing library of the extra into a one-line hint."""
    from imbrace.emulator.cli import EXTRA_NEEDED, missing_extra

    try:
        yield
    except ModuleNotFoundError as exc:
        if not missing_extra(exc):
            raise
        raise CliError(EXTRA_NEEDED.format(exc.name)) from exc


@contextmanager
def local_emulator() -> Iterator[str]:
    """An emulator on a free loopback port, in this process, for as long as the block runs; yields its URL."""
    with _extra_needed():
        from imbrace.emulator import Emulator, EmulatorSettings
    settings = EmulatorSettings(chat_delay=CHAT_DELAY, embedding_delay=EMBEDDING_DELAY)
    with Emulator(settings) as emulator:
        yield emulator.url


def serve(argv: Sequence[str]) -> int:
    """`imbrace emulator [options]`: serve in the foreground; the options are those of `python -m imbrace.emulator`."""
    from imbrace.emulator.cli import main

    with _extra_needed():
        try:
            return main(argv, prog="imbrace emulator")
        except SystemExit as exit_:  # its --help or a usage error
            return exit_status(exit_)
