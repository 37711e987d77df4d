"""The handler of every vendor operation without a hand-written one: records kept by collection, from the spec alone.

`resources.py` says what the operation does (list, create, get, update, delete or an action), `vendor_styles.py`
how its service shapes records and pages. Creates store the body with a new id and timestamps; lists page with the
spec's parameters (`limit` with `offset`, `skip` or `cursor`) and keep only records whose fields equal the other
query parameters they name; updates (PUT, PATCH or POST) merge the body in; an unknown id is a 404 in the
service's error shape (`errors.py`). Actions change nothing and answer the example, or smallest instance, of their
reply schema. The request itself was validated against the spec before the handler runs.

A hand-written handler registered with `@operation(<operationId>)` replaces this one for that operation.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from starlette.responses import JSONResponse, Response

from ..errors import HttpError
from ..ids import now_iso
from ..resources import Role, role_of
from ..samples import sample
from ..specs import Operation, load_spec
from ..store import Doc
from ..vendor_styles import Page, Style, style_of
from .base import Ctx, Reply

__all__ = ["generic", "record_address"]

_PAGING = frozenset({"limit", "offset", "skip", "cursor"})


def generic(ctx: Ctx) -> Reply:
    op = ctx.operation
    if op is None:
        raise RuntimeError("the generic handler needs the request's operation")
    role, style = role_of(op), style_of(op.service)
    status, schema = _success(op)
    if role.kind == "action":
        return _answer(status, sample(schema))
    collection = _collection(op, role, ctx.path, ctx.organization_id)
    store = ctx.store
    if role.kind == "list":
        return _answer(status, style.page(_page(store.all(collection), ctx.request.query_params, style)))
    if role.kind == "create":
        now = now_iso()
        stamps = {style.id_field: style.new_id(), style.created_field: now, style.updated_field: now}
        doc = {**_object(sample(schema)), **ctx.json, **stamps}
        return _answer(style.created_status or status, style.item(store.put(collection, doc[style.id_field], doc)))
    key = ctx.path[role.key or ""]
    found = store.get(collection, key)
    if found is None:
        raise HttpError(404, f"{_noun(role)} not found: {key}")
    if role.kind == "update":
        found = store.put(collection, key, {**found, **ctx.json, style.updated_field: now_iso()})
    elif role.kind == "delete":
        store.delete(collection, key)
        return _answer(style.deleted_status or status, style.deleted(found))
    return _answer(status, style.item(found))


def record_address(op: Operation, path: Mapping[str, str], organization_id: str) -> tuple[str, str]:
    """(collection, key) where the record an item operation names is kept: for tests that seed records."""
    role = role_of(op)
    if role.key is None:
        raise ValueError(f"{op.operation_id} names no record")
    return _collection(op, role, path, organization_id), path[role.key]


def _collection(op: Operation, role: Role, path: Mapping[str, str], organization_id: str) -> str:
    """The store's name for a collection: one per organization, service, route and parent (`/boards/{boardId}/...`).

    The services keep each organization's records apart; so does the emulator, by the caller's `x-organization-id`.
    """
    parents = [path[segment[1:-1]] for segment in role.collection.split("/") if segment.startswith("{")]
    return json.dumps(["vendor", organization_id, op.service, _blanked(role.collection), parents])


def _blanked(route: str) -> str:
    return "/".join("{}" if segment.startswith("{") else segment for segment in route.split("/"))


def _noun(role: Role) -> str:
    literals = [segment for segment in role.collection.split("/") if segment and not segment.startswith("{")]
    return literals[-1] if literals else "Record"


def _page(docs: list[Doc], query: Mapping[str, str], style: Style) -> Page:
    filters = {name: value for name, value in query.items() if name not in _PAGING}
    kept = [doc for doc in docs if all(_text(doc[k]) == v for k, v in filters.items() if k in doc)]
    asked = query.get("limit")
    offset, limit = style.offset_of(query), int(asked) if asked else style.default_limit
    rows = kept[offset:] if limit is None else kept[offset : offset + limit]
    return Page(rows, offset, limit, len(kept))


def _text(value: Any) -> str:
    """A field's value as it would be written in a query string (`true`, not `True`)."""
    return value if isinstance(value, str) else json.dumps(value)


def _success(op: Operation) -> tuple[int, Mapping[str, Any] | None]:
    """The operation's success status (its first 2xx) and that reply's JSON schema, if the spec gives one."""
    responses = load_spec(op.service)["paths"][op.spec_path][op.method.lower()].get("responses", {})
    code = next((c for c in responses if str(c).startswith("2")), "200")
    content = responses.get(code, {}).get("content", {})
    return int(code), content.get("application/json", {}).get("schema")


def _object(value: Any) -> Doc:
    return value if isinstance(value, dict) else {}


def _answer(status: int, body: Any) -> Response:
    if status == 204:
        return Response(status_code=204)
    return JSONResponse(body, status_code=status)
