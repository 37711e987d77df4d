"""AI agents (assistants) and agent apps: one record per agent, seen through the v3 assistant, assistant_apps and
accounts routes and the legacy v2 routes alike. An agent has a UUID `id` and a storage `_id`; either finds it."""

from __future__ import annotations

from typing import Any

from ..errors import HttpError
from ..ids import new_object_id, new_uuid
from ..store import Doc, Store
from .base import Ctx, operation, stamp, touch

__all__ = ["AGENTS", "find_agent"]

AGENTS = "agents"

_DEFAULTS: dict[str, Any] = {
    "description": None,
    "instructions": None,
    "mode": "standard",
    "agent_type": "agent",
    "provider_id": "system",
    "model_id": "Default",
    "streaming": False,
    "show_thinking_process": False,
    "folder_ids": [],
    "board_ids": [],
    "file_ids": [],
    "knowledge_hubs": [],
    "sub_agents": [],
    "metadata": {},
    "version": 1,
}


def find_agent(store: Store, key: str) -> Doc | None:
    """The agent whose `id` or `_id` is `key`."""
    agent = store.get(AGENTS, key)
    if agent is None:
        agent = next((doc for doc in store.all(AGENTS) if doc.get("_id") == key), None)
    return agent


def _require(ctx: Ctx, key: str | None = None) -> Doc:
    key = key if key is not None else ctx.path["ai_agent_id"]
    agent = find_agent(ctx.store, key)
    if agent is None:
        raise HttpError(404, f"AI agent not found: {key}")
    return agent


def _create(ctx: Ctx, *, app: bool) -> Doc:
    body = ctx.json
    agent_id = new_uuid()
    doc: Doc = {**_DEFAULTS, **body, "_id": new_object_id(), "id": agent_id, "organization_id": ctx.organization_id}
    if app:
        doc.setdefault("workflow_name", body["name"])
        doc.setdefault("workflow", {"name": doc["workflow_name"], "steps": []})
    return ctx.store.put(AGENTS, agent_id, stamp(doc))


def _update(ctx: Ctx, changes: dict[str, Any]) -> Doc:
    agent = _require(ctx)
    return ctx.store.put(AGENTS, agent["id"], touch(agent, changes))


def _delete(ctx: Ctx) -> Doc:
    agent = _require(ctx)
    ctx.store.delete(AGENTS, agent["id"])
    return {"success": True, "message": "AI agent deleted", "id": agent["id"], "_id": agent["_id"]}


@operation("list_ai_agents")
def list_ai_agents(ctx: Ctx) -> list[Doc]:
    return ctx.store.all(AGENTS)


@operation("list_ai_agent_sub_agents")
def list_sub_agents(ctx: Ctx) -> list[Doc]:
    return ctx.store.all(AGENTS, lambda doc: not doc.get("is_orchestrator"))


@operation("check_ai_agent_name")
def check_name(ctx: Ctx) -> Doc:
    name = ctx.query("name") or ""
    taken = any(doc.get("name") == name for doc in ctx.store.all(AGENTS))
    return {"name": name, "available": not taken, "exist": taken}


@operation("get_ai_agent")
def get_agent(ctx: Ctx) -> Doc:
    return _require(ctx)


@operation("update_ai_agent_instructions")
def update_instructions(ctx: Ctx) -> Doc:
    return _update(ctx, {"instructions": ctx.json["instructions"]})


@operation("list_ai_agent_apps")
def list_apps(ctx: Ctx) -> Doc:
    apps = ctx.store.all(AGENTS)
    return {"data": apps, "total": len(apps)}


@operation("create_ai_agent")
def create_agent(ctx: Ctx) -> Doc:
    return _create(ctx, app=True)


@operation("get_ai_agent_app")
def get_app(ctx: Ctx) -> Doc:
    return _require(ctx)


@operation("update_ai_agent")
def update_agent(ctx: Ctx) -> Doc:
    return _update(ctx, ctx.json)


@operation("delete_ai_agent")
def delete_agent(ctx: Ctx) -> Doc:
    return _delete(ctx)


@operation("update_ai_agent_workflow")
def update_workflow(ctx: Ctx) -> Doc:
    return _update(ctx, {"workflow": ctx.json["workflow"]})


@operation("list_ai_agents_v2")
def list_agents_v2(ctx: Ctx) -> Doc:
    agents = ctx.store.all(AGENTS)
    return {"data": agents, "total": len(agents)}


@operation("create_ai_agent_v2")
def create_agent_v2(ctx: Ctx) -> Doc:
    return _create(ctx, app=False)


@operation("update_ai_agent_v2")
def update_agent_v2(ctx: Ctx) -> Doc:
    return _update(ctx, ctx.json)


@operation("delete_ai_agent_v2")
def delete_agent_v2(ctx: Ctx) -> Doc:
    return _delete(ctx)


@operation("create_ai_agent_app_v2")
def create_app_v2(ctx: Ctx) -> Doc:
    return _create(ctx, app=True)
