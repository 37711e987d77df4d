"""The emulator's ASGI app: every operation of both specs on one origin, plus the `/_emulator` admin routes.

A request goes through: match the operation -> check the credential (from the headers alone: nothing of the body is
read for a caller who may not send it) -> apply an injected fault -> read the body (up to `max_upload_bytes`; a
multipart one parsed as it arrives, its files spooled to disk) and count the request -> parse and validate it against
the spec -> the operation's handler -> (a `cut` fault breaks the response).
"""

from __future__ import annotations

import asyncio
import math

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .admin import admin_routes
from .agent_rejections import reject
from .auth import credential_of
from .config import EmulatorSettings
from .errors import HttpError, error_response
from .fastapi_errors import check_organization
from .faults import Fault
from .guard import read_payload
from .handlers import HANDLERS, Ctx
from .handlers.generic import generic
from .journal import Entry, Journal
from .multipart import Form
from .responses import CutResponse, quiet_injected_cuts
from .routing import Match
from .specs import VENDOR, operations
from .state import EmulatorState
from .validation import InvalidRequest

__all__ = ["create_app", "emulator_state"]

_ALL_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]


def create_app(settings: EmulatorSettings | None = None) -> Starlette:
    """A new emulator with its own state; `emulator_state(app)` reaches that state.

    Every operation of ours has a hand-written handler; a vendor operation has one only where it overrides the
    generic handler.
    """
    declared = {op.operation_id for op in operations()}
    ours = {op.operation_id for op in operations() if op.service not in VENDOR}
    missing, unknown = sorted(ours - set(HANDLERS)), sorted(set(HANDLERS) - declared)
    if missing or unknown:
        raise RuntimeError(f"operations without a handler: {missing}; handlers of no operation: {unknown}")
    quiet_injected_cuts()
    app = Starlette(routes=[*admin_routes(), Route("/{path:path}", dispatch, methods=_ALL_METHODS)])
    app.state.emulator = EmulatorState(settings or EmulatorSettings())
    return app


def emulator_state(app: Starlette) -> EmulatorState:
    state: EmulatorState = app.state.emulator
    return state


async def dispatch(request: Request) -> Response:
    state = emulator_state(request.app)
    method, path = request.method, request.url.path
    raw_path = (request.scope.get("raw_path") or path.encode()).split(b"?", 1)[0]
    match = state.router.match(method, raw_path.decode("latin-1"))
    route = match.operation.route if match else None
    try:
        credential = _credential(state, request, match)
    except HttpError as error:
        state.requests.record(method, path, route, b"")
        return error_response(method, path, error)
    fault = state.faults.take(method, path, route)
    if fault is not None and fault.kind == "slow":
        await asyncio.sleep(fault.delay)
    try:
        body = await read_payload(request, state.settings.max_upload_bytes)
    except HttpError as error:
        state.requests.record(method, path, route, b"")
        return error_response(method, path, error)
    try:
        if isinstance(body, Form):
            state.requests.record(method, path, route, b"", sha256=body.sha256)
        else:
            state.requests.record(method, path, route, body)
        if fault is not None and fault.kind == "status":
            return _fault_response(method, path, fault)
        response = _answer(state, request, match, credential, body)
    finally:
        if isinstance(body, Form):
            body.close()
    _journal(state.journal, request, raw_path, match, body, response)
    if fault is not None and fault.kind == "cut":
        return CutResponse(response, fault.after)
    return response


def _credential(state: EmulatorState, request: Request, match: Match | None) -> str | None:
    """The caller's credential; HttpError(401) when the operation is secured and the credential is not good."""
    if match is not None and match.operation.secured:
        return state.auth.check(request.headers)
    return credential_of(request.headers)


def _answer(
    state: EmulatorState, request: Request, match: Match | None, credential: str | None, body: bytes | Form
) -> Response:
    method, path = request.method, request.url.path
    try:
        if match is None:
            raise HttpError(404, _not_found(method, path))
        op = match.operation
        check_organization(op, request.headers)
        try:
            parsed = state.validator.parse(op, request.query_params, request.headers.get("content-type", ""), body)
        except InvalidRequest as invalid:
            raise reject(op, invalid) from None
        handler = HANDLERS.get(op.operation_id, generic)
        reply = handler(Ctx(request, state, match.params, credential, parsed.body, parsed.form, op))
    except HttpError as error:
        return error_response(method, path, error)
    return reply if isinstance(reply, Response) else JSONResponse(reply)


def _journal(
    journal: Journal, request: Request, raw_path: bytes, match: Match | None, body: bytes | Form, response: Response
) -> None:
    journal.record(
        Entry(
            method=request.method,
            raw_path=raw_path.decode("latin-1"),
            route=match.operation.route if match else None,
            params=dict(match.params) if match else {},
            query=list(request.query_params.multi_items()),
            body=body if isinstance(body, bytes) else b"",
            status=response.status_code,
            reply=_sent(response),
        )
    )


def _sent(response: Response) -> bytes | None:
    """The reply's bytes; None for a streamed or file reply (those have no `body`)."""
    content = getattr(response, "body", None)
    return bytes(content) if isinstance(content, (bytes, memoryview)) else None


def _fault_response(method: str, path: str, fault: Fault) -> Response:
    headers = {}
    if fault.retry_after is not None:
        headers["retry-after"] = str(math.ceil(fault.retry_after))
        headers["retry-after-ms"] = str(int(fault.retry_after * 1000))
    error = HttpError(fault.status, f"Injected fault: {fault.status}", headers=headers)
    return error_response(method, path, error)


def _not_found(method: str, path: str) -> str:
    if path.startswith("/ai-agent/"):
        return f"API endpoint not found: {method} {path}"
    return f"Cannot {method} {path}"
