# Generated from src/imbrace/_async/resources/ai/guardrails.py by codegen/unasync.py: edit that file.
"""Guardrails and guardrail providers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from typing_extensions import Unpack

from ...._ai_bodies import check_guardrail
from ...._generated.gateway.api.ai import (
    create_guardrail,
    create_guardrail_provider,
    delete_guardrail,
    delete_guardrail_provider,
    get_guardrail,
    get_guardrail_provider,
    get_guardrail_provider_models,
    list_guardrail_providers,
    list_guardrails,
    test_guardrail_provider,
    update_guardrail,
    update_guardrail_provider,
)
from ...._ids import with_both_ids
from ...._types import RequestOptions

if TYPE_CHECKING:
    from ...._generated.gateway.params import (
        CreateGuardrailBody,
        CreateGuardrailProviderBody,
        TestGuardrailProviderBody,
        UpdateGuardrailBody,
        UpdateGuardrailProviderBody,
    )
    from ...._generated.gateway.shapes import (
        Guardrail,
        GuardrailProvider,
        GuardrailProviderDeleted,
        GuardrailProviderModels,
        GuardrailProviderTestResult,
        GuardrailWriteResult,
    )
from ._shared import _GUARDRAIL_ID, _PROVIDER_ID
from .models import Models

__all__ = ["Guardrails"]


class Guardrails(Models):
    """Guardrails and guardrail providers."""

    # --- guardrails

    def list_guardrails(self, **options: Unpack[RequestOptions]) -> list[Guardrail]:
        """GET /v3/ai/guardrail/all: every guardrail of the organization.

        Each is keyed by `guardrails_config_id`; `_id` and `id` are added with the same value.

        Example: `guardrails = client.ai.list_guardrails()`
        """
        return with_both_ids(self._json(list_guardrails.build_request(), options), _GUARDRAIL_ID)

    def get_guardrail(self, guardrail_id: str, **options: Unpack[RequestOptions]) -> Guardrail:
        """GET /v3/ai/guardrail/{guardrail_id}: one guardrail.

        Example: `guardrail = client.ai.get_guardrail("guardrail_id")`
        """
        return with_both_ids(self._json(get_guardrail.build_request(guardrail_id), options), _GUARDRAIL_ID)

    def create_guardrail(self, body: CreateGuardrailBody, **options: Unpack[RequestOptions]) -> GuardrailWriteResult:
        """POST /v3/ai/guardrail/create: create a guardrail.

        `body` needs `name`, `model`, non-empty `instructions` and a `unsafe_categories` list (else `ValueError`
        before sending: the service refuses such a body without saying why); `custom_unsafe_patterns`,
        `competitor_keywords`, `description` and `guardrail_provider_id` (for `model: "custom"`) are optional.
        Returns `{message, guardrails_config_id, status}`, with `_id` and `id` added from the id.

        Example::

            body = {"name": "PII", "model": "nim-nemo", "instructions": "No PII.", "unsafe_categories": []}
            created = client.ai.create_guardrail(body)
        """
        check_guardrail(body, "create_guardrail")
        return with_both_ids(self._json(create_guardrail.build_request(body=dict(body)), options), _GUARDRAIL_ID)

    def update_guardrail(
        self, guardrail_id: str, body: UpdateGuardrailBody, **options: Unpack[RequestOptions]
    ) -> GuardrailWriteResult:
        """PUT /v3/ai/guardrail/update/{guardrail_id}: replace a guardrail, with the same body as a create.

        Example::

            body = {"name": "PII v2", "model": "nim-nemo", "instructions": "No PII.", "unsafe_categories": []}
            client.ai.update_guardrail(created["_id"], body)
        """
        check_guardrail(body, "update_guardrail")
        reply = self._json(update_guardrail.build_request(guardrail_id, body=dict(body)), options)
        return with_both_ids(reply, _GUARDRAIL_ID)

    def delete_guardrail(self, guardrail_id: str, **options: Unpack[RequestOptions]) -> GuardrailWriteResult:
        """DELETE /v3/ai/guardrail/delete/{guardrail_id}: delete a guardrail.

        Returns `{message, guardrails_config_id, status}` (with `_id` and `id`).

        Example: `client.ai.delete_guardrail(created["_id"])`
        """
        return with_both_ids(self._json(delete_guardrail.build_request(guardrail_id), options), _GUARDRAIL_ID)

    # --- guardrail providers

    def list_guardrail_providers(self, **options: Unpack[RequestOptions]) -> list[GuardrailProvider]:
        """GET /v3/ai/guardrail-providers: the providers that power guardrail evaluation.

        Each is keyed by `guardrail_provider_id`; `_id` and `id` are added with the same value.

        Example: `providers = client.ai.list_guardrail_providers()`
        """
        return with_both_ids(self._json(list_guardrail_providers.build_request(), options), _PROVIDER_ID)

    def get_guardrail_provider(self, provider_id: str, **options: Unpack[RequestOptions]) -> GuardrailProvider:
        """GET /v3/ai/guardrail-providers/{provider_id}: one guardrail provider.

        Example: `provider = client.ai.get_guardrail_provider("provider_id")`
        """
        return with_both_ids(self._json(get_guardrail_provider.build_request(provider_id), options), _PROVIDER_ID)

    def create_guardrail_provider(
        self, body: CreateGuardrailProviderBody, **options: Unpack[RequestOptions]
    ) -> GuardrailProvider:
        """POST /v3/ai/guardrail-providers: add a guardrail provider: `name`, a `config` object and a `type`.

        `type` is one of openai, nim-nemo, llamaguard, ollama. Returns the provider (id `guardrail_provider_id`,
        also as `_id` and `id`).

        Example: `gp = client.ai.create_guardrail_provider({"name": "Moderation", "type": "openai", "config": {}})`
        """
        reply = self._json(create_guardrail_provider.build_request(body=dict(body)), options)
        return with_both_ids(reply, _PROVIDER_ID)

    def update_guardrail_provider(
        self, provider_id: str, body: UpdateGuardrailProviderBody, **options: Unpack[RequestOptions]
    ) -> GuardrailProvider:
        """PUT /v3/ai/guardrail-providers/{provider_id}: change a guardrail provider's `name` or `config`.

        Example: `client.ai.update_guardrail_provider(gp["_id"], {"name": "OpenAI Moderation v2"})`
        """
        reply = self._json(update_guardrail_provider.build_request(provider_id, body=dict(body)), options)
        return with_both_ids(reply, _PROVIDER_ID)

    def delete_guardrail_provider(
        self, provider_id: str, **options: Unpack[RequestOptions]
    ) -> GuardrailProviderDeleted:
        """DELETE /v3/ai/guardrail-providers/{provider_id}: remove a guardrail provider.

        Returns `{message, guardrail_provider_id}`.

        Example: `client.ai.delete_guardrail_provider(gp["_id"])`
        """
        return self._json(delete_guardrail_provider.build_request(provider_id), options)

    def test_guardrail_provider(
        self, provider_id: str, body: TestGuardrailProviderBody | None = None, **options: Unpack[RequestOptions]
    ) -> GuardrailProviderTestResult:
        """POST /v3/ai/guardrail-providers/{provider_id}/test: check that the stored provider answers.

        The service reads no body; one given (the documentation's `{"prompt": ...}`) is sent and ignored.
        Returns `{guardrail_provider_id, status, is_connected}`.

        Example: `test_result = client.ai.test_guardrail_provider(gp["_id"])`
        """
        kwargs = test_guardrail_provider.build_request(provider_id, body=dict(body or {}))
        return with_both_ids(self._json(kwargs, options), _PROVIDER_ID)

    def get_guardrail_provider_models(
        self, provider_id: str, **options: Unpack[RequestOptions]
    ) -> GuardrailProviderModels:
        """GET /v3/ai/guardrail-providers/{provider_id}/models: the models a guardrail provider offers.

        Returns `{models: [...]}`.

        Example: `models = client.ai.get_guardrail_provider_models(gp["_id"])`
        """
        return self._json(get_guardrail_provider_models.build_request(provider_id), options)
