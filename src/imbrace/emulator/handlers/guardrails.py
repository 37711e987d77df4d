"""Guardrails and guardrail providers, as the AI service answers them (routers/guardrail.py, guardrail_providers.py).

Guardrails are keyed by `guardrails_config_id`, providers by `guardrail_provider_id` (neither has `_id` or `id`).
Both creates check their body in two layers, as the service does: its pydantic model (422 with pydantic errors),
then by hand (guardrail create: 400 "Invalid input for guardrail creation." without the reason; provider type: 500).
"""

from __future__ import annotations

from typing import Any

from ..errors import HttpError
from ..fastapi_errors import missing
from ..ids import new_uuid
from ..store import Doc
from .base import Ctx, operation, stamp, touch

GUARDRAILS = "guardrails"
GUARDRAIL_PROVIDERS = "guardrail_providers"
GUARDRAIL_PROVIDER_TYPES = ("openai", "nim-nemo", "llamaguard", "ollama")

_GUARDRAIL_FIELDS = (
    "org_id", "guardrails_config_id", "unsafe_categories", "custom_unsafe_patterns", "competitor_keywords",
    "created_at", "updated_at", "model", "name", "description", "instructions", "guardrail_provider_id", "provider",
)  # fmt: skip
_LISTS = ("unsafe_categories", "custom_unsafe_patterns", "competitor_keywords")
_CONFIG_DEFAULTS: dict[str, Any] = {"api_key": "", "timeout": 30}
_CONFIG_TYPES = {"api_key": str, "timeout": int, "model": str, "base_url": str, "check_endpoint": str}
_CONFIG_TYPES |= {"model_name": str, "max_tokens": int}


def _model_errors(body: Any, strings: tuple[str, ...]) -> None:
    """The pydantic layer: required strings present and strings, list fields lists of strings (422)."""
    if not isinstance(body, dict):
        raise HttpError(
            422,
            "invalid body",
            detail=[{"type": "dict_type", "loc": ["body"], "msg": "Input should be a valid dictionary", "input": body}],
        )
    errors = [missing("body", key, body) for key in strings if key not in body]
    errors += [
        _type_error(key, body[key], "string") for key in strings if key in body and not isinstance(body[key], str)
    ]
    errors += [
        _type_error(key, body[key], "list")
        for key in _LISTS
        if body.get(key) is not None
        and not (isinstance(body[key], list) and all(isinstance(v, str) for v in body[key]))
    ]
    if errors:
        raise HttpError(422, "invalid body", detail=errors)


def _type_error(key: str, value: Any, kind: str) -> dict[str, Any]:
    return {"type": f"{kind}_type", "loc": ["body", key], "msg": f"Input should be a valid {kind}", "input": value}


def _hand_check(body: dict[str, Any]) -> str | None:
    """validate_guardrail_details: the first reason the body is refused, or None."""
    for key in ("unsafe_categories", "name", "model", "instructions"):
        if key not in body:
            return f"The field '{key}' is required."
        value = body[key]
        if key == "unsafe_categories":
            if not isinstance(value, list):
                return f"The field '{key}' must be an array of strings."
        elif not isinstance(value, str) or not value.strip():
            return f"The field '{key}' must be a non-empty string."
    return None


def _guardrail(ctx: Ctx, key: str) -> Doc:
    doc = ctx.store.get(GUARDRAILS, key)
    if doc is None or doc.get("org_id") != ctx.organization_id:
        raise HttpError(404, "Guardrail not found")
    return doc


def _model(doc: Doc) -> Doc:
    """A stored guardrail as `GuardrailModel` answers it."""
    return {key: doc.get(key) for key in _GUARDRAIL_FIELDS}


def _engine(model: str) -> str:
    return {"custom": "Custom guardrail", "model-armor": "Model Armor template"}.get(model, "NVIDIA Guardrail")


def _with_provider(ctx: Ctx, body: dict[str, Any]) -> dict[str, Any]:
    """A custom guardrail's provider reference (400 without an id, 404 for an unknown one)."""
    if body.get("model") != "custom":
        return {}
    provider_id = body.get("guardrail_provider_id")
    if not provider_id:
        raise HttpError(400, "guardrail_provider_id is required when model is 'custom'.")
    provider = ctx.store.get(GUARDRAIL_PROVIDERS, provider_id)
    if provider is None or provider.get("organization_id") != ctx.organization_id:
        raise HttpError(404, f"Guardrail provider {provider_id} not found.")
    return {"provider": {key: provider.get(key) for key in ("guardrail_provider_id", "name", "type", "config")}}


@operation("list_guardrails")
def list_guardrails(ctx: Ctx) -> list[Doc]:
    return [_model(doc) for doc in ctx.store.all(GUARDRAILS, lambda doc: doc.get("org_id") == ctx.organization_id)]


@operation("get_guardrail")
def get_guardrail(ctx: Ctx) -> Doc:
    return _model(_guardrail(ctx, ctx.path["guardrail_id"]))


@operation("create_guardrail")
def create_guardrail(ctx: Ctx) -> Doc:
    _model_errors(ctx.body, ("model", "name", "instructions"))
    body: dict[str, Any] = ctx.body
    if _hand_check(body) is not None:
        raise HttpError(400, "Invalid input for guardrail creation.")
    if body["model"] == "bedrock":
        raise HttpError(
            400,
            "Bedrock guardrails must be created via AWS Console. This API only fetches existing Bedrock guardrails.",
        )
    key = new_uuid()
    doc = {
        "description": "",
        **body,
        **_with_provider(ctx, body),
        "org_id": ctx.organization_id,
        "guardrails_config_id": key,
    }
    ctx.store.put(GUARDRAILS, key, stamp(doc))
    return {
        "message": f"{_engine(body['model'])} created successfully.",
        "guardrails_config_id": key,
        "status": "success",
    }


@operation("update_guardrail")
def update_guardrail(ctx: Ctx) -> Doc:
    _model_errors(ctx.body, ("model", "name", "instructions"))
    body: dict[str, Any] = ctx.body
    reason = _hand_check(body)
    if reason is not None:
        raise HttpError(400, reason)
    guardrail = _guardrail(ctx, ctx.path["guardrail_id"])
    key = guardrail["guardrails_config_id"]
    ctx.store.put(GUARDRAILS, key, touch(guardrail, {**body, **_with_provider(ctx, body)}))
    return {
        "message": f"{_engine(body['model'])} updated successfully.",
        "guardrails_config_id": key,
        "status": "success",
    }


@operation("delete_guardrail")
def delete_guardrail(ctx: Ctx) -> Doc:
    guardrail = _guardrail(ctx, ctx.path["guardrail_id"])
    key = guardrail["guardrails_config_id"]
    ctx.store.delete(GUARDRAILS, key)
    return {
        "message": f"{_engine(guardrail.get('model') or '')} deleted successfully.",
        "guardrails_config_id": key,
        "status": "success",
    }


# --- guardrail providers


def _provider(ctx: Ctx) -> Doc:
    provider = ctx.store.get(GUARDRAIL_PROVIDERS, ctx.path["provider_id"])
    if provider is None or provider.get("organization_id") != ctx.organization_id:
        raise HttpError(404, "Guardrail provider not found")
    return provider


def _config(config: Any, *, drop_none: bool) -> dict[str, Any]:
    """`GuardrailProviderConfig` as the service stores it (422 for a value of the wrong type)."""
    if not isinstance(config, dict):
        raise HttpError(
            422, "invalid config", detail=[_type_error("config", config, "dictionary") | {"type": "model_type"}]
        )
    wrong = [
        {**_type_error(key, value, kind.__name__), "loc": ["body", "config", key]}
        for key, kind in _CONFIG_TYPES.items()
        if (value := config.get(key)) is not None and not isinstance(value, kind)
    ]
    if wrong:
        raise HttpError(422, "invalid config", detail=wrong)
    known = {key: config.get(key, _CONFIG_DEFAULTS.get(key)) for key in _CONFIG_TYPES}
    return {key: value for key, value in known.items() if value is not None or not drop_none}


@operation("list_guardrail_providers")
def list_guardrail_providers(ctx: Ctx) -> list[Doc]:
    return ctx.store.all(GUARDRAIL_PROVIDERS, lambda doc: doc.get("organization_id") == ctx.organization_id)


@operation("create_guardrail_provider")
def create_guardrail_provider(ctx: Ctx) -> Doc:
    body = ctx.body if isinstance(ctx.body, dict) else {}
    errors = [missing("body", key, ctx.body) for key in ("name", "config") if key not in body]
    if errors:
        raise HttpError(422, "invalid body", detail=errors)
    config = _config(body["config"], drop_none=True)
    kind = body.get("type", "custom")
    if kind not in GUARDRAIL_PROVIDER_TYPES:
        message = f"400: Invalid provider type '{kind}'. Must be one of: {list(GUARDRAIL_PROVIDER_TYPES)}"
        raise HttpError(500, message)
    key = new_uuid()
    doc = {
        "guardrail_provider_id": key,
        "organization_id": ctx.organization_id,
        "name": body["name"],
        "type": kind,
        "config": config,
        "models_metadata": None,
        "source": "custom",
        "is_shown": True,
    }
    return ctx.store.put(GUARDRAIL_PROVIDERS, key, stamp(doc))


@operation("get_guardrail_provider")
def get_guardrail_provider(ctx: Ctx) -> Doc:
    return _provider(ctx)


@operation("update_guardrail_provider")
def update_guardrail_provider(ctx: Ctx) -> Doc:
    provider = _provider(ctx)
    body = ctx.json
    changes = {key: body[key] for key in ("name", "is_shown", "models_metadata") if body.get(key) is not None}
    if body.get("config") is not None:
        changes["config"] = _config(body["config"], drop_none=False)
    if not changes:
        raise HttpError(400, "No fields to update")
    return ctx.store.put(GUARDRAIL_PROVIDERS, provider["guardrail_provider_id"], touch(provider, changes))


@operation("delete_guardrail_provider")
def delete_guardrail_provider(ctx: Ctx) -> Doc:
    key = _provider(ctx)["guardrail_provider_id"]
    ctx.store.delete(GUARDRAIL_PROVIDERS, key)
    return {"message": "Guardrail provider deleted successfully", "guardrail_provider_id": key}


@operation("test_guardrail_provider")
def test_guardrail_provider(ctx: Ctx) -> Doc:
    key = _provider(ctx)["guardrail_provider_id"]
    return {"guardrail_provider_id": key, "status": "connected", "is_connected": True}


@operation("get_guardrail_provider_models")
def get_guardrail_provider_models(ctx: Ctx) -> Doc:
    kind = _provider(ctx).get("type") or "custom"
    names = ["omni-moderation-latest", "text-moderation-latest"] if kind == "openai" else [f"{kind}-guard"]
    return {"models": [{"name": name} for name in names]}
