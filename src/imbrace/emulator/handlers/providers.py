"""LLM providers, the system models and tool-server verification (AI service)."""

from __future__ import annotations

from typing import Any

from ..ids import new_object_id
from ..store import Doc
from .base import Ctx, operation, require, stamp, touch

PROVIDERS = "providers"

SYSTEM_MODELS: list[dict[str, Any]] = [
    {"name": "Default", "is_toolCall_available": True, "is_vision_available": True, "is_support_thinking": False},
    {"name": "gpt-4o", "is_toolCall_available": True, "is_vision_available": True, "is_support_thinking": False},
    {"name": "gpt-4o-mini", "is_toolCall_available": True, "is_vision_available": True, "is_support_thinking": False},
    {"name": "o3-mini", "is_toolCall_available": True, "is_vision_available": False, "is_support_thinking": True},
]


def _models(provider_type: str) -> list[dict[str, Any]]:
    return [
        {
            "name": f"{provider_type}-{size}",
            "provider": provider_type,
            "is_toolCall_available": True,
            "is_vision_available": size == "large",
            "is_support_thinking": False,
            "is_shown": True,
        }
        for size in ("small", "large")
    ]


def _require(ctx: Ctx) -> Doc:
    return require(ctx.store, PROVIDERS, ctx.path["provider_id"], "Provider")


@operation("list_providers")
def list_providers(ctx: Ctx) -> list[Doc]:
    return ctx.store.all(PROVIDERS)


@operation("create_provider")
def create_provider(ctx: Ctx) -> Doc:
    key = new_object_id()
    body = ctx.json
    provider = {
        "config": None,
        **body,
        "_id": key,
        "id": key,
        "provider_id": key,
        "source": "custom",
        "is_shown": True,
        "organization_id": ctx.organization_id,
        "models": _models(body["type"]),
    }
    return ctx.store.put(PROVIDERS, key, stamp(provider))


@operation("update_provider")
def update_provider(ctx: Ctx) -> Doc:
    provider = _require(ctx)
    return ctx.store.put(PROVIDERS, provider["_id"], touch(provider, ctx.json))


@operation("delete_provider")
def delete_provider(ctx: Ctx) -> Doc:
    provider = _require(ctx)
    ctx.store.delete(PROVIDERS, provider["_id"])
    return {"success": True, "message": "Provider deleted", "_id": provider["_id"]}


@operation("refresh_provider_models")
def refresh_models(ctx: Ctx) -> Doc:
    provider = _require(ctx)
    return ctx.store.put(PROVIDERS, provider["_id"], touch(provider, {"models": _models(provider["type"])}))


@operation("get_llm_models")
def get_llm_models(ctx: Ctx) -> Doc:
    return {"success": True, "message": "OK", "data": SYSTEM_MODELS}


@operation("verify_tool_server")
def verify_tool_server(ctx: Ctx) -> Doc:
    url = ctx.json["url"]
    if not url.startswith(("http://", "https://")):
        return {"success": False, "message": f"Not an HTTP(S) URL: {url}", "tools": None}
    tools = [{"name": "echo", "description": "Repeats its input (emulated tool server)."}]
    return {"success": True, "message": "The tool server answered", "tools": tools}
