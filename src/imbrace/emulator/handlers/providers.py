"""LLM providers, the system models and tool-server verification, as the AI service answers them.

Provider bodies are checked by hand (helper.py `validate_create_provider_input`: 400 with the reason, no `[ERROR]`),
then "checked live": the emulator knows the service's provider types and lists two models for each.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import PlainTextResponse

from ..errors import HttpError
from ..ids import new_uuid
from ..store import Doc
from .base import Ctx, operation, stamp, touch

PROVIDERS = "providers"
# The provider types the service has an LLM client for (utils/provider.py CONFIG_KEY_TO_PROVIDER_TYPE).
PROVIDER_TYPES = ("openai", "ollama", "lmstudio", "kimi", "bedrock", "vllm")

SYSTEM_MODELS: list[dict[str, Any]] = [
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


def _validated(body: Any) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise HttpError(400, "Request body must be a dictionary.")
    name, kind, config = body.get("name"), body.get("type"), body.get("config")
    if not name or not isinstance(name, str) or len(name) > 256:
        raise HttpError(400, "Invalid provider name.")
    if not kind or not isinstance(kind, str):
        raise HttpError(400, "Invalid provider type.")
    if not isinstance(config, dict):
        raise HttpError(400, "Invalid provider config.")
    if kind.lower() not in PROVIDER_TYPES:
        raise HttpError(
            400, f"Unable to connect to LLM provider '{kind}' with the given config: Unsupported LLM provider"
        )
    metadata = body.get("metadata", {})
    is_shown = body.get("is_shown", True)
    return {
        "name": name,
        "type": kind,
        "config": config,
        "metadata": metadata if isinstance(metadata, dict) else {},
        "source": "custom",
        "is_shown": is_shown if isinstance(is_shown, bool) else True,
        "models": [{**model, "is_shown": False} for model in _models(kind)],
    }


def _require(ctx: Ctx) -> Doc:
    provider = ctx.store.get(PROVIDERS, ctx.path["provider_id"])
    if provider is None or provider.get("organization_id") != ctx.organization_id:
        raise HttpError(404, "Provider not found")
    return provider


def _public(provider: Doc) -> Doc:
    """The provider as the service returns it (without `updated_at`)."""
    return {key: value for key, value in provider.items() if key != "updated_at"}


@operation("list_providers")
def list_providers(ctx: Ctx) -> list[Doc]:
    return [
        _public(doc) for doc in ctx.store.all(PROVIDERS, lambda doc: doc.get("organization_id") == ctx.organization_id)
    ]


@operation("create_provider")
def create_provider(ctx: Ctx) -> Doc:
    key = new_uuid()
    provider = {**_validated(ctx.body), "id": key, "provider_id": key, "organization_id": ctx.organization_id}
    return _public(ctx.store.put(PROVIDERS, key, stamp(provider)))


@operation("update_provider")
def update_provider(ctx: Ctx) -> Doc:
    settings = _validated(ctx.body)
    provider = _require(ctx)
    return _public(ctx.store.put(PROVIDERS, provider["id"], touch(provider, settings)))


@operation("delete_provider")
def delete_provider(ctx: Ctx) -> Doc:
    key = ctx.path["provider_id"]
    ctx.store.delete(PROVIDERS, key)
    return {"id": key, "object": "provider.deleted", "deleted": True}


@operation("refresh_provider_models")
def refresh_models(ctx: Ctx) -> Doc:
    provider = _require(ctx)
    known = {model["name"]: model for model in provider.get("models") or []}
    models = [known.get(model["name"], {**model, "is_shown": False}) for model in _models(provider["type"])]
    return _public(ctx.store.put(PROVIDERS, provider["id"], touch(provider, {"models": models})))


@operation("get_llm_models")
def get_llm_models(ctx: Ctx) -> Doc:
    return {"success": True, "message": "OK", "data": SYSTEM_MODELS}


@operation("verify_tool_server")
def verify_tool_server(ctx: Ctx) -> Doc | PlainTextResponse:
    """No network here: an emulated server with one tool. A body without `type` fails as the service's does."""
    body = ctx.json
    kind = body.get("type")
    if kind is None:
        return PlainTextResponse("Internal Server Error", status_code=500)
    specs = [{"name": "echo", "description": "Repeats its input (emulated tool server).", "parameters": {}}]
    if kind == "mcp":
        return {"status": True, "specs": specs}
    url = f"{body['url'].rstrip('/')}/{body['path'].lstrip('/')}" if body["path"] else body["url"]
    return {
        "type": "openapi",
        "url": body["url"],
        "connection_url": url,
        "headers": {},
        "openapi": {"openapi": "3.1.0", "info": {"title": "Emulated tools", "version": "1"}, "paths": {}},
        "info": {"title": "Emulated tools", "version": "1"},
        "specs": specs,
    }
