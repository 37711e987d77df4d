"""`Emulator`: the emulator served by uvicorn in a daemon thread, on a free loopback port by default."""

from __future__ import annotations

import socket
import threading
import time
from types import TracebackType
from typing import Any

import uvicorn
from typing_extensions import Self

from .app import create_app, emulator_state
from .config import EmulatorSettings
from .journal import Entry
from .state import EmulatorState

__all__ = ["Emulator"]

_START_TIMEOUT = 10.0
_STOP_TIMEOUT = 5.0


def bind_socket(host: str, port: int) -> socket.socket:
    """A listening TCP socket for uvicorn; port 0 picks a free one (read it back with `getsockname()`).

    IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY only on sockets whose proto says TCP (else each response waits
    ~40 ms for a delayed ACK between its header and body writes).
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    return sock


class Emulator:
    """A running emulator for tests and demos.

        with Emulator() as emulator:
            client = ImbraceClient(api_key="test-key", gateway=emulator.url)

    `port=0` picks a free port. An instance starts once; stopping it closes its database file. Faults, request
    counts and reset are available in-process (`add_fault`, `requests`, `reset`) and over HTTP under `/_emulator`;
    the last requests and replies whole in-process only (`journal`).
    """

    def __init__(self, settings: EmulatorSettings | None = None, *, host: str = "127.0.0.1", port: int = 0) -> None:
        self.settings = settings or EmulatorSettings()
        self.host = host
        self.port = port
        self.app = create_app(self.settings)
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._stopped = False

    @property
    def state(self) -> EmulatorState:
        return emulator_state(self.app)

    @property
    def url(self) -> str:
        """The origin to pass as the client's `gateway` (the AI-agent service is at `<url>/ai-agent`)."""
        if self._server is None:
            raise RuntimeError("the emulator is not running; call start() or use it as a context manager")
        return f"http://{self.host}:{self.port}"

    def start(self) -> Self:
        if self._server is not None or self._stopped:
            raise RuntimeError("an Emulator starts once; make a new one (the same `db` file keeps the state)")
        sock = bind_socket(self.host, self.port)
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(
            self.app, log_level="warning", access_log=False, lifespan="off", timeout_graceful_shutdown=1
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="imbrace-emulator", daemon=True)
        self._server, self._thread = server, thread
        thread.start()
        self._wait_started(server, thread, sock)
        return self

    def _wait_started(self, server: uvicorn.Server, thread: threading.Thread, sock: socket.socket) -> None:
        deadline = time.monotonic() + _START_TIMEOUT
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                self._server = self._thread = None
                server.should_exit = True
                sock.close()
                raise RuntimeError(f"the emulator did not start on {self.host}:{self.port}")
            time.sleep(0.002)

    def stop(self) -> None:
        """Stop serving and release the port and the database file; safe to call twice."""
        server, thread = self._server, self._thread
        self._server = self._thread = None
        self._stopped = True
        if server is not None and thread is not None:
            server.should_exit = True
            thread.join(_STOP_TIMEOUT)
            if thread.is_alive():
                server.force_exit = True
                thread.join(_STOP_TIMEOUT)
        self.state.close()

    def add_fault(self, **fault: Any) -> dict[str, Any]:
        """Inject a fault (the fields of `POST /_emulator/faults`); returns it with its id."""
        return self.state.faults.add(fault).to_dict()

    def clear_faults(self) -> None:
        self.state.faults.clear()

    def requests(self) -> dict[str, Any]:
        """Request counts (`GET /_emulator/requests`)."""
        return self.state.requests.snapshot()

    def journal(self) -> list[Entry]:
        """The last requests answered, whole (see `journal.py`): for tests that assert what was sent and received."""
        return self.state.journal.entries()

    def reset(self) -> None:
        """Forget every document, fault and count."""
        self.state.reset()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        where = self.url if self._server is not None else "stopped"
        return f"Emulator({where})"
