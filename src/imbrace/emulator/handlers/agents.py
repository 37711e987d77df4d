"""AI agents (assistants) as the AI service keeps them: one record per agent, keyed by its UUID `id` (no `_id`),
seen through the assistants, assistant_apps and accounts routes (and the hosted platform's app and v2 routes).

Creates and updates are checked by hand as the service's `validate_create_assistant_app_input` does (helper.py),
answering 400 `[ERROR: ...]`; an update is a full replace (utils/app_service.py `update`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import HttpError
from ..ids import new_uuid
from ..store import Doc, Store
from .base import Ctx, operation, stamp, touch

__all__ = ["AGENTS", "find_agent", "generated_instructions"]

AGENTS = "agents"
_NOT_FOUND = "Assistant not found"
# The settings the service's create/update read, with the value it stores when a body leaves one out.
_INPUT_DEFAULTS: dict[str, Any] = {
    "description": None,
    "instructions": None,
    "file_ids": None,
    "folder_ids": None,
    "board_ids": None,
    "metadata": None,
    "provider_id": None,
    "credential_id": None,
    "credential_name": None,
    "mode": None,
    "channel": None,
    "category": None,
    "personality_role": None,
    "core_task": None,
    "tone_and_style": None,
    "response_length": None,
    "banned_words": None,
    "knowledge_hubs": [],
    "workflow_function_call": [],
    "model_id": "",
    "show_thinking_process": False,
    "preload_information": "",
    "preload_information_type": "",
    "guardrail_id": "",
    "agent_type": "agent",
    "sub_agents": [],
    "streaming": False,
    "temperature": 0.1,
    "use_memory": True,
    "default_folder_id": None,
    "document_ai": None,
    "vibe_code": False,
}
_INSTRUCTION_PARTS = (
    ("personality_role", "Personality and Role"),
    ("core_task", "Core Task"),
    ("tone_and_style", "Tone and Style"),
    ("response_length", "Response Length"),
    ("banned_words", "Banned Words"),
)


def find_agent(store: Store, key: str) -> Doc | None:
    """The agent whose `id` (or, in a store an older emulator wrote, `_id`) is `key`."""
    agent = store.get(AGENTS, key)
    if agent is None:
        agent = next((doc for doc in store.all(AGENTS) if doc.get("_id") == key), None)
    return agent


def generated_instructions(settings: dict[str, Any]) -> str:
    """The system prompt the service writes from an agent's personality fields (`generate_ai_assistant_instruction`).

    The wording is the emulator's approximation; the service's starts the same way and lists the same fields.
    """
    lines = [f"- {label}: {settings[key]}" for key, label in _INSTRUCTION_PARTS if settings.get(key)]
    return "Please strictly follow the following settings:\n" + "\n".join(lines)


def _rejected(message: str) -> HttpError:
    return HttpError(400, message, detail=f"[ERROR: {message}]")


def _check(ok: bool, message: str) -> None:
    if not ok:
        raise _rejected(message)


def _validated(body: Any) -> dict[str, Any]:
    """The service's checks of a create or update body, in its order; the settings it goes on with."""
    _check(isinstance(body, dict), "Request body must be a dictionary.")
    name, workflow = body.get("name"), body.get("workflow_name")
    _check(bool(name) and isinstance(name, str) and len(name) <= 256, "Invalid assistant name.")
    description = body.get("description")
    _check(
        not description or (isinstance(description, str) and len(description) <= 512), "Invalid assistant description."
    )
    for key, label in (("file_ids", "file IDs"), ("folder_ids", "folder IDs"), ("board_ids", "board IDs")):
        _check(not body.get(key) or isinstance(body[key], list), f"Invalid assistant {label}.")
    _check(not body.get("sub_agents") or isinstance(body["sub_agents"], list), "Invalid sub-agents input.")
    _check(not body.get("metadata") or isinstance(body["metadata"], dict), "Invalid assistant metadata.")
    _check(body.get("provider_id") is None or isinstance(body["provider_id"], str), "Invalid provider_id.")
    _check(bool(workflow) and isinstance(workflow, str) and len(workflow) <= 256, "Invalid workflow name.")
    temperature = body.get("temperature", 0.1)
    _check(not temperature or (_is_number(temperature) and 0 <= temperature <= 2), "Invalid assistant temperature.")
    _check(isinstance(body.get("vibe_code", False), bool), "Invalid vibe_coding - must be a boolean.")
    settings = {key: body.get(key, default) for key, default in _INPUT_DEFAULTS.items()}
    for key in ("knowledge_hubs", "workflow_function_call", "model_id", "preload_information", "guardrail_id"):
        settings[key] = settings[key] or _INPUT_DEFAULTS[key]
    settings["show_thinking_process"] = bool(settings["show_thinking_process"])
    return {**settings, "name": name, "workflow_name": workflow, "version": str(body.get("version", 1))}


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _owned(ctx: Ctx, key: str | None = None, *, message: str = _NOT_FOUND) -> Doc:
    """The caller's organization's agent, or the service's 400 for a missing one."""
    key = key if key is not None else ctx.path["ai_agent_id"]
    agent = find_agent(ctx.store, key)
    if agent is None or agent.get("organization_id") != ctx.organization_id:
        raise _rejected(message)
    return agent


def _of_organization(ctx: Ctx, keep: Callable[[Doc], bool] = lambda doc: True) -> list[Doc]:
    return ctx.store.all(AGENTS, lambda doc: doc.get("organization_id") == ctx.organization_id and keep(doc))


@operation("list_ai_agents")
def list_ai_agents(ctx: Ctx) -> list[Doc]:
    return _of_organization(ctx)


@operation("list_ai_agent_sub_agents")
def list_sub_agents(ctx: Ctx) -> list[Doc]:
    excluded = ctx.query("assistant_id")
    return _of_organization(ctx, lambda doc: doc.get("agent_type") != "team_lead" and doc["id"] != excluded)


@operation("check_ai_agent_name")
def check_name(ctx: Ctx) -> Doc:
    name = ctx.query("name")
    return {"exist": bool(_of_organization(ctx, lambda doc: doc.get("name") == name))}


@operation("get_ai_agent")
def get_agent(ctx: Ctx) -> Doc:
    return _owned(ctx, message=f"404: {_NOT_FOUND}")


@operation("update_ai_agent_instructions")
def update_instructions(ctx: Ctx) -> Doc:
    core_task = ctx.json.get("instructions")
    if not core_task:
        raise _rejected("400: core_task is required")
    agent = _owned(ctx, message=f"404: {_NOT_FOUND}")
    instructions = generated_instructions({**agent, "core_task": core_task})
    return ctx.store.put(AGENTS, agent["id"], touch(agent, {"core_task": core_task, "instructions": instructions}))


@operation("create_ai_agent")
def create_agent(ctx: Ctx) -> Doc:
    settings = _validated(ctx.body)
    agent_id = new_uuid()
    doc = {
        **settings,
        "id": agent_id,
        "organization_id": ctx.organization_id,
        "mode": settings["mode"] or "advanced",
        "file_ids": settings["file_ids"] or [],
        "folder_ids": settings["folder_ids"] or [],
        "board_ids": settings["board_ids"] or [],
        "model": "rag",
        "instructions": settings["instructions"] or generated_instructions(settings),
    }
    return ctx.store.put(AGENTS, agent_id, stamp(doc))


@operation("update_ai_agent")
def update_agent(ctx: Ctx) -> Doc:
    settings = _validated(ctx.body)
    agent = _owned(ctx)
    kept = {key: agent.get(key) or [] for key in ("file_ids", "folder_ids", "board_ids") if settings[key] is None}
    changes = {
        **settings,
        **kept,
        "mode": settings["mode"] or "standard",
        "metadata": {**(agent.get("metadata") or {}), **(settings["metadata"] or {})},
        "instructions": generated_instructions(settings),
    }
    return ctx.store.put(AGENTS, agent["id"], touch(agent, changes))


def _delete(ctx: Ctx) -> Doc:
    agent = _owned(ctx)
    ctx.store.delete(AGENTS, agent["id"])
    return {"id": agent["id"], "object": "assistant.deleted", "deleted": True}


@operation("delete_ai_agent")
def delete_agent(ctx: Ctx) -> Doc:
    return _delete(ctx)


# The hosted platform's routes (unverified: the open-source service serves none of them), on the same records.


@operation("list_ai_agent_apps")
def list_apps(ctx: Ctx) -> Doc:
    apps = _of_organization(ctx)
    return {"data": apps, "total": len(apps)}


@operation("get_ai_agent_app")
def get_app(ctx: Ctx) -> Doc:
    return _owned(ctx)


@operation("update_ai_agent_workflow")
def update_workflow(ctx: Ctx) -> Doc:
    agent = _owned(ctx)
    return ctx.store.put(AGENTS, agent["id"], touch(agent, {"workflow": ctx.json["workflow"]}))


@operation("list_ai_agents_v2")
def list_agents_v2(ctx: Ctx) -> Doc:
    agents = _of_organization(ctx)
    return {"data": agents, "total": len(agents)}


def _create_v2(ctx: Ctx) -> Doc:
    agent_id = new_uuid()
    doc = {**_INPUT_DEFAULTS, **ctx.json, "id": agent_id, "organization_id": ctx.organization_id, "version": "1"}
    return ctx.store.put(AGENTS, agent_id, stamp(doc))


@operation("create_ai_agent_v2")
def create_agent_v2(ctx: Ctx) -> Doc:
    return _create_v2(ctx)


@operation("create_ai_agent_app_v2")
def create_app_v2(ctx: Ctx) -> Doc:
    return _create_v2(ctx)


@operation("update_ai_agent_v2")
def update_agent_v2(ctx: Ctx) -> Doc:
    agent = _owned(ctx)
    return ctx.store.put(AGENTS, agent["id"], touch(agent, ctx.json))


@operation("delete_ai_agent_v2")
def delete_agent_v2(ctx: Ctx) -> Doc:
    return _delete(ctx)
