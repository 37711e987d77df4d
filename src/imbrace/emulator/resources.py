"""What a vendor operation does to the emulator's state, read from the shape of its route alone.

The vendor's specs declare no reply bodies (the workflow spec a few), so the generic handler infers each operation's
role from its spec's routes. These rules are guesses about services whose source is not public, written down here:

- a *collection* is a route with a GET or POST of its own and an item route below it (`/contacts` and
  `/contacts/{id}`), or a route with a GET whose operationId starts with `list` (`/contacts/{id}/comments`:
  empty until something is created there); GET on it lists, POST on it creates;
- POST on `<collection>/<literal>` whose operationId starts with `create` creates in that collection
  (`POST /channels/_web` makes a channel that `GET /channels/{id}` then finds);
- on `<collection>/{param}`: GET gets, PUT and PATCH merge the body in, DELETE deletes, and a POST whose
  operationId starts with `update` updates (the workflow service updates with POST);
- anything else is an *action*: it changes nothing and answers a sample of its reply schema.

A collection under path parameters is one collection per parent (`/boards/{boardId}/segmentation`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Literal

from .specs import Operation, Service, load_spec

__all__ = ["Kind", "Role", "role_of"]

Kind = Literal["list", "create", "get", "update", "delete", "action"]

_PARAM = re.compile(r"^\{([^}]+)\}$")


@dataclass(frozen=True)
class Role:
    """The operation's kind; for all but actions, its collection's spec path and, on item routes, the id's name."""

    kind: Kind
    collection: str = ""
    key: str | None = None


def role_of(op: Operation) -> Role:
    return _roles(op.service).get((op.method, op.spec_path), Role("action"))


@cache
def _roles(service: Service) -> dict[tuple[str, str], Role]:
    routes = set(_ops(service))
    by_path: dict[str, set[str]] = {}
    for method, path, _ in routes:
        by_path.setdefault(path, set()).add(method)
    collections = {_parent(path) for path in by_path if _last_param(path)}
    collections = {path for path in collections if by_path.get(path, set()) & {"GET", "POST"}}
    collections |= {path for method, path, op_id in routes if method == "GET" and op_id.startswith("list")}
    return {(method, path): _role(method, path, op_id, collections) for method, path, op_id in routes}


def _role(method: str, path: str, operation_id: str, collections: set[str]) -> Role:
    key = _last_param(path)
    if path in collections and method in ("GET", "POST"):
        return Role("list" if method == "GET" else "create", path)
    parent = _parent(path)
    if method == "POST" and operation_id.startswith("create") and key is None and parent in collections:
        return Role("create", parent)
    if key is not None and parent in collections:
        kinds: dict[str, Kind] = {"GET": "get", "PUT": "update", "PATCH": "update", "DELETE": "delete"}
        if method == "POST" and operation_id.startswith("update"):
            return Role("update", parent, key)
        if method in kinds:
            return Role(kinds[method], parent, key)
    return Role("action")


def _ops(service: Service) -> Iterable[tuple[str, str, str]]:
    """(METHOD, spec path, operationId) of every operation the spec declares, served by us or not."""
    for path, item in load_spec(service)["paths"].items():
        for method in ("get", "put", "post", "delete", "patch"):
            if method in item:
                yield method.upper(), path, item[method].get("operationId", "")


def _parent(path: str) -> str:
    return path.rstrip("/").rsplit("/", 1)[0]


def _last_param(path: str) -> str | None:
    match = _PARAM.match(path.rstrip("/").rsplit("/", 1)[-1])
    return match.group(1) if match else None
