"""`python -m imbrace.emulator` and `imbrace emulator`: serve the emulator in the foreground until Ctrl-C.

The server libraries (the `imbrace[emulator]` extra) are imported after the arguments are parsed, so `--help` works
without them; `missing_extra` tells the error their absence raises from any other.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from .config import EmulatorSettings

__all__ = ["EXTRA_NEEDED", "main", "missing_extra"]

EXTRA_NEEDED = "the emulator needs {}: pip install 'imbrace[emulator]'"

_DEMO_CHAT_DELAY = 0.03


def _parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description="A local, stateful Imbrace platform (gateway + AI agent).")
    parser.add_argument("--host", default="127.0.0.1", help="interface to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8787, help="port to listen on (default 8787; 0 picks one)")
    parser.add_argument("--db", metavar="FILE", help="keep the state in this SQLite file across restarts")
    parser.add_argument("--api-key", metavar="KEY", help="accept only this API key (default: any credential)")
    parser.add_argument(
        "--chat-delay",
        type=float,
        default=_DEMO_CHAT_DELAY,
        metavar="SECONDS",
        help=f"pause between stream events (default {_DEMO_CHAT_DELAY})",
    )
    parser.add_argument(
        "--embedding-delay", type=float, default=1.0, metavar="SECONDS", help="time an embedding takes (default 1.0)"
    )
    parser.add_argument(
        "--max-upload-mb", type=float, default=100.0, metavar="MB", help="largest request body accepted (default 100)"
    )
    parser.add_argument("--no-validate", action="store_true", help="do not check requests against the specs")
    parser.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    return parser


def main(argv: Sequence[str] | None = None, prog: str = "python -m imbrace.emulator") -> int:
    args = _parser(prog).parse_args(argv)
    import uvicorn

    from .app import create_app, emulator_state
    from .server import bind_socket

    settings = EmulatorSettings(
        api_key=args.api_key,
        db=args.db,
        chat_delay=args.chat_delay,
        embedding_delay=args.embedding_delay,
        validate=not args.no_validate,
        max_upload_bytes=int(args.max_upload_mb * (1 << 20)),
    )
    app = create_app(settings)
    store = f"SQLite file {args.db}" if args.db else "memory"
    auth = "only the configured API key" if args.api_key else "any credential"
    sock = bind_socket(args.host, args.port)
    port = sock.getsockname()[1]
    print(f"Imbrace emulator on http://{args.host}:{port} (state in {store}; accepts {auth})", flush=True)
    try:
        uvicorn.Server(uvicorn.Config(app, log_level=args.log_level, lifespan="off")).run(sockets=[sock])
    except KeyboardInterrupt:
        pass  # uvicorn shuts down gracefully, then re-raises the Ctrl-C it captured: that is a clean stop here
    finally:
        emulator_state(app).close()
    return 0


def missing_extra(exc: ModuleNotFoundError) -> bool:
    """Whether `exc` is a library of the `imbrace[emulator]` extra missing (not a module of imbrace itself)."""
    return (exc.name or "imbrace").partition(".")[0] != "imbrace"
