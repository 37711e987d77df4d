"""The emulator's own routes under `/_emulator` (outside the specs): faults, request counts, reset.

They take the configured API key when there is one, JSON bodies only, and no cross-site request (see `guard`).

POST   /_emulator/faults    {"kind": "status", "method": "POST", "path": "/ai-agent/v2/chat", "times": 2,
                             "status": 503, "retry_after": 1}            -> 201 the fault, with its id
GET    /_emulator/faults                                                 -> {"faults": [...]} (still active)
DELETE /_emulator/faults                                                 -> {"ok": true}
GET    /_emulator/requests  -> {"total", "counts": {"POST /ai-agent/v2/chat": 1}, "routes": {...}, "log": [...]}
DELETE /_emulator/requests                                               -> {"ok": true}
POST   /_emulator/reset     forget all documents, faults and counts     -> {"ok": true}
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .errors import HttpError
from .faults import FaultError
from .guard import check_admin
from .state import EmulatorState

__all__ = ["admin_routes"]


def _state(request: Request) -> EmulatorState:
    state: EmulatorState = request.app.state.emulator
    return state


async def list_faults(request: Request) -> JSONResponse:
    return JSONResponse({"faults": _state(request).faults.active()})


async def add_fault(request: Request) -> JSONResponse:
    try:
        spec = json.loads(await request.body())
        if not isinstance(spec, dict):
            raise FaultError("a fault is a JSON object")
        fault = _state(request).faults.add(spec)
    except (ValueError, RecursionError, FaultError) as exc:
        return JSONResponse({"error": str(exc)}, status_code=400)
    return JSONResponse(fault.to_dict(), status_code=201)


async def clear_faults(request: Request) -> JSONResponse:
    _state(request).faults.clear()
    return JSONResponse({"ok": True})


async def list_requests(request: Request) -> JSONResponse:
    return JSONResponse(_state(request).requests.snapshot())


async def clear_requests(request: Request) -> JSONResponse:
    _state(request).requests.clear()
    return JSONResponse({"ok": True})


async def reset(request: Request) -> JSONResponse:
    _state(request).reset()
    return JSONResponse({"ok": True})


def _guarded(handler: Callable[[Request], Awaitable[JSONResponse]]) -> Callable[[Request], Awaitable[Response]]:
    async def guarded(request: Request) -> Response:
        try:
            check_admin(_state(request), request)
        except HttpError as error:
            return JSONResponse({"error": error.message}, status_code=error.status)
        return await handler(request)

    return guarded


def admin_routes() -> list[Route]:
    return [
        Route("/_emulator/faults", _guarded(list_faults), methods=["GET"]),
        Route("/_emulator/faults", _guarded(add_fault), methods=["POST"]),
        Route("/_emulator/faults", _guarded(clear_faults), methods=["DELETE"]),
        Route("/_emulator/requests", _guarded(list_requests), methods=["GET"]),
        Route("/_emulator/requests", _guarded(clear_requests), methods=["DELETE"]),
        Route("/_emulator/reset", _guarded(reset), methods=["POST"]),
    ]
