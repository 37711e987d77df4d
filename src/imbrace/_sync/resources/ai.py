# Generated from src/imbrace/_async/resources/ai.py by codegen/unasync.py: edit that file.
"""`client.ai`: the OpenAI-compatible AI service: completions, embeddings, models, providers, guardrails, RAG files."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Unpack, cast

from ..._ai_bodies import check_guardrail, check_provider, check_tool_server, merged_agent, with_agent_defaults
from ..._completions import (
    SYSTEM_PROVIDER_ID,
    CompletionCall,
    SystemProvider,
    completion_body,
    embedding_body,
    model_list,
    page_with_both_ids,
    parse_completion,
    parse_embedding,
    split_call,
    system_provider,
)
from ..._errors import APIError
from ..._files import FilesArg, multipart_parts
from ..._generated.gateway.api.ai import (
    check_ai_agent_name,
    complete,
    create_ai_agent_app_v2,
    create_ai_agent_v2,
    create_guardrail,
    create_guardrail_provider,
    create_provider,
    delete_ai_agent_v2,
    delete_guardrail,
    delete_guardrail_provider,
    delete_provider,
    delete_rag_file,
    embed,
    get_ai_agent_app,
    get_guardrail,
    get_guardrail_provider,
    get_guardrail_provider_models,
    get_llm_models,
    get_rag_file,
    list_ai_agent_apps,
    list_ai_agents_v2,
    list_guardrail_providers,
    list_guardrails,
    list_providers,
    list_rag_files,
    refresh_provider_models,
    test_guardrail_provider,
    update_ai_agent_v2,
    update_ai_agent_workflow,
    update_guardrail,
    update_guardrail_provider,
    update_provider,
    upload_rag_file,
    verify_tool_server,
)
from ..._generated.gateway.api.chat_ai import (
    create_ai_agent,
    delete_ai_agent,
    get_ai_agent,
    list_ai_agent_sub_agents,
    list_ai_agents,
    update_ai_agent,
    update_ai_agent_instructions,
)
from ..._ids import with_both_ids
from ..._types import RequestOptions
from ._resource import Resource

if TYPE_CHECKING:
    from ..._generated.gateway.params import (
        CreateAiAgentAppV2Body,
        CreateAiAgentBody,
        CreateAiAgentV2Body,
        CreateGuardrailBody,
        CreateGuardrailProviderBody,
        CreateProviderBody,
        TestGuardrailProviderBody,
        UpdateAiAgentBody,
        UpdateAiAgentInstructionsBody,
        UpdateAiAgentV2Body,
        UpdateAiAgentWorkflowBody,
        UpdateGuardrailBody,
        UpdateGuardrailProviderBody,
        UpdateProviderBody,
        VerifyToolServerBody,
    )
    from ..._generated.gateway.shapes import (
        AiAgent,
        AiAgentApp,
        AiAgentAppListResponse,
        AiAgentListResponse,
        AiDeleted,
        Guardrail,
        GuardrailProvider,
        GuardrailProviderDeleted,
        GuardrailProviderModels,
        GuardrailProviderTestResult,
        GuardrailWriteResult,
        LlmModel,
        LlmModelList,
        NameCheck,
        Provider,
        RagFile,
        ToolServerVerifyResult,
    )
    from ...types.ai import (
        ChatCompletionChunk,
        Completion,
        CompletionInput,
        Embedding,
        EmbeddingInput,
    )

__all__ = ["AiResource", "SYSTEM_PROVIDER_ID", "SystemProvider", "completion_body", "embedding_body"]

_GUARDRAIL_ID = "guardrails_config_id"
_PROVIDER_ID = "guardrail_provider_id"


class AiResource(Resource):
    """The OpenAI-compatible AI service: completions, embeddings, models, providers, guardrails, RAG files, agents."""

    _service = "ai"

    # --- completions

    def complete(
        self, input: CompletionInput | Mapping[str, Any] | None = None, **kwargs: Unpack[CompletionCall]
    ) -> Completion:
        """POST /v3/ai/completions: one chat completion, not streamed (`stream` is always sent as false).

        Pass a `CompletionInput`, a dict of the same fields, or the fields as keyword arguments (keywords given along
        with an input override its fields). A `{success, data}` envelope is unwrapped; a `success: false` one, or a
        reply that is not a completion, raises `APIError`. Returns a `Completion` that keeps unknown fields and takes
        any finish reason (`content_filter`...) and a null `content`. Stream with `client.ai.stream(...)`.

        Example: `response = client.ai.complete(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}])`
        """
        fields, options = split_call(kwargs)
        body = completion_body(input, fields, stream=False)
        return parse_completion(self._json(complete.build_request(body=body), options))

    def stream(
        self, input: CompletionInput | Mapping[str, Any] | None = None, **kwargs: Unpack[CompletionCall]
    ) -> Iterator[ChatCompletionChunk]:
        """POST /v3/ai/completions with `stream: true`: `ChatCompletionChunk`s as the server sends them.

        Takes the same input as `complete`. The request goes out when iteration starts; a non-2xx status raises its
        typed error before the first chunk, an `error` payload raises `StreamError`, a stream cut before `[DONE]`
        raises `IncompleteStreamError`. Breaking out of the loop closes the connection.

        Example: `for chunk in client.ai.stream(model="gpt-4o", messages=[...]): print(chunk.choices[0].delta.content)`
        """
        from ..streaming import CompletionStream

        fields, options = split_call(kwargs)
        request = complete.build_request(body=completion_body(input, fields, stream=True))
        stream = CompletionStream(
            self._open_stream(request, options, accept="text/event-stream"),
            self._transport.limits.max_event_bytes,
        )
        try:
            for chunk in stream:
                yield chunk
        finally:
            stream.close()

    def embed(
        self,
        request: EmbeddingInput | Mapping[str, Any] | str | None = None,
        /,
        input: EmbeddingInput | Mapping[str, Any] | str | Sequence[str] | None = None,
        *,
        model: str | None = None,
        encoding_format: str | None = None,
        dimensions: int | None = None,
        user: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Embedding:
        """POST /v3/ai/embeddings: embedding vectors for one text or a list of texts.

        Accepts every form the previous clients took: an `EmbeddingInput` or a dict (`embed(EmbeddingInput(...))`,
        `embed(input=EmbeddingInput(...))`), keywords (`embed(model=..., input=[...])`), or the old async client's
        positional `embed(model, input)`; a string first argument is the model. A `{success, data}` envelope is
        unwrapped. Returns an `Embedding`: `result.data[i].embedding` is the vector of text `i`.

        Example: `result = client.ai.embed(model="text-embedding-ada-002", input=["billing issue escalated"])`
        """
        from ...types.ai import EmbeddingInput

        if isinstance(request, str):
            if model is not None:
                raise TypeError("embed() got the model twice: as the first argument and as model=")
            model, request = request, None
        texts: str | Sequence[str] | None = None
        if isinstance(input, EmbeddingInput | Mapping):
            if request is not None:
                raise TypeError("embed() got two requests: pass one EmbeddingInput or dict")
            request = input
        else:
            texts = input
        fields = {
            "model": model,
            "input": texts if texts is None or isinstance(texts, str) else list(texts),
            "encoding_format": encoding_format,
            "dimensions": dimensions,
            "user": user,
        }
        body = embedding_body(request, fields)
        return parse_embedding(self._json(embed.build_request(body=body), options))

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

    # --- RAG files

    def list_rag_files(self, **options: Unpack[RequestOptions]) -> list[RagFile]:
        """GET /v3/ai/rag/files: the files uploaded for retrieval-augmented generation (those of no agent).

        Example: `files = client.ai.list_rag_files()`
        """
        return with_both_ids(self._json(list_rag_files.build_request(), options))

    def get_rag_file(self, file_id: str, **options: Unpack[RequestOptions]) -> RagFile:
        """GET /v3/ai/rag/files/{file_id}: one RAG file (the service answers `{}` for an unknown id).

        Example: `file = client.ai.get_rag_file("file_id")`
        """
        return with_both_ids(self._json(get_rag_file.build_request(file_id), options))

    def upload_rag_file(self, files: FilesArg, **options: Unpack[RequestOptions]) -> RagFile:
        """POST /v3/ai/rag/files: upload a file for retrieval-augmented generation (multipart part `file`).

        `files` is the doc's `{"file": open(...)}` dict, or a path, bytes or a binary file object; files are
        streamed, and paths are opened and closed here.

        Example: `uploaded = client.ai.upload_rag_file(files={"file": open("knowledge.pdf", "rb")})`
        """
        with multipart_parts(files) as parts:
            return with_both_ids(self._json(upload_rag_file.build_request(body=parts), options))

    def delete_rag_file(self, file_id: str, **options: Unpack[RequestOptions]) -> AiDeleted:
        """DELETE /v3/ai/rag/files/{file_id}: delete a RAG file and its embeddings.

        Example: `client.ai.delete_rag_file(uploaded["_id"])`
        """
        return self._json(delete_rag_file.build_request(file_id), options)

    # --- AI agents

    def list_ai_agents(self, **options: Unpack[RequestOptions]) -> list[AiAgent]:
        """GET /v3/ai/accounts/assistants: every AI agent of the organization (as `client.chat_ai.list_ai_agents`).

        Returns the server's list of agents (each with `id`, and `_id` added).

        Example: `account_agents = client.ai.list_ai_agents()`
        """
        return with_both_ids(self._json(list_ai_agents.build_request(), options))

    def list_agents(self, **options: Unpack[RequestOptions]) -> list[AiAgent]:
        """GET /v3/ai/assistants/agents: the agents endpoint (as `client.chat_ai.list_ai_agent_sub_agents`).

        Example: `agents = client.ai.list_agents()`
        """
        return with_both_ids(self._json(list_ai_agent_sub_agents.build_request(), options))

    def get_ai_agent(self, ai_agent_id: str, **options: Unpack[RequestOptions]) -> AiAgent:
        """GET /v3/ai/assistants/{ai_agent_id}: one AI agent.

        Example: `agent = client.ai.get_ai_agent("asst_abc")`
        """
        return with_both_ids(self._json(get_ai_agent.build_request(ai_agent_id), options))

    def check_ai_agent_name(self, name: str, **options: Unpack[RequestOptions]) -> NameCheck:
        """GET /v3/ai/assistants/check-name: whether an agent of the organization has this name (sent as `?name=`).

        Returns `{"exist": bool}` as the service sends it (`not check["exist"]` is the name being free).

        Example: `check = client.ai.check_ai_agent_name("Support Bot")`
        """
        return self._json(check_ai_agent_name.build_request(name=name), options)

    def patch_instructions(
        self, ai_agent_id: str, body: UpdateAiAgentInstructionsBody | str, **options: Unpack[RequestOptions]
    ) -> AiAgent:
        """PATCH /v3/ai/assistants/{ai_agent_id}/instructions: set the agent's core task, and so its instructions.

        `body` is `{"instructions": "..."}`, or the text alone; stored as the agent's `core_task`, from which the
        service regenerates `instructions` (see `client.chat_ai.update_ai_agent_instructions`).

        Example: `client.ai.patch_instructions("asst_abc", {"instructions": "You are a concise, helpful assistant."})`
        """
        payload = {"instructions": body} if isinstance(body, str) else dict(body)
        reply = self._json(update_ai_agent_instructions.build_request(ai_agent_id, body=payload), options)
        return with_both_ids(reply)

    # --- AI agent apps

    def list_ai_agent_apps(self, **options: Unpack[RequestOptions]) -> AiAgentAppListResponse:
        """GET /v3/ai/assistant_apps: every AI agent app (a hosted-platform route the open-source service lacks).

        Example: `apps = client.ai.list_ai_agent_apps()`
        """
        reply = self._json(list_ai_agent_apps.build_request(), options)
        return page_with_both_ids(reply)

    def get_ai_agent_app(self, ai_agent_id: str, **options: Unpack[RequestOptions]) -> AiAgentApp:
        """GET /v3/ai/assistant_apps/{ai_agent_id}: one AI agent app (a hosted-platform route; see `get_ai_agent`).

        Example: `app = client.ai.get_ai_agent_app("app_id")`
        """
        return with_both_ids(self._json(get_ai_agent_app.build_request(ai_agent_id), options))

    def create_ai_agent_app(self, body: CreateAiAgentBody, **options: Unpack[RequestOptions]) -> AiAgent:
        """POST /v3/ai/assistant_apps: create an AI agent (`name`, `workflow_name`...; `assistant_id` is replaced).

        Like `client.chat_ai.create_ai_agent` (the same endpoint), `provider_id` defaults to "system" and `model_id`
        to "Default" when missing or None; the caller's dict is not changed.

        Example: `app = client.ai.create_ai_agent_app({"name": "Support App", "workflow_name": "support_workflow_v1"})`
        """
        return with_both_ids(self._json(create_ai_agent.build_request(body=with_agent_defaults(body)), options))

    def update_ai_agent_app(
        self, ai_agent_id: str, body: UpdateAiAgentBody, *, merge: bool = True, **options: Unpack[RequestOptions]
    ) -> AiAgent:
        """PUT /v3/ai/assistant_apps/{ai_agent_id}: change an AI agent app's settings.

        As `client.chat_ai.update_ai_agent`: the service's PUT is a full replace, so by default the agent is read
        first and `body` merged over its settings; `merge=False` sends `body` as is.

        Example: `client.ai.update_ai_agent_app(app["_id"], {"name": "Support App v2"})`
        """
        payload = dict(body)
        if merge:
            payload = merged_agent(self._json(get_ai_agent.build_request(ai_agent_id), options), payload)
        return with_both_ids(self._json(update_ai_agent.build_request(ai_agent_id, body=payload), options))

    def delete_ai_agent_app(self, ai_agent_id: str, **options: Unpack[RequestOptions]) -> AiDeleted:
        """DELETE /v3/ai/assistant_apps/{ai_agent_id}: delete an AI agent app.

        Returns `{id, object: "assistant.deleted", deleted: true}`.

        Example: `client.ai.delete_ai_agent_app(app["_id"])`
        """
        return self._json(delete_ai_agent.build_request(ai_agent_id), options)

    def update_ai_agent_workflow(
        self, ai_agent_id: str, body: UpdateAiAgentWorkflowBody, **options: Unpack[RequestOptions]
    ) -> AiAgentApp:
        """PUT /v3/ai/assistant_apps/{ai_agent_id}/workflow: replace only the app's workflow definition.

        `body` is `{"workflow": {...}}`.

        Example: `client.ai.update_ai_agent_workflow(app["_id"], {"workflow": {"steps": []}})`
        """
        return with_both_ids(self._json(update_ai_agent_workflow.build_request(ai_agent_id, body=dict(body)), options))

    # --- tool servers

    def verify_tool_server(
        self, body: VerifyToolServerBody, **options: Unpack[RequestOptions]
    ) -> ToolServerVerifyResult:
        """POST /v3/ai/configs/tool_servers/verify: check that a tool server answers, and read what it offers.

        `body` is the service's `ToolServerConnection`: `url`, `path`, `type` ("openapi" or "mcp"), `auth_type`,
        `key` and `config` (the last three may be None); a missing key raises `ValueError` before sending. Returns
        `{type, url, connection_url, headers, openapi, info, specs}` for an OpenAPI server, `{status, specs}` for MCP.

        Example::

            result = client.ai.verify_tool_server({
                "url": "https://tools.example.com", "path": "openapi.json", "type": "openapi",
                "auth_type": None, "key": None, "config": None,
            })
        """
        check_tool_server(body)
        return self._json(verify_tool_server.build_request(body=dict(body)), options)

    # --- v2 agent routes

    def list_ai_agents_v2(self, **options: Unpack[RequestOptions]) -> AiAgentListResponse:
        """GET /v2/ai/ai/assistants: AI agents on the v2 route (the doubled `ai` is the gateway's path).

        Example: `agents = client.ai.list_ai_agents_v2()`
        """
        reply = self._json(list_ai_agents_v2.build_request(), options)
        return page_with_both_ids(reply)

    def create_ai_agent_v2(self, body: CreateAiAgentV2Body, **options: Unpack[RequestOptions]) -> AiAgent:
        """POST /v2/ai/ai/assistants: create an AI agent on the v2 route; the body is sent as given (no defaults).

        Example: `agent = client.ai.create_ai_agent_v2({"name": "Support Bot"})`
        """
        return with_both_ids(self._json(create_ai_agent_v2.build_request(body=dict(body)), options))

    def update_ai_agent_v2(
        self, ai_agent_id: str, body: UpdateAiAgentV2Body, **options: Unpack[RequestOptions]
    ) -> AiAgent:
        """PUT /v2/ai/ai/assistants/{ai_agent_id}: update an AI agent on the v2 route.

        Example: `client.ai.update_ai_agent_v2("asst_abc", {"name": "Support Bot v2"})`
        """
        return with_both_ids(self._json(update_ai_agent_v2.build_request(ai_agent_id, body=dict(body)), options))

    def delete_ai_agent_v2(self, ai_agent_id: str, **options: Unpack[RequestOptions]) -> AiDeleted:
        """DELETE /v2/ai/ai/assistants/{ai_agent_id}: delete an AI agent on the v2 route.

        Example: `client.ai.delete_ai_agent_v2("asst_abc")`
        """
        return self._json(delete_ai_agent_v2.build_request(ai_agent_id), options)

    def create_ai_agent_app_v2(self, body: CreateAiAgentAppV2Body, **options: Unpack[RequestOptions]) -> AiAgentApp:
        """POST /v2/ai/ai/assistant_apps: create an AI agent app on the v2 route; the body is sent as given.

        Example: `app = client.ai.create_ai_agent_app_v2({"name": "Support App", "workflow_name": "support_v1"})`
        """
        return with_both_ids(self._json(create_ai_agent_app_v2.build_request(body=dict(body)), options))
