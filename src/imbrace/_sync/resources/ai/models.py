# Generated from src/imbrace/_async/resources/ai/models.py by codegen/unasync.py: edit that file.
"""The system models and the organization's model providers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, cast

from typing_extensions import Unpack

from ...._ai_bodies import check_provider
from ...._completions import (
    SystemProvider,
    model_list,
    system_provider,
)
from ...._errors import APIError
from ...._generated.gateway.api.ai import (
    create_provider,
    delete_provider,
    get_llm_models,
    list_providers,
    refresh_provider_models,
    update_provider,
)
from ...._ids import with_both_ids
from ...._types import RequestOptions

if TYPE_CHECKING:
    from ...._generated.gateway.params import (
        CreateProviderBody,
        UpdateProviderBody,
    )
    from ...._generated.gateway.shapes import (
        AiDeleted,
        LlmModel,
        LlmModelList,
        Provider,
    )
from .completions import Completions

__all__ = ["Models"]


class Models(Completions):
    """The system models and the organization's model providers."""

    # --- models and providers

    def get_llm_models(self, **options: Unpack[RequestOptions]) -> LlmModelList:
        """GET /v3/ai/workflow-agent/models: the platform's built-in models, as the server sends them.

        Returns `{success, message, data}`; `data` lists `{name, is_toolCall_available, is_vision_available,
        is_support_thinking}`. `list_models()` returns that list alone.

        Example: `result = client.ai.get_llm_models()`
        """
        return self._json(get_llm_models.build_request(), options)

    def list_models(self, **options: Unpack[RequestOptions]) -> list[LlmModel]:
        """GET /v3/ai/workflow-agent/models: the built-in models available to AI agents and workflow agents.

        The documentation mentions `client.ai.list_models()` without defining it; this SDK defines it as the
        `data` list of `get_llm_models()` (the models the "system" provider exposes, e.g. for `model_id`), so
        `for model in client.ai.list_models(): print(model["name"])` works. Custom providers' models are on
        `list_providers()`. A reply without a model list raises `APIError`.

        Example: `names = [model["name"] for model in client.ai.list_models()]`
        """
        return model_list(self._json(get_llm_models.build_request(), options))

    def list_providers(
        self, include_system: bool = True, **options: Unpack[RequestOptions]
    ) -> list[Provider | SystemProvider]:
        """GET /v3/ai/providers: the organization's LLM providers, by default after a synthetic "system" provider.

        With `include_system=True` (the default) a second call, GET /v3/ai/workflow-agent/models, builds the first
        entry: `{"provider_id": "system", "name": "System Default", "_id": None, "id": None, "type": "system",
        "source": "system", "models": [...]}`. If that call fails, its typed error is raised (the previous SDK hid
        it and returned the list without the entry). `include_system=False` makes only the first call.

        Example: `custom = client.ai.list_providers(include_system=False)`
        """
        providers = with_both_ids(self._json(list_providers.build_request(), options))
        if not include_system:
            return providers
        system = system_provider(model_list(self._json(get_llm_models.build_request(), options)))
        if isinstance(providers, list):
            return [system, *providers]
        if isinstance(providers, Mapping) and isinstance(providers.get("data"), list):
            return cast("list[Provider | SystemProvider]", {**providers, "data": [system, *providers["data"]]})
        raise APIError("unexpected reply from GET /v3/ai/providers: not a list of providers", body=providers)

    def create_provider(self, body: CreateProviderBody, **options: Unpack[RequestOptions]) -> Provider:
        """POST /v3/ai/providers: add a custom LLM provider: `{name, type, config}`, its settings inside `config`.

        The service checks the settings live (it lists the provider's models) and refuses types it has no client
        for. A body without a `config` object raises `ValueError` before sending (the documentation's top-level
        `api_key`/`base_url` are refused by the service). Returns the provider; its id is `id` (also `_id`).

        Example::

            settings = {"api_key": "sk-...", "base_url": "https://api.openai.com/v1"}
            provider = client.ai.create_provider({"name": "OpenAI", "type": "openai", "config": settings})
        """
        check_provider(body, "create_provider")
        return with_both_ids(self._json(create_provider.build_request(body=dict(body)), options))

    def update_provider(
        self, provider_id: str, body: UpdateProviderBody, **options: Unpack[RequestOptions]
    ) -> Provider:
        """PUT /v3/ai/providers/{provider_id}: replace a provider: the full `{name, type, config}` every time.

        A body without them raises `ValueError` before sending.

        Example::

            body = {"name": "OpenAI (prod)", "type": "openai", "config": provider["config"]}
            client.ai.update_provider(provider["id"], body)
        """
        check_provider(body, "update_provider")
        return with_both_ids(self._json(update_provider.build_request(provider_id, body=dict(body)), options))

    def delete_provider(self, provider_id: str, **options: Unpack[RequestOptions]) -> AiDeleted:
        """DELETE /v3/ai/providers/{provider_id}: remove a custom provider.

        Returns `{id, object: "provider.deleted", deleted: true}` (also for an unknown id).

        Example: `client.ai.delete_provider(provider["_id"])`
        """
        return self._json(delete_provider.build_request(provider_id), options)

    def refresh_provider_models(self, provider_id: str, **options: Unpack[RequestOptions]) -> Provider:
        """POST /v3/ai/providers/{provider_id}/models/refresh: re-read the models the provider offers.

        Example: `client.ai.refresh_provider_models(provider["_id"])`
        """
        return with_both_ids(self._json(refresh_provider_models.build_request(provider_id), options))
