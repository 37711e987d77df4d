"""Guardrails (output filters for agents) and the guardrail providers that evaluate them."""

from __future__ import annotations

from typing import Any

from ..errors import HttpError
from ..ids import new_object_id
from ..store import Doc
from .base import Ctx, operation, require, stamp, touch

GUARDRAILS = "guardrails"
GUARDRAIL_PROVIDERS = "guardrail_providers"


def _provider_ref(ctx: Ctx, body: dict[str, Any]) -> Doc | None:
    """The provider a custom guardrail names (400 without one, 404 when it does not exist)."""
    provider_id = body.get("guardrail_provider_id")
    if provider_id is None:
        if body.get("model") == "custom":
            raise HttpError(400, "guardrail_provider_id is required when model is 'custom'")
        return None
    provider = require(ctx.store, GUARDRAIL_PROVIDERS, provider_id, "Guardrail provider")
    return {key: provider[key] for key in ("guardrail_provider_id", "name", "type", "config")}


@operation("list_guardrails")
def list_guardrails(ctx: Ctx) -> list[Doc]:
    return ctx.store.all(GUARDRAILS)


@operation("create_guardrail")
def create_guardrail(ctx: Ctx) -> Doc:
    body, key = ctx.json, new_object_id()
    doc = {
        "description": None,
        "unsafe_categories": [],
        "custom_unsafe_patterns": [],
        "competitor_keywords": [],
        **body,
        "_id": key,
        "guardrails_config_id": key,
        "provider": _provider_ref(ctx, body),
        "org_id": ctx.organization_id,
        "status": "active",
        "version": 1,
    }
    ctx.store.put(GUARDRAILS, key, stamp(doc))
    return {"message": "Guardrail created", "status": "success", "guardrails_config_id": key, "_id": key}


@operation("update_guardrail")
def update_guardrail(ctx: Ctx) -> Doc:
    guardrail = require(ctx.store, GUARDRAILS, ctx.path["guardrail_id"], "Guardrail")
    body, key = ctx.json, guardrail["_id"]
    changes = {**body, "provider": _provider_ref(ctx, body), "version": guardrail["version"] + 1}
    ctx.store.put(GUARDRAILS, key, touch(guardrail, changes))
    return {"message": "Guardrail updated", "status": "success", "guardrails_config_id": key, "_id": key}


@operation("delete_guardrail")
def delete_guardrail(ctx: Ctx) -> Doc:
    key = ctx.path["guardrail_id"]
    if ctx.store.delete(GUARDRAILS, key) is None:
        raise HttpError(404, f"Guardrail not found: {key}")
    return {"success": True, "message": "Guardrail deleted", "_id": key}


@operation("get_guardrail")
def get_guardrail(ctx: Ctx) -> Doc:
    return require(ctx.store, GUARDRAILS, ctx.path["guardrail_id"], "Guardrail")


@operation("list_guardrail_providers")
def list_guardrail_providers(ctx: Ctx) -> Doc:
    providers = ctx.store.all(GUARDRAIL_PROVIDERS)
    return {"data": providers, "total": len(providers)}


@operation("create_guardrail_provider")
def create_guardrail_provider(ctx: Ctx) -> Doc:
    key = new_object_id()
    doc = {"config": {}, **ctx.json, "_id": key, "guardrail_provider_id": key}
    return ctx.store.put(GUARDRAIL_PROVIDERS, key, stamp(doc))


def _require_provider(ctx: Ctx) -> Doc:
    return require(ctx.store, GUARDRAIL_PROVIDERS, ctx.path["provider_id"], "Guardrail provider")


@operation("get_guardrail_provider")
def get_guardrail_provider(ctx: Ctx) -> Doc:
    return _require_provider(ctx)


@operation("update_guardrail_provider")
def update_guardrail_provider(ctx: Ctx) -> Doc:
    provider = _require_provider(ctx)
    return ctx.store.put(GUARDRAIL_PROVIDERS, provider["_id"], touch(provider, ctx.json))


@operation("delete_guardrail_provider")
def delete_guardrail_provider(ctx: Ctx) -> Doc:
    provider = _require_provider(ctx)
    ctx.store.delete(GUARDRAIL_PROVIDERS, provider["_id"])
    return {"success": True, "message": "Guardrail provider deleted", "_id": provider["_id"]}


@operation("test_guardrail_provider")
def test_guardrail_provider(ctx: Ctx) -> Doc:
    provider = _require_provider(ctx)
    result = {"flagged": False, "categories": [], "prompt": ctx.json["prompt"]}
    return {"success": True, "message": f"{provider['name']} answered", "result": result}


@operation("get_guardrail_provider_models")
def get_guardrail_provider_models(ctx: Ctx) -> Doc:
    provider = _require_provider(ctx)
    kind = provider.get("type") or "custom"
    return {"models": [{"id": f"{kind}-moderation", "name": f"{kind} moderation"}]}
